"""Opening the user's own model files in the window: the dialog, trust, errors, drop, recent.

Real files in tmp_path, the real window: tiny models so that each run takes a second or two.
"""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
import torch
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from torch import nn

from .helpers import LOAD_TIMEOUT_MS, RUN_TIMEOUT_MS, run_to_end

TINY_PY = '''
import torch
from torch import nn


class Helper:
    """Not a module: the class list leaves it out."""


class Block(nn.Module):
    def __init__(self, width: int) -> None:
        super().__init__()
        self.fc = nn.Linear(width, width)

    def forward(self, x):
        return torch.relu(self.fc(x))


class Tiny(nn.Module):
    def __init__(self, hidden: int = 16, classes: int = 3) -> None:
        super().__init__()
        self.fc1 = nn.Linear(8, hidden)
        self.fc2 = nn.Linear(hidden, classes)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))
'''


class PickledTiny(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.fc1 = nn.Linear(8, 16)
        self.fc2 = nn.Linear(16, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc2(torch.relu(self.fc1(x)))


class Evil:
    """Unpickling this creates the marker file: what a malicious model file could do."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


@pytest.fixture
def tiny_py(tmp_path):
    path = tmp_path / "tiny.py"
    path.write_text(TINY_PY)
    namespace: dict = {}
    exec(compile(TINY_PY, str(path), "exec"), namespace)  # the test's own copy of the class
    torch.manual_seed(0)
    weights = tmp_path / "weights.pt"
    torch.save(namespace["Tiny"](hidden=24).state_dict(), weights)
    return path, weights


@pytest.fixture
def tiny_pt2(tmp_path):
    torch.manual_seed(0)
    model = PickledTiny().eval()
    batch = torch.export.Dim("batch")
    program = torch.export.export(model, (torch.randn(4, 8),), dynamic_shapes=({0: batch},))
    path = tmp_path / "tiny.pt2"
    torch.export.save(program, str(path))
    return path


def open_dialog(qtbot, window, model: str):
    dialog = window.user_models.open_dialog()
    with qtbot.waitSignal(dialog.inspected, timeout=LOAD_TIMEOUT_MS):
        dialog.set_model_path(model)
    assert dialog.isVisible()
    return dialog


def accept_and_load(qtbot, window, dialog) -> None:
    with qtbot.waitSignal(window.model_loaded, timeout=LOAD_TIMEOUT_MS):
        dialog.accept()
    assert window.user_models.dialog is None  # closed (and deleted)


def wait_error(qtbot, window, *, contains: str) -> str:
    qtbot.waitUntil(lambda: window.error_dialog is not None and window.error_dialog.isVisible(),
                    timeout=LOAD_TIMEOUT_MS)
    text = window.error_dialog.text() + " " + window.error_dialog.informativeText()
    assert contains in text, text
    window.error_dialog.close()
    qtbot.waitUntil(lambda: window.error_dialog is None, timeout=5000)
    return text


def assert_demo_still_usable(window) -> None:
    assert window.loaded.name == "digits-cnn"
    assert window.model_combo.currentText() == "digits-cnn"
    assert window.quantize_button.isEnabled()
    assert "could not be loaded" not in window.model_summary.text()


def test_export_program_runs_to_comparison(qtbot, window, tiny_pt2, tmp_path):
    dialog = open_dialog(qtbot, window, str(tiny_pt2))
    assert dialog.kind_label.text() == "torch.export program"
    assert dialog.shape_edit.text() == "8"  # read from the program
    assert not dialog.class_combo.isVisible()
    assert dialog.open_button.isEnabled()
    dialog.grab().save(str(tmp_path / "dialog-pt2.png"))
    accept_and_load(qtbot, window, dialog)
    assert window.loaded.name == "tiny.pt2"
    assert window.model_combo.currentText() == "tiny.pt2"
    assert "random" in window.description.text()
    assert run_to_end(qtbot, window, "static") == "finished"
    assert window.tabs.currentWidget() is window.comparison
    assert window.result.quantized_layer_count >= 2


def test_python_class_with_weights_and_csv_data(qtbot, window, tiny_py, tmp_path):
    path, weights = tiny_py
    generator = np.random.default_rng(0)
    rows = ["a,b,c,d,e,f,g,h,species"] + [
        ",".join(f"{v:.3f}" for v in generator.normal(size=8)) + f",{['x', 'y', 'z'][i % 3]}"
        for i in range(60)]
    csv = tmp_path / "data.csv"
    csv.write_text("\n".join(rows) + "\n")

    dialog = open_dialog(qtbot, window, str(path))
    assert dialog.kind_label.text() == "Python file"
    assert [dialog.class_combo.itemText(i) for i in range(dialog.class_combo.count())] == [
        "Block", "Tiny"]
    dialog.class_combo.setEditText("Tiny")
    dialog.args_edit.setText('{"hidden": 24}')
    dialog.weights_edit.setText(str(weights))
    with qtbot.waitSignal(dialog.previewed, timeout=LOAD_TIMEOUT_MS):
        dialog.set_data("csv", str(csv))
    assert dialog.label_combo.currentText() == "species"  # guessed from the header
    assert dialog.preview_table.rowCount() > 0 and dialog.preview_table.columnCount() == 9
    assert "x: 20, y: 20, z: 20" in dialog.preview_label.text()
    assert dialog.problems() == []  # the CSV gives the input shape
    dialog.grab().save(str(tmp_path / "dialog-py.png"))
    accept_and_load(qtbot, window, dialog)
    assert window.loaded.name == "Tiny (tiny.py)"
    assert window.summary.has_labels and window.summary.num_classes == 3
    assert window.summary.parameter_count == 8 * 24 + 24 + 24 * 3 + 3  # hidden=24 was used
    assert run_to_end(qtbot, window, "dynamic") == "finished"
    assert window.result.original.accuracy is not None
    window.grab().save(str(tmp_path / "window-user.png"))


def test_trusted_pickle_after_confirmation(qtbot, window, tmp_path):
    path = tmp_path / "whole.pt"
    torch.save(PickledTiny(), path)
    dialog = open_dialog(qtbot, window, str(path))
    assert "pickled model — runs code" in dialog.kind_label.text()
    dialog.shape_edit.setText("8")
    dialog.accept()
    box = window.user_models.trust_box
    assert box is not None and box.isVisible()
    assert "runs code from it" in box.text() and "trust where it came from" in box.text()
    assert not window.loader.is_running()  # nothing loads before the answer
    with qtbot.waitSignal(window.model_loaded, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(window.user_models.trust_button, Qt.MouseButton.LeftButton)
    assert window.loaded.name == "whole.pt"
    assert run_to_end(qtbot, window, "dynamic") == "finished"


def test_malicious_pickle_declined_never_runs(qtbot, window, tmp_path):
    marker = tmp_path / "pwned"
    path = tmp_path / "model.pt"
    torch.save(Evil(str(marker)), path)
    dialog = open_dialog(qtbot, window, str(path))
    assert "pickled model" in dialog.kind_label.text()
    dialog.shape_edit.setText("8")
    dialog.accept()
    box = window.user_models.trust_box
    assert box is not None
    with qtbot.waitSignal(window.loader.failed, timeout=LOAD_TIMEOUT_MS):
        box.reject()  # Cancel: not trusted
    wait_error(qtbot, window, contains="pickled model")
    assert not marker.exists()
    assert_demo_still_usable(window)


def test_torchscript_says_which_techniques_cannot_work(qtbot, window, tmp_path):
    path = tmp_path / "scripted.pt"
    torch.jit.save(torch.jit.script(PickledTiny()), str(path))
    dialog = open_dialog(qtbot, window, str(path))
    assert dialog.kind_label.text() == "TorchScript"
    assert not dialog.open_button.isEnabled()  # random data needs the shape
    assert "Input shape" in dialog.problem_label.text()
    dialog.shape_edit.setText("8")
    accept_and_load(qtbot, window, dialog)
    window.select_method("dynamic")
    assert window.recipe_error.isVisibleTo(window)
    assert "TorchScript" in window.recipe_error.text()
    assert not window.quantize_button.isEnabled()
    window.select_method("static")
    assert "cannot be traced by FX" in window.recipe_error.text()
    assert not window.quantize_button.isEnabled()


def test_bad_inputs_leave_the_window_working(qtbot, window, tiny_py, tmp_path):
    path, weights = tiny_py
    dialog = open_dialog(qtbot, window, str(path))
    dialog.class_combo.setEditText("Tiny")
    dialog.args_edit.setText('{"hidden": 24,}')
    assert "Not valid JSON" in dialog.args_error.text()
    assert not dialog.open_button.isEnabled()
    dialog.accept()  # refused: the dialog stays open, saying why
    assert dialog.isVisible()
    assert "Not valid JSON" in dialog.problem_label.text()
    assert window.loaded.name == "digits-cnn" and not window.loader.is_running()

    # A wrong input shape: the load fails with the core's message; the demo stays.
    dialog.args_edit.setText('{"hidden": 24}')
    dialog.weights_edit.setText(str(weights))
    dialog.shape_edit.setText("0,3")
    assert "Input shape" in dialog.problem_label.text()
    dialog.shape_edit.setText("5")
    with qtbot.waitSignal(window.loader.failed, timeout=LOAD_TIMEOUT_MS):
        dialog.accept()
    wait_error(qtbot, window, contains="does not accept inputs")
    assert_demo_still_usable(window)

    # Data with NaN: the preview warns, the load refuses with the core's message.
    values = np.random.default_rng(0).normal(size=(40, 8)).astype(np.float32)
    values[7, 3] = np.nan
    data = tmp_path / "nan.npy"
    np.save(data, values)
    dialog = open_dialog(qtbot, window, f"{path}:Tiny:{weights}")
    assert dialog.shape_edit.text() == "5"  # the fields of the failed load come back...
    dialog.shape_edit.setText("")  # ...and the user corrects the one that was wrong
    dialog.args_edit.setText('{"hidden": 24}')
    with qtbot.waitSignal(dialog.previewed, timeout=LOAD_TIMEOUT_MS):
        dialog.set_data("tensors", str(data))
    assert "NaN" in dialog.preview_label.text()
    with qtbot.waitSignal(window.loader.failed, timeout=LOAD_TIMEOUT_MS):
        dialog.accept()
    wait_error(qtbot, window, contains="NaN")
    assert_demo_still_usable(window)


def test_drop_opens_the_dialog_and_recent_reopens(qtbot, window, tiny_pt2):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tiny_pt2))])
    drop = QDropEvent(QPointF(300, 300), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.event(drop)  # QApplication.sendEvent drops it: no drag is in progress
    assert drop.isAccepted()
    dialog = window.user_models.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.model_edit.text() == str(tiny_pt2)
    qtbot.waitUntil(lambda: dialog.open_button.isEnabled(), timeout=LOAD_TIMEOUT_MS)
    accept_and_load(qtbot, window, dialog)
    assert window.loaded.name == "tiny.pt2"

    # Back to a demo, then File > Open Recent > tiny.pt2.
    window.model_combo.setCurrentIndex(window.model_combo.findData("digits-mlp"))
    with qtbot.waitSignal(window.model_loaded, timeout=LOAD_TIMEOUT_MS):
        window.model_combo.activated.emit(window.model_combo.currentIndex())
    assert window.loaded.name == "digits-mlp"
    menu = window.user_models.recent_menu
    menu.aboutToShow.emit()
    actions = [a for a in menu.actions() if a.text().startswith("&1")]
    assert actions and "tiny.pt2" in actions[0].text()
    assert str(tiny_pt2) in str(window.settings.value("recent_models"))
    with qtbot.waitSignal(window.model_loaded, timeout=LOAD_TIMEOUT_MS):
        actions[0].trigger()
    assert window.loaded.name == "tiny.pt2"
    assert window.model_combo.currentText() == "tiny.pt2"
    assert run_to_end(qtbot, window, "dynamic") == "finished"


@pytest.mark.slow
def test_command_line_opens_a_python_model(tmp_path, tiny_py, isolated_settings):
    path, weights = tiny_py
    out = tmp_path / "window.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(isolated_settings)}
    completed = subprocess.run(
        [sys.executable, "-m", "quantgui", "--screenshot", str(out), "--model",
         f"{path}:Tiny:{weights}", "--model-args", '{"hidden": 24}', "--input-shape", "8",
         "--method", "dynamic", "--run", "--tab", "comparison"],
        env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_MS // 1000)
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert not QImage(str(out)).isNull()
