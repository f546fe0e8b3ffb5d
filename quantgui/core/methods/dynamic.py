"""Dynamic quantization: int8 weights, activations quantized on the fly at each call."""

from __future__ import annotations

import copy

import torch
from torch import nn
from torch.ao.quantization import quantize_dynamic

from quantgui.core import texts
from quantgui.core.data import DataBundle
from quantgui.core.events import CancelToken, EventStream, LogMessage, Progress
from quantgui.core.methods.common import MethodResult
from quantgui.core.methods.tied import retie, tied_layers, tied_log, tied_notes
from quantgui.core.recipes import DynamicRecipe

LAYER_CLASSES: dict[str, type[nn.Module]] = {
    "Linear": nn.Linear, "LSTM": nn.LSTM, "GRU": nn.GRU,
    "LSTMCell": nn.LSTMCell, "GRUCell": nn.GRUCell, "RNNCell": nn.RNNCell,
}


def quantize(model: nn.Module, data: DataBundle, recipe: DynamicRecipe,
             cancel: CancelToken) -> EventStream[MethodResult]:
    cancel.raise_if_cancelled()
    yield Progress("quantizing", 0, 1)
    if any(isinstance(m, nn.MultiheadAttention) for m in model.modules()):
        yield LogMessage(texts.LOG_MHA_FASTPATH)
    work = copy.deepcopy(model).cpu().eval()
    tied = tied_layers(model, recipe.keep_float)
    yield from tied_log(tied)
    layer_types = {LAYER_CLASSES[name] for name in recipe.layer_types}
    dtype = torch.qint8 if recipe.dtype == "int8" else torch.float16
    quantized = quantize_dynamic(work, qconfig_spec=layer_types, dtype=dtype)
    notes = tied_notes(tied)
    for name in (*recipe.keep_float, *tied):
        # Put the untouched float layer back: simpler and more certain than a per-name qconfig.
        parent_name, _, child = name.rpartition(".")
        parent = quantized.get_submodule(parent_name) if parent_name else quantized
        setattr(parent, child, copy.deepcopy(model.get_submodule(name)).cpu().eval())
    notes.update({name: texts.NOTE_KEPT for name in recipe.keep_float})
    retie(model, quantized)  # a layer put back shares its weight again, as in the model
    yield Progress("quantizing", 1, 1)
    return MethodResult(quantized, notes)
