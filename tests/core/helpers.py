"""Small real models and data for core tests."""

from __future__ import annotations

import copy

import torch
from torch import nn

from quantgui.core.data import DataBundle
from quantgui.core.demos import LoadedModel


def state_snapshot(model: nn.Module) -> dict[str, torch.Tensor]:
    return {k: v.detach().clone() for k, v in model.state_dict().items()}


def assert_state_equal(model: nn.Module, snapshot: dict[str, torch.Tensor]) -> None:
    state = model.state_dict()
    assert state.keys() == snapshot.keys()
    for key, value in snapshot.items():
        assert torch.equal(state[key], value), f"{key} changed"


def with_data(loaded: LoadedModel, **changes) -> LoadedModel:
    """A copy of ``loaded`` whose data fields are replaced."""
    data = copy.copy(loaded.data)
    for name, value in changes.items():
        setattr(data, name, value)
    return LoadedModel(loaded.name, loaded.description, loaded.model, data, loaded.source)


class Gate(nn.Module):
    """Data-dependent control flow: FX cannot trace this."""

    def __init__(self) -> None:
        super().__init__()
        self.inner = nn.Linear(16, 16)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.mean() > 0:
            return torch.relu(self.inner(x))
        return self.inner(x)


class PartlyTraceable(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.first = nn.Linear(8, 16)
        self.gate = Gate()
        self.last = nn.Linear(16, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.last(self.gate(self.first(x)))


def random_loaded(model: nn.Module, input_shape: tuple[int, ...], classes: int | None = None,
                  count: int = 96) -> LoadedModel:
    generator = torch.Generator().manual_seed(0)
    inputs = torch.randn(count, *input_shape, generator=generator)
    labels = None if classes is None else torch.randint(0, classes, (count,), generator=generator)
    half = count * 3 // 4
    data = DataBundle(
        name="random", train_inputs=inputs[:half], val_inputs=inputs[half:],
        train_labels=None if labels is None else labels[:half],
        val_labels=None if labels is None else labels[half:], num_classes=classes)
    return LoadedModel("test-model", "", model.eval(), data, "test")
