"""The Training tab: QAT loss per step (raw and smoothed), validation metrics per epoch, and the
learning rate. Curves are created once; events only append to arrays, and a timer redraws."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGraphicsItem, QLabel, QVBoxLayout, QWidget

from quantgui.ui import theme

EMA_ALPHA = 0.1
AXIS_WIDTH, AXIS_HEIGHT = 56, 40  # pixels, room for labels such as "0.0005" and "step"
REDRAW_MS = 200  # 5 redraws a second look live and leave the CPU to training
ACCURACY_MIN_SPAN = 0.01  # the accuracy axis spans at least 1 point (100 % alone: 99-100 %)


class PercentAxis(pg.AxisItem):
    """An axis over fractions (0.98, 0.99) labelled as percentages (98%, 99%)."""

    def tickStrings(self, values, scale, spacing):  # noqa: ANN001, ANN201, N802 - pyqtgraph's
        decimals = max(0, min(3, -int(np.floor(np.log10(max(spacing * 100, 1e-9))))))
        return [f"{100 * value:.{decimals}f}%" for value in values]


class TrainingPlots(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = QLabel(self.tr("Choose QAT and press Quantize: the training loss, the "
                                   "validation metrics and the learning rate appear here "
                                   "as the model trains."), self)
        self.hint.setWordWrap(True)
        self.graphics = pg.GraphicsLayoutWidget(self)
        self.graphics.setAccessibleName(self.tr("Training curves"))
        self.graphics.setToolTip(self.tr("QAT training curves: loss, validation loss and "
                                         "accuracy, learning rate."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.hint)
        layout.addWidget(self.graphics, 1)

        raw_pen = pg.mkPen(theme.RAW, width=1)
        ema_pen = pg.mkPen(theme.ORIGINAL, width=2)
        q_pen = pg.mkPen(theme.QUANTIZED, width=2)

        self.loss_plot = self.graphics.addPlot(row=0, col=0, title=self.tr("Training loss"))
        self.loss_plot.addLegend(offset=(-10, 10))
        self.loss_plot.setLabel("bottom", self.tr("step"))
        # Per-step curves are drawn without antialiasing: cheaper repaints while QAT runs.
        self.raw_curve = self.loss_plot.plot(pen=raw_pen, name=self.tr("per step"),
                                             antialias=False)
        self.ema_curve = self.loss_plot.plot(pen=ema_pen, name=self.tr("smoothed"),
                                             antialias=False)

        self.lr_plot = self.graphics.addPlot(row=0, col=1, title=self.tr("Learning rate"))
        self.lr_plot.setLabel("bottom", self.tr("step"))
        self.lr_curve = self.lr_plot.plot(pen=q_pen, antialias=False)

        self.val_loss_plot = self.graphics.addPlot(row=1, col=0,
                                                   title=self.tr("Validation loss"))
        self.val_loss_plot.setLabel("bottom", self.tr("epoch"))
        self.val_loss_curve = self.val_loss_plot.plot(
            pen=q_pen, symbol="o", symbolSize=7, symbolBrush=theme.QUANTIZED)

        self.acc_plot = self.graphics.addPlot(row=1, col=1, title=self.tr("Validation accuracy"),
                                              axisItems={"left": PercentAxis("left")})
        self.acc_plot.setLabel("bottom", self.tr("epoch"))
        self.acc_plot.addLegend(offset=(-10, -10))
        self.acc_curve = self.acc_plot.plot(pen=q_pen, symbol="o", symbolSize=7,
                                            symbolBrush=theme.QUANTIZED,
                                            name=self.tr("QAT (fake-quantized)"))
        self.reference = pg.InfiniteLine(
            angle=0, movable=False,
            pen=pg.mkPen(theme.ORIGINAL, width=2, style=Qt.PenStyle.DashLine),
            label=self.tr("original") + " {value:.1%}",
            labelOpts={"position": 0.15, "color": theme.ORIGINAL})
        self.reference.setVisible(False)
        self.acc_plot.addItem(self.reference)

        for plot in (self.loss_plot, self.lr_plot):
            plot.setDownsampling(auto=True, mode="peak")
            plot.setClipToView(True)
        # Ranges are set here, not auto-ranged: when the axes stay put, a redraw repaints only
        # the curves, which keeps the GUI thread responsive while QAT runs (no grid for the same
        # reason: grid lines belong to the axes and would repaint with every curve change).
        self.all_plots = (self.loss_plot, self.lr_plot, self.val_loss_plot, self.acc_plot)
        for plot in self.all_plots:
            plot.disableAutoRange()
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()

        # Axes, titles and legends are drawn once into a pixmap and then only copied: the curves
        # change five times a second, and without the cache every repaint that touched an axis
        # ran pyqtgraph's Python paint code and re-rendered its text (measured: two thirds of
        # the GUI thread's time during QAT), taking the interpreter lock from training.
        # Fixed axis sizes: otherwise a new tick label one digit wider widens its axis, the
        # layout reflows and every plot's axes are redrawn.
        for plot in self.all_plots:
            plot.getAxis("left").setWidth(AXIS_WIDTH)
            plot.getAxis("bottom").setHeight(AXIS_HEIGHT)
        cached = [plot.getAxis(side) for plot in self.all_plots for side in ("left", "bottom")]
        cached += [plot.titleLabel for plot in self.all_plots]
        cached += [plot.legend for plot in self.all_plots if plot.legend is not None]
        for item in cached:
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

        self._timer = QTimer(self)
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self.redraw)
        self.reset()

    # --- data -----------------------------------------------------------------------------
    def reset(self, original_accuracy: float | None = None) -> None:
        self.steps: list[int] = []
        self.losses: list[float] = []
        self.smoothed: list[float] = []
        self.rates: list[float] = []
        self.epochs: list[int] = []
        self.val_losses: list[float] = []
        self.val_accuracies: list[float] = []
        self._dirty = True
        self._epochs_dirty = True  # the per-epoch plots change once an epoch: redraw them then
        self._y_ranges: dict[int, tuple[float, float]] = {}
        self._x_set = False
        for plot in (self.val_loss_plot, self.acc_plot):
            plot.getAxis("bottom").setTicks(None)
        self.loss_plot.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
        self.lr_plot.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
        self.val_loss_plot.setRange(xRange=(0.5, 1.5), yRange=(0, 1), padding=0)
        self.acc_plot.setRange(xRange=(0.5, 1.5), yRange=(0, 1), padding=0)
        self.original_accuracy = original_accuracy
        if original_accuracy is None:
            self.reference.setVisible(False)
        else:
            # visible first: pyqtgraph's label only rewrites its text while it is visible, so
            # a hidden line kept "original 0.0%" until the next run redrew it
            self.reference.setVisible(True)
            self.reference.setValue(original_accuracy)
            self.reference.label.setFormat(self.tr("original") + " {value:.1%}")
            self.reference.label.setText(self.reference.label.format.format(
                value=original_accuracy))
        self.redraw()

    def add_events(self, events: list) -> None:
        from quantgui.core.events import EpochEnd, TrainStep

        for event in events:
            if isinstance(event, TrainStep):
                if not self._x_set:
                    self.prepare(event.epochs, event.steps_per_epoch)
                index = (event.epoch - 1) * event.steps_per_epoch + event.step
                previous = self.smoothed[-1] if self.smoothed else event.loss
                self.steps.append(index)
                self.losses.append(event.loss)
                self.smoothed.append(EMA_ALPHA * event.loss + (1 - EMA_ALPHA) * previous)
                self.rates.append(event.learning_rate)
                self._dirty = True
            elif isinstance(event, EpochEnd):
                self.epochs.append(event.epoch)
                self.val_losses.append(np.nan if event.val_loss is None else event.val_loss)
                self.val_accuracies.append(
                    np.nan if event.val_accuracy is None else event.val_accuracy)
                self._dirty = True
                self._epochs_dirty = True

    def prepare(self, epochs: int, steps_per_epoch: int,
                learning_rate: float | None = None) -> None:
        """Lay the axes out for the whole run before it starts: redrawing an axis costs the GUI
        thread (and the interpreter lock) far more than a curve, so it happens once, here,
        not while training runs."""
        self._x_set = True
        total = epochs * steps_per_epoch
        self.loss_plot.setXRange(0, total, padding=0.02)
        self.lr_plot.setXRange(0, total, padding=0.02)
        self.val_loss_plot.setXRange(0.5, epochs + 0.5, padding=0)
        self.acc_plot.setXRange(0.5, epochs + 0.5, padding=0)
        if epochs <= 20:
            ticks = [[(e, str(e)) for e in range(1, epochs + 1)]]
            self.val_loss_plot.getAxis("bottom").setTicks(ticks)
            self.acc_plot.getAxis("bottom").setTicks(ticks)
        if learning_rate is not None:
            self._grow_y(self.lr_plot, [learning_rate], floor_zero=True)  # schedules only decay

    def start(self) -> None:
        self.hint.hide()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.redraw()

    def redraw(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        steps = np.asarray(self.steps, dtype=float)
        self.raw_curve.setData(steps, np.asarray(self.losses, dtype=float))
        self.ema_curve.setData(steps, np.asarray(self.smoothed, dtype=float))
        self.lr_curve.setData(steps, np.asarray(self.rates, dtype=float))
        plots = [(self.loss_plot, self.losses), (self.lr_plot, self.rates)]
        if self._epochs_dirty:
            self._epochs_dirty = False
            epochs = np.asarray(self.epochs, dtype=float)
            for curve, values in ((self.val_loss_curve, self.val_losses),
                                  (self.acc_curve, self.val_accuracies)):
                # only the epochs that have the metric (no labels: no accuracy): pyqtgraph's
                # scatter bounds of all-NaN data warned "All-NaN slice encountered" on stderr
                y = np.asarray(values, dtype=float)
                shown = np.isfinite(y)
                curve.setData(epochs[shown], y[shown])
            reference = [] if self.original_accuracy is None else [self.original_accuracy]
            plots += [(self.val_loss_plot, self.val_losses),
                      (self.acc_plot, self.val_accuracies + reference)]
        for plot, values in plots:
            self._grow_y(plot, values, floor_zero=plot is self.lr_plot)

    def _grow_y(self, plot, values: list[float], floor_zero: bool = False) -> None:
        """Widen the y range (with a margin) only when data falls outside it."""
        finite = [v for v in values if np.isfinite(v)]
        if not finite:
            return
        low, high = min(finite), max(finite)
        if floor_zero:
            low = min(0.0, low)
        current = self._y_ranges.get(id(plot))
        if current is not None and current[0] <= low and high <= current[1]:
            return
        span = (high - low) or 0.1 * abs(high) or 1.0
        margin = 0.15 * span
        new = (low - (0 if floor_zero else margin), high + margin)
        if current is not None:
            new = (min(new[0], current[0]), max(new[1], current[1]))
        if plot is self.acc_plot:  # an accuracy is 0-100 %: the axis never goes past them
            new = (max(0.0, min(new[0], 1.0 - ACCURACY_MIN_SPAN)), min(1.0, new[1]))
            new = (new[0], max(new[1], new[0] + ACCURACY_MIN_SPAN))
        self._y_ranges[id(plot)] = new
        plot.setYRange(*new, padding=0)

    def plotted_step_count(self) -> int:
        x, _ = self.raw_curve.getOriginalDataset()
        return 0 if x is None else len(x)
