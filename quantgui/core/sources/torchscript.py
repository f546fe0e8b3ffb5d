"""TorchScript files (``torch.jit.save``): they run, but none of the techniques can quantize them
here (measured with torch 2.13, see ``_refusal``)."""

from __future__ import annotations

from pathlib import Path

import torch

from quantgui.core import texts
from quantgui.core.errors import ModelError
from quantgui.core.sources.base import ModelFile, OpenOptions, corrupt
from quantgui.core.sources.registry import ModelSource, register

TITLE = "TorchScript model"


def load_torchscript(path: Path) -> ModelFile:
    try:
        model = torch.jit.load(str(path), map_location="cpu")
    except Exception as error:
        raise corrupt(path, TITLE, error) from error
    return ModelFile(model.eval(), None, texts.MODEL_TORCHSCRIPT.format(file=path.name),
                     "torchscript")


def _refusal(method: str) -> ModelError:
    if method == "dynamic":
        return ModelError(
            "Dynamic quantization cannot change a TorchScript model: torch 2.13's quantize_dynamic "
            "returns an unchanged copy (measured: no layer replaced, identical outputs).",
            "Export the model with torch.export (.pt2) or give the Python class "
            "(--model model.py:Class:weights.pt).")
    return ModelError(
        f"TorchScript models cannot be traced by FX, which {method} quantization needs.",
        "Export the model with torch.export or give the Python class "
        "(--model model.py:Class:weights.pt).")


def _open(spec: str, options: OpenOptions) -> ModelFile:
    return load_torchscript(Path(spec))


SOURCE = register(ModelSource(kind="torchscript", title=TITLE, open=_open,
                              file_kinds=("torchscript",), methods=(), method_refusal=_refusal))
