"""The Techniques tab: Compare all three. Dynamic, Static and QAT on the loaded model, side by
side with the float32 original in one table and one chart, with the Pareto front marked.

Filled from the GUI thread with ``TechniqueComparison.to_report()`` passed through
``json_safe`` (plain numbers and strings: an infinite SQNR arrives as None), so the panel itself
needs neither torch nor the core's types. ``window_recipes`` turns the window's settings into the
recipes the comparison runs.
"""

from __future__ import annotations

import html
import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quantgui.core.timing import is_slower, report_load_warning, slower_reason, speed_text
from quantgui.ui import theme
from quantgui.ui.comparison_panel import format_bytes, format_percent
from quantgui.ui.engines_panel import tr_engine
from quantgui.ui.i18n import tr_core
from quantgui.ui.retranslate import refilled_by_owner

PARETO_MARK = "★"
ORIGINAL_LABEL = "float32"  # the original's label in the core's report (ORIGINAL there)
# QAT's epochs when its settings were never opened in this session: one epoch of fine-tuning
# from a trained model already shows what QAT recovers, and keeps the whole comparison of the
# default demo within a classroom minute on two cores
DEMO_QAT_EPOCHS = 1
MARKER_MIN_PX, MARKER_MAX_PX = 12.0, 46.0  # marker diameter: its area follows the model's size

COLUMN_RESULT, COLUMN_SIZE, COLUMN_RATIO, COLUMN_MEDIAN, COLUMN_P90 = range(5)
COLUMN_SPEEDUP, COLUMN_ACCURACY, COLUMN_SQNR, COLUMN_LAYERS, COLUMN_PARETO = range(5, 10)
COLUMN_SETTINGS = 10


def tr_technique(title: str) -> str:
    """Technique titles come from the core's registry (the "technique" context)."""
    return QCoreApplication.translate("technique", title)


def window_recipes(current: Any, saved: dict[str, dict[str, Any]],
                   techniques: list[str] | None = None) -> dict[str, Any]:
    """The recipes Compare all three runs, label -> ``core.recipes.Recipe``.

    ``current``: the settings form's recipe (its technique's own settings, and the settings
    every technique shares: engine, backend, threads, batch size, layers kept in float).
    ``saved``: the values typed earlier for the other techniques (the form keeps them per
    technique); a technique never opened gets its defaults, and QAT ``DEMO_QAT_EPOCHS``.
    Raises ``RecipeError`` when saved values do not make a valid recipe.
    """
    import dataclasses

    from quantgui.core.compare_techniques import plan_recipes
    from quantgui.core.recipes import RECIPE_TYPES, Recipe

    shared = {f.name for f in dataclasses.fields(Recipe)}
    settings: dict[str, Any] = {}
    for method, values in saved.items():
        if method != current.method and method in RECIPE_TYPES:
            settings.update({name: value for name, value in values.items()
                             if name not in shared})
    if "qat" not in saved and current.method != "qat":
        settings["epochs"] = DEMO_QAT_EPOCHS
    settings.update({name: value for name, value in current.to_dict().items()
                     if name != "method"})
    return plan_recipes(techniques, **settings)


def _sqnr(value: float | None, original: bool) -> str:
    if original:
        return "—"  # the reference itself
    if value is None or math.isinf(value):
        return "∞"  # JSON has no infinity: None in a result's row means identical outputs
    return "—" if math.isnan(value) else f"{value:.1f}"


