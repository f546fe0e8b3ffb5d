"""The Layers tab's bar chart: the output SQNR of each quantized layer of the last run (red below
WORST_DB, the dashed line) and the accumulated SQNR as dots."""

from __future__ import annotations

import math
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from quantgui.ui import theme
from quantgui.ui.layers.rows import WORST_DB, short_label


class SqnrChart(pg.PlotWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar_names: list[str] = []  # the layers of the bars, top to bottom
        self.setAccessibleName(self.tr("SQNR by layer"))
        self.setToolTip(self.tr("Output SQNR of each quantized layer (bars; red: below the "
                                "dashed line at {limit:.0f} dB) and accumulated SQNR "
                                "(dots). Higher is better.").format(limit=WORST_DB))
        plot = self.getPlotItem()
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

    def show_result(self, result: Any, worst: list[str]) -> None:
        """The quantized layers of ``result`` (None: empty, with what to do), ``worst`` red."""
        layers = [layer for layer in result.layers if layer.quantized] if result else []
        self.bar_names = [layer.name for layer in layers]
        # identical outputs (∞ dB) are drawn to the chart's end, an unknown one as 0
        finite = [v for layer in layers for v in (layer.output_sqnr_db,
                                                  layer.accumulated_sqnr_db)
                  if v is not None and math.isfinite(v)]
        ceiling = max([*finite, WORST_DB])
        heights = [_bar(layer.output_sqnr_db, ceiling) for layer in layers]
        brushes = [pg.mkBrush(theme.ERROR if layer.name in worst else theme.QUANTIZED)
                   for layer in layers]
        self.bars.setOpts(x0=[0] * len(layers), y=list(range(len(layers))), width=heights,
                          height=0.6, brushes=brushes)
        points = [(_bar(layer.accumulated_sqnr_db, ceiling), i) for i, layer in enumerate(layers)
                  if layer.accumulated_sqnr_db is not None
                  and not math.isnan(layer.accumulated_sqnr_db)]
        self.accumulated_points.setData(x=[p[0] for p in points], y=[p[1] for p in points])
        plot = self.getPlotItem()
        plot.getAxis("left").setTicks([[(i, short_label(name))
                                         for i, name in enumerate(self.bar_names)]])
        if layers:
            # emptied first: a hidden title keeps its text's width as the plot's least width,
            # and the empty state's long sentence made the plot wider than the chart (the bars
            # and the last ticks were drawn past its right edge)
            plot.setTitle("")
            plot.setTitle(None)
        else:
            plot.setTitle(self.tr("Press Quantize to measure each layer's error"))
        if layers:
            top = max([*heights, *(p[0] for p in points), WORST_DB]) * 1.08
            plot.setXRange(0, top, padding=0)
            plot.setYRange(-0.6, len(layers) - 0.4, padding=0)


def _bar(value: float | None, ceiling: float) -> float:
    """A bar's length: ∞ (identical outputs) at the chart's end, an unknown one 0."""
    if value is None or math.isnan(value):
        return 0.0
    return ceiling if math.isinf(value) else value
