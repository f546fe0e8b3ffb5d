"""torchao weight-only int8: ``nn.Linear`` weights stored in int8, activations stay float32.

``quantize_(copy, Int8WeightOnlyConfig())`` replaces each Linear weight with a torchao
``Int8Tensor`` (per output channel, symmetric); the model is then lowered with
``torch.compile`` and inductor freezing, because uncompiled torchao tensor subclasses are
slower than float32. Its float32 reference is the same model compiled the same way.

What it gives on CPU, honestly: the Linear weights are 4x smaller on disk and in memory, but
there is no speed-up. No int8 kernel runs: at every call each int8 weight is converted to
float32 in front of a float32 matmul (the compiled graph keeps the int8 weights as inputs and
fuses the conversion with the scaling; freezing does not fold it away). Measured on 2 cores:
about as fast as float32 at batch 32, slower at batch 1. int4 (``Int4WeightOnlyConfig``)
needs a CUDA GPU and the ``mslk`` package; float8 (``Float8DynamicActivationFloat8WeightConfig``)
needs a CUDA GPU of compute capability 8.9 or newer: ``int4_unavailable_reason`` and
``float8_unavailable_reason`` say which is missing here. This engine builds int8 only.

``torchao`` is imported inside functions only, so the engine registry stays cheap to load.
"""

from __future__ import annotations

import copy
import importlib.metadata
import importlib.util
import io
import os
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import torch
from torch import nn

from quantgui.core import texts
from quantgui.core.engines.base import Engine, EngineBuild, ScriptSection
from quantgui.core.errors import Cancelled, ModelError, QuantGUIError, RecipeError
from quantgui.core.events import CancelToken, EventStream, LogMessage, Progress
from quantgui.core.layers import LayerRecord, leaf_modules, type_name
from quantgui.core.methods.tied import tied_layers, tied_log, tied_notes

if TYPE_CHECKING:
    from quantgui.core.demos import LoadedModel
    from quantgui.core.recipes import Recipe
    from quantgui.core.techniques import Technique

TORCHAO_MINOR = "0.18"  # torchao breaks APIs between minor releases
INT8_NOTE = texts.NOTE_WEIGHT_ONLY_INT8
KEPT_NOTE = texts.NOTE_WEIGHT_ONLY_KEPT
NOT_LINEAR_NOTE = texts.NOTE_WEIGHT_ONLY_NOT_LINEAR
NO_WEIGHTS_NOTE = texts.NOTE_NO_WEIGHTS
NO_CPU_SPEED = texts.LOG_WEIGHT_ONLY_NO_CPU_SPEED
ERROR_SAMPLES = 256  # validation samples for the per-layer error (as the pipeline uses)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return f"{type(error).__name__}: {text.splitlines()[0] if text else ''}"[:300]


# --- what this machine offers -----------------------------------------------------------------

def torchao_version() -> str | None:
    if importlib.util.find_spec("torchao") is None:
        return None
    try:
        return importlib.metadata.version("torchao")
    except importlib.metadata.PackageNotFoundError:
        return None


def cxx_compiler() -> str | None:
    """The C++ compiler inductor would use on CPU (it generates and builds C++ kernels)."""
    configured = os.environ.get("CXX")
    candidates = [configured] if configured else []
    candidates += ["g++", "c++", "clang++"]
    for name in candidates:
        found = shutil.which(name)
        if found:
            return found
    return None


def _cuda_missing() -> str | None:
    if torch.version.cuda is None:
        return f"this torch ({torch.__version__}) is built without CUDA"
    if not torch.cuda.is_available():
        return "no CUDA GPU is visible"
    return None


def int4_unavailable_reason() -> str | None:
    """Why torchao's int4 weight-only (``Int4WeightOnlyConfig``) cannot run here, or None."""
    missing = []
    cuda = _cuda_missing()
    if cuda:
        missing.append(cuda)
    if importlib.util.find_spec("mslk") is None:
        missing.append("the mslk package is not installed")
    if not missing:
        return None
    return ("int4 weight-only (torchao Int4WeightOnlyConfig) needs a CUDA GPU and the mslk "
            f"package: {'; '.join(missing)}.")


def float8_unavailable_reason() -> str | None:
    """Why torchao's float8 (``Float8DynamicActivationFloat8WeightConfig``) cannot run here."""
    cuda = _cuda_missing()
    if cuda:
        return ("float8 (torchao Float8DynamicActivationFloat8WeightConfig) needs a CUDA GPU of "
                f"compute capability 8.9 or newer (Ada, Hopper): {cuda}.")
    major, minor = torch.cuda.get_device_capability()
    if (major, minor) < (8, 9):
        return ("float8 (torchao Float8DynamicActivationFloat8WeightConfig) needs compute "
                f"capability 8.9 or newer (Ada, Hopper); this GPU is {major}.{minor}.")
    return None


