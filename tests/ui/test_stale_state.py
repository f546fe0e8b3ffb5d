"""Issue 13, "stale or wrong state": each defect driven through the real window with real torch.

Every test here failed before its fix: a panel still describing the previous model, a ranking
shown under another technique, "Done" after loading another model, the reference line reading
0.0 %, keep-float ticks the plan ignored, a what-if across techniques that did not say so, a
cancelled re-run blanking the last result, the red highlight on layers that are not poor.
"""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from .conftest import delete_now
from .helpers import LOAD_TIMEOUT_MS, RUN_TIMEOUT_MS, press_quantize, run_to_end

STATUS, REASON, OUTPUT_SQNR = 4, 5, 7


@pytest.fixture
def open_window(qtbot):
    windows = []

    def make(demo: str, method: str):
        from quantgui.ui.main_window import MainWindow

        win = MainWindow(demo=demo, method=method)
        qtbot.addWidget(win)
        win.resize(1280, 800)
        with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
            win.show()
        windows.append(win)
        qtbot.waitUntil(lambda: win.layers_panel.plan is not None, timeout=LOAD_TIMEOUT_MS)
        return win

    yield make
    for win in windows:
        win.close_without_asking()
        assert not win.runner.is_running() and not win.layers_panel.busy()
        delete_now(win)


def choose_model(qtbot, win, name: str) -> None:
    """Pick ``name`` in the Model combo box as a user does (the combo's activated signal)."""
    index = win.model_combo.findData(name)
    assert index >= 0
    with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
        win.model_combo.setCurrentIndex(index)
        win.model_combo.activated.emit(index)
    assert win.loaded.name == name


def test_switching_models_clears_the_layer_detail_and_the_last_runs_progress(qtbot,
                                                                              open_window):
    win = open_window("digits-cnn", "static")
    panel = win.layers_panel
    assert run_to_end(qtbot, win, "static", calibration_batches=2) == "finished"
    assert win.stage_label.text() == "Done" and win.progress.value() == win.progress.maximum()
    assert win.elapsed_label.text().endswith(" s")
    win.set_tab("layers")
    panel.select_layer("block3.0")
    assert panel.weights.detail_label.text().startswith("block3.0")
    assert panel.weights.detail and panel.weights.detail_plots.isVisible()  # weights drawn

    choose_model(qtbot, win, "digits-mlp")
    assert "block3.0" not in panel.weights.detail_label.text()
    assert panel.weights.detail_label.text() == "Select a layer to see its weights."
    assert panel.weights.detail == {} and panel.selected_name() is None
    assert not panel.weights.channel_spin.isVisible()
    assert not panel.weights.detail_plots.isVisible()  # not empty plots on the CNN layer's axes
    assert panel.chart.bar_names == []  # no SQNR bars of the CNN
    # the progress of the CNN's run is not shown as this model's
    assert win.stage_label.text() == "Ready"
    assert win.progress.value() == 0 and win.elapsed_label.text() == ""
    qtbot.waitUntil(lambda: panel.plan is not None and panel.plan_key is not None,
                    timeout=LOAD_TIMEOUT_MS)
    assert {p.name for p in panel.plan} >= {"fc1", "fc2", "fc3"}


def test_a_ranking_is_taken_down_when_the_technique_changes(qtbot, open_window):
    win = open_window("digits-mlp", "static")
    panel = win.layers_panel
    win.set_tab("layers")
    with qtbot.waitSignal(panel.ranking.ranker.finished, timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(panel.ranking.rank_button, Qt.MouseButton.LeftButton)
    assert panel.ranking.rank_table.rowCount() == 3
    assert "Static on the x86 backend" in panel.ranking.rank_label.text()

    win.method_buttons["qat"].click()
    assert win.settings_panel.method == "qat"
    assert panel.ranking.rank_table.rowCount() == 0
    assert panel.ranking.entries == [] and panel.ranking.suggested == []
    assert not panel.ranking.keep_suggested_button.isEnabled()
    assert "made for Static on the x86 backend" in panel.ranking.rank_label.text()
    # back on Static the old ranking does not come back either: it is gone, not hidden
    win.method_buttons["static"].click()
    assert panel.ranking.rank_table.rowCount() == 0


def test_reference_line_shows_the_original_accuracy_before_any_run(window):
    accuracy = window.summary.accuracy
    assert accuracy is not None and accuracy > 0.9
    label = window.training.reference.label.toPlainText()
    assert label == f"original {accuracy:.1%}"
    assert window.training.reference.value() == pytest.approx(accuracy)


def test_keep_float_tick_updates_the_plan_before_the_run(qtbot, open_window):
    win = open_window("digits-cnn", "static")
    panel = win.layers_panel
    win.set_tab("layers")
    int8 = [p.name for p in panel.plan if p.status == "int8"]
    assert "classifier" in int8 and "block2.0" in int8
    assert f"{len(int8)} layers int8" in panel.status_label.text()
    block2_summary = panel.table.item_of("block2").text(STATUS)

    panel.select_layer("classifier")
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Space)  # ticks the selected row's box
    assert panel.keep == ["classifier"]
    assert panel.table.item_of("classifier").text(STATUS) == "float"
    assert "Keep float" in panel.table.item_of("classifier").text(REASON)
    assert f"{len(int8) - 1} layers int8" in panel.status_label.text()
    assert "Kept in float by you: classifier" in panel.status_label.text()

    panel.set_keep_float("block2.0", True)  # inside a module: the module's counts follow
    assert panel.table.item_of("block2.0").text(STATUS) == "float"
    assert panel.table.item_of("block2").text(STATUS) != block2_summary
    assert "1 float" in panel.table.item_of("block2").text(STATUS)
    assert f"{len(int8) - 2} layers int8" in panel.status_label.text()

    panel.set_keep_float("classifier", False)
    panel.set_keep_float("block2.0", False)
    assert panel.table.item_of("classifier").text(STATUS) == "int8"
    assert panel.table.item_of("block2").text(STATUS) == block2_summary
    assert f"{len(int8)} layers int8" in panel.status_label.text()
    assert "Kept in float by you" not in panel.status_label.text()


