"""The settings form, built from the recipe dataclasses' field metadata.

Each field's metadata (label, help, choices, minimum, maximum, advanced) decides its editor; the
help text is the tooltip; advanced fields go in a collapsible "Advanced" section. The core's
strings are translated in the "recipe" context (see ``core_strings.py``).
"""

from __future__ import annotations

import contextlib
import dataclasses
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


def tr_core(text: str) -> str:
    return QCoreApplication.translate("recipe", text)


def _narrow(combo: QComboBox) -> None:
    """A choice that may be narrower than its longest entry (elided; the list shows it whole):
    long engine titles must not widen the settings panel into a horizontal scrollbar."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)


class _Field:
    """One editor for one recipe field; ``value()`` may raise ValueError on bad text."""

    def __init__(self, field: dataclasses.Field, parent: QWidget, on_change) -> None:
        self.name = field.name
        meta = field.metadata
        self.meta = meta
        kind = str(field.type).replace(" ", "")
        choices = meta.get("choices")
        label = tr_core(meta.get("label") or field.name)
        tip = tr_core(meta.get("help") or "")
        self.kind = kind
        self.boxes: list[QCheckBox] = []
        if choices and kind.startswith("tuple"):
            self.widget = QWidget(parent)
            grid = QGridLayout(self.widget)
            grid.setContentsMargins(0, 0, 0, 0)
            for index, choice in enumerate(choices):
                box = QCheckBox(str(choice), self.widget)
                box.setAccessibleName(f"{label}: {choice}")
                box.setToolTip(tip)
                box.toggled.connect(on_change)
                grid.addWidget(box, index // 3, index % 3)
                self.boxes.append(box)
            self.mode = "multi"
        elif choices or meta.get("choices_from"):
            combo = QComboBox(parent)
            if meta.get("choices_from"):  # a registry's entries, with titles and availability
                for value, title, unavailable in meta["choices_from"]():
                    combo.addItem(tr_core(title), value)
                    if unavailable:
                        combo.setItemData(combo.count() - 1, unavailable,
                                          Qt.ItemDataRole.ToolTipRole)
            for choice in choices or ():  # shown in words, kept as the recipe's value
                combo.addItem(tr_core(str(choice)), choice)
            combo.currentIndexChanged.connect(on_change)
            _narrow(combo)
            self.widget, self.mode = combo, "choice"
        elif kind == "bool":
            box = QCheckBox(parent)
            box.toggled.connect(on_change)
            self.widget, self.mode = box, "bool"
        elif kind.startswith("bool|None"):
            combo = QComboBox(parent)
            combo.addItem(QCoreApplication.translate("SettingsPanel", "Automatic"), None)
            combo.addItem(QCoreApplication.translate("SettingsPanel", "On"), True)
            combo.addItem(QCoreApplication.translate("SettingsPanel", "Off"), False)
            combo.currentIndexChanged.connect(on_change)
            _narrow(combo)
            self.widget, self.mode = combo, "tristate"
        elif kind.startswith("int"):
            spin = QSpinBox(parent)
            low = int(meta.get("minimum") if meta.get("minimum") is not None else 0)
            high = int(meta.get("maximum") if meta.get("maximum") is not None else 2**31 - 1)
            self.optional = kind.endswith("|None")
            if self.optional:
                spin.setMinimum(low - 1)
                spin.setSpecialValueText(QCoreApplication.translate("SettingsPanel", "Never"))
            else:
                spin.setMinimum(low)
            spin.setMaximum(min(high, 2**31 - 1))
            spin.valueChanged.connect(on_change)
            self.low = low
            self.widget, self.mode = spin, "int"
        else:  # float, or free text (a list of names)
            edit = QLineEdit(parent)
            edit.textChanged.connect(on_change)
            self.widget = edit
            self.mode = "float" if kind == "float" else "names" if kind.startswith("tuple") \
                else "text"
            if self.mode == "names":
                edit.setPlaceholderText(
                    QCoreApplication.translate("SettingsPanel", "layer names, comma-separated"))
        self.label = label
        self.label_widget: QLabel | None = None  # the form's label of the row (set_method)
        self.widget.setToolTip(tip)
        self.widget.setAccessibleName(label)
        self.widget.setAccessibleDescription(tip)
        self.widget.setObjectName(f"setting_{self.name}")

    def show_tip_on_label(self) -> None:
        """The row's label says what the control's tooltip says (hovering the name of a
        setting explains it, not only hovering its box)."""
        if self.label_widget is not None:
            self.label_widget.setToolTip(self.widget.toolTip())

    def focus_widget(self) -> QWidget:
        """The editor that takes the focus (a list of check boxes: its first one)."""
        return self.boxes[0] if self.boxes else self.widget

    def has_focus(self) -> bool:
        return self.widget.hasFocus() or any(box.hasFocus() for box in self.boxes)

    def set_value(self, value: Any) -> None:
        w = self.widget
        if self.mode == "multi":
            for box in self.boxes:
                box.setChecked(box.text() in tuple(value))
        elif self.mode in ("choice", "tristate"):
            index = w.findData(value)
            if index >= 0:
                w.setCurrentIndex(index)
        elif self.mode == "bool":
            w.setChecked(bool(value))
        elif self.mode == "int":
            w.setValue(self.low - 1 if value is None else int(value))
        elif self.mode == "float":
            w.setText(value if isinstance(value, str) else f"{value:g}")
        elif self.mode == "names":
            w.setText(", ".join(value))
        else:
            w.setText(str(value))

    def value(self) -> Any:
        w = self.widget
        if self.mode == "multi":
            return tuple(box.text() for box in self.boxes if box.isChecked())
        if self.mode in ("choice", "tristate"):
            return w.currentData()
        if self.mode == "bool":
            return w.isChecked()
        if self.mode == "int":
            return None if self.optional and w.value() < self.low else w.value()
        if self.mode == "float":
            try:
                return float(w.text().strip())
            except ValueError:
                raise ValueError(self.label) from None
        if self.mode == "names":
            return tuple(part.strip() for part in w.text().split(",") if part.strip())
        return w.text()


ENGINE = "engine"  # the recipe field the window may choose itself (quantgui.ui.engine_advisor)


class SettingsPanel(QWidget):
    """The form for one technique; keeps the values typed for each technique.

    The engine box is the window's to set (``set_auto_engine``) until the user picks an engine
    in it for that technique (``engine_chosen_by_hand``); under it, ``engine_note`` says in
    one line why the engine was chosen, or warns about the one chosen by hand."""

    changed = Signal()
    built = Signal()  # a new form: the window puts its controls in the Tab order again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.method = ""
        self.fields: dict[str, _Field] = {}
        self._saved: dict[str, dict[str, Any]] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._body: QWidget | None = None
        self._building = False
        self.advanced_button: QToolButton | None = None
        self._engine_chosen: set[str] = set()  # techniques whose engine the user picked
        self._engine_note = ("", False)  # the core's sentence (English), and is it a warning
        self._engine_checking = False  # the note says the engine is being chosen
        self.engine_note: QLabel | None = None

    def set_method(self, method: str) -> None:
        from quantgui.core.recipes import RECIPE_TYPES

        if self.method:
            with contextlib.suppress(ValueError):
                self._saved[self.method] = self.values()
        self.method = method
        recipe_type = RECIPE_TYPES[method]
        defaults = recipe_type().to_dict()
        defaults.update(self._saved.get(method, {}))
        self._building = True
        # what the old form had that the new one keeps: the Advanced section open (closing it
        # would shrink the form under the scroll bar, which then jumps), and the field with
        # the focus (hidden with the old form, the focus would move on and the scroll area
        # scroll to wherever it lands)
        old = self._body
        advanced_shown = self.advanced_button is not None and self.advanced_button.isChecked()
        focused = next((name for name, editor in self.fields.items()
                        if editor.has_focus()), None) if old is not None else None
        if old is not None:
            self._layout.removeWidget(old)
        body = QWidget(self)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 0, 0)
        basic = QFormLayout()
        basic.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        advanced_widget = QWidget(body)
        advanced = QFormLayout(advanced_widget)
        advanced.setContentsMargins(12, 0, 0, 0)
        advanced.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for form in (basic, advanced):  # a long label puts its field below it, not off screen
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.fields = {}
        for field in dataclasses.fields(recipe_type):
            editor = _Field(field, body, self._on_change)
            editor.set_value(defaults[field.name])
            self.fields[field.name] = editor
            target = advanced if field.metadata.get("advanced") else basic
            target.addRow(editor.label, editor.widget)
            label = target.labelForField(editor.widget)
            editor.label_widget = label if isinstance(label, QLabel) else None
            editor.show_tip_on_label()
            if field.name == ENGINE:
                editor.widget.activated.connect(self._engine_activated)
                self.engine_note = QLabel(body)
                self.engine_note.setObjectName("engine_note")
                self.engine_note.setWordWrap(True)
                self.engine_note.setAccessibleName(self.tr("Why this engine"))
                target.addRow(self.engine_note)
                self._show_engine_note()
        outer.addLayout(basic)
        button = QToolButton(body)
        button.setText(self.tr("Advanced"))
        button.setCheckable(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setArrowType(Qt.ArrowType.RightArrow)
        button.setAutoRaise(True)
        button.setAccessibleName(self.tr("Show advanced settings"))
        button.setToolTip(self.tr("Show or hide the settings most runs do not need to change."))
        advanced_widget.setVisible(False)

        def toggle(shown: bool) -> None:
            advanced_widget.setVisible(shown)
            button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

        button.toggled.connect(toggle)
        button.setChecked(advanced_shown)
        self.advanced_button = button
        self.advanced_widget = advanced_widget
        outer.addWidget(button)
        outer.addWidget(advanced_widget)
        self._layout.addWidget(body)
        body.show()
        self._body = body
        if focused is not None:  # the same field in the new form, or its first one
            editor = self.fields.get(focused) or next(iter(self.fields.values()), None)
            if editor is not None:
                editor.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)
        if old is not None:
            old.hide()  # gone now, not at the next event loop turn (no two forms drawn)
            old.deleteLater()
        self._building = False
        self.built.emit()
        self.changed.emit()

    def focus_chain(self) -> list[QWidget]:
        """The form's controls in the order they read: the basic settings, the Advanced
        button, the advanced settings (Tab skips them while the section is closed)."""
        basic = [w for editor in self.fields.values() if not editor.meta.get("advanced")
                 for w in (editor.boxes or [editor.widget])]
        advanced = [w for editor in self.fields.values() if editor.meta.get("advanced")
                    for w in (editor.boxes or [editor.widget])]
        button = [self.advanced_button] if self.advanced_button is not None else []
        return [*basic, *button, *advanced]

    def retranslate(self) -> None:
        """After a language switch (``quantgui.ui.retranslate``): each label's tooltip is its
        control's again, in the new language."""
        for editor in self.fields.values():
            editor.show_tip_on_label()

    def reset_to_defaults(self) -> None:
        """Every technique's settings back to their defaults: what was typed for each is
        forgotten, and the form shows the current technique's defaults (``changed``)."""
        self._saved.clear()
        self._engine_chosen.clear()  # the window chooses the engine again
        method, self.method = self.method, ""  # "": set_method keeps nothing of the form
        if method:
            self.set_method(method)

    def _on_change(self, *_: Any) -> None:
        if not self._building:
            self.changed.emit()

    def values(self) -> dict[str, Any]:
        """Current values; raises ValueError naming a field whose text is not a number."""
        return {name: editor.value() for name, editor in self.fields.items()}

    def set_value(self, name: str, value: Any) -> None:
        self.fields[name].set_value(value)

    def set_values(self, values: dict[str, Any]) -> None:
        """Values the user asked for (a past run's, a recipe's): an engine among them is
        theirs, as if picked in the box."""
        for name, value in values.items():
            if name in self.fields:
                self.fields[name].set_value(value)
        if ENGINE in values and ENGINE in self.fields:
            self._engine_picked(self.method)

    # --- the engine box -------------------------------------------------------------------
    def _engine_activated(self, _index: int) -> None:  # a bound method: no lambda holds self
        self._engine_picked(self.method)

    def _engine_picked(self, method: str) -> None:
        if method not in self._engine_chosen:
            self._engine_chosen.add(method)
            self.changed.emit()  # the window judges the user's engine (a warning, or none)

    def engine_chosen_by_hand(self, method: str | None = None) -> bool:
        """The user picked the engine of ``method`` (default: the form's) in its box."""
        return (method or self.method) in self._engine_chosen

    def set_auto_engine(self, name: str) -> None:
        """The window's choice of engine, shown in the box unless the user picked one."""
        field = self.fields.get(ENGINE)
        if field is None or self.engine_chosen_by_hand() or field.value() == name:
            return
        field.set_value(name)

    def show_engine_note(self, text: str, warning: bool = False) -> None:
        """``text``: the core's sentence (English, translated here); "" hides the note."""
        self._engine_note = (text, warning)
        self._engine_checking = False
        self._show_engine_note()

    def show_engine_checking(self) -> None:
        """The engine is being chosen for these settings (``show_engine_note`` ends it)."""
        self._engine_note = ("", False)
        self._engine_checking = True
        self._show_engine_note()

    def engine_note_text(self) -> str:
        return self.engine_note.text() if self.engine_note is not None else ""

    def _show_engine_note(self) -> None:
        from quantgui.ui import theme
        from quantgui.ui.i18n import tr_core as translate

        label = self.engine_note
        if label is None:
            return
        text, warning = self._engine_note
        label.setText(self.tr("Checking which engine can quantize this model…")
                      if self._engine_checking else translate("message", text))
        label.setStyleSheet(f"color: {theme.error_color()}" if warning else "")
        label.setVisible(bool(label.text()))

    def recipe(self):
        """The recipe for the current values; raises RecipeError (or ValueError)."""
        from quantgui.core.recipes import recipe_for

        return recipe_for(self.method, **self.values())
