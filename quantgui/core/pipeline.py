"""The whole run: check inputs, quantize a copy, compare original and quantized honestly.

``run`` is a generator of events (progress, QAT steps, log lines) that returns a ``RunResult``.
The window, the command line and the tests all drive this same generator.
"""

from __future__ import annotations

import platform
import time
from dataclasses import dataclass, field
from typing import Any

import torch
from torch import nn

from quantgui.core import analysis, metrics, numeric_suite
from quantgui.core.data import DataBundle
from quantgui.core.demos import LoadedModel
from quantgui.core.errors import DataError, ModelError, QuantGUIError
from quantgui.core.events import CancelToken, EventStream, LogMessage, Progress
from quantgui.core.layers import LayerRecord, layer_records
from quantgui.core.methods import dynamic, qat, static
from quantgui.core.methods.common import MethodResult, engine_and_threads, evaluating
from quantgui.core.recipes import Recipe

METHODS = {"dynamic": dynamic.quantize, "static": static.quantize, "qat": qat.quantize}


@dataclass
class ModelStats:
    size_bytes: int
    latency: metrics.LatencyStats
    accuracy: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"size_bytes": self.size_bytes, "latency_ms": self.latency.to_dict(),
                "accuracy": self.accuracy}


@dataclass
class RunCache:
    """What a what-if re-run on the same model and data can reuse: the original model's
    outputs and measurements, and calibrated observers. Owned by the caller (the window keeps
    one per loaded model); a different model or dataset empties it."""

    model: nn.Module | None = None
    data: DataBundle | None = None
    original_outputs: torch.Tensor | None = None
    original_stats: dict[tuple[int, int], ModelStats] = field(default_factory=dict)
    calibration: dict = field(default_factory=dict)

    def bind(self, loaded: LoadedModel) -> None:
        if self.model is not loaded.model or self.data is not loaded.data:
            self.model, self.data = loaded.model, loaded.data
            self.original_outputs = None
            self.original_stats = {}
            self.calibration = {}


@dataclass
class RunResult:
    model_name: str
    recipe: Recipe
    quantized_model: nn.Module
    original: ModelStats
    quantized: ModelStats
    agreement: metrics.Agreement
    layers: list[LayerRecord]
    training: list[dict[str, Any]]
    original_outputs: torch.Tensor
    quantized_outputs: torch.Tensor
    duration_s: float
    environment: dict[str, Any] = field(default_factory=dict)
    reused: list[str] = field(default_factory=list)  # what came from a RunCache

    @property
    def quantized_layer_count(self) -> int:
        return sum(1 for layer in self.layers if layer.quantized)

    def to_report(self) -> dict[str, Any]:
        return {
            "model": self.model_name,
            "method": self.recipe.method,
            "backend": self.recipe.backend,
            "threads": self.recipe.threads,
            "recipe": self.recipe.to_dict(),
            "original": self.original.to_dict(),
            "quantized": self.quantized.to_dict(),
            "ratios": {
                "size": self.quantized.size_bytes / self.original.size_bytes,
                "latency": self.quantized.latency.median_ms / self.original.latency.median_ms,
            },
            "agreement": self.agreement.to_dict(),
            "layers": [layer.to_dict() for layer in self.layers],
            "training": self.training if self.recipe.method == "qat" else None,
            "duration_s": self.duration_s,
            "reused_from_previous_run": self.reused,
            "environment": self.environment,
        }


def environment(recipe: Recipe) -> dict[str, Any]:
    return {"torch": torch.__version__, "python": platform.python_version(),
            "cpu": platform.processor() or platform.machine(), "backend": recipe.backend,
            "threads": recipe.threads}


def check_model(model: nn.Module, data: DataBundle) -> None:
    """One forward pass on two samples, before anything else runs."""
    sample = data.val_inputs[:2]
    try:
        with torch.inference_mode(), evaluating(model):
            output = model(sample)
    except Exception as error:
        raise ModelError(
            f"The model does not accept inputs of shape {tuple(sample.shape)} "
            f"(batch of {sample.shape[0]}, sample shape {data.input_shape}): "
            f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}",
            "Check the input shape (per sample, without the batch dimension).") from error
    if not isinstance(output, torch.Tensor):
        raise ModelError(f"The model returns a {type(output).__name__}, not a tensor.",
                         "QuantGUI compares models with one tensor output; wrap the model so "
                         "that it returns one.")
    if not torch.isfinite(output).all():
        raise ModelError("The model's outputs contain NaN or infinite values on the data.",
                         "Check the model's weights and the data's normalisation.")
    if data.has_labels and data.num_classes is not None and (
            output.ndim != 2 or output.shape[1] < data.num_classes):
        raise DataError(
            f"The data has {data.num_classes} classes, but the model's output has shape "
            f"{tuple(output.shape)}.",
            "Use data whose labels match the model's outputs, or data without labels.")


ERROR_SAMPLES = 256  # validation samples used for the per-layer error


def numeric_suite_errors(recipe: Recipe, original: nn.Module, method_result: MethodResult,
                         batch: torch.Tensor) -> dict[str, tuple[float | None, ...]]:
    """Per-layer SQNR from torch.ao.ns where it applies (see core.numeric_suite)."""
    if recipe.method == "static" and method_result.observed_model is not None:
        return numeric_suite.fx_errors(method_result.observed_model, method_result.model, batch)
    if recipe.method == "dynamic":
        return numeric_suite.dynamic_errors(original, method_result.model)
    return {}


