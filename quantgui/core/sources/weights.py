"""state_dict weights from a file, loaded without running code from it, and put into a model."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import torch
from torch import nn

from quantgui.core.errors import ModelError
from quantgui.core.sources.base import MemoryProbe, check_file, corrupt, detect_kind
from quantgui.core.sources.registry import kind_title


def load_state_dict_file(path: Path, memory: MemoryProbe | None = None) -> dict[str, Any]:
    """A state_dict from torch.save (loaded with weights_only=True) or a safetensors file: no
    code from the file runs."""
    check_file(path, "weights file", memory)
    detected = detect_kind(path)
    if detected == "safetensors":
        return load_safetensors(path)
    if detected != "torch_save":
        raise ModelError(f"The weights file {path} holds a {kind_title(detected)}, "
                         "not a state_dict.",
                         "Save the weights with torch.save(model.state_dict(), 'weights.pt') or "
                         "safetensors.torch.save_file, or give the model file itself as --model.")
    if path.suffix == ".safetensors":
        raise ModelError(f"The weights file {path} is named .safetensors but was written by "
                         "torch.save.", "Rename it to .pt, or save it with safetensors.")
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as error:
        if "Unsupported global" not in str(error):
            raise corrupt(path, "PyTorch weights file", error) from error
        raise ModelError(f"The weights file {path} holds more than tensors (it would run code "
                         "from the file to load).",
                         "Save only the weights: torch.save(model.state_dict(), 'weights.pt')."
                         ) from error
    except Exception as error:
        raise corrupt(path, "PyTorch weights file", error) from error
    if isinstance(state, dict):
        for key in ("state_dict", "model_state_dict", "model"):
            if isinstance(state.get(key), dict):
                state = state[key]
                break
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        raise ModelError(f"The weights file {path} holds a {type(state).__name__}, not a "
                         "state_dict of tensors.",
                         "Save the weights with torch.save(model.state_dict(), 'weights.pt').")
    return state


def apply_weights(model: nn.Module, state: dict[str, torch.Tensor], path: Path,
                   class_name: str) -> None:
    own = model.state_dict()
    missing = [k for k in own if k not in state]
    unexpected = [k for k in state if k not in own]
    shapes = [f"{k} (file {tuple(state[k].shape)}, model {tuple(own[k].shape)})"
              for k in own if k in state and tuple(state[k].shape) != tuple(own[k].shape)]
    if missing or unexpected or shapes:
        def listed(keys: list[str]) -> str:
            return ", ".join(keys[:8]) + (f" and {len(keys) - 8} more" if len(keys) > 8 else "")

        parts = []
        if missing:
            parts.append(f"missing keys: {listed(missing)}")
        if unexpected:
            parts.append(f"unexpected keys: {listed(unexpected)}")
        if shapes:
            parts.append(f"shape mismatches: {listed(shapes)}")
        raise ModelError(f"The weights in {path} do not match {class_name}: {'; '.join(parts)}.",
                         "Use the weights saved from this class with the same --model-args.")
    try:
        model.load_state_dict(state)
    except RuntimeError as error:
        raise ModelError(f"Loading the weights in {path} into {class_name} failed: "
                         f"{str(error).splitlines()[0]}",
                         "Use the weights saved from this class with the same --model-args."
                         ) from error



def load_safetensors(path: Path) -> dict[str, torch.Tensor]:
    """A safetensors file: a JSON header and raw tensors, nothing that can run."""
    try:
        from safetensors import SafetensorError
        from safetensors.torch import load_file
    except ImportError as error:
        raise ModelError(f"{path} is a safetensors file, but the safetensors package is not "
                         "installed.", "Install it: pip install 'quantgui[models]' (or "
                                       "pip install safetensors).") from error
    try:
        return load_file(str(path), device="cpu")
    except (SafetensorError, OSError, ValueError, RuntimeError) as error:
        raise corrupt(path, "safetensors file", error) from error
