"""The window never replaces a file silently: the script's data and weights beside it are
replaced only after the user agrees; the model's own file is never written over. Real window,
real torch, a real QMessageBox clicked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from .helpers import LOAD_TIMEOUT_MS

WRITE_TIMEOUT_MS = 120_000


SMALL_PY = """
import torch
from torch import nn


class Small(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.fc = nn.Linear(8, 3)

    def forward(self, x):
        return self.fc(x)
"""


def open_python_model(qtbot, window, tmp_path):
    path = tmp_path / "small.py"
    path.write_text(SMALL_PY)
    dialog = window.user_models.open_dialog()
    with qtbot.waitSignal(dialog.inspected, timeout=LOAD_TIMEOUT_MS):
        dialog.set_model_path(str(path))
    dialog.class_combo.setEditText("Small")
    dialog.shape_edit.setText("8")
    with qtbot.waitSignal(window.model_loaded, timeout=LOAD_TIMEOUT_MS):
        dialog.accept()
    return path


def test_the_script_export_asks_before_replacing_the_files_beside_it(qtbot, window, tmp_path):
    model_file = open_python_model(qtbot, window, tmp_path)
    io = window.results_io
    script = tmp_path / "s.py"
    data = tmp_path / "s_data.pt"
    data.write_bytes(b"someone's data")

    assert not io.export_script_to(script)  # nothing started: a question first
    box = io.replace_question
    assert box is not None and box.isVisible() and str(data) in box.informativeText()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: io.replace_question is None, timeout=5000)
    assert data.read_bytes() == b"someone's data" and not script.exists()

    assert not io.export_script_to(script)
    box = io.replace_question
    failures = []
    io.write_failed.connect(lambda kind: failures.append(window.error_dialog.text()))
    with qtbot.waitSignals([io.written], timeout=WRITE_TIMEOUT_MS,
                           raising=False) as blocker:
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: failures or io.writer.is_running() or script.exists(),
                        timeout=5000)
    assert not failures, failures
    assert blocker.signal_triggered
    assert script.exists() and data.read_bytes() != b"someone's data"
    assert (tmp_path / "s_float_weights.pt").exists()

    # the model's own file is never written over, whatever the user answers
    before = model_file.read_bytes()
    assert not io.export_script_to(model_file)
    assert io.replace_question is None
    qtbot.waitUntil(lambda: window.error_dialog is not None, timeout=5000)
    assert "also an input" in window.error_dialog.text()
    window.error_dialog.close()
    assert model_file.read_bytes() == before
