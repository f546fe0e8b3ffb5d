"""The Open model dialog: the user's model file, how to build it, and the data to use.

The file's kind is detected (and a Python file's nn.Module classes found by a text scan) in a
worker; so is the data preview. Nothing the user gives runs until the window loads the model,
and a pickled model asks for trust first (see ``user_models.py``).

The dialog is non-modal (``open()``) and every field can be set from code, so tests fill it in
and call ``accept()``; ``accept()`` refuses while a field is invalid and says why.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quantgui.jobs.open_tasks import inspect_model_job, preview_data_job
from quantgui.jobs.worker import JobFailure, JobRunner
from quantgui.ui import theme
from quantgui.ui.wording import window_words

DATA_KINDS = ("random", "tensors", "csv", "images")
TENSOR_SUFFIXES = (".pt", ".pth", ".npy", ".npz")
MODEL_FILTER = "PyTorch models (*.pt2 *.pt *.pth *.py *.ts *.pkl *.jit);;All files (*)"


def parse_dims(text: str) -> tuple[int, ...]:
    """'3,32,32' -> (3, 32, 32); ValueError unless all are positive integers."""
    parts = [part.strip() for part in text.replace("x", ",").replace("×", ",").split(",")]
    dims = tuple(int(part) for part in parts)
    if not dims or any(d <= 0 for d in dims):
        raise ValueError(text)
    return dims


def split_spec(spec: str) -> tuple[str, str, str]:
    """'model.py:Class:weights.pt' -> (model.py, Class, weights.pt); other files: (path, '', '')."""
    marker = spec.find(".py:")
    if marker < 0:
        return spec, "", ""
    class_name, _, weights = spec[marker + 4:].partition(":")
    return spec[:marker + 3], class_name, weights


def guess_data_kind(path: str) -> str:
    if not path or path == "random":
        return "random"
    if Path(path).is_dir():
        return "images"
    return "csv" if path.lower().endswith(".csv") else "tensors"


@dataclass
class OpenRequest:
    """Everything needed to open a model file; plain strings, as stored in Open Recent."""

    model: str
    class_name: str = ""
    weights: str = ""
    model_args: str = ""  # JSON object text; "" = no arguments
    input_shape: str = ""  # "3,32,32"; "" = the file's own
    data: str = "random"  # "random", or the path of a file or folder
    label_column: str = ""  # CSV only; "" = no labels
    image_size: str = ""  # "H,W" or "N"; "" = the first image's size
    val_fraction: float = 0.2
    kind: str = ""  # as detected: export, python, torchscript, pickle ("" = not known)
    trust: bool = False  # never stored: a pickle asks again each time

    @property
    def spec(self) -> str:
        if self.model.endswith(".py") and self.class_name:
            return f"{self.model}:{self.class_name}" + (f":{self.weights}" if self.weights
                                                        else "")
        return self.model

    @property
    def title(self) -> str:
        name = Path(self.model).name
        return f"{self.class_name} ({name})" if self.class_name else name

    def options(self) -> dict[str, Any]:
        """Keyword arguments for ``open_user_model`` (ValueError on a bad shape or size)."""
        size = None
        if self.image_size.strip():
            size = parse_dims(self.image_size)
            size = size * 2 if len(size) == 1 else size
            if len(size) != 2:
                raise ValueError(self.image_size)
        return dict(
            data=self.data or "random",
            model_args=self.model_args.strip() or None,
            input_shape=parse_dims(self.input_shape) if self.input_shape.strip() else None,
            label_column=(self.label_column or None) if self.data.lower().endswith(".csv")
            else None,
            image_size=size if Path(self.data).is_dir() else None,
            val_fraction=float(self.val_fraction), trust=self.trust)

    def to_dict(self) -> dict[str, Any]:
        values = asdict(self)
        values.pop("trust")
        return values

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> OpenRequest:
        names = {f.name for f in fields(cls)} - {"trust"}
        return cls(**{k: v for k, v in values.items() if k in names})


class OpenModelDialog(QDialog):
    inspected = Signal()  # the model file has been read (or failed to be)
    previewed = Signal()  # the data preview is up to date (or failed)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openModelDialog")
        self.setWindowTitle(self.tr("Open model"))
        self.info: Any = None  # quantgui.jobs.open_tasks.ModelInfo of the current file
        self.inspecting = False
        self.inspect_error = ""
        self.preview_error = ""
        self.preview: Any = None
        self._shape_from_file = ""
        self._wanted_label = ""
        self._queued: dict[str, Any] = {}
        self.kind_names = {
            "export": self.tr("torch.export program"), "python": self.tr("Python file"),
            "torchscript": self.tr("TorchScript"),
            "pickle": self.tr("pickled model — runs code"),
            "weights": self.tr("weights only (a state_dict), not a model"),
        }
        self.inspector = JobRunner(self, "inspect")
        self.inspector.finished.connect(self._on_inspected)
        self.inspector.failed.connect(self._on_inspect_failed)
        self.inspector.ended.connect(lambda _: self._start_queued("inspect"))
        self.previewer = JobRunner(self, "preview")
        self.previewer.finished.connect(self._on_previewed)
        self.previewer.failed.connect(self._on_preview_failed)
        self.previewer.ended.connect(lambda _: self._start_queued("preview"))
        self._inspect_timer = self._debounce(self.inspect_now)
        self._preview_timer = self._debounce(self.preview_now)
        self._build()
        self.resize(640, 720)
        self._on_data_kind()
        self.revalidate()

    def _debounce(self, slot) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(350)
        timer.timeout.connect(slot)
        return timer

    # --- construction ---------------------------------------------------------------------
    def _row(self, edit: QLineEdit, browse) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        button = QPushButton(self.tr("Browse…"), row)
        button.setAccessibleName(self.tr("Browse for {what}").format(what=edit.accessibleName()))
        button.clicked.connect(browse)
        layout.addWidget(edit, 1)
        layout.addWidget(button)
        return row

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        model_box = QGroupBox(self.tr("Model"), self)
        self.model_form = form = QFormLayout(model_box)
        self.model_edit = QLineEdit(model_box)
        self.model_edit.setAccessibleName(self.tr("Model file"))
        self.model_edit.setPlaceholderText(self.tr("model.pt2, model.py, model.pt…"))
        self.model_edit.textChanged.connect(lambda _: self._model_changed())
        form.addRow(self.tr("File:"), self._row(self.model_edit, self._browse_model))
        self.kind_label = QLabel(model_box)
        self.kind_label.setWordWrap(True)
        self.kind_label.setAccessibleName(self.tr("Kind of model file"))
        form.addRow(self.tr("Kind:"), self.kind_label)
        self.class_combo = QComboBox(model_box)
        self.class_combo.setEditable(True)
        self.class_combo.setAccessibleName(self.tr("Class"))
        self.class_combo.setToolTip(self.tr("The nn.Module subclasses defined in the file, found "
                                            "without running it."))
        self.class_combo.currentTextChanged.connect(lambda _: self.revalidate())
        form.addRow(self.tr("Class:"), self.class_combo)
        self.args_edit = QLineEdit(model_box)
        self.args_edit.setAccessibleName(self.tr("Constructor arguments"))
        self.args_edit.setPlaceholderText('{"hidden": 64}')
        self.args_edit.setToolTip(self.tr("Keyword arguments for the class, as a JSON object."))
        self.args_edit.textChanged.connect(lambda _: self.revalidate())
        self.args_error = QLabel(model_box)
        self.args_error.setWordWrap(True)
        self.args_error.setAccessibleName(self.tr("Constructor arguments problem"))
        args = QWidget(model_box)
        args_layout = QVBoxLayout(args)
        args_layout.setContentsMargins(0, 0, 0, 0)
        args_layout.addWidget(self.args_edit)
        args_layout.addWidget(self.args_error)
        form.addRow(self.tr("Arguments (JSON):"), args)
        self.weights_edit = QLineEdit(model_box)
        self.weights_edit.setAccessibleName(self.tr("Weights file"))
        self.weights_edit.setPlaceholderText(self.tr("optional: weights.pt (a state_dict)"))
        self.weights_edit.textChanged.connect(lambda _: self.revalidate())
        form.addRow(self.tr("Weights:"), self._row(self.weights_edit, self._browse_weights))
        self.shape_edit = QLineEdit(model_box)
        self.shape_edit.setAccessibleName(self.tr("Input shape"))
        self.shape_edit.setPlaceholderText(self.tr("e.g. 3,32,32 (per sample, without batch)"))
        self.shape_edit.textChanged.connect(lambda _: self.revalidate())
        form.addRow(self.tr("Input shape:"), self.shape_edit)
        layout.addWidget(model_box)

        data_box = QGroupBox(self.tr("Data"), self)
        self.data_form = data_form = QFormLayout(data_box)
        self.data_group = QButtonGroup(self)
        self.data_buttons: dict[str, QRadioButton] = {}
        titles = {
            "random": self.tr("Random (good for calibration only, no accuracy)"),
            "tensors": self.tr("Tensor or array file (.pt, .npy, .npz)"),
            "csv": self.tr("CSV file with a label column"),
            "images": self.tr("Folder of images, one sub-folder per class"),
        }
        choices = QWidget(data_box)
        choices_layout = QVBoxLayout(choices)
        choices_layout.setContentsMargins(0, 0, 0, 0)
        for kind in DATA_KINDS:
            button = QRadioButton(titles[kind], choices)
            self.data_group.addButton(button)
            self.data_buttons[kind] = button
            choices_layout.addWidget(button)
            button.toggled.connect(lambda checked: checked and self._on_data_kind())
        data_form.addRow(self.tr("Source:"), choices)
        self.data_edit = QLineEdit(data_box)
        self.data_edit.setAccessibleName(self.tr("Data path"))
        self.data_edit.textChanged.connect(lambda _: self._data_changed())
        data_form.addRow(self.tr("Path:"), self._row(self.data_edit, self._browse_data))
        self.label_combo = QComboBox(data_box)
        self.label_combo.setAccessibleName(self.tr("Label column"))
        self.label_combo.currentIndexChanged.connect(lambda _: self._label_changed())
        data_form.addRow(self.tr("Label column:"), self.label_combo)
        self.image_size_edit = QLineEdit(data_box)
        self.image_size_edit.setAccessibleName(self.tr("Image size"))
        self.image_size_edit.setPlaceholderText(self.tr("H,W (empty: the first image's size)"))
        self.image_size_edit.textChanged.connect(lambda _: self.revalidate())
        data_form.addRow(self.tr("Image size:"), self.image_size_edit)
        self.val_spin = QDoubleSpinBox(data_box)
        self.val_spin.setAccessibleName(self.tr("Validation fraction"))
        self.val_spin.setRange(0.05, 0.9)
        self.val_spin.setSingleStep(0.05)
        self.val_spin.setDecimals(2)
        self.val_spin.setValue(0.2)
        self.val_spin.setToolTip(self.tr("The share of the samples kept aside to measure the "
                                         "models; the rest calibrates and trains."))
        data_form.addRow(self.tr("Validation fraction:"), self.val_spin)
        layout.addWidget(data_box)

        preview_box = QGroupBox(self.tr("Preview"), self)
        preview_layout = QVBoxLayout(preview_box)
        self.preview_label = QLabel(preview_box)
        self.preview_label.setWordWrap(True)
        self.preview_label.setAccessibleName(self.tr("Data preview"))
        self.preview_table = QTableWidget(preview_box)
        self.preview_table.setAccessibleName(self.tr("First rows"))
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setMaximumHeight(170)
        self.thumbs = QWidget(preview_box)
        self.thumbs_layout = QHBoxLayout(self.thumbs)
        self.thumbs_layout.setContentsMargins(0, 0, 0, 0)
        self.thumbs_layout.addStretch(1)
        preview_layout.addWidget(self.preview_label)
        preview_layout.addWidget(self.preview_table)
        preview_layout.addWidget(self.thumbs)
        preview_layout.addStretch(1)
        layout.addWidget(preview_box, 1)

        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setAccessibleName(self.tr("Problem"))
        layout.addWidget(self.problem_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setText(self.tr("Open"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.data_buttons["random"].setChecked(True)

    # --- filling in -----------------------------------------------------------------------
    def set_request(self, request: OpenRequest) -> None:
        """Fill every field from ``request`` (as Open Recent and the command line give it)."""
        self.class_combo.setEditText(request.class_name)
        self.args_edit.setText(request.model_args)
        self.weights_edit.setText(request.weights)
        self.shape_edit.setText(request.input_shape)
        kind = guess_data_kind(request.data)
        self.data_buttons[kind].setChecked(True)
        self._wanted_label = request.label_column
        self.data_edit.setText("" if kind == "random" else request.data)
        self.image_size_edit.setText(request.image_size)
        self.val_spin.setValue(request.val_fraction)
        self.set_model_path(request.model)

    def set_model_path(self, path: str) -> None:
        """Set the model file and read it now (no typing delay)."""
        model, class_name, weights = split_spec(path)
        self.model_edit.setText(model)
        if class_name:
            self.class_combo.setEditText(class_name)
        if weights:
            self.weights_edit.setText(weights)
        self.inspect_now()

    def set_data(self, kind: str, path: str = "", label_column: str = "") -> None:
        """Choose the data source and preview it now."""
        self.data_buttons[kind].setChecked(True)
        self._wanted_label = label_column
        self.data_edit.setText(path)
        self.preview_now()

    def data_kind(self) -> str:
        return next(k for k, b in self.data_buttons.items() if b.isChecked())

    def request(self) -> OpenRequest:
        kind = self.data_kind()
        python = self.info is not None and self.info.kind == "python"
        return OpenRequest(
            model=self.model_edit.text().strip(),
            class_name=self.class_combo.currentText().strip() if python else "",
            weights=self.weights_edit.text().strip() if python else "",
            model_args=self.args_edit.text().strip() if python else "",
            input_shape=self.shape_edit.text().strip(),
            data="random" if kind == "random" else self.data_edit.text().strip(),
            label_column=str(self.label_combo.currentData() or "") if kind == "csv" else "",
            image_size=self.image_size_edit.text().strip() if kind == "images" else "",
            val_fraction=round(self.val_spin.value(), 4),
            kind=self.info.kind if self.info is not None else "")

    # --- browsing -------------------------------------------------------------------------
    def _browse_model(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open model"),
                                              self.model_edit.text(), MODEL_FILTER)
        if path:
            self.set_model_path(path)

    def _browse_weights(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Weights file"), str(Path(self.model_edit.text()).parent),
            "PyTorch weights (*.pt *.pth *.bin);;All files (*)")
        if path:
            self.weights_edit.setText(path)

    def _browse_data(self) -> None:
        kind = self.data_kind()
        start = self.data_edit.text() or str(Path(self.model_edit.text()).parent)
        if kind == "images":
            path = QFileDialog.getExistingDirectory(self, self.tr("Image folder"), start)
        else:
            pattern = "CSV (*.csv)" if kind == "csv" else "Tensors (*.pt *.pth *.npy *.npz)"
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Data file"), start,
                                                  f"{pattern};;All files (*)")
        if path:
            self.data_edit.setText(path)
            self.preview_now()

    # --- the model file -------------------------------------------------------------------
    def _model_changed(self) -> None:
        # The shape filled in from the previous file belongs to that file, not to this one
        # (one the user typed stays).
        if self._shape_from_file and self.shape_edit.text().strip() == self._shape_from_file:
            self.shape_edit.setText("")
        self._shape_from_file = ""
        self.info = None
        self.inspect_error = ""
        self.inspecting = bool(self.model_edit.text().strip())
        self._inspect_timer.start()
        self.revalidate()

    def _run(self, which: str, runner: JobRunner, fn: Any) -> None:
        """Start ``fn`` now, or after the job running now (whose result is then dropped)."""
        if runner.is_running():
            self._queued[which] = fn
            runner.cancel()
        else:
            self._queued.pop(which, None)
            runner.start(fn)

    def _start_queued(self, which: str) -> None:
        fn = self._queued.pop(which, None)
        if fn is not None:
            (self.inspector if which == "inspect" else self.previewer).start(fn)

    def inspect_now(self) -> None:
        self._inspect_timer.stop()
        path = self.model_edit.text().strip()
        self.info, self.inspect_error = None, ""
        self.inspecting = bool(path)
        if path:
            self.kind_label.setText(self.tr("Reading the file…"))
            self._run("inspect", self.inspector, inspect_model_job(path))
        else:
            self.kind_label.setText("")
        self.revalidate()

    def _on_inspected(self, info: Any) -> None:
        if "inspect" in self._queued or info.path != self.model_edit.text().strip():
            return
        self.info, self.inspecting = info, False
        text = self.kind_names.get(info.kind, info.kind)
        if info.kind == "pickle":
            text = f"<span style='color:{theme.error_color()}'>⚠ {text}</span>"
        self.kind_label.setText(text)
        if info.kind == "python":
            current = self.class_combo.currentText().strip()
            self.class_combo.blockSignals(True)
            self.class_combo.clear()
            self.class_combo.addItems(info.classes)
            self.class_combo.setEditText(current if current else info.classes[-1])
            self.class_combo.blockSignals(False)
        self._shape_from_file = ""
        if info.input_shape is not None:
            self._shape_from_file = ",".join(str(d) for d in info.input_shape)
            if not self.shape_edit.text().strip():
                self.shape_edit.setText(self._shape_from_file)
        self.inspected.emit()
        self.revalidate()

    def _on_inspect_failed(self, failure: JobFailure) -> None:
        if "inspect" in self._queued:
            return
        self.inspecting = False
        self.inspect_error = window_words(f"{failure.message} {failure.hint}".strip())
        self.kind_label.setText(self.tr("not a model QuantGUI can open"))
        self.inspected.emit()
        self.revalidate()

    # --- the data -------------------------------------------------------------------------
    def _on_data_kind(self) -> None:
        kind = self.data_kind()
        self._wanted_label = ""
        self.data_form.setRowVisible(self.data_edit.parentWidget(), kind != "random")
        self.data_form.setRowVisible(self.label_combo, kind == "csv")
        self.data_form.setRowVisible(self.image_size_edit, kind == "images")
        self.label_combo.blockSignals(True)
        self.label_combo.clear()
        self.label_combo.blockSignals(False)
        self.preview_now()

    def _data_changed(self) -> None:
        self.label_combo.blockSignals(True)
        self.label_combo.clear()
        self.label_combo.blockSignals(False)
        self._preview_timer.start()
        self.revalidate()

    def _label_changed(self) -> None:
        self._wanted_label = str(self.label_combo.currentData() or "")
        self.preview_now()

    def _clear_preview(self, text: str) -> None:
        self.preview = None
        self.preview_label.setText(text)
        self.preview_table.hide()
        while self.thumbs_layout.count() > 1:
            item = self.thumbs_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.thumbs.hide()

    def preview_now(self) -> None:
        self._preview_timer.stop()
        self.preview_error = ""
        kind, path = self.data_kind(), self.data_edit.text().strip()
        if kind == "random":
            self._queued.pop("preview", None)
            self._clear_preview(self.tr("256 random samples of the input shape: enough to "
                                        "calibrate, but there are no labels, so no accuracy."))
            self.previewed.emit()
            self.revalidate()
            return
        if not path:
            self._queued.pop("preview", None)
            self._clear_preview(self.tr("Choose the data."))
            self.revalidate()
            return
        self._clear_preview(self.tr("Reading the data…"))
        label = None
        if kind == "csv":
            label = self._wanted_label or None
            if self.label_combo.count() and self.label_combo.currentData() is not None:
                label = str(self.label_combo.currentData()) or ""
        self._run("preview", self.previewer, preview_data_job(kind, path, label))
        self.revalidate()

    def _on_previewed(self, preview: Any) -> None:
        if "preview" in self._queued or preview.key[:2] != (self.data_kind(),
                                                            self.data_edit.text().strip()):
            return
        self._clear_preview("")
        self.preview = preview
        parts = [self.tr("{count} samples").format(count=preview.total)]
        if preview.shape:
            parts.append(self.tr("shape {shape}").format(
                shape=" × ".join(str(d) for d in preview.shape)))
        if preview.class_counts:
            counts = ", ".join(f"{name}: {count}" for name, count in
                               list(preview.class_counts.items())[:20])
            parts.append(self.tr("per class: {counts}").format(counts=counts))
        elif preview.kind != "images":
            parts.append(self.tr("no labels"))
        self.preview_label.setText("; ".join(parts))
        if preview.kind == "csv":
            self._show_csv(preview)
        if preview.thumbnails:
            for data, width, height, label in preview.thumbnails:
                image = QImage(data, width, height, width * 3, QImage.Format.Format_RGB888)
                thumb = QLabel(self.thumbs)
                thumb.setPixmap(QPixmap.fromImage(image.copy()))
                thumb.setToolTip(label)
                thumb.setAccessibleName(self.tr("Image of class {label}").format(label=label))
                self.thumbs_layout.insertWidget(self.thumbs_layout.count() - 1, thumb)
            self.thumbs.show()
        self.previewed.emit()
        self.revalidate()

    def _show_csv(self, preview: Any) -> None:
        self.label_combo.blockSignals(True)
        self.label_combo.clear()
        self.label_combo.addItem(self.tr("(no labels)"), "")
        for name in preview.header:
            self.label_combo.addItem(name, name)
        self.label_combo.setCurrentIndex(max(self.label_combo.findData(preview.label_column), 0))
        self.label_combo.blockSignals(False)
        table = self.preview_table
        table.clear()
        table.setColumnCount(len(preview.header))
        table.setRowCount(len(preview.rows))
        table.setHorizontalHeaderLabels(preview.header)
        for r, row in enumerate(preview.rows):
            for c, cell in enumerate(row[:len(preview.header)]):
                table.setItem(r, c, QTableWidgetItem(cell))
        table.resizeColumnsToContents()
        table.show()

    def _on_preview_failed(self, failure: JobFailure) -> None:
        if "preview" in self._queued:
            return
        self._clear_preview("")
        self.preview_error = window_words(f"{failure.message} {failure.hint}".strip())
        self.preview_label.setText(f"<span style='color:{theme.error_color()}'>⚠ "
                                   f"{self.preview_error}</span>")
        self.previewed.emit()
        self.revalidate()

    # --- checking -------------------------------------------------------------------------
    def args_problem(self) -> str:
        text = self.args_edit.text().strip()
        if not text:
            return ""
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            return self.tr("Not valid JSON: {error} (at character {pos}).").format(
                error=error.msg, pos=error.pos)
        if not isinstance(value, dict):
            return self.tr('Give a JSON object, e.g. {"hidden": 64}.')
        return ""

    def problems(self) -> list[str]:
        """What stops the dialog from being accepted, most important first."""
        found: list[str] = []
        model = self.model_edit.text().strip()
        info = self.info
        if not model:
            return [self.tr("Choose a model file.")]
        if self.inspect_error:
            found.append(self.inspect_error)
        elif self.inspecting or info is None:
            found.append(self.tr("Reading the model file…"))
        elif info.kind == "weights":
            found.append(self.tr("This file holds only weights. Choose the Python file that "
                                 "defines the model, and give this file as its weights."))
        python = info is not None and info.kind == "python"
        if python:
            if not self.class_combo.currentText().strip().isidentifier():
                found.append(self.tr("Choose the model's class."))
            if self.args_problem():
                found.append(self.tr("Constructor arguments: {problem}").format(
                    problem=self.args_problem()))
            weights = self.weights_edit.text().strip()
            if weights and not Path(weights).is_file():
                found.append(self.tr("The weights file {path} does not exist.").format(
                    path=weights))
        kind = self.data_kind()
        shape = self.shape_edit.text().strip()
        if shape:
            try:
                parse_dims(shape)
            except ValueError:
                found.append(self.tr("Input shape: write positive whole numbers separated by "
                                     "commas, e.g. 3,32,32."))
        elif kind == "random" and info is not None and info.input_shape is None:
            found.append(self.tr("Input shape: needed for random data, as this file does not "
                                 "store it (e.g. 3,32,32, per sample)."))
        path = self.data_edit.text().strip()
        if kind != "random":
            if not path:
                found.append(self.tr("Choose the data."))
            elif kind == "images" and not Path(path).is_dir():
                found.append(self.tr("The image folder {path} does not exist.").format(path=path))
            elif kind != "images" and not Path(path).is_file():
                found.append(self.tr("The data file {path} does not exist.").format(path=path))
            elif kind == "tensors" and not path.lower().endswith(TENSOR_SUFFIXES):
                found.append(self.tr("Tensor data must be a .pt, .pth, .npy or .npz file."))
            elif kind == "csv" and not path.lower().endswith(".csv"):
                found.append(self.tr("Choose a .csv file."))
        if kind == "images" and self.image_size_edit.text().strip():
            try:
                size = parse_dims(self.image_size_edit.text())
                if len(size) > 2:
                    raise ValueError(size)
            except ValueError:
                found.append(self.tr("Image size: write H,W or one number, e.g. 32,32."))
        return found

    def revalidate(self) -> list[str]:
        python = self.info is not None and self.info.kind == "python"
        for widget in (self.class_combo, self.args_edit.parentWidget(),
                       self.weights_edit.parentWidget()):
            self.model_form.setRowVisible(widget, python)
        error = theme.error_color()
        args = self.args_problem() if python else ""
        self.args_error.setText(f"<span style='color:{error}'>⚠ {args}</span>" if args else "")
        self.args_error.setVisible(bool(args))
        found = self.problems()
        pending = found == [self.tr("Reading the model file…")]
        if found:
            color = theme.muted_color() if pending else error
            self.problem_label.setText(f"<span style='color:{color}'>"
                                       f"{'' if pending else '⚠ '}{found[0]}</span>")
        else:
            self.problem_label.setText("")
        label = self.problem_label  # a wrapped label is not given its height by the layout
        label.setMinimumHeight(label.heightForWidth(max(label.width(), 560)) if found else 0)
        self.open_button.setEnabled(not found)
        return found

    def accept(self) -> None:
        if self._inspect_timer.isActive():
            self.inspect_now()
        if self.revalidate():
            return  # the problem is shown; the dialog stays open
        super().accept()

    def done(self, result: int) -> None:
        self.shutdown()
        super().done(result)

    def shutdown(self) -> None:
        """Stop the reading jobs and join their threads (on close, before deletion)."""
        self._inspect_timer.stop()
        self._preview_timer.stop()
        self._queued.clear()
        self.inspector.stop_and_wait()
        self.previewer.stop_and_wait()

