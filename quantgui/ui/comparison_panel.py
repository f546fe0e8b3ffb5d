"""The Comparison tab: original and quantized side by side, with bar charts and a layer table."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quantgui.ui import theme
from quantgui.ui.i18n import tr_core


def format_bytes(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.2f} MiB"
    if size >= 1024:
        return f"{size / 1024:.1f} KiB"
    return f"{size} B"


def size_unit(largest: int) -> tuple[float, str]:
    """The divisor and unit a chart of sizes up to ``largest`` bytes uses: the unit the tables
    (``format_bytes``) give the largest one."""
    if largest >= 1024 * 1024:
        return 1024.0 * 1024.0, "MiB"
    return 1024.0, "KiB"


def format_percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.2%}"


CHART_MIN_PX = 140  # a bar chart's least height, title and axes included: readable labels
CELL_MARGIN_PX = 12  # a table cell's text margins and grid line


def _natural_width(table: QTableWidget, column: int) -> int:
    """The width ``column`` needs to show its header and every cell on one line."""
    header = table.horizontalHeaderItem(column)
    lines = header.text().split("\n") if header is not None else [""]
    width = max(table.horizontalHeader().fontMetrics().horizontalAdvance(line)
                for line in lines) + 2 * CELL_MARGIN_PX
    metrics = table.fontMetrics()
    for row in range(table.rowCount()):
        item = table.item(row, column)
        if item is not None:
            width = max(width, metrics.horizontalAdvance(item.text()) + CELL_MARGIN_PX)
    return width


def _longest_word(table: QTableWidget, column: int) -> int:
    metrics = table.fontMetrics()
    words = [word for row in range(table.rowCount()) if table.item(row, column) is not None
             for word in table.item(row, column).text().split()]
    header = table.horizontalHeaderItem(column)
    head = max((table.horizontalHeader().fontMetrics().horizontalAdvance(line)
                for line in header.text().split("\n")), default=0) if header else 0
    return max([head, *(metrics.horizontalAdvance(word) for word in words)]) + CELL_MARGIN_PX


def fit_columns(table: QTableWidget, shares: dict[int, float], rest: tuple[int, ...],
                least: int = 60) -> None:
    """Columns as wide as their text where the viewport allows; else the columns in
    ``shares`` get at most that share of the viewport (their text wraps or is elided) and the
    columns in ``rest`` share what is left (at least ``least`` px each). Every column but
    those in ``rest`` keeps its natural width when it has no share."""
    available = table.viewport().width()
    if available <= 0 or table.columnCount() == 0:
        return
    columns = [c for c in range(table.columnCount()) if not table.isColumnHidden(c)]
    natural = {c: _natural_width(table, c) for c in columns}
    if sum(natural.values()) <= available:
        spare = available - sum(natural.values())
        widths = dict(natural)
        for c in rest:  # the spare room to the columns that take the rest
            widths[c] += spare // len(rest)
    else:
        widths = {}
        for c in columns:
            if c in rest:
                continue
            if c in shares:
                widths[c] = min(natural[c], max(int(shares[c] * available),
                                                _longest_word(table, c) if table.wordWrap()
                                                else least))
            else:
                widths[c] = natural[c]
        left = available - sum(widths.values())
        for c in rest:
            widths[c] = max(left // len(rest), least)
    header = table.horizontalHeader()
    for c, width in widths.items():
        header.resizeSection(c, width)


class _Elided(QStyledItemDelegate):
    """One column's own elide mode (the table's is the others')."""

    def __init__(self, mode: Qt.TextElideMode, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mode = mode

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt's name
                        index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = self.mode


def speed_cell(original_ms: float, quantized_ms: float) -> tuple[str, str]:
    """(text, tooltip) of a latency ratio: "1.44x slower than float" with why in the tooltip,
    as the command line and the HTML report word it (``core.timing``)."""
    from quantgui.core import timing

    text = tr_core("message", timing.speed_text(original_ms, quantized_ms))
    tip = (tr_core("message", timing.slower_reason(original_ms))
           if timing.is_slower(original_ms, quantized_ms) else "")
    ratio = QCoreApplication.translate("ComparisonPanel", "Quantized / original: {ratio:.2f}×")
    return text, "\n".join(part for part in (ratio.format(ratio=quantized_ms / original_ms), tip)
                           if part)


def original_engine_title() -> str:
    """Where the float32 original runs, named as the engine registry names the engine that
    runs models as they are (torch.ao's: "PyTorch eager (torch.ao)"), translated."""
    from quantgui.core.engines import DEFAULT_ENGINE, get_engine

    return QCoreApplication.translate("recipe", get_engine(DEFAULT_ENGINE).title)


class ComparisonPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = QStackedWidget(self)
        self.placeholder = QLabel(self.tr("Press Quantize to compare the original and the "
                                          "quantized model here."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack.addWidget(self.placeholder)

        content = QSplitter(Qt.Orientation.Vertical, self)
        top = QSplitter(Qt.Orientation.Horizontal, content)
        self.summary = QTableWidget(0, 4, top)
        self.summary.setHorizontalHeaderLabels(
            ["", self.tr("Original"), self.tr("Quantized"), self.tr("Quantized / original")])
        self.summary.verticalHeader().setVisible(False)
        self.summary.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # the columns fit the viewport (fit_columns) and a long text wraps: no cell is cut
        self.summary.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive)
        self.summary.horizontalHeader().setStretchLastSection(False)
        self.summary.setWordWrap(True)
        self.summary.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.summary.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.summary.viewport().installEventFilter(self)
        self.summary.setAccessibleName(self.tr("Comparison of original and quantized model"))
        self.summary.setToolTip(self.tr("Size is the saved state_dict; latency is the median of "
                                        "warm runs with the stated threads and batch size."))
        self.charts = pg.GraphicsLayoutWidget(top)
        self.charts.setAccessibleName(self.tr("Size and latency bar charts"))
        self.charts.setToolTip(self.tr("Size and median latency, original (blue) and "
                                       "quantized (orange)."))
        self.size_plot = self.charts.addPlot(row=0, col=0, title=self.tr("Size (KiB)"))
        self.latency_plot = self.charts.addPlot(row=1, col=0, title=self.tr("Latency (ms)"))
        ticks = [[(0, self.tr("Original")), (1, self.tr("Quantized"))]]
        self.bars = {}
        for key, plot in (("size", self.size_plot), ("latency", self.latency_plot)):
            plot.getAxis("bottom").setTicks(ticks)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.showGrid(y=True, alpha=0.2)
            bars = pg.BarGraphItem(x=[0, 1], height=[0, 0], width=0.6,
                                   brushes=[theme.ORIGINAL, theme.QUANTIZED])
            plot.addItem(bars)
            plot.setXRange(-0.6, 1.6)
            plot.setMinimumHeight(CHART_MIN_PX)
            self.bars[key] = bars
        # the two charts readable whatever the what-if below takes (the splitter keeps this)
        # the layout's spacing as a constant: reading it through ``ci.layout`` here made the
        # next palette change crash Qt in the grid layout's size hint (PySide6 6.11)
        self.charts.setMinimumHeight(2 * CHART_MIN_PX + 2 * 12 + 10)
        self.charts.setMinimumWidth(180)
        top.addWidget(self.summary)
        top.addWidget(self.charts)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        top.setChildrenCollapsible(False)
        top.setSizes([560, 360])

        self.layers = QTableWidget(0, 5, content)
        self.layers.setHorizontalHeaderLabels([self.tr("Layer"), self.tr("Original type"),
                                               self.tr("Quantized type"), self.tr("Quantized"),
                                               self.tr("Note")])
        self.layers.verticalHeader().setVisible(False)
        self.layers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.layers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # long names (a Hugging Face model's) elided in the middle, whole in the tooltip: the
        # Quantized and Note columns stay in view (fit_columns on every resize)
        self.layers.setWordWrap(False)
        self.layers.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.layers.setItemDelegateForColumn(4, _Elided(Qt.TextElideMode.ElideRight, self))
        header = self.layers.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.layers.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.layers.viewport().installEventFilter(self)
        self.layers.setAccessibleName(self.tr("Layer table"))
        self.layers.setToolTip(self.tr("Every layer of the model, and what quantization did "
                                       "to it."))
        self.layers.setMinimumHeight(110)  # a few rows, whatever the what-if above takes
        content.addWidget(top)
        content.addWidget(self.layers)
        content.setChildrenCollapsible(False)
        self.content = content
        content.setSizes([300, 400])
        self.stack.addWidget(content)
        # the machine was busy while the latencies were measured (core.timing)
        self.load_note = QLabel(self)
        self.load_note.setWordWrap(True)
        self.load_note.setAccessibleName(self.tr("Latency measurement warning"))
        font = self.load_note.font()
        font.setBold(True)
        self.load_note.setFont(font)
        self.load_note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.load_note)
        layout.addWidget(self.stack)

    def show_load(self, percent: float | None) -> None:
        """Say above the figures that other programs were busy while they were measured."""
        from quantgui.core import timing

        warning = timing.load_warning(percent)
        self.load_note.setText(tr_core("message", warning) if warning else "")
        self.load_note.setVisible(bool(warning))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            if watched is self.summary.viewport():
                self.fit_summary()
            elif watched is self.layers.viewport():
                self.fit_layers()
        return super().eventFilter(watched, event)

    def fit_summary(self) -> None:
        """The figures' columns share the width; the row names and ratios take what they
        need up to a share; a text too long for its cell wraps onto another line."""
        fit_columns(self.summary, {0: 0.3, 3: 0.28}, rest=(1, 2))

    def fit_layers(self) -> None:
        """Names and types up to a share of the width (elided in the middle beyond it), the
        Quantized column whole, the notes the rest."""
        fit_columns(self.layers, {0: 0.3, 1: 0.2, 2: 0.24}, rest=(4,), least=90)

    def add_section(self, widget: QWidget) -> None:
        """Another view of the result (the Layers tab's previous-run table) above the layers."""
        self.content.insertWidget(1, widget)

    def clear(self) -> None:
        self.load_note.hide()
        self.stack.setCurrentIndex(0)

    def _row(self, name: str, original: str, quantized: str, ratio: str = "",
             ratio_tip: str = "") -> None:
        row = self.summary.rowCount()
        self.summary.insertRow(row)
        for column, text in enumerate((name, original, quantized, ratio)):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if column == 3 and ratio_tip:
                item.setToolTip(ratio_tip)
            self.summary.setItem(row, column, item)

    def show_result(self, result, method_title: str) -> None:
        o, q = result.original, result.quantized
        self.show_load(max((p for p in (getattr(o.latency, "other_cpu_percent", None),
                                        getattr(q.latency, "other_cpu_percent", None))
                            if p is not None), default=None))
        self.summary.setRowCount(0)
        self._row(self.tr("Size"), format_bytes(o.size_bytes), format_bytes(q.size_bytes),
                  f"{q.size_bytes / o.size_bytes:.2f}×")
        latency = self.tr("{median:.3f} ms (p90 {p90:.3f})")
        self._row(self.tr("Latency"),
                  latency.format(median=o.latency.median_ms, p90=o.latency.p90_ms),
                  latency.format(median=q.latency.median_ms, p90=q.latency.p90_ms),
                  *speed_cell(o.latency.median_ms, q.latency.median_ms))
        # a slow model is timed fewer times (the measurement has a time budget): say how many
        setup = self.tr("{threads} threads, batch {batch}, {runs} runs")
        self._row(self.tr("Measured with"),
                  setup.format(threads=o.latency.threads, batch=o.latency.batch_size,
                               runs=o.latency.repeats),
                  setup.format(threads=q.latency.threads, batch=q.latency.batch_size,
                               runs=q.latency.repeats))
        delta = ""
        if o.accuracy is not None and q.accuracy is not None:
            delta = self.tr("{delta:+.2f} points").format(delta=100 * (q.accuracy - o.accuracy))
        self._row(self.tr("Accuracy"), format_percent(o.accuracy), format_percent(q.accuracy),
                  delta)
        total = len(result.layers)
        self._row(self.tr("Layers quantized"), self.tr("0 of {total}").format(total=total),
                  self.tr("{count} of {total}").format(count=result.quantized_layer_count,
                                                       total=total))
        self._row(self.tr("Technique"), self.tr("float32"), method_title)
        from quantgui.core.engines import get_engine

        engine_title = QCoreApplication.translate("recipe", get_engine(result.engine).title)
        # the original runs where the default engine's models run: one name for it everywhere
        self._row(self.tr("Engine"), original_engine_title(), engine_title)
        reference = result.reference
        if reference is not None:  # the engine's own float32: what int8 gives on this runtime
            self._row(self.tr("Engine float32 latency"),
                      latency.format(median=reference.latency.median_ms,
                                     p90=reference.latency.p90_ms),
                      latency.format(median=q.latency.median_ms, p90=q.latency.p90_ms),
                      *speed_cell(reference.latency.median_ms, q.latency.median_ms))
        if result.prepare_seconds:
            stages = ", ".join(f"{stage} {seconds:.1f} s"
                               for stage, seconds in result.prepare_seconds.items())
            self._row(self.tr("Preparation (not in latency)"), "—", stages)
        self._row(self.tr("Backend"), "—", result.recipe.backend)
        self.summary.resizeRowsToContents()

        divisor, unit = size_unit(max(o.size_bytes, q.size_bytes))
        self.size_plot.setTitle(self.tr("Size (MiB)") if unit == "MiB" else self.tr("Size (KiB)"))
        self.bars["size"].setOpts(height=[o.size_bytes / divisor, q.size_bytes / divisor])
        self.bars["latency"].setOpts(height=[o.latency.median_ms, q.latency.median_ms])
        for key in ("size", "latency"):
            plot = self.size_plot if key == "size" else self.latency_plot
            plot.enableAutoRange(axis="y")
            plot.setXRange(-0.6, 1.6)

        self.layers.setRowCount(len(result.layers))
        yes, no = self.tr("yes"), self.tr("no")
        for row, layer in enumerate(result.layers):
            values = (layer.name or "(model)", layer.original_type, layer.quantized_type or "—",
                      yes if layer.quantized else no, tr_core("note", layer.note))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column != 3:  # elided when narrow: the whole text on hover
                    item.setToolTip(text)
                if column == 3:
                    item.setForeground(theme.QUANTIZED if layer.quantized else
                                       self.palette().placeholderText().color())
                self.layers.setItem(row, column, item)
        self.stack.setCurrentIndex(1)
        self.fit_summary()
        self.fit_layers()
