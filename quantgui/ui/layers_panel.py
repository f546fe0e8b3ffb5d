"""The Layers tab: see inside the model — which layers are quantized, which ones hurt — and
what-if re-runs with chosen layers kept in float.

Before a run the tab shows the plan (``core.analysis.plan_layers``, a minimal dry run made in a
worker job) for the chosen technique and backend; every layer planned int8 has a "keep float"
check box whose names go into the recipe's ``keep_float`` when Quantize is pressed. The layers
show as a tree that follows the model's modules (containers sum up what is inside them) or as a
flat list, which sorts every layer together. After a run the layers gain the per-layer SQNR
columns, the worst layers are highlighted and a bar chart shows SQNR by layer. Selecting a
layer draws its weights against the int8 grid. "Rank layers" runs ``core.analysis.sensitivity``
in a worker job.

The panel attaches itself to the main window's signals, so the window only creates it, adds its
keep-float choices to the recipe (``recipe_for_run``) and hands it the run cache.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from quantgui.jobs.worker import JobFailure, JobRunner
from quantgui.ui import theme
from quantgui.ui.comparison_panel import format_bytes, format_percent
from quantgui.ui.i18n import tr_core
from quantgui.ui.preferences import app_settings
from quantgui.ui.wording import plural

# Highlighted in red: the quantized layers whose own output SQNR is below this, and only those
# (about 5.6 % RMS error). A layer above it is not poor even when it is the lowest of the model.
WORST_DB = 25.0
BAR_LABEL_CHARS = 18  # longer layer names are shortened on the bar chart's axis
NAME_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# settings that do not change what the plan says (the plan is a dry run with its own observer)
_PLAN_IRRELEVANT = {"threads", "batch_size", "keep_float", "observer", "calibration_batches",
                    "epochs", "optimizer", "learning_rate", "lr_schedule", "freeze_observers_after",
                    "freeze_bn_after", "device", "loss", "seed"}

COLUMNS = ("layer", "type", "parameters", "shape", "status", "reason", "weight_sqnr",
           "output_sqnr", "accumulated_sqnr")
SQNR_COLUMNS = (6, 7, 8)
VIEW_KEY = "layers/view"  # QSettings: "tree" or "flat"
VIEWS = ("tree", "flat")


def plan_job(loaded: Any, recipe: Any, key: tuple):
    def job(cancel):
        from quantgui.core import analysis

        planned = analysis.plan_layers(loaded, recipe)
        cancel.raise_if_cancelled()
        return key, planned

    return job


def sensitivity_job(loaded: Any, recipe: Any, layers: list[str] | None,
                    reference: Any, calibration: dict | None):
    def job(cancel):
        from quantgui.core import analysis

        return analysis.sensitivity(loaded, recipe, cancel, reference=reference, layers=layers,
                                    calibration_cache=calibration)

    return job


class _Item(QTreeWidgetItem):
    """A layer's row that sorts by the SORT_ROLE value of the sorted column (numbers; missing
    values last)."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        tree = self.treeWidget()
        column = tree.sortColumn() if tree is not None else 0
        mine, theirs = self.data(column, SORT_ROLE), other.data(column, SORT_ROLE)
        if mine is None and theirs is None:
            return self.text(column) < other.text(column)
        if isinstance(mine, str) or isinstance(theirs, str):
            return str(mine) < str(theirs)
        return (math.inf if mine is None else mine) < (math.inf if theirs is None else theirs)


@dataclass
class _Layer:
    """One leaf layer's row: the plan, and the last run's measurements when there is one."""

    name: str
    type: str
    parameters: int | None
    shape: tuple[int, ...] | None
    status: str  # "int8", "fused" or "float"
    reason: str
    sqnr: tuple[float | None, float | None, float | None]  # weight, output, accumulated
    planned_int8: bool
    measured: bool = False  # the row shows a run's record (not the plan)


def _short_label(name: str, width: int = BAR_LABEL_CHARS) -> str:
    """A long qualified name cut from the left, where names of a deep model repeat
    themselves ("encoder.0.attention.query" -> "…0.attention.query")."""
    return name if len(name) <= width else "…" + name[-(width - 1):]


def _db(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _status_of(layer: Any) -> str:
    if layer.quantized:
        return "int8"
    return "fused" if layer.note.startswith("fused into") else "float"


class PreviousRunBox(QGroupBox):
    """What-if: the previous run on the same model next to the new one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("What-if: previous run and this run"))
        self.setObjectName("previousRunBox")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(["", self.tr("Previous run"), self.tr("This run"),
                                              self.tr("Change")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Previous run compared with this run"))
        self.reused = QLabel(self)
        self.reused.setWordWrap(True)
        self.reused.setAccessibleName(self.tr("Reused from the previous run"))
        layout.addWidget(self.table)
        layout.addWidget(self.reused)
        self.hide()

    def rows(self) -> dict[str, tuple[str, str, str]]:
        return {self.table.item(r, 0).text(): tuple(self.table.item(r, c).text()
                                                    for c in (1, 2, 3))
                for r in range(self.table.rowCount())}

    def show_runs(self, previous: Any, current: Any, titles: dict[str, str] | None = None) -> None:
        """``titles``: the techniques' names as the window shows them."""
        self.table.setRowCount(0)
        p, c = previous, current
        titles = titles or {}

        def add(name: str, before: str, now: str, change: str = "") -> None:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in enumerate((name, before, now, change)):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)

        def kept(result: Any) -> str:
            return ", ".join(result.recipe.keep_float) or self.tr("none")

        def engine(result: Any) -> str:
            from PySide6.QtCore import QCoreApplication

            from quantgui.core.engines import get_engine

            try:
                return QCoreApplication.translate("recipe", get_engine(result.engine).title)
            except Exception:  # noqa: BLE001 - an engine no longer registered: its name
                return str(result.engine)

        # what each run was: a what-if across techniques must say so
        before, now = (titles.get(r.recipe.method, r.recipe.method) for r in (p, c))
        same_method = p.recipe.method == c.recipe.method
        changed = self.tr("same") if same_method else self.tr("changed")
        add(self.tr("Technique"), before, now, changed)
        if p.engine != c.engine:
            add(self.tr("Engine"), engine(p), engine(c), self.tr("changed"))
        if p.recipe.backend != c.recipe.backend:
            add(self.tr("Backend"), p.recipe.backend, c.recipe.backend, self.tr("changed"))
        self.setTitle(self.tr("What-if: previous run and this run") if same_method else
                      self.tr("What-if: previous run ({before}) and this run ({now})").format(
                          before=before, now=now))
        add(self.tr("Layers kept float"), kept(p), kept(c))
        add(self.tr("Layers quantized"), str(p.quantized_layer_count),
            str(c.quantized_layer_count),
            f"{c.quantized_layer_count - p.quantized_layer_count:+d}")
        add(self.tr("Size"), format_bytes(p.quantized.size_bytes),
            format_bytes(c.quantized.size_bytes),
            f"{c.quantized.size_bytes / p.quantized.size_bytes:.2f}×")
        ms = self.tr("{median:.3f} ms")
        add(self.tr("Latency"), ms.format(median=p.quantized.latency.median_ms),
            ms.format(median=c.quantized.latency.median_ms),
            f"{c.quantized.latency.median_ms / p.quantized.latency.median_ms:.2f}×")
        change = ""
        if p.quantized.accuracy is not None and c.quantized.accuracy is not None:
            change = self.tr("{delta:+.2f} points").format(
                delta=100 * (c.quantized.accuracy - p.quantized.accuracy))
        add(self.tr("Accuracy"), format_percent(p.quantized.accuracy),
            format_percent(c.quantized.accuracy), change)
        add(self.tr("Output SQNR (dB)"), _db(p.agreement.sqnr_db), _db(c.agreement.sqnr_db),
            self.tr("{delta:+.1f} dB").format(delta=c.agreement.sqnr_db - p.agreement.sqnr_db))
        if p.agreement.top1_agreement is not None and c.agreement.top1_agreement is not None:
            add(self.tr("Top-1 agreement"), format_percent(p.agreement.top1_agreement),
                format_percent(c.agreement.top1_agreement))
        self.table.resizeRowsToContents()
        height = (self.table.horizontalHeader().height()
                  + sum(self.table.rowHeight(r) for r in range(self.table.rowCount())) + 4)
        self.table.setMinimumHeight(min(height, 260))
        if c.reused:
            self.reused.setText(self.tr("Reused from the previous run: {items}.").format(
                items=", ".join(c.reused)))
        else:
            self.reused.setText(self.tr("Nothing was reused from the previous run."))
        self.show()


