"""The settings panel does not scroll by itself: a run that locks the settings, or a technique
change that rebuilds the form, leaves the scroll bar where the user left it (the model selector
stays in view, and the next click lands where the user aims)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from .conftest import delete_now
from .helpers import LOAD_TIMEOUT_MS, RUN_TIMEOUT_MS


@pytest.fixture
def small_window(qtbot):
    from quantgui.ui.main_window import MainWindow

    win = MainWindow(demo="digits-cnn", method="static")
    qtbot.addWidget(win)
    win.resize(1024, 768)  # the settings scroll at this size
    with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
        win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: win.isActiveWindow(), timeout=5000)
    # the layout settled: at 1024x768 the settings have something to scroll
    qtbot.waitUntil(lambda: win.left_scroll.verticalScrollBar().maximum() > 0, timeout=5000)
    yield win
    win.close()
    delete_now(win)


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def scroll_value(win) -> int:
    return win.left_scroll.verticalScrollBar().value()


def focus_field(qtbot, win, name: str) -> None:
    widget = win.settings_panel.fields[name].widget
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=5000)


def run_with_ctrl_r(qtbot, win) -> list[int]:
    """Ctrl+R, as the user presses it; the scroll values seen while the run went and after."""
    seen: list[int] = []
    win.runner.events.connect(lambda _: seen.append(scroll_value(win)))
    with qtbot.waitSignal(win.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        qtbot.keyClick(QApplication.focusWidget() or win, Qt.Key.Key_R,
                       Qt.KeyboardModifier.ControlModifier)
        assert win.runner.is_running()
        seen.append(scroll_value(win))
    assert blocker.args == ["finished"]
    settle()
    seen.append(scroll_value(win))
    return seen


@pytest.mark.parametrize("focus", ["field", "technique"])
def test_a_run_leaves_the_settings_scrolled_where_they_were(qtbot, small_window, focus):
    win = small_window
    win.settings_panel.set_values({"calibration_batches": 2})
    if focus == "field":  # typed a value, then Ctrl+R
        focus_field(qtbot, win, "calibration_batches")
    else:  # clicked a technique, then Ctrl+R
        button = win.method_buttons["static"]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton,
                         pos=QPoint(8, button.height() // 2))
        qtbot.waitUntil(button.hasFocus, timeout=5000)
    assert scroll_value(win) == 0
    seen = run_with_ctrl_r(qtbot, win)
    assert set(seen) == {0}, seen
    if focus == "field":  # the focus is back where it was, to go on typing
        assert win.settings_panel.fields["calibration_batches"].widget.hasFocus()
    assert win.model_combo.visibleRegion().boundingRect().size() == win.model_combo.size()


def test_another_technique_leaves_the_settings_scrolled_where_they_were(qtbot, small_window):
    win = small_window
    bar = win.left_scroll.verticalScrollBar()
    # typing in the form, then the technique changes under it (the advisor's choice, a recipe
    # or a History entry applied): the field with the focus goes with the old form
    focus_field(qtbot, win, "engine")
    win.select_method("qat")
    settle()
    assert scroll_value(win) == 0
    assert win.settings_panel.fields["engine"].widget.hasFocus()  # the same field, new form
    # the Advanced settings opened and scrolled down to them, then a click on each technique:
    # the new form keeps them open, so nothing shrinks under the scroll bar
    win.settings_panel.advanced_button.setChecked(True)
    settle()
    bar.setValue(min(bar.maximum(), 120))  # the technique buttons still in view
    where = bar.value()
    assert where > 80  # past the end of Static's and Dynamic's forms with Advanced closed
    for method in ("dynamic", "static", "qat"):
        button = win.method_buttons[method]
        assert button.visibleRegion().boundingRect().size() == button.size()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
        settle()
        assert win.settings_panel.method == method
        assert scroll_value(win) == where, method
        assert win.settings_panel.advanced_widget.isVisible()
