"""What every engine provides: the contract between the pipeline and one runtime.

An *engine* is where the quantized model runs: torch.ao's eager int8 kernels, torch.compile
(inductor) on a torchao PT2E program, ONNX Runtime, ... A *technique* (dynamic, static, QAT) is
how the int8 model is made. An engine implements the techniques it supports and builds two
runnable models from the user's float model: the quantized one and the engine's own float32
reference (compiled float32, the float32 model in ONNX Runtime; None where the eager original
is the reference). The pipeline measures both against float32 eager PyTorch, interleaved.

Adding an engine is one module with one ``Engine`` subclass and one line in
``quantgui.core.engines.BUILTIN_ENGINES`` (or ``register_engine`` from anywhere).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from quantgui.core.texts import MESSAGE_NOT_IMPLEMENTED

if TYPE_CHECKING:
    from torch import nn

    from quantgui.core.demos import LoadedModel
    from quantgui.core.events import CancelToken, EventStream
    from quantgui.core.files import OutputBatch
    from quantgui.core.layers import LayerRecord
    from quantgui.core.pipeline import RunResult
    from quantgui.core.recipes import Recipe
    from quantgui.core.techniques import Technique


@dataclass
class EngineBuild:
    """What an engine made of the user's model for one run."""

    quantized: nn.Module  # runs a float batch on this engine and returns a float tensor
    size_bytes: int  # the quantized model saved in this engine's native format
    # this engine's float32 model (compiled, or in ONNX Runtime); None: the eager original
    reference: nn.Module | None = None
    reference_size_bytes: int | None = None
    # seconds spent per preparation stage ("export", "calibrate", "convert", "compile", ...),
    # reported apart from latency
    prepare_seconds: dict[str, float] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)  # layer/op name -> why it stayed float
    training: list[dict[str, Any]] = field(default_factory=list)  # QAT epochs
    # which ops/layers are int8, for engines whose result has no nn module tree (PT2E graphs,
    # ONNX graphs); None: the pipeline derives the records from the module tree
    layers: list[LayerRecord] | None = None
    artifact: Any = None  # what ``save`` writes: an ExportedProgram, ONNX bytes, a module
    observed_model: nn.Module | None = None  # torch.ao: calibrated graph for the numeric suite
    extra: dict[str, Any] = field(default_factory=dict)  # engine-specific facts for the report


@dataclass(frozen=True)
class ScriptSection:
    """An engine's part of the standalone script (``quantgui.core.script``): the steps that
    turn the float model into the quantized one on this engine, as plain code."""

    imports: str  # import lines the code needs, beyond torch, numpy, copy, math, Path
    # defines ``quantize(model, data)``, returning something that runs a float batch and
    # returns a tensor, and ``save_quantized(quantized, path, data)``, which writes the file
    # the engine saves (``data`` is load_data()'s tuple: train inputs/labels, val inputs/labels)
    code: str
    needs: str  # the header's sentence on what must be installed to run the script
    saves_as: str  # what --save writes, for its help text
    save_example: str = "quantized.pt"  # a file name for --save in the header
    settings: str = ""  # module-level lines after THREADS/BATCH_SIZE/KEEP_FLOAT
    setup: str = ""  # statements main() runs before anything else, unindented


# A fixed batch of validation inputs, as ``DataBundle.example_batch`` gives: engines that
# export or compile for a batch shape put it in their script section.
SCRIPT_EXAMPLE_BATCH = '''def example_batch(inputs: torch.Tensor, size: int) -> torch.Tensor:
    """The first ``size`` validation inputs (repeated if there are fewer), as QuantGUI uses to
    export and compile the model: a copy, so that nothing written into it reaches the data."""
    if inputs.shape[0] < size:
        inputs = inputs.repeat(-(-size // inputs.shape[0]), *([1] * (inputs.ndim - 1)))
    return inputs[:size].clone(memory_format=torch.contiguous_format)
'''


def script_source(*objects: Any) -> str:
    """The source of functions and classes a script section copies as they are (the engine's
    own session options, batch padding...), so the script cannot drift from what it runs."""
    import inspect
    import textwrap

    return "\n\n".join(f"# as in {obj.__module__}\n"
                        + textwrap.dedent(inspect.getsource(obj)).rstrip() + "\n"
                        for obj in objects)