class TechniquesPanel(QWidget):
    """Empty state until a comparison is shown; then the table, the skipped techniques, the
    Pareto front in words, and the latency-quality chart. ``run_selected(label)``: the user
    selected a result's row (the window shows that run in Comparison, Layers and Outputs)."""

    run_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: dict[str, Any] | None = None
        self._shown = ""  # the label of the run the window shows, "" when none of these
        self.stack = QStackedWidget(self)
        self.placeholder = QLabel(self.tr(
            "How do the three techniques compare on this model?\n\n"
            "Run ▸ Compare all three (Ctrl+Shift+A) quantizes the loaded model with Dynamic, "
            "Static and QAT, using the settings on the left that they share (engine, threads, "
            "batch size, layers kept in float), times them together with the float32 original, "
            "and shows size, latency, accuracy and agreement side by side with the Pareto "
            "front: the best trade-offs. Each technique's run is added to the History."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAccessibleName(self.tr("Compare all three: how to start"))
        self.stack.addWidget(self.placeholder)

        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        self.headline = QLabel(content)
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.headline.setAccessibleName(self.tr("Pareto front"))
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setup = QLabel(content)
        self.setup.setWordWrap(True)
        self.setup.setAccessibleName(self.tr("How the techniques were measured"))
        layout.addWidget(self.headline)
        layout.addWidget(self.setup)

        self.headers = [
            (self.tr("Result"), ""),
            (self.tr("Size"), self.tr("Size of the saved model (state_dict).")),
            (self.tr("Size\nratio"), self.tr("Size against the float32 original: lower is "
                                             "smaller.")),
            (self.tr("Latency\nmedian"), self.tr("Median latency of one batch.")),
            (self.tr("p10–p90"), self.tr("The spread of the runs: 10th to 90th percentile "
                                         "latency of one batch. Results whose spreads overlap "
                                         "have the same latency (tie).")),
            (self.tr("Speed-up"), self.tr("Median latency of the original divided by this "
                                          "one's: above 1× is faster.")),
            (self.tr("Accuracy"), self.tr("Validation accuracy.")),
            (self.tr("Agreement\nSQNR (dB)"), self.tr("How close the outputs stay to the "
                                                      "original's: higher is closer, ∞ is "
                                                      "identical.")),
            (self.tr("int8\nlayers"), self.tr("Layers running in int8, of all layers.")),
            (self.tr("Pareto"), self.tr("★: on the Pareto front.")),
            (self.tr("Settings"), self.tr("What each run used: QAT's epochs, static "
                                          "quantization's calibration batches (QAT trains "
                                          "for 1 epoch here unless its settings were "
                                          "opened); the cell's tooltip adds the engine.")),
        ]
        self.table = QTableWidget(0, len(self.headers), content)
        for column, (text, tip) in enumerate(self.headers):
            item = QTableWidgetItem(text)
            item.setToolTip(tip)
            self.table.setHorizontalHeaderItem(column, item)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMN_RESULT, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Technique comparison table"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.installEventFilter(self)  # refitted to its rows when its width changes
        self.table.itemSelectionChanged.connect(self._on_selection)
        refilled_by_owner(self.table)  # written again from the report on a language switch
        # which run Comparison, Layers and Outputs show, and how to show another
        self.shown_note = QLabel(content)
        self.shown_note.setWordWrap(True)
        self.shown_note.setAccessibleName(self.tr("Run shown in Comparison, Layers and "
                                                  "Outputs"))
        self.table.setToolTip(self.tr("The original and every result are timed together in "
                                      "interleaved rounds, so their latencies can be "
                                      "compared."))

        self.pareto_note = QLabel(content)
        self.pareto_note.setWordWrap(True)
        self.pareto_note.setAccessibleName(self.tr("What the Pareto front is"))
        self.skipped = QLabel(content)
        self.skipped.setWordWrap(True)
        self.skipped.setTextFormat(Qt.TextFormat.RichText)
        self.skipped.setAccessibleName(self.tr("Techniques not run"))

        self.chart = pg.PlotWidget(content)
        self.chart.setAccessibleName(self.tr("Latency against accuracy chart"))
        self.chart.setToolTip(self.tr("One point per result: left is faster, up is more "
                                      "accurate, a bigger marker is a bigger model. The dashed "
                                      "line joins the Pareto front."))
        self.plot = self.chart.getPlotItem()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=True, alpha=0.12)
        self.plot.setLabel("bottom", self.tr("Median latency (ms), lower is faster"))
        for side in ("bottom", "left"):  # 0.2 ms, not "200 (x0.001)"
            self.plot.getAxis(side).enableAutoSIPrefix(False)
        self.front_line = pg.PlotDataItem(
            [], [], pen=pg.mkPen(theme.QUANTIZED, width=2, style=Qt.PenStyle.DashLine))
        self.plot.addItem(self.front_line)
        # each result's p10-p90 latency spread: where two overlap, their latencies tie
        self.spreads = pg.ErrorBarItem(beam=0.0, pen=pg.mkPen(theme.QUANTIZED, width=1))
        self.plot.addItem(self.spreads)
        self.scatter = pg.ScatterPlotItem(pxMode=True)
        self.plot.addItem(self.scatter)
        self.point_labels: list[pg.TextItem] = []
        # each label, the point it names and its marker's size (px): placed by _place_labels
        self._label_marks: list[tuple[pg.TextItem, tuple[float, float], float]] = []
        self.plot.getViewBox().sigResized.connect(self._place_labels)
        # the table as tall as its rows (see _fit_table), the chart takes the rest
        layout.addWidget(self.table)
        layout.addWidget(self.shown_note)
        layout.addWidget(self.pareto_note)
        layout.addWidget(self.skipped)
        layout.addWidget(self.chart, 1)
        self.stack.addWidget(content)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(self.stack)

    # --- state ----------------------------------------------------------------------------
    def clear(self) -> None:
        self.report = None
        self._shown = ""
        self.stack.setCurrentIndex(0)

    # --- a live switch of language or theme -------------------------------------------------
    def retranslate(self) -> None:
        """View > Language: the comparison written again from its report, in the new language
        (texts made from values are not taken apart again)."""
        self._show_again()

    def restyle(self) -> None:
        """View > Theme: the chart's labels and markers in the new palette."""
        self._show_again()

    def _show_again(self) -> None:
        if self.report is None:
            return
        shown, page = self._shown, self.stack.currentIndex()
        self.show_comparison(self.report)
        self.mark_shown(shown)
        self.stack.setCurrentIndex(page)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._fit_table()
        return super().eventFilter(watched, event)

    # --- the run shown in Comparison, Layers and Outputs ----------------------------------
    def shown_label(self) -> str:
        """The label of the result shown in Comparison, Layers and Outputs ("" if none)."""
        return self._shown

    def mark_shown(self, label: str) -> None:
        """The window shows the run ``label`` ("": a run not of this comparison): its row is
        selected and the note says so."""
        self._shown = label
        rows = [row for row in range(self.table.rowCount())
                if self.table.item(row, COLUMN_RESULT).data(Qt.ItemDataRole.UserRole) == label]
        self.table.blockSignals(True)
        if label and rows:
            self.table.selectRow(rows[0])
        else:
            self.table.clearSelection()
        self.table.blockSignals(False)
        self.table.viewport().update()
        if label:
            self.shown_note.setText(self.tr(
                "Comparison, Layers and Outputs show {title}; select another row to show "
                "that run there (and save it).").format(title=self.title_for(label)))
        else:
            self.shown_note.setText(self.tr(
                "Select a row to show that run in Comparison, Layers and Outputs (and save "
                "it)."))

    def _on_selection(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) != 1:
            return
        label = self.table.item(rows.pop(), COLUMN_RESULT).data(Qt.ItemDataRole.UserRole)
        if label and label != ORIGINAL_LABEL and label != self._shown:
            self.run_selected.emit(label)

    def pareto_labels(self) -> list[str]:
        """The report labels of the rows marked on the Pareto front."""
        return [self.table.item(row, COLUMN_RESULT).data(Qt.ItemDataRole.UserRole)
                for row in range(self.table.rowCount())
                if self.table.item(row, COLUMN_PARETO).text() == PARETO_MARK]

    def point_count(self) -> int:
        return len(self.scatter.points())

    # --- filling --------------------------------------------------------------------------
    def show_comparison(self, report: dict[str, Any]) -> None:
        """``report``: ``json_safe(TechniqueComparison.to_report())``."""
        self.report = report
        rows = report["rows"]
        accuracy = report["quality_axis"] == "accuracy"
        titles = {row["label"]: self._title(row) for row in rows}
        front = [titles.get(label, label) for label in report["pareto_front"]]
        if front:
            by_label = {row["label"]: row for row in rows}
            details = [self._in_short(by_label[label], titles[label], accuracy)
                       for label in report["pareto_front"]
                       if label in by_label and label != ORIGINAL_LABEL]
            self.headline.setText(
                f"<b>{PARETO_MARK} " + html.escape(self.tr("Pareto front: {results}").format(
                    results=", ".join(front))) + "</b>"
                + "".join(f"<br>{html.escape(detail)}" for detail in details))
        else:
            self.headline.setText("<b>" + self.tr("No technique ran.") + "</b>")
        first = next((row for row in rows if row["label"] != ORIGINAL_LABEL), None)
        engine = tr_engine(first["engine_title"]) if first else "—"
        setup = self.tr(
            "{model}: {threads} thread(s), batch {batch}, {engine}. The original and every "
            "result were timed together in interleaved rounds.").format(
            model=report["model"], threads=report["threads"], batch=report["batch_size"],
            engine=engine)
        warning = report_load_warning(report)  # the machine was busy meanwhile
        self.setup.setText(setup + ("\n" + tr_core("message", warning) if warning else ""))
        quality = self.tr("accuracy") if accuracy else self.tr("agreement (SQNR)")
        note = self.tr(
            "{mark} Pareto front: the results that no other result beats on latency, size and "
            "{quality} at once. Each one is a best trade-off; every result off the front is "
            "beaten on all three by one on it.").format(mark=PARETO_MARK, quality=quality)
        ties = self._ties(rows, titles)
        if ties:
            note += "\n" + self.tr("Tie: {results} have the same latency within p10–p90; "
                                   "neither counts as faster.").format(results=ties)
        self.pareto_note.setText(note)
        # without labels the quality is the agreement SQNR, already a column of its own
        self.table.setColumnHidden(COLUMN_ACCURACY, not accuracy)
        self.table.blockSignals(True)  # refilled: no row is "selected by the user"
        self._fill_table(rows, titles)
        self.table.blockSignals(False)
        self.mark_shown("")
        self._fill_skipped(report.get("skipped") or {})
        self._fill_chart(rows, titles, report["pareto_front"], accuracy)
        self.stack.setCurrentIndex(1)

    def _in_short(self, row: dict[str, Any], title: str, accuracy: bool) -> str:
        """'QAT: 0.29× the size, 3.60× the speed, accuracy 99.72%.'"""
        quality = (self.tr("accuracy {value}").format(value=format_percent(row["accuracy"]))
                   if accuracy else self.tr("agreement {value} dB").format(
                       value=_sqnr(row["sqnr_db"], False)))
        speed = tr_core("message", speed_text(row["latency_ms"]["median"] * row["speedup"],
                                              row["latency_ms"]["median"]))
        return self.tr("{title}: {size:.2f}× the size, {speed}, {quality}.").format(
            title=title, size=row["size_ratio"], speed=speed, quality=quality)

    def _ties(self, rows: list[dict[str, Any]], titles: dict[str, str]) -> str:
        """'Static and QAT; float32 original and Dynamic': the groups of rows whose latencies
        tie (within p10-p90), in words ("" when none)."""
        groups: list[list[str]] = []
        for row in rows:
            tied = [row["label"], *(row.get("latency_ties") or [])]
            if len(tied) > 1 and not any(set(tied) <= set(group) for group in groups):
                groups.append([label for label in titles if label in tied])
        and_word = self.tr("and")
        return "; ".join(f" {and_word} ".join(titles[label] for label in group)
                         for group in groups)

    def _title(self, row: dict[str, Any]) -> str:
        if row["label"] == ORIGINAL_LABEL:
            return self.tr("float32 original")
        title = tr_technique(row.get("technique_title") or row["label"])
        if "·" in row["label"]:  # one technique on several engines
            title += " · " + tr_engine(row.get("engine_title") or row["engine"])
        return title

    def _fill_table(self, rows: list[dict[str, Any]], titles: dict[str, str]) -> None:
        self.table.setRowCount(len(rows))
        highlight = QColor(theme.QUANTIZED)
        highlight.setAlpha(50)
        for index, row in enumerate(rows):
            original = row["label"] == ORIGINAL_LABEL
            latency = row["latency_ms"]
            values = (
                titles[row["label"]],
                format_bytes(row["size_bytes"]),
                f"{row['size_ratio']:.2f}×",
                (self.tr("{ms:.2f} ms (tie)") if row.get("latency_ties")
                 else self.tr("{ms:.2f} ms")).format(ms=latency["median"]),
                self.tr("{low:.2f}–{high:.2f} ms").format(
                    low=latency["p10"] if latency.get("p10") is not None else latency["p90"],
                    high=latency["p90"]),
                f"{row['speedup']:.2f}×",
                format_percent(row["accuracy"]),
                _sqnr(row["sqnr_db"], original),
                self.tr("{count} of {total}").format(count=row["quantized_layers"],
                                                     total=row["layers"]),
                PARETO_MARK if row["pareto"] else "",
                self._settings_text(row.get("settings")),
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column == COLUMN_PARETO:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                elif column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if row["pareto"]:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                    item.setBackground(highlight)
                self.table.setItem(index, column, item)
            if row.get("latency_ties"):
                self.table.item(index, COLUMN_MEDIAN).setToolTip(self.tr(
                    "Same latency within p10–p90 as {results}: a tie for the Pareto "
                    "front.").format(results=", ".join(titles.get(label, label)
                                                       for label in row["latency_ties"])))
            if not original:
                o_ms = latency["median"] * row["speedup"]
                speed = tr_core("message", speed_text(o_ms, latency["median"]))
                if is_slower(o_ms, latency["median"]):
                    speed += "\n" + tr_core("message", slower_reason(o_ms))
                self.table.item(index, COLUMN_SPEEDUP).setToolTip(speed)
            if row.get("settings"):
                self.table.item(index, COLUMN_SETTINGS).setToolTip(
                    self._settings_text(row["settings"], with_engine=True))
            first = self.table.item(index, COLUMN_RESULT)
            first.setData(Qt.ItemDataRole.UserRole, row["label"])
            if row.get("duration_s") is not None:
                first.setToolTip(self.tr("Quantized in {seconds:.1f} s.").format(
                    seconds=row["duration_s"]))
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        self._fit_table()

    def _fill_spreads(self, rows: list[dict[str, Any]],
                      positions: dict[str, tuple[float, float]]) -> None:
        """A horizontal bar from p10 to p90 through each marker."""
        xs, ys, left, right = [], [], [], []
        for row in rows:
            latency = row["latency_ms"]
            x, y = positions[row["label"]]
            low = latency["p10"] if latency.get("p10") is not None else x
            xs.append(x)
            ys.append(y)
            left.append(max(0.0, x - float(low)))
            right.append(max(0.0, float(latency["p90"]) - x))
        self.spreads.setData(x=np.array(xs), y=np.array(ys), left=np.array(left),
                             right=np.array(right))

    def spread_count(self) -> int:
        """How many p10-p90 bars the chart draws."""
        x = self.spreads.opts.get("x")
        return 0 if x is None else len(x)

    def _settings_text(self, settings: dict[str, Any] | None,
                       with_engine: bool = False) -> str:
        """What a run used: 'epochs: 1', 'calibration batches: 32' ('—' for none), and its
        engine first when ``with_engine`` ('PyTorch eager (torch.ao), epochs: 1')."""
        if not settings:
            return "—"
        parts = []
        if with_engine:
            from quantgui.core.engines import get_engine

            try:
                parts.append(tr_engine(get_engine(str(settings.get("engine"))).title))
            except Exception:  # noqa: BLE001 - an engine unregistered since: its name will do
                parts.append(str(settings.get("engine", "")))
        if "epochs" in settings:
            parts.append(self.tr("epochs: {count}").format(count=settings["epochs"]))
        if "calibration_batches" in settings:
            parts.append(self.tr("calibration batches: {count}").format(
                count=settings["calibration_batches"]))
        return ", ".join(part for part in parts if part) or "—"

    def _fit_table(self) -> None:
        """Four rows: no empty space below them, and the rest for the chart."""
        rows = min(self.table.rowCount(), 8)
        height = (self.table.horizontalHeader().sizeHint().height()
                  + sum(self.table.rowHeight(r) for r in range(rows))
                  + 2 * self.table.frameWidth() + 2)
        # a narrow window scrolls the columns: the scroll bar must not hide the last row
        frame = 2 * self.table.frameWidth()
        scrolls = (self.table.horizontalHeader().length()
                   > self.table.width() - frame - self.table.verticalScrollBar().width()
                   * self.table.verticalScrollBar().isVisible())
        if self.table.rowCount() > rows or scrolls:
            height += self.table.horizontalScrollBar().sizeHint().height()
        if height != self.table.height():
            self.table.setFixedHeight(height)

    def _fill_skipped(self, skipped: dict[str, str]) -> None:
        if not skipped:
            self.skipped.hide()
            return
        lines = [f"<b>{html.escape(self.title_for(label))}</b>: {html.escape(reason)}"
                 for label, reason in skipped.items()]
        self.skipped.setText(self.tr("Not run here:") + "<br>" + "<br>".join(lines))
        self.skipped.show()

    def title_for(self, label: str) -> str:
        """A report label in words: 'float32' -> 'float32 original', 'qat' -> 'QAT',
        'qat · onnxruntime' -> 'QAT · ONNX Runtime' (the label itself if unknown)."""
        from quantgui.core.engines import get_engine
        from quantgui.core.techniques import get_technique

        if label == ORIGINAL_LABEL:
            return self.tr("float32 original")
        parts = label.split(" · ")
        try:
            title = tr_technique(get_technique(parts[0]).title)
            if len(parts) > 1:
                title += " · " + tr_engine(get_engine(parts[1]).title)
        except Exception:  # noqa: BLE001 - one unregistered since: its label will do
            return label
        return title

    def _fill_chart(self, rows: list[dict[str, Any]], titles: dict[str, str],
                    front: list[str], accuracy: bool) -> None:
        for label in self.point_labels:
            self.plot.removeItem(label)
        self.point_labels = []
        self._label_marks = []
        self.plot.setLabel("left", self.tr("Accuracy (%), higher is better") if accuracy
                           else self.tr("Agreement SQNR (dB), higher is closer"))
        self.plot.setTitle(self.tr("Latency against accuracy; marker area: model size")
                           if accuracy else
                           self.tr("Latency against agreement; marker area: model size"))

        def quality(row: dict[str, Any]) -> float | None:
            if accuracy:
                return None if row["accuracy"] is None else 100.0 * row["accuracy"]
            return None if row["label"] == ORIGINAL_LABEL else row["sqnr_db"]

        finite = [q for q in (quality(row) for row in rows)
                  if q is not None and math.isfinite(q)]
        low, high = (min(finite), max(finite)) if finite else (0.0, 1.0)
        span = max(high - low, 0.5 if accuracy else 2.0)
        top = high + 0.35 * span  # the original's ∞ SQNR, and an identical result's, go here
        largest = max(row["size_bytes"] for row in rows) or 1
        spots, positions, sizes = [], {}, {}
        for row in rows:
            value = quality(row)
            y = top if value is None or not math.isfinite(value) else value
            x = float(row["latency_ms"]["median"])
            positions[row["label"]] = (x, y)
            original = row["label"] == ORIGINAL_LABEL
            colour = theme.ORIGINAL if original else theme.QUANTIZED
            fill = QColor(colour)
            fill.setAlpha(70 if original else 170)
            size = MARKER_MIN_PX + (MARKER_MAX_PX - MARKER_MIN_PX) * math.sqrt(
                row["size_bytes"] / largest)
            sizes[row["label"]] = size
            pen = (pg.mkPen(self.palette().text().color(), width=2) if row["pareto"]
                   else pg.mkPen(colour, width=3 if original else 1))
            spots.append({"pos": (x, y), "size": size, "brush": fill, "data": row["label"],
                          "symbol": "star" if row["pareto"] else "o", "pen": pen})
        # the original last, as a ring on top: a result that measures the same as the original
        # (Dynamic on a CNN) must not hide it
        spots.sort(key=lambda spot: spot["data"] == ORIGINAL_LABEL)
        self.scatter.setData(spots)
        ordered = sorted((positions[label] for label in front if label in positions),
                         key=lambda p: p[0])
        self.front_line.setData([p[0] for p in ordered], [p[1] for p in ordered])
        self._fill_spreads(rows, positions)

        xs = [p[0] for p in positions.values()]
        right = max(xs) * 1.35 if xs else 1.0
        bottom, ceiling = low - 0.45 * span, top + 0.3 * span
        for row in rows:
            x, y = positions[row["label"]]
            value = quality(row)
            shown = ("∞" if value is None or not math.isfinite(value)
                     else f"{value:.2f}%" if accuracy else f"{value:.1f} dB")
            lines = (html.escape(titles[row["label"]]) + "<br>"
                     + html.escape(f"{format_bytes(row['size_bytes'])} · {shown}"))
            if row.get("latency_ties"):
                lines += "<br>" + html.escape(self.tr("latency tie (p10–p90)"))
            if row["pareto"]:
                lines = f"<b>{lines}</b>"
            # where it goes is worked out in pixels, once the chart is laid out (_place_labels)
            label = pg.TextItem(html=f"<div>{lines}</div>", anchor=(0.0, 0.0))
            label.setColor(self.palette().text().color())  # html alone would be black
            label.setPos(x, y)
            self.plot.addItem(label)
            self.point_labels.append(label)
            self._label_marks.append((label, (x, y), sizes[row["label"]]))
        self.plot.setXRange(0, right, padding=0)
        self.plot.setYRange(bottom, ceiling, padding=0)
        self._place_labels()

    def _place_labels(self, *_: Any) -> None:
        """Each point's label beside its marker, inside the chart and clear of the other
        labels and markers: on the right, the left, above, below or at a corner, the first of
        these that fits (else the one that overlaps least). Worked out in pixels, again at
        every resize (the same data is more crowded in a smaller chart)."""
        box = self.plot.getViewBox()
        width, height = box.width(), box.height()
        (x0, x1), (y0, y1) = box.viewRange()
        if width <= 1 or height <= 1 or x1 <= x0 or y1 <= y0 or not self._label_marks:
            return

        def pixels(x: float, y: float) -> tuple[float, float]:
            return (x - x0) / (x1 - x0) * width, (y1 - y) / (y1 - y0) * height

        def area(rect: QRectF) -> float:
            return max(rect.width(), 0.0) * max(rect.height(), 0.0)

        inside = QRectF(0, 0, width, height)
        markers = []
        for _label, (x, y), size in self._label_marks:
            px, py = pixels(x, y)
            markers.append(QRectF(px - size / 2, py - size / 2, size, size))
        placed: list[QRectF] = []
        for index, (label, (x, y), size) in enumerate(self._label_marks):
            bounds = label.boundingRect()
            w, h = bounds.width(), bounds.height()
            px, py = pixels(x, y)
            gap, corner = size / 2 + 4, size / 2 * 0.7 + 3
            spots = [(px + gap, py - h / 2), (px - gap - w, py - h / 2),  # right, left
                     (px - w / 2, py - gap - h), (px - w / 2, py + gap),  # above, below
                     (px + corner, py - corner - h), (px + corner, py + corner),
                     (px - corner - w, py - corner - h), (px - corner - w, py + corner)]
            others = placed + [m for i, m in enumerate(markers) if i != index]

            def cost(spot: tuple[float, float], w: float = w, h: float = h,
                     others: list[QRectF] = others) -> float:
                rect = QRectF(spot[0], spot[1], w, h)
                outside = w * h - area(rect & inside)
                return 10 * outside + sum(area(rect & other) for other in others)

            left, top = min(spots, key=cost)  # the first of the least: the order is the taste
            placed.append(QRectF(left, top, w, h))
            label.setPos(x0 + left / width * (x1 - x0), y1 - top / height * (y1 - y0))
