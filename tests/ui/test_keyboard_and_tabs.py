"""The window by keyboard, and where it goes: each tab has a Ctrl+digit shortcut (Ctrl+0 the
tenth), and every model opened (a demo or a file of the user's) shows the Start tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from .helpers import LOAD_TIMEOUT_MS
from .test_open_model import accept_and_load, open_dialog, tiny_pt2  # noqa: F401 - a fixture

DIGITS = [Qt.Key(Qt.Key.Key_0.value + d) for d in range(10)]


def view_actions(win):
    menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&View")
    titles = list(win.tab_names.values())
    return [a for a in menu.actions() if a.text() in titles]


def test_each_tab_has_a_ctrl_digit_shortcut(qtbot, window):
    actions = view_actions(window)
    assert len(actions) == window.tabs.count() == 10
    for index, action in enumerate(actions):
        keys = action.shortcut()
        assert keys.count() == 1, (action.text(), keys.toString())
        combination = keys[0]
        assert combination.keyboardModifiers() == Qt.KeyboardModifier.ControlModifier
        assert combination.key() in DIGITS, keys.toString()
        assert keys == QKeySequence(f"Ctrl+{(index + 1) % 10}")
    assert actions[-1].text() == "Techniques"
    assert actions[-1].shortcut().toString() == "Ctrl+0"
    for index, action in reversed(list(enumerate(actions))):
        action.trigger()
        assert window.tabs.currentIndex() == index, action.text()


def test_ctrl_0_is_a_key_that_reaches_the_techniques_tab(qtbot, window):
    window.activateWindow()
    window.tabs.setCurrentWidget(window.start_page)
    QTest.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.techniques_panel


@pytest.mark.parametrize("tab", ["history", "engines"])
def test_a_demo_and_a_file_both_open_on_the_start_tab(qtbot, window, tiny_pt2, tab):  # noqa: F811
    panels = {"history": window.history_panel, "engines": window.engines_panel,
              "code": window.code_view, "log": window.log}
    window.tabs.setCurrentWidget(panels[tab])
    other = "digits-lstm" if window.loaded.name != "digits-lstm" else "digits-cnn"
    with qtbot.waitSignal(window.model_loaded, timeout=LOAD_TIMEOUT_MS):
        window.load_model(other)
    assert window.loaded.name == other
    assert window.tabs.currentWidget() is window.start_page

    window.tabs.setCurrentWidget(panels[tab])
    dialog = open_dialog(qtbot, window, str(tiny_pt2))
    accept_and_load(qtbot, window, dialog)
    assert window.loaded.name == "tiny.pt2"
    assert window.tabs.currentWidget() is window.start_page


@pytest.fixture
def back_to_english(qapp):
    yield
    from quantgui.ui.i18n import install_translator

    install_translator(qapp, "en")


def labelled_rows(win) -> list[tuple[QLabel, QWidget]]:
    """Each label of the window with the control it names: a form's row label, or a label
    whose buddy is set; those of controls with a tooltip."""
    rows = []
    for form in win.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is not None and field is not None and isinstance(label.widget(), QLabel) \
                    and field.widget() is not None and field.widget().toolTip():
                rows.append((label.widget(), field.widget()))
    for label in win.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and buddy.toolTip() and (label, buddy) not in rows:
            rows.append((label, buddy))
    return rows


def untipped(win) -> list[tuple[str, str, str]]:
    return [(label.text(), label.toolTip(), field.toolTip())
            for label, field in labelled_rows(win) if label.toolTip() != field.toolTip()]


def test_each_setting_label_shows_its_controls_tooltip(qtbot, window, back_to_english):
    win = window
    for method in ("dynamic", "static", "qat"):
        win.select_method(method)
        win.settings_panel.advanced_button.setChecked(True)
        rows = labelled_rows(win)
        assert len(rows) >= 4, method
        assert any(label.text() == "Engine" for label, _ in rows)
        assert untipped(win) == [], method
    engine = win.settings_panel.fields["engine"]
    english = engine.widget.toolTip()
    win.set_language("es")
    assert engine.widget.toolTip() != english  # in Spanish now
    assert engine.label_widget.toolTip() == engine.widget.toolTip()
    assert untipped(win) == []
    win.select_method("dynamic")  # a form built in Spanish
    assert untipped(win) == []
    win.set_language("en")
    assert win.settings_panel.fields["engine"].label_widget.toolTip() == english
    assert untipped(win) == []