# --- compiled models ----------------------------------------------------------------------------

class CompiledModel(nn.Module):
    """A model lowered by ``torch.compile`` with inductor freezing.

    Each instance compiles its own copy of a small function: dynamo keeps its compiled graphs
    per code object, and ``torch.compile(module)`` puts every ``nn.Sequential`` (and every
    instance of one model class) on one shared code object whose limit of 8 graphs, once
    reached, silently sends every further compiled model back to eager PyTorch (measured: the
    9th compiled model of a process ran uncompiled). Calls always run under inference mode with
    an inference tensor, because dynamo guards on the input's dispatch keys (a tensor made
    outside inference mode, or a call under ``no_grad``, would compile the graph again).
    """

    def __init__(self, model: nn.Module, label: str) -> None:
        super().__init__()
        self.model = model
        self.label = label

        def run(x: torch.Tensor) -> Any:
            return model(x)

        # a code object of its own: its own dynamo cache (the trick torch uses for this)
        run.__code__ = run.__code__.replace(co_varnames=run.__code__.co_varnames)
        # dynamic=None: a batch of a new size compiles once more with the batch dimension
        # symbolic; mark_dynamic in ``compile`` makes that the first graph already
        self._compiled = torch.compile(run, dynamic=None, options={"freezing": True})

    def compile(self, example: torch.Tensor) -> float:  # type: ignore[override]
        """Compile on ``example`` (the first call); returns the seconds it took."""
        with torch.inference_mode():
            batch = example.clone()  # an inference tensor, as every later call sees
            if batch.ndim and batch.shape[0] >= 2:
                # one graph for every batch of 2 or more (a short last batch included);
                # dynamo specialises size 1 apart, so that costs one more graph at most
                torch._dynamo.mark_dynamic(batch, 0)
            started = time.perf_counter()
            self._compiled(batch)
        return time.perf_counter() - started

    def forward(self, x: torch.Tensor) -> Any:
        with torch.inference_mode():
            if not x.is_inference():
                x = x.clone()
            return self._compiled(x)

    def extra_repr(self) -> str:
        return f"{self.label}, torch.compile (inductor, freezing)"

    def __deepcopy__(self, memo: dict[int, Any]) -> CompiledModel:
        # a compiled function does not copy; a copy compiles again on its first call
        return CompiledModel(copy.deepcopy(self.model, memo), self.label)


# --- layers -------------------------------------------------------------------------------------

def is_torchao_weight(weight: Any) -> bool:
    """A torchao quantized tensor subclass (``Int8Tensor`` and its relatives)."""
    from torchao.utils import TorchAOBaseTensor

    return isinstance(weight, TorchAOBaseTensor)


def _kept(name: str, keep: tuple[str, ...]) -> bool:
    return any(name == k or name.startswith(k + ".") for k in keep)


def layer_records(original: nn.Module, quantized: nn.Module, keep: tuple[str, ...],
                  notes: dict[str, str] | None = None) -> list[LayerRecord]:
    """One record per leaf module of ``original``: int8 where its weight became a torchao
    quantized tensor in ``quantized``; ``notes`` say why some layers stayed float."""
    notes = notes or {}
    records = []
    for name, module in leaf_modules(original):
        after = quantized.get_submodule(name) if name else quantized
        weight = getattr(after, "weight", None)
        if is_torchao_weight(weight):
            records.append(LayerRecord(
                name, type_name(module), f"{type_name(after)} ({type(weight).__name__} weight)",
                True, INT8_NOTE))
            continue
        has_weights = any(True for _ in module.parameters(recurse=False))
        if name in notes:
            note = notes[name]
        elif not has_weights:
            note = NO_WEIGHTS_NOTE
        elif isinstance(module, nn.Linear) and _kept(name, keep):
            note = KEPT_NOTE
        elif isinstance(module, nn.Linear):
            note = texts.NOTE_WEIGHT_ONLY_LEFT
        else:
            note = NOT_LINEAR_NOTE
        records.append(LayerRecord(name, type_name(module), type_name(after), False, note))
    return records


