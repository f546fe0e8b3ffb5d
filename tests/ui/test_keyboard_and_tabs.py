"""The window by keyboard: each tab has a Ctrl+digit shortcut (Ctrl+0 the tenth)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

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
