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

from quantgui.core import metrics
from quantgui.core.data import DataBundle
from quantgui.core.demos import LoadedModel
from quantgui.core.errors import DataError, ModelError, QuantGUIError
from quantgui.core.events import CancelToken, EventStream, LogMessage, Progress
from quantgui.core.layers import LayerRecord, layer_records
from quantgui.core.methods import dynamic, qat, static
from quantgui.core.methods.common import MethodResult, engine_and_threads
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
        with torch.inference_mode():
            output = model.eval()(sample)
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


def run(loaded: LoadedModel, recipe: Recipe,
        cancel: CancelToken | None = None) -> EventStream[RunResult]:
    cancel = cancel or CancelToken()
    started = time.perf_counter()
    recipe.check_runnable()
    data = loaded.data
    data.validate()
    check_model(loaded.model, data)
    yield LogMessage(f"Quantizing {loaded.name} with {recipe.method} on the {recipe.backend} "
                     f"engine (torch {torch.__version__}, {recipe.threads} threads).")
    with engine_and_threads(recipe):
        method_result: MethodResult = yield from METHODS[recipe.method](
            loaded.model, data, recipe, cancel)
        quantized = method_result.model
        cancel.raise_if_cancelled()
        try:
            quantized_outputs = metrics.predict(quantized, data.val_inputs, recipe.batch_size)
        except Exception as error:
            raise QuantGUIError(
                f"The quantized model fails on float input: {type(error).__name__}: "
                f"{str(error).splitlines()[0] if str(error) else ''}",
                "Try dynamic quantization, or keep the failing layer in float.") from error
        original_model = loaded.model.eval()
        original_outputs = metrics.predict(original_model, data.val_inputs, recipe.batch_size)
        yield Progress("measuring", 0, 2)
        batch = data.example_batch(recipe.batch_size)
        stats = []
        for index, model in enumerate((original_model, quantized), start=1):
            cancel.raise_if_cancelled()
            outputs = original_outputs if index == 1 else quantized_outputs
            stats.append(ModelStats(
                size_bytes=metrics.state_dict_size_bytes(model),
                latency=metrics.measure_latency(model, batch, recipe.threads),
                accuracy=metrics.accuracy(outputs, data.val_labels)))
            yield Progress("measuring", index, 2)
    layers = layer_records(loaded.model, quantized, recipe.method, method_result.notes)
    if not any(layer.quantized for layer in layers):
        yield LogMessage(f"No layer of {loaded.name} was quantized by {recipe.method}; see the "
                         "layer table for the reasons.", "warning")
    return RunResult(
        model_name=loaded.name, recipe=recipe, quantized_model=quantized,
        original=stats[0], quantized=stats[1],
        agreement=metrics.agreement(original_outputs, quantized_outputs),
        layers=layers, training=method_result.training,
        original_outputs=original_outputs, quantized_outputs=quantized_outputs,
        duration_s=time.perf_counter() - started, environment=environment(recipe))
