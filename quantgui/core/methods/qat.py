"""Quantization-aware training in FX graph mode: fine-tune with fake quantization, then convert."""

from __future__ import annotations

import copy
import math
import time

import torch
import torch.nn.functional as F
from torch import nn
from torch.ao.nn.intrinsic.qat import freeze_bn_stats
from torch.ao.quantization import (
    FusedMovingAvgObsFakeQuantize,
    MovingAverageMinMaxObserver,
    QConfig,
    QConfigMapping,
    default_fused_per_channel_wt_fake_quant,
    disable_observer,
    enable_observer,
    get_default_qat_qconfig_mapping,
)

from quantgui.core.data import DataBundle
from quantgui.core.errors import DataError
from quantgui.core.events import CancelToken, EpochEnd, EventStream, LogMessage, Progress, TrainStep
from quantgui.core.methods import fx_units
from quantgui.core.methods.common import MethodResult
from quantgui.core.methods.static import float_softmax, softmax_notes, untraceable_notes
from quantgui.core.recipes import QatRecipe


def qconfig_mapping(recipe: QatRecipe) -> QConfigMapping:
    activation = FusedMovingAvgObsFakeQuantize.with_args(
        observer=MovingAverageMinMaxObserver, quant_min=0, quant_max=255,
        reduce_range=recipe.effective_reduce_range)
    return float_softmax(get_default_qat_qconfig_mapping(recipe.backend).set_global(
        QConfig(activation=activation, weight=default_fused_per_channel_wt_fake_quant)))


def _loss_kind(recipe: QatRecipe, data: DataBundle) -> str:
    if recipe.loss == "auto":
        return "cross_entropy" if data.has_labels else "distillation"
    if recipe.loss == "cross_entropy" and not data.has_labels:
        raise DataError("QAT with the cross-entropy loss needs labels, and this data has none.",
                        "Choose the distillation loss, which matches the original outputs.")
    return recipe.loss


@torch.no_grad()
def _outputs(model: nn.Module, inputs: torch.Tensor, batch_size: int,
             device: torch.device) -> torch.Tensor:
    return torch.cat([model(inputs[i:i + batch_size].to(device)).float().cpu()
                      for i in range(0, inputs.shape[0], batch_size)])


def quantize(model: nn.Module, data: DataBundle, recipe: QatRecipe,
             cancel: CancelToken) -> EventStream[MethodResult]:
    cancel.raise_if_cancelled()
    loss_kind = _loss_kind(recipe, data)
    device = torch.device(recipe.device)
    original = copy.deepcopy(model).cpu().eval()
    yield Progress("preparing", 0, 1)
    teacher_train = teacher_val = None
    if loss_kind == "distillation":
        cpu = torch.device("cpu")
        teacher_train = _outputs(original, data.train_inputs, recipe.batch_size, cpu)
        teacher_val = _outputs(original, data.val_inputs, recipe.batch_size, cpu)

    work = copy.deepcopy(model).cpu().train()
    plan = fx_units.plan_units(work)
    base = qconfig_mapping(recipe)
    prepared, units = fx_units.prepare(
        work, plan, lambda unit: fx_units.keep_float_mapping(base, recipe.keep_float, unit),
        data.train_inputs[:recipe.batch_size], qat=True)
    prepared.to(device).train()
    yield Progress("preparing", 1, 1)
    if device.type == "cuda":
        yield LogMessage(f"Training on {torch.cuda.get_device_name(device)}; the model moves to "
                         "the CPU before convert (int8 kernels are CPU-only).")

    parameters = [p for p in prepared.parameters() if p.requires_grad]
    if recipe.optimizer == "adam":
        optimizer = torch.optim.Adam(parameters, lr=recipe.learning_rate)
    else:
        optimizer = torch.optim.SGD(parameters, lr=recipe.learning_rate, momentum=0.9)
    count = data.train_inputs.shape[0]
    steps_per_epoch = recipe.steps_per_epoch(count)
    total_steps = steps_per_epoch * recipe.epochs
    generator = torch.Generator().manual_seed(recipe.seed)
    history: list[dict[str, float | int | None]] = []

    def loss_of(outputs: torch.Tensor, idx: torch.Tensor, val: bool) -> torch.Tensor:
        if loss_kind == "cross_entropy":
            labels = (data.val_labels if val else data.train_labels)[idx].to(device)
            return F.cross_entropy(outputs, labels)
        targets = (teacher_val if val else teacher_train)[idx].to(device)
        return F.mse_loss(outputs.float(), targets)

    step_index = 0
    for epoch in range(1, recipe.epochs + 1):
        prepared.train()
        observers_frozen = (recipe.freeze_observers_epoch is not None
                            and epoch > recipe.freeze_observers_epoch)
        if observers_frozen:
            prepared.apply(disable_observer)
        if recipe.freeze_bn_epoch is not None and epoch > recipe.freeze_bn_epoch:
            prepared.apply(freeze_bn_stats)
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
        prepared.apply(disable_observer)
        val_loss, val_accuracy = _validate(prepared, data, recipe.batch_size, device, loss_of)
        if not observers_frozen:
            prepared.apply(enable_observer)
        record = {"epoch": epoch, "train_loss": epoch_loss / steps_per_epoch,
                  "val_loss": val_loss, "val_accuracy": val_accuracy}
        history.append(record)
        yield EpochEnd(epoch, recipe.epochs, record["train_loss"], val_loss, val_accuracy)

    cancel.raise_if_cancelled()
    yield Progress("converting", 0, 1)
    # convert on CUDA fails (Unsupported qscheme: per_channel_affine): move to the CPU first.
    prepared = prepared.cpu().eval()
    quantized = fx_units.convert(prepared, units)
    notes = {**softmax_notes(model), **untraceable_notes(plan, model)}
    for name in recipe.keep_float:
        notes[name] = "kept in float by request"
    yield Progress("converting", 1, 1)
    return MethodResult(quantized, notes, history)


@torch.no_grad()
def _validate(prepared: nn.Module, data: DataBundle, batch_size: int, device: torch.device,
              loss_of) -> tuple[float, float | None]:
    prepared.eval()
    total_loss, correct, seen = 0.0, 0, 0
    for start in range(0, data.val_inputs.shape[0], batch_size):
        idx = torch.arange(start, min(start + batch_size, data.val_inputs.shape[0]))
        outputs = prepared(data.val_inputs[idx].to(device))
        total_loss += loss_of(outputs, idx, val=True).item() * len(idx)
        if data.val_labels is not None:
            correct += (outputs.argmax(-1).cpu() == data.val_labels[idx]).sum().item()
        seen += len(idx)
    prepared.train()
    accuracy = correct / seen if data.val_labels is not None else None
    return total_loss / seen, accuracy
