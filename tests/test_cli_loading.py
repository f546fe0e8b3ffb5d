"""The command line while it opens a model: Ctrl-C or SIGTERM at a stage of opening exits
cleanly (one "cancelled" line, 128 + the signal, no traceback, nothing written), and on a
terminal each stage is printed as it starts. Real processes, real signals, a real terminal
(a pty); the child says where it is (QUANTGUI_TEST_PAUSE_AT): no sleeps."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from .test_cli_signals import read_until

ROOT = Path(__file__).resolve().parents[1]
NET_PY = """from torch import nn

from cli_layers import WIDTH


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, WIDTH)
        self.head = nn.Linear(WIDTH, 2)

    def forward(self, x):
        return self.head(self.fc(x).relu())
"""


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return dict(os.environ, QUANTGUI_DATA_DIR=str(tmp_path / "data"), HF_HUB_OFFLINE="1",
                **extra)


def _python_model(tmp_path: Path) -> list[str]:
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "cli_layers.py").write_text("WIDTH = 6\n")
    (folder / "model.py").write_text(NET_PY)
    return ["--model", f"{folder / 'model.py'}:Net", "--input-shape", "8"]


def _bert_model(tmp_path: Path) -> list[str]:
    from tests.fixtures import hf

    folder = hf.bert_classifier(tmp_path / "bert")
    texts = tmp_path / "texts.txt"
    texts.write_text("the cat sat on a mat\nthe dog ran\n" * 20)
    return ["--model", str(folder), "--data", str(texts)]


@pytest.mark.parametrize("model, stage, signum", [
    (_python_model, "building model", signal.SIGINT),
    (_bert_model, "tokenizing", signal.SIGTERM),
])
@pytest.mark.slow
def test_a_signal_while_opening_cancels_cleanly(tmp_path, model, stage, signum):
    args = ["quantize", *model(tmp_path), "--method", "dynamic", "--no-progress",
            "--threads", "1", "--report", str(tmp_path / "r.json")]
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    child = subprocess.Popen([sys.executable, "-m", "quantgui.cli", *args], cwd=ROOT,
                             env=_env(tmp_path, QUANTGUI_TEST_PAUSE_AT=stage),
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    read_until(child, f"paused at {stage}")
    child.send_signal(signum)
    _, stderr = child.communicate(timeout=120)
    assert child.returncode == 128 + signum, stderr
    assert stderr.strip().splitlines()[-1] == "quantgui-cli: cancelled"
    assert stderr.count("cancelled") == 1 and "Traceback" not in stderr
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert after == before  # no report, no history, no __pycache__ beside the model


def test_the_stages_of_opening_are_printed_on_a_terminal(tmp_path):
    args = ["quantize", *_python_model(tmp_path), "--method", "dynamic", "--threads", "1",
            "--no-history"]
    leader, follower = pty.openpty()
    child = subprocess.Popen([sys.executable, "-m", "quantgui.cli", *args], cwd=ROOT,
                             env=_env(tmp_path), stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    stdout, _ = child.communicate(timeout=120)
    shown = b"".join(chunks).decode(errors="replace").replace("\r", "")
    assert child.returncode == 0, shown
    lines = [line for line in shown.splitlines() if line.startswith("Opening: ")]
    assert lines == ["Opening: reading model...", "Opening: importing code...",
                     "Opening: building model...", "Opening: reading data...",
                     "Opening: checking model..."], shown
    assert b"int8" in stdout


def test_the_report_and_html_show_the_models_details_once(tmp_path):
    """The report's model_details come from the run itself (RunResult.to_report), not added
    again by the command line: once in the JSON, once in the HTML."""
    import json

    report, page = tmp_path / "r.json", tmp_path / "r.html"
    result = subprocess.run(
        [sys.executable, "-m", "quantgui.cli", "quantize", "--model",
         "py:tests.fixtures.models:make_mlp", "--input-shape", "8", "--method", "dynamic",
         "--threads", "1", "--no-history", "--report", str(report), "--html", str(page)],
        cwd=ROOT, env=_env(tmp_path), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    text = report.read_text()
    assert text.count('"model_details"') == 1
    assert json.loads(text)["model_details"]["factory"] == "tests.fixtures.models.make_mlp"
    html = page.read_text()
    assert html.count("random initialisation: no weights file given") == 1
    assert html.count("<h2>Model</h2>") == 1


@pytest.mark.slow
def test_cli_runs_a_vision_hugging_face_folder_on_images_and_reports_it(tmp_path):
    """The kind the command-line tests lacked: a vision folder (a tiny ViT saved with
    safetensors), real images resized to its 16x16, dynamic, its report checked (static on
    PT2E works too but takes 40 s here)."""
    import json

    from tests.fixtures import hf
    from tests.fixtures.images import random_image_folder

    folder = hf.vit(tmp_path / "vit")
    images = random_image_folder(tmp_path / "images", ("a", "b", "c"), 8, 24)
    report = tmp_path / "r.json"
    result = subprocess.run(
        [sys.executable, "-m", "quantgui.cli", "quantize", "--model", str(folder), "--data",
         str(images), "--method", "dynamic", "--threads", "1", "--no-history", "--report",
         str(report)], cwd=ROOT, env=_env(tmp_path), capture_output=True, text=True,
        timeout=300)
    assert result.returncode == 0, result.stderr
    saved = json.loads(report.read_text())
    details = saved["model_details"]
    assert details["architecture"] == "ViTForImageClassification"
    assert details["compared_output"] == "logits" and details["weights"] == "model.safetensors"
    assert details["inputs"] == [{"name": "pixel_values", "shape": [3, 16, 16],
                                  "dtype": "float32", "range": None}]
    assert saved["original"]["accuracy"] is not None  # the class folders are the labels
    assert sum(layer["quantized"] for layer in saved["layers"]) >= 4


def test_cli_reports_a_model_files_class_and_random_weights(tmp_path):
    import json

    args = _python_model(tmp_path)
    report = tmp_path / "r.json"
    result = subprocess.run(
        [sys.executable, "-m", "quantgui.cli", "quantize", *args, "--method", "dynamic",
         "--threads", "1", "--no-history", "--report", str(report)], cwd=ROOT,
        env=_env(tmp_path), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    details = json.loads(report.read_text())["model_details"]
    assert details["class"] == f"Net from {tmp_path / 'model' / 'model.py'}"
    assert details["weights"] == "random initialisation: no weights file given"


@pytest.mark.slow  # transformers' import and a run: about 20 s
def test_hf_pickle_weights_say_what_they_are_and_open_with_trust(tmp_path, capsys, monkeypatch):
    """A Hugging Face folder whose pytorch_model.bin holds more than tensors (issue 17): one
    whole line saying it is a pickle that can run code, that --trust opens it and that
    save_pretrained writes safetensors (torch's own message was cut mid-sentence); --trust
    opens it."""
    import argparse

    from quantgui.cli import main
    from tests.core.test_bad_files import pickled_hf_folder

    monkeypatch.setenv("QUANTGUI_DATA_DIR", str(tmp_path / "data"))
    folder, _ = pickled_hf_folder(tmp_path / "bert", argparse.Namespace(lr=1e-3))
    capsys.readouterr()  # save_pretrained's progress bar
    args = ["quantize", "--model", str(folder), "--method", "dynamic", "--threads", "1",
            "--no-history", "--no-progress"]
    assert main(args) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and str(folder) in lines[0]
    for words in ("a pickle", "can run any code", "pass --trust", "save_pretrained",
                  "model.safetensors"):
        assert words in lines[0]
    assert "torch.load" not in lines[0] and "\x1b" not in lines[0]
    assert main([*args, "--trust"]) == 0
    assert "Opened bert" in capsys.readouterr().err
