"""PyTorch eager int8 kernels (torch.ao.quantization, FX graph mode): the original engine.

Its float32 reference is the user's model itself in eager PyTorch. Deprecated upstream (an RFC
proposes deleting torch.ao.quantization, pytorch/ao#2259) but still shipped and still the
fastest path for dynamic quantization of LSTMs in eager PyTorch.
"""

from __future__ import annotations

import os
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from torch import nn

from quantgui.core import metrics, texts
from quantgui.core.engines.base import Engine, EngineBuild, ScriptSection
from quantgui.core.errors import Cancelled, QuantGUIError
from quantgui.core.events import LogMessage
from quantgui.core.techniques import get_technique

if TYPE_CHECKING:
    from quantgui.core.demos import LoadedModel
    from quantgui.core.events import CancelToken, EventStream
    from quantgui.core.export import SaveCheck
    from quantgui.core.files import OutputBatch
    from quantgui.core.pipeline import RunResult
    from quantgui.core.recipes import Recipe
    from quantgui.core.techniques import Technique


def _raised_by_torch_ao(error: BaseException) -> bool:
    """Whether the failure happened inside torch.ao.quantization or torch.fx (a limitation
    of FX graph mode on this model) rather than in QuantGUI's own code."""
    frames = traceback.extract_tb(error.__traceback__)
    markers = (f"torch{os.sep}ao{os.sep}quantization", f"torch{os.sep}fx{os.sep}")
    return any(marker in frame.filename for frame in frames for marker in markers)


class TorchAoEngine(Engine):
    name: ClassVar[str] = "torch_ao"
    title: ClassVar[str] = "PyTorch eager (torch.ao)"
    description: ClassVar[str] = (
        "torch.ao.quantization's int8 kernels in eager PyTorch (FX graph mode: fusion and "
        "stubs are automatic). No compilation; the reference is the float model in eager "
        "PyTorch.")
    techniques: ClassVar[tuple[str, ...]] = ("dynamic", "static", "qat")
    save_formats: ClassVar[tuple[str, ...]] = ("state_dict", "torchscript", "export")

    def build(self, loaded: LoadedModel, recipe: Recipe, cancel: CancelToken,
              cache: dict | None = None) -> EventStream[EngineBuild]:
        technique = get_technique(recipe.method)
        try:
            result = yield from technique.build_ao(
                loaded.model, loaded.data, recipe, cancel, **technique.torch_ao_options(cache),
                **({"keep_observed": True} if technique.calibrates else {}))
        except (QuantGUIError, Cancelled):
            raise
        except Exception as error:
            if not _raised_by_torch_ao(error):
                raise  # ours: reported as unexpected, with its traceback logged
            # what FX said goes to the log: the message says what it means for the user
            yield LogMessage(texts.LOG_TORCH_AO_FX_STOPPED.format(
                error=f"{type(error).__name__}: {str(error).splitlines()[0][:160]}"
                if str(error) else type(error).__name__), "warning")
            raise QuantGUIError(
                f"torch.ao's FX graph mode cannot apply {technique.title} quantization to this "
                "model: it cannot rewrite the model's graph.",
                "Choose the engine PyTorch compiled (PT2E + inductor) (pt2e): torch.export "
                "captures models FX cannot rewrite, such as Hugging Face transformers. Dynamic "
                "quantization on this engine needs no graph rewrite.") from error
        return EngineBuild(
            quantized=result.model, size_bytes=metrics.state_dict_size_bytes(result.model),
            notes=result.notes, training=result.training, artifact=result.model,
            observed_model=result.observed_model, extra={"method_result": result})

    def save_checked(self, result: RunResult, path: Path, format: str, *,
                     staging: OutputBatch, example: Any, float_model: nn.Module,
                     source: str) -> SaveCheck:
        # a state_dict needs the float model to rebuild the int8 structure: core.export
        from quantgui.core.export import save_quantized

        return save_quantized(result.quantized_model, path, format, recipe=result.recipe,
                              example=example, float_model=float_model, source=source,
                              staging=staging)

    def script_section(self, technique: Technique, recipe: Recipe, model: nn.Module
                       ) -> ScriptSection:
        """The technique's own torch.ao section, saved as TorchScript."""
        from quantgui.core.errors import QuantGUIError
        from quantgui.core.methods.fx_units import plan_units

        plan = plan_units(model)
        if plan.untraceable and technique.script_needs_whole_graph:
            raise QuantGUIError(
                "A script can be written only for models FX traces as a whole; FX cannot trace "
                f"{', '.join(repr(n or 'the model') for n in plan.untraceable)}.",
                "Use dynamic quantization, or save the quantized model instead.")
        imports, code = technique.script_section(recipe)
        return ScriptSection(
            imports=imports, code=code + _TORCHSCRIPT_SAVE,
            needs="Needs only torch (and numpy to read .npz data).",
            saves_as="TorchScript",
            settings=(
                "# torch.ao.quantization warns that it is deprecated on every call; it is still "
                "the API that\n# runs int8 on CPU in torch 2.13.\n"
                'warnings.filterwarnings("ignore")\n\n'
                f"BACKEND = {recipe.backend!r}  # the int8 kernels: x86, fbgemm, onednn or "
                "qnnpack\n"),
            setup="torch.backends.quantized.engine = BACKEND")


_TORCHSCRIPT_SAVE = '''

def save_quantized(quantized: nn.Module, path: str, data) -> None:
    """TorchScript: the int8 model traced on a validation batch (torch.jit.load reads it)."""
    torch.jit.save(torch.jit.trace(quantized, data[2][:BATCH_SIZE]), path)
'''
