"""The window by keyboard, and where it goes: each tab has a Ctrl+digit shortcut (Ctrl+0 the
tenth), Tab reaches the technique buttons (with a focus outline that can be seen) and goes down
the settings panel, never landing on a control out of sight, each setting's label shows its
control's tooltip, and every model opened (a demo or a file of the user's) shows the Start
tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QProxyStyle,
    QStyle,
    QWidget,
)

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



def test_the_open_dialogs_labels_show_their_controls_tooltips(qtbot, window, tiny_pt2):  # noqa: F811
    dialog = open_dialog(qtbot, window, str(tiny_pt2))
    try:
        rows = labelled_rows(dialog)
        assert {label.text() for label, _ in rows} >= {"Factory:", "Validation fraction:"}
        assert untipped(dialog) == []
    finally:
        dialog.reject()


def tab_from(widget, key=Qt.Key.Key_Tab) -> QWidget:
    QTest.keyClick(widget, key)
    return QApplication.focusWidget()


class _ButtonsTabFocusOnly(QProxyStyle):
    """Fusion, with buttons taking the focus by Tab only, as macOS's style gives them."""

    def styleHint(self, hint, option=None, widget=None, data=None):  # noqa: N802 - Qt's
        if hint == QStyle.StyleHint.SH_Button_FocusPolicy:
            return int(Qt.FocusPolicy.TabFocus.value)
        return super().styleHint(hint, option, widget, data)


@pytest.fixture
def mac_like_window(qtbot, qapp):
    """The window where Tab goes to text controls and lists only unless a control asks for
    more, and buttons are reached by Tab alone: macOS without Full Keyboard Access."""
    from quantgui.ui.main_window import MainWindow

    from .conftest import delete_now

    hints = QGuiApplication.styleHints()
    behaviour = hints.tabFocusBehavior()
    style, palette = qapp.style().name(), qapp.palette()
    qapp.setStyle(_ButtonsTabFocusOnly("Fusion"))
    hints.setTabFocusBehavior(Qt.TabFocusBehavior.TabFocusTextControls)
    win = MainWindow(method="dynamic")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    try:
        with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
            win.show()
        yield win
    finally:
        win.close()
        delete_now(win)
        hints.setTabFocusBehavior(behaviour)
        qapp.setStyle(style)
        qapp.setPalette(palette)


def focus_pixels(button) -> int:
    """How many pixels of the checked technique button change 3:1 or more (WCAG's least for a
    focus indicator) when Tab puts the focus on it from the model selector; the focus then
    goes back with Shift+Tab."""
    from quantgui.ui.theme import contrast

    combo = button.window().model_combo
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    assert tab_from(combo) is button
    focused = button.grab().toImage()
    assert tab_from(button, Qt.Key.Key_Backtab) is combo
    unfocused = button.grab().toImage()
    return sum(1 for x in range(focused.width()) for y in range(focused.height())
               if contrast(focused.pixelColor(x, y), unfocused.pixelColor(x, y)) >= 3)


def focus_shown(button) -> bool:
    """The focus shows as an outline that can be seen: at least its top and bottom edges,
    two pixels thick, along the button's text."""
    return focus_pixels(button) >= 2 * button.fontMetrics().horizontalAdvance(button.text())


@pytest.mark.parametrize("which", ["window", "mac_like_window"])
def test_tab_reaches_the_technique_buttons(qtbot, request, which):
    win = request.getfixturevalue(which)
    win.activateWindow()
    win.model_combo.setFocus(Qt.FocusReason.TabFocusReason)
    assert QApplication.focusWidget() is win.model_combo
    focused = tab_from(win.model_combo)
    assert focused is win.method_buttons["dynamic"], focused
    assert focused.hasFocus()
    # the arrows move within the group, as Qt does for exclusive radio buttons
    QTest.keyClick(focused, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is win.method_buttons["static"]
    assert win.method_buttons["static"].isChecked()
    # Tab then goes on into the settings; Shift+Tab comes back to the checked technique
    assert win.settings_panel.isAncestorOf(tab_from(QApplication.focusWidget()))
    assert tab_from(QApplication.focusWidget(), Qt.Key.Key_Backtab) \
        is win.method_buttons["static"]


def test_the_focus_shows_on_a_technique_button_in_both_themes(qtbot, window):
    """View > Theme's light and dark (the system's theme keeps the system's own look)."""
    from quantgui.ui import theme

    window.activateWindow()
    try:
        for name in ("light", "dark"):
            window.set_theme(name)
            button = window.method_buttons["dynamic"]
            assert focus_shown(button), (name, focus_pixels(button))
    finally:
        theme.apply_theme("system")


@pytest.mark.parametrize("tab", ["start", "history"])
def test_tab_never_lands_out_of_sight(qtbot, window, tab):
    """From the Engine box, Shift+Tab goes back up the settings panel (not to the Start
    tab's Compare all three, where Space started a comparison), and forty steps either way
    focus only controls on screen."""
    win = window
    win.activateWindow()
    win.set_tab(tab)
    for method in ("dynamic", "static"):
        win.select_method(method)
        engine = win.settings_panel.fields["engine"].widget
        engine.setFocus(Qt.FocusReason.TabFocusReason)
        back = tab_from(engine, Qt.Key.Key_Backtab)
        assert back is win.method_buttons[method], back
        for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            engine.setFocus(Qt.FocusReason.TabFocusReason)
            seen = []
            for _ in range(40):
                focused = tab_from(QApplication.focusWidget(), key)
                assert focused is not None and focused.isVisible(), (key, focused)
                seen.append(focused)
            assert win.model_combo in seen and win.quantize_button in seen
        # down the panel in reading order, from the model to the last button
        win.model_combo.setFocus(Qt.FocusReason.TabFocusReason)
        order = [win.model_combo]
        while order[-1] is not win.techniques_button and len(order) < 60:
            order.append(tab_from(order[-1]))
        fields = [w for w in win.settings_panel.focus_chain() if w.isVisible()]
        assert order == [win.model_combo, win.method_buttons[method], *fields,
                         win.reset_button, win.quantize_button, win.compare_button,
                         win.techniques_button]
