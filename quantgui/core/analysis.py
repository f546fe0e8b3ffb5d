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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn
from torch.nn.utils.fusion import fuse_conv_bn_weights, fuse_linear_bn_weights

from quantgui.core import metrics, texts
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


def _quantized_weight(module: nn.Module, dequantize: bool = True) -> torch.Tensor | None:
    weight = getattr(module, "weight", None)
    if callable(weight) and not isinstance(weight, torch.Tensor):
        try:
            weight = weight()
        except Exception:  # RNN and other packed layers keep weights elsewhere
            return None
    if not isinstance(weight, torch.Tensor) or not weight.is_quantized:
        return None  # LayerNorm and the like keep float weights
    return _float(weight) if dequantize else weight.detach()


@dataclass
class LayerError:
    weight_sqnr_db: float | None
    output_sqnr_db: float | None
    accumulated_sqnr_db: float | None


def _finite_or_none(value: float | None) -> float | None:
    if value is None or math.isnan(value):
        return None
    return value


# Per-layer error is streamed: the data passes in chunks, each layer's signal and noise
# energies are summed as its activation goes by, and only one chunk's int8 activations are
# held (1 byte a value for static models). Large models are measured on fewer samples: the
# per-layer SQNR averages over every activation value, so a few 224x224 images already give
# millions of values a layer.
ERROR_VALUES = 2**24  # activation values (summed over the measured layers) a pass may cover
MIN_ERROR_SAMPLES = 4  # never fewer samples than this (or than are given)
CHUNK_BYTES = 64 * 2**20  # the quantized model's activations held at once


@dataclass
class ErrorSampling:
    """How much of the data the per-layer error used, and in what chunks."""

    samples: int  # measured
    available: int  # given
    chunk: int  # samples a pass (after a first one-sample probe)
    values_per_sample: int  # activation values of the measured layers, one sample

    @property
    def subsampled(self) -> bool:
        return self.samples < self.available

    def to_dict(self) -> dict[str, Any]:
        return {"samples": self.samples, "available": self.available, "chunk": self.chunk,
                "values_per_sample": self.values_per_sample}

    def describe(self) -> str:
        if not self.subsampled:
            return texts.LOG_ERROR_SAMPLES_ALL.format(samples=self.samples)
        return texts.LOG_ERROR_SAMPLES_FEWER.format(
            samples=self.samples, available=self.available, values=self.values_per_sample)


