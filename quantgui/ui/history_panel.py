"""The History tab: every finished run, kept in a file that survives restarts
(``quantgui.core.history``), in a table; delete runs, compare two side by side, and see the
current model's runs as accuracy (or SQNR, without labels) against size and against latency, with
the Pareto front — the runs nothing else beats on both — joined by a line.

The history file is read on first use (after the first model has loaded: reading it imports the
core, and with it torch).
"""

from __future__ import annotations

import contextlib
import time
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quantgui.core.techniques import techniques
from quantgui.ui import theme
from quantgui.ui.comparison_panel import format_bytes, size_unit
from quantgui.ui.retranslate import refilled_by_owner
from quantgui.ui.wording import plural

ID_ROLE = Qt.ItemDataRole.UserRole


def _spot_tip(x: float, y: float, data: Any) -> str:
    # A function, not a bound method: the scatter item must not hold the panel (a reference
    # cycle would leave both to the garbage collector, which may run in a worker thread).
    return data[1] if isinstance(data, tuple) else ""


# shown elsewhere in the table (technique, backend, threads, batch size) or on its own
_NOT_IN_SETTINGS = {"method", "backend", "threads", "batch_size", "keep_float"}


def _value_words(name: str, value: Any, meta: dict[str, Any]) -> str:
    translate = QCoreApplication.translate
    if name == "engine":
        from quantgui.core.engines import get_engine

        try:
            return translate("recipe", get_engine(str(value)).title)
        except Exception:  # noqa: BLE001 - an engine of a plug-in no longer installed
            return str(value)
    if isinstance(value, bool):
        return translate("HistoryPanel", "yes") if value else translate("HistoryPanel", "no")
    if isinstance(value, (list, tuple)):
        return "/".join(_value_words(name, item, meta) for item in value)
    if isinstance(value, str) and value in (meta.get("choices") or ()):
        return translate("recipe", value)
    return str(value)


