"""The ways of opening a model beyond a single file: safetensors weights, model files with
neighbours, factories by name, Hugging Face folders, several and integer inputs."""

from __future__ import annotations

import sys
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


# ------------------------------------------------------------------ model files with neighbours

LAYERS_PY = textwrap.dedent("""
    import torch
    from torch import nn

    WIDTH = {width}


    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(8, WIDTH)

        def forward(self, x):
            return torch.relu(self.fc(x))
""")
NET_PY = textwrap.dedent("""
    from torch import nn

    from {prefix}layers import WIDTH, Block


    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.block = Block()
            self.head = nn.Linear(WIDTH, 3)

        def forward(self, x):
            return self.head(self.block(x))
""")


def _neighbours(folder: Path, width: int, prefix: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "layers.py").write_text(LAYERS_PY.format(width=width))
    (folder / "model.py").write_text(NET_PY.format(prefix=prefix))
    return folder


def _module_state() -> tuple[set[str], list[str], dict]:
    return set(sys.modules), list(sys.path), dict(sys.path_importer_cache)


def _assert_nothing_left(before: tuple[set[str], list[str], dict]) -> None:
    modules, path, _ = before
    added = set(sys.modules) - modules
    assert not [name for name in added if "layers" in name or name.startswith(
        ("quantgui_user", "netdef", "userpkg"))], added
    assert sys.path == path


def test_a_model_file_imports_its_neighbours_and_leaves_nothing_behind(tmp_path):
    folder = _neighbours(tmp_path / "a", width=5)
    before_files = _snapshot(folder)
    before = _module_state()
    for method in ("dynamic", "static"):
        loaded = open_user_model(f"{folder / 'model.py'}:Net", input_shape=(8,), method=method)
        _assert_nothing_left(before)
        result = _run(loaded, method)
        assert {layer.name for layer in result.layers if layer.quantized} == {"block.fc", "head"}
    assert _snapshot(folder) == before_files  # no __pycache__ in the user's folder
    assert not (folder / "__pycache__").exists()


def test_two_folders_with_their_own_layers_module_each_get_theirs(tmp_path):
    first = _neighbours(tmp_path / "first", width=5)
    second = _neighbours(tmp_path / "second", width=7)
    one = load_model_file(f"{first / 'model.py'}:Net")
    two = load_model_file(f"{second / 'model.py'}:Net")
    assert one.model.block.fc.out_features == 5 and two.model.block.fc.out_features == 7


def test_a_package_folder_and_a_file_inside_it_with_relative_imports(tmp_path):
    package = _neighbours(tmp_path / "userpkg", width=4, prefix=".")
    (package / "__init__.py").write_text("from .model import Net\n")
    before_files = _snapshot(tmp_path)
    before = _module_state()
    for spec in (f"{package}:Net", f"{package / 'model.py'}:Net"):
        loaded = open_user_model(spec, input_shape=(8,), method="dynamic")
        assert loaded.model.block.fc.out_features == 4
        assert loaded.source.startswith("python:")
        _assert_nothing_left(before)
    torch.save(_tiny_state(), tmp_path / "w.pt")
    with pytest.raises(ModelError, match="missing keys: block.fc.weight"):
        load_model_file(f"{package}:Net:{tmp_path / 'w.pt'}")
    assert _snapshot(tmp_path) == before_files | {"w.pt": _snapshot(tmp_path)["w.pt"]}


def test_a_missing_neighbour_is_named(tmp_path):
    (tmp_path / "model.py").write_text(NET_PY.format(prefix=""))
    with pytest.raises(ModelError, match="No module named 'layers'.*Put layers.py beside it"):
        load_model_file(f"{tmp_path / 'model.py'}:Net")


def test_a_trusted_pickle_finds_its_class_in_the_module_beside_it(tmp_path):
    (tmp_path / "netdef.py").write_text(TINY_PY)
    sys.path.insert(0, str(tmp_path))
    try:
        import netdef

        torch.save(netdef.Tiny().eval(), tmp_path / "whole.pt")
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("netdef", None)
    before = _module_state()
    loaded = open_user_model(str(tmp_path / "whole.pt"), trust=True, input_shape=(8,),
                             method="dynamic")
    _assert_nothing_left(before)
    assert type(loaded.model).__name__ == "Tiny"
    assert not (tmp_path / "__pycache__").exists()
