"""The Open model dialog's input signature: one row per model input (name, type, shape per
sample, value range), as the command line's ``--input NAME:DTYPE[SHAPE]:LOW..HIGH``.

Rows are filled from what QuantGUI infers (a Hugging Face config, a ``.pt2`` program, the names
of a class's ``forward`` arguments) and can be edited, added and removed; ``problems`` says in
the dialog's words what is wrong with a row.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quantgui.ui.wording import window_words

DTYPES = ("float32", "int64", "int32", "bool", "float16", "bfloat16", "float64", "int16", "int8",
          "uint8")
COLUMNS = ("name", "type", "shape", "range")
_TEXT = re.compile(r"^(?P<name>[^:]*):(?P<dtype>[a-z0-9]+)\[(?P<shape>[^\]]*)\]"
                   r"(?::(?P<range>.*))?$")
_RANGE = re.compile(r"^\s*(-?[0-9.e+]+)\s*\.\.\s*(-?[0-9.e+]+)\s*$")


def split_input(text: str) -> tuple[str, str, str, str]:
    """``ids:int64[16]:0..9`` -> ("ids", "int64", "16", "0..9"); a text of another form is
    kept as the name so that the row shows it."""
    match = _TEXT.match(text.strip())
    if match is None:
        return text, "float32", "", ""
    return match["name"], match["dtype"], match["shape"], match["range"] or ""


class InputsEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inputsEditor")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setAccessibleName(self.tr("Model inputs"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Type"),
                                              self.tr("Shape"), self.tr("Range")])
        self.table.horizontalHeaderItem(2).setToolTip(
            self.tr("Per sample, without the batch: 128 for a sequence, 3,224,224 for an "
                    "image."))
        self.table.horizontalHeaderItem(3).setToolTip(
            self.tr("The values it takes, both ends included: 0..30521 for token ids of a "
                    "30522-word vocabulary, 0..1 for an attention mask. Needed for integer "
                    "inputs; for float inputs it makes random data uniform in it."))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(90)
        self.table.itemChanged.connect(lambda _: self.changed.emit())
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add input"), self)
        self.add_button.setToolTip(self.tr("Add a row for the model's next input, in the order "
                                           "its forward takes them."))
        self.add_button.clicked.connect(lambda: self.add_row("", "float32", "", ""))
        self.remove_button = QPushButton(self.tr("Remove input"), self)
        self.remove_button.setToolTip(self.tr("Remove the selected input."))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    # --- rows -----------------------------------------------------------------------------
    def add_row(self, name: str, dtype: str, shape: str, value_range: str) -> int:
        table = self.table
        row = table.rowCount()
        table.blockSignals(True)
        table.insertRow(row)
        table.setItem(row, 0, QTableWidgetItem(name))
        combo = QComboBox(table)
        combo.setAccessibleName(self.tr("Type of input {number}").format(number=row + 1))
        combo.addItems(DTYPES)
        if dtype not in DTYPES:
            combo.addItem(dtype)
        combo.setCurrentText(dtype)
        combo.currentTextChanged.connect(lambda _: self.changed.emit())
        table.setCellWidget(row, 1, combo)
        table.setItem(row, 2, QTableWidgetItem(shape))
        table.setItem(row, 3, QTableWidgetItem(value_range))
        table.blockSignals(False)
        self.changed.emit()
        return row

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.rowCount():
            rows = [self.table.rowCount() - 1]
        for row in rows:
            self.table.removeRow(row)
        self.changed.emit()

    def set_inputs(self, texts: list[str]) -> None:
        """Rows from ``--input`` texts (``NAME:DTYPE[SHAPE][:LOW..HIGH]``)."""
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.blockSignals(False)
        for text in texts:
            self.add_row(*split_input(text))
        self.changed.emit()

    def set_cell(self, row: int, column: str, value: str) -> None:
        """Edit one cell as the user would (``column``: name, type, shape or range)."""
        index = COLUMNS.index(column)
        if column == "type":
            self.combo(row).setCurrentText(value)
        else:
            self.table.item(row, index).setText(value)

    def combo(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, 1)
        assert isinstance(widget, QComboBox)
        return widget

    def row(self, row: int) -> tuple[str, str, str, str]:
        cell = self.table.item
        return (cell(row, 0).text().strip(), self.combo(row).currentText(),
                cell(row, 2).text().strip(), cell(row, 3).text().strip())

    def texts(self) -> list[str]:
        """The rows as ``--input`` texts."""
        found = []
        for row in range(self.table.rowCount()):
            name, dtype, shape, value_range = self.row(row)
            shape = ",".join(part.strip() for part in shape.replace("x", ",").split(","))
            text = f"{name}:{dtype}[{shape}]"
            if value_range:
                text += ":" + "..".join(part.strip() for part in value_range.split("..", 1))
            found.append(text)
        return found

    # --- checking -------------------------------------------------------------------------
    def problems(self) -> list[str]:
        """What is wrong with the rows, in the dialog's words (empty: they are valid)."""
        from quantgui.core.errors import QuantGUIError
        from quantgui.core.signature import parse_input

        if self.table.rowCount() == 0:
            return [self.tr("Inputs: add a row for each input of the model.")]
        found: list[str] = []
        names: list[str] = []
        for row, text in enumerate(self.texts()):
            name, dtype, shape, value_range = self.row(row)
            label = name or self.tr("number {number}").format(number=row + 1)
            if not name.isidentifier():
                found.append(self.tr("Input {label}: the name must be a word of letters, digits "
                                     "and _, e.g. input_ids.").format(label=label))
                continue
            if name in names:
                found.append(self.tr("Input {label}: two inputs have this name.").format(
                    label=label))
            names.append(name)
            parts = [part.strip() for part in shape.replace("x", ",").split(",")]
            if not shape or not all(part.isdigit() and int(part) > 0 for part in parts):
                found.append(self.tr("Input {label}: write its shape per sample as positive "
                                     "whole numbers, e.g. 128 or 3,224,224.").format(label=label))
                continue
            if value_range and _RANGE.match(value_range) is None:
                found.append(self.tr("Input {label}: write the range as LOW..HIGH, e.g. "
                                     "0..1.").format(label=label))
                continue
            if not value_range and dtype.startswith(("int", "uint")):
                found.append(self.tr("Input {label}: an integer input needs its range, e.g. "
                                     "0..30521 for token ids (both ends included).").format(
                    label=label))
                continue
            try:
                parse_input(text)
            except QuantGUIError as error:
                found.append(self.tr("Input {label}: {problem}").format(
                    label=label, problem=window_words(error.message)))
        return found
