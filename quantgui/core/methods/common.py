"""What the three techniques share: backend selection, thread count, output of a method."""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field

import torch
from torch import nn

from quantgui.core.recipes import Recipe


@dataclass
class MethodResult:
    model: nn.Module
    notes: dict[str, str] = field(default_factory=dict)  # layer name -> why it stayed float
    training: list[dict[str, float | int | None]] = field(default_factory=list)
    # the calibrated graph before convert, kept when FX converted the model as a whole: the
    # numeric suite (core.numeric_suite) compares it with the converted graph layer by layer
    observed_model: nn.Module | None = None


@contextlib.contextmanager
def engine_and_threads(recipe: Recipe) -> Iterator[None]:
    """Select the quantized engine and thread count for a run, then restore them."""
    previous_engine = torch.backends.quantized.engine
    previous_threads = torch.get_num_threads()
    previous_fastpath = torch.backends.mha.get_fastpath_enabled()
    try:
        torch.backends.quantized.engine = recipe.backend
        torch.set_num_threads(recipe.threads)
        # The multi-head-attention fast path crashes on dynamically quantized weights under
        # inference_mode; it is off inside runs and restored after, for the user's models.
        torch.backends.mha.set_fastpath_enabled(False)
        with warnings.catch_warnings():
            # torch.ao.quantization warns on every call that it is deprecated; the window says
            # once which engine is in use instead.
            warnings.simplefilter("ignore", DeprecationWarning)
            warnings.filterwarnings("ignore", message=".*quantiz.*", category=UserWarning)
            warnings.filterwarnings("ignore", message=".*quant_min and quant_max.*")
            yield
    finally:
        torch.backends.quantized.engine = previous_engine
        torch.set_num_threads(previous_threads)
        torch.backends.mha.set_fastpath_enabled(previous_fastpath)


@contextlib.contextmanager
def evaluating(model: nn.Module) -> Iterator[nn.Module]:
    """The model in eval mode for a measurement; every module's own mode is put back after,
    so the user's model comes back exactly as it was given."""
    modes = [(module, module.training) for module in model.modules()]
    model.eval()
    try:
        yield model
    finally:
        for module, training in modes:
            module.training = training
