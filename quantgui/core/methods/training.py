"""The QAT fine-tuning loop shared by every engine: live loss per step, validation per epoch.

torch.ao's FX QAT and torchao's PT2E QAT differ only in how a prepared model switches between
training and evaluation, turns its observers on and off and freezes batch-norm statistics;
``TrainingHooks`` carries those differences, so both draw the same curves from the same loop.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from quantgui.core.data import DataBundle
from quantgui.core.errors import DataError, ModelError
from quantgui.core.events import CancelToken, EpochEnd, EventStream, Progress, TrainStep, drive
from quantgui.core.recipes import QatRecipe

History = list[dict[str, float | int | None]]


@dataclass
class TrainingHooks:
    """How one kind of prepared model changes mode (see the module docstring)."""

    train: Callable[[nn.Module], None]
    eval: Callable[[nn.Module], None]
    enable_observers: Callable[[nn.Module], None]
    disable_observers: Callable[[nn.Module], None]
    freeze_bn: Callable[[nn.Module], None] | None = None


def loss_kind(recipe: QatRecipe, data: DataBundle) -> str:
    if recipe.loss == "auto":
        return "cross_entropy" if data.has_labels else "distillation"
    if recipe.loss == "cross_entropy" and not data.has_labels:
        raise DataError("QAT with the cross-entropy loss needs labels, and this data has none.",
                        "Choose the distillation loss, which matches the original outputs.")
    return recipe.loss


@torch.no_grad()
def outputs_of(model: nn.Module, inputs: torch.Tensor, batch_size: int,
               device: torch.device) -> torch.Tensor:
    return torch.cat([model(inputs[i:i + batch_size].to(device)).float().cpu()
                      for i in range(0, inputs.shape[0], batch_size)])


@dataclass
class Teacher:
    """The float model's outputs on both parts of the data: the distillation targets."""

    train: torch.Tensor
    val: torch.Tensor

    @staticmethod
    def of(original: nn.Module, data: DataBundle, batch_size: int) -> Teacher:
        return drive(Teacher.stream(original, data, batch_size))

    @staticmethod
    def batches(data: DataBundle, batch_size: int) -> int:
        """The forward passes ``stream`` makes."""
        return (-(-data.train_inputs.shape[0] // batch_size)
                - (-data.val_inputs.shape[0] // batch_size))

    @staticmethod
    def stream(original: nn.Module, data: DataBundle, batch_size: int,
               cancel: CancelToken | None = None, stage: str = "preparing", done: int = 0,
               total: int | None = None) -> EventStream[Teacher]:
        """The targets batch by batch (a large model takes a while on all the data), yielding
        ``Progress(stage, done + batch, total)`` and checking ``cancel`` between batches."""
        cancel = cancel or CancelToken()
        total = total if total is not None else done + Teacher.batches(data, batch_size)
        parts: list[list[torch.Tensor]] = [[], []]
        for part, inputs in zip(parts, (data.train_inputs, data.val_inputs), strict=True):
            for start in range(0, inputs.shape[0], batch_size):
                cancel.raise_if_cancelled()
                # not inference_mode: the targets enter the loss's graph; not across the
                # yield: the caller's code between two events must not run without grad
                with torch.no_grad():
                    part.append(original(inputs[start:start + batch_size]).float().cpu())
                done += 1
                yield Progress(stage, done, total)
        return Teacher(torch.cat(parts[0]), torch.cat(parts[1]))


def make_optimizer(parameters: list[torch.nn.Parameter],
                   recipe: QatRecipe) -> torch.optim.Optimizer:
    if not parameters:  # torch would say only "optimizer got an empty parameter list"
        raise ModelError("QAT needs a model with trainable parameters, and this one has none.",
                         "Use static quantization: it needs no training.")
    if recipe.optimizer == "adam":
        return torch.optim.Adam(parameters, lr=recipe.learning_rate)
    return torch.optim.SGD(parameters, lr=recipe.learning_rate, momentum=0.9)


def fine_tune(prepared: nn.Module, data: DataBundle, recipe: QatRecipe, cancel: CancelToken,
              device: torch.device, kind: str, teacher: Teacher | None,
              hooks: TrainingHooks, optimizer: torch.optim.Optimizer
              ) -> EventStream[History]:
    """Train ``prepared`` (already on ``device``) for ``recipe.epochs``, yielding a TrainStep
    per step and an EpochEnd per epoch; returns one record per epoch."""
    count = data.train_inputs.shape[0]
    steps_per_epoch = recipe.steps_per_epoch(count)
    total_steps = steps_per_epoch * recipe.epochs
    generator = torch.Generator().manual_seed(recipe.seed)
    history: History = []

    def loss_of(outputs: torch.Tensor, idx: torch.Tensor, val: bool) -> torch.Tensor:
        if kind == "cross_entropy":
            labels = (data.val_labels if val else data.train_labels)[idx].to(device)
            return F.cross_entropy(outputs, labels)
        assert teacher is not None
        targets = (teacher.val if val else teacher.train)[idx].to(device)
        return F.mse_loss(outputs.float(), targets)

    step_index = 0
    for epoch in range(1, recipe.epochs + 1):
        hooks.train(prepared)
        observers_frozen = (recipe.freeze_observers_epoch is not None
                            and epoch > recipe.freeze_observers_epoch)
        if observers_frozen:
            hooks.disable_observers(prepared)
        bn_frozen = recipe.freeze_bn_epoch is not None and epoch > recipe.freeze_bn_epoch
        if bn_frozen and hooks.freeze_bn is not None:
            hooks.freeze_bn(prepared)
        order = torch.randperm(count, generator=generator)
        epoch_loss = 0.0
        for step in range(1, steps_per_epoch + 1):
            cancel.raise_if_cancelled()
            if recipe.lr_schedule == "cosine":
                lr = recipe.learning_rate * 0.5 * (1 + math.cos(math.pi * step_index / total_steps))
            else:
                lr = recipe.learning_rate
            for group in optimizer.param_groups:
                group["lr"] = lr
            idx = order[(step - 1) * recipe.batch_size: step * recipe.batch_size]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_of(prepared(data.train_inputs[idx].to(device)), idx, val=False)
            if not torch.isfinite(loss):
                raise DataError(f"The QAT loss became {loss.item()} at epoch {epoch}, step {step}.",
                                "Lower the learning rate.")
            loss.backward()
            optimizer.step()
            step_index += 1
            value = loss.item()
            epoch_loss += value
            yield TrainStep(epoch, recipe.epochs, step, steps_per_epoch, value, lr,
                            time.perf_counter())
        # Validation must not teach the observers: fake-quant observers update even in eval
        # mode, so they are switched off while the validation data passes through.
        hooks.disable_observers(prepared)
        val_loss, val_accuracy = _validate(prepared, data, recipe.batch_size, device, loss_of,
                                           hooks, cancel)
        if not observers_frozen:
            hooks.enable_observers(prepared)
        record = {"epoch": epoch, "train_loss": epoch_loss / steps_per_epoch,
                  "val_loss": val_loss, "val_accuracy": val_accuracy}
        history.append(record)
        yield EpochEnd(epoch, recipe.epochs, record["train_loss"], val_loss, val_accuracy)
    return history


@torch.no_grad()
def _validate(prepared: nn.Module, data: DataBundle, batch_size: int, device: torch.device,
              loss_of: Callable[[torch.Tensor, torch.Tensor, bool], torch.Tensor],
              hooks: TrainingHooks, cancel: CancelToken | None = None
              ) -> tuple[float, float | None]:
    hooks.eval(prepared)
    total_loss, correct, seen = 0.0, 0, 0
    for start in range(0, data.val_inputs.shape[0], batch_size):
        if cancel is not None:
            cancel.raise_if_cancelled()
        idx = torch.arange(start, min(start + batch_size, data.val_inputs.shape[0]))
        outputs = prepared(data.val_inputs[idx].to(device))
        total_loss += loss_of(outputs, idx, True).item() * len(idx)
        if data.val_labels is not None:
            correct += (outputs.argmax(-1).cpu() == data.val_labels[idx]).sum().item()
        seen += len(idx)
    hooks.train(prepared)
    accuracy = correct / seen if data.val_labels is not None else None
    return total_loss / seen, accuracy
