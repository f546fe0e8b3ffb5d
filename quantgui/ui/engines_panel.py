"""The Engines tab: one technique on every engine, side by side, with the recommended one marked.

Filled from the GUI thread with ``EngineComparison.to_report()`` (plain numbers and strings), so
this module needs neither torch nor the core's types.
"""

from __future__ import annotations

import math
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
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

from quantgui.ui import theme
from quantgui.ui.comparison_panel import format_bytes, format_percent
from quantgui.ui.i18n import tr_core

RECOMMENDED_MARK = "★"


def tr_engine(title: str) -> str:
    """Engine titles come from the core's registry; translated like the settings' labels."""
    return QCoreApplication.translate("recipe", title)


def _speedup(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


def _sqnr(value: float | None) -> str:
    if value is None or (isinstance(value, float) and math.isinf(value)):
        return "∞"  # JSON has no infinity: None in a report means identical outputs
    return "—" if math.isnan(value) else f"{value:.1f}"


class EnginesPanel(QWidget):
    """Empty state until a comparison is shown; then the table, the skipped engines, a chart.
    ``run_selected(engine)``: the user selected an engine's row (the window shows that run in
    Comparison, Layers and Outputs)."""

    run_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: dict[str, Any] | None = None
        self._shown = ""  # the engine of the run the window shows, "" when none of these
        self.stack = QStackedWidget(self)
        self.placeholder = QLabel(self.tr(
            "Which engine runs your model fastest?\n\n"
            "Run ▸ Compare engines (Ctrl+Shift+R) quantizes the model with the technique and "
            "settings on the left on every engine available here (PyTorch eager, compiled, "
            "ONNX Runtime, …), times them together, and recommends the fastest one that keeps "
            "agreement with the original. Each engine's run is added to the History."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAccessibleName(self.tr("Engines: how to start"))
        self.stack.addWidget(self.placeholder)

        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        self.recommendation = QLabel(content)
        self.recommendation.setWordWrap(True)
        self.recommendation.setTextFormat(Qt.TextFormat.RichText)
        self.recommendation.setAccessibleName(self.tr("Recommended engine"))
        self.recommendation.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setup = QLabel(content)
        self.setup.setWordWrap(True)
        self.setup.setAccessibleName(self.tr("How the engines were measured"))
        layout.addWidget(self.recommendation)
        layout.addWidget(self.setup)

        self.headers = [
            (self.tr("Engine"), ""),
            (self.tr("int8\nmedian"), self.tr("Median latency of the quantized model.")),
            (self.tr("p90"), self.tr("90th percentile latency of the quantized model.")),
            (self.tr("Threads,\nbatch"), self.tr("Threads and batch size of the timing.")),
            (self.tr("vs eager\nfloat32"), self.tr("Speed-up over the float32 original in "
                                                   "eager PyTorch.")),
            (self.tr("vs own\nfloat32"), self.tr("Speed-up over the same engine running the "
                                                 "float32 model (its compiler or runtime "
                                                 "alone).")),
            (self.tr("Prepare\n(s)"), self.tr("Preparation and compile time, apart from "
                                              "latency.")),
            (self.tr("Size"), self.tr("Size of the quantized model.")),
            (self.tr("Accuracy"), self.tr("Validation accuracy of the quantized model.")),
            (self.tr("SQNR\n(dB)"), self.tr("Agreement with the original's outputs: higher "
                                            "is closer.")),
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
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Engine comparison table"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.installEventFilter(self)  # refitted to its rows when its width changes
        self.table.itemSelectionChanged.connect(self._on_selection)
        # which run Comparison, Layers and Outputs show, and how to show another
        self.shown_note = QLabel(content)
        self.shown_note.setWordWrap(True)
        self.shown_note.setAccessibleName(self.tr("Run shown in Comparison, Layers and "
                                                  "Outputs"))
        self.table.setToolTip(self.tr("All engines are timed together in interleaved rounds, "
                                      "so their speed-ups can be compared."))

        self.skipped = QLabel(content)
        self.skipped.setWordWrap(True)
        self.skipped.setTextFormat(Qt.TextFormat.RichText)
        self.skipped.setAccessibleName(self.tr("Engines not run"))
        self.chart = pg.PlotWidget(content)
        self.chart.setAccessibleName(self.tr("Speed-up per engine bar chart"))
        self.chart.setToolTip(self.tr("Speed-up over float32 eager PyTorch; the line marks 1× "
                                      "(no faster). The recommended engine is orange."))
        self.plot = self.chart.getPlotItem()
        self.plot.setTitle(self.tr("Speed-up over float32 eager PyTorch"))
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, alpha=0.12)
        # horizontal bars: the engines' long titles read on the left axis without overlapping
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.6)
        self.plot.addItem(self.bars)
        self.reference = pg.InfiniteLine(pos=1.0, angle=90, movable=False,
                                         pen=pg.mkPen(theme.muted_color(), width=1,
                                                      style=Qt.PenStyle.DashLine))
        self.plot.addItem(self.reference)
        self.value_labels: list[pg.TextItem] = []
        # the table as tall as its rows (see _fit_table), the chart takes the rest
        layout.addWidget(self.table)
        layout.addWidget(self.shown_note)
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._fit_table()
        return super().eventFilter(watched, event)

    # --- the run shown in Comparison, Layers and Outputs ----------------------------------
    def shown_engine(self) -> str:
        """The engine of the run shown in Comparison, Layers and Outputs ("" if none)."""
        return self._shown

    def _row_engine(self, row: int) -> str:
        return (self.report or {}).get("engines", [])[row]["engine"]

    def mark_shown(self, engine: str) -> None:
        """The window shows ``engine``'s run ("": a run not of this comparison): its row is
        selected and the note says so."""
        self._shown = engine
        rows = [row for row in range(self.table.rowCount()) if self._row_engine(row) == engine]
        self.table.blockSignals(True)
        if engine and rows:
            self.table.selectRow(rows[0])
        else:
            self.table.clearSelection()
        self.table.blockSignals(False)
        self.table.viewport().update()
        if engine and rows:
            self.shown_note.setText(self.tr(
                "Comparison, Layers and Outputs show {engine}; select another row to show "
                "that run there (and save it).").format(
                engine=self.table.item(rows[0], 0).text().lstrip(RECOMMENDED_MARK + " ")))
        else:
            self.shown_note.setText(self.tr(
                "Select a row to show that run in Comparison, Layers and Outputs (and save "
                "it)."))

    def _on_selection(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) != 1 or self.report is None:
            return
        engine = self._row_engine(rows.pop())
        if engine != self._shown:
            self.run_selected.emit(engine)

    def bar_count(self) -> int:
        heights = self.bars.opts.get("width")
        return 0 if heights is None else len(heights)

    def recommended_rows(self) -> list[int]:
        return [row for row in range(self.table.rowCount())
                if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)]

    # --- filling --------------------------------------------------------------------------
    def show_comparison(self, report: dict[str, Any], method_title: str) -> None:
        """``report``: ``EngineComparison.to_report()``."""
        self.report = report
        rows = report["engines"]
        recommended = next((r for r in rows if r["recommended"]), None)
        if recommended is not None:
            self.recommendation.setText(
                f"<b>{RECOMMENDED_MARK} " + self.tr("Recommended: {engine}").format(
                    engine=tr_engine(recommended["engine_title"])) + "</b><br>"
                + tr_core("message", report["recommendation"]))
        else:
            self.recommendation.setText(f"<b>{tr_core('message', report['recommendation'])}</b>")
        original = report.get("original")
        if original:
            latency = original["latency_ms"]
            self.setup.setText(self.tr(
                "{model}, {method}: {threads} thread(s), batch {batch}. float32 eager PyTorch: "
                "{median:.3f} ms (p90 {p90:.3f}). Timed together in interleaved rounds; "
                "preparation and compile time are apart.").format(
                model=report["model"], method=method_title, threads=report["threads"],
                batch=report["batch_size"], median=latency["median"], p90=latency["p90"]))
        else:
            self.setup.setText(self.tr("{model}, {method}: no engine ran.").format(
                model=report["model"], method=method_title))
        self.table.blockSignals(True)  # refilled: no row is "selected by the user"
        self._fill_table(rows)
        self.table.blockSignals(False)
        self.mark_shown("")
        self._fill_skipped(report.get("skipped") or {})
        self._fill_chart(rows)
        self.stack.setCurrentIndex(1)

    def _fill_table(self, rows: list[dict[str, Any]]) -> None:
        self.table.setRowCount(len(rows))
        highlight = QColor(theme.QUANTIZED)
        highlight.setAlpha(60)
        for index, row in enumerate(rows):
            latency = row["latency_ms"]
            prepare = row.get("prepare_seconds") or {}
            title = tr_engine(row["engine_title"])
            values = (
                (f"{RECOMMENDED_MARK} " if row["recommended"] else "") + title,
                self.tr("{ms:.3f} ms").format(ms=latency["median"]),
                self.tr("{ms:.3f} ms").format(ms=latency["p90"]),
                self.tr("{threads}, {batch}").format(threads=latency["threads"],
                                                    batch=latency["batch_size"]),
                _speedup(row["speedup_vs_eager_float32"]),
                _speedup(row["speedup_vs_engine_float32"]),
                f"{sum(prepare.values()):.1f}" if prepare else "—",
                format_bytes(row["size_bytes"]),
                format_percent(row["accuracy"]),
                _sqnr(row["sqnr_db"]),
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if row["recommended"]:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                    item.setBackground(highlight)
                self.table.setItem(index, column, item)
            first = self.table.item(index, 0)
            first.setData(Qt.ItemDataRole.UserRole, bool(row["recommended"]))
            first.setToolTip(row["engine"] if not prepare else title + "\n" + ", ".join(
                f"{stage} {seconds:.1f} s" for stage, seconds in prepare.items()))
        self.table.resizeRowsToContents()
        self._fit_table()

    def _fit_table(self) -> None:
        """A handful of engines: no empty rows below them, and room for the chart. Past eight
        rows the table scrolls."""
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
        from quantgui.core.engines import get_engine

        if not skipped:
            self.skipped.hide()
            return
        lines = []
        for name, reason in skipped.items():
            try:
                title = tr_engine(get_engine(name).title)
            except Exception:  # noqa: BLE001 - an engine unregistered since: its name will do
                title = name
            reason = tr_core("message", reason)
            lines.append(f"<b>{title.replace('<', '&lt;')}</b>: {reason.replace('<', '&lt;')}")
        self.skipped.setText(self.tr("Not run here:") + "<br>" + "<br>".join(lines))
        self.skipped.show()

    def _fill_chart(self, rows: list[dict[str, Any]]) -> None:
        for label in self.value_labels:
            self.plot.removeItem(label)
        self.value_labels = []
        # the first engine at the top, as in the table
        positions = [len(rows) - 1 - i for i in range(len(rows))]
        speedups = [float(r["speedup_vs_eager_float32"]) for r in rows]
        brushes = [theme.QUANTIZED if r["recommended"] else theme.ORIGINAL for r in rows]
        self.bars.setOpts(x0=[0.0] * len(rows), y=positions, width=speedups, height=0.6,
                          brushes=brushes)
        ticks = [(position, tr_engine(r["engine_title"]))
                 for position, r in zip(positions, rows, strict=True)]
        self.plot.getAxis("left").setTicks([ticks])
        for position, speedup in zip(positions, speedups, strict=True):
            label = pg.TextItem(f"{speedup:.2f}×", anchor=(0, 0.5),
                                color=self.palette().text().color())
            label.setPos(speedup, position)
            self.plot.addItem(label)
            self.value_labels.append(label)
        top = max(speedups + [1.0])
        self.plot.setXRange(0, top * 1.18, padding=0)
        self.plot.setYRange(-0.6, max(len(rows), 1) - 0.4, padding=0)
