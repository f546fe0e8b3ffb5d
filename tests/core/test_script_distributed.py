"""The exported QAT script runs unchanged under torchrun with DistributedDataParallel: two CPU
processes on the gloo backend train one epoch, rank 0 alone reports and saves the same
TorchScript file a single process saves, and its accuracy is the single process's, roughly."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import torch

from quantgui.core.demos import load_demo
from quantgui.core.recipes import recipe_for
from quantgui.core.script import write_script


def _accuracy(model_path, inputs: torch.Tensor, labels: torch.Tensor) -> float:
    model = torch.jit.load(str(model_path))
    torch.backends.quantized.engine = "x86"
    with torch.inference_mode():
        return (model(inputs).argmax(1) == labels).float().mean().item()


@pytest.mark.timeout(600)
def test_the_qat_script_trains_on_two_gloo_processes_and_rank_0_saves(tmp_path):
    loaded = load_demo("digits-mlp")
    recipe = recipe_for("qat", epochs=1, threads=1, learning_rate=1e-3)
    script = tmp_path / "qat.py"
    write_script(script, loaded, recipe)
    env = {key: value for key, value in os.environ.items()
           if key not in ("WORLD_SIZE", "RANK", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT")}
    env["OMP_NUM_THREADS"] = "1"

    single = subprocess.run([sys.executable, str(script), "--save", "single.pt"],
                            capture_output=True, text=True, timeout=300, cwd=tmp_path, env=env)
    assert single.returncode == 0, single.stderr
    distributed = subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2",
         str(script), "--save", "two.pt"],
        capture_output=True, text=True, timeout=500, cwd=tmp_path, env=env)
    assert distributed.returncode == 0, distributed.stderr[-3000:]

    # rank 0 alone prints and saves
    assert distributed.stdout.count("validation accuracy of the quantized model") == 1
    assert distributed.stdout.count("epoch 1/1") == 1
    assert distributed.stdout.count("saved two.pt") == 1
    assert sorted(p.name for p in tmp_path.glob("*.pt")) == ["single.pt", "two.pt"]

    # the same format: both load as TorchScript int8 models and agree on the validation data
    inputs, labels = loaded.data.val_inputs, loaded.data.val_labels
    single_accuracy = _accuracy(tmp_path / "single.pt", inputs, labels)
    two_accuracy = _accuracy(tmp_path / "two.pt", inputs, labels)
    assert single_accuracy > 0.9
    assert abs(two_accuracy - single_accuracy) < 0.03
    structure = [[name for name, _ in torch.jit.load(str(tmp_path / f)).named_modules()]
                 for f in ("single.pt", "two.pt")]
    assert structure[0] == structure[1]
    assert {name for name in structure[1] if name.endswith("._packed_params")} == {
        "fc1._packed_params", "fc2._packed_params", "fc3._packed_params"}  # int8 Linears


def test_run_plainly_the_qat_script_sets_up_no_process_group(tmp_path, monkeypatch):
    """Without torchrun the script is one process, as before: setup_distributed says so
    without touching torch.distributed."""
    loaded = load_demo("digits-mlp")
    script = tmp_path / "qat.py"
    write_script(script, loaded, recipe_for("qat", epochs=1))
    monkeypatch.delenv("WORLD_SIZE", raising=False)
    namespace: dict = {"__name__": "generated"}
    exec(compile(script.read_text(), str(script), "exec"), namespace)
    assert namespace["setup_distributed"]() == (0, 1, torch.device("cpu"))
    assert not torch.distributed.is_initialized()
