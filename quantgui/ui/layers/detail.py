"""The selected layer of the Layers tab: its weights against the int8 grid, the weight range of
each output channel and the activation ranges from calibration
(``core.analysis.layer_detail``)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from quantgui.ui import theme
from quantgui.ui.comparison_panel import CHART_MIN_PX

LEGEND_PX = 28  # the histogram's legend row


class LayerDetail(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: dict[str, Any] = {}  # core.analysis.layer_detail of the layer shown
        # what is shown: (name, loaded model, result or None, whether the model has a run)
        self._shown: tuple[str, Any, Any, bool] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        row = QHBoxLayout()
        self.detail_label = QLabel(self.tr("Select a layer to see its weights."), self)
        self.detail_label.setWordWrap(True)
        self.detail_label.setAccessibleName(self.tr("Selected layer"))
        self.channel_spin = QSpinBox(self)
        self.channel_spin.setPrefix(self.tr("channel "))
        self.channel_spin.setAccessibleName(self.tr("Output channel"))
        self.channel_spin.setToolTip(self.tr("The output channel whose int8 grid is drawn "
                                             "(per-channel weights)."))
        self.channel_spin.valueChanged.connect(lambda _: self._redraw())
        self.channel_spin.hide()
        row.addWidget(self.detail_label, 1)
        row.addWidget(self.channel_spin)
        layout.addLayout(row)
        self.detail_plots = pg.GraphicsLayoutWidget(self)
        self.detail_plots.setAccessibleName(self.tr("Weights of the selected layer"))
        # the histogram's legend in a row of its own above it, never over the bars
        self.histogram_legend = pg.LegendItem(colCount=3)
        self.histogram_legend.setMaximumHeight(28)
        self.detail_plots.addItem(self.histogram_legend, row=0, col=0)
        self.histogram_plot = self.detail_plots.addPlot(row=1, col=0,
                                                        title=self.tr("Weights and int8 grid"))
        self.channel_plot = self.detail_plots.addPlot(
            row=2, col=0, title=self.tr("Weight range per output channel"))
        self.channel_plot.setLabel("bottom", self.tr("output channel"))
        self.activation_plot = self.detail_plots.addPlot(
            row=3, col=0, title=self.tr("Activation range from calibration"))
        self.activation_plot.getAxis("left").setTicks([[(0, self.tr("input")),
                                                        (1, self.tr("output"))]])
        self.detail_plots.ci.layout.setRowStretchFactor(1, 4)
        self.detail_plots.ci.layout.setRowStretchFactor(2, 2)
        self.detail_plots.ci.layout.setRowStretchFactor(3, 1)
        for plot in (self.histogram_plot, self.channel_plot, self.activation_plot):
            # smaller titles (kept by later setTitle calls): more room for the data
            plot.setTitle(plot.titleLabel.text, size="9pt")
            plot.hideButtons()
            plot.showGrid(y=True, alpha=0.2)
            plot.setMinimumHeight(CHART_MIN_PX)
            plot.setMinimumWidth(0)
        # three readable charts whatever room the Layers tab leaves them: below that height
        # they scroll (they were 25 px tall at 1024x768, their labels on top of each other)
        # (the layout's spacing as a constant: reading verticalSpacing() through ci.layout
        # made the next palette change crash Qt, as in the Comparison tab)
        self.detail_plots.setMinimumHeight(LEGEND_PX + 3 * CHART_MIN_PX + 3 * 10 + 24)
        self.detail_scroll = QScrollArea(self)
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail_scroll.setWidget(self.detail_plots)
        self.detail_scroll.setAccessibleName(self.tr("Weights of the selected layer"))
        layout.addWidget(self.detail_scroll, 1)
        layout.addStretch(0)
        self._show_plots(False)  # until a layer is selected

    def _show_plots(self, shown: bool) -> None:
        self.detail_plots.setVisible(shown)
        self.detail_scroll.setVisible(shown)

    def _clear_plots(self) -> None:
        for plot in (self.histogram_plot, self.channel_plot, self.activation_plot):
            plot.clear()
        self.histogram_legend.clear()
        self.detail = {}

    def clear(self) -> None:
        """No layer selected (or another model loaded): no plots on a previous layer's axes."""
        self._shown = None
        self._clear_plots()
        self._show_plots(False)
        self.detail_label.setText(self.tr("Select a layer to see its weights."))
        self.channel_spin.hide()
        self.histogram_plot.setTitle(self.tr("Weights and int8 grid"))
        self.activation_plot.setTitle(self.tr("Activation range from calibration"))

    def show_module(self, name: str, type_text: str, count: int) -> None:
        """A module of the tree is selected: its layers have the weights."""
        self._shown = None
        self._clear_plots()
        self._show_plots(False)
        self.detail_label.setText(self.tr(
            "{name} ({type}) holds {count} layers. Select one of them to see its "
            "weights.").format(name=name, type=type_text or self.tr("module"), count=count))
        self.channel_spin.hide()

    def show_layer(self, name: str, loaded: Any, result: Any, has_run: bool) -> None:
        """Layer ``name`` of ``loaded``; with ``result`` (a run that matches the plan shown),
        against its int8 weights and activation ranges. ``has_run``: the model has a run."""
        self._shown = (name, loaded, result, has_run)
        self._redraw()

    def _redraw(self) -> None:
        if self._shown is None:
            return
        name, loaded, result, has_run = self._shown
        from quantgui.core import analysis

        self._clear_plots()
        self._show_plots(True)
        members = None
        if result is not None:
            members = analysis.fused_groups(result.layers).get(name)
        detail = analysis.layer_detail(
            loaded.model, result.quantized_model if result else None, name, members,
            loaded.data.val_inputs[:8] if result else None,
            channel=self.channel_spin.value())
        self.detail = detail
        self._draw_histogram(detail)
        self._draw_channels(detail)
        self._draw_activations(detail, has_run)
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
            item = pg.PlotDataItem(edges, counts, stepMode="center", fillLevel=0, brush=fill,
                                   pen=pg.mkPen(color, width=1.5), name=label)
            plot.addItem(item)
            self.histogram_legend.addItem(item, label)
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
                levels = pg.PlotDataItem(xs, ys, connect="pairs", pen=pen,
                                         name=self.tr("int8 levels"))
                plot.addItem(levels)
                self.histogram_legend.addItem(levels, self.tr("int8 levels"))
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

    def _draw_activations(self, detail: dict[str, Any], has_run: bool) -> None:
        plot = self.activation_plot
        spans = [(row, detail[key]) for row, key in enumerate(("input_range", "output_range"))
                 if key in detail]
        if not spans:
            plot.setTitle(self.tr("Activation range: none (float or dynamic layer)") if has_run
                          else self.tr("Activation range: known after a static or QAT run"))
            return
        plot.setTitle(self.tr("Activation range from calibration"))
        fill = QColor(theme.QUANTIZED)
        fill.setAlpha(140)
        plot.addItem(pg.BarGraphItem(x0=[s[1][0] for s in spans], y=[s[0] for s in spans],
                                     width=[s[1][1] - s[1][0] for s in spans], height=0.6,
                                     brush=fill))
        plot.setYRange(-0.6, 1.6, padding=0)
