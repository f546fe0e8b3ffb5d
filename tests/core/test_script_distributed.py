"""The exported QAT script (torch.ao and PT2E engines) runs unchanged under torchrun with
DistributedDataParallel: two CPU processes on the gloo backend train one epoch, rank 0 alone
reports and saves the same kind of file a single process saves (TorchScript, a .pt2 program),
and its accuracy is the single process's, roughly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from quantgui.core.demos import load_demo
from quantgui.core.engines import get_engine
from quantgui.core.recipes import recipe_for
from quantgui.core.script import write_script


def _load(engine: str, path: Path) -> torch.nn.Module:
    if engine == "torch_ao":  # the torch.ao script saves TorchScript
        torch.backends.quantized.engine = "x86"
        return torch.jit.load(str(path))
    return get_engine(engine).load_saved(path, "pt2")


def _accuracy(model: torch.nn.Module, inputs: torch.Tensor, labels: torch.Tensor) -> float:
    with torch.inference_mode():
        outputs = torch.cat([model(inputs[i:i + 32]) for i in range(0, len(inputs), 32)])
    return (outputs.argmax(1) == labels).float().mean().item()


@pytest.mark.timeout(900)
@pytest.mark.parametrize(("engine", "suffix"), [("torch_ao", ".pt"), ("pt2e", ".pt2")])
@pytest.mark.slow
def test_the_qat_script_trains_on_two_gloo_processes_and_rank_0_saves(tmp_path, engine,
                                                                       suffix):
    loaded = load_demo("digits-mlp")
    recipe = recipe_for("qat", engine=engine, epochs=1, threads=1, learning_rate=1e-3)
    script = tmp_path / "qat.py"
    beside = write_script(script, loaded, recipe)[1:]  # the weights and data it reads
    env = {key: value for key, value in os.environ.items()
           if key not in ("WORLD_SIZE", "RANK", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT")}
    env["OMP_NUM_THREADS"] = "1"
    single_file, two_file = tmp_path / f"single{suffix}", tmp_path / f"two{suffix}"

    single = subprocess.run([sys.executable, str(script), "--save", single_file.name],
                            capture_output=True, text=True, timeout=400, cwd=tmp_path, env=env)
    assert single.returncode == 0, single.stderr[-3000:]
    distributed = subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2",
         str(script), "--save", two_file.name],
        capture_output=True, text=True, timeout=400, cwd=tmp_path, env=env)
    assert distributed.returncode == 0, distributed.stderr[-3000:]

    # rank 0 alone prints and saves
    assert distributed.stdout.count("validation accuracy of the quantized model") == 1
    assert distributed.stdout.count("epoch 1/1") == 1
    assert distributed.stdout.count(f"saved {two_file.name}") == 1
    assert sorted(p.name for p in tmp_path.glob(f"*{suffix}") if p not in beside) == sorted(
        [single_file.name, two_file.name])

    # the same format: both load as the engine's int8 models, with roughly the same accuracy
    inputs, labels = loaded.data.val_inputs, loaded.data.val_labels
    single_model, two_model = _load(engine, single_file), _load(engine, two_file)
    single_accuracy = _accuracy(single_model, inputs, labels)
    two_accuracy = _accuracy(two_model, inputs, labels)
    assert single_accuracy > 0.9
    assert abs(two_accuracy - single_accuracy) < 0.03
    if engine == "torch_ao":
        structure = [[name for name, _ in model.named_modules()]
                     for model in (single_model, two_model)]
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
    namespace: dict = {"__name__": "generated", "__file__": str(script)}
    exec(compile(script.read_text(), str(script), "exec"), namespace)
    assert namespace["setup_distributed"]() == (0, 1, torch.device("cpu"))
    assert not torch.distributed.is_initialized()