def _fill_layer_errors(original: nn.Module, quantized: nn.Module, records: list[LayerRecord],
                       batch: torch.Tensor) -> None:
    """Per-layer SQNR on the uncompiled models: forward hooks for the outputs, the dequantized
    torchao weight for the weights (torch.ao's numeric suite does not know these tensors)."""
    from quantgui.core import analysis, metrics, numeric_suite

    errors = analysis.layer_errors(original, quantized, records, batch)
    for record in records:
        error = errors.get(record.name)
        if error is None:
            continue
        weight_sqnr = error.weight_sqnr_db
        after = quantized.get_submodule(record.name) if record.name else quantized
        weight = getattr(after, "weight", None)
        if record.quantized and is_torchao_weight(weight):
            before = (original.get_submodule(record.name) if record.name else original).weight
            weight_sqnr = metrics.sqnr_db(before.detach(), weight.dequantize().float())
            weight_sqnr = weight_sqnr if weight_sqnr == weight_sqnr else None  # NaN: none
        record.weight_sqnr_db = weight_sqnr
        record.output_sqnr_db = error.output_sqnr_db
        record.accumulated_sqnr_db = error.accumulated_sqnr_db
        record.error_source = numeric_suite.HOOKS


def state_dict_bytes(model: nn.Module) -> bytes:
    """``torch.save(model.state_dict())``: torchao's Int8Tensor saves its int8 data and scales
    (its element_size says 4, so counting elements would overstate it 4x)."""
    buffer = io.BytesIO()
    torch.save(model.state_dict(), buffer)
    return buffer.getvalue()


