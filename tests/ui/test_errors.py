"""Failures in the worker show a dialog; the window keeps working and the model is unchanged."""

from __future__ import annotations

import dataclasses

import torch
from PySide6.QtWidgets import QMessageBox

from .helpers import RUN_TIMEOUT_MS, run_to_end


def _state(model):
    return {k: v.clone() for k, v in model.state_dict().items()}


def test_core_error_shows_message_and_hint(qtbot, window):
    original = window.loaded
    before = _state(original.model)
    data = original.data
    poisoned = data.train_inputs.clone()
    poisoned[3, 0, 2, 2] = float("nan")
    window.state.loaded = dataclasses.replace(  # the data poisoned in place, no reload
        original, data=dataclasses.replace(data, train_inputs=poisoned))
    assert run_to_end(qtbot, window, "static") == "failed"
    dialog = window.error_dialog
    assert isinstance(dialog, QMessageBox)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert "NaN" in dialog.text()
    assert "Clean or impute" in dialog.informativeText()
    assert "DataError" in dialog.detailedText()
    assert window.stage_label.text() == "Failed"
    dialog.close()
    qtbot.waitUntil(lambda: window.error_dialog is None, timeout=5000)
    # The loaded model is unchanged and the window still works.
    after = _state(original.model)
    assert before.keys() == after.keys()
    assert all(torch.equal(before[k], after[k]) for k in before)
    assert torch.isfinite(data.train_inputs).all()
    window.state.loaded = original
    assert run_to_end(qtbot, window, "dynamic") == "finished"


def test_unexpected_exception_shows_traceback(qtbot, window):
    def broken_job(cancel):
        return {}["no such key"]

    with qtbot.waitSignal(window.runner.failed, timeout=RUN_TIMEOUT_MS):
        window.runner.start(broken_job)
    dialog = window.error_dialog
    assert dialog is not None and dialog.isVisible()
    assert "KeyError" in dialog.text()
    assert "Traceback" in dialog.detailedText() and "broken_job" in dialog.detailedText()
    dialog.close()
    assert run_to_end(qtbot, window, "dynamic") == "finished"
