"""The ``quantgui`` entry point: --screenshot in a subprocess, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage


@pytest.mark.slow
def test_screenshot_after_a_run(tmp_path, isolated_settings):
    out = tmp_path / "window.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(isolated_settings)}
    completed = subprocess.run(
        [sys.executable, "-m", "quantgui", "--screenshot", str(out), "--model", "demo:digits-mlp",
         "--method", "qat", "--epochs", "1", "--run", "--tab", "comparison"],
        env=env, capture_output=True, text=True, timeout=240)
    assert completed.returncode == 0, completed.stderr[-2000:]
    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1280, 800)


def test_bad_model_argument_exits_with_usage_error(tmp_path, isolated_settings):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(isolated_settings)}
    completed = subprocess.run([sys.executable, "-m", "quantgui", "--model", "file.pt",
                                "--screenshot", str(tmp_path / "x.png")],
                               env=env, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 2
    assert "demo:NAME" in completed.stderr
