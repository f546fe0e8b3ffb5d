"""The Layers tab through the real window with real torch: the plan before a run as a tree of
the model's modules or a flat list, per-layer SQNR after it, a layer's weights up close,
sensitivity ranking and what-if re-runs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from quantgui.ui.layers import NAME_ROLE, SORT_ROLE, WORST_DB

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


def cell(panel, name: str, column: int) -> str:
    return panel.table.item_of(name).text(column)


def checkable(panel, name: str) -> bool:
    return bool(panel.table.item_of(name).flags() & Qt.ItemFlag.ItemIsUserCheckable)


def path_of(item) -> list[str]:
    """The qualified names from the top-level row down to ``item``."""
    names = []
    while item is not None:
        names.insert(0, item.data(0, NAME_ROLE))
        item = item.parent()
    return names


def leaves_under(panel, item) -> list:
    """The layer rows (no modules) inside a module's row, depth first."""
    found = []
    for i in range(item.childCount()):
        child = item.child(i)
        container = panel.table.is_container(child.data(0, NAME_ROLE))
        found.extend(leaves_under(panel, child) if container else [child])
    return found


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
    assert "original_weight" in panel.weights.detail and "grid" not in panel.weights.detail

    assert run_to_end(qtbot, win, "static", calibration_batches=4) == "finished"
    assert ("Measured with torch.ao.ns (PyTorch's numeric suite) and forward hooks."
            in panel.status_label.text())
    assert not panel.table.isColumnHidden(OUTPUT_SQNR)
    quantized = [layer.name for layer in win.result.layers if layer.quantized]
    for name in quantized:
        for column in (WEIGHT_SQNR, OUTPUT_SQNR, ACCUMULATED_SQNR):
            assert float(cell(panel, name, column)) > 15
    assert cell(panel, "pool", OUTPUT_SQNR) == "—"

    # the tree sorts the rows inside each module; a module sorts by its worst layer
    assert panel.view == "tree"
    panel.table.sortByColumn(OUTPUT_SQNR, Qt.SortOrder.AscendingOrder)
    block2 = panel.table.item_of("block2")
    inside = [block2.child(i).data(OUTPUT_SQNR, SORT_ROLE) for i in range(block2.childCount())]
    measured = [v for v in inside if v is not None]
    assert measured and measured == sorted(measured) and inside[:len(measured)] == measured
    assert block2.data(OUTPUT_SQNR, SORT_ROLE) == min(measured)
    assert float(block2.text(OUTPUT_SQNR)) == pytest.approx(min(measured), abs=0.05)
    tops = [panel.table.topLevelItem(i).data(OUTPUT_SQNR, SORT_ROLE)
            for i in range(panel.table.topLevelItemCount())]
    measured = [v for v in tops if v is not None]
    assert measured == sorted(measured) and tops[:len(measured)] == measured

    # the flat list sorts every layer together
    qtbot.mouseClick(panel.view_buttons["flat"], Qt.MouseButton.LeftButton)
    assert panel.view == "flat" and panel.view_buttons["flat"].isChecked()
    assert panel.table.topLevelItemCount() == len(panel.plan)
    values = panel.table.column_values(OUTPUT_SQNR)
    measured = [v for v in values if v is not None]
    assert measured == sorted(measured) and values[:len(measured)] == measured
    worst = min(win.result.layers, key=lambda layer: layer.output_sqnr_db or 1e9)
    assert panel.table.topLevelItem(0).data(0, NAME_ROLE) == worst.name
    assert panel.table.leaf_names()[0] == worst.name
    # red only below WORST_DB: the lowest layer of a model that quantizes well is not poor
    assert panel.table.worst_names == [layer.name for layer in win.result.layers
                                 if layer.quantized and layer.output_sqnr_db < WORST_DB]
    highlighted = {name for name in panel.table.leaf_names()
                   if panel.table.item_of(name).background(1).style() != Qt.BrushStyle.NoBrush}
    assert highlighted == set(panel.table.worst_names)
    panel.table.sortByColumn(OUTPUT_SQNR, Qt.SortOrder.DescendingOrder)
    measured = [v for v in panel.table.column_values(OUTPUT_SQNR) if v is not None]
    assert measured == sorted(measured, reverse=True)

    assert panel.chart.bar_names == quantized
    assert len(panel.chart.bars.opts["width"]) == len(quantized)

    panel.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # back to model order
    assert panel.table.leaf_names() == [p.name for p in panel.plan]
    panel.set_view("tree")
    highlighted = {name for name in panel.table.leaf_names()
                   if panel.table.item_of(name).background(1).style() != Qt.BrushStyle.NoBrush}
    assert highlighted == set(panel.table.worst_names)
    panel.select_layer("block1.0")  # still selected: its detail now shows the int8 weights
    detail = panel.weights.detail
    assert detail["scheme"] == "per-channel" and detail["grid"].size == 256
    assert "output_range" in detail and "input_range" in detail
    # original, quantized, int8 levels
    assert len(panel.weights.histogram_plot.listDataItems()) == 3
    assert panel.weights.channel_spin.isVisibleTo(panel)
    panel.weights.channel_spin.setValue(5)
    assert panel.weights.detail["channel"] == 5
    assert "channel 5" in panel.weights.histogram_plot.titleLabel.text


