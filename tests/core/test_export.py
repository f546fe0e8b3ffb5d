"""Keep and share results: save formats round trip, atomic writes survive a kill."""

import json
import os
import signal
import subprocess
import sys

import pytest
import torch

from quantgui.core.demos import load_demo
from quantgui.core.errors import QuantGUIError
from quantgui.core.events import drive
from quantgui.core.export import load_quantized_state_dict, save_quantized, write_atomically
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for

CASES = [("digits-cnn", "static"), ("digits-lstm", "dynamic"), ("digits-mlp", "qat")]
_runs = {}


def run_once(demo, method):
    if (demo, method) not in _runs:
        loaded = load_demo(demo)
        settings = {"epochs": 1} if method == "qat" else {}
        _runs[(demo, method)] = (loaded, drive(run(loaded, recipe_for(method, **settings))))
    return _runs[(demo, method)]


@pytest.mark.parametrize("demo, method", CASES)
@pytest.mark.parametrize("fmt", ["state_dict", "torchscript"])
def test_save_load_back_is_identical(tmp_path, demo, method, fmt):
    loaded, result = run_once(demo, method)
    path = tmp_path / f"model.{fmt}"
    check = save_quantized(result.quantized_model, path, fmt, recipe=result.recipe,
                           example=loaded.data.val_inputs[:16], float_model=loaded.model,
                           source=loaded.source)
    assert check.identical, check.describe()
    assert "identical outputs" in check.describe()
    assert check.size_bytes == path.stat().st_size > 0


def test_state_dict_file_loads_with_weights_only_and_the_documented_loader(tmp_path):
    loaded, result = run_once("digits-cnn", "static")
    path = tmp_path / "q.pt"
    save_quantized(result.quantized_model, path, "state_dict", recipe=result.recipe,
                   example=loaded.data.val_inputs[:8], float_model=loaded.model)
    payload = torch.load(path, weights_only=True)
    assert payload["format"] == "quantgui-quantized-state-dict"
    assert payload["recipe"]["method"] == "static" and payload["input_shape"] == [1, 8, 8]
    before = {k: v.clone() for k, v in loaded.model.state_dict().items()}
    model = load_quantized_state_dict(path, loaded.model)
    with torch.inference_mode():
        assert torch.equal(model(loaded.data.val_inputs), result.quantized_model(
            loaded.data.val_inputs))
    assert all(torch.equal(v, before[k]) for k, v in loaded.model.state_dict().items())


def test_export_format_is_refused_with_a_clear_message(tmp_path):
    loaded, result = run_once("digits-cnn", "static")
    with pytest.raises(QuantGUIError, match="torch.export cannot export"):
        save_quantized(result.quantized_model, tmp_path / "q.pt2", "export",
                       recipe=result.recipe, example=loaded.data.val_inputs[:8])
    assert not (tmp_path / "q.pt2").exists()


def test_foreign_file_is_not_taken_for_a_quantized_model(tmp_path):
    path = tmp_path / "weights.pt"
    torch.save({"fc.weight": torch.zeros(2, 2)}, path)
    with pytest.raises(QuantGUIError, match="not a QuantGUI quantized state_dict"):
        load_quantized_state_dict(path, load_demo("seed-linear").model)


CHILD = r"""
import os, sys
from quantgui.core import files
real_fsync = os.fsync
def fsync_then_wait(fd):
    real_fsync(fd)
    print("written", flush=True)
    sys.stdin.read()  # blocks until the parent kills us: before the rename
files.os.fsync = fsync_then_wait
files.write_atomically(sys.argv[1], b"new" * 1_000_000)
"""


def test_a_kill_during_save_leaves_the_previous_file_intact(tmp_path):
    target = tmp_path / "report.json"
    write_atomically(target, json.dumps({"version": "previous"}).encode())
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(target)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "written"
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert json.loads(target.read_text()) == {"version": "previous"}
    assert len(list(tmp_path.glob(".report.json.*.tmp"))) == 1  # the killed save's
    write_atomically(target, b"{}")  # and the next save works, and cleans up after the kill
    assert target.read_text() == "{}"
    assert not list(tmp_path.glob(".report.json.*.tmp"))
