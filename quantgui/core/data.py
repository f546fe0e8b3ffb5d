"""Data for calibration, training and evaluation, checked before any work starts."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import torch

from quantgui.core.errors import DataError


@dataclass
class DataBundle:
    """Inputs (and optional labels), split into training and validation parts.

    ``input_shape`` is the shape of one sample, without the batch dimension. ``kind`` tells the
    window how to draw a sample ("image" for 2-D pictures, "tokens" for integer sequences,
    "inputs" for several inputs packed side by side, "vector" otherwise). ``signature``, a
    ``signature.InputSignature``, names the model's inputs where they are not one float tensor.
    """

    name: str
    train_inputs: torch.Tensor
    val_inputs: torch.Tensor
    train_labels: torch.Tensor | None = None
    val_labels: torch.Tensor | None = None
    num_classes: int | None = None
    kind: str = "vector"
    description: str = ""
    signature: Any = None

    @property
    def input_shape(self) -> tuple[int, ...]:
        return tuple(self.train_inputs.shape[1:])

    @property
    def has_labels(self) -> bool:
        return self.train_labels is not None and self.val_labels is not None

    def validate(self) -> None:
        """Raise a DataError that says what is wrong and what to do."""
        for part, inputs, labels in (("training", self.train_inputs, self.train_labels),
                                     ("validation", self.val_inputs, self.val_labels)):
            if inputs.ndim == 0 or inputs.shape[0] == 0:
                raise DataError(f"The {part} data is empty.",
                                "Provide at least one sample for training and for validation.")
            if self.signature is not None and not self.signature.is_float:
                if inputs.dtype != self.signature.dtype:
                    raise DataError(f"The {part} inputs have dtype {inputs.dtype}, the model's "
                                    f"inputs ({self.signature.describe()}) need "
                                    f"{self.signature.dtype}.",
                                    "Convert the inputs, or give the model's --input.")
                self.signature.check_data(inputs, part)
            elif not inputs.is_floating_point():
                raise DataError(f"The {part} inputs have dtype {inputs.dtype}, not float.",
                                "Convert the inputs to float32.")
            bad = 0
            if inputs.is_floating_point() and inputs.numel():
                # NaN and infinities show in the extremes: counted only when there are some
                # (counting every value took 0.3-0.6 s on 256 images of 224x224)
                low, high = torch.aminmax(inputs)
                if not (torch.isfinite(low) and torch.isfinite(high)):
                    bad = (~torch.isfinite(inputs)).sum().item()
            if bad:
                raise DataError(
                    f"The {part} inputs contain {bad} NaN or infinite value(s).",
                    "Clean or impute the data before quantizing: observers would learn "
                    "meaningless ranges from it.")
            if tuple(inputs.shape[1:]) != self.input_shape:
                raise DataError(
                    f"The {part} samples have shape {tuple(inputs.shape[1:])}, but the "
                    f"training samples have shape {self.input_shape}.",
                    "All samples must have the same shape.")
            if labels is not None:
                if labels.shape[0] != inputs.shape[0]:
                    raise DataError(
                        f"The {part} data has {inputs.shape[0]} inputs but {labels.shape[0]} "
                        "labels.", "Give exactly one label per input.")
                if self.num_classes is not None and labels.numel() and (
                        labels.min().item() < 0 or labels.max().item() >= self.num_classes):
                    raise DataError(
                        f"The {part} labels range from {labels.min().item()} to "
                        f"{labels.max().item()}, outside 0..{self.num_classes - 1}.",
                        "Labels must be class indices from 0 to the number of classes - 1.")
        if (self.train_labels is None) != (self.val_labels is None):
            raise DataError("Only one of the training and validation parts has labels.",
                            "Give labels for both parts, or for neither.")

    def train_batches(self, batch_size: int) -> Iterator[torch.Tensor]:
        for start in range(0, self.train_inputs.shape[0], batch_size):
            yield self.train_inputs[start:start + batch_size]

    def val_batches(self, batch_size: int) -> Iterator[tuple[torch.Tensor, torch.Tensor | None]]:
        for start in range(0, self.val_inputs.shape[0], batch_size):
            labels = None if self.val_labels is None else self.val_labels[start:start + batch_size]
            yield self.val_inputs[start:start + batch_size], labels

    def example_batch(self, batch_size: int) -> torch.Tensor:
        """A fixed batch of validation inputs (repeated if the set is small), for latency,
        export and compilation: a tensor of its own, never a view of the data, so that a
        model that writes into its input (inductor did, see engines.pt2e) cannot change the
        data through it."""
        inputs = self.val_inputs
        if inputs.shape[0] < batch_size:
            repeats = -(-batch_size // inputs.shape[0])
            inputs = inputs.repeat(repeats, *([1] * (inputs.ndim - 1)))
        return inputs[:batch_size].clone(memory_format=torch.contiguous_format)

    TENSORS = ("train_inputs", "val_inputs", "train_labels", "val_labels")

    def private_copy(self) -> DataBundle:
        """The same data in tensors of its own: what a run hands to the engines and to every
        model it runs, so that nothing they do in place reaches the loaded data (one copy of
        the data per run; ``changed_fields`` tells afterwards whether anything wrote to it)."""
        return dataclasses.replace(self, **{
            name: None if getattr(self, name) is None else getattr(self, name).clone()
            for name in self.TENSORS})

    def changed_fields(self, other: DataBundle) -> list[str]:
        """The tensors (``TENSORS``) whose shape, dtype or values differ from ``other``'s."""
        changed = []
        for name in self.TENSORS:
            mine, theirs = getattr(self, name), getattr(other, name)
            if mine is None or theirs is None:
                if (mine is None) != (theirs is None):
                    changed.append(name)
            elif mine.dtype != theirs.dtype or not torch.equal(mine, theirs):
                changed.append(name)
        return changed


def split(inputs: torch.Tensor, labels: torch.Tensor | None, val_fraction: float,
          seed: int = 0) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor | None,
                                  torch.Tensor | None]:
    """A fixed, seeded random split into training and validation parts."""
    if (isinstance(val_fraction, bool) or not isinstance(val_fraction, (int, float))
            or not 0.0 < val_fraction < 1.0):  # NaN fails the comparison too
        raise DataError(f"The validation fraction {str(val_fraction)[:40]} is not between 0 and 1.",
                        "Use a value such as 0.2.")
    count = inputs.shape[0]
    if count < 2:
        raise DataError(f"The data has {count} sample(s); at least 2 are needed to split it.")
    order = torch.randperm(count, generator=torch.Generator().manual_seed(seed))
    val_count = min(count - 1, max(1, round(count * val_fraction)))
    val_idx, train_idx = order[:val_count], order[val_count:]
    return (inputs[train_idx], inputs[val_idx],
            None if labels is None else labels[train_idx],
            None if labels is None else labels[val_idx])
