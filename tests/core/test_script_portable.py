"""A script handed out runs from any folder: the files it reads (float weights, data, the
model's source files) are exported beside it and named relative to the script itself, never by
an absolute path of this checkout or of the user's files. Before, it read
``WEIGHTS = Path('/.../resources/models/digits-cnn.pt')`` and a student could not run it
elsewhere."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from quantgui.core.demos import load_demo
from quantgui.core.errors import QuantGUIError
from quantgui.core.events import drive
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for
from quantgui.core.resources import resources_dir
from quantgui.core.script import generate_script, write_script
from quantgui.core.sources import open_user_model

from .test_script_neighbours import LAYERS, MODEL

CHECKOUT = Path(__file__).resolve().parents[2]


def _user_model(tmp_path: Path):
    """A model file that imports a module beside it, with a weights file of its own."""
    project = tmp_path / "project"
    (project / "weights").mkdir(parents=True)
    (project / "layers.py").write_text(LAYERS)
    (project / "model.py").write_text(MODEL)
    (project / "unrelated.py").write_text("raise SystemExit('not a part of the model')\n")
    loaded = open_user_model(f"{project / 'model.py'}:Net", input_shape=(8,))
    weights = project / "weights" / "net.pt"
    torch.manual_seed(1)
    torch.save({k: torch.randn_like(v) for k, v in loaded.model.state_dict().items()}, weights)
    return open_user_model(f"{project / 'model.py'}:Net:{weights}", input_shape=(8,))


def _absolute_paths(text: str, *folders: Path) -> list[str]:
    found = []
    for folder in folders:
        for form in {str(folder), str(folder.resolve())}:
            if form in text:
                found.append(form)
    return found


@pytest.mark.parametrize("engine, technique", [("torch_ao", "static"), ("pt2e", "dynamic"),
                                               ("onnxruntime", "static"),
                                               ("weight_only", "dynamic")])
def test_the_script_names_no_absolute_path(tmp_path, engine, technique):
    demo = load_demo("digits-cnn" if engine != "weight_only" else "digits-mlp")
    user = _user_model(tmp_path)
    out = tmp_path / "export"
    out.mkdir()
    for index, loaded in enumerate((demo, user)):
        recipe = recipe_for(technique, engine=engine)
        preview = generate_script(loaded, recipe)  # what the Code tab shows
        written = write_script(out / f"s{index}.py", loaded, recipe)
        text = written[0].read_text()
        for script in (preview, text):
            assert not _absolute_paths(script, CHECKOUT, resources_dir(), tmp_path), \
                _absolute_paths(script, CHECKOUT, resources_dir(), tmp_path)
            assert "HERE = Path(__file__).resolve().parent" in script
        assert all(path.is_file() for path in written)


def test_a_demo_script_gets_its_weights_and_data_beside_it(tmp_path):
    loaded = load_demo("digits-cnn")
    written = write_script(tmp_path / "s.py", loaded, recipe_for("dynamic"))
    assert [p.name for p in written] == ["s.py", "s_float_weights.pt", "s_data.npz"]
    assert written[1].read_bytes() == (resources_dir() / "models" / "digits-cnn.pt").read_bytes()
    assert written[2].read_bytes() == (resources_dir() / "data" / "digits.npz").read_bytes()


def test_a_users_model_gets_the_source_files_it_imports_and_no_others(tmp_path):
    loaded = _user_model(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    written = write_script(out / "s.py", loaded, recipe_for("dynamic"))
    copies = sorted(p.relative_to(out).as_posix() for p in written[3:])
    assert copies == ["s_model/layers.py", "s_model/model.py"]
    assert (out / "s_model" / "model.py").read_text() == MODEL


def test_files_beside_the_script_are_not_replaced_silently(tmp_path):
    loaded = _user_model(tmp_path)
    out = tmp_path / "out"
    (out / "s_model").mkdir(parents=True)
    (out / "s_model" / "layers.py").write_text("mine")
    with pytest.raises(QuantGUIError, match="would replace"):
        write_script(out / "s.py", loaded, recipe_for("dynamic"))
    assert (out / "s_model" / "layers.py").read_text() == "mine"
    assert sorted(p.name for p in out.rglob("*")) == ["layers.py", "s_model"]  # nothing else
    (out / "s_data.npz").write_text("mine")
    with pytest.raises(QuantGUIError, match="would replace"):
        write_script(out / "s.py", load_demo("digits-mlp"), recipe_for("dynamic"))
    assert (out / "s_data.npz").read_text() == "mine"


GUARD = """
import os, runpy, sys
forbidden = os.path.realpath(sys.argv[1])
def guard(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        path = os.path.realpath(os.fsdecode(args[0]))
        if path.startswith(forbidden + os.sep):
            raise PermissionError(f"the script read {path}, a file of the checkout")
sys.addaudithook(guard)
sys.argv = sys.argv[2:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def _run_elsewhere(export: Path, tmp_path: Path, script: str) -> tuple[torch.Tensor, str]:
    """Copy the exported folder to another place and run it there from a third folder."""
    copy = tmp_path / "elsewhere" / "copy"
    shutil.copytree(export, copy)
    shutil.rmtree(export)  # nothing of the original export is left to read
    cwd = tmp_path / "somewhere-else"
    cwd.mkdir()
    outputs = cwd / "outputs.pt"
    # the script runs as `python script.py`, and fails if it opens a file of QuantGUI's
    # resources (the demo weights and data the script read there before)
    done = subprocess.run([sys.executable, "-c", GUARD, str(resources_dir()),
                           str(copy / script), "--outputs", str(outputs)],
                          capture_output=True, text=True, timeout=300, cwd=cwd)
    assert done.returncode == 0, done.stderr[-3000:]
    return torch.load(outputs, weights_only=True), done.stdout


@pytest.mark.slow
@pytest.mark.parametrize("demo, method", [("digits-cnn", "static"), ("digits-lstm", "dynamic")])
def test_a_demo_script_runs_from_a_copy_in_another_folder(tmp_path, demo, method):
    loaded = load_demo(demo)
    recipe = recipe_for(method)
    result = drive(run(loaded, recipe))
    export = tmp_path / "export"
    export.mkdir()
    write_script(export / "reproduce.py", loaded, recipe)
    outputs, printed = _run_elsewhere(export, tmp_path, "reproduce.py")
    assert torch.equal(outputs, result.quantized_outputs)
    assert "validation accuracy of the quantized model" in printed


@pytest.mark.slow
def test_a_users_model_script_runs_from_a_copy_in_another_folder(tmp_path):
    loaded = _user_model(tmp_path)
    recipe = recipe_for("static")
    result = drive(run(loaded, recipe))
    export = tmp_path / "export"
    export.mkdir()
    write_script(export / "reproduce.py", loaded, recipe)
    shutil.rmtree(tmp_path / "project")  # the user's own files are not needed either
    outputs, _ = _run_elsewhere(export, tmp_path, "reproduce.py")
    assert torch.equal(outputs, result.quantized_outputs)
