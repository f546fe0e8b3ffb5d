"""Issue 13: the Open model dialog after a load error, in the real window with real files.

The dialog keeps what the user typed (and one click goes back to it), the status bar does not
stay at "Opening …", messages name the dialog's fields instead of command-line options, and the
input shape read from one file is not carried over to the next file."""

from __future__ import annotations

import pytest
import torch
from PySide6.QtCore import Qt

from .helpers import LOAD_TIMEOUT_MS
from .test_open_model import TINY_PY, PickledTiny, open_dialog

BAD_ARGS = '{"hidden": 24, "depth": 3}'  # Tiny has no "depth": building it fails


@pytest.fixture
def tiny_py(tmp_path):
    """tiny.py (class Tiny) and a state_dict of Tiny(hidden=24), as in test_open_model."""
    path = tmp_path / "tiny.py"
    path.write_text(TINY_PY)
    namespace: dict = {}
    exec(compile(TINY_PY, str(path), "exec"), namespace)
    torch.manual_seed(0)
    weights = tmp_path / "weights.pt"
    torch.save(namespace["Tiny"](hidden=24).state_dict(), weights)
    return path, weights


@pytest.fixture
def tiny_pt2(tmp_path):
    """A torch.export program of an 8-feature model: it stores its input shape."""
    torch.manual_seed(0)
    batch = torch.export.Dim("batch")
    program = torch.export.export(PickledTiny().eval(), (torch.randn(4, 8),),
                                  dynamic_shapes=({0: batch},))
    path = tmp_path / "tiny.pt2"
    torch.export.save(program, str(path))
    return path


def _fail_to_load(qtbot, window, dialog) -> None:
    with qtbot.waitSignal(window.loader.failed, timeout=LOAD_TIMEOUT_MS):
        dialog.accept()
    qtbot.waitUntil(lambda: window.error_dialog is not None and window.error_dialog.isVisible(),
                    timeout=LOAD_TIMEOUT_MS)


def test_a_load_error_keeps_the_fields_and_speaks_the_windows_words(qtbot, window, tiny_py):
    path, weights = tiny_py
    dialog = open_dialog(qtbot, window, str(path))
    dialog.class_combo.setEditText("Tiny")
    dialog.args_edit.setText(BAD_ARGS)
    dialog.weights_edit.setText(str(weights))
    dialog.shape_edit.setText("8")
    dialog.val_spin.setValue(0.3)
    _fail_to_load(qtbot, window, dialog)

    box = window.error_dialog
    text = box.text() + " " + box.informativeText()
    assert "depth" in text
    assert "--" not in text  # no command-line syntax in the window
    assert "the “Arguments (JSON)” field" in text
    status = window.statusBar().currentMessage()
    assert not status.startswith("Opening")
    assert status.startswith("The model could not be loaded:") and "--" not in status
    assert window.loaded.name == "digits-cnn" and window.quantize_button.isEnabled()

    # "Change and try again…" brings the dialog back with every field as it was
    assert window.error_retry_button is not None
    qtbot.mouseClick(window.error_retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.error_dialog is None, timeout=5000)
    again = window.user_models.dialog
    assert again is not None and again is not dialog and again.isVisible()
    qtbot.waitUntil(lambda: again.info is not None, timeout=LOAD_TIMEOUT_MS)
    assert again.model_edit.text() == str(path)
    assert again.class_combo.currentText() == "Tiny"
    assert again.args_edit.text() == BAD_ARGS
    assert again.weights_edit.text() == str(weights)
    assert again.shape_edit.text() == "8"
    assert abs(again.val_spin.value() - 0.3) < 1e-9

    # fixed, it opens; after that File > Open model… starts empty again
    again.args_edit.setText('{"hidden": 24}')
    with qtbot.waitSignal(window.model_loaded, timeout=LOAD_TIMEOUT_MS):
        again.accept()
    assert window.loaded.name.startswith("Tiny")
    fresh = window.user_models.open_dialog()
    assert fresh.model_edit.text() == "" and fresh.args_edit.text() == ""
    fresh.close()


def test_menu_open_after_an_error_is_prefilled_too(qtbot, window, tiny_py):
    path, weights = tiny_py
    dialog = open_dialog(qtbot, window, f"{path}:Tiny:{weights}")
    dialog.args_edit.setText(BAD_ARGS)
    dialog.shape_edit.setText("8")
    _fail_to_load(qtbot, window, dialog)
    window.error_dialog.close()
    qtbot.waitUntil(lambda: window.error_dialog is None, timeout=5000)
    window.open_action.trigger()  # File > Open model…
    again = window.user_models.dialog
    assert again is not None and again.isVisible()
    assert again.args_edit.text() == BAD_ARGS and again.model_edit.text() == str(path)
    again.close()


def test_the_input_shape_read_from_one_file_is_not_carried_to_the_next(qtbot, window, tiny_pt2,
                                                                        tiny_py):
    path, _weights = tiny_py
    dialog = open_dialog(qtbot, window, str(tiny_pt2))
    assert dialog.info.kind == "export"
    assert dialog.shape_edit.text() == "8"  # the program stores its input shape
    with qtbot.waitSignal(dialog.inspected, timeout=LOAD_TIMEOUT_MS):
        dialog.set_model_path(str(path))  # a Python file stores none
    assert dialog.info.kind == "python"
    assert dialog.shape_edit.text() == ""
    assert any("Input shape: needed for random data" in p for p in dialog.problems())

    # a shape the user typed is theirs: it stays when the file changes
    dialog.shape_edit.setText("8")
    with qtbot.waitSignal(dialog.inspected, timeout=LOAD_TIMEOUT_MS):
        dialog.set_model_path(str(tiny_pt2))
    assert dialog.shape_edit.text() == "8"
    dialog.close()
