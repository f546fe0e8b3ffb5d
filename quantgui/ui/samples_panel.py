"""The Outputs tab: original vs quantized outputs as a scatter, and a sample browser showing
each input with both models' class probabilities, that can jump to disagreements.

A sample is drawn as what it is: a picture, one bar per feature of a table's row, or, for
token ids and several inputs (data kinds "tokens" and "inputs"), one row per input with its
values side by side; token ids get a row of their words when the model's folder has a
tokenizer (loaded in a worker).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quantgui.jobs.open_tasks import tokenizer_files, tokenizer_job
from quantgui.jobs.worker import JobRunner
from quantgui.ui import theme

MAX_SCATTER_POINTS = 20000
MAX_SEQUENCE = 512  # values shown per input of a sample
SEQUENCE_KINDS = ("tokens", "inputs")


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
        self.input_view: str = "image"  # or "features", "sequence": how a sample is drawn
        # token ids and several inputs: one row per input, one column per position
        self.sequence_table = QTableWidget(right)
        self.sequence_table.setAccessibleName(self.tr("Sample inputs"))
        self.sequence_table.setToolTip(self.tr("The sample's inputs, one row each, their values "
                                               "side by side; token ids with their words when "
                                               "the model's tokenizer is known."))
        self.sequence_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sequence_table.hide()
        self.sequence_note = QLabel(right)
        self.sequence_note.setWordWrap(True)
        self.sequence_note.hide()
        self.decoder: Any = None  # the tokenizer of the model's folder, once loaded
        self.decoder_folder = ""
        self._decoder_tried = ""  # the folder whose tokenizer was last asked for
        self.decoder_runner = JobRunner(self, "tokenizer")
        self.decoder_runner.finished.connect(self._on_decoder)
        self.decoder_runner.ended.connect(lambda _: self._start_decoder())
        self._watched: QWidget | None = None  # the window whose closing stops the job
        self.signature: Any = None
        self.data_kind = ""
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
        right_layout.addWidget(self.sequence_table)
        right_layout.addWidget(self.sequence_note)
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

    def show_result(self, result, data, source: str | None = None) -> None:
        """``source``: the loaded model's ``kind:spec`` (its tokenizer decodes token ids); by
        default the window's loaded model's."""
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
        self.signature = getattr(data, "signature", None)
        self.data_kind = str(getattr(data, "kind", ""))
        self._want_decoder(self._loaded_source() if source is None else source)
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

    def _loaded_source(self) -> str:
        """The window's loaded model's ``kind:spec`` (the window passes only the data)."""
        state = getattr(self.window(), "state", None)
        return str(getattr(getattr(state, "loaded", None), "source", "") or "")

    def _want_decoder(self, source: str) -> None:
        """Load the tokenizer of a Hugging Face folder that has one (token ids to words)."""
        kind, _, spec = source.partition(":")
        folder = spec if kind == "huggingface" and self.data_kind in SEQUENCE_KINDS else ""
        if folder and not tokenizer_files(Path(folder)):
            folder = ""
        if folder == self.decoder_folder:
            return
        self.decoder, self.decoder_folder, self._decoder_tried = None, folder, ""
        window = self.window()
        if window is not self._watched:  # its closing stops the job before the widgets go
            window.installEventFilter(self)
            self._watched = window
        self._start_decoder()

    def _start_decoder(self) -> None:
        """Load the wanted tokenizer, after the job running now (its result is dropped)."""
        folder = self.decoder_folder
        if self.decoder_runner.is_running():
            self.decoder_runner.cancel()
        elif folder and self.decoder is None and folder != self._decoder_tried:
            self._decoder_tried = folder  # a tokenizer that fails is not asked for again
            load = tokenizer_job(folder)
            self.decoder_runner.start(lambda cancel: (folder, load(cancel)))

    def _on_decoder(self, loaded: tuple[str, Any]) -> None:
        folder, tokenizer = loaded
        if folder != self.decoder_folder:
            return  # another model's folder is wanted now
        self.decoder = tokenizer
        if self.count and self.input_view == "sequence":
            self.show_sample(self.index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._watched and event.type() == QEvent.Type.Close:
            self.stop_jobs()
        return False

    def stop_jobs(self) -> None:
        """Stop reading the tokenizer (the window is closing)."""
        if self.decoder_runner.is_running():
            self.decoder_runner.stop_and_wait()
            if self.decoder is None:
                self.decoder_folder = ""  # asked for again by the next result

    def _use_input_view(self, view: str) -> None:
        if view == self.input_view:
            return
        layout = self.graphics.ci
        current = {"image": self.image_view, "features": self.feature_plot}.get(self.input_view)
        if current is not None:
            layout.removeItem(current)
        new = {"image": self.image_view, "features": self.feature_plot}.get(view)
        if new is not None:
            layout.addItem(new, row=0, col=0)
        self.sequence_table.setVisible(view == "sequence")
        self.sequence_note.setVisible(view == "sequence" and bool(self.sequence_note.text()))
        # the probabilities take the whole width when the sample is drawn in the table above
        self.graphics.ci.layout.setColumnStretchFactor(0, 0 if view == "sequence" else 2)
        self.graphics.ci.layout.setColumnMaximumWidth(0, 0 if view == "sequence" else 10**6)
        self.input_view = view

    def _sample_inputs(self, sample: np.ndarray) -> list[tuple[str, np.ndarray, bool]]:
        """(name, values, integer) of each input of a sample, unpacked as the model gets it."""
        signature = self.signature
        if signature is None:
            return [("ids", sample.reshape(-1), True)]
        parts = []
        for spec, (start, end, _, _) in zip(signature.inputs, signature.layout(), strict=True):
            values = sample.reshape(-1)[start:end] if signature.packed else sample.reshape(-1)
            parts.append((spec.name, values, spec.is_integer))
        return parts

    def _show_sequence(self, sample: np.ndarray) -> None:
        rows: list[tuple[str, list[str], list[bool]]] = []  # name, cells, dimmed
        inputs = self._sample_inputs(sample)
        masks = {name: values for name, values, _ in inputs if name == "attention_mask"}
        mask = masks.get("attention_mask")
        longest = 0
        for name, values, integer in inputs:
            longest = max(longest, values.size)
            values = values[:MAX_SEQUENCE]
            padding = [bool(mask is not None and name != "attention_mask" and i < mask.size
                            and mask[i] == 0) for i in range(values.size)]
            cells = [str(int(v)) for v in values] if integer else [f"{float(v):.4g}"
                                                                  for v in values]
            rows.append((name, cells, padding))
            if integer and self.decoder is not None and name in ("input_ids", "ids"):
                ids = [int(v) for v in values]
                words = [str(word) for word in self.decoder.convert_ids_to_tokens(ids)]
                rows.append((self.tr("words"), words, padding))
        table = self.sequence_table
        table.clear()
        table.setRowCount(len(rows))
        table.setColumnCount(max((len(cells) for _, cells, _ in rows), default=0))
        muted = self.palette().placeholderText().color()
        for r, (name, cells, padding) in enumerate(rows):
            table.setVerticalHeaderItem(r, QTableWidgetItem(name))
            for c, cell in enumerate(cells):
                item = QTableWidgetItem(cell)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if padding[c]:
                    item.setForeground(muted)
                    item.setToolTip(self.tr("padding (the attention mask is 0 here)"))
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        height = table.horizontalHeader().height() + 2 * table.frameWidth() + sum(
            table.rowHeight(r) for r in range(table.rowCount()))
        scrollbar = table.horizontalScrollBar().sizeHint().height()
        table.setFixedHeight(min(height + scrollbar, 220))
        notes = []
        if longest > MAX_SEQUENCE:
            notes.append(self.tr("The first {shown} of {count} values of each input are "
                                 "shown.").format(shown=MAX_SEQUENCE, count=longest))
        if self.decoder_folder and self.decoder is None:
            notes.append(self.tr("Reading the tokenizer to show the words…"))
        self.sequence_note.setText(" ".join(notes))
        self.sequence_note.setVisible(bool(notes))

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
        if self.data_kind in SEQUENCE_KINDS:
            self._use_input_view("sequence")
            self._show_sequence(sample)
        elif sample.ndim >= 2 and sample.size == sample.shape[-2] * sample.shape[-1]:
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
