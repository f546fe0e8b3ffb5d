"""The Open model dialog: the user's model file or folder, or an architecture by name, how to
build it, its inputs, and the data to use.

The file's kind is detected (a Python file's nn.Module classes found by a text scan, a Hugging
Face folder's architecture, inputs and tokenizer read from its config) in a worker; so is the
data preview, and the list of torchvision/timm architectures. Nothing the user gives runs until
the window loads the model, and a pickled model asks for trust first (see ``user_models.py``).

The inputs are one float tensor of the "Input shape", or described one per row ("Describe each
input": names, types, shapes, ranges), as ``--input`` on the command line; rows are filled from
what the model says (a Hugging Face config, a program, the arguments of a class's forward).

The dialog is non-modal (``open()``) and every field can be set from code, so tests fill it in
and call ``accept()``; ``accept()`` refuses while a field is invalid and says why.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
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
from quantgui.ui.architectures import ArchitectureBrowser
from quantgui.ui.inputs_editor import InputsEditor, split_input
from quantgui.ui.wording import window_words

DATA_KINDS = ("random", "tensors", "csv", "images", "text")
TENSOR_SUFFIXES = (".pt", ".pth", ".npy", ".npz")
MODEL_FILTER = "PyTorch models (*.pt2 *.pt *.pth *.py *.ts *.pkl *.jit);;All files (*)"
WEIGHTS_FILTER = "Weights (*.pt *.pth *.bin *.safetensors);;All files (*)"
FACTORY = "py:"


def parse_dims(text: str) -> tuple[int, ...]:
    """'3,32,32' -> (3, 32, 32); ValueError unless all are positive integers."""
    parts = [part.strip() for part in text.replace("x", ",").replace("×", ",").split(",")]
    dims = tuple(int(part) for part in parts)
    if not dims or any(d <= 0 for d in dims):
        raise ValueError(text)
    return dims


def split_spec(spec: str) -> tuple[str, str, str]:
    """'model.py:Class:weights.pt' -> (model.py, Class, weights.pt); a package folder's
    'folder:Class:weights' likewise; 'py:module:factory:weights' -> (py:module:factory, '',
    weights); other files and folders: (path, '', '')."""
    if spec.startswith(FACTORY):
        module, _, rest = spec[len(FACTORY):].partition(":")
        attribute, _, weights = rest.partition(":")
        return f"{FACTORY}{module}:{attribute}" if attribute else spec, "", weights
    marker = spec.find(".py:")
    if marker < 0:
        head, colon, rest = spec.partition(":")
        if colon and head and (Path(head) / "__init__.py").is_file():
            class_name, _, weights = rest.partition(":")
            return head, class_name, weights
        return spec, "", ""
    class_name, _, weights = spec[marker + 4:].partition(":")
    return spec[:marker + 3], class_name, weights


def guess_data_kind(path: str) -> str:
    if not path or path == "random":
        return "random"
    if Path(path).is_dir():
        return "images"
    lowered = path.lower()
    return "csv" if lowered.endswith(".csv") else "text" if lowered.endswith(".txt") \
        else "tensors"


@dataclass
class OpenRequest:
    """Everything needed to open a model; plain strings, as stored in Open Recent.

    ``model`` is a file, a folder (Hugging Face, or a package with ``class_name``), or an
    architecture by name ``py:module:factory``. ``inputs``: one ``--input`` text per model input
    (empty: one float tensor of ``input_shape``, or what the model declares).
    """

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
    inputs: list[str] = field(default_factory=list)  # NAME:DTYPE[SHAPE][:LOW..HIGH] each
    text_column: str = ""  # a CSV of texts (a model with a tokenizer); "" = guessed

    @property
    def factory(self) -> bool:
        return self.model.startswith(FACTORY)

    @property
    def spec(self) -> str:
        weights = f":{self.weights}" if self.weights else ""
        if self.factory:
            return self.model + weights
        if self.class_name and (self.model.endswith(".py") or self.kind == "python"
                                or Path(self.model).is_dir()):
            return f"{self.model}:{self.class_name}{weights}"
        return self.model

    @property
    def title(self) -> str:
        if self.factory:
            module, _, attribute = self.model[len(FACTORY):].partition(":")
            try:
                args = json.loads(self.model_args) if self.model_args.strip() else {}
            except ValueError:
                args = {}
            named = args.get("model_name") if isinstance(args, dict) else None
            return f"{named if isinstance(named, str) else attribute} ({module})"
        name = Path(self.model).name or self.model
        return f"{self.class_name} ({name})" if self.class_name else name

    def options(self) -> dict[str, Any]:
        """Keyword arguments for ``open_user_model`` (ValueError on a bad shape or size)."""
        size = None
        if self.image_size.strip():
            size = parse_dims(self.image_size)
            size = size * 2 if len(size) == 1 else size
            if len(size) != 2:
                raise ValueError(self.image_size)
        inputs = [text for text in self.inputs if text.strip()]
        csv = self.data.lower().endswith(".csv")
        return dict(
            data=self.data or "random",
            model_args=self.model_args.strip() or None,
            input_shape=parse_dims(self.input_shape) if self.input_shape.strip() and not inputs
            else None,
            label_column=(self.label_column or None) if csv else None,
            image_size=size if Path(self.data).is_dir() else None,
            val_fraction=float(self.val_fraction), trust=self.trust,
            inputs=inputs or None, text_column=(self.text_column or None) if csv else None)

    def to_dict(self) -> dict[str, Any]:
        values = asdict(self)
        values.pop("trust")
        return values

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> OpenRequest:
        names = {f.name for f in fields(cls)} - {"trust"}
        kept = {k: v for k, v in values.items() if k in names}
        inputs = kept.get("inputs", [])
        if not isinstance(inputs, list) or not all(isinstance(text, str) for text in inputs):
            kept.pop("inputs", None)
        return cls(**kept)


class OpenModelDialog(QDialog):
    inspected = Signal()  # the model file has been read (or failed to be)
    previewed = Signal()  # the data preview is up to date (or failed)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openModelDialog")
        self.setWindowTitle(self.tr("Open model"))
        self.info: Any = None  # quantgui.jobs.open_tasks.ModelInfo of the current model
        self.inspecting = False
        self.inspect_error = ""
        self.preview_error = ""
        self.preview: Any = None
        self._shape_from_file = ""
        self._wanted_label = ""
        self._wanted_text = ""
        # the inputs rows as filled from the model (None: the user's own, kept across models)
        self._inputs_auto: list[str] | None = []
        self._filling_inputs = False
        self._queued: dict[str, Any] = {}
        self.kind_names = {
            "export": self.tr("torch.export program"), "python": self.tr("Python file"),
            "torchscript": self.tr("TorchScript"),
            "pickle": self.tr("pickled model — runs code"),
            "weights": self.tr("weights only (a state_dict), not a model"),
            "huggingface": self.tr("Hugging Face model"),
            "factory": self.tr("architecture by name: its package's code runs when you press "
                               "Open; random weights unless you give a weights file (nothing "
                               "is downloaded)"),
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
        self.resize(1040, 740)
        self._on_mode()
        self._on_data_kind()
        self.revalidate()

    def _debounce(self, slot) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(350)
        timer.timeout.connect(slot)
        return timer

    # --- construction ---------------------------------------------------------------------
    def _row(self, edit: QLineEdit, browse, *more: QPushButton) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        button = QPushButton(self.tr("Browse…"), row)
        button.setAccessibleName(self.tr("Browse for {what}").format(what=edit.accessibleName()))
        button.clicked.connect(browse)
        layout.addWidget(edit, 1)
        layout.addWidget(button)
        for extra in more:
            extra.setParent(row)
            layout.addWidget(extra)
        return row

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns, 1)
        model_box = QGroupBox(self.tr("Model"), self)
        self.model_form = form = QFormLayout(model_box)
        modes = QWidget(model_box)
        modes_layout = QHBoxLayout(modes)
        modes_layout.setContentsMargins(0, 0, 0, 0)
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[str, QRadioButton] = {}
        for mode, title, tip in (
                ("file", self.tr("File or folder"),
                 self.tr("A model file (.pt2, .py, .pt, …), a Hugging Face folder (config.json "
                         "and its weights) or a Python package folder.")),
                ("name", self.tr("Architecture by name"),
                 self.tr("Any importable factory or nn.Module class, as py:module:factory, "
                         "e.g. a torchvision or timm architecture."))):
            button = QRadioButton(title, modes)
            button.setToolTip(tip)
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
            modes_layout.addWidget(button)
            button.toggled.connect(lambda checked: checked and self._on_mode())
        modes_layout.addStretch(1)
        self.mode_buttons["file"].blockSignals(True)  # _on_mode runs once the form is built
        self.mode_buttons["file"].setChecked(True)
        self.mode_buttons["file"].blockSignals(False)
        form.addRow(self.tr("Open:"), modes)
        self.model_edit = QLineEdit(model_box)
        self.model_edit.setAccessibleName(self.tr("Model file"))
        self.model_edit.setPlaceholderText(self.tr("model.pt2, model.py, a Hugging Face folder…"))
        self.model_edit.textChanged.connect(lambda _: self._model_changed())
        self.folder_button = QPushButton(self.tr("Folder…"))
        self.folder_button.setAccessibleName(self.tr("Browse for a model folder"))
        self.folder_button.setToolTip(self.tr("A Hugging Face folder (config.json with "
                                              "model.safetensors or pytorch_model.bin) or a "
                                              "Python package folder (__init__.py)."))
        self.folder_button.clicked.connect(self._browse_folder)
        self.model_row = self._row(self.model_edit, self._browse_model, self.folder_button)
        form.addRow(self.tr("File:"), self.model_row)
        self.factory_edit = QLineEdit(model_box)
        self.factory_edit.setAccessibleName(self.tr("Factory"))
        self.factory_edit.setPlaceholderText("py:torchvision.models:resnet18")
        self.factory_edit.setToolTip(self.tr("py:package.module:factory_or_class; the "
                                             "Arguments (JSON) are passed to it."))
        self.factory_edit.textChanged.connect(lambda _: self._model_changed())
        form.addRow(self.tr("Factory:"), self.factory_edit)
        self.architectures = ArchitectureBrowser(model_box)
        self.architectures.chosen.connect(self._on_architecture)
        form.addRow(self.tr("Architectures:"), self.architectures)
        self.kind_label = QLabel(model_box)
        self.kind_label.setWordWrap(True)
        self.kind_label.setAccessibleName(self.tr("Kind of model file"))
        form.addRow(self.tr("Kind:"), self.kind_label)
        self.about_label = QLabel(model_box)
        self.about_label.setWordWrap(True)
        self.about_label.setAccessibleName(self.tr("About the model"))
        self.about_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("About:"), self.about_label)
        self.class_combo = QComboBox(model_box)
        self.class_combo.setEditable(True)
        self.class_combo.setAccessibleName(self.tr("Class"))
        self.class_combo.setToolTip(self.tr("The nn.Module subclasses defined in the file, found "
                                            "without running it."))
        self.class_combo.currentTextChanged.connect(lambda _: self._class_changed())
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
        self.weights_edit.setPlaceholderText(self.tr("optional: weights.pt or .safetensors (a "
                                                     "state_dict)"))
        self.weights_edit.textChanged.connect(lambda _: self.revalidate())
        form.addRow(self.tr("Weights:"), self._row(self.weights_edit, self._browse_weights))
        self.shape_edit = QLineEdit(model_box)
        self.shape_edit.setAccessibleName(self.tr("Input shape"))
        self.shape_edit.setPlaceholderText(self.tr("e.g. 3,32,32 (per sample, without batch)"))
        self.shape_edit.textChanged.connect(lambda _: self.revalidate())
        form.addRow(self.tr("Input shape:"), self.shape_edit)
        left.addWidget(model_box, 1)

        inputs_box = QGroupBox(self.tr("Inputs"), self)
        inputs_layout = QVBoxLayout(inputs_box)
        self.inputs_check = QCheckBox(self.tr("Describe each input (several inputs, token ids "
                                              "or other integers)"), inputs_box)
        self.inputs_check.setToolTip(self.tr("One row per input of the model's forward, in "
                                             "order: its name, type, shape per sample and, for "
                                             "integers, the values it takes. Random data "
                                             "respects them."))
        self.inputs_check.toggled.connect(self._on_inputs_toggled)
        self.inputs_editor = InputsEditor(inputs_box)
        self.inputs_editor.changed.connect(self._on_inputs_edited)
        inputs_layout.addWidget(self.inputs_check)
        inputs_layout.addWidget(self.inputs_editor, 1)
        left.addWidget(inputs_box)
        self.left_column, self.inputs_box = left, inputs_box

        data_box = QGroupBox(self.tr("Data"), self)
        self.data_form = data_form = QFormLayout(data_box)
        self.data_group = QButtonGroup(self)
        self.data_buttons: dict[str, QRadioButton] = {}
        titles = {
            "random": self.tr("Random (good for calibration only, no accuracy)"),
            "tensors": self.tr("Tensor or array file (.pt, .npy, .npz)"),
            "csv": self.tr("CSV file with a label column"),
            "images": self.tr("Folder of images, one sub-folder per class"),
            "text": self.tr("Text file, one example per line (.txt; needs the model's "
                            "tokenizer)"),
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
        self.text_combo = QComboBox(data_box)
        self.text_combo.setAccessibleName(self.tr("Text column"))
        self.text_combo.setToolTip(self.tr("The column of texts, tokenized with the model's "
                                           "tokenizer."))
        self.text_combo.currentIndexChanged.connect(lambda _: self._text_column_changed())
        data_form.addRow(self.tr("Text column:"), self.text_combo)
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
        right.addWidget(data_box)
        for each in (form, data_form):  # a row's label explains it as its control does
            for row in range(each.rowCount()):
                label = each.itemAt(row, QFormLayout.ItemRole.LabelRole)
                field = each.itemAt(row, QFormLayout.ItemRole.FieldRole)
                if (label is not None and field is not None and field.widget() is not None
                        and isinstance(label.widget(), QLabel) and field.widget().toolTip()):
                    label.widget().setToolTip(field.widget().toolTip())

        preview_box = QGroupBox(self.tr("Preview"), self)
        preview_layout = QVBoxLayout(preview_box)
        self.preview_label = QLabel(preview_box)
        self.preview_label.setWordWrap(True)
        self.preview_label.setAccessibleName(self.tr("Data preview"))
        self.preview_table = QTableWidget(preview_box)
        self.preview_table.setAccessibleName(self.tr("First rows"))
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setMaximumHeight(170)
        self.tokens_label = QLabel(preview_box)
        self.tokens_label.setWordWrap(True)
        self.tokens_label.setAccessibleName(self.tr("First text as tokens"))
        self.tokens_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.thumbs = QWidget(preview_box)
        self.thumbs_layout = QHBoxLayout(self.thumbs)
        self.thumbs_layout.setContentsMargins(0, 0, 0, 0)
        self.thumbs_layout.addStretch(1)
        preview_layout.addWidget(self.preview_label)
        preview_layout.addWidget(self.preview_table)
        preview_layout.addWidget(self.tokens_label)
        preview_layout.addWidget(self.thumbs)
        preview_layout.addStretch(1)
        right.addWidget(preview_box, 1)

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
        self.mode_buttons["name" if request.factory else "file"].setChecked(True)
        self.class_combo.setEditText(request.class_name)
        self.args_edit.setText(request.model_args)
        self.weights_edit.setText(request.weights)
        self.shape_edit.setText(request.input_shape)
        if request.inputs:
            self.set_inputs(request.inputs)
        kind = guess_data_kind(request.data)
        self.data_buttons[kind].setChecked(True)
        self._wanted_label = request.label_column
        self._wanted_text = request.text_column
        self.data_edit.setText("" if kind == "random" else request.data)
        self.image_size_edit.setText(request.image_size)
        self.val_spin.setValue(request.val_fraction)
        self.set_model_path(request.model)

    def set_model_path(self, path: str) -> None:
        """Set the model file, folder or ``py:`` name and read it now (no typing delay)."""
        model, class_name, weights = split_spec(path)
        if model.startswith(FACTORY):
            self.mode_buttons["name"].setChecked(True)
            self.factory_edit.setText(model)
        else:
            self.mode_buttons["file"].setChecked(True)
            self.model_edit.setText(model)
        if class_name:
            self.class_combo.setEditText(class_name)
        if weights:
            self.weights_edit.setText(weights)
        self.inspect_now()

    def set_factory(self, spec: str, model_args: str = "") -> None:
        """Choose an architecture by name (``py:module:factory``) with its arguments."""
        self.args_edit.setText(model_args)
        self.set_model_path(spec if spec.startswith(FACTORY) else FACTORY + spec)

    def set_inputs(self, texts: list[str]) -> None:
        """Describe each input (``NAME:DTYPE[SHAPE][:LOW..HIGH]``), as the user would."""
        self.inputs_check.setChecked(True)
        self.inputs_editor.set_inputs(texts)
        self._inputs_auto = None

    def set_data(self, kind: str, path: str = "", label_column: str = "",
                 text_column: str = "") -> None:
        """Choose the data source and preview it now."""
        self.data_buttons[kind].setChecked(True)
        self._wanted_label = label_column
        self._wanted_text = text_column
        self.data_edit.setText(path)
        self.preview_now()

    def data_kind(self) -> str:
        return next(k for k, b in self.data_buttons.items() if b.isChecked())

    def mode(self) -> str:
        return "name" if self.mode_buttons["name"].isChecked() else "file"

    def model_spec(self) -> str:
        """What is inspected and opened: the file or folder, or the ``py:`` name."""
        if self.mode() == "file":
            return self.model_edit.text().strip()
        text = self.factory_edit.text().strip()
        return FACTORY + text if text and not text.startswith(FACTORY) else text

    def tokenizer_folder(self) -> str:
        """The model's folder when it has a tokenizer ("" otherwise)."""
        info = self.info
        if info is not None and info.kind == "huggingface" and info.tokenizer:
            return info.path
        return ""

    def request(self) -> OpenRequest:
        kind = self.data_kind()
        info = self.info
        python = info is not None and info.kind == "python"
        takes_args = python or self.mode() == "name"
        inputs, shape = self._request_inputs()
        texts = kind == "csv" and bool(self.tokenizer_folder())
        return OpenRequest(
            model=self.model_spec(),
            class_name=self.class_combo.currentText().strip() if python else "",
            weights=self.weights_edit.text().strip() if takes_args else "",
            model_args=self.args_edit.text().strip() if takes_args else "",
            input_shape=shape,
            data="random" if kind == "random" else self.data_edit.text().strip(),
            label_column=str(self.label_combo.currentData() or "") if kind == "csv" else "",
            image_size=self.image_size_edit.text().strip() if kind == "images" else "",
            val_fraction=round(self.val_spin.value(), 4),
            kind=info.kind if info is not None else "",
            inputs=inputs,
            text_column=str(self.text_combo.currentData() or "") if texts else "")

    def _request_inputs(self) -> tuple[list[str], str]:
        """(--input texts, input shape) for the request: the described inputs where they say
        more than the model itself does, else the shape."""
        shape = self.shape_edit.text().strip()
        if not self.inputs_check.isChecked():
            return [], shape
        texts = self.inputs_editor.texts()
        inferred = list(self.info.inputs) if self.info is not None else []
        if texts == inferred:
            return [], ""  # what the model declares: opened as the command line would
        if self.info is not None and self.info.kind == "huggingface" and \
                len(texts) == len(inferred):
            # only the sequence length changed: given as the length, the tokenizer uses it too
            rows = [split_input(text) for text in texts]
            known = [split_input(text) for text in inferred]
            lengths = {row[2] for row in rows}
            if len(lengths) == 1 and all((a[0], a[1], a[3]) == (b[0], b[1], b[3])
                                         for a, b in zip(rows, known, strict=True)):
                return [], lengths.pop()
        return texts, ""

    # --- browsing -------------------------------------------------------------------------
    def _browse_model(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open model"),
                                              self.model_edit.text(), MODEL_FILTER)
        if path:
            self.set_model_path(path)

    def _browse_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Model folder"),
                                                self.model_edit.text())
        if path:
            self.set_model_path(path)

    def _browse_weights(self) -> None:
        start = "" if self.mode() == "name" else str(Path(self.model_edit.text()).parent)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Weights file"), start,
                                              WEIGHTS_FILTER)
        if path:
            self.weights_edit.setText(path)

    def _browse_data(self) -> None:
        kind = self.data_kind()
        start = self.data_edit.text() or str(Path(self.model_edit.text()).parent)
        if kind == "images":
            path = QFileDialog.getExistingDirectory(self, self.tr("Image folder"), start)
        else:
            pattern = {"csv": "CSV (*.csv)", "text": "Text (*.txt)"}.get(
                kind, "Tensors (*.pt *.pth *.npy *.npz)")
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Data file"), start,
                                                  f"{pattern};;All files (*)")
        if path:
            self.data_edit.setText(path)
            self.preview_now()

    def _on_architecture(self, spec: str, model_args: str) -> None:
        self.args_edit.setText(model_args)
        self.factory_edit.setText(spec)
        self.inspect_now()

    # --- the model ------------------------------------------------------------------------
    def _on_mode(self) -> None:
        name = self.mode() == "name"
        form = self.model_form
        form.setRowVisible(self.model_row, not name)
        form.setRowVisible(self.factory_edit, name)
        form.setRowVisible(self.architectures, name)
        if name:
            self.architectures.fill()
        self._model_changed()

    def _model_changed(self) -> None:
        # The shape filled in from the previous file belongs to that file, not to this one
        # (one the user typed stays); so do the inputs filled in from it.
        if self._shape_from_file and self.shape_edit.text().strip() == self._shape_from_file:
            self.shape_edit.setText("")
        self._shape_from_file = ""
        self.info = None
        self.inspect_error = ""
        self._fill_inputs([])
        self.inspecting = bool(self.model_spec())
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
        path = self.model_spec()
        self.info, self.inspect_error = None, ""
        self.inspecting = bool(path)
        self.about_label.setText("")
        if path:
            self.kind_label.setText(self.tr("Reading the file…") if self.mode() == "file"
                                    else self.tr("Checking the name…"))
            self._run("inspect", self.inspector, inspect_model_job(path))
        else:
            self.kind_label.setText("")
        self.revalidate()

    def _on_inspected(self, info: Any) -> None:
        if "inspect" in self._queued or info.path != self.model_spec():
            return
        self.info, self.inspecting = info, False
        text = self.kind_names.get(info.kind, info.kind)
        if info.kind == "python" and info.package:
            text = self.tr("Python package folder")
        elif info.kind == "huggingface" and info.architecture:
            text = f"{text}: {info.architecture}"
        if info.kind == "pickle":
            text = f"<span style='color:{theme.error_color()}'>⚠ {text}</span>"
        self.kind_label.setText(text)
        self.about_label.setText(self._about(info))
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
        self._fill_inputs(self._model_inputs())
        if self.data_kind() in ("csv", "text"):
            self.preview_now()  # read as texts (or not) with this model's tokenizer
        self.inspected.emit()
        self.revalidate()

    def _about(self, info: Any) -> str:
        """What the model says of itself: its config, inputs and tokenizer (one per line)."""
        lines = []
        if info.details:
            lines.append(" · ".join(info.details))
        if info.inputs:
            lines.append(self.tr("Inputs: {inputs}").format(inputs=", ".join(info.inputs)))
        elif info.kind == "huggingface" and info.input_shape is not None:
            lines.append(self.tr("Inputs: pixel_values of {shape}").format(
                shape=" × ".join(str(d) for d in info.input_shape)))
        if info.kind == "huggingface":
            lines.append(self.tr("Tokenizer: {tokenizer}").format(tokenizer=info.tokenizer)
                         if info.tokenizer else self.tr("Tokenizer: none in the folder"))
        if info.note and info.kind != "export":
            lines.append(info.note)
        return "<br>".join(lines)

    def _on_inspect_failed(self, failure: JobFailure) -> None:
        if "inspect" in self._queued:
            return
        self.inspecting = False
        self.inspect_error = window_words(f"{failure.message} {failure.hint}".strip())
        self.kind_label.setText(self.tr("not a model QuantGUI can open"))
        self.inspected.emit()
        self.revalidate()

    def _class_changed(self) -> None:
        self._fill_inputs(self._model_inputs())
        self.revalidate()

    # --- the inputs -----------------------------------------------------------------------
    def _model_inputs(self) -> list[str]:
        """The inputs as the model declares them, as --input texts (empty: one float tensor or
        not known): a Hugging Face config's, a program's, or a class's forward arguments (names
        only: their types and shapes are the user's to give)."""
        info = self.info
        if info is None:
            return []
        if info.inputs:
            return list(info.inputs)
        if info.kind == "python":
            names = info.forward_inputs.get(self.class_combo.currentText().strip(), [])
            if len(names) > 1:
                return [f"{name}:float32[]" for name in names]
        return []

    def _fill_inputs(self, texts: list[str]) -> None:
        """Rows from the model, unless the user described the inputs himself."""
        if self._inputs_auto is None:
            return
        self._filling_inputs = True
        try:
            self.inputs_editor.set_inputs(texts)
            self.inputs_check.setChecked(bool(texts))
        finally:
            self._filling_inputs = False
        self._inputs_auto = texts
        self._show_inputs()

    def _on_inputs_toggled(self, checked: bool) -> None:
        if not self._filling_inputs:
            self._inputs_auto = None
            if checked and self.inputs_editor.table.rowCount() == 0:
                self._filling_inputs = True
                self.inputs_editor.add_row("x", "float32", self.shape_edit.text().strip(), "")
                self._filling_inputs = False
        self._show_inputs()
        self.revalidate()

    def _on_inputs_edited(self) -> None:
        if not self._filling_inputs:
            self._inputs_auto = None
            self.revalidate()

    def _show_inputs(self) -> None:
        described = self.inputs_check.isChecked()
        self.inputs_editor.setVisible(described)
        self.left_column.setStretchFactor(self.inputs_box, 1 if described else 0)
        self.model_form.setRowVisible(self.shape_edit, not described)

    # --- the data -------------------------------------------------------------------------
    def _on_data_kind(self) -> None:
        kind = self.data_kind()
        self._wanted_label = ""
        self.data_form.setRowVisible(self.data_edit.parentWidget(), kind != "random")
        self.data_form.setRowVisible(self.image_size_edit, kind == "images")
        for combo in (self.label_combo, self.text_combo):
            combo.blockSignals(True)
            combo.clear()
            combo.blockSignals(False)
        self._show_columns()
        self.preview_now()

    def _show_columns(self) -> None:
        csv = self.data_kind() == "csv"
        self.data_form.setRowVisible(self.label_combo, csv)
        self.data_form.setRowVisible(self.text_combo, csv and bool(self.tokenizer_folder()))

    def _data_changed(self) -> None:
        for combo in (self.label_combo, self.text_combo):
            combo.blockSignals(True)
            combo.clear()
            combo.blockSignals(False)
        self._preview_timer.start()
        self.revalidate()

    def _label_changed(self) -> None:
        self._wanted_label = str(self.label_combo.currentData() or "")
        self.preview_now()

    def _text_column_changed(self) -> None:
        self._wanted_text = str(self.text_combo.currentData() or "")
        self.preview_now()

    def _clear_preview(self, text: str) -> None:
        self.preview = None
        self.preview_label.setText(text)
        self.preview_table.hide()
        self.tokens_label.hide()
        while self.thumbs_layout.count() > 1:
            item = self.thumbs_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.thumbs.hide()

    def preview_now(self) -> None:
        self._preview_timer.stop()
        self.preview_error = ""
        self._show_columns()
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
        label = text = None
        tokenizer = self.tokenizer_folder() if kind in ("csv", "text") else ""
        if kind == "csv":
            label = self._wanted_label or None
            if self.label_combo.count() and self.label_combo.currentData() is not None:
                label = str(self.label_combo.currentData()) or ""
            text = self._wanted_text or None
        self._run("preview", self.previewer,
                  preview_data_job(kind, path, label, text, tokenizer))
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
        if preview.text_column:
            parts.append(self.tr("texts from column {column}").format(
                column=preview.text_column))
        if preview.class_counts:
            counts = ", ".join(f"{name}: {count}" for name, count in
                               list(preview.class_counts.items())[:20])
            parts.append(self.tr("per class: {counts}").format(counts=counts))
        elif preview.kind != "images":
            parts.append(self.tr("no labels"))
        self.preview_label.setText("; ".join(parts))
        if preview.kind in ("csv", "text"):
            self._show_rows(preview)
        if preview.tokens:
            shown = " ".join(f"{token}<sub>{number}</sub>" for token, number in
                             zip(preview.tokens, preview.token_ids, strict=True))
            self.tokens_label.setText(self.tr("The first text as the model sees it: {tokens}")
                                      .format(tokens=shown))
            self.tokens_label.show()
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

    def _show_rows(self, preview: Any) -> None:
        if preview.kind == "csv":
            self.label_combo.blockSignals(True)
            self.label_combo.clear()
            self.label_combo.addItem(self.tr("(no labels)"), "")
            for name in preview.header:
                self.label_combo.addItem(name, name)
            self.label_combo.setCurrentIndex(
                max(self.label_combo.findData(preview.label_column), 0))
            self.label_combo.blockSignals(False)
            self.text_combo.blockSignals(True)
            self.text_combo.clear()
            for name in preview.header:
                self.text_combo.addItem(name, name)
            self.text_combo.setCurrentIndex(max(self.text_combo.findData(preview.text_column),
                                                0))
            self.text_combo.blockSignals(False)
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
        model = self.model_spec()
        info = self.info
        by_name = self.mode() == "name"
        if not model:
            return [self.tr("Give the architecture, e.g. py:torchvision.models:resnet18, or "
                            "choose one in the list.") if by_name
                    else self.tr("Choose a model file.")]
        if self.inspect_error:
            found.append(self.inspect_error)
        elif self.inspecting or info is None:
            found.append(self.tr("Reading the model file…"))
        elif info.kind == "weights":
            found.append(self.tr("This file holds only weights. Choose the Python file that "
                                 "defines the model, and give this file as its weights."))
        python = info is not None and info.kind == "python"
        if python and not self.class_combo.currentText().strip().isidentifier():
            found.append(self.tr("Choose the model's class."))
        if python or by_name:
            if self.args_problem():
                found.append(self.tr("Constructor arguments: {problem}").format(
                    problem=self.args_problem()))
            weights = self.weights_edit.text().strip()
            if weights and not Path(weights).is_file():
                found.append(self.tr("The weights file {path} does not exist.").format(
                    path=weights))
        kind = self.data_kind()
        shape = self.shape_edit.text().strip()
        if self.inputs_check.isChecked():
            found += self.inputs_editor.problems()
        elif shape:
            try:
                parse_dims(shape)
            except ValueError:
                found.append(self.tr("Input shape: write positive whole numbers separated by "
                                     "commas, e.g. 3,32,32."))
        elif kind == "random" and info is not None and info.input_shape is None \
                and info.kind not in ("huggingface", "factory"):
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
            elif kind == "text" and not path.lower().endswith(".txt"):
                found.append(self.tr("Choose a .txt file, one example per line."))
        if kind == "text" and info is not None and not self.tokenizer_folder():
            found.append(self.tr("Text data needs the model's tokenizer (tokenizer.json, "
                                 "vocab.txt, … in a Hugging Face folder), and this model has "
                                 "none. Use random data, or a tensor file of token ids."))
        if kind == "images" and self.image_size_edit.text().strip():
            try:
                size = parse_dims(self.image_size_edit.text())
                if len(size) > 2:
                    raise ValueError(size)
            except ValueError:
                found.append(self.tr("Image size: write H,W or one number, e.g. 32,32."))
        return found

    def revalidate(self) -> list[str]:
        info = self.info
        python = info is not None and info.kind == "python"
        takes_args = python or self.mode() == "name"
        self.model_form.setRowVisible(self.class_combo, python)
        for widget in (self.args_edit.parentWidget(), self.weights_edit.parentWidget()):
            self.model_form.setRowVisible(widget, takes_args)
        self.model_form.setRowVisible(self.about_label, bool(self.about_label.text()))
        for wrapped in (self.kind_label, self.about_label):  # as the problem label below
            wrapped.setMinimumHeight(wrapped.heightForWidth(max(wrapped.width(), 300))
                                     if wrapped.text() else 0)
        self._show_inputs()
        error = theme.error_color()
        args = self.args_problem() if takes_args else ""
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
        self.architectures.shutdown()
