"""After Compare all three or Compare engines, the window shows one of the runs that just ended
in Comparison, Layers and Outputs (the technique chosen on the left, or the recommended engine)
and can save it; selecting another row of the Techniques or Engines table shows that run."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from .helpers import RUN_TIMEOUT_MS

FAST_ENGINES = ["torch_ao", "onnxruntime"]  # no compiler in the loop: seconds, not minutes


def _summary_value(window, name: str) -> str:
    """The Quantized column of the Comparison tab's row ``name``."""
    table = window.comparison.summary
    for row in range(table.rowCount()):
        if table.item(row, 0).text() == name:
            return table.item(row, 2).text()
    raise AssertionError(f"no {name!r} row")


def _click_row(qtbot, table, row: int) -> None:
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.center().x(), rect.center().y()))


def _assert_shown(window, method_title: str) -> None:
    assert window.comparison.stack.currentIndex() == 1  # not "Press Quantize to compare"
    assert _summary_value(window, "Technique") == method_title
    assert window.outputs.stack.currentIndex() == 1
    layers = window.layers_panel
    assert layers.chart.bars.opts["width"] is not None and len(layers.chart.bars.opts["width"])
    assert layers.status_label.text().startswith("Last run: " + method_title)
    assert window.results_io.save_model_action.isEnabled()
    assert window.results_io.save_report_action.isEnabled()


@pytest.mark.slow
def test_compare_all_three_shows_the_chosen_technique_and_another_on_selection(
        qtbot, window, tmp_path):
    window.select_method("qat")
    window.settings_panel.set_values({"epochs": 1})
    window.select_method("static")
    window.settings_panel.set_values({"calibration_batches": 4})
    assert window.result is None and window.comparison.stack.currentIndex() == 0
    assert not window.results_io.save_model_action.isEnabled()
    with qtbot.waitSignal(window.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        window.compare_all_three()
    assert blocker.args == ["compared"]
    # the technique chosen on the left is the one shown
    assert window.result is not None and window.result.recipe.method == "static"
    _assert_shown(window, "Static")
    panel = window.techniques_panel
    assert panel.shown_label() == "static"
    assert "Static" in panel.shown_note.text()

    # a click on QAT's row shows QAT everywhere, and the technique on the left follows
    row = next(r for r in range(panel.table.rowCount())
               if panel.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == "qat")
    _click_row(qtbot, panel.table, row)
    qtbot.waitUntil(lambda: window.result.recipe.method == "qat", timeout=5000)
    assert window.method_buttons["qat"].isChecked()
    qtbot.waitUntil(lambda: window.layers_panel.status_label.text().startswith("Last run: QAT"),
                    timeout=30_000)
    _assert_shown(window, "QAT")
    assert panel.shown_label() == "qat"
    # the float32 original is no run to show: the QAT run stays
    _click_row(qtbot, panel.table, 0)
    assert window.result.recipe.method == "qat"

    # and it can be saved, as a run of its own would
    with qtbot.waitSignal(window.results_io.written, timeout=RUN_TIMEOUT_MS) as saved:
        assert window.results_io.save_quantized_to(tmp_path / "qat.pt", "state_dict")
    assert saved.args[0] == "model" and (tmp_path / "qat.pt").exists()


def test_compare_engines_shows_the_recommended_engine_and_another_on_selection(qtbot, window):
    window.select_method("dynamic")
    with qtbot.waitSignal(window.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        window.compare_engines(names=FAST_ENGINES)
    assert blocker.args == ["compared"]
    report = window.comparison_report
    ran = [row["engine"] for row in report["engines"]]
    assert len(ran) == 2, report["skipped"]
    panel = window.engines_panel
    recommended = report["recommended"]
    assert window.result is not None and window.result.engine == recommended
    _assert_shown(window, "Dynamic")
    assert panel.shown_engine() == recommended

    other = next(name for name in ran if name != recommended)
    _click_row(qtbot, panel.table, ran.index(other))
    qtbot.waitUntil(lambda: window.result.engine == other, timeout=5000)
    _assert_shown(window, "Dynamic")
    assert panel.shown_engine() == other
    from quantgui.core.engines import get_engine

    assert _summary_value(window, "Engine") == get_engine(other).title
