"""What a technique is, whatever engine runs it."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import torch
    from torch import nn

    from quantgui.core.data import DataBundle
    from quantgui.core.events import CancelToken, EventStream
    from quantgui.core.methods.common import MethodResult
    from quantgui.core.recipes import Recipe

# torch.ao implementation: quantize(model, data, recipe, cancel, **options) -> MethodResult
TorchAoQuantize = Callable[..., "EventStream[MethodResult]"]


@dataclass(frozen=True)
class Technique:
    name: str  # identifier in recipes, reports, the CLI
    title: str  # shown in the window (translated there through core_strings)
    summary: str  # two sentences: what it does and when it pays
    # "module:Class" of the recipe and "module:function" of the torch.ao (eager kernels, FX
    # graph mode) implementation: imported on first use, so that listing techniques (the
    # window does it while it starts) does not import torch
    recipe_path: str
    torch_ao_path: str
    int8_note: str  # the note of a layer this technique made int8
    # note of a weighted layer the technique did not make int8 (``{type}`` is its class name)
    float_note: str
    # the stand-in that plans and ranks layers: same decisions, quicker (QAT plans as static)
    planning_recipe: Callable[[Recipe], Recipe]
    ranking_recipe: Callable[[Recipe], Recipe]
    # (imports, code defining ``quantize(model, data)``) for the standalone torch.ao script
    script_section: Callable[[Recipe], tuple[str, str]]
    trains: bool = False  # fine-tunes: the window shows training curves, reports have epochs
    calibrates: bool = False  # learns activation ranges from data (calibration can be reused)
    # makes convolutions and linear layers int8 alike (static, QAT; dynamic takes linears only):
    # a run that leaves most of them float is worth a warning
    converts_convolutions: bool = False
    # the generated script needs FX to trace the model whole
    script_needs_whole_graph: bool = True
    # per-layer SQNR from torch.ao.ns: (original, method result, batch) -> {layer: figures}
    numeric_suite: Callable[[nn.Module, MethodResult, torch.Tensor],
                            dict[str, tuple[float | None, ...]]] | None = None

    @property
    def recipe_type(self) -> type[Recipe]:
        return _resolve(self.recipe_path)

    @property
    def torch_ao_quantize(self) -> TorchAoQuantize:
        return _resolve(self.torch_ao_path)

    def torch_ao_options(self, cache: dict | None) -> dict[str, Any]:
        """Keyword options the torch.ao implementation takes from a run's cache."""
        if self.calibrates:
            return {"calibration_cache": cache} if cache is not None else {}
        return {}

    def build_ao(self, model: nn.Module, data: DataBundle, recipe: Recipe, cancel: CancelToken,
                 **options: Any) -> EventStream[MethodResult]:
        return self.torch_ao_quantize(model, data, recipe, cancel, **options)


def _resolve(path: str) -> Any:
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)
