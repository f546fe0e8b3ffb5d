"""See inside a quantized model: per-layer error, the plan before a run, sensitivity.

Per-layer error is measured with forward hooks on the original and the quantized model, on the
same batch, so it works for every technique (FX graphs, dynamic modules, units around code FX
cannot trace):

- weight SQNR: the original weight (with batch-norm folded in where FX fused it) against the
  dequantized int8 weight;
- output SQNR: the layer's own error. The quantized layer is fed the *float* input of the
  original layer, quantized with the scale the quantized model used there (a shadow run);
- accumulated SQNR: the quantized model's own activation at that layer against the original's,
  which includes every error upstream.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn
from torch.nn.utils.fusion import fuse_conv_bn_weights, fuse_linear_bn_weights

from quantgui.core import metrics
from quantgui.core.demos import LoadedModel
from quantgui.core.events import CancelToken, EventStream, Progress
from quantgui.core.layers import LayerRecord, find_module, layer_records, leaf_modules
from quantgui.core.methods.common import engine_and_threads, evaluating
from quantgui.core.recipes import Recipe
from quantgui.core.techniques import get_technique


def _first_tensor(value: Any) -> torch.Tensor | None:
    if isinstance(value, torch.Tensor):
        return value
    if isinstance(value, (tuple, list)) and value:
        return _first_tensor(value[0])
    return None


def _float(t: torch.Tensor) -> torch.Tensor:
    return (t.dequantize() if t.is_quantized else t).detach().float()


def fused_groups(layers: Iterable[LayerRecord]) -> dict[str, list[str]]:
    """Each quantized layer and the layers FX fused into it, in model order."""
    groups: dict[str, list[str]] = {}
    for layer in layers:
        if layer.quantized:
            groups[layer.name] = [layer.name]
        elif layer.note.startswith("fused into "):
            head = layer.note[len("fused into "):]
            if head in groups:
                groups[head].append(layer.name)
    return groups


def _folded_weight(original: nn.Module, members: list[str]) -> torch.Tensor | None:
    head = original.get_submodule(members[0]) if members[0] else original
    weight = getattr(head, "weight", None)
    if not isinstance(weight, torch.Tensor):
        return None
    weight = weight.detach().float()
    for name in members[1:]:
        bn = original.get_submodule(name)
        if isinstance(bn, nn.modules.batchnorm._BatchNorm) and bn.running_mean is not None:
            bias = getattr(head, "bias", None)
            eps, gamma, beta = bn.eps, bn.weight, bn.bias
            if isinstance(head, nn.modules.conv._ConvNd):
                weight, _ = fuse_conv_bn_weights(weight, bias, bn.running_mean, bn.running_var,
                                                 eps, gamma, beta)
            elif isinstance(head, nn.Linear):
                weight, _ = fuse_linear_bn_weights(weight, bias, bn.running_mean,
                                                   bn.running_var, eps, gamma, beta)
            weight = weight.detach().float()
    return weight


def _quantized_weight(module: nn.Module) -> torch.Tensor | None:
    weight = getattr(module, "weight", None)
    if callable(weight) and not isinstance(weight, torch.Tensor):
        try:
            weight = weight()
        except Exception:  # RNN and other packed layers keep weights elsewhere
            return None
    if not isinstance(weight, torch.Tensor) or not weight.is_quantized:
        return None  # LayerNorm and the like keep float weights
    return _float(weight)


@dataclass
class LayerError:
    weight_sqnr_db: float | None
    output_sqnr_db: float | None
    accumulated_sqnr_db: float | None


def _finite_or_none(value: float | None) -> float | None:
    if value is None or math.isnan(value):
        return None
    return value


@torch.inference_mode()
def layer_errors(original: nn.Module, quantized: nn.Module, layers: list[LayerRecord],
                 batch: torch.Tensor) -> dict[str, LayerError]:
    groups = fused_groups(layers)
    original_inputs: dict[str, Any] = {}
    original_outputs: dict[str, torch.Tensor] = {}
    quantized_inputs: dict[str, Any] = {}
    quantized_outputs: dict[str, torch.Tensor] = {}
    handles = []

    def keep_input(store: dict, key: str):
        def hook(_module, args):
            store.setdefault(key, args[0] if args else None)
        return hook

    def keep_output(store: dict, key: str):
        def hook(_module, _args, output):
            tensor = _first_tensor(output)
            if tensor is not None:
                store.setdefault(key, tensor)
        return hook

    for head, members in groups.items():
        q_module = find_module(quantized, head)
        if q_module is None:
            continue
        first = original.get_submodule(head) if head else original
        last = original.get_submodule(members[-1]) if members[-1] else original
        handles.append(first.register_forward_pre_hook(keep_input(original_inputs, head)))
        handles.append(last.register_forward_hook(keep_output(original_outputs, head)))
        handles.append(q_module.register_forward_pre_hook(keep_input(quantized_inputs, head)))
        handles.append(q_module.register_forward_hook(keep_output(quantized_outputs, head)))
    try:
        original(batch)
        quantized(batch)
    finally:
        for handle in handles:
            handle.remove()

    errors: dict[str, LayerError] = {}
    for head, members in groups.items():
        q_module = find_module(quantized, head)
        weight_sqnr = None
        reference_weight = _folded_weight(original, members)
        quantized_weight = None if q_module is None else _quantized_weight(q_module)
        if (reference_weight is not None and quantized_weight is not None
                and reference_weight.shape == quantized_weight.shape):
            weight_sqnr = metrics.sqnr_db(reference_weight, quantized_weight)
        accumulated = output = None
        reference = original_outputs.get(head)
        if reference is not None and head in quantized_outputs:
            actual = _float(quantized_outputs[head])
            if actual.shape == reference.shape:
                accumulated = metrics.sqnr_db(_float(reference), actual)
        float_input, seen_input = original_inputs.get(head), quantized_inputs.get(head)
        if (reference is not None and q_module is not None
                and isinstance(float_input, torch.Tensor) and isinstance(seen_input, torch.Tensor)):
            shadow_input = _float(float_input)
            if seen_input.is_quantized:
                shadow_input = torch.quantize_per_tensor(
                    shadow_input, seen_input.q_scale(), seen_input.q_zero_point(),
                    seen_input.dtype)
            try:
                shadow = _first_tensor(q_module(shadow_input))
            except Exception:
                shadow = None
            if shadow is not None and shadow.shape == reference.shape:
                output = metrics.sqnr_db(_float(reference), _float(shadow))
        errors[head] = LayerError(_finite_or_none(weight_sqnr), _finite_or_none(output),
                                  _finite_or_none(accumulated))
    return errors


# --- the plan before a run ------------------------------------------------------------------
@dataclass
class PlannedLayer:
    name: str
    type: str
    parameters: int
    output_shape: tuple[int, ...] | None
    status: str  # "int8", "fused" or "float"
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "parameters": self.parameters,
                "output_shape": list(self.output_shape) if self.output_shape else None,
                "status": self.status, "reason": self.reason}


def _output_shapes(model: nn.Module, sample: torch.Tensor) -> dict[str, tuple[int, ...]]:
    shapes: dict[str, tuple[int, ...]] = {}
    handles = []
    for name, module in leaf_modules(model):
        def hook(_m, _a, output, key=name):
            tensor = _first_tensor(output)
            if tensor is not None:
                shapes.setdefault(key, tuple(tensor.shape[1:]))
        handles.append(module.register_forward_hook(hook))
    try:
        with torch.inference_mode():
            model(sample)
    finally:
        for handle in handles:
            handle.remove()
    return shapes


def plan_recipe(recipe: Recipe) -> Recipe:
    """A quick stand-in that decides the same things: QAT fuses and quantizes like static."""
    return get_technique(recipe.method).planning_recipe(recipe)


def plan_layers(loaded: LoadedModel, recipe: Recipe) -> list[PlannedLayer]:
    """What the technique will do to each layer: found by a real, minimal dry run (one
    calibration batch, MinMax observers) of the same code path, so it cannot disagree."""
    from quantgui.core.events import drive

    recipe.check_runnable()
    quick = plan_recipe(recipe)
    with engine_and_threads(quick):
        result = drive(get_technique(quick.method).build_ao(
            loaded.model, loaded.data, quick, CancelToken()))
    records = layer_records(loaded.model, result.model, get_technique(recipe.method),
                            result.notes)
    with evaluating(loaded.model):
        shapes = _output_shapes(loaded.model, loaded.data.val_inputs[:1])
    modules = dict(leaf_modules(loaded.model))
    planned = []
    for record in records:
        module = modules[record.name]
        if record.quantized:
            status, reason = "int8", record.note
        elif record.note.startswith("fused into"):
            status, reason = "fused", record.note
        else:
            status, reason = "float", record.note
        planned.append(PlannedLayer(
            record.name, record.original_type,
            sum(p.numel() for p in module.parameters(recurse=False)),
            shapes.get(record.name), status, reason))
    return planned


# --- sensitivity ----------------------------------------------------------------------------
@dataclass
class SensitivityEntry:
    name: str
    sqnr_db_all_but_this: float  # agreement when only this layer is kept in float
    accuracy_all_but_this: float | None
    sqnr_gain_db: float  # how much keeping this layer float raises the agreement
    accuracy_gain: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "sqnr_db_when_kept_float": self.sqnr_db_all_but_this,
                "accuracy_when_kept_float": self.accuracy_all_but_this,
                "sqnr_gain_db": self.sqnr_gain_db, "accuracy_gain": self.accuracy_gain}


def quantizable_layers(loaded: LoadedModel, recipe: Recipe) -> list[str]:
    return [layer.name for layer in plan_layers(loaded, recipe) if layer.status == "int8"]


def sensitivity(loaded: LoadedModel, recipe: Recipe, cancel: CancelToken | None = None,
                reference: torch.Tensor | None = None, layers: list[str] | None = None,
                calibration_cache: dict | None = None) -> EventStream[list[SensitivityEntry]]:
    """Quantize everything but one layer, for each layer in turn; rank the layers by how much
    agreement keeping them in float buys back. The worst layers come first.

    Static calibration runs once: every variant reuses the calibrated observers (what they see
    does not depend on which layers are kept float). QAT is ranked with static quantization:
    training once per layer would take too long to be useful."""
    cancel = cancel or CancelToken()
    data = loaded.data
    layers = layers if layers is not None else quantizable_layers(loaded, recipe)
    if reference is None:
        with evaluating(loaded.model):
            reference = metrics.predict(loaded.model, data.val_inputs, recipe.batch_size)
    entries: list[SensitivityEntry] = []
    calibration_cache = {} if calibration_cache is None else calibration_cache
    with engine_and_threads(recipe):
        baseline = None
        variants = [None, *layers]
        for index, name in enumerate(variants):
            cancel.raise_if_cancelled()
            yield Progress("sensitivity", index, len(variants))
            keep = tuple(recipe.keep_float) + ((name,) if name else ())
            # QAT ranks with static quantization: it would train once per layer
            variant = get_technique(recipe.method).ranking_recipe(recipe.replace(keep_float=keep))
            technique = get_technique(variant.method)
            generator = technique.build_ao(loaded.model, data, variant, cancel,
                                           **technique.torch_ao_options(calibration_cache))
            while True:
                try:
                    event = next(generator)
                except StopIteration as stop:
                    model = stop.value.model
                    break
                if not isinstance(event, Progress):
                    yield event
            outputs = metrics.predict(model, data.val_inputs, recipe.batch_size)
            sqnr = metrics.sqnr_db(reference, outputs)
            accuracy = metrics.accuracy(outputs, data.val_labels)
            if name is None:
                baseline = (sqnr, accuracy)
                continue
            entries.append(SensitivityEntry(
                # identical outputs give inf - inf: no gain to speak of
                name, sqnr, accuracy, _gain(sqnr, baseline[0]),
                None if accuracy is None else accuracy - baseline[1]))
        yield Progress("sensitivity", len(variants), len(variants))
    entries.sort(key=lambda e: e.sqnr_gain_db, reverse=True)
    return entries


def _gain(value: float, baseline: float) -> float:
    gain = value - baseline
    return 0.0 if math.isnan(gain) else gain


def suggest_keep_float(entries: list[SensitivityEntry], min_gain_db: float = 1.0,
                       limit: int = 3) -> list[str]:
    """Layers worth keeping in float: those whose exclusion buys back the most agreement."""
    return [e.name for e in entries if e.sqnr_gain_db >= min_gain_db][:limit]


# --- one layer, up close --------------------------------------------------------------------
def _activation_range(scale: float, zero_point: int, dtype: torch.dtype) -> tuple[float, float]:
    info = torch.iinfo(dtype)
    return (float(scale * (info.min - zero_point)), float(scale * (info.max - zero_point)))


def _channel_ranges(weight: torch.Tensor) -> tuple[Any, Any]:
    flat = weight.reshape(weight.shape[0], -1) if weight.ndim > 1 else weight.reshape(-1, 1)
    return flat.min(dim=1).values.numpy(), flat.max(dim=1).values.numpy()


@torch.inference_mode()
def layer_detail(original: nn.Module, quantized: nn.Module | None, name: str,
                 members: list[str] | None = None, batch: torch.Tensor | None = None,
                 channel: int = 0) -> dict[str, Any]:
    """The tensors behind one layer's error, as numpy arrays, for plotting.

    Keys (absent where they do not apply): ``original_weight`` (flat; batch-norm folded in where
    FX fused it: ``members`` lists the fused layers, head first), ``quantized_weight`` (flat,
    dequantized), ``grid`` (the int8 levels ``scale * (q - zero_point)``, per tensor or for
    ``channel``), ``scheme`` ("per-tensor" or "per-channel"), ``channels`` (the number of output
    channels), ``channel`` (the one the grid is for), ``channel_min``/``channel_max`` (per
    output channel, original weight) and ``quantized_channel_min``/``quantized_channel_max``,
    ``output_range`` (the activation range the quantized module emits, learned in calibration),
    ``input_range`` (the range of the int8 input it was fed; needs ``batch``)."""
    members = members or [name]
    detail: dict[str, Any] = {"name": name}
    reference = _folded_weight(original, members)
    if reference is not None:
        detail["original_weight"] = reference.reshape(-1).numpy()
        detail["channels"] = int(reference.shape[0]) if reference.ndim > 1 else 1
        detail["channel_min"], detail["channel_max"] = _channel_ranges(reference)
    module = None if quantized is None else find_module(quantized, name)
    if module is None:
        return detail
    weight = getattr(module, "weight", None)
    if callable(weight) and not isinstance(weight, torch.Tensor):
        try:
            weight = weight()
        except Exception:  # packed RNN weights
            weight = None
    if isinstance(weight, torch.Tensor) and weight.is_quantized:
        dequantized = _float(weight)
        detail["quantized_weight"] = dequantized.reshape(-1).numpy()
        detail["quantized_channel_min"], detail["quantized_channel_max"] = (
            _channel_ranges(dequantized))
        info = torch.iinfo(weight.dtype)
        levels = torch.arange(info.min, info.max + 1, dtype=torch.float64)
        if weight.qscheme() in (torch.per_channel_affine, torch.per_channel_symmetric,
                                torch.per_channel_affine_float_qparams):
            scales = weight.q_per_channel_scales()
            zero_points = weight.q_per_channel_zero_points()
            channel = max(0, min(int(channel), scales.numel() - 1))
            scale, zero_point = float(scales[channel]), float(zero_points[channel])
            detail["scheme"] = "per-channel"
        else:
            scale, zero_point = float(weight.q_scale()), float(weight.q_zero_point())
            channel = 0
            detail["scheme"] = "per-tensor"
        detail["channel"] = channel
        detail["grid"] = (scale * (levels - zero_point)).numpy()
        detail["weight_scale"], detail["weight_zero_point"] = scale, zero_point
    scale, zero_point = getattr(module, "scale", None), getattr(module, "zero_point", None)
    if isinstance(scale, (float, torch.Tensor)) and isinstance(zero_point, (int, torch.Tensor)):
        detail["output_range"] = _activation_range(float(scale), int(zero_point), torch.quint8)
    if batch is not None:
        seen: list[torch.Tensor] = []

        def hook(_module, args):
            if args and isinstance(args[0], torch.Tensor) and not seen:
                seen.append(args[0])

        handle = module.register_forward_pre_hook(hook)
        try:
            quantized(batch)
        except Exception:  # a detail view must not fail on a model that needs other input
            pass
        finally:
            handle.remove()
        if seen and seen[0].is_quantized and seen[0].qscheme() == torch.per_tensor_affine:
            detail["input_range"] = _activation_range(seen[0].q_scale(), seen[0].q_zero_point(),
                                                      seen[0].dtype)
    return detail
