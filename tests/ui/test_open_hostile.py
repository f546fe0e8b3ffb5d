"""The window's open paths never run code from a hostile file.

The Open model dialog inspects a file as soon as it is chosen or dropped: a crafted .pt2 must be
refused there, before torch reads it, and the dialog must not let it be opened. A recipe that
names a Python file is applied for its settings only: the file is never imported.
"""

from __future__ import annotations

import json

import pytest
import torch
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests.core.test_pt2_safety import Tiny, build

from .helpers import LOAD_TIMEOUT_MS


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    path = tmp_path_factory.mktemp("clean") / "tiny.pt2"
    torch.manual_seed(0)
    torch.export.save(torch.export.export(Tiny().eval(), (torch.randn(2, 4),),
                                          dynamic_shapes=({0: torch.export.Dim("batch")},)), path)
    return path


def _refused_in_dialog(qtbot, dialog, marker) -> None:
    qtbot.waitUntil(lambda: not dialog.inspecting, timeout=LOAD_TIMEOUT_MS)
    assert "could run code" in dialog.inspect_error, dialog.inspect_error
    assert "could run code" in " ".join(dialog.problems())
    assert not dialog.open_button.isEnabled()
    assert not marker.exists()


@pytest.mark.parametrize("kind", ["pickled weight", "sample inputs", "sympify", "guards"])
def test_hostile_program_chosen_in_the_dialog_is_refused(qtbot, window, clean, tmp_path, kind):
    path, marker = build(kind, clean, tmp_path)
    dialog = window.user_models.open_dialog()
    with qtbot.waitSignal(dialog.inspected, timeout=LOAD_TIMEOUT_MS):
        dialog.set_model_path(str(path))
    _refused_in_dialog(qtbot, dialog, marker)
    dialog.shape_edit.setText("4")
    dialog.accept()  # the dialog's own guard: problems() stop it
    assert not marker.exists()
    assert window.loaded.name == "digits-cnn" and window.quantize_button.isEnabled()


def test_hostile_program_dropped_on_the_window_is_refused(qtbot, window, clean, tmp_path):
    path, marker = build("opaque object", clean, tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(QPointF(300, 300), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.event(drop)
    dialog = window.user_models.dialog
    assert dialog is not None
    _refused_in_dialog(qtbot, dialog, marker)


def test_clean_program_still_opens_in_the_dialog(qtbot, window, clean):
    dialog = window.user_models.open_dialog()
    with qtbot.waitSignal(dialog.inspected, timeout=LOAD_TIMEOUT_MS):
        dialog.set_model_path(str(clean))
    assert dialog.inspect_error == ""
    qtbot.waitUntil(lambda: dialog.open_button.isEnabled(), timeout=LOAD_TIMEOUT_MS)
    with qtbot.waitSignal(window.model_loaded, timeout=LOAD_TIMEOUT_MS):
        dialog.accept()
    assert window.loaded.name == "tiny.pt2"


def test_recipe_naming_a_python_file_never_imports_it(qtbot, window, tmp_path):
    marker = tmp_path / "imported"
    evil = tmp_path / "evil.py"
    evil.write_text(f"open({str(marker)!r}, 'w')\n")
    recipe = tmp_path / "shared.json"
    recipe.write_text(json.dumps({"method": "dynamic", "model": f"python:{evil}:Tiny"}))
    assert window.results_io.open_recipe_from(recipe)
    assert window.loaded.name == "digits-cnn"
    assert not marker.exists()
