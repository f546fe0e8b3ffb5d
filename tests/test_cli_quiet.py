"""The command line prints QuantGUI's lines, not the libraries' start-up chatter: torchao's
'Failed to load' per CUDA-only extension, torch pytree's enum notices, transformers' progress
bars. (Errors still show: a failing run is tested elsewhere.)"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.fixtures import hf

NOISE = ("Failed to load", "is an Enum subclass", "Loading weights", "it/s]")


@pytest.mark.slow
def test_a_hugging_face_run_prints_no_library_chatter(tmp_path):
    folder = hf.bert_classifier(tmp_path / "bert")
    done = subprocess.run(
        [sys.executable, "-m", "quantgui.cli", "quantize", "--model", str(folder),
         "--method", "dynamic", "--threads", "1"],
        capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Opened bert" in done.stdout + done.stderr
    for noise in NOISE:
        assert noise not in done.stderr, done.stderr[-2000:]
