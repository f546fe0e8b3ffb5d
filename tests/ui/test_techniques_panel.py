"""Compare all three through the real window: Dynamic, Static and QAT on the default demo with
real torch, the Techniques tab's table and chart, the History on disk, cancelling mid-way."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from .helpers import RUN_TIMEOUT_MS, run_to_end

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "quantgui_es.ts"
LABELS = ["float32", "dynamic", "static", "qat"]
NUMBER = r"\d+\.\d+"


def _history_count(window) -> int:
    """Runs in the history file (read afresh) and in the History tab, which must agree."""
    from quantgui.core.history import History

    on_disk = len(History().entries())
    window.history_panel.ensure_loaded()
    assert len(window.history_panel.history.entries()) == on_disk
    return on_disk


def _quick_settings(window) -> None:
    """What a teacher would type for a short demo: one QAT epoch, four calibration batches;
    Static is the technique shown when the comparison starts."""
    window.select_method("qat")
    window.settings_panel.set_values({"epochs": 1})
    window.select_method("static")
    window.settings_panel.set_values({"calibration_batches": 4})


def _check_table(panel, report: dict) -> None:
    from quantgui.ui import techniques_panel as tp

    table = panel.table
    assert table.rowCount() == 4
    for row in range(4):
        cells = [table.item(row, column).text() for column in range(table.columnCount())]
        assert re.fullmatch(NUMBER + r" (KiB|MiB|B)", cells[tp.COLUMN_SIZE]), cells
        assert re.fullmatch(NUMBER + "×", cells[tp.COLUMN_RATIO]), cells
        assert re.fullmatch(NUMBER + r" ms( \(tie\))?", cells[tp.COLUMN_MEDIAN]), cells
        assert re.fullmatch(NUMBER + "–" + NUMBER + " ms", cells[tp.COLUMN_P90]), cells
        assert re.fullmatch(NUMBER + "×", cells[tp.COLUMN_SPEEDUP]), cells
        assert re.fullmatch(NUMBER + "%", cells[tp.COLUMN_ACCURACY]), cells
        assert re.fullmatch(r"\d+ of 13", cells[tp.COLUMN_LAYERS]), cells
        if row:  # the quantized results' agreement with the original
            assert re.fullmatch(NUMBER + "|∞", cells[tp.COLUMN_SQNR]), cells
            float(cells[tp.COLUMN_SPEEDUP].rstrip("×"))
    assert table.item(0, tp.COLUMN_RESULT).text() == "float32 original"
    assert [table.item(r, tp.COLUMN_RESULT).text() for r in range(1, 4)] == [
        "Dynamic", "Static", "QAT"]
    assert table.item(0, tp.COLUMN_LAYERS).text() == "0 of 13"
    # what each run used (issue 17: QAT trained 1 epoch here, 3 when run alone)
    assert [table.item(r, tp.COLUMN_SETTINGS).text() for r in range(4)] == [
        "—", "—", "calibration batches: 4", "epochs: 1"]
    assert table.item(3, tp.COLUMN_SETTINGS).toolTip() == "PyTorch eager (torch.ao), epochs: 1"
    # a latency tie (p10-p90 overlap) is said in the cell, as the report has it
    for row in range(4):
        ties = report["rows"][row]["latency_ties"]
        assert table.item(row, tp.COLUMN_MEDIAN).text().endswith("(tie)") == bool(ties)
    assert not table.isColumnHidden(tp.COLUMN_ACCURACY)  # the demo has labels
    # the stars are exactly the report's Pareto front, in the same rows
    starred = panel.pareto_labels()
    assert starred and sorted(starred) == sorted(report["pareto_front"])
    for row in range(4):
        item = table.item(row, tp.COLUMN_RESULT)
        on_front = item.data(Qt.ItemDataRole.UserRole) in report["pareto_front"]
        assert (table.item(row, tp.COLUMN_PARETO).text() == tp.PARETO_MARK) == on_front
        assert item.font().bold() == on_front
    # no column cut off: the table fits the tab's width without a horizontal scroll bar
    assert not table.horizontalScrollBar().isVisible()


@pytest.mark.slow
def test_compare_all_three_fills_the_tab_and_the_history(qtbot, window):
    panel = window.techniques_panel
    assert panel.stack.currentIndex() == 0  # the empty state says what to do
    assert "Compare all three (Ctrl+Shift+A)" in panel.placeholder.text()
    assert window.techniques_action.shortcut().toString() == "Ctrl+Shift+A"
    assert window.techniques_action.isEnabled() and window.techniques_button.isEnabled()
    assert "Compare &all three" in [a.text() for a in window.menuBar().actions()[1].menu()
                                    .actions()]
    _quick_settings(window)
    before = _history_count(window)
    labels: list[str] = []
    window.runner.events.connect(lambda _: labels.append(window.stage_label.text()))

    with qtbot.waitSignal(window.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        window.techniques_action.trigger()  # Run ▸ Compare all three
        assert window.runner.is_running()
        assert not window.quantize_button.isEnabled()  # settings locked as during a run
        assert not window.techniques_button.isEnabled() and not window.compare_button.isEnabled()
        assert not window.settings_panel.isEnabled()
        assert window.cancel_button.isEnabled()
        assert window.work_in_progress() == "Compare all three is running."
    assert blocker.args == ["compared"], window.log.lines()[-3:]

    report = window.techniques_report
    assert [row["label"] for row in report["rows"]] == LABELS, report["skipped"]
    assert report["quality_axis"] == "accuracy" and report["skipped"] == {}
    assert window.tabs.currentWidget() is panel and panel.stack.currentIndex() == 1
    _check_table(panel, report)
    assert panel.point_count() == 4  # one point per result, the original included
    front_x, _ = panel.front_line.getData()
    assert len(front_x) == len(report["pareto_front"])
    assert "Pareto front" in panel.headline.text() and "trade-off" in panel.pareto_note.text()
    assert not panel.skipped.isVisible()
    assert _history_count(window) == before + 3  # each technique is a run of its own
    # the settings typed for each technique were used: one QAT epoch, drawn live
    assert window.training.epochs == [1] and window.training.plotted_step_count() > 0
    assert any('"calibration_batches": 4' in line for line in window.log.lines())
    # progress named the technique under way (which ones a 200 ms drain catches varies)
    assert any(re.match(r"Technique [123]/3: (Dynamic|Static|QAT)", text)
               for text in labels), labels
    assert window.quantize_button.isEnabled() and window.settings_panel.isEnabled()
    assert window.settings_panel.method == "static"
    # the technique chosen on the left is the result shown (Comparison, Layers, Save)
    assert window.result is not None and window.result.recipe.method == "static"


def test_cancel_mid_way_keeps_the_previous_state(qtbot, window):
    assert run_to_end(qtbot, window, "dynamic") == "finished"
    previous = window.result
    _quick_settings(window)
    history = _history_count(window)
    pressed: list[str] = []

    def press_escape_once_static_runs(_events: list) -> None:
        # Dynamic is done (a result the cancel must throw away) and Static is under way
        if (not pressed and window.runner.is_running()
                and window.stage_label.text().startswith("Technique 2/3: Static")):
            pressed.append(window.stage_label.text())
            qtbot.keyClick(window, Qt.Key.Key_Escape)

    window.runner.events.connect(press_escape_once_static_runs)
    with qtbot.waitSignal(window.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(window.techniques_button, Qt.MouseButton.LeftButton)
        assert window.runner.is_running()
    window.runner.events.disconnect(press_escape_once_static_runs)
    assert pressed, window.log.lines()[-5:]
    assert blocker.args == ["cancelled"], window.log.lines()[-3:]
    assert not window.runner.is_running()
    for control in (window.quantize_button, window.compare_button, window.techniques_button,
                    window.techniques_action, window.settings_panel, window.model_combo):
        assert control.isEnabled(), control
    assert window.result is previous and window.comparison.stack.currentIndex() == 1
    assert window.techniques_panel.stack.currentIndex() == 0  # still the empty state
    assert window.techniques_report is None
    assert _history_count(window) == history
    assert window.error_dialog is None and window.work_in_progress() == ""
    # and the window goes on: the same comparison, Dynamic alone this time, runs to the end
    with qtbot.waitSignal(window.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        window.compare_all_three(techniques=["dynamic"])
    assert blocker.args == ["compared"]
    assert window.techniques_panel.table.rowCount() == 2
    assert window.techniques_panel.point_count() == 2


def test_a_technique_the_engine_lacks_is_listed_with_its_reason(qtbot, window):
    """On ONNX Runtime (no QAT) the other two run and QAT is named with the reason."""
    _quick_settings(window)
    window.settings_panel.set_values({"engine": "onnxruntime"})
    assert window.techniques_button.isEnabled(), window.recipe_error.text()
    with qtbot.waitSignal(window.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(window.techniques_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["compared"], window.log.lines()[-3:]
    report = window.techniques_report
    assert [row["label"] for row in report["rows"]] == ["float32", "dynamic", "static"]
    assert list(report["skipped"]) == ["qat"]
    panel = window.techniques_panel
    assert panel.table.rowCount() == 3 and panel.point_count() == 3
    assert panel.skipped.isVisible()
    assert "<b>QAT</b>" in panel.skipped.text() and "ONNX Runtime" in panel.skipped.text()
    assert "ONNX Runtime" in panel.setup.text()
    assert any("QAT was not run" in line for line in window.log.lines())


def _report_without_labels() -> dict:
    """Two results of a model whose data has no labels, as the core reports them."""
    latency = {"median": 2.0, "p90": 2.5}
    report = {
        "model": "m", "threads": 1, "batch_size": 8, "quality_axis": "sqnr_db",
        "pareto_front": ["float32", "static"], "skipped": {"qat": "The model has no labels."},
        "rows": [
            {"label": "float32", "technique": None, "engine": None, "size_bytes": 4000,
             "latency_ms": latency, "accuracy": None, "sqnr_db": None, "size_ratio": 1.0,
             "speedup": 1.0, "quantized_layers": 0, "layers": 3, "duration_s": None,
             "pareto": True},
            {"label": "static", "technique": "static", "engine": "torch_ao",
             "technique_title": "Static", "engine_title": "PyTorch eager (torch.ao)",
             "size_bytes": 1000, "latency_ms": {"median": 1.0, "p90": 1.2}, "accuracy": None,
             "sqnr_db": 31.5, "size_ratio": 0.25, "speedup": 2.0, "quantized_layers": 3,
             "layers": 3, "duration_s": 1.0, "pareto": True},
        ],
    }
    return report


def test_no_labels_puts_sqnr_on_the_quality_axis(qtbot):
    """A report without accuracy (data without labels): SQNR is the quality, the accuracy
    column is hidden rather than repeated, and the original (∞ dB) still gets its point."""
    from quantgui.ui import techniques_panel as tp

    report = _report_without_labels()
    panel = tp.TechniquesPanel()
    qtbot.addWidget(panel)
    panel.show_comparison(report)
    assert panel.table.isColumnHidden(tp.COLUMN_ACCURACY)
    assert panel.table.item(1, tp.COLUMN_SQNR).text() == "31.5"
    assert panel.pareto_labels() == ["float32", "static"]
    assert panel.point_count() == 2
    ys = {spot.data(): spot.pos().y() for spot in panel.scatter.points()}
    assert all(math.isfinite(y) for y in ys.values())
    assert ys["float32"] > ys["static"]  # the original's ∞ drawn above the rest
    assert "SQNR" in panel.plot.getAxis("left").labelText
    # sub-millisecond latencies read as 0.2 ms, not as "200 (x0.001)"
    assert not panel.plot.getAxis("bottom").autoSIPrefix
    assert panel.skipped.isVisibleTo(panel) and "no labels" in panel.skipped.text()


def test_every_text_of_the_tab_has_spanish():
    missing = []
    for message in ET.parse(TS).getroot().iter("message"):
        files = {Path(loc.get("filename", "")).name for loc in message.iter("location")}
        translation = message.find("translation")
        if "techniques_panel.py" in files and (translation.get("type") == "unfinished"
                                               or not (translation.text or "").strip()):
            missing.append(message.findtext("source"))
    assert "techniques_panel.py" in TS.read_text(encoding="utf-8")
    assert missing == []


def test_the_tab_speaks_spanish(qtbot, qapp):
    from quantgui.ui.i18n import install_translator
    from quantgui.ui.techniques_panel import COLUMN_RESULT, TechniquesPanel

    assert install_translator(qapp, "es") == "es"
    try:
        panel = TechniquesPanel()
        qtbot.addWidget(panel)
        assert "Comparar las tres (Ctrl+Mayús+A)" in panel.placeholder.text()
        panel.show_comparison(_report_without_labels())
        assert panel.table.horizontalHeaderItem(COLUMN_RESULT).text() == "Resultado"
        assert panel.table.item(0, COLUMN_RESULT).text() == "original float32"
        assert panel.table.item(1, COLUMN_RESULT).text() == "Estática"
        assert "Frente de Pareto" in panel.headline.text()
        assert "concordancia" in panel.pareto_note.text()
    finally:
        assert install_translator(qapp, "en") == "en"


def _report_with_a_tie() -> dict:
    """Static and QAT 0.05 ms apart inside each other's p10-p90 spread (issue 17), Dynamic
    slower than float, measured while other programs took 70 % of the CPU."""
    def row(label, title, median, p10, p90, speedup, pareto, settings, ties):
        return {"label": label, "technique": label, "engine": "torch_ao",
                "technique_title": title, "engine_title": "PyTorch eager (torch.ao)",
                "size_bytes": 1000, "latency_ms": {"median": median, "p10": p10, "p90": p90,
                                                   "other_cpu_percent": 70.0},
                "accuracy": 0.99, "sqnr_db": 30.0, "size_ratio": 0.25, "speedup": speedup,
                "quantized_layers": 3, "layers": 3, "duration_s": 1.0, "pareto": pareto,
                "settings": settings, "latency_ties": ties}

    return {
        "model": "m", "threads": 1, "batch_size": 8, "quality_axis": "accuracy",
        "pareto_front": ["static", "qat"], "skipped": {},
        "rows": [
            {"label": "float32", "technique": None, "engine": None, "size_bytes": 4000,
             "latency_ms": {"median": 0.80, "p10": 0.78, "p90": 0.83,
                            "other_cpu_percent": 70.0},
             "accuracy": 0.99, "sqnr_db": None, "size_ratio": 1.0, "speedup": 1.0,
             "quantized_layers": 0, "layers": 3, "duration_s": None, "pareto": False,
             "settings": None, "latency_ties": []},
            row("dynamic", "Dynamic", 1.152, 1.10, 1.20, 0.80 / 1.152, False,
                {"engine": "torch_ao"}, []),
            row("static", "Static", 0.50, 0.45, 0.62, 1.6, True,
                {"engine": "torch_ao", "calibration_batches": 32}, ["qat"]),
            row("qat", "QAT", 0.45, 0.41, 0.58, 0.80 / 0.45, True,
                {"engine": "torch_ao", "epochs": 1}, ["static"]),
        ],
    }


def test_ties_settings_slower_results_and_a_busy_machine_are_said(qtbot):
    from quantgui.ui import techniques_panel as tp

    panel = tp.TechniquesPanel()
    qtbot.addWidget(panel)
    panel.show_comparison(_report_with_a_tie())
    table = panel.table
    assert [table.item(r, tp.COLUMN_MEDIAN).text() for r in range(4)] == [
        "0.80 ms", "1.15 ms", "0.50 ms (tie)", "0.45 ms (tie)"]
    assert table.item(2, tp.COLUMN_P90).text() == "0.45–0.62 ms"
    assert "Same latency within p10–p90 as QAT" in table.item(2, tp.COLUMN_MEDIAN).toolTip()
    assert "Tie: Static and QAT have the same latency within p10–p90" in \
        panel.pareto_note.text()
    labels = " ".join(label.textItem.toHtml() for label in panel.point_labels)
    assert labels.count("latency tie (p10–p90)") == 2
    assert panel.spread_count() == 4  # every result's p10-p90 drawn through its marker
    # Dynamic is slower than float: said beside its speed-up, with why
    tip = table.item(1, tp.COLUMN_SPEEDUP).toolTip()
    assert tip.startswith("1.44x slower than float") and "Below ~1 ms per call" in tip
    assert [table.item(r, tp.COLUMN_SETTINGS).text() for r in range(4)] == [
        "—", "—", "calibration batches: 32", "epochs: 1"]
    assert "Measured while other programs used 70% of the CPU" in panel.setup.text()
