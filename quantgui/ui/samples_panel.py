"""The Outputs tab: original vs quantized outputs as a scatter, and a sample browser showing
each input with both models' class probabilities, that can jump to disagreements."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from quantgui.ui import theme

MAX_SCATTER_POINTS = 20000


def softmax(values: np.ndarray) -> np.ndarray:
    shifted = values - values.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=-1, keepdims=True)


class SamplesPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = QStackedWidget(self)
        placeholder = QLabel(self.tr("After a run, this tab compares the two models' outputs "
                                     "on every validation sample."), self)
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        placeholder.setWordWrap(True)
        self.stack.addWidget(placeholder)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        # Scatter of all output values.
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.scatter_plot = pg.PlotWidget(left, title=self.tr("Output values"))
        self.scatter_plot.setLabel("bottom", self.tr("original"))
        self.scatter_plot.setLabel("left", self.tr("quantized"))
        self.scatter_plot.showGrid(x=True, y=True, alpha=0.2)
        self.scatter_plot.setAspectLocked(True)
        self.scatter_plot.setAccessibleName(self.tr("Scatter of original against quantized "
                                                    "outputs"))
        self.scatter_plot.setToolTip(self.tr("Each dot is one output value; on the diagonal "
                                             "the quantized model agrees exactly."))
        self.scatter = pg.ScatterPlotItem(size=4, pen=None,
                                          brush=pg.mkBrush(theme.QUANTIZED.red(),
                                                           theme.QUANTIZED.green(),
                                                           theme.QUANTIZED.blue(), 90))
        self.scatter_plot.addItem(self.scatter)
        self.diagonal = pg.InfiniteLine(pos=(0, 0), angle=45, movable=False,
                                        pen=pg.mkPen(theme.ORIGINAL, width=1.5,
                                                     style=Qt.PenStyle.DashLine))
        self.scatter_plot.addItem(self.diagonal)
        self.agreement = QLabel(left)
        self.agreement.setWordWrap(True)
        self.agreement.setAccessibleName(self.tr("Agreement metrics"))
        self.agreement.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left_layout.addWidget(self.scatter_plot, 1)
        left_layout.addWidget(self.agreement)

        # Sample browser.
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.sample_title = QLabel(right)
        self.sample_title.setAccessibleName(self.tr("Sample"))
        self.graphics = pg.GraphicsLayoutWidget(right)
        self.graphics.setAccessibleName(self.tr("Sample input and class probabilities"))
        self.image_view = self.graphics.addViewBox(row=0, col=0, lockAspect=True,
                                                   enableMouse=False, invertY=True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image_view.addItem(self.image)
        # a sample of features (one row of a table) is drawn as bars, one per feature, in the
        # image's place: a 1 x N picture says nothing
        self.feature_plot = pg.PlotItem(title=self.tr("Input features"))
        self.feature_plot.setMouseEnabled(x=False, y=False)
        self.feature_plot.hideButtons()
        self.feature_plot.setLabel("bottom", self.tr("feature"))
        self.feature_plot.showGrid(y=True, alpha=0.2)
        self.feature_bars = pg.BarGraphItem(x=[0], height=[0], width=0.7, brush=theme.ORIGINAL)
        self.feature_plot.addItem(self.feature_bars)
        self.input_view: str = "image"  # or "features": what the layout's first cell holds
        self.prob_plot = self.graphics.addPlot(row=0, col=1, title=self.tr("Probabilities"))
        self.prob_plot.setMouseEnabled(x=False, y=False)
        self.prob_plot.hideButtons()
        self.prob_plot.setYRange(0, 1.05)
        self.prob_plot.setLabel("bottom", self.tr("class"))
        self.prob_plot.addLegend(offset=(-5, 5))
        self.graphics.ci.layout.setColumnStretchFactor(0, 2)
        self.graphics.ci.layout.setColumnStretchFactor(1, 3)
        self.original_bars = pg.BarGraphItem(x=[0], height=[0], width=0.38,
                                             brush=theme.ORIGINAL, name=self.tr("original"))
        self.quantized_bars = pg.BarGraphItem(x=[0], height=[0], width=0.38,
                                              brush=theme.QUANTIZED, name=self.tr("quantized"))
        self.prob_plot.addItem(self.original_bars)
        self.prob_plot.addItem(self.quantized_bars)
        self.prediction = QLabel(right)
        self.prediction.setWordWrap(True)
        self.prediction.setAccessibleName(self.tr("Predictions"))
        buttons = QHBoxLayout()
        self.prev_button = QPushButton(self.tr("◀ Previous"), right)
        self.next_button = QPushButton(self.tr("Next ▶"), right)
        self.disagree_button = QPushButton(self.tr("Next disagreement"), right)
        for button, tip in ((self.prev_button, self.tr("Show the previous sample.")),
                            (self.next_button, self.tr("Show the next sample.")),
                            (self.disagree_button,
                             self.tr("Jump to the next sample where the two models predict "
                                     "different classes."))):
            button.setToolTip(tip)
            button.setAccessibleName(button.text().strip("◀▶ "))
            buttons.addWidget(button)
        self.prev_button.clicked.connect(lambda: self.show_sample(self.index - 1))
        self.next_button.clicked.connect(lambda: self.show_sample(self.index + 1))
        self.disagree_button.clicked.connect(self.next_disagreement)
        right_layout.addWidget(self.sample_title)
        right_layout.addWidget(self.graphics, 1)
        right_layout.addWidget(self.prediction)
        right_layout.addLayout(buttons)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([420, 520])
        self.stack.addWidget(splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack)
        self.index = 0
        self.count = 0
        self.disagreements: np.ndarray = np.zeros(0, dtype=int)

    def clear(self) -> None:
        self.stack.setCurrentIndex(0)
        self.count = 0

    def show_result(self, result, data) -> None:
        original = result.original_outputs.detach().cpu().numpy()
        quantized = result.quantized_outputs.detach().cpu().numpy()
        x, y = original.reshape(-1), quantized.reshape(-1)
        if x.size > MAX_SCATTER_POINTS:
            pick = np.random.default_rng(0).choice(x.size, MAX_SCATTER_POINTS, replace=False)
            x, y = x[pick], y[pick]
        self.scatter.setData(x, y)
        self.scatter_plot.autoRange()
        a = result.agreement
        parts = [self.tr("cosine {value:.5f}").format(value=a.cosine),
                 self.tr("SQNR {value:.1f} dB").format(value=a.sqnr_db),
                 self.tr("max |error| {value:.4g}").format(value=a.max_abs_error)]
        if a.top1_agreement is not None:
            parts.append(self.tr("top-1 agreement {value:.2%}").format(value=a.top1_agreement))
        self.agreement.setText("   ·   ".join(parts))
        self.inputs = data.val_inputs.detach().cpu().numpy()
        self.labels = None if data.val_labels is None else data.val_labels.cpu().numpy()
        self.classifier = original.ndim == 2 and original.shape[1] > 1
        self.original = original
        self.quantized = quantized
        if self.classifier:
            self.p_original, self.p_quantized = softmax(original), softmax(quantized)
            self.disagreements = np.flatnonzero(original.argmax(1) != quantized.argmax(1))
        else:
            self.disagreements = np.zeros(0, dtype=int)
        self.count = original.shape[0]
        self.disagree_button.setEnabled(self.disagreements.size > 0)
        self.disagree_button.setText(
            self.tr("Next disagreement ({count})").format(count=self.disagreements.size))
        self.stack.setCurrentIndex(1)
        self.show_sample(0)

    def _use_input_view(self, view: str) -> None:
        if view == self.input_view:
            return
        layout = self.graphics.ci
        old, new = ((self.image_view, self.feature_plot) if view == "features"
                    else (self.feature_plot, self.image_view))
        layout.removeItem(old)
        layout.addItem(new, row=0, col=0)
        self.input_view = view

    def next_disagreement(self) -> None:
        if self.disagreements.size == 0:
            return
        later = self.disagreements[self.disagreements > self.index]
        self.show_sample(int(later[0] if later.size else self.disagreements[0]))

    def show_sample(self, index: int) -> None:
        if self.count == 0:
            return
        self.index = index % self.count
        sample = self.inputs[self.index]
        if sample.ndim >= 2 and sample.size == sample.shape[-2] * sample.shape[-1]:
            self._use_input_view("image")
            picture = sample.reshape(sample.shape[-2], sample.shape[-1])
            self.image.setImage(picture,
                                levels=(float(picture.min()), float(picture.max()) or 1.0))
            self.image.setLookupTable(None)
            self.image_view.autoRange(padding=0.02)
        else:  # features (or a shape with no 2-D picture in it): one bar per value
            self._use_input_view("features")
            values = sample.reshape(-1).astype(float)
            self.feature_bars.setOpts(x=np.arange(values.size), height=values)
            self.feature_plot.setXRange(-0.6, values.size - 0.4, padding=0)
            low, high = min(0.0, float(values.min())), max(0.0, float(values.max()))
            self.feature_plot.setYRange(low, high if high > low else low + 1.0, padding=0.05)
        title = self.tr("Sample {index} of {count}").format(index=self.index + 1,
                                                           count=self.count)
        if self.labels is not None:
            title += "  ·  " + self.tr("label {label}").format(label=int(self.labels[self.index]))
        self.sample_title.setText(title)
        if not self.classifier:
            self.original_bars.setOpts(x=[0], height=[0])
            self.quantized_bars.setOpts(x=[0], height=[0])
            self.prediction.setText(self.tr("original {a}, quantized {b}").format(
                a=np.array2string(self.original[self.index], precision=3),
                b=np.array2string(self.quantized[self.index], precision=3)))
            return
        po, pq = self.p_original[self.index], self.p_quantized[self.index]
        classes = np.arange(po.size)
        self.original_bars.setOpts(x=classes - 0.2, height=po)
        self.quantized_bars.setOpts(x=classes + 0.2, height=pq)
        self.prob_plot.getAxis("bottom").setTicks([[(int(c), str(int(c))) for c in classes]])
        self.prob_plot.setXRange(-0.7, po.size - 0.3, padding=0)
        co, cq = int(po.argmax()), int(pq.argmax())
        text = self.tr("Original: class {co} ({po:.1%})   Quantized: class {cq} ({pq:.1%})").format(
            co=co, po=float(po[co]), cq=cq, pq=float(pq[cq]))
        if co != cq:
            text += "  —  " + self.tr("the models disagree")
        self.prediction.setText(text)
