"""The stage line under the progress bar: one line whatever its text, so Quantize and Cancel
never move."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel

from .conftest import delete_now
from .helpers import LOAD_TIMEOUT_MS

LONG = ("Engine 1/3: a very long engine title that no settings panel is wide enough for — "
        "compiling the model with inductor's C++ kernels 0/2")


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _where(widget, window) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


@pytest.fixture
def small_window(qtbot):
    from quantgui.ui.main_window import MainWindow

    win = MainWindow(method="dynamic")
    qtbot.addWidget(win)
    win.resize(1024, 768)
    with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
        win.show()
    yield win
    win.close()
    assert not win.runner.is_running()
    delete_now(win)


def test_a_long_stage_stays_one_line_and_moves_nothing(small_window):
    win = small_window
    _settle()
    label = win.stage_label
    one_line = label.height()
    assert one_line < 2 * label.fontMetrics().lineSpacing()
    before = {button: _where(button, win) for button in (win.quantize_button,
                                                         win.cancel_button,
                                                         win.compare_button)}
    panel_width = win.left_panel.width()

    label.setText(LONG)
    _settle()
    assert label.height() == one_line  # one line: nothing above it is pushed up
    for button, where in before.items():
        assert _where(button, win) == where, button.text()
    assert win.left_panel.width() == panel_width  # nor is the panel widened
    shown = QLabel.text(label)  # what is painted: the start of the text, then "…"
    assert shown != LONG and shown.endswith("…") and LONG.startswith(shown[:-1])
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert label.toolTip() == LONG and label.text() == LONG  # the whole text is kept

    win.resize(1400, 768)  # wider: more of it shows, still one line
    _settle()
    assert label.height() == one_line
    assert len(QLabel.text(label)) >= len(shown)