def run(loaded: LoadedModel, recipe: Recipe, cancel: CancelToken | None = None,
        cache: RunCache | None = None) -> EventStream[RunResult]:
    cancel = cancel or CancelToken()
    if cache is not None:
        cache.bind(loaded)
    reused: list[str] = []
    started = time.perf_counter()
    recipe.check_runnable()
    data = loaded.data
    data.validate()
    check_model(loaded.model, data)
    yield LogMessage(f"Quantizing {loaded.name} with {recipe.method} on the {recipe.backend} "
                     f"engine (torch {torch.__version__}, {recipe.threads} threads).")
    with engine_and_threads(recipe), evaluating(loaded.model):
        extra = {}
        if recipe.method == "static":
            extra["keep_observed"] = True  # for the numeric suite's per-layer comparison
            if cache is not None:
                extra["calibration_cache"] = cache.calibration
                if static.calibration_key(recipe) in cache.calibration:
                    reused.append("calibration")
        method_result: MethodResult = yield from METHODS[recipe.method](
            loaded.model, data, recipe, cancel, **extra)
        quantized = method_result.model
        cancel.raise_if_cancelled()
        try:
            quantized_outputs = metrics.predict(quantized, data.val_inputs, recipe.batch_size)
        except Exception as error:
            raise QuantGUIError(
                f"The quantized model fails on float input: {type(error).__name__}: "
                f"{str(error).splitlines()[0] if str(error) else ''}",
                "Try dynamic quantization, or keep the failing layer in float.") from error
        if not torch.isfinite(quantized_outputs).all():
            raise QuantGUIError(
                "The quantized model produces NaN or infinite outputs on the validation data.",
                "Keep the layers with the largest values in float (see the Layers table), or "
                "use int8 instead of float16.")
        original_model = loaded.model
        if cache is not None and cache.original_outputs is not None:
            original_outputs = cache.original_outputs
            reused.append("original outputs")
        else:
            original_outputs = metrics.predict(original_model, data.val_inputs, recipe.batch_size)
        yield Progress("measuring", 0, 2)
        batch = data.example_batch(recipe.batch_size)
        stats_key = (recipe.threads, recipe.batch_size)
        stats = []
        for index, model in enumerate((original_model, quantized), start=1):
            cancel.raise_if_cancelled()
            if index == 1 and cache is not None and stats_key in cache.original_stats:
                stats.append(cache.original_stats[stats_key])
                reused.append("original size and latency")
            else:
                outputs = original_outputs if index == 1 else quantized_outputs
                stats.append(ModelStats(
                    size_bytes=metrics.state_dict_size_bytes(model),
                    latency=metrics.measure_latency(model, batch, recipe.threads),
                    accuracy=metrics.accuracy(outputs, data.val_labels)))
            yield Progress("measuring", index, 2)
        layers = layer_records(loaded.model, quantized, recipe.method, method_result.notes)
        error_batch = data.val_inputs[:ERROR_SAMPLES]
        errors = analysis.layer_errors(original_model, quantized, layers, error_batch)
        try:
            suite = numeric_suite_errors(recipe, original_model, method_result, error_batch)
        except Exception as error:  # noqa: BLE001 - the hooks below still measure every layer
            suite = {}
            yield LogMessage("torch.ao.ns could not compare the layers "
                             f"({type(error).__name__}: {str(error)[:160]}); the per-layer "
                             "errors come from forward hooks.")
    for layer in layers:
        error = errors.get(layer.name)
        if error is None:
            continue
        hooks = (error.weight_sqnr_db, error.output_sqnr_db, error.accumulated_sqnr_db)
        from_suite = suite.get(layer.name)
        if from_suite is not None and any(v is not None for v in from_suite):
            # the numeric suite's figures where it has them; hooks fill the rest
            pairs = list(zip(from_suite, hooks, strict=True))
            values = tuple(h if s is None else s for s, h in pairs)
            filled = any(s is None and h is not None for s, h in pairs)
            layer.error_source = numeric_suite.BOTH if filled else numeric_suite.NUMERIC_SUITE
        else:
            values, layer.error_source = hooks, numeric_suite.HOOKS
        layer.weight_sqnr_db, layer.output_sqnr_db, layer.accumulated_sqnr_db = values
    if cache is not None:
        cache.original_outputs = original_outputs
        cache.original_stats[stats_key] = stats[0]
    if not any(layer.quantized for layer in layers):
        yield LogMessage(f"No layer of {loaded.name} was quantized by {recipe.method}; see the "
                         "layer table for the reasons.", "warning")
    return RunResult(
        model_name=loaded.name, recipe=recipe, quantized_model=quantized,
        original=stats[0], quantized=stats[1],
        agreement=metrics.agreement(original_outputs, quantized_outputs),
        layers=layers, training=method_result.training,
        original_outputs=original_outputs, quantized_outputs=quantized_outputs,
        duration_s=time.perf_counter() - started, environment=environment(recipe),
        reused=reused)