def test_what_if_across_techniques_names_them(qtbot, window):
    assert run_to_end(qtbot, window, "dynamic") == "finished"
    assert run_to_end(qtbot, window, "static", calibration_batches=2) == "finished"
    box = window.layers_panel.previous_box
    assert box.isVisibleTo(window.comparison)
    rows = box.rows()
    assert rows["Technique"] == ("Dynamic", "Static", "changed")
    assert "Dynamic" in box.title() and "Static" in box.title()
    assert run_to_end(qtbot, window, "static", calibration_batches=2) == "finished"
    assert box.rows()["Technique"] == ("Static", "Static", "same")
    assert box.title() == "What-if: previous run and this run"


def test_cancelling_a_rerun_keeps_the_last_completed_result(qtbot, window):
    assert run_to_end(qtbot, window, "dynamic") == "finished"
    done = window.result
    assert window.results_io.save_model_action.isEnabled()

    press_quantize(qtbot, window, "qat", epochs=200)
    qtbot.waitUntil(lambda: window.training.plotted_step_count() >= 1, timeout=RUN_TIMEOUT_MS)
    with qtbot.waitSignal(window.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["cancelled"]

    assert window.result is done
    assert window.comparison.stack.currentIndex() == 1  # not the empty placeholder
    summary = {window.comparison.summary.item(r, 0).text(): r
               for r in range(window.comparison.summary.rowCount())}
    assert window.comparison.summary.item(summary["Technique"], 2).text() == "Dynamic"
    assert window.outputs.count == window.loaded.data.val_inputs.shape[0]
    assert window.outputs.stack.currentIndex() == 1
    window.results_io.update_actions()
    assert window.results_io.save_model_action.isEnabled()
    assert window.results_io.save_report_action.isEnabled()
    assert "last completed run" in window.statusBar().currentMessage()


def test_red_highlight_only_on_poor_layers_and_explained(qtbot, open_window):
    win = open_window("digits-mlp", "static")
    panel = win.layers_panel
    assert run_to_end(qtbot, win, "static") == "finished"
    result = win.result
    int8 = [layer for layer in result.layers if layer.quantized]
    # every layer of this model is far above the limit: nothing is red
    assert min(layer.output_sqnr_db for layer in int8) > 35
    assert panel.table.worst_names == []
    for name in panel.table.leaf_names():
        assert panel.table.item_of(name).background(1).style() == Qt.BrushStyle.NoBrush
    assert "No layer is below 25 dB" in panel.status_label.text()
    assert all(brush.color().name() != "#d62728" for brush in panel.chart.bars.opts["brushes"])

    # the same run with one layer's own error made large: that layer, and only it, turns red
    poor = int8[1].name
    layers = [dataclasses.replace(layer, output_sqnr_db=18.0) if layer.name == poor else layer
              for layer in result.layers]
    win.state.last_run = dataclasses.replace(result, layers=layers)  # in place, no signal
    panel._fill()
    assert panel.table.worst_names == [poor]
    highlighted = {name for name in panel.table.leaf_names()
                   if panel.table.item_of(name).background(1).style() != Qt.BrushStyle.NoBrush}
    assert highlighted == {poor}
    tip = panel.table.item_of(poor).toolTip(OUTPUT_SQNR)
    assert "18.0 dB, below 25 dB" in tip and "Sensitivity ranking" in tip
    assert f"Highlighted in red: {poor}, below 25 dB" in panel.status_label.text()
