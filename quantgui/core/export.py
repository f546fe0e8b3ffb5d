"""Keep a result: save the quantized model, load it back and check it, write files atomically.

Formats:
- ``state_dict``: a dict with the recipe and the quantized state_dict, loadable with
  ``torch.load(weights_only=True)``. ``load_quantized_state_dict`` rebuilds the quantized
  structure from the float model and the recipe, then loads the saved values into it.
- ``torchscript``: ``torch.jit.trace`` of the quantized model; runs without QuantGUI or the
  model's Python code.
- ``export``: a ``torch.export`` program. torch 2.13 cannot serialise torch.ao's packed int8
  weights (``Conv2dPackedParamsBase ... has no field __obj_flatten__``), so this fails with a
  clear message for quantized models; it is kept for when torch learns it.
"""

from __future__ import annotations

import copy
import io
import math
from pathlib import Path
from typing import Any

import torch
from torch import nn

from quantgui.core.data import DataBundle
from quantgui.core.engines.base import SaveCheck as SaveCheck  # re-exported
from quantgui.core.errors import ModelError, QuantGUIError
from quantgui.core.events import CancelToken, drive
from quantgui.core.files import OutputBatch
from quantgui.core.files import write_atomically as write_atomically  # re-exported
from quantgui.core.limits import check_allocation
from quantgui.core.methods.common import engine_and_threads
from quantgui.core.pt2_safety import program_bytes
from quantgui.core.recipes import Recipe

FORMATS = ("state_dict", "torchscript", "export")
FILE_FORMAT = "quantgui-quantized-state-dict"
FILE_VERSION = 1


def _bytes_of(save_fn: Any, obj: Any) -> bytes:
    buffer = io.BytesIO()
    save_fn(obj, buffer)
    return buffer.getvalue()


def _outputs(model: nn.Module, batch: torch.Tensor) -> torch.Tensor:
    with torch.inference_mode():
        out = model(batch)
    return (out.dequantize() if out.is_quantized else out).float()


def rebuild_structure(float_model: nn.Module, recipe: Recipe,
                      example: torch.Tensor) -> nn.Module:
    """The quantized model's structure (fusion, module types, packed weights) with throwaway
    values, made by the same code path as the run; the saved values are loaded into it."""
    from quantgui.core.analysis import plan_recipe
    from quantgui.core.techniques import get_technique

    recipe = plan_recipe(recipe)  # QAT converts to the same int8 modules as static
    data = DataBundle("structure", train_inputs=example, val_inputs=example)
    with engine_and_threads(recipe):
        result = drive(get_technique(recipe.method).build_ao(float_model, data, recipe,
                                                             CancelToken()))
    return result.model


def state_dict_payload(quantized: nn.Module, recipe: Recipe, source: str,
                       input_shape: tuple[int, ...]) -> dict[str, Any]:
    return {"format": FILE_FORMAT, "version": FILE_VERSION, "recipe": recipe.to_dict(),
            "source": source, "input_shape": list(input_shape),
            "torch": str(torch.__version__), "state_dict": quantized.state_dict()}


