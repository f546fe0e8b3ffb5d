"""Compare engines through the real window: real torch, real engines, the History on disk."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from .helpers import RUN_TIMEOUT_MS, run_to_end

FAST_ENGINES = ["torch_ao", "onnxruntime"]  # no compiler in the loop: seconds, not minutes


def _history_count(window) -> int:
    """Runs in the history file (read afresh) and in the History tab, which must agree."""
    from quantgui.core.history import History

    on_disk = len(History().entries())
    window.history_panel.ensure_loaded()
    assert len(window.history_panel.history.entries()) == on_disk
    return on_disk


def test_compare_engines_fills_the_tab_and_the_history(qtbot, window):
    assert window.engines_panel.stack.currentIndex() == 0  # the empty state says how to start
    assert "Compare engines" in window.engines_panel.placeholder.text()
    assert window.compare_button.isEnabled() and window.compare_action.isEnabled()
    assert window.compare_action.shortcut().toString() == "Ctrl+Shift+R"
    before = _history_count(window)
    labels: list[str] = []
    window.runner.events.connect(lambda _: labels.append(window.stage_label.text()))

    with qtbot.waitSignal(window.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        window.compare_engines(names=FAST_ENGINES)
        assert window.runner.is_running()
        assert not window.quantize_button.isEnabled()  # settings locked as during a run
        assert not window.compare_button.isEnabled()
        assert not window.settings_panel.isEnabled()
        assert window.cancel_button.isEnabled()
    assert blocker.args == ["compared"], window.log.lines()[-3:]

    report = window.comparison_report
    ran = [row["engine"] for row in report["engines"]]
    assert ran and set(ran) | set(report["skipped"]) == set(FAST_ENGINES)
    panel = window.engines_panel
    assert window.tabs.currentWidget() is panel and panel.stack.currentIndex() == 1
    assert panel.table.rowCount() == len(ran)
    for row in range(panel.table.rowCount()):
        median = panel.table.item(row, 1).text()
        assert re.fullmatch(r"\d+\.\d{3} ms", median), median
        assert panel.table.item(row, 4).text().endswith("×")
    assert len(panel.recommended_rows()) == 1
    recommended = panel.recommended_rows()[0]
    assert panel.table.item(recommended, 0).text().startswith("★")
    assert panel.table.item(recommended, 0).font().bold()
    assert "Recommended" in panel.recommendation.text()
    assert panel.bar_count() == len(ran)
    assert _history_count(window) == before + len(ran)
    # progress names the engine under way (which ones a 200 ms drain catches varies)
    assert any(re.match(r"Engine [12]/2: (PyTorch eager|ONNX Runtime)", text)
               for text in labels), labels
    assert window.quantize_button.isEnabled() and window.settings_panel.isEnabled()
    # the recommended engine's run is the result shown (Comparison, Layers, Outputs, Save)
    assert window.result is not None and window.result.engine == report["recommended"]


def test_cancel_a_comparison_keeps_the_previous_state(qtbot, window):
    assert run_to_end(qtbot, window, "dynamic") == "finished"
    previous = window.result
    history = _history_count(window)
    pressed: list[str] = []

    def press_escape_once_under_way(_events: list) -> None:
        # the first batch of events while the job still runs: an engine is under way, so the
        # comparison is really interrupted mid-way (the last batch comes after the thread ended)
        if not pressed and window.runner.is_running():
            pressed.append(window.stage_label.text())
            qtbot.keyClick(window, Qt.Key.Key_Escape)

    window.runner.events.connect(press_escape_once_under_way)
    with qtbot.waitSignal(window.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        window.compare_engines(names=FAST_ENGINES)
        assert window.runner.is_running()
    window.runner.events.disconnect(press_escape_once_under_way)
    assert pressed and pressed[0].startswith("Engine "), pressed
    assert blocker.args == ["cancelled"], window.log.lines()[-3:]
    assert not window.runner.is_running()
    assert window.quantize_button.isEnabled() and window.compare_button.isEnabled()
    assert window.settings_panel.isEnabled()
    assert window.result is previous and window.comparison.stack.currentIndex() == 1
    assert window.engines_panel.stack.currentIndex() == 0  # still the empty state
    assert window.comparison_report is None
    assert _history_count(window) == history
    assert window.error_dialog is None
