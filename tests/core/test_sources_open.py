"""The ways of opening a model beyond a single file: safetensors weights, model files with
neighbours, factories by name, Hugging Face folders, several and integer inputs."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import torch
from safetensors.torch import save_file

from quantgui.core.errors import ModelError
from quantgui.core.events import drive
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for
from quantgui.core.sources import load_model_file, open_user_model

TINY_PY = textwrap.dedent("""
    import torch
    from torch import nn


    class Tiny(nn.Module):
        def __init__(self, width=6):
            super().__init__()
            self.fc1 = nn.Linear(8, width)
            self.fc2 = nn.Linear(width, 3)

        def forward(self, x):
            return self.fc2(torch.relu(self.fc1(x)))
""")


def _snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


def _run(loaded, method: str):
    settings = {"epochs": 1} if method == "qat" else {}
    return drive(run(loaded, recipe_for(method, threads=1, batch_size=16, **settings)))


def _tiny_state(width: int = 6) -> dict[str, torch.Tensor]:
    torch.manual_seed(1)
    return {"fc1.weight": torch.randn(width, 8), "fc1.bias": torch.randn(width),
            "fc2.weight": torch.randn(3, width), "fc2.bias": torch.randn(3)}


# ------------------------------------------------------------------ safetensors weights

def test_safetensors_weights_load_like_a_state_dict(tmp_path):
    (tmp_path / "tiny.py").write_text(TINY_PY)
    state = _tiny_state()
    save_file(state, tmp_path / "weights.safetensors")
    before = _snapshot(tmp_path)
    loaded = open_user_model(f"{tmp_path / 'tiny.py'}:Tiny:weights.safetensors",
                             input_shape=(8,), method="dynamic")
    assert "with weights weights.safetensors" in loaded.description
    assert torch.equal(loaded.model.fc1.weight, state["fc1.weight"])
    result = _run(loaded, "dynamic")
    assert {layer.name for layer in result.layers if layer.quantized} == {"fc1", "fc2"}
    assert _snapshot(tmp_path) == before


def test_safetensors_weights_that_do_not_match_are_named(tmp_path):
    (tmp_path / "tiny.py").write_text(TINY_PY)
    save_file(_tiny_state(width=5), tmp_path / "w.safetensors")
    with pytest.raises(ModelError, match="shape mismatches: fc1.weight"):
        load_model_file(f"{tmp_path / 'tiny.py'}:Tiny:{tmp_path / 'w.safetensors'}")


def test_corrupt_or_mislabelled_safetensors_are_refused(tmp_path):
    (tmp_path / "tiny.py").write_text(TINY_PY)
    save_file(_tiny_state(), tmp_path / "w.safetensors")
    cut = tmp_path / "cut.safetensors"
    cut.write_bytes((tmp_path / "w.safetensors").read_bytes()[:-40])
    with pytest.raises(ModelError, match="looks like a safetensors file but cannot be read"):
        load_model_file(f"{tmp_path / 'tiny.py'}:Tiny:{cut}")
    torch.save(_tiny_state(), tmp_path / "pickled.safetensors")
    with pytest.raises(ModelError, match="named .safetensors but was written by torch.save"):
        load_model_file(f"{tmp_path / 'tiny.py'}:Tiny:{tmp_path / 'pickled.safetensors'}")
    with pytest.raises(ModelError, match="holds only weights .a safetensors file"):
        load_model_file(str(tmp_path / "w.safetensors"))
