"""Presenter conveniences (issue 13): the window opens on the technique that shows the most for
the loaded model and on a Start tab that says what to do; Reset to defaults; a past run's
settings applied again from the History; a light or dark theme from View, remembered; Ctrl+S
saves the result."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from .conftest import delete_now
from .helpers import LOAD_TIMEOUT_MS, RUN_TIMEOUT_MS, run_to_end


@pytest.fixture
def fresh(qtbot):
    """A window as a new user gets it: no technique asked for, none chosen before."""
    from quantgui.ui import theme
    from quantgui.ui.main_window import MainWindow

    windows = []

    def make(demo: str, wait_advice: bool = True):
        win = MainWindow(demo=demo)
        qtbot.addWidget(win)
        win.resize(1280, 800)
        with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
            win.show()
        if wait_advice:
            qtbot.waitUntil(lambda: bool(win.advisor.coverages), timeout=LOAD_TIMEOUT_MS)
        windows.append(win)
        return win

    yield make
    for win in windows:
        if shiboken6.isValid(win):
            win.close_without_asking()
            delete_now(win)
    theme.apply_theme("system")


@pytest.mark.parametrize(("demo", "expected"), [("digits-cnn", "static"),
                                                ("digits-lstm", "dynamic")])
def test_opens_on_the_technique_that_quantizes_the_most(qtbot, fresh, demo, expected):
    win = fresh(demo)
    assert win.method_buttons[expected].isChecked()
    assert win.settings_panel.method == expected
    coverage = {c.method: c for c in win.advisor.coverages}
    assert coverage[expected].parameters == max(c.parameters for c in coverage.values())
    assert "qat" not in coverage  # a technique that trains is never the opening choice
    # the first view says what to do, not four empty charts
    assert win.tabs.currentWidget() is win.start_page
    assert win.tabs.tabText(0) == "Start"
    page = win.start_page
    assert demo in page.heading.text()
    title = win.method_titles[expected]
    assert f"<b>{title}</b> is selected" in page.advice.text()
    assert "Press <b>Quantize</b> (Ctrl+R)" in page.steps.text()
    assert page.quantize_button.text() == f"Quantize with {title}"
    assert page.quantize_button.isEnabled()
    # its button runs what the left panel's Quantize runs
    with qtbot.waitSignal(win.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(page.quantize_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["finished"] and win.result.recipe.method == expected


def test_a_technique_chosen_by_hand_stays_and_is_remembered(qtbot, fresh):
    win = fresh("digits-lstm", wait_advice=False)
    button = win.method_buttons["qat"]
    # on its circle: a radio button's empty space to the right of its text takes no clicks
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))
    assert win.method_buttons["qat"].isChecked() and not win.advisor.enabled
    # loading another model keeps the hand choice (no advice replaces it)
    with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
        win.load_model("digits-cnn")
    assert win.method_buttons["qat"].isChecked() and not win.advisor.runner.is_running()
    assert win.start_page.advice.text() == "<b>QAT</b> is selected."
    win.close_without_asking()
    again = fresh("digits-cnn", wait_advice=False)
    assert again.method_buttons["qat"].isChecked() and not again.advisor.enabled


def test_reset_settings_to_defaults(qtbot, window):
    from quantgui.core.recipes import DynamicRecipe, StaticRecipe

    window.select_method("static")
    window.settings_panel.set_values({"calibration_batches": 7, "observer": "minmax"})
    window.select_method("dynamic")
    window.settings_panel.set_values({"batch_size": 3})
    assert window.reset_button.isEnabled() and window.reset_action.isEnabled()
    qtbot.mouseClick(window.reset_button, Qt.MouseButton.LeftButton)
    assert window.settings_panel.method == "dynamic"  # the technique stays
    assert window.settings_panel.recipe() == DynamicRecipe()
    assert window.state.recipe == DynamicRecipe()  # the state (Code tab, Layers) follows
    window.select_method("static")  # what was typed for the other technique is gone too
    assert window.settings_panel.recipe() == StaticRecipe()
    window.settings_panel.set_values({"calibration_batches": 5})
    window.reset_action.trigger()  # Run > Reset settings to defaults
    assert window.settings_panel.recipe() == StaticRecipe()


def test_apply_a_past_run_from_the_history(qtbot, window):
    assert run_to_end(qtbot, window, "static", calibration_batches=3,
                      observer="minmax") == "finished"
    run_id = window.history_panel.entries()[-1].id
    window.select_method("dynamic")
    window.settings_panel.set_values({"batch_size": 2})
    panel = window.history_panel
    action = panel.apply_action
    assert action in panel.table.actions()  # the table's context menu
    assert panel.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert action.text() == "Apply these settings"
    panel.select_ids([])
    assert not action.isEnabled()
    panel.select_ids([run_id])
    assert action.isEnabled() and panel.apply_button.isEnabled()
    action.trigger()
    assert window.settings_panel.method == "static"
    assert window.method_buttons["static"].isChecked()
    values = window.settings_panel.values()
    assert values["calibration_batches"] == 3 and values["observer"] == "minmax"
    assert f"Applied the settings of run {run_id} (Static)." in window.log.lines()[-1]
    assert run_to_end(qtbot, window, "static") == "finished"
    assert window.result.recipe == window.history_panel.entries()[0].report["recipe"] or \
        window.result.recipe.to_dict() == window.history_panel.entries()[0].report["recipe"]


def test_dark_theme_from_view_is_remembered_and_keeps_the_progress_bar_visible(qtbot, fresh):
    from quantgui.ui import theme
    from quantgui.ui.main_window import MainWindow

    win = fresh("digits-cnn", wait_advice=False)
    assert win.theme == "system" and win.theme_actions["system"].isChecked()
    win.theme_actions["dark"].trigger()
    palette = QApplication.palette()
    assert theme.is_dark() and win.theme == "dark"
    for view in win.findChildren(pg.GraphicsView):  # the plots on screen follow
        assert view.backgroundBrush().color() == palette.color(QPalette.ColorRole.Base)
    # the progress bar stands out from the window, empty and half full
    window_colour = palette.color(QPalette.ColorRole.Window)
    win.progress.setRange(0, 100)
    for value in (0, 50):
        win.progress.setValue(value)
        QCoreApplication.processEvents()
        image = win.progress.grab().toImage()
        colours = {image.pixelColor(x, image.height() // 2).rgb()
                   for x in range(0, image.width(), 4)}
        assert colours - {window_colour.rgb()}, value
        if value:
            chunk = image.pixelColor(image.width() // 8, image.height() // 2)
            highlight = palette.color(QPalette.ColorRole.Highlight)  # Fusion shades it
            assert abs(chunk.hue() - highlight.hue()) < 15 and chunk.saturation() > 100
    win.close_without_asking()
    # remembered: the next window opens dark, its menu says so
    theme.apply_theme("system")
    again = MainWindow(demo="digits-cnn", method="dynamic")  # closed and deleted below
    assert again.theme == "dark" and again.theme_actions["dark"].isChecked()
    assert theme.is_dark()
    again.theme_actions["light"].trigger()
    assert not theme.is_dark()
    again.close_without_asking()
    delete_now(again)


def test_ctrl_s_saves_the_quantized_model(qtbot, window, tmp_path):
    assert run_to_end(qtbot, window, "dynamic") == "finished"
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    dialog = window.results_io.file_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Save quantized model"
    target = tmp_path / "cnn_int8.pt"
    with qtbot.waitSignal(window.results_io.written, timeout=RUN_TIMEOUT_MS) as blocker:
        dialog.selectFile(str(target))
        dialog.accept()
    assert blocker.args[0] == "model"
    assert target.exists() and target.stat().st_size > 0
    assert window.results_io.file_dialog is None
    # without a result, Ctrl+S asks nothing
    with qtbot.waitSignal(window.model_loaded, timeout=LOAD_TIMEOUT_MS):
        window.load_model("digits-mlp")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.results_io.file_dialog is None
