"""An engine that lives outside quantgui: bfloat16 weights and activations in eager PyTorch.

Registered by the registry tests to show that a new engine is one module and one
``register_engine`` call: the command line and the window list and run it with no other edit.
"""

from __future__ import annotations

import copy
import io
import time
from typing import ClassVar

import torch
from torch import nn

from quantgui.core.engines import Engine, EngineBuild, register_engine
from quantgui.core.events import Progress


class _Bfloat16(nn.Module):
    def __init__(self, model: nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.model(x.to(torch.bfloat16)).float()


class Bfloat16Engine(Engine):
    name: ClassVar[str] = "bf16_plugin"
    title: ClassVar[str] = "bfloat16 eager (test plug-in)"
    description: ClassVar[str] = "Casts the model to bfloat16; a plug-in registered by a test."
    techniques: ClassVar[tuple[str, ...]] = ("dynamic",)

    def build(self, loaded, recipe, cancel, cache=None):  # noqa: ANN001, ANN201
        yield Progress("quantizing", 0, 1)
        started = time.perf_counter()
        model = _Bfloat16(copy.deepcopy(loaded.model).eval().to(torch.bfloat16))
        buffer = io.BytesIO()
        torch.save(model.state_dict(), buffer)
        yield Progress("quantizing", 1, 1)
        return EngineBuild(quantized=model, size_bytes=buffer.getbuffer().nbytes,
                           prepare_seconds={"cast": time.perf_counter() - started})


ENGINE = register_engine(Bfloat16Engine())
