"""The command line chooses the engine before the run when --engine is not given (issue 17):
on a Hugging Face ResNet, torch.ao's FX would leave 7 of its 9 convolution and linear layers
float, so the run goes to PT2E and one stderr line says so before it starts; an --engine given
by the user is kept, with the warning before the run. Real runs of quantgui-cli's main, real
models (a tiny Hugging Face folder built offline)."""

from __future__ import annotations

import json

import pytest

from quantgui.cli import main
from tests.fixtures import hf


@pytest.fixture
def resnet(tmp_path):
    return hf.resnet(tmp_path / "resnet")


def _quantize(folder, report, *extra: str) -> int:
    return main(["quantize", "--model", str(folder), "--method", "static", "--threads", "1",
                 "--set", "calibration_batches=1", "--no-history", "--no-progress",
                 "--report", str(report), *extra])


@pytest.mark.slow  # PT2E compiles with inductor
def test_without_engine_a_hugging_face_resnet_runs_on_pt2e_and_says_so_first(resnet, tmp_path,
                                                                             capsys):
    report = tmp_path / "r.json"
    assert _quantize(resnet, report) == 0
    err = capsys.readouterr().err
    chosen = [line for line in err.splitlines() if line.startswith("Engine: ")]
    assert len(chosen) == 1, err
    assert chosen[0].startswith("Engine: PyTorch compiled (PT2E + inductor) chosen for Static "
                                "on resnet: PyTorch eager (torch.ao) would quantize only 2 of "
                                "its 9 convolution and linear layers")
    assert "--engine torch_ao runs it on PyTorch eager (torch.ao) anyway" in chosen[0]
    # before the run starts
    started = err.index("Quantizing resnet with Static on PyTorch compiled (PT2E + inductor)")
    assert err.index(chosen[0]) < started
    saved = json.loads(report.read_text())
    assert saved["engine"] == "pt2e"
    assert sum(layer["quantized"] for layer in saved["layers"]) > 2


@pytest.mark.slow
def test_an_engine_given_is_kept_with_a_warning_before_the_run(resnet, tmp_path, capsys):
    report = tmp_path / "r.json"
    assert _quantize(resnet, report, "--engine", "torch_ao") == 0
    err = capsys.readouterr().err
    warning = ("quantgui-cli: warning: PyTorch eager (torch.ao) is kept as chosen, but it will "
               "quantize only 2 of the 9 convolution and linear layers of resnet with Static; "
               "PyTorch compiled (PT2E + inductor) captures the model whole with torch.export.")
    assert warning in err.splitlines(), err
    assert err.index(warning) < err.index("Quantizing resnet with Static on PyTorch eager")
    assert not [line for line in err.splitlines() if line.startswith("Engine: ")]
    assert json.loads(report.read_text())["engine"] == "torch_ao"