def error_sampling(available: int, values_per_sample: int, bytes_per_sample: int,
                   batch_size: int | None, max_values: int, chunk_bytes: int) -> ErrorSampling:
    """How many samples to measure and how many to pass at once, from what one sample gave."""
    samples = min(available, max(MIN_ERROR_SAMPLES, max_values // max(values_per_sample, 1)))
    chunk = max(1, chunk_bytes // max(bytes_per_sample, 1))
    if batch_size is not None:
        chunk = min(chunk, batch_size)
    return ErrorSampling(samples, available, min(chunk, max(samples - 1, 1)), values_per_sample)


def sampled_passes(inputs: Any, batch_size: int | None,
                   one_pass: Callable[[Any], tuple[int, int]],
                   max_values: int | None = None, chunk_bytes: int | None = None
                   ) -> ErrorSampling:
    """Per-layer error with bounded memory for engines that measure it their own way (the
    PT2E numeric debugger, ONNX Runtime's qdq_loss_debug): ``one_pass(chunk)`` runs both
    models on a chunk of ``inputs``, adds that chunk's signal and noise to the caller's sums,
    drops the activations and returns (activation values of one model, bytes it held at once).
    A first one-sample pass says how large the activations are; then the samples and the
    chunk are bounded as ``stream_layer_errors`` bounds them (``ERROR_VALUES`` activation
    values, at least ``MIN_ERROR_SAMPLES`` samples, ``CHUNK_BYTES`` held at once)."""
    max_values = ERROR_VALUES if max_values is None else max_values
    chunk_bytes = CHUNK_BYTES if chunk_bytes is None else chunk_bytes
    available = int(inputs.shape[0])
    if available == 0:
        return ErrorSampling(0, 0, 0, 0)
    values, held = one_pass(inputs[:1])
    sampling = error_sampling(available, values, held, batch_size, max_values, chunk_bytes)
    start = 1
    while start < sampling.samples:
        chunk = inputs[start:min(start + sampling.chunk, sampling.samples)]
        one_pass(chunk)
        start += int(chunk.shape[0])
    return sampling


class _Quantity:
    """One of a layer's two activation SQNRs, summed over chunks."""

    def __init__(self) -> None:
        self.sums = metrics.SqnrSum()
        self.measured = False

    def add(self, reference: torch.Tensor, test: torch.Tensor) -> None:
        self.measured = self.sums.add(reference, test) or self.measured

    def db(self) -> float | None:
        return self.sums.db() if self.measured else None


def _nbytes(tensor: torch.Tensor) -> int:
    return tensor.numel() * tensor.element_size()


def layer_errors(original: nn.Module, quantized: nn.Module, layers: list[LayerRecord],
                 batch: torch.Tensor, **options: Any) -> dict[str, LayerError]:
    """``stream_layer_errors`` run to its end: the errors alone."""
    from quantgui.core.events import drive

    errors, _ = drive(stream_layer_errors(original, quantized, layers, batch, **options))
    return errors


def stream_layer_errors(original: nn.Module, quantized: nn.Module, layers: list[LayerRecord],
                        inputs: torch.Tensor, cancel: CancelToken | None = None,
                        batch_size: int | None = None, max_values: int | None = None,
                        chunk_bytes: int | None = None
                        ) -> EventStream[tuple[dict[str, LayerError], ErrorSampling]]:
    """Weight, own-output and accumulated SQNR of every quantized layer (see the module's
    docstring), with memory that grows with the model, not with layers x data.

    The inputs pass in chunks. For each chunk the quantized model runs first and keeps each
    layer's output (in its own dtype: int8 for static models) and the scale its input was
    quantized with; then the original runs, and as each layer's float output goes by, it is
    compared with the kept int8 output (accumulated error) and with the int8 layer fed the
    float input (own error), and both are dropped. A first one-sample chunk says how large
    the activations are: that sets the chunk (``chunk_bytes`` of int8 activations at most, and
    ``batch_size`` samples) and the samples measured (``max_values`` activation values a pass,
    at least ``MIN_ERROR_SAMPLES``). Yields ``Progress("layer errors", pass, passes)``; the
    hooks check ``cancel`` at every layer."""
    cancel = cancel or CancelToken()
    max_values = ERROR_VALUES if max_values is None else max_values
    chunk_bytes = CHUNK_BYTES if chunk_bytes is None else chunk_bytes
    groups = fused_groups(layers)
    pairs = {head: find_module(quantized, head) for head in groups}
    weights: dict[str, float | None] = {}
    for head, members in groups.items():
        q_module = pairs[head]
        reference_weight = _folded_weight(original, members)
        quantized_weight = (None if q_module is None
                            else _quantized_weight(q_module, dequantize=False))
        weight_sqnr = None
        if reference_weight is not None and quantized_weight is not None:
            sums = metrics.SqnrSum()  # dot products: no float64 copies of a large weight
            if sums.add(reference_weight, quantized_weight):
                weight_sqnr = sums.db()
        del reference_weight, quantized_weight
        weights[head] = weight_sqnr
    measured = {head: module for head, module in pairs.items() if module is not None}
    accumulated = {head: _Quantity() for head in measured}
    own = {head: _Quantity() for head in measured}
    kept_outputs: dict[str, torch.Tensor] = {}
    seen_inputs: dict[str, Any] = {}  # (scale, zero point, dtype), "float" or None
    held_inputs: dict[str, Any] = {}
    done: set[str] = set()

    def keep_seen(head: str):  # noqa: ANN202 - a forward pre-hook
        def hook(_module: nn.Module, args: tuple) -> None:
            cancel.raise_if_cancelled()
            if head in seen_inputs:
                return
            value = args[0] if args else None
            if isinstance(value, torch.Tensor) and value.is_quantized:
                if value.qscheme() in (torch.per_tensor_affine, torch.per_tensor_symmetric):
                    seen_inputs[head] = (value.q_scale(), value.q_zero_point(), value.dtype)
                else:
                    seen_inputs[head] = None
            else:
                seen_inputs[head] = "float" if isinstance(value, torch.Tensor) else None
        return hook

    def keep_output(head: str):  # noqa: ANN202 - a forward hook
        def hook(_module: nn.Module, _args: tuple, output: Any) -> None:
            tensor = _first_tensor(output)
            if tensor is not None and head not in kept_outputs:
                kept_outputs[head] = tensor.detach()
        return hook

    def hold_input(head: str):  # noqa: ANN202 - a forward pre-hook
        def hook(_module: nn.Module, args: tuple) -> None:
            cancel.raise_if_cancelled()
            if head not in done and head not in held_inputs:
                held_inputs[head] = args[0] if args else None
        return hook

    def compare(head: str):  # noqa: ANN202 - a forward hook
        def hook(_module: nn.Module, _args: tuple, output: Any) -> None:
            if head in done:
                return
            done.add(head)
            float_input = held_inputs.pop(head, None)
            kept = kept_outputs.pop(head, None)
            reference = _first_tensor(output)
            if reference is None:
                return
            reference = _float(reference)
            if kept is not None:
                accumulated[head].add(reference, _float(kept))
            del kept
            seen = seen_inputs.get(head)
            if isinstance(float_input, torch.Tensor) and seen is not None:
                shadow_input = _float(float_input)
                if seen != "float":
                    scale, zero_point, dtype = seen
                    shadow_input = torch.quantize_per_tensor(shadow_input, scale, zero_point,
                                                             dtype)
                try:
                    shadow = _first_tensor(measured[head](shadow_input))
                except Exception:  # noqa: BLE001 - a layer that needs other input: no figure
                    shadow = None
                if shadow is not None:
                    own[head].add(reference, _float(shadow))
        return hook

    def one_pass(model: nn.Module, hooks: list[tuple[nn.Module, str, Any]],
                 chunk: torch.Tensor) -> None:
        handles = [module.register_forward_pre_hook(hook) if kind == "pre"
                   else module.register_forward_hook(hook) for module, kind, hook in hooks]
        try:
            # not around the yields: the caller's code between two events must not run in it
            with torch.inference_mode():
                model(chunk)
        finally:
            for handle in handles:
                handle.remove()

    quantized_hooks = []
    original_hooks = []
    for head, q_module in measured.items():
        members = groups[head]
        first = original.get_submodule(head) if head else original
        last = original.get_submodule(members[-1]) if members[-1] else original
        quantized_hooks += [(q_module, "pre", keep_seen(head)),
                            (q_module, "post", keep_output(head))]
        original_hooks += [(first, "pre", hold_input(head)), (last, "post", compare(head))]

    available = int(inputs.shape[0])
    sampling = ErrorSampling(available, available, available, 0)
    start, passes_done, passes = 0, 0, 2
    while start < sampling.samples:
        cancel.raise_if_cancelled()
        size = 1 if start == 0 else sampling.chunk
        chunk = inputs[start:min(start + size, sampling.samples)]
        yield Progress("layer errors", passes_done, passes)
        seen_inputs.clear()
        one_pass(quantized, quantized_hooks, chunk)
        passes_done += 1
        if start == 0:  # the probe: how large are the activations?
            values = sum(t.numel() for t in kept_outputs.values())
            stored = sum(_nbytes(t) for t in kept_outputs.values())
            sampling = error_sampling(available, values, stored, batch_size, max_values,
                                      chunk_bytes)
            passes = 2 * (1 + -(-(sampling.samples - 1) // sampling.chunk))
        yield Progress("layer errors", passes_done, passes)
        done.clear()
        one_pass(original, original_hooks, chunk)
        passes_done += 1
        kept_outputs.clear()
        held_inputs.clear()
        start += chunk.shape[0]
    yield Progress("layer errors", passes, passes)
    errors = {head: LayerError(_finite_or_none(weights[head]),
                               _finite_or_none(own[head].db()) if head in own else None,
                               _finite_or_none(accumulated[head].db()) if head in own else None)
              for head in groups}
    return errors, sampling


# --- the plan before a run ------------------------------------------------------------------
@dataclass
class PlannedLayer:
    name: str
    type: str
    parameters: int
    output_shape: tuple[int, ...] | None
    status: str  # "int8", "fused" or "float"
    reason: str

    @property
    def quantized(self) -> bool:
        """Planned in int8 (as ``LayerRecord.quantized`` says after a run)."""
        return self.status == "int8"

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "parameters": self.parameters,
                "output_shape": list(self.output_shape) if self.output_shape else None,
                "status": self.status, "reason": self.reason}


def weighted_layers(model: nn.Module) -> set[str]:
    """The model's convolution and linear layers: what static quantization and QAT convert."""
    return {name for name, module in model.named_modules()
            if isinstance(module, (nn.Linear, nn.modules.conv._ConvNd))}


def few_quantized(model: nn.Module, layers: Iterable[LayerRecord | PlannedLayer]
                  ) -> tuple[int, int] | None:
    """(int8, weighted) when fewer than half of the model's convolution and linear layers
    run in int8 (a graph the engine could only partly rewrite), else None. ``layers``: a
    run's records or a plan, which say the same before the run."""
    weighted = weighted_layers(model)
    quantized = sum(1 for layer in layers if layer.quantized and layer.name in weighted)
    if len(weighted) >= 4 and quantized < len(weighted) / 2:
        return quantized, len(weighted)
    return None


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
            reference = yield from metrics.stream_predict(loaded.model, data.val_inputs,
                                                          recipe.batch_size, cancel)
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
            predicting = metrics.stream_predict(model, data.val_inputs, recipe.batch_size,
                                                cancel)
            while True:  # its progress is this variant's: not shown
                try:
                    next(predicting)
                except StopIteration as stop:
                    outputs = stop.value
                    break
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