def load_quantized_state_dict(path: Path | str, float_model: nn.Module) -> nn.Module:
    """Load a file saved in the ``state_dict`` format.

    ``float_model`` is the original float model (same class and constructor arguments); it is
    not changed. Loading uses ``weights_only=True``; the only extra type allowed is
    ``torch.ScriptObject``, which holds the packed weights of dynamic RNN layers.
    """
    try:
        with torch.serialization.safe_globals([torch.ScriptObject]):
            payload = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as error:
        raise QuantGUIError(f"{path} could not be read as a QuantGUI quantized model: "
                            f"{type(error).__name__}: {str(error).splitlines()[0]}",
                            "Save it again from QuantGUI.") from error
    if not isinstance(payload, dict) or payload.get("format") != FILE_FORMAT:
        raise QuantGUIError(f"{path} is not a QuantGUI quantized state_dict file.",
                            "Open it as a model file instead.")
    # The file may be damaged or hand-made: each part is checked before it is used.
    missing = [key for key in ("recipe", "input_shape", "state_dict") if key not in payload]
    if missing:
        raise ModelError(f"{path} lacks its {', '.join(missing)}.", "Save it again from QuantGUI.")
    try:
        recipe = Recipe.from_dict(payload["recipe"])
    except QuantGUIError as error:
        raise ModelError(f"{path} holds an invalid recipe: {error.message}",
                         "Save it again from QuantGUI.") from None
    shape = payload["input_shape"]
    if (not isinstance(shape, (list, tuple)) or not 1 <= len(shape) <= 8
            or not all(type(side) is int and side >= 1 for side in shape)):
        raise ModelError(f"{path} has an invalid input shape: {str(shape)[:80]}.",
                         "Save it again from QuantGUI.")
    # The structure is rebuilt by running the model on two zero samples of this shape.
    check_allocation(2 * math.prod(shape) * 4, f"example input of shape {tuple(shape)} in {path}",
                     error=ModelError, hint="Save it again from QuantGUI.")
    state = payload["state_dict"]
    if not isinstance(state, dict):  # values: tensors, dtypes, packed-weight tuples
        raise ModelError(f"{path} has no valid state_dict.", "Save it again from QuantGUI.")
    try:
        structure = rebuild_structure(copy.deepcopy(float_model).eval(), recipe,
                                      torch.zeros(2, *shape))
    except QuantGUIError:
        raise
    except Exception as error:  # noqa: BLE001 - the float model or the shape does not fit
        raise ModelError(f"The model saved in {path} cannot be rebuilt from this float model "
                         f"(input shape {tuple(shape)}): {type(error).__name__}: "
                         f"{str(error).splitlines()[0][:160] if str(error) else ''}",
                         "Give the float model the file was saved from (same class and "
                         "arguments).") from error
    expected = structure.state_dict()
    problems = [f"missing {key}" for key in expected if key not in state]
    problems += [f"unexpected {key}" for key in state if key not in expected]
    problems += [f"{key} has shape {tuple(state[key].shape)}, expected {tuple(value.shape)}"
                 for key, value in expected.items()
                 if isinstance(value, torch.Tensor) and isinstance(state.get(key), torch.Tensor)
                 and state[key].shape != value.shape]
    if problems:
        more = f" and {len(problems) - 3} more" if len(problems) > 3 else ""
        raise ModelError(f"{path} does not match its model: {'; '.join(problems[:3])[:300]}{more}.",
                         "Give the float model the file was saved from, or save it again.")
    try:
        with engine_and_threads(recipe):
            structure.load_state_dict(state, strict=True)
    except Exception as error:  # noqa: BLE001 - dtypes or packed weights that do not fit
        raise ModelError(f"{path} does not match its model: {type(error).__name__}: "
                         f"{' '.join(str(error).split())[:200]}",
                         "Give the float model the file was saved from, or save it again."
                         ) from error
    return structure.eval()


def save_quantized(quantized: nn.Module, path: Path | str, format: str, *, recipe: Recipe,
                   example: torch.Tensor, float_model: nn.Module | None = None,
                   source: str = "", staging: OutputBatch | None = None) -> SaveCheck:
    """Save atomically, load the file back and compare its outputs with the model in memory.

    With ``staging``, the file is only staged there (a temporary file beside ``path``, loaded
    back from it) and appears at ``path`` when the caller commits the batch with its other
    outputs; without it, ``path`` is written now (or left as it was if anything fails).
    """
    path = Path(path)
    batch = staging if staging is not None else OutputBatch()
    try:
        check = _save_and_check(quantized, path, format, recipe, example, float_model, source,
                                batch)
    except BaseException:
        if staging is None:
            batch.discard()
        raise
    if staging is None:
        batch.commit()
    return check


def _save_and_check(quantized: nn.Module, path: Path, format: str, recipe: Recipe,
                    example: torch.Tensor, float_model: nn.Module | None, source: str,
                    batch: OutputBatch) -> SaveCheck:
    if format not in FORMATS:
        raise QuantGUIError(f"Unknown save format '{format}'.",
                            f"Use one of: {', '.join(FORMATS)}.")
    with engine_and_threads(recipe):
        expected = _outputs(quantized, example)
        if format == "state_dict":
            if float_model is None:
                raise QuantGUIError("Saving a state_dict needs the float model to check it.")
            payload = state_dict_payload(quantized, recipe, source, tuple(example.shape[1:]))
            written = batch.stage(path, _bytes_of(torch.save, payload))
            loaded = load_quantized_state_dict(written, float_model)
        elif format == "torchscript":
            try:
                scripted = torch.jit.trace(quantized, example, check_trace=False)
            except Exception as error:
                raise QuantGUIError(
                    f"This quantized model cannot be traced to TorchScript: "
                    f"{type(error).__name__}: {str(error).splitlines()[0]}",
                    "Save it as a state_dict instead.") from error
            written = batch.stage(path, _bytes_of(torch.jit.save, scripted))
            loaded = torch.jit.load(str(written), map_location="cpu")
        else:
            try:
                program = torch.export.export(quantized, (example,))
            except Exception as error:
                raise QuantGUIError(
                    "torch.export cannot export this quantized model: "
                    f"{type(error).__name__}: {str(error).splitlines()[0][:200]}",
                    "torch 2.13 cannot export torch.ao's packed int8 weights; save it as a "
                    "state_dict or TorchScript instead.") from error
            written = batch.stage(path, program_bytes(program))
            loaded = torch.export.load(str(written)).module()
        try:
            actual = _outputs(loaded, example)
        except Exception as error:
            raise QuantGUIError(
                f"{path} was written but does not load back and run: {type(error).__name__}: "
                f"{str(error).splitlines()[0] if str(error) else ''}",
                "Save it in another format.") from error
    difference = (expected - actual).abs().max().item() if expected.numel() else 0.0
    return SaveCheck(path, format, written.stat().st_size, difference)
