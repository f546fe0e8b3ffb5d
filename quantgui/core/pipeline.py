"""The whole run: check inputs, quantize a copy, compare original and quantized honestly.

``run`` is a generator of events (progress, QAT steps, log lines) that returns a ``RunResult``.
The window, the command line and the tests all drive this same generator.
"""

from __future__ import annotations

import dataclasses
import platform
import time
from dataclasses import dataclass, field
from typing import Any

import torch
from torch import nn

from quantgui.core import analysis, metrics, numeric_suite, texts
from quantgui.core.data import DataBundle
from quantgui.core.demos import LoadedModel
from quantgui.core.engines import EngineBuild, get_engine
from quantgui.core.errors import Cancelled, DataError, ModelError, QuantGUIError, RecipeError
from quantgui.core.events import CancelToken, EventStream, LogMessage
from quantgui.core.layers import LayerRecord, layer_records
from quantgui.core.methods.common import engine_and_threads, evaluating
from quantgui.core.recipes import Recipe
from quantgui.core.techniques import Technique, get_technique


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
    original_sizes: dict[str, int] = field(default_factory=dict)
    calibration: dict = field(default_factory=dict)  # engines keep calibrated ranges here

    def bind(self, loaded: LoadedModel) -> None:
        if self.model is not loaded.model or self.data is not loaded.data:
            self.model, self.data = loaded.model, loaded.data
            self.original_outputs = None
            self.original_sizes = {}
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
    engine: str = "torch_ao"
    # the engine's own float32 model (compiled, in ONNX Runtime); None: the eager original
    reference: ModelStats | None = None
    prepare_seconds: dict[str, float] = field(default_factory=dict)  # apart from latency
    build: EngineBuild | None = None  # what the engine made (for saving in its format)
    # the samples the per-layer error was measured on (None: not measured, or an engine
    # measured it without saying on how many)
    error_sampling: analysis.ErrorSampling | None = None
    # what the model's source says of it (LoadedModel.details): where it came from, random
    # initialisation or which weights, its inputs, the output compared
    model_details: dict[str, Any] | None = None
    # what the figures do not show by themselves, in words (texts of context "log"): outputs
    # the quantized model does not follow, outputs too near zero to compare, data that changed
    warnings: list[str] = field(default_factory=list)

    @property
    def technique(self) -> Technique:
        return get_technique(self.recipe.method)

    @property
    def quantized_layer_count(self) -> int:
        return sum(1 for layer in self.layers if layer.quantized)

    def to_report(self) -> dict[str, Any]:
        engine = get_engine(self.engine)
        ratios = {
            "size": self.quantized.size_bytes / self.original.size_bytes,
            "latency": self.quantized.latency.median_ms / self.original.latency.median_ms,
        }
        if self.reference is not None:
            ratios["latency_vs_engine_float32"] = (self.quantized.latency.median_ms
                                                   / self.reference.latency.median_ms)
            ratios["size_vs_engine_float32"] = (self.quantized.size_bytes
                                                / self.reference.size_bytes)
        return {
            "model": self.model_name,
            "method": self.recipe.method,
            "engine": self.engine,
            "engine_title": engine.title,
            "backend": self.recipe.backend,
            "threads": self.recipe.threads,
            "recipe": self.recipe.to_dict(),
            # float32 in eager PyTorch: the common reference of every engine
            "original": self.original.to_dict(),
            "engine_float32": None if self.reference is None else self.reference.to_dict(),
            "quantized": self.quantized.to_dict(),
            "prepare_seconds": self.prepare_seconds,
            "ratios": ratios,
            "agreement": self.agreement.to_dict(),
            "layers": [layer.to_dict() for layer in self.layers],
            "training": self.training if self.technique.trains else None,
            "duration_s": self.duration_s,
            "reused_from_previous_run": self.reused,
            "layer_error_samples": (None if self.error_sampling is None
                                    else self.error_sampling.to_dict()),
            "environment": self.environment,
            "warnings": list(self.warnings),
            **model_details(self.model_details),
        }


def model_details(details: dict[str, Any] | None) -> dict[str, Any]:
    """A report's ``model_details`` entry: what the source said of the model (none for a demo)."""
    return {"model_details": dict(details)} if details else {}


def environment(recipe: Recipe) -> dict[str, Any]:
    return {"torch": torch.__version__, "python": platform.python_version(),
            "cpu": platform.processor() or platform.machine(), "cpu_flags": cpu_flags(),
            "engine": recipe.engine, "backend": recipe.backend, "threads": recipe.threads}