@dataclass
class SaveCheck:
    """What loading the saved file back gave, compared with the model in memory."""

    path: Path
    format: str
    size_bytes: int
    max_abs_difference: float

    @property
    def identical(self) -> bool:
        return self.max_abs_difference == 0.0

    def describe(self) -> str:
        verdict = ("identical outputs" if self.identical
                   else f"maximum output difference {self.max_abs_difference:.3g}")
        return f"Saved {self.format} to {self.path} ({self.size_bytes} bytes); loaded back: " \
               f"{verdict}."


class Engine:
    """One runtime. Subclasses set the class attributes and implement ``build``."""

    name: ClassVar[str] = ""  # identifier used in recipes, the CLI and reports
    title: ClassVar[str] = ""  # shown in the window
    description: ClassVar[str] = ""  # one or two sentences for tooltips and --help
    techniques: ClassVar[tuple[str, ...]] = ()  # technique names it implements
    save_formats: ClassVar[tuple[str, ...]] = ()  # what ``save`` can write, first is default

    def unavailable_reason(self) -> str | None:
        """Why this engine cannot run on this machine (missing package, no CUDA), or None.
        Cheap: called when menus are built."""
        return None

    def unsupported_reason(self, model: nn.Module, technique: str) -> str | None:
        """Why this engine cannot run ``technique`` on ``model``, known before a run, or None."""
        if technique not in self.techniques:
            return MESSAGE_NOT_IMPLEMENTED.format(engine=self.title, technique=technique,
                                                  techniques=", ".join(self.techniques))
        return None

    def build(self, loaded: LoadedModel, recipe: Recipe, cancel: CancelToken,
              cache: dict | None = None) -> EventStream[EngineBuild]:
        """Quantize a copy of ``loaded.model`` with ``recipe`` (never the model itself),
        yielding progress events and returning what was built. ``cache`` is a dict owned by
        the caller for one model and one dataset: an engine may keep what a what-if re-run can
        reuse in it (calibrated ranges), under keys of its own."""
        raise NotImplementedError

    def save_bytes(self, build: EngineBuild, format: str) -> bytes:
        """The quantized model in ``format`` (one of ``save_formats``), as the file's bytes."""
        raise NotImplementedError

    def load_saved(self, path: Path, format: str, *, build: EngineBuild | None = None
                   ) -> nn.Module:
        """Load what ``save_bytes`` gave, as something that runs a float batch. ``build``
        gives what the file does not hold (a state_dict's architecture)."""
        raise NotImplementedError

    def save_checked(self, result: RunResult, path: Path, format: str, *, staging: OutputBatch,
                     example: Any, float_model: nn.Module, source: str) -> SaveCheck:
        """Stage the file in ``staging`` (it appears at ``path`` when the caller commits),
        load it back from the staged copy and compare its outputs with the model in memory."""
        import torch

        from quantgui.core.errors import QuantGUIError

        if format not in self.save_formats:
            raise QuantGUIError(f"The {self.title} engine cannot save as '{format}'.",
                                f"Use {' or '.join(self.save_formats)}.")
        build = result.build
        written = staging.stage(path, self.save_bytes(build, format))
        reloaded = self.load_saved(written, format, build=build)
        with torch.inference_mode():
            expected = first_tensor(build.quantized(example)).float()
            actual = first_tensor(reloaded(example)).float()
        difference = (expected - actual).abs().max().item()
        return SaveCheck(path, format, written.stat().st_size, difference)

    def script_section(self, technique: Technique, recipe: Recipe, model: nn.Module
                       ) -> ScriptSection:
        """This engine's steps for ``technique`` in the standalone script, mirroring ``build``
        so that the script's outputs match the application's. ``model`` is the float model
        (an engine may refuse one its script cannot rebuild). An engine without one says so:
        a script written for another engine would rebuild a different model."""
        from quantgui.core.errors import QuantGUIError

        raise QuantGUIError(
            f"The {self.title} engine does not write a standalone script.",
            "Save the quantized model in the engine's own format instead (it is loaded back "
            "and checked), or use a built-in engine for a script.")


def first_tensor(value: Any) -> Any:
    """The tensor a model returned (first of a tuple/list, logits of a dict-like output)."""
    import torch

    if isinstance(value, torch.Tensor):
        return value
    if isinstance(value, (tuple, list)) and value:
        return first_tensor(value[0])
    if isinstance(value, dict) and value:
        return first_tensor(value.get("logits", next(iter(value.values()))))
    raise TypeError(f"the model returned {type(value).__name__}, not a tensor")