class WeightOnlyEngine(Engine):
    name: ClassVar[str] = "weight_only"
    title: ClassVar[str] = "torchao weight-only"
    description: ClassVar[str] = (
        "torchao weight-only int8: nn.Linear weights are stored in int8 (4x smaller); "
        "activations stay float32, so no calibration is needed. Lowered with torch.compile "
        "(inductor, freezing) and compared with compiled float32. On CPU it saves size but "
        "gives no speed-up. int4 needs a CUDA GPU and the mslk package, float8 a GPU of "
        "compute capability 8.9+; neither is built by this engine.")
    techniques: ClassVar[tuple[str, ...]] = ("dynamic",)
    save_formats: ClassVar[tuple[str, ...]] = ("state_dict",)

    def unavailable_reason(self) -> str | None:
        version = torchao_version()
        if version is None:
            return (f"The {self.title} engine needs the torchao package: "
                    f"pip install 'torchao~={TORCHAO_MINOR}.0'")
        if not (version == TORCHAO_MINOR or version.startswith(TORCHAO_MINOR + ".")):
            return (f"The {self.title} engine is written for torchao {TORCHAO_MINOR}.x; "
                    f"torchao {version} is installed (its APIs change between minor "
                    f"releases): pip install 'torchao~={TORCHAO_MINOR}.0'")
        if cxx_compiler() is None:
            return (f"The {self.title} engine compiles the model with torch.compile, whose "
                    "CPU backend (inductor) needs a C++ compiler: install g++ (or set CXX).")
        return None

    def unsupported_reason(self, model: nn.Module, technique: str) -> str | None:
        reason = super().unsupported_reason(model, technique)
        if reason:
            return reason
        if not any(isinstance(m, nn.Linear) for m in model.modules()):
            return (f"The {self.title} engine only quantizes nn.Linear weights, and this "
                    "model has no nn.Linear layer.")
        return None

    def build(self, loaded: LoadedModel, recipe: Recipe, cancel: CancelToken,
              cache: dict | None = None) -> EventStream[EngineBuild]:
        reason = self.unavailable_reason() or self.unsupported_reason(loaded.model, recipe.method)
        if reason:
            raise RecipeError(reason, "Choose another engine (PyTorch eager runs every "
                                      "technique).")
        self._check_recipe(recipe, loaded.model)
        from torchao.quantization import Int8WeightOnlyConfig, quantize_

        tied = tied_layers(loaded.model, recipe.keep_float)
        yield from tied_log(tied)
        keep = (*recipe.keep_float, *tied)
        float_model = copy.deepcopy(loaded.model).cpu().eval()
        quantized = copy.deepcopy(float_model)  # one copy: shared weights stay shared
        seconds: dict[str, float] = {}
        yield Progress("quantizing", 0, 1)
        started = time.perf_counter()
        try:
            # set_inductor_config=False: torchao would otherwise change inductor's global
            # settings for the whole process (every other engine's compile included)
            quantize_(quantized, Int8WeightOnlyConfig(set_inductor_config=False),
                      filter_fn=lambda module, fqn: (isinstance(module, nn.Linear)
                                                     and not _kept(fqn, keep)))
        except Exception as error:
            raise QuantGUIError(f"torchao could not quantize the Linear weights: "
                                f"{_first_line(error)}",
                                "Keep the failing layer in float, or use another engine."
                                ) from error
        seconds["quantize"] = time.perf_counter() - started
        yield Progress("quantizing", 1, 1)
        records = layer_records(float_model, quantized, keep, tied_notes(tied))
        int8_count = sum(1 for r in records if r.quantized)
        linear_count = sum(1 for m in float_model.modules() if isinstance(m, nn.Linear))
        artifact = state_dict_bytes(quantized)
        float_size = len(state_dict_bytes(float_model))
        yield LogMessage(texts.LOG_WEIGHT_ONLY_SUMMARY.format(
            int8=int8_count, linear=linear_count, size=len(artifact), float_size=float_size,
            ratio=len(artifact) / float_size))
        yield LogMessage(NO_CPU_SPEED)
        for other in (int4_unavailable_reason(), float8_unavailable_reason()):
            if other:
                yield LogMessage(texts.LOG_NOT_BUILT_HERE.format(reason=other))
        cancel.raise_if_cancelled()

        example = loaded.data.example_batch(recipe.batch_size)
        compiled = CompiledModel(quantized, "weight-only int8")
        reference = CompiledModel(float_model, "float32")
        for stage, model, key in (("compiling", compiled, "compile"),
                                  ("compiling float32", reference, "compile_float")):
            yield Progress(stage, 0, 1)
            try:
                seconds[key] = model.compile(example)
            except (Cancelled, QuantGUIError):
                raise
            except Exception as error:
                raise QuantGUIError(
                    f"torch.compile could not compile the {model.label} model: "
                    f"{_first_line(error)}",
                    "Use the PyTorch eager engine, or check the C++ compiler inductor uses."
                ) from error
            yield Progress(stage, 1, 1)
            cancel.raise_if_cancelled()
        yield LogMessage(texts.LOG_WEIGHT_ONLY_COMPILED.format(
            compile=seconds["compile"], compile_float=seconds["compile_float"]))
        try:
            _fill_layer_errors(float_model, quantized, records,
                               loaded.data.val_inputs[:ERROR_SAMPLES])
        except Exception as error:  # noqa: BLE001 - the records stay without errors
            yield LogMessage(texts.LOG_LAYER_ERRORS_FAILED.format(error=_first_line(error)),
                             "warning")
        notes = {r.name: r.note for r in records if not r.quantized}
        return EngineBuild(
            quantized=compiled, size_bytes=len(artifact), reference=reference,
            reference_size_bytes=float_size, prepare_seconds=seconds, notes=notes,
            layers=records, artifact=artifact,
            extra={"float_model": float_model, "eager_quantized": quantized,
                   "torchao": torchao_version(), "weight_dtype": "int8",
                   "int8_linear_layers": int8_count, "linear_layers": linear_count,
                   "int4_unavailable": int4_unavailable_reason(),
                   "float8_unavailable": float8_unavailable_reason(),
                   "cpu_speed_note": NO_CPU_SPEED})

    def _check_recipe(self, recipe: Recipe, model: nn.Module) -> None:
        dtype = getattr(recipe, "dtype", "int8")
        if dtype != "int8":
            raise RecipeError(
                f"The {self.title} engine offers int8 weights only, not {dtype}.",
                "Choose the int8 weight type, or the PyTorch eager engine for float16.")
        layer_types = getattr(recipe, "layer_types", ("Linear",))
        if "Linear" not in layer_types:
            raise RecipeError(f"The {self.title} engine quantizes only Linear layers, and "
                              "Linear is not among the selected layer types.",
                              "Select Linear, or use the PyTorch eager engine for LSTM/GRU.")
        names = dict(model.named_modules())
        unknown = [k for k in recipe.keep_float if k not in names]
        if unknown:
            raise RecipeError(f"The model has no layer named {', '.join(map(repr, unknown))} "
                              "to keep in float.", "Use names from the Layers table.")

    # -- save and load back ------------------------------------------------------------------
    def save_bytes(self, build: EngineBuild, format: str) -> bytes:
        if format not in self.save_formats:
            raise RecipeError(f"The {self.title} engine cannot save as '{format}'.",
                              "Save as state_dict.")
        float_model = build.extra.get("float_model")
        if not isinstance(build.artifact, bytes) or not isinstance(float_model, nn.Module):
            raise QuantGUIError("This result holds no weight-only model to save.",
                                f"Run the quantization again with the {self.title} engine.")
        return build.artifact

    def load_saved(self, path: Path, format: str, *,
                   build: EngineBuild | None = None) -> nn.Module:
        """Load a saved state_dict back into the model's architecture, uncompiled.

        The file is read with ``torch.load(weights_only=True)``: torchao registers its tensor
        subclasses (``Int8Tensor``, ...) as safe globals, so no arbitrary pickle runs. A
        state_dict holds no architecture: it comes from ``build`` (its float model), or from
        the caller's own copy of the model."""
        from quantgui.core.limits import check_regular_file

        if format not in self.save_formats:
            raise RecipeError(f"The {self.title} engine cannot load '{format}'.",
                              "Load a state_dict saved by this engine.")
        float_model = build.extra.get("float_model") if build is not None else None
        if not isinstance(float_model, nn.Module):
            raise ModelError(
                f"{path} holds weights only; the model's architecture is needed to load them.",
                "Load it with the result it was saved from (load_saved(path, format, "
                "build=...)), or build the model and call quantize_ with Int8WeightOnlyConfig "
                "before load_state_dict(..., assign=True).")
        check_regular_file(path, "weight-only state_dict")
        import torchao.quantization  # noqa: F401 - registers torchao's safe globals

        try:
            state = torch.load(path, map_location="cpu", weights_only=True)
            model = copy.deepcopy(float_model).eval()
            # assign=True: the saved int8 tensors replace the float weights as they are
            model.load_state_dict(state, strict=True, assign=True)
        except Exception as error:
            raise ModelError(f"{path} cannot be loaded as a weight-only state_dict: "
                             f"{_first_line(error)}",
                             "Save the model again; the file may be damaged.") from error
        return model

    # -- the standalone script ---------------------------------------------------------------
    def script_section(self, technique: Technique, recipe: Recipe, model: nn.Module
                       ) -> ScriptSection:
        """The same steps as ``build``: quantize_ with Int8WeightOnlyConfig on the Linear
        layers not kept in float, then the same compiled wrapper; ``--save`` writes the
        state_dict the engine saves."""
        from quantgui.core.engines.base import SCRIPT_EXAMPLE_BATCH, script_source

        reason = self.unsupported_reason(model, recipe.method)
        if reason:
            raise RecipeError(reason, "Choose another engine (PyTorch eager runs every "
                                      "technique).")
        self._check_recipe(recipe, model)
        code = "\n\n".join([SCRIPT_EXAMPLE_BATCH.rstrip(), script_source(CompiledModel).rstrip(),
                            _SCRIPT_QUANTIZE])
        return ScriptSection(
            imports=("import logging\nimport time\n\n"
                     "# torchao logs a warning per CUDA-only extension it cannot load on a CPU\n"
                     'logging.getLogger("torchao").setLevel(logging.ERROR)\n'
                     "from torchao.quantization import Int8WeightOnlyConfig, quantize_\n"),
            code=code, saves_as="state_dict with torchao int8 weights", save_example="quantized.pt",
            needs=(f"Needs torch and torchao {torchao_version() or TORCHAO_MINOR} (pip install "
                   f"'torchao~={TORCHAO_MINOR}.0'), a C++ compiler for torch.compile's inductor "
                   "(g++), and numpy."),
            settings=("# torchao and inductor warn about deprecations on every call\n"
                      'warnings.filterwarnings("ignore")\n\n'))


_SCRIPT_QUANTIZE = '''def quantize(model: nn.Module, data) -> CompiledModel:
    """torchao weight-only int8: each Linear weight (not in KEEP_FLOAT) becomes an int8 tensor
    with one scale per output channel; activations stay float32. On CPU this saves size, not
    time: the int8 weights are converted to float32 in front of each matmul."""
    quantized = copy.deepcopy(model).eval()
    # set_inductor_config=False: leave inductor's global settings as they are
    quantize_(quantized, Int8WeightOnlyConfig(set_inductor_config=False),
              filter_fn=lambda module, name: (isinstance(module, nn.Linear) and not any(
                  name == k or name.startswith(k + ".") for k in KEEP_FLOAT)))
    compiled = CompiledModel(quantized, "weight-only int8")
    compiled.compile(example_batch(data[2], BATCH_SIZE))
    return compiled


def save_quantized(quantized: CompiledModel, path: str, data) -> None:
    """The state_dict QuantGUI saves: torchao's int8 tensors with their scales. To load it,
    build the float model, quantize_ it as above, then load_state_dict(state, assign=True)."""
    torch.save(quantized.model.state_dict(), path)
'''