def cpu_flags() -> list[str]:
    """The CPU features int8 and bf16 speed depend on (AVX2, AVX512, VNNI, BF16, AMX), as Linux
    reports them."""
    wanted = ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "avx512_bf16", "amx_int8", "amx_bf16",
              "neon", "asimd")
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith(("flags", "Features")):
                    present = set(line.split(":", 1)[1].split())
                    return [flag for flag in wanted if flag in present]
    except OSError:
        pass
    return []


def check_model(model: nn.Module, data: DataBundle) -> None:
    """One forward pass on two samples, before anything else runs."""
    sample = data.val_inputs[:2]
    try:
        with torch.inference_mode(), evaluating(model):
            output = model(sample)
    except Exception as error:
        detail = f"{type(error).__name__}: {' '.join(str(error).split())[:200]}"
        # A dtype problem is not a shape problem: say which one it is.
        embeddings = [name or "(the model)" for name, module in model.named_modules()
                      if isinstance(module, (nn.Embedding, nn.EmbeddingBag))]
        if embeddings and ("indices" in detail or "scalar type" in detail):
            raise ModelError(
                f"The model takes integer token ids (its embedding layer '{embeddings[0]}' needs "
                f"int64 indices), but the data is {sample.dtype}: {detail}",
                "QuantGUI feeds float inputs: wrap the model so that it takes floats and turns "
                "them into ids (x.long()) before the embedding.") from error
        if any(word in detail for word in ("scalar type", "dtype", "Double", "Half")):
            raise ModelError(
                f"The model does not accept {sample.dtype} inputs: {detail}",
                "QuantGUI feeds float32 inputs: convert the model with model.float() before "
                "saving it.") from error
        raise ModelError(
            f"The model does not accept inputs of shape {tuple(sample.shape)} "
            f"(batch of {sample.shape[0]}, sample shape {data.input_shape}): {detail}",
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


def check_engine(loaded: LoadedModel, recipe: Recipe) -> None:
    """The chosen engine runs here and offers the technique; said before anything runs."""
    engine = get_engine(recipe.engine)
    reason = engine.unavailable_reason() or engine.unsupported_reason(loaded.model, recipe.method)
    if reason:
        raise RecipeError(reason, "Choose another engine (PyTorch eager runs every technique).")


def run(loaded: LoadedModel, recipe: Recipe, cancel: CancelToken | None = None,
        cache: RunCache | None = None) -> EventStream[RunResult]:
    cancel = cancel or CancelToken()
    if cache is not None:
        cache.bind(loaded)
    reused: list[str] = []
    started = time.perf_counter()
    technique = get_technique(recipe.method)
    engine = get_engine(recipe.engine)
    check_engine(loaded, recipe)
    recipe.check_runnable()
    loaded.data.validate()
    # the run's own copy of the data: whatever an engine or a model it builds writes into its
    # inputs stays in the run (checked at the end); the loaded data is never handed out
    data = loaded.data.private_copy()
    given = dataclasses.replace(loaded, data=data)
    check_model(loaded.model, data)
    yield LogMessage(texts.LOG_QUANTIZING.format(
        model=loaded.name, technique=technique.title, engine=engine.title, torch=torch.__version__,
        threads=recipe.threads))
    with engine_and_threads(recipe), evaluating(loaded.model):
        calibrated_before = set(cache.calibration) if cache is not None else set()
        build = yield from engine.build(given, recipe, cancel,
                                        cache.calibration if cache is not None else None)
        if (technique.calibrates and calibrated_before
                and calibrated_before >= set(cache.calibration)):
            reused.append("calibration")
        quantized = build.quantized
        cancel.raise_if_cancelled()
        try:
            quantized_outputs = yield from metrics.stream_predict(
                quantized, data.val_inputs, recipe.batch_size, cancel)
        except Cancelled:
            raise
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
            original_outputs = yield from metrics.stream_predict(
                original_model, data.val_inputs, recipe.batch_size, cancel)
        cancel.raise_if_cancelled()
        batch = data.example_batch(recipe.batch_size)
        # every model that is compared is timed in the same interleaved rounds
        timed = {"original": original_model, "quantized": quantized}
        if build.reference is not None:
            timed["reference"] = build.reference
        # rounds adapt to the models' speed (a time budget); each LatencyStats says how many
        latencies = yield from metrics.stream_latencies(timed, batch, recipe.threads, cancel)
        if cache is not None and "eager" in cache.original_sizes:
            original_size = cache.original_sizes["eager"]
            reused.append("original size")
        else:
            original_size = metrics.state_dict_size_bytes(original_model)
        original_stats = ModelStats(original_size, latencies["original"],
                                    metrics.accuracy(original_outputs, data.val_labels))
        quantized_stats = ModelStats(build.size_bytes, latencies["quantized"],
                                     metrics.accuracy(quantized_outputs, data.val_labels))
        reference_stats = None
        if build.reference is not None:
            reference_outputs = yield from metrics.stream_predict(
                build.reference, data.val_inputs, recipe.batch_size, cancel)
            reference_stats = ModelStats(
                build.reference_size_bytes or original_size, latencies["reference"],
                metrics.accuracy(reference_outputs, data.val_labels))
        sampling = None
        if build.layers is not None:
            layers = build.layers
            # the engine measured them, on the samples it says (PT2E, ONNX Runtime)
            sampling = build.extra.get("error_sampling")
        else:
            layers = layer_records(loaded.model, quantized, technique, build.notes)
            sampling = yield from _layer_errors(technique, original_model, build, layers,
                                                data.val_inputs[:ERROR_SAMPLES], cancel,
                                                recipe.batch_size)
            if sampling.subsampled:
                yield LogMessage(sampling.describe())
    agreement = metrics.agreement(original_outputs, quantized_outputs)
    warnings = agreement.warnings(engine.title)
    changed = data.changed_fields(loaded.data)
    if changed:  # the original's outputs may come from the altered data: not kept either
        warnings.insert(0, texts.LOG_DATA_CHANGED.format(engine=engine.title))
    elif cache is not None:
        cache.original_outputs = original_outputs
        cache.original_sizes["eager"] = original_size
    for warning in warnings:
        yield LogMessage(warning, "warning")
    if not any(layer.quantized for layer in layers):
        yield LogMessage(texts.LOG_NOTHING_QUANTIZED.format(
            model=loaded.name, technique=technique.title, engine=engine.title), "warning")
    elif technique.converts_convolutions:
        few = analysis.few_quantized(loaded.model, layers)
        if few is not None:
            yield LogMessage(texts.LOG_FEW_QUANTIZED.format(
                quantized=few[0], weighted=few[1], model=loaded.name,
                technique=technique.title, engine=engine.title), "warning")
    return RunResult(
        model_name=loaded.name, recipe=recipe, quantized_model=quantized,
        original=original_stats, quantized=quantized_stats,
        agreement=agreement, layers=layers, training=build.training,
        original_outputs=original_outputs, quantized_outputs=quantized_outputs,
        duration_s=time.perf_counter() - started, environment=environment(recipe),
        reused=reused, engine=engine.name, reference=reference_stats,
        prepare_seconds=build.prepare_seconds, build=build, error_sampling=sampling,
        model_details=getattr(loaded, "details", None), warnings=warnings)


def _layer_errors(technique: Technique, original: nn.Module, build: EngineBuild,
                  layers: list[LayerRecord], inputs: torch.Tensor, cancel: CancelToken,
                  batch_size: int) -> EventStream[analysis.ErrorSampling]:
    """Per-layer SQNR on a module tree: torch.ao.ns's numeric suite where it applies, forward
    hooks for the rest; each layer records which measured it. Both stream the data in chunks
    and measure the same samples (fewer for models with large activations)."""
    errors, sampling = yield from analysis.stream_layer_errors(
        original, build.quantized, layers, inputs, cancel, batch_size)
    suite: dict[str, tuple[float | None, ...]] = {}
    method_result = build.extra.get("method_result")
    if technique.numeric_suite is not None and method_result is not None:
        cancel.raise_if_cancelled()
        if method_result.observed_model is not None:  # dropped after the suite, below
            numeric_suite.dispose_after_use(method_result.observed_model)
        # Large activations (fewer samples measured): the suite's shadow pass, which gives the
        # same own-output figure as the hooks (tests check both on the demos), is skipped; its
        # weight figures still count (an empty batch asks for the weights alone).
        suite_inputs = inputs[:0] if sampling.subsampled else inputs[:sampling.samples]
        try:
            suite = technique.numeric_suite(original, method_result, suite_inputs)
        except Exception as error:  # noqa: BLE001 - the hooks below still measure every layer
            yield LogMessage(texts.LOG_NS_FAILED.format(
                error=f"{type(error).__name__}: {str(error)[:160]}"))
        # the calibrated float graph served the suite only: not kept with the result
        method_result.observed_model = build.observed_model = None
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
    return sampling
