"""Whole models saved with ``torch.save(model)``. Unpickling runs code from the file, so it is
refused unless the user trusts the file."""

from __future__ import annotations

import pickle
from pathlib import Path

import torch
from torch import nn

from quantgui.core import texts
from quantgui.core.errors import ModelError
from quantgui.core.sources.base import SAFE_FORMATS, ModelFile, OpenOptions, corrupt
from quantgui.core.sources.imports import folder_on_path
from quantgui.core.sources.registry import ModelSource, register

TITLE = "pickled model"


def load_torch_save(path: Path, trust: bool) -> ModelFile:
    try:
        content = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as error:
        if "Unsupported global" not in str(error):
            raise corrupt(path, "PyTorch file (torch.save)", error) from error
        content = None  # holds objects other than tensors: a whole model (or worse)
    except Exception as error:
        raise corrupt(path, "PyTorch file (torch.save)", error) from error
    if content is not None:
        if isinstance(content, dict) and any(isinstance(v, (torch.Tensor, dict))
                                             for v in content.values()):
            raise ModelError(f"{path} holds only weights (a state_dict), not a model.",
                             "Give the Python class with --model path.py:Class:"
                             f"{path.name}.")
        raise ModelError(f"{path} holds a {type(content).__name__}, not a model.",
                         f"Give {SAFE_FORMATS}.")
    if not trust:
        raise ModelError(
            f"{path} is a whole pickled model: loading it unpickles the file, which can run any "
            "code it contains.",
            f"Only if you trust where it came from, pass --trust. Safer: {SAFE_FORMATS}.")
    try:
        # The classes it names may live in a module beside the file (model.py saved with it).
        with folder_on_path(path.parent):
            model = torch.load(path, map_location="cpu", weights_only=False)
    except Exception as error:
        raise ModelError(f"Unpickling {path} failed: {type(error).__name__}: "
                         f"{str(error).splitlines()[0][:200] if str(error) else ''}",
                         "Pickled models need the code of their classes importable under the same "
                         f"module names; prefer {SAFE_FORMATS}.") from error
    if not isinstance(model, nn.Module):
        raise ModelError(f"{path} holds a {type(model).__name__}, not an nn.Module.",
                         f"Give {SAFE_FORMATS}.")
    return ModelFile(model.eval(), None, texts.MODEL_PICKLE.format(file=path.name),
                     "pickle")



def _open(spec: str, options: OpenOptions) -> ModelFile:
    return load_torch_save(Path(spec), options.trust)


SOURCE = register(ModelSource(kind="pickle", title=TITLE, open=_open, file_kinds=("torch_save",),
                              runs_code=True))