def test_transformer_shows_every_layer_and_why_softmax_stays_float(qtbot, open_window):
    win = open_window("digits-transformer", "static")
    panel = win.layers_panel
    assert panel.table.leaf_names() == [p.name for p in panel.plan] and len(panel.plan) > 20
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

    with qtbot.waitSignal(panel.ranking.ranker.finished, timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(panel.ranking.rank_button, Qt.MouseButton.LeftButton)
        assert panel.ranking.rank_cancel_button.isEnabled()
    assert panel.ranking.rank_label.text().startswith("Ranked 3 layers")
    assert panel.ranking.rank_table.rowCount() == 3
    top = panel.ranking.entries[0].name
    assert panel.ranking.suggested[:1] == [top]
    assert panel.ranking.rank_table.item(0, 0).text() == top
    assert panel.ranking.rank_table.item(0, 4).text() == "★ suggested"

    qtbot.mouseClick(panel.ranking.keep_suggested_button, Qt.MouseButton.LeftButton)
    assert top in panel.keep
    assert panel.table.item_of(top).checkState(0) == Qt.CheckState.Checked

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


@pytest.mark.parametrize("demo", ["digits-cnn", "digits-transformer"])
@pytest.mark.slow
def test_issue_demos_show_layer_errors_ranking_and_the_gain_of_keeping_the_worst(
        qtbot, open_window, demo):
    win = open_window(demo, "static")
    panel = win.layers_panel
    assert run_to_end(qtbot, win, "static", calibration_batches=4) == "finished"
    first = win.result
    int8 = [layer.name for layer in first.layers if layer.quantized]
    for name in int8:  # every int8 layer shows its own and accumulated error
        assert float(cell(panel, name, OUTPUT_SQNR)) > 15
        assert float(cell(panel, name, ACCUMULATED_SQNR)) > 15
    assert panel.chart.bar_names == int8

    with qtbot.waitSignal(panel.ranking.ranker.finished, timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(panel.ranking.rank_button, Qt.MouseButton.LeftButton)
    assert panel.ranking.rank_table.rowCount() == len(int8)
    ranked = panel.ranking.rank_table
    assert sorted(ranked.item(r, 0).text() for r in range(len(int8))) == sorted(int8)
    worst = panel.ranking.entries[0]
    assert worst.sqnr_gain_db > 0.3

    panel.set_keep_float(worst.name, True)  # the worst-ranked layer, kept float by hand
    assert run_to_end(qtbot, win, "static", calibration_batches=4) == "finished"
    again = win.result
    assert worst.name in again.recipe.keep_float
    # measurably better agreement, close to what the ranking predicted
    assert again.agreement.sqnr_db > first.agreement.sqnr_db + 0.3
    assert again.agreement.sqnr_db == pytest.approx(worst.sqnr_db_all_but_this, abs=0.5)


def test_cancel_during_sensitivity_leaves_the_window_usable(qtbot, open_window):
    win = open_window("digits-cnn", "static")
    panel = win.layers_panel
    with qtbot.waitSignal(panel.ranking.ranker.cancelled, timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(panel.ranking.rank_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(panel.ranking.rank_cancel_button, Qt.MouseButton.LeftButton)
    assert panel.ranking.rank_label.text() == "Ranking cancelled."
    assert not panel.ranking.ranker.is_running()
    assert panel.ranking.rank_button.isEnabled()
    assert not panel.ranking.rank_cancel_button.isEnabled()
    assert panel.ranking.entries == []
    assert run_to_end(qtbot, win, "static", calibration_batches=2) == "finished"
    assert not panel.table.isColumnHidden(OUTPUT_SQNR)


def test_layer_without_an_int8_kernel_shows_float_with_its_reason(qtbot, open_window):
    win = open_window("digits-lstm", "static")
    panel = win.layers_panel
    assert cell(panel, "lstm", STATUS) == "float"
    assert "no int8 kernel for LSTM" in cell(panel, "lstm", REASON)
    assert not checkable(panel, "lstm")


def test_transformer_layers_form_a_tree_of_its_modules(qtbot, open_window):
    win = open_window("digits-transformer", "static")
    panel = win.layers_panel
    model = win.loaded.model
    assert panel.view == "tree" and panel.view_buttons["tree"].isChecked()
    name = "encoder.0.attention.softmax"
    softmax = panel.table.item_of(name)
    assert path_of(softmax) == ["encoder", "encoder.0", "encoder.0.attention", name]
    assert softmax.text(0) == "softmax" and name in softmax.toolTip(0)
    assert softmax.childCount() == 0 and not panel.table.is_container(name)
    assert cell(panel, name, STATUS) == "float" and "softmax" in cell(panel, name, REASON)
    assert not checkable(panel, name) and checkable(panel, "encoder.0.attention.query")
    for top in ("embed", "norm", "classifier"):  # layers outside any module stay on top
        assert panel.table.item_of(top).parent() is None and not panel.table.is_container(top)
    assert [panel.table.topLevelItem(i).data(0, NAME_ROLE)
            for i in range(panel.table.topLevelItemCount())] == [
        "embed", "encoder", "norm", "classifier"]
    assert panel.table.leaf_names() == [p.name for p in panel.plan]  # model order, depth first

    planned = {p.name: p for p in panel.plan}
    for container in ("encoder", "encoder.0", "encoder.0.attention", "encoder.1"):
        item = panel.table.item_of(container)
        assert panel.table.is_container(container) and item.isExpanded()
        assert item.text(1) == type(model.get_submodule(container)).__name__
        leaves = [leaf.data(0, NAME_ROLE) for leaf in leaves_under(panel, item)]
        assert leaves == [n for n in planned if n.startswith(container + ".")]
        torch_count = sum(p.numel() for p in model.get_submodule(container).parameters())
        assert int(item.text(2).replace(",", "")) == torch_count
        assert sum(planned[n].parameters for n in leaves) == torch_count
        counts = {s: sum(1 for n in leaves if planned[n].status == s)
                  for s in ("int8", "fused", "float")}
        assert item.text(4) == " · ".join(f"{c} {s}" for s, c in counts.items() if c)
        assert item.text(3) == "—"
    assert panel.table.item_of("encoder.0.attention").text(4) == "4 int8 · 1 float"

    # a module has no weights of its own to draw
    panel.select_layer("encoder.0.attention")
    assert panel.selected_name() == "encoder.0.attention"
    assert panel.weights.detail == {} and "holds 5 layers" in panel.weights.detail_label.text()
    # selecting a layer inside a folded module unfolds it
    panel.table.item_of("encoder.1").setExpanded(False)
    panel.select_layer("encoder.1.attention.key")
    assert panel.table.item_of("encoder.1").isExpanded()
    assert panel.selected_name() == "encoder.1.attention.key"
    assert panel.weights.detail["name"] == "encoder.1.attention.key"


def test_keep_float_tick_survives_switching_views(qtbot, open_window):
    win = open_window("digits-transformer", "static")
    panel = win.layers_panel
    name = "encoder.0.ff1"
    panel.select_layer(name)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Space)  # ticks the selected row's check box
    assert panel.table.item_of(name).checkState(0) == Qt.CheckState.Checked
    assert panel.keep == [name]

    qtbot.mouseClick(panel.view_buttons["flat"], Qt.MouseButton.LeftButton)
    item = panel.table.item_of(name)
    assert item.parent() is None and item.text(0) == name
    assert panel.table.topLevelItemCount() == len(panel.plan)
    assert item.checkState(0) == Qt.CheckState.Checked
    panel.set_keep_float("encoder.1.ff1", True)  # e.g. "Keep suggested in float"
    assert panel.table.item_of("encoder.1.ff1").checkState(0) == Qt.CheckState.Checked

    qtbot.mouseClick(panel.view_buttons["tree"], Qt.MouseButton.LeftButton)
    assert path_of(panel.table.item_of(name)) == ["encoder", "encoder.0", name]
    for kept in (name, "encoder.1.ff1"):
        assert panel.table.item_of(kept).checkState(0) == Qt.CheckState.Checked
    assert panel.table.item_of("encoder.0.ff2").checkState(0) == Qt.CheckState.Unchecked
    assert panel.keep == [name, "encoder.1.ff1"]
    recipe = panel.recipe_for_run(win.settings_panel.recipe())
    assert recipe.keep_float == (name, "encoder.1.ff1")


def test_view_choice_is_remembered(qtbot, open_window):
    from quantgui.ui.main_window import MainWindow

    first = MainWindow(demo="digits-cnn", method="static")
    with qtbot.waitSignal(first.model_loaded, timeout=LOAD_TIMEOUT_MS):
        first.show()
    panel = first.layers_panel
    qtbot.waitUntil(lambda: panel.plan is not None, timeout=LOAD_TIMEOUT_MS)
    assert panel.view == "tree" and panel.table.item_of("block1.0").parent() is not None
    qtbot.mouseClick(panel.view_buttons["flat"], Qt.MouseButton.LeftButton)
    first.close()
    assert not first.runner.is_running() and not panel.busy()
    delete_now(first)

    second = open_window("digits-cnn", "static")
    panel = second.layers_panel
    assert panel.view == "flat" and panel.view_buttons["flat"].isChecked()
    assert panel.table.topLevelItemCount() == len(panel.plan)
    assert panel.table.item_of("block1.0").parent() is None
    assert not panel.table.is_container("block1")
