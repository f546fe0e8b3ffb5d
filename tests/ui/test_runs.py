"""Each technique through the real window, on the default demo, with real torch."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt

from .conftest import delete_now
from .helpers import RUN_TIMEOUT_MS, press_quantize, run_to_end


def test_opens_with_default_demo(window):
    from quantgui.core.demos import DEFAULT_DEMO

    assert window.loaded.name == DEFAULT_DEMO
    assert window.model_combo.currentData() == DEFAULT_DEMO
    assert "Conv2d" in window.model_summary.text()
    assert window.quantize_button.isEnabled()
    assert not window.cancel_button.isEnabled()
    names = [window.model_combo.itemData(i) for i in range(window.model_combo.count())]
    assert "digits-mlp" in names and "__open__" in names


@pytest.mark.parametrize("method", ["dynamic", "static", "qat"])
@pytest.mark.slow
def test_technique_to_comparison(qtbot, window, method):
    settings = {"epochs": 2} if method == "qat" else {}
    assert run_to_end(qtbot, window, method, **settings) == "finished"
    result = window.result
    assert result is not None and result.recipe.method == method
    assert window.tabs.currentWidget() is window.comparison
    assert window.comparison.stack.currentIndex() == 1
    assert window.comparison.layers.rowCount() == len(result.layers)
    summary = {window.comparison.summary.item(r, 0).text(): r
               for r in range(window.comparison.summary.rowCount())}
    row = summary["Layers quantized"]
    assert window.comparison.summary.item(row, 2).text() == (
        f"{result.quantized_layer_count} of {len(result.layers)}")
    # how many timed runs each median is of (fewer for a slow model) is stated
    measured = summary["Measured with"]
    assert window.comparison.summary.item(measured, 2).text().endswith(
        f"{result.quantized.latency.repeats} runs")
    assert window.outputs.count == window.loaded.data.val_inputs.shape[0]
    assert window.stage_label.text() == "Done"
    assert window.quantize_button.isEnabled() and not window.cancel_button.isEnabled()
    if method == "qat":
        steps = 2 * math.ceil(window.loaded.data.train_inputs.shape[0] / 32)
        assert window.training.plotted_step_count() == steps
        assert len(window.training.smoothed) == steps
        assert window.training.epochs == [1, 2]
        assert window.training.reference.isVisible()


def test_sample_browser_and_disagreements(qtbot, window):
    assert run_to_end(qtbot, window, "static", calibration_batches=2) == "finished"
    outputs = window.outputs
    window.tabs.setCurrentWidget(outputs)
    qtbot.mouseClick(outputs.next_button, Qt.MouseButton.LeftButton)
    assert outputs.index == 1
    qtbot.mouseClick(outputs.prev_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(outputs.prev_button, Qt.MouseButton.LeftButton)
    assert outputs.index == outputs.count - 1
    if outputs.disagreements.size:
        qtbot.mouseClick(outputs.disagree_button, Qt.MouseButton.LeftButton)
        assert outputs.index in set(outputs.disagreements.tolist())
        assert "disagree" in outputs.prediction.text()


def test_cancel_in_the_middle_of_qat(qtbot, window):
    press_quantize(qtbot, window, "qat", epochs=200)
    assert window.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: window.training.plotted_step_count() >= 3, timeout=RUN_TIMEOUT_MS)
    with qtbot.waitSignal(window.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["cancelled"]
    assert window.statusBar().currentMessage() == "Cancelled"
    assert window.error_dialog is None
    assert window.result is None
    assert not window.runner.is_running()
    # The window still works: a new run starts and ends.
    assert run_to_end(qtbot, window, "dynamic") == "finished"


def test_close_window_mid_run_asks_first(qtbot, window):
    press_quantize(qtbot, window, "qat", epochs=200)
    thread = window.runner._thread
    qtbot.waitUntil(lambda: window.training.plotted_step_count() >= 1, timeout=RUN_TIMEOUT_MS)

    # Closing asks; "Keep running" leaves the run going and the window open.
    window.close()
    question = window.close_question
    assert question is not None and question.isVisible()
    assert "QAT run is in progress" in question.text()
    assert window.isVisible() and window.runner.is_running()
    qtbot.mouseClick(window.close_keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.close_question is None, timeout=5000)
    assert window.isVisible() and window.runner.is_running()
    steps = window.training.plotted_step_count()
    qtbot.waitUntil(lambda: window.training.plotted_step_count() > steps,
                    timeout=RUN_TIMEOUT_MS)  # still training

    # Closing again and confirming cancels the run cleanly and closes.
    window.close()
    qtbot.mouseClick(window.close_stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=RUN_TIMEOUT_MS)
    assert thread.isFinished()
    assert not window.runner.is_running()
    assert window.close_question is None


def test_invalid_combination_disables_quantize(qtbot, window):
    window.select_method("dynamic")
    window.settings_panel.set_values({"dtype": "float16", "backend": "qnnpack"})
    assert not window.quantize_button.isEnabled()
    assert window.recipe_error.isVisible()
    assert "float16" in window.recipe_error.text()
    window.settings_panel.set_value("backend", "x86")
    assert window.quantize_button.isEnabled()
    assert not window.recipe_error.isVisible()
    window.select_method("qat")
    window.settings_panel.fields["learning_rate"].widget.setText("abc")
    assert not window.quantize_button.isEnabled()


def test_settings_form_from_metadata(window):
    import dataclasses

    from quantgui.core.recipes import QatRecipe

    window.select_method("qat")
    panel = window.settings_panel
    for field in dataclasses.fields(QatRecipe):
        editor = panel.fields[field.name]
        assert editor.widget.toolTip() == field.metadata["help"]
        assert editor.widget.accessibleName()
        inside_advanced = panel.advanced_widget.isAncestorOf(editor.widget)
        assert inside_advanced == bool(field.metadata["advanced"])
    assert panel.advanced_widget.isHidden()
    panel.advanced_button.click()
    assert panel.advanced_widget.isVisibleTo(panel)
    assert panel.recipe() == QatRecipe()


def test_choices_are_remembered(qtbot, window, isolated_settings):
    from quantgui.ui.main_window import MainWindow

    window.select_method("static")
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.method_buttons["static"].isChecked()
    with qtbot.waitSignal(again.model_loaded, timeout=RUN_TIMEOUT_MS):
        again.show()
    again.close()
    delete_now(again)
    assert any(isolated_settings.rglob("*.ini"))
