"""The window at the sizes people present at (1280x800, 1440x900): Quantize, Cancel, the
progress bar and the elapsed time stay in view with every setting shown; the left panel needs no
horizontal scrollbar, in English or Spanish; the layers table's columns fit their headers and
the SQNR columns are in view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from .conftest import delete_now
from .helpers import LOAD_TIMEOUT_MS, run_to_end

SIZES = [(1280, 800), (1440, 900)]


@pytest.fixture
def open_at(qtbot):
    from quantgui.ui.i18n import install_translator
    from quantgui.ui.main_window import MainWindow

    windows = []

    def make(size: tuple[int, int], method: str = "qat"):
        win = MainWindow(demo="digits-cnn", method=method)
        qtbot.addWidget(win)
        win.resize(*size)
        with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
            win.show()
        windows.append(win)
        return win

    yield make
    for win in windows:
        win.close()
        delete_now(win)
    install_translator(QApplication.instance(), "en")


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def fully_shown(widget: QWidget, window: QWidget) -> bool:
    """``widget`` is visible, inside the window and not clipped by a scroll area."""
    where = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    visible = widget.visibleRegion().boundingRect()
    return (widget.isVisible() and window.rect().contains(where)
            and visible.size() == widget.size())


@pytest.mark.parametrize("size", SIZES)
def test_quantize_progress_and_cancel_stay_in_view_with_advanced_shown(qtbot, open_at, size):
    win = open_at(size)
    assert win.size().width() == size[0] and win.size().height() == size[1]
    win.settings_panel.advanced_button.setChecked(True)  # QAT: the most settings
    settle()
    assert win.settings_panel.advanced_widget.isVisible()
    for widget in (win.quantize_button, win.cancel_button, win.progress, win.stage_label,
                   win.compare_button, win.techniques_button):
        assert fully_shown(widget, win), widget.accessibleName()
    # the settings scroll instead of pushing the buttons down
    assert win.left_scroll.verticalScrollBar().maximum() > 0
    # the elapsed time is as wide as its text during and after a run
    win.elapsed_label.setText("123.4 s")
    settle()
    assert fully_shown(win.elapsed_label, win)
    assert win.elapsed_label.width() >= win.elapsed_label.fontMetrics().horizontalAdvance(
        "123.4 s")
    assert win.cancel_button.width() >= win.cancel_button.sizeHint().width()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_left_panel_needs_no_horizontal_scrollbar(qtbot, open_at, language):
    win = open_at((1280, 800), "dynamic")
    if language == "es":
        win.set_language("es")  # View > Language, applied at once
        assert win.quantize_button.text() == "Cuantizar"
    for method in ("dynamic", "static", "qat"):
        win.select_method(method)
        for advanced in (False, True):
            win.settings_panel.advanced_button.setChecked(advanced)
            settle()
            scroll = win.left_scroll
            assert not scroll.horizontalScrollBar().isVisible(), (method, advanced)
            assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()
            assert fully_shown(win.cancel_button, win) and fully_shown(win.progress, win)


@pytest.mark.parametrize(("size", "language"), [(SIZES[0], "en"), (SIZES[1], "en"),
                                                (SIZES[0], "es")])
def test_every_layers_column_fits_its_header_and_the_sqnr_columns_are_in_view(
        qtbot, open_at, size, language):
    from quantgui.ui.layers.rows import COLUMNS, REASON_COLUMN, SQNR_COLUMNS

    win = open_at(size, "static")
    assert run_to_end(qtbot, win, "static", calibration_batches=2) == "finished"
    if language == "es":
        win.set_language("es")  # the longer Spanish headers, switched live
        assert win.layers_panel.table.headerItem().text(4) == "Estado"
    win.set_tab("layers")
    settle()
    table = win.layers_panel.table
    header = table.header()
    metrics = header.fontMetrics()
    for column in range(len(COLUMNS)):
        assert not table.isColumnHidden(column)
        text = table.headerItem().text(column)
        needed = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        assert header.sectionSize(column) >= needed + 8, (text, header.sectionSize(column))
    for column in range(1, len(COLUMNS)):  # no cell elided (the Layer column is capped)
        cells = [item.text(column) for item in table.findItems(
            "*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)]
        widest = max(table.fontMetrics().horizontalAdvance(text) for text in cells)
        if column not in (1, REASON_COLUMN):
            assert header.sectionSize(column) >= widest, (column, widest)
    viewport = table.viewport().width()
    for column in (0, 1, 2, 3, 4, *SQNR_COLUMNS):  # every column but the reasons, in view
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert header.sectionViewportPosition(column) >= 0 and right <= viewport, column
    assert header.visualIndex(REASON_COLUMN) == len(COLUMNS) - 1
