"""The terminal stays quiet on a normal start of ``quantgui``: no pyqtgraph "All-NaN slice
encountered" (the validation curves of a model without labels), no torch TypedStorage
deprecation (loading a saved int8 state_dict back) and no reduce_range notice (the FX warm-up
at start). Each runs the real window in a subprocess, offscreen, and reads its stderr."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

NOISE = ("All-NaN slice encountered", "TypedStorage is deprecated",
         "Please use quant_min and quant_max", "RuntimeWarning", "UserWarning")

TINY = """
import torch.nn as nn


class Tiny(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(16, 8)
        self.relu = nn.ReLU()
        self.out = nn.Linear(8, 4)

    def forward(self, x):
        return self.out(self.relu(self.fc(x)))
"""


def _env(settings: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONWARNINGS"}
    return {**env, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(settings)}


def _quantgui(tmp_path: Path, settings: Path, *args: str) -> str:
    shot = tmp_path / "window.png"
    done = subprocess.run([sys.executable, "-m", "quantgui", "--screenshot", str(shot), *args],
                          env=_env(settings), capture_output=True, text=True, timeout=300,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert shot.stat().st_size > 0
    return done.stderr


def _assert_quiet(stderr: str) -> None:
    for noise in NOISE:
        assert noise not in stderr, stderr[-3000:]


def test_qat_on_a_model_without_labels_prints_no_all_nan_warning(tmp_path, isolated_settings):
    # random data has no labels: every epoch's validation accuracy is missing (NaN)
    (tmp_path / "tiny.py").write_text(TINY)
    stderr = _quantgui(tmp_path, isolated_settings, "--model", f"{tmp_path / 'tiny.py'}:Tiny",
                       "--input-shape", "16", "--method", "qat", "--epochs", "2", "--run",
                       "--tab", "training")
    _assert_quiet(stderr)


def test_a_dynamic_run_at_start_prints_no_torch_notices(tmp_path, isolated_settings):
    stderr = _quantgui(tmp_path, isolated_settings, "--model", "demo:digits-mlp",
                       "--method", "dynamic", "--run", "--tab", "comparison")
    _assert_quiet(stderr)


SAVE = """
import sys
from pathlib import Path

from quantgui.app import set_up_process

set_up_process()  # what quantgui.app.main does first

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from quantgui.ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
window = MainWindow(demo="digits-cnn", method="static")
window.show()


def wait(signal, seconds=240):
    loop = QEventLoop()
    got = []
    signal.connect(lambda *args: (got.append(args), loop.quit()))
    QTimer.singleShot(seconds * 1000, loop.quit)
    loop.exec()
    assert got, f"{signal} was not emitted"
    return got[0]


wait(window.model_loaded)
window.start_run()
assert wait(window.run_finished) == ("finished",)
io = window.results_io
assert io.save_quantized_to(Path(sys.argv[1]), "state_dict")
kind, check = wait(io.written)
assert kind == "model" and check.identical
window.close_without_asking()
print("saved", flush=True)
"""


def test_saving_an_int8_state_dict_prints_no_typed_storage_warning(tmp_path,
                                                                   isolated_settings):
    script = tmp_path / "save.py"
    script.write_text(textwrap.dedent(SAVE))
    path = tmp_path / "model_int8.pt"
    done = subprocess.run([sys.executable, str(script), str(path)], env=_env(isolated_settings),
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0 and "saved" in done.stdout, done.stderr[-3000:]
    assert path.stat().st_size > 0
    _assert_quiet(done.stderr)