def settings_words(recipe: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) of each setting of ``recipe`` (a recipe's dict) that the History shows,
    in the window's language: the settings' labels and their choices' titles from the core's
    registry (context "recipe"); a setting this version does not know keeps its name."""
    import dataclasses

    from quantgui.core.recipes import RECIPE_TYPES, Recipe

    recipe_type = RECIPE_TYPES.get(str(recipe.get("method")), Recipe)
    metadata = {f.name: f.metadata for f in dataclasses.fields(recipe_type)}
    words = []
    for name, value in recipe.items():
        if name in _NOT_IN_SETTINGS or value in (None, [], ()):
            continue
        meta = metadata.get(name, {})
        label = meta.get("label")
        words.append((QCoreApplication.translate("recipe", label) if label else name,
                      _value_words(name, value, meta)))
    return words


class _RunTable(QTableWidget):
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selectedItems():
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class HistoryPanel(QWidget):
    """``warning(str)``: the history file could not be read (it was set aside)."""

    warning = Signal(str)
    changed = Signal()
    apply_requested = Signal(object)  # a HistoryEntry whose settings are to be used again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history: Any = None  # quantgui.core.history.History, read on first use
        self.model_name = ""
        self.compared: list[str] = []
        self.method_titles = {t.name: QCoreApplication.translate("technique", t.title)
                              for t in techniques()}
        self._build()
        self._update_buttons()

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.columns = [self.tr("Time"), self.tr("Model"), self.tr("Technique"),
                        self.tr("Settings"), self.tr("Size"), self.tr("Latency"),
                        self.tr("Accuracy / SQNR")]
        runs_box = QWidget(self)
        runs_layout = QVBoxLayout(runs_box)
        runs_layout.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel(self.tr("Every finished run is kept here, also after QuantGUI "
                                   "restarts. Select two runs and press Compare."), runs_box)
        self.hint.setWordWrap(True)
        self.table = _RunTable(0, len(self.columns), runs_box)
        self.table.setHorizontalHeaderLabels(self.columns)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(self.tr("Run history"))
        self.table.setToolTip(self.tr("Every finished run. Delete removes the selected runs; "
                                      "select two to compare them."))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        refilled_by_owner(self.table)  # written again from the runs on a language switch
        self.table.delete_pressed.connect(self.delete_selected)
        self.table.itemDoubleClicked.connect(lambda _: self.compare_selected())

        buttons = QHBoxLayout()
        self.delete_button = QPushButton(self.tr("Delete"), runs_box)
        self.delete_button.setToolTip(self.tr("Remove the selected runs from the history "
                                              "(Delete)."))
        self.delete_button.setAccessibleName(self.tr("Delete the selected runs"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.compare_button = QPushButton(self.tr("Compare"), runs_box)
        self.compare_button.setToolTip(self.tr("Show the two selected runs side by side."))
        self.compare_button.setAccessibleName(self.tr("Compare the two selected runs"))
        self.compare_button.clicked.connect(self.compare_selected)
        # the selected run's technique and settings back in the form (its context menu too)
        self.apply_action = QAction(self.tr("Apply these settings"), self)
        self.apply_action.setToolTip(self.tr("Select the run's technique and fill in its "
                                             "settings, to run it again or change it."))
        self.apply_action.triggered.connect(self.apply_selected)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addAction(self.apply_action)
        self.apply_button = QPushButton(self.tr("Apply settings"), runs_box)
        self.apply_button.setToolTip(self.apply_action.toolTip())
        self.apply_button.setAccessibleName(self.tr("Apply the selected run's settings"))
        self.apply_button.clicked.connect(self.apply_action.trigger)
        self.count_label = QLabel(runs_box)
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.compare_button)
        buttons.addWidget(self.delete_button)
        runs_layout.addWidget(self.hint)
        runs_layout.addWidget(self.table, 1)
        runs_layout.addLayout(buttons)

        self.compare_box = QGroupBox(self.tr("Two runs side by side"), self)
        compare_layout = QVBoxLayout(self.compare_box)
        self.compare_table = QTableWidget(0, 2, self.compare_box)
        self.compare_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare_table.setAccessibleName(self.tr("Run comparison"))
        refilled_by_owner(self.compare_table)
        self.compare_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.compare_table.verticalHeader().setDefaultSectionSize(
            self.compare_table.fontMetrics().height() + 6)
        close = QPushButton(self.tr("Close"), self.compare_box)
        close.setAccessibleName(self.tr("Close the comparison"))
        close.clicked.connect(self.compare_box.hide)
        compare_layout.addWidget(self.compare_table)
        compare_layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.compare_box.hide()

        self.graphics = pg.GraphicsLayoutWidget(self)
        self.graphics.setAccessibleName(self.tr("Trade-off charts"))
        self.graphics.setToolTip(self.tr("The current model's runs: quality against size and "
                                         "against latency. The line joins the best trade-offs "
                                         "(the Pareto front); click a point to select its run."))
        self.size_plot = self.graphics.addPlot(row=0, col=0)
        self.latency_plot = self.graphics.addPlot(row=0, col=1)
        front_pen = pg.mkPen(theme.QUANTIZED, width=2)
        self.scatters: dict[str, pg.ScatterPlotItem] = {}
        self.fronts: dict[str, pg.PlotDataItem] = {}
        for cost, plot in (("size", self.size_plot), ("latency", self.latency_plot)):
            plot.showGrid(x=True, y=True, alpha=0.2)
            front = plot.plot(pen=front_pen, symbol="o", symbolSize=13,
                              symbolBrush=theme.QUANTIZED, symbolPen=pg.mkPen("w", width=1))
            scatter = pg.ScatterPlotItem(size=9, brush=pg.mkBrush(theme.ORIGINAL),
                                         pen=pg.mkPen(None), hoverable=True, tip=_spot_tip)
            scatter.sigClicked.connect(self._on_point_clicked)
            plot.addItem(scatter)
            front.setZValue(scatter.zValue() + 1)  # the front's points over the others
            plot.getAxis("bottom").enableAutoSIPrefix(False)
            plot.getAxis("left").enableAutoSIPrefix(False)
            self.scatters[cost], self.fronts[cost] = scatter, front
        self.size_scatter, self.latency_scatter = self.scatters["size"], self.scatters["latency"]
        self.size_front, self.latency_front = self.fronts["size"], self.fronts["latency"]
        self.chart_label = QLabel(self)
        self.chart_label.setWordWrap(True)

        charts = QWidget(self)
        charts_layout = QVBoxLayout(charts)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        charts_layout.addWidget(self.chart_label)
        charts_layout.addWidget(self.graphics, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(runs_box)
        self.splitter.addWidget(self.compare_box)
        self.splitter.addWidget(charts)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([300, 220, 320])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

    # --- the history file -----------------------------------------------------------------
    def ensure_loaded(self) -> None:
        if self.history is not None:
            return
        from quantgui.core.history import History

        self.history = History()
        if self.history.warning:
            self.warning.emit(self.history.warning)
        self.refresh()

    def entries(self) -> list:
        return [] if self.history is None else self.history.entries()

    def add_report(self, report: dict[str, Any]) -> Any:
        """Add a finished run (``RunResult.to_report()``) and show it."""
        self.ensure_loaded()
        entry = self.history.add(report)
        self.model_name = self.model_name or entry.model
        self.refresh()
        return entry

    def set_model(self, name: str) -> None:
        """The model loaded now: the charts show its runs."""
        self.model_name = name
        self.ensure_loaded()
        self.refresh()

    def delete(self, ids: list[str]) -> None:
        self.ensure_loaded()
        for entry_id in ids:
            with contextlib.suppress(KeyError):  # deleted meanwhile (e.g. by the CLI)
                self.history.delete(entry_id)
        if set(ids) & set(self.compared):
            self.compare_box.hide()
            self.compared = []
        self.refresh()

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.delete(ids)

    # --- the table ------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.table.item(row, 0).data(ID_ROLE) for row in rows]

    def select_ids(self, ids: list[str]) -> None:
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(ID_ROLE) in ids:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def refresh(self) -> None:
        entries = list(reversed(self.entries()))  # newest first
        selected = set(self.selected_ids())
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = [time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.timestamp)),
                     entry.model, self.method_titles.get(entry.method, entry.method),
                     self.settings_text(entry), self._size_text(entry),
                     self._latency_text(entry), self._quality_text(entry)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setData(ID_ROLE, entry.id)
                if column >= 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(self.tr("Run {id}: {settings}").format(
                    id=entry.id, settings=cells[3]))
                self.table.setItem(row, column, item)
        if selected:
            self.select_ids(list(selected))
        self.count_label.setText(plural(len(entries), self.tr("1 run kept"),
                                        self.tr("{count} runs kept")))
        self._draw_charts()
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.delete_button.setEnabled(count > 0)
        self.compare_button.setEnabled(count == 2)
        applicable = self.selected_entry() is not None
        self.apply_action.setEnabled(applicable)
        self.apply_button.setEnabled(applicable)

    def selected_entry(self) -> Any:
        """The one selected run, when its settings can be applied (its report has them)."""
        ids = self.selected_ids()
        if len(ids) != 1:
            return None
        entry = next((e for e in self.entries() if e.id == ids[0]), None)
        return entry if entry is not None and isinstance(entry.report.get("recipe"),
                                                         dict) else None

    def apply_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.apply_requested.emit(entry)

    @staticmethod
    def _ratio(value: float, original: float) -> str:
        return f" ({value / original:.2f}×)" if original else ""

    def _size_text(self, e: Any) -> str:
        return format_bytes(e.size_bytes) + self._ratio(e.size_bytes, e.original_size_bytes)

    def _latency_text(self, e: Any) -> str:
        return f"{e.latency_ms:.3f} ms" + self._ratio(e.latency_ms, e.original_latency_ms)

    def _quality_text(self, e: Any) -> str:
        if e.accuracy is not None:
            text = f"{e.accuracy:.2%}"
            if e.original_accuracy is not None:
                text += self.tr(" ({delta:+.2f} points)").format(
                    delta=100 * (e.accuracy - e.original_accuracy))
            return text
        if e.sqnr_db is not None:
            return self.tr("SQNR {value:.1f} dB").format(value=e.sqnr_db)
        return self.tr("SQNR ∞ (identical)")

    def settings_text(self, entry: Any) -> str:
        """A run's settings in words, in the window's language: "Engine: PyTorch eager
        (torch.ao), Observer: histogram, ..." from its recipe (the settings' own labels, and
        the titles of their choices); the summary the history file keeps, for a run saved
        without its recipe."""
        recipe = entry.report.get("recipe") if isinstance(entry.report, dict) else None
        if not isinstance(recipe, dict):
            return entry.settings or "—"
        parts = [f"{label}: {value}" for label, value in settings_words(recipe)]
        keep = recipe.get("keep_float")
        if keep:
            parts.append(self.tr("Kept in float: {layers}").format(
                layers="/".join(str(name) for name in keep)))
        return ", ".join(parts) or "—"

    # --- a live switch of language --------------------------------------------------------
    def retranslate(self) -> None:
        """View > Language: the table, the charts and the two runs compared written again
        from the runs, in the new language."""
        if self.history is None:
            return
        self.refresh()
        if self.compare_box.isVisible() and len(self.compared) == 2:
            with contextlib.suppress(KeyError):
                self.compare(self.compared)

    # --- comparing two runs ---------------------------------------------------------------
    def compare_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 2:
            self.compare(ids)

    def compare(self, ids: list[str]) -> None:
        self.ensure_loaded()
        a, b = sorted((self.history.get(i) for i in ids), key=lambda e: e.timestamp)
        self.compared = list(ids)
        none = "—"

        def pct(value: float | None) -> str:
            return none if value is None else f"{value:.2%}"

        def db(value: float | None) -> str:
            return none if value is None else f"{value:.1f} dB"

        # (label, text a, text b, value a, value b, higher is better) — the better one is bold
        rows = [
            (self.tr("Time"), *(time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(e.timestamp))
                                for e in (a, b)), None, None, None),
            (self.tr("Model"), a.model, b.model, None, None, None),
            (self.tr("Technique"), self.method_titles.get(a.method, a.method),
             self.method_titles.get(b.method, b.method), None, None, None),
            (self.tr("Backend"), a.backend, b.backend, None, None, None),
            (self.tr("Threads"), str(a.threads), str(b.threads), None, None, None),
            (self.tr("Settings"), self.settings_text(a), self.settings_text(b), None, None,
             None),
            (self.tr("Kept in float"), ", ".join(a.keep_float) or none,
             ", ".join(b.keep_float) or none, None, None, None),
            (self.tr("Size"), self._size_text(a), self._size_text(b), a.size_bytes,
             b.size_bytes, False),
            (self.tr("Latency"), self._latency_text(a), self._latency_text(b), a.latency_ms,
             b.latency_ms, False),
            (self.tr("Accuracy"), pct(a.accuracy), pct(b.accuracy), a.accuracy, b.accuracy,
             True),
            (self.tr("Original accuracy"), pct(a.original_accuracy), pct(b.original_accuracy),
             None, None, None),
            (self.tr("SQNR"), db(a.sqnr_db), db(b.sqnr_db), a.sqnr_db, b.sqnr_db, True),
        ]
        table = self.compare_table
        table.setRowCount(len(rows))
        table.setHorizontalHeaderLabels([self.tr("Run {id}").format(id=a.id),
                                         self.tr("Run {id}").format(id=b.id)])
        table.setVerticalHeaderLabels([row[0] for row in rows])
        bold = QFont(table.font())
        bold.setBold(True)
        for r, (_, text_a, text_b, value_a, value_b, higher) in enumerate(rows):
            better = None
            if higher is not None and value_a is not None and value_b is not None \
                    and value_a != value_b:
                better = 0 if (value_a > value_b) == higher else 1
            for column, text in enumerate((text_a, text_b)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == better:
                    item.setFont(bold)
                table.setItem(r, column, item)
        if not self.compare_box.isVisible():
            self.compare_box.show()
            total = sum(self.splitter.sizes())
            self.splitter.setSizes([int(total * 0.3), int(total * 0.4), int(total * 0.3)])

    # --- the charts -----------------------------------------------------------------------
    def _draw_charts(self) -> None:
        entries = [e for e in self.entries() if e.model == self.model_name
                   and e.quality is not None]
        use_accuracy = any(e.accuracy is not None for e in entries)
        if use_accuracy:
            entries = [e for e in entries if e.accuracy is not None]
        y_label = self.tr("Accuracy (%)") if use_accuracy else self.tr("SQNR (dB)")

        def quality(e: Any) -> float:
            return 100 * e.accuracy if use_accuracy else e.sqnr_db

        if not entries:
            self.chart_label.setText(self.tr("No runs of {model} yet: press Quantize and each "
                                             "run appears here.").format(
                model=self.model_name or self.tr("this model")))
        else:
            self.chart_label.setText(plural(
                len(entries),
                self.tr("{model}: 1 run. The line joins the Pareto front, the runs no other run "
                        "beats on both quality and cost."),
                self.tr("{model}: {count} runs. The line joins the Pareto front, the runs no "
                        "other run beats on both quality and cost."), model=self.model_name))
        divisor, unit = size_unit(max((e.size_bytes for e in entries), default=0))
        for cost, plot in (("size", self.size_plot), ("latency", self.latency_plot)):
            def x_of(e: Any, cost: str = cost) -> float:
                return e.size_bytes / divisor if cost == "size" else e.latency_ms

            if cost == "size":
                plot.setTitle(self.tr("Quality against size"))
                plot.setLabel("bottom", self.tr("Size (MiB)") if unit == "MiB"
                              else self.tr("Size (KiB)"))
            else:
                plot.setTitle(self.tr("Quality against latency"))
                plot.setLabel("bottom", self.tr("Latency (ms)"))
            plot.setLabel("left", y_label)
            spots = [{"pos": (x_of(e), quality(e)), "data": (e.id, self._tip(e))}
                     for e in entries]
            self.scatters[cost].setData(spots)
            front = self._front(entries, cost)
            front.sort(key=x_of)
            self.fronts[cost].setData(np.asarray([x_of(e) for e in front], dtype=float),
                                      np.asarray([quality(e) for e in front], dtype=float))
            if entries:
                plot.enableAutoRange()

    @staticmethod
    def _front(entries: list, cost: str) -> list:
        if not entries:
            return []
        from quantgui.core.history import pareto_front

        ids = set(pareto_front(entries, cost=cost))
        return [e for e in entries if e.id in ids]

    def front_ids(self, cost: str = "size") -> list[str]:
        entries = [e for e in self.entries() if e.model == self.model_name]
        return [e.id for e in self._front(entries, cost)]

    def _tip(self, entry: Any) -> str:
        return (f"{self.tr('Run {id}').format(id=entry.id)}: "
                f"{self.method_titles.get(entry.method, entry.method)}\n"
                f"{self.settings_text(entry)}\n"
                f"{self._size_text(entry)}, {self._latency_text(entry)}, "
                f"{self._quality_text(entry)}")

    def _on_point_clicked(self, _scatter: Any, points: Any, *_: Any) -> None:
        ids = [point.data()[0] for point in points]
        if ids:
            self.select_ids(ids[:1])

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.history is None and self.model_name:
            self.ensure_loaded()
