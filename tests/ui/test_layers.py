"""The Layers tab through the real window with real torch: the plan before a run, per-layer
SQNR after it, a layer's weights up close, sensitivity ranking and what-if re-runs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from .conftest import delete_now
from .helpers import LOAD_TIMEOUT_MS, RUN_TIMEOUT_MS, run_to_end

STATUS, REASON, WEIGHT_SQNR, OUTPUT_SQNR, ACCUMULATED_SQNR = 4, 5, 6, 7, 8


@pytest.fixture
def open_window(qtbot):
    windows = []

    def make(demo: str, method: str):
        from quantgui.ui.main_window import MainWindow

        win = MainWindow(demo=demo, method=method)
        qtbot.addWidget(win)
        win.resize(1400, 900)
        with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
            win.show()
        windows.append(win)
        qtbot.waitUntil(lambda: win.layers_panel.plan is not None, timeout=LOAD_TIMEOUT_MS)
        win.set_tab("layers")
        return win

    yield make
    for win in windows:
        win.close()
        assert not win.runner.is_running() and not win.layers_panel.busy()
        delete_now(win)


def rows(panel) -> dict[str, int]:
    return {panel.table.item(r, 0).data(Qt.ItemDataRole.UserRole): r
            for r in range(panel.table.rowCount())}


def cell(panel, name: str, column: int) -> str:
    return panel.table.item(rows(panel)[name], column).text()


def checkable(panel, name: str) -> bool:
    item = panel.table.item(rows(panel)[name], 0)
    return bool(item.flags() & Qt.ItemFlag.ItemIsUserCheckable)


def test_plan_before_the_run_then_errors_after_it(qtbot, open_window):
    win = open_window("digits-cnn", "static")
    panel = win.layers_panel
    assert win.tabs.currentWidget() is panel
    assert cell(panel, "block1.0", STATUS) == "int8"
    assert cell(panel, "block1.1", STATUS) == "fused"
    assert "block1.0" in cell(panel, "block1.1", REASON)
    assert cell(panel, "pool", STATUS) == "float"
    assert cell(panel, "pool", REASON) == "no weights to quantize"
    assert checkable(panel, "block1.0") and not checkable(panel, "pool")
    assert panel.table.isColumnHidden(OUTPUT_SQNR)
    assert "4 layers int8" in panel.status_label.text()

    # before the run, a layer shows its float weights only
    panel.select_layer("block1.0")
    assert "original_weight" in panel.detail and "grid" not in panel.detail

    assert run_to_end(qtbot, win, "static", calibration_batches=4) == "finished"
    assert not panel.table.isColumnHidden(OUTPUT_SQNR)
    quantized = [layer.name for layer in win.result.layers if layer.quantized]
    for name in quantized:
        for column in (WEIGHT_SQNR, OUTPUT_SQNR, ACCUMULATED_SQNR):
            assert float(cell(panel, name, column)) > 15
    assert cell(panel, "pool", OUTPUT_SQNR) == "—"

    panel.table.sortByColumn(OUTPUT_SQNR, Qt.SortOrder.AscendingOrder)
    values = panel.column_values(OUTPUT_SQNR)
    measured = [v for v in values if v is not None]
    assert measured == sorted(measured) and values[:len(measured)] == measured
    worst = min(win.result.layers, key=lambda layer: layer.output_sqnr_db or 1e9)
    assert panel.table.item(0, 0).data(Qt.ItemDataRole.UserRole) == worst.name
    assert worst.name in panel.worst_names
    highlighted = {panel.table.item(r, 0).data(Qt.ItemDataRole.UserRole)
                   for r in range(panel.table.rowCount())
                   if panel.table.item(r, 1).background().style() != Qt.BrushStyle.NoBrush}
    assert highlighted == set(panel.worst_names)
    panel.table.sortByColumn(OUTPUT_SQNR, Qt.SortOrder.DescendingOrder)
    measured = [v for v in panel.column_values(OUTPUT_SQNR) if v is not None]
    assert measured == sorted(measured, reverse=True)

    assert panel.bar_names == quantized
    assert len(panel.bars.opts["width"]) == len(quantized)

    panel.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    panel.select_layer("block1.0")  # still selected: its detail now shows the int8 weights
    detail = panel.detail
    assert detail["scheme"] == "per-channel" and detail["grid"].size == 256
    assert "output_range" in detail and "input_range" in detail
    assert len(panel.histogram_plot.listDataItems()) == 3  # original, quantized, int8 levels
    assert panel.channel_spin.isVisibleTo(panel)
    panel.channel_spin.setValue(5)
    assert panel.detail["channel"] == 5
    assert "channel 5" in panel.histogram_plot.titleLabel.text


def test_transformer_shows_every_layer_and_why_softmax_stays_float(qtbot, open_window):
    win = open_window("digits-transformer", "static")
    panel = win.layers_panel
    assert panel.table.rowCount() == len(panel.plan) > 20
    name = "encoder.0.attention.softmax"
    assert cell(panel, name, STATUS) == "float"
    assert "softmax" in cell(panel, name, REASON)
    assert cell(panel, "encoder.0.attention.query", STATUS) == "int8"
    # a technique change plans again, in a worker
    win.select_method("dynamic")
    qtbot.waitUntil(lambda: panel.plan_key is not None and panel.plan_key[1] == "dynamic",
                    timeout=LOAD_TIMEOUT_MS)
    assert cell(panel, "encoder.0.norm1", STATUS) == "float"


def test_sensitivity_keep_suggested_and_what_if_rerun(qtbot, open_window):
    win = open_window("digits-mlp", "static")
    panel = win.layers_panel
    assert run_to_end(qtbot, win, "static") == "finished"
    first = win.result
    assert first.reused == []

    with qtbot.waitSignal(panel.ranker.finished, timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(panel.rank_button, Qt.MouseButton.LeftButton)
        assert panel.rank_cancel_button.isEnabled()
    assert panel.rank_label.text().startswith("Ranked 3 layers")
    assert panel.rank_table.rowCount() == 3
    top = panel.entries[0].name
    assert panel.suggested[:1] == [top]
    assert panel.rank_table.item(0, 0).text() == top
    assert panel.rank_table.item(0, 4).text() == "★ suggested"

    qtbot.mouseClick(panel.keep_suggested_button, Qt.MouseButton.LeftButton)
    assert top in panel.keep
    assert panel.table.item(rows(panel)[top], 0).checkState() == Qt.CheckState.Checked

    assert run_to_end(qtbot, win, "static") == "finished"
    again = win.result
    assert top in again.recipe.keep_float
    assert again.agreement.sqnr_db > first.agreement.sqnr_db + 1.0
    assert "calibration" in again.reused and "original outputs" in again.reused
    assert cell(panel, top, STATUS) == "float"

    assert win.tabs.currentWidget() is win.comparison
    box = panel.previous_box
    assert box.isVisibleTo(win.comparison)
    table = box.rows()
    assert table["Layers kept float"] == ("none", ", ".join(again.recipe.keep_float), "")
    assert float(table["Output SQNR (dB)"][1]) > float(table["Output SQNR (dB)"][0])
    assert "calibration" in box.reused.text()


def test_cancel_during_sensitivity_leaves_the_window_usable(qtbot, open_window):
    win = open_window("digits-cnn", "static")
    panel = win.layers_panel
    with qtbot.waitSignal(panel.ranker.cancelled, timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(panel.rank_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(panel.rank_cancel_button, Qt.MouseButton.LeftButton)
    assert panel.rank_label.text() == "Ranking cancelled."
    assert not panel.ranker.is_running()
    assert panel.rank_button.isEnabled() and not panel.rank_cancel_button.isEnabled()
    assert panel.entries == []
    assert run_to_end(qtbot, win, "static", calibration_batches=2) == "finished"
    assert not panel.table.isColumnHidden(OUTPUT_SQNR)


def test_layer_without_an_int8_kernel_shows_float_with_its_reason(qtbot, open_window):
    win = open_window("digits-lstm", "static")
    panel = win.layers_panel
    assert cell(panel, "lstm", STATUS) == "float"
    assert "no int8 kernel for LSTM" in cell(panel, "lstm", REASON)
    assert not checkable(panel, "lstm")