class LayersPanel(QWidget):
    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._main = weakref.ref(window)  # no cycle: the window must die when deleted
        self.plan: list | None = None
        self.plan_key: tuple | None = None
        self.result: Any = None  # the last finished run on the loaded model
        self.previous: Any = None  # the run before it, on the same model
        self.cache: Any = None  # core.pipeline.RunCache, one per loaded model
        self.keep: list[str] = []  # layers ticked "keep float", in model order
        self.entries: list = []
        self.suggested: list[str] = []
        self.rank_key: tuple | None = None  # the plan key the ranking (running or shown) is for
        self.rank_title = ""  # "Static on x86": what the ranking was made for
        self.worst_names: list[str] = []
        self.bar_names: list[str] = []
        self.detail: dict[str, Any] = {}
        self._filling = False
        view = str(app_settings().value(VIEW_KEY, "tree"))
        self.view = view if view in VIEWS else "tree"  # "tree" or "flat"
        self._rows: list[_Layer] = []  # one per leaf layer, in model order (_fill)
        self._items: dict[str, QTreeWidgetItem] = {}  # name -> row, leaves and containers
        self._containers: set[str] = set()  # the names in _items that are containers
        self._collapsed: set[str] = set()  # containers the user folded; all others expanded

        self.planner = JobRunner(self, "plan")
        self.planner.finished.connect(self._on_planned)
        self.planner.failed.connect(self._on_plan_failed)
        self.planner.ended.connect(self._after_plan_job)
        self.ranker = JobRunner(self, "sensitivity")
        self.ranker.events.connect(self._on_rank_events)
        self.ranker.finished.connect(self._on_ranked)
        self.ranker.failed.connect(self._on_rank_failed)
        self.ranker.cancelled.connect(self._on_rank_cancelled)
        self.ranker.ended.connect(lambda _: self._update_buttons())
        self._replan_timer = QTimer(self)
        self._replan_timer.setSingleShot(True)
        self._replan_timer.setInterval(250)
        self._replan_timer.timeout.connect(self.replan)

        self._build()
        self.previous_box = PreviousRunBox()
        window.model_loaded.connect(self._on_model_loaded)
        window.run_finished.connect(self._on_run_finished)
        window.settings_panel.changed.connect(self._replan_timer.start)
        window.settings_panel.changed.connect(self._drop_stale_ranking)
        if hasattr(window.comparison, "add_section"):
            window.comparison.add_section(self.previous_box)

    @property
    def main(self) -> Any:
        """The main window."""
        return self._main()

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.status_label = QLabel(self.tr("Load a model to see its layers."), self)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Layer plan status"))
        top.addWidget(self.status_label, 1)
        self.view_group = QButtonGroup(self)
        self.view_group.setExclusive(True)
        self.view_buttons: dict[str, QToolButton] = {}
        for view, text, accessible, tip in (
                ("tree", self.tr("Tree"), self.tr("Show the layers as a tree"),
                 self.tr("Group the layers under the modules that contain them; sorting "
                         "orders the layers inside each module.")),
                ("flat", self.tr("Flat list"), self.tr("Show the layers as a flat list"),
                 self.tr("List every layer by its full name; sorting orders all layers "
                         "together."))):
            button = QToolButton(self)
            button.setText(text)
            button.setCheckable(True)
            button.setAccessibleName(accessible)
            button.setToolTip(tip)
            button.setChecked(view == self.view)
            button.clicked.connect(lambda _=False, v=view: self.set_view(v))
            self.view_group.addButton(button)
            self.view_buttons[view] = button
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.tree = QTreeWidget(splitter)
        self.tree.setColumnCount(len(COLUMNS))
        labels = [
            self.tr("Layer"), self.tr("Type"), self.tr("Parameters"), self.tr("Output shape"),
            self.tr("Status"), self.tr("Reason"), self.tr("Weight SQNR (dB)"),
            self.tr("Output SQNR (dB)"), self.tr("Accumulated SQNR (dB)")]
        for column in SQNR_COLUMNS:  # the unit on a second line: narrower number columns
            labels[column] = labels[column].replace(" (", "\n(", 1)
        self.tree.setHeaderLabels(labels)
        header = self.tree.header()
        header.setStretchLastSection(True)
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(5, 330)
        # the long reason text goes last (it stretches), so the SQNR columns stay in view
        header.moveSection(header.visualIndex(5), len(COLUMNS) - 1)
        self.tree.setSortingEnabled(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # model order until clicked
        tips = {0: self.tr("Tick a layer planned int8 to keep it in float in the next run."),
                2: self.tr("For a module: the parameters of everything inside it."),
                4: self.tr("int8: quantized; fused: folded into the layer before it; float: "
                           "left in float. For a module: how many layers inside it are "
                           "which."),
                6: self.tr("The original weight (batch-norm folded in) against the int8 "
                           "weight. For a module: the lowest value inside it."),
                7: self.tr("The layer's own error: the quantized layer fed the float input. "
                           "For a module: the lowest value inside it."),
                8: self.tr("The quantized model's activation here against the original's, "
                           "with every error upstream. For a module: the lowest value inside "
                           "it.")}
        header_item = self.tree.headerItem()
        for column, tip in tips.items():
            header_item.setToolTip(column, tip)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(self.tr("Layers of the model"))
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.itemSelectionChanged.connect(self._on_selection)
        self.tree.itemCollapsed.connect(lambda item: self._on_folded(item, True))
        self.tree.itemExpanded.connect(lambda item: self._on_folded(item, False))
        header.sortIndicatorChanged.connect(self._on_sort_changed)
        for column in SQNR_COLUMNS:
            self.tree.setColumnHidden(column, True)

        bottom = QSplitter(Qt.Orientation.Horizontal, splitter)
        self.lower_tabs = QTabWidget(bottom)
        self.chart = pg.PlotWidget(self.lower_tabs)
        self.chart.setAccessibleName(self.tr("SQNR by layer"))
        self.chart.setToolTip(self.tr("Output SQNR of each quantized layer (bars; red: below "
                                      "the dashed line at {limit:.0f} dB) and accumulated SQNR "
                                      "(dots). Higher is better.").format(limit=WORST_DB))
        plot = self.chart.getPlotItem()
        plot.setLabel("bottom", self.tr("SQNR (dB)"))
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.showGrid(x=True, alpha=0.2)
        plot.getViewBox().invertY(True)
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.6)
        self.accumulated_points = pg.ScatterPlotItem(size=8, brush=pg.mkBrush(theme.ORIGINAL))
        self.threshold = pg.InfiniteLine(WORST_DB, angle=90,
                                         pen=pg.mkPen(theme.ERROR, style=Qt.PenStyle.DashLine))
        plot.addItem(self.bars)
        plot.addItem(self.accumulated_points)
        plot.addItem(self.threshold)
        self.lower_tabs.addTab(self.chart, self.tr("SQNR by layer"))
        self.lower_tabs.addTab(self._build_sensitivity(), self.tr("Sensitivity"))
        bottom.addWidget(self.lower_tabs)
        bottom.addWidget(self._build_detail())
        bottom.setSizes([420, 520])
        splitter.addWidget(self.tree)
        splitter.addWidget(bottom)
        splitter.setSizes([330, 400])
        layout.addWidget(splitter, 1)

    def _build_sensitivity(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.rank_button = QPushButton(self.tr("Rank layers"), page)
        self.rank_button.setToolTip(self.tr("Quantize everything but one layer, for each "
                                            "layer in turn, and rank the layers by how much "
                                            "keeping them in float helps."))
        self.rank_button.clicked.connect(self.start_ranking)
        self.rank_cancel_button = QPushButton(self.tr("Cancel"), page)
        self.rank_cancel_button.setAccessibleName(self.tr("Cancel ranking"))
        self.rank_cancel_button.clicked.connect(self.cancel_ranking)
        self.keep_suggested_button = QPushButton(self.tr("Keep suggested in float"), page)
        self.keep_suggested_button.setToolTip(self.tr("Tick the suggested layers' keep-float "
                                                      "boxes; press Quantize to see the "
                                                      "effect."))
        self.keep_suggested_button.clicked.connect(self.keep_suggested)
        row.addWidget(self.rank_button)
        row.addWidget(self.rank_cancel_button)
        row.addWidget(self.keep_suggested_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.rank_label = QLabel(self.tr("Rank the layers to find the ones that hurt most."),
                                 page)
        self.rank_label.setWordWrap(True)
        self.rank_label.setAccessibleName(self.tr("Sensitivity progress"))
        layout.addWidget(self.rank_label)
        self.rank_table = QTableWidget(0, 5, page)
        self.rank_table.setHorizontalHeaderLabels([
            self.tr("Layer"), self.tr("SQNR gain (dB)"), self.tr("Accuracy gain"),
            self.tr("SQNR when kept float (dB)"), self.tr("Suggested")])
        self.rank_table.verticalHeader().setVisible(True)
        self.rank_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rank_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rank_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.rank_table.setAccessibleName(self.tr("Layers ranked by sensitivity"))
        layout.addWidget(self.rank_table, 1)
        return page

    def _build_detail(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 0, 4, 0)
        row = QHBoxLayout()
        self.detail_label = QLabel(self.tr("Select a layer to see its weights."), page)
        self.detail_label.setWordWrap(True)
        self.detail_label.setAccessibleName(self.tr("Selected layer"))
        self.channel_spin = QSpinBox(page)
        self.channel_spin.setPrefix(self.tr("channel "))
        self.channel_spin.setAccessibleName(self.tr("Output channel"))
        self.channel_spin.setToolTip(self.tr("The output channel whose int8 grid is drawn "
                                             "(per-channel weights)."))
        self.channel_spin.valueChanged.connect(lambda _: self._show_detail())
        self.channel_spin.hide()
        row.addWidget(self.detail_label, 1)
        row.addWidget(self.channel_spin)
        layout.addLayout(row)
        self.detail_plots = pg.GraphicsLayoutWidget(page)
        self.detail_plots.setAccessibleName(self.tr("Weights of the selected layer"))
        self.histogram_plot = self.detail_plots.addPlot(row=0, col=0,
                                                        title=self.tr("Weights and int8 grid"))
        self.histogram_plot.addLegend(offset=(-10, 10))
        self.channel_plot = self.detail_plots.addPlot(
            row=1, col=0, title=self.tr("Weight range per output channel"))
        self.channel_plot.setLabel("bottom", self.tr("output channel"))
        self.activation_plot = self.detail_plots.addPlot(
            row=2, col=0, title=self.tr("Activation range from calibration"))
        self.activation_plot.getAxis("left").setTicks([[(0, self.tr("input")),
                                                        (1, self.tr("output"))]])
        self.detail_plots.ci.layout.setRowStretchFactor(0, 3)
        self.detail_plots.ci.layout.setRowStretchFactor(1, 2)
        self.detail_plots.ci.layout.setRowStretchFactor(2, 1)
        for plot in (self.histogram_plot, self.channel_plot, self.activation_plot):
            plot.hideButtons()
            plot.showGrid(y=True, alpha=0.2)
        layout.addWidget(self.detail_plots, 1)
        layout.addStretch(0)
        self.detail_plots.hide()  # until a layer is selected
        return page

    # --- window events --------------------------------------------------------------------
    def stop_jobs(self) -> None:
        """Stop the plan and the ranking (a run starts, a model loads, the window closes)."""
        self._replan_timer.stop()
        self.planner.stop_and_wait()
        self.ranker.stop_and_wait()

    def busy(self) -> bool:
        return self.planner.is_running() or self.ranker.is_running()

    def _on_model_loaded(self) -> None:
        from quantgui.core.pipeline import RunCache

        self.stop_jobs()
        self.cache = RunCache()
        self.plan = self.plan_key = self.result = self.previous = None
        self.keep = []
        self._clear_ranking(self.tr("Rank the layers to find the ones that hurt most."))
        self.previous_box.hide()
        self._rows = []
        self._collapsed.clear()
        self.tree.clearSelection()
        self._populate()
        self._show_detail()  # nothing selected: no layer of the previous model described
        self._show_result_columns(False)
        self._fill_chart(None)
        self.status_label.setText(self.tr("Planning…"))
        self.replan()

    def recipe_for_run(self, recipe: Any) -> Any:
        """The recipe Quantize runs: the settings plus the layers ticked "keep float". Stops
        the panel's own jobs first: a run and a dry run must not share torch's settings."""
        self.stop_jobs()
        self._update_buttons(running=True)
        keep = list(recipe.keep_float) + [n for n in self.keep if n not in recipe.keep_float]
        return recipe.replace(keep_float=tuple(keep)) if keep else recipe

    def _on_run_finished(self, outcome: str) -> None:
        result = self.main.result
        if outcome == "finished" and result is not None:
            if self.result is not None and self.result.model_name == result.model_name:
                self.previous = self.result
            self.result = result
            self._fill()
            if self.previous is not None:
                self.previous_box.show_runs(self.previous, result, self.main.method_titles)
            if result.reused:
                self.main.log.append(self.tr("Reused from the previous run: {items}.").format(
                    items=", ".join(result.reused)))
        self._update_buttons()
        if self.plan_key != self._key():
            self.replan()

    # --- the plan -------------------------------------------------------------------------
    def _recipe(self) -> Any | None:
        from quantgui.core.errors import QuantGUIError

        try:
            recipe = self.main.settings_panel.recipe()
            recipe.check_runnable()
        except (QuantGUIError, ValueError):
            return None
        return recipe

    def _key(self) -> tuple | None:
        window = self.main
        if window.loaded is None or not window.settings_panel.method:
            return None
        try:
            values = window.settings_panel.values()
        except ValueError:
            return None
        relevant = tuple(sorted((k, repr(v)) for k, v in values.items()
                                if k not in _PLAN_IRRELEVANT))
        return (id(window.loaded.model), window.settings_panel.method, relevant)

    def replan(self) -> None:
        window = self.main
        key = self._key()
        if key is None or window.runner.is_running() or window.loader.is_running():
            return
        if key == self.plan_key:
            return
        if self.planner.is_running():
            self.planner.cancel()  # _after_plan_job plans again
            return
        recipe = self._recipe()
        if recipe is None:
            return
        problem = self._technique_problem()
        if problem:  # e.g. TorchScript: no dry run of a technique that cannot work on it
            self.plan, self.plan_key = None, key
            self._fill()
            self.status_label.setText(self.tr("No plan: {problem}").format(problem=problem))
            return
        self.status_label.setText(self.tr("Planning {method} quantization on the {backend} "
                                          "backend…").format(
            method=window.method_titles.get(recipe.method, recipe.method),
            backend=recipe.backend))
        self.planner.start(plan_job(window.loaded, recipe.replace(keep_float=()), key))
        self._update_buttons()

    def _on_planned(self, payload: Any) -> None:
        key, planned = payload
        if key != self._key():
            return  # the settings changed meanwhile; _after_plan_job plans again
        self.plan, self.plan_key = planned, key
        self._fill()
        self._drop_stale_ranking()

    def _plan_text(self) -> str:
        """'Plan for Static quantization on the x86 backend: 3 layers int8, …', counting the
        layers ticked "keep float" as float."""
        counts = {status: sum(1 for row in self._rows if row.status == status)
                  for status in ("int8", "fused", "float")}
        kept = [row.name for row in self._rows if row.planned_int8 and row.name in self.keep]
        recipe = self._recipe()
        key = self.plan_key
        method = key[1] if key else ""
        text = self.tr("Plan for {method} quantization on the {backend} backend: {int8}, "
                       "{fused}, {float}.").format(
            method=self.main.method_titles.get(method, method),
            backend=recipe.backend if recipe else "",
            int8=plural(counts["int8"], self.tr("1 layer int8"), self.tr("{count} layers int8")),
            fused=plural(counts["fused"], self.tr("1 fused"), self.tr("{count} fused")),
            float=plural(counts["float"], self.tr("1 float"), self.tr("{count} float")))
        if kept:
            return text + " " + self.tr("Kept in float by you: {names}.").format(
                names=", ".join(kept))
        return text + " " + self.tr("Tick “Keep float” to leave a layer in float.")

    def _on_plan_failed(self, failure: JobFailure) -> None:
        self.status_label.setText(self.tr("The plan could not be made: {message}").format(
            message=failure.message))

    def _after_plan_job(self, _outcome: str) -> None:
        self._update_buttons()
        if self._key() != self.plan_key:
            self._replan_timer.start()

    # --- the layers -----------------------------------------------------------------------
    def _result_matches_plan(self) -> bool:
        result = self.result
        if result is None:
            return False
        if self.plan_key is None:
            return True
        recipe = self._recipe()
        return recipe is not None and (result.recipe.method, result.recipe.backend) == (
            recipe.method, recipe.backend)

    def _show_result_columns(self, shown: bool) -> None:
        for column in SQNR_COLUMNS:
            self.tree.setColumnHidden(column, not shown)

    def _fill(self) -> None:
        """Work out every leaf layer's row from the plan and the last run, then show them."""
        plan = {p.name: p for p in self.plan or []}
        result = self.result if self._result_matches_plan() else None
        records = {layer.name: layer for layer in result.layers} if result else {}
        names = list(plan) or list(records)
        self.worst_names = [r.name for r in records.values() if r.quantized
                            and r.output_sqnr_db is not None and r.output_sqnr_db < WORST_DB]
        rows = []
        for name in names:
            planned, record = plan.get(name), records.get(name)
            planned_int8 = planned is not None and planned.status == "int8"
            if record is not None:
                status, reason = _status_of(record), tr_core("note", record.note)
            elif planned is not None:
                status, reason = self._planned(planned_int8, planned.status, planned.reason, name)
            else:
                status, reason = "float", ""
            rows.append(_Layer(
                name=name,
                type=planned.type if planned else record.original_type,
                parameters=planned.parameters if planned else None,
                shape=planned.output_shape if planned else None,
                status=status, reason=reason,
                sqnr=(record.weight_sqnr_db, record.output_sqnr_db, record.accumulated_sqnr_db)
                if record else (None, None, None),
                planned_int8=planned_int8, measured=record is not None))
        self._rows = rows
        self._populate()
        self._show_result_columns(result is not None)
        if result is not None:
            if self.worst_names:
                worst = self.tr("Highlighted in red: {names}, below {limit:.0f} dB output SQNR "
                                "(the layer's own error is large).").format(
                    names=", ".join(self.worst_names), limit=WORST_DB)
            else:
                worst = self.tr("No layer is below {limit:.0f} dB output SQNR, so none is "
                                "highlighted.").format(limit=WORST_DB)
            self.status_label.setText(self.tr(
                "Last run: {method} on the {backend} backend, {count} of {total} layers int8, "
                "output SQNR {sqnr:.1f} dB. {worst} Measured with {sources}.").format(
                method=self.main.method_titles.get(result.recipe.method,
                                                     result.recipe.method),
                backend=result.recipe.backend, count=result.quantized_layer_count,
                total=len(result.layers), sqnr=result.agreement.sqnr_db,
                worst=worst, sources=self._error_sources(result)))
        elif self.plan is not None:
            self.status_label.setText(self._plan_text())
        self._fill_chart(result)
        self._update_buttons()

    def _planned(self, planned_int8: bool, status: str, reason: str,
                 name: str) -> tuple[str, str]:
        """A layer's status and reason in the plan, with the user's "keep float" tick."""
        if planned_int8 and name in self.keep:
            return "float", self.tr("kept in float: ticked “Keep float” (the plan would make "
                                    "it int8)")
        return status, reason

    def _error_sources(self, result: Any) -> str:
        words = {"torch.ao.ns": self.tr("torch.ao.ns (PyTorch's numeric suite)"),
                 "torch.ao.ns + forward hooks": self.tr("torch.ao.ns (PyTorch's numeric "
                                                        "suite) and forward hooks"),
                 "forward hooks": self.tr("forward hooks")}
        sources = sorted({layer.error_source for layer in result.layers if layer.error_source})
        return self.tr(" and ").join(words.get(source, source) for source in sources) or "—"

    # --- tree or flat list ----------------------------------------------------------------
    def set_view(self, view: str) -> None:
        """Show the layers as a "tree" of the model's modules or as a "flat" list; the choice
        is remembered. The keep-float ticks live in ``self.keep``, so they survive."""
        if view not in VIEWS:
            raise ValueError(f"unknown view {view!r}")
        self.view_buttons[view].setChecked(True)
        if view == self.view:
            return
        self.view = view
        app_settings().setValue(VIEW_KEY, view)
        self._populate()

    def _populate(self) -> None:
        """Build the rows of ``self._rows`` once, in model order, for the current view, then
        let the header's sort order (if a column was clicked) arrange them."""
        tree = self.tree
        selected = self.selected_name()
        self._filling = True
        tree.blockSignals(True)
        tree.setUpdatesEnabled(False)
        tree.setSortingEnabled(False)
        tree.clear()
        self._items, self._containers = {}, set()
        style = self._style()
        leaves = [self._leaf_item(layer, style) for layer in self._rows]
        tree_view = self.view == "tree"
        tree.addTopLevelItems(self._group(leaves) if tree_view else leaves)
        for name in self._containers:
            self._items[name].setExpanded(name not in self._collapsed)
        tree.setRootIsDecorated(tree_view and bool(self._containers))
        tree.setSortingEnabled(True)  # sorts by the header's indicator once a column is chosen
        tree.setUpdatesEnabled(True)
        tree.blockSignals(False)
        self._filling = False
        if selected is not None and selected in self._items:
            self.select_layer(selected)
        elif selected is not None:
            self._show_detail()  # the layer is gone: clear its plots

    def _style(self) -> dict[str, Any]:
        muted = self.palette().placeholderText().color()
        style = {"colors": {"int8": theme.QUANTIZED, "fused": theme.ORIGINAL, "float": muted},
                 "words": {"int8": self.tr("int8"), "fused": self.tr("fused"),
                           "float": self.tr("float")},
                 "worst": QColor(theme.ERROR)}
        style["worst"].setAlpha(60)
        return style

    def _set_status_cells(self, item: QTreeWidgetItem, layer: _Layer,
                          style: dict[str, Any]) -> None:
        item.setText(4, style["words"][layer.status])
        item.setData(4, SORT_ROLE, layer.status)
        item.setText(5, layer.reason)
        item.setData(5, SORT_ROLE, layer.reason)
        item.setForeground(4, style["colors"][layer.status])
        font = item.font(4)
        font.setBold(layer.status == "int8")
        item.setFont(4, font)
        worst = layer.name in self.worst_names
        item.setToolTip(5, "\n".join([layer.reason, self._worst_tip(layer)] if worst
                                      else [layer.reason]))

    def _summary(self, layers: list[_Layer]) -> str:
        """A module's status cell: '2 int8 · 1 fused'."""
        counts = {status: sum(1 for layer in layers if layer.status == status)
                  for status in ("int8", "fused", "float")}
        words = {"int8": (self.tr("1 int8"), self.tr("{count} int8")),
                 "fused": (self.tr("1 fused"), self.tr("{count} fused")),
                 "float": (self.tr("1 float"), self.tr("{count} float"))}
        return " · ".join(plural(count, *words[status])
                          for status, count in counts.items() if count)

    def _cells(self, item: QTreeWidgetItem, values: list[tuple[str, Any]], name: str) -> None:
        item.setData(0, NAME_ROLE, name)
        for column, (text, key) in enumerate(values):
            item.setText(column, text)
            item.setData(column, SORT_ROLE, key)
            if column >= 2 and column != 5:
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)

    def _leaf_item(self, layer: _Layer, style: dict[str, Any]) -> QTreeWidgetItem:
        name = layer.name
        shown = name if self.view == "flat" else name.rsplit(".", 1)[-1]
        shape = layer.shape
        values: list[tuple[str, Any]] = [
            (shown or self.tr("(model)"), name),
            (layer.type, layer.type),
            ("—" if layer.parameters is None else f"{layer.parameters:,}", layer.parameters),
            ("—" if not shape else " × ".join(str(d) for d in shape),
             None if not shape else math.prod(shape)),
            (style["words"][layer.status], layer.status),
            (layer.reason, layer.reason),
            *((_db(value), value) for value in layer.sqnr)]
        item = _Item()
        self._cells(item, values, name)
        worst = name in self.worst_names
        worst_tip = self._worst_tip(layer) if worst else ""
        if worst:
            for column in range(len(COLUMNS)):
                item.setBackground(column, style["worst"])
                item.setToolTip(column, worst_tip)
        self._set_status_cells(item, layer, style)
        tips = [name or self.tr("(model)")]
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
        if layer.planned_int8 or name in self.keep:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if name in self.keep
                               else Qt.CheckState.Unchecked)
            tips.append(self.tr("Tick to keep {name} in float in the next run.").format(
                name=name))
        if worst:
            tips.append(worst_tip)
        item.setToolTip(0, "\n".join(tips))
        self._items[name] = item
        return item

    def _worst_tip(self, layer: _Layer) -> str:
        return self.tr(
            "Output SQNR {value:.1f} dB, below {limit:.0f} dB: this layer's own quantization "
            "error is large (the layer fed the float input). The Sensitivity ranking measures "
            "something else, how much the whole model's output gains when this layer alone "
            "stays float, so a layer can be red here and low in the ranking, or the "
            "reverse.").format(value=layer.sqnr[1] or 0.0, limit=WORST_DB)

    def _group(self, leaves: list[QTreeWidgetItem]) -> list[QTreeWidgetItem]:
        """Put each leaf under the containers its qualified name passes through (``encoder`` >
        ``encoder.0`` > ...), creating them in model order; return the top-level rows."""
        tops: list[QTreeWidgetItem] = []
        inside: dict[str, list[_Layer]] = {}
        for layer, leaf in zip(self._rows, leaves, strict=True):
            parts = layer.name.split(".") if layer.name else [""]
            parent: QTreeWidgetItem | None = None
            for depth in range(1, len(parts)):
                prefix = ".".join(parts[:depth])
                container = self._items.get(prefix) if prefix in self._containers else None
                if container is None:
                    container = _Item()
                    self._items[prefix] = container
                    self._containers.add(prefix)
                    inside[prefix] = []
                    if parent is None:
                        tops.append(container)
                    else:
                        parent.addChild(container)
                inside[prefix].append(layer)
                parent = container
            if parent is None:
                tops.append(leaf)
            else:
                parent.addChild(leaf)
        window = self.main
        model = window.loaded.model if window is not None and window.loaded is not None else None
        for prefix, layers in inside.items():
            self._fill_container(self._items[prefix], prefix, layers, model)
        return tops

    def _fill_container(self, item: QTreeWidgetItem, name: str, layers: list[_Layer],
                        model: Any) -> None:
        from quantgui.core.layers import type_name

        module = None
        if model is not None:
            try:
                module = model.get_submodule(name)
            except AttributeError:
                module = None
        # the class name only (the full path is in the tooltip): custom modules' paths are long
        layer_type = type(module).__name__ if module is not None else ""
        if module is not None:  # torch's count: shared weights once, the module's own too
            parameters: int | None = sum(p.numel() for p in module.parameters())
        else:
            known = [layer.parameters for layer in layers if layer.parameters is not None]
            parameters = sum(known) if known else None
        summary = self._summary(layers)
        # A module's SQNR cells show the lowest (worst) value among the layers inside it, so a
        # folded module still tells how badly its worst layer does, and sorting siblings by an
        # SQNR column brings the modules holding the worst layers first.
        worst = [min((layer.sqnr[i] for layer in layers if layer.sqnr[i] is not None),
                     default=None) for i in range(3)]
        values: list[tuple[str, Any]] = [
            (name.rsplit(".", 1)[-1], name),
            (layer_type, layer_type),
            ("—" if parameters is None else f"{parameters:,}", parameters),
            ("—", None),  # the plan measures leaf outputs only
            (summary, summary),
            ("", ""),
            *((_db(value), value) for value in worst)]
        self._cells(item, values, name)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        tip = self.tr("{name}: {type} with {count} layers inside").format(
            name=name, type=layer_type or self.tr("module"), count=len(layers))
        item.setToolTip(0, tip)
        item.setToolTip(4, tip)
        if module is not None:
            item.setToolTip(1, type_name(module))
        for column in SQNR_COLUMNS:
            item.setToolTip(column, self.tr("The lowest value among the layers inside."))
        if any(layer.name in self.worst_names for layer in layers):
            item.setForeground(7, QColor(theme.ERROR))
            item.setToolTip(7, self.tr("Holds a layer below {limit:.0f} dB output SQNR.").format(
                limit=WORST_DB))

    def _on_folded(self, item: QTreeWidgetItem, folded: bool) -> None:
        name = item.data(0, NAME_ROLE)
        if self._filling or name not in self._containers:
            return
        if folded:
            self._collapsed.add(name)
        else:
            self._collapsed.discard(name)

    def _on_sort_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if column < 0 and not self._filling:
            self._populate()  # no sort column: back to model order

    def _fill_chart(self, result: Any) -> None:
        layers = [layer for layer in result.layers if layer.quantized] if result else []
        self.bar_names = [layer.name for layer in layers]
        heights = [layer.output_sqnr_db or 0.0 for layer in layers]
        brushes = [pg.mkBrush(theme.ERROR if layer.name in self.worst_names
                              else theme.QUANTIZED) for layer in layers]
        self.bars.setOpts(x0=[0] * len(layers), y=list(range(len(layers))), width=heights,
                          height=0.6, brushes=brushes)
        points = [(layer.accumulated_sqnr_db, i) for i, layer in enumerate(layers)
                  if layer.accumulated_sqnr_db is not None]
        self.accumulated_points.setData(x=[p[0] for p in points], y=[p[1] for p in points])
        plot = self.chart.getPlotItem()
        plot.getAxis("left").setTicks([[(i, _short_label(name))
                                         for i, name in enumerate(self.bar_names)]])
        plot.setTitle(None if layers else self.tr("Press Quantize to measure each layer's error"))
        if layers:
            top = max([*heights, *(p[0] for p in points), WORST_DB]) * 1.08
            plot.setXRange(0, top, padding=0)
            plot.setYRange(-0.6, len(layers) - 0.4, padding=0)

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0 or not (
                item.flags() & Qt.ItemFlag.ItemIsUserCheckable):
            return
        self.set_keep_float(item.data(0, NAME_ROLE),
                            item.checkState(0) == Qt.CheckState.Checked)

    def set_keep_float(self, name: str, keep: bool) -> None:
        order = [p.name for p in self.plan or []]
        chosen = set(self.keep)
        if keep:
            chosen.add(name)
        else:
            chosen.discard(name)
        self.keep = sorted(chosen, key=lambda n: order.index(n) if n in order else len(order))
        item = self.item_of(name)
        if item is not None and name not in self._containers:
            state = Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable and item.checkState(0) != state:
                self._filling = True
                item.setCheckState(0, state)
                self._filling = False
        self._show_keep(name)

    def _show_keep(self, name: str) -> None:
        """The plan shows a ticked layer as float at once (its row, the modules holding it and
        the counts above); after a run, the status line says what the next run keeps."""
        plan = {p.name: p for p in self.plan or []}
        index = next((i for i, row in enumerate(self._rows) if row.name == name), None)
        if index is not None and not self._rows[index].measured and name in plan:
            row, planned = self._rows[index], plan[name]
            status, reason = self._planned(row.planned_int8, planned.status, planned.reason,
                                           name)
            self._rows[index] = replace(row, status=status, reason=reason)
            item = self._items.get(name)
            if item is not None:
                self._filling = True
                self._set_status_cells(item, self._rows[index], self._style())
                for prefix in self._containers:
                    if name.startswith(prefix + "."):
                        inside = [r for r in self._rows if r.name.startswith(prefix + ".")]
                        self._items[prefix].setText(4, self._summary(inside))
                        self._items[prefix].setData(4, SORT_ROLE, self._summary(inside))
                self._filling = False
        if any(row.measured for row in self._rows):
            text = self.status_label.text().split(" " + self.tr("Next run:"))[0]
            if self.keep:
                text += " " + self.tr("Next run: {names} kept in float.").format(
                    names=", ".join(self.keep))
            self.status_label.setText(text)
        elif self.plan is not None:
            self.status_label.setText(self._plan_text())

    def item_of(self, name: str) -> QTreeWidgetItem | None:
        """The row of a layer or (in the tree) of a module, by qualified name."""
        return self._items.get(name)

    def is_container(self, name: str) -> bool:
        return name in self._containers

    def _displayed_leaves(self) -> list[QTreeWidgetItem]:
        leaves = []
        iterator = QTreeWidgetItemIterator(self.tree)
        while iterator.value() is not None:
            item = iterator.value()
            if item.data(0, NAME_ROLE) not in self._containers:
                leaves.append(item)
            iterator += 1
        return leaves

    def leaf_names(self) -> list[str]:
        """The layers (no modules) in the order shown, depth first."""
        return [item.data(0, NAME_ROLE) for item in self._displayed_leaves()]

    def column_values(self, column: int) -> list[Any]:
        """The sort values of ``column`` for the layers (no modules) in the order shown."""
        return [item.data(column, SORT_ROLE) for item in self._displayed_leaves()]

    # --- the selected layer ---------------------------------------------------------------
    def selected_name(self) -> str | None:
        items = self.tree.selectedItems()
        return items[0].data(0, NAME_ROLE) if items else None

    def select_layer(self, name: str) -> None:
        item = self.item_of(name)
        if item is None:
            return
        parent = item.parent()
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()
        if self.selected_name() == name:
            self._show_detail()  # the same row: the run behind it may have changed
        else:
            self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)

    def _on_selection(self) -> None:
        if not self._filling:
            self._show_detail()

    def _show_detail(self) -> None:
        name = self.selected_name()
        window = self.main
        for plot in (self.histogram_plot, self.channel_plot, self.activation_plot):
            plot.clear()
        self.detail = {}
        # no empty plots with the axes of a layer shown before (of this model or another)
        self.detail_plots.setVisible(name is not None and name not in self._containers
                                     and window.loaded is not None)
        if name is None or window.loaded is None:  # e.g. another model was loaded
            self.detail_label.setText(self.tr("Select a layer to see its weights."))
            self.channel_spin.hide()
            self.histogram_plot.setTitle(self.tr("Weights and int8 grid"))
            self.activation_plot.setTitle(self.tr("Activation range from calibration"))
            return
        if name in self._containers:  # a module: its layers have the weights
            item = self._items[name]
            inside = sum(1 for layer in self._rows if layer.name.startswith(name + "."))
            self.detail_label.setText(self.tr(
                "{name} ({type}) holds {count} layers. Select one of them to see its "
                "weights.").format(name=name, type=item.text(1) or self.tr("module"),
                                   count=inside))
            self.channel_spin.hide()
            return
        from quantgui.core import analysis

        result = self.result if self._result_matches_plan() else None
        members = None
        if result is not None:
            members = analysis.fused_groups(result.layers).get(name)
        detail = analysis.layer_detail(
            window.loaded.model, result.quantized_model if result else None, name, members,
            window.loaded.data.val_inputs[:8] if result else None,
            channel=self.channel_spin.value())
        self.detail = detail
        self._draw_histogram(detail)
        self._draw_channels(detail)
        self._draw_activations(detail)
        parts = [name]
        if "scheme" in detail:
            parts.append(self.tr("{scheme} int8 weights, scale {scale:.3g}, zero point "
                                 "{zp:g}").format(
                scheme=self.tr("per-channel") if detail["scheme"] == "per-channel"
                else self.tr("per-tensor"), scale=detail["weight_scale"],
                zp=detail["weight_zero_point"]))
        elif "original_weight" in detail:
            parts.append(self.tr("float weights") if result else
                         self.tr("weights before quantization (run to see the int8 grid)"))
        else:
            parts.append(self.tr("no weights"))
        for key, word in (("input_range", self.tr("input")), ("output_range", self.tr("output"))):
            if key in detail:
                low, high = detail[key]
                parts.append(self.tr("{which} range [{low:.3g}, {high:.3g}]").format(
                    which=word, low=low, high=high))
        self.detail_label.setText("; ".join(parts))
        per_channel = detail.get("scheme") == "per-channel"
        self.channel_spin.setVisible(per_channel)
        if per_channel:
            self.channel_spin.blockSignals(True)
            self.channel_spin.setMaximum(max(detail.get("channels", 1) - 1, 0))
            self.channel_spin.blockSignals(False)

    def _draw_histogram(self, detail: dict[str, Any]) -> None:
        plot = self.histogram_plot
        original, quantized = detail.get("original_weight"), detail.get("quantized_weight")
        if original is None:
            plot.setTitle(self.tr("No weights to show"))
            return
        channels = detail.get("channels", 1)
        if detail.get("scheme") == "per-channel" and quantized is not None:
            channel = detail["channel"]
            original = original.reshape(channels, -1)[channel]
            quantized = quantized.reshape(channels, -1)[channel]
            plot.setTitle(self.tr("Weights of channel {channel} and its int8 grid").format(
                channel=channel))
        else:
            plot.setTitle(self.tr("Weights and int8 grid") if quantized is not None
                          else self.tr("Weights"))
        values = original if quantized is None else np.concatenate([original, quantized])
        low, high = float(values.min()), float(values.max())
        if high <= low:
            high = low + 1e-6
        bins = np.linspace(low, high, max(10, min(80, original.size // 4)) + 1)
        top = 0.0
        for data, color, label in ((original, theme.ORIGINAL, self.tr("original")),
                                   (quantized, theme.QUANTIZED, self.tr("quantized"))):
            if data is None:
                continue
            counts, edges = np.histogram(data, bins=bins)
            top = max(top, float(counts.max()))
            fill = QColor(color)
            fill.setAlpha(90)
            plot.addItem(pg.PlotDataItem(edges, counts, stepMode="center", fillLevel=0,
                                         brush=fill, pen=pg.mkPen(color, width=1.5),
                                         name=label))
        grid = detail.get("grid")
        if grid is not None:
            step = abs(float(grid[1] - grid[0])) if grid.size > 1 else 0.0
            shown = grid[(grid >= low - step) & (grid <= high + step)]
            if shown.size:
                xs = np.repeat(shown, 2)
                ys = np.tile([0.0, top * 1.05], shown.size)
                line = QColor(self.palette().placeholderText().color())
                line.setAlpha(110)
                pen = pg.mkPen(line, width=1)
                plot.addItem(pg.PlotDataItem(xs, ys, connect="pairs", pen=pen,
                                             name=self.tr("int8 levels")))
        plot.setLabel("bottom", self.tr("weight value"))

    def _draw_channels(self, detail: dict[str, Any]) -> None:
        plot = self.channel_plot
        low, high = detail.get("channel_min"), detail.get("channel_max")
        if low is None:
            return
        x = np.arange(low.size)
        fill = QColor(theme.ORIGINAL)
        fill.setAlpha(120)
        plot.addItem(pg.BarGraphItem(x=x, y0=low, height=high - low, width=0.7, brush=fill,
                                     pen=pg.mkPen(None)))
        q_low, q_high = detail.get("quantized_channel_min"), detail.get("quantized_channel_max")
        if q_low is not None:
            plot.addItem(pg.ScatterPlotItem(x=np.concatenate([x, x]),
                                            y=np.concatenate([q_low, q_high]), symbol="_",
                                            size=max(3.0, min(10.0, 300.0 / low.size)),
                                            pen=pg.mkPen(theme.QUANTIZED, width=1.5)))
        if detail.get("scheme") == "per-channel":
            plot.addItem(pg.InfiniteLine(detail["channel"], angle=90,
                                         pen=pg.mkPen(theme.QUANTIZED,
                                                      style=Qt.PenStyle.DotLine)))
        plot.setXRange(-0.6, low.size - 0.4, padding=0.02)

    def _draw_activations(self, detail: dict[str, Any]) -> None:
        plot = self.activation_plot
        spans = [(row, detail[key]) for row, key in enumerate(("input_range", "output_range"))
                 if key in detail]
        if not spans:
            plot.setTitle(self.tr("Activation range: none (float or dynamic layer)") if self.result
                          else self.tr("Activation range: known after a static or QAT run"))
            return
        plot.setTitle(self.tr("Activation range from calibration"))
        fill = QColor(theme.QUANTIZED)
        fill.setAlpha(140)
        plot.addItem(pg.BarGraphItem(x0=[s[1][0] for s in spans], y=[s[0] for s in spans],
                                     width=[s[1][1] - s[1][0] for s in spans], height=0.6,
                                     brush=fill))
        plot.setYRange(-0.6, 1.6, padding=0)

    # --- sensitivity ----------------------------------------------------------------------
    def _technique_problem(self) -> str:
        """Why the chosen technique cannot work on the loaded model's kind, or ""."""
        window = self.main
        method = window.settings_panel.method
        if window.loaded is None or not method:
            return ""
        return window.state.technique_problem(method)

    def _update_buttons(self, running: bool | None = None) -> None:
        window = self.main
        if running is None:
            running = window.runner.is_running()
        ready = (window.loaded is not None and not running and not window.loader.is_running()
                 and not self._technique_problem())
        self.rank_button.setEnabled(ready and not self.ranker.is_running())
        self.rank_cancel_button.setEnabled(self.ranker.is_running())
        self.keep_suggested_button.setEnabled(bool(self.suggested)
                                              and not self.ranker.is_running())

    def start_ranking(self) -> None:
        window = self.main
        if self.ranker.is_running() or window.runner.is_running() or window.loaded is None:
            return
        recipe = self._recipe()
        if recipe is None:
            self.rank_label.setText(self.tr("Fix the settings first."))
            return
        if self._technique_problem():
            return
        self._replan_timer.stop()
        self.planner.stop_and_wait()
        keep = list(recipe.keep_float) + [n for n in self.keep if n not in recipe.keep_float]
        recipe = recipe.replace(keep_float=tuple(keep))
        layers = None
        if self.plan is not None and self.plan_key == self._key():
            layers = [p.name for p in self.plan if p.status == "int8" and p.name not in keep]
        self.cache.bind(window.loaded)
        reference = self.cache.original_outputs
        self.entries, self.suggested = [], []
        self.rank_table.setRowCount(0)
        self.rank_key = self._key()
        self.rank_title = self.tr("{method} on the {backend} backend").format(
            method=window.method_titles.get(recipe.method, recipe.method),
            backend=recipe.backend)
        self.rank_label.setText(self.tr("Sensitivity: starting…"))
        self.lower_tabs.setCurrentIndex(1)
        self.ranker.start(sensitivity_job(window.loaded, recipe, layers, reference,
                                          self.cache.calibration))
        self._update_buttons()

    def _clear_ranking(self, text: str) -> None:
        self.entries, self.suggested = [], []
        self.rank_key = None
        self.rank_table.setRowCount(0)
        self.rank_label.setText(text)
        self._update_buttons()

    def _drop_stale_ranking(self) -> None:
        """A ranking belongs to the technique and settings it was made with: once they change,
        it is taken down (and a running one cancelled) rather than shown under another plan."""
        if self.rank_key is None:
            return
        key = self._key()
        if key is None or key == self.rank_key:
            return  # no valid settings yet (being typed), or the same plan
        if self.ranker.is_running():
            self.ranker.cancel()
        self._clear_ranking(self.tr("The ranking was made for {what}; the technique or its "
                                    "settings changed since. Rank again to rank the layers "
                                    "for these settings.").format(what=self.rank_title))

    def cancel_ranking(self) -> None:
        if self.ranker.is_running():
            self.ranker.cancel()
            self.rank_label.setText(self.tr("Cancelling…"))

    def _on_rank_events(self, events: list) -> None:
        from quantgui.core.events import Progress

        progress = [e for e in events if isinstance(e, Progress)]
        if progress and self.ranker.is_running():
            last = progress[-1]
            self.rank_label.setText(self.tr("Sensitivity {current}/{total}").format(
                current=last.current, total=last.total))

    def _on_ranked(self, entries: list) -> None:
        from quantgui.core import analysis

        if self.rank_key is None:
            return  # taken down meanwhile
        self.entries = entries
        self.suggested = analysis.suggest_keep_float(entries)
        self.rank_table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            accuracy = ("—" if entry.accuracy_gain is None
                        else self.tr("{delta:+.2f} points").format(
                            delta=100 * entry.accuracy_gain))
            values = (entry.name, f"{entry.sqnr_gain_db:+.2f}", accuracy,
                      f"{entry.sqnr_db_all_but_this:.1f}",
                      self.tr("★ suggested") if entry.name in self.suggested else "")
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if entry.name in self.suggested:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    if column == 4:
                        item.setForeground(theme.QUANTIZED)
                self.rank_table.setItem(row, column, item)
        ranked = plural(len(entries), self.tr("Ranked 1 layer ({what})."),
                        self.tr("Ranked {count} layers ({what})."), what=self.rank_title)
        if self.suggested:
            self.rank_label.setText(ranked + " " + self.tr(
                "Keeping {names} in float should help most.").format(
                names=", ".join(self.suggested)))
        else:
            self.rank_label.setText(ranked + " " + self.tr(
                "No layer gains 1 dB or more by staying float."))
        self._update_buttons()

    def _on_rank_failed(self, failure: JobFailure) -> None:
        self.rank_key = None
        self.rank_label.setText(self.tr("Ranking failed: {message}").format(
            message=failure.message))
        self.main.log.append(failure.message, "error")

    def _on_rank_cancelled(self) -> None:
        if self.rank_key is None:
            return  # cancelled because the settings changed: the label says so
        self.rank_key = None
        self.rank_label.setText(self.tr("Ranking cancelled."))

    def keep_suggested(self) -> None:
        for name in self.suggested:
            self.set_keep_float(name, True)
        if self.suggested:
            self.main.statusBar().showMessage(self.tr(
                "Kept in float in the next run: {names}. Press Quantize to compare.").format(
                names=", ".join(self.keep)), 8000)
