"""The window at 1024x768: nothing essential is cut. Every tab shows in the tab bar without
scroll buttons, the Comparison tab's cells show their whole text (they wrap), and a Hugging Face
model's long layer names are elided in the middle (the whole name in the tooltip) so that the
Quantized and Note columns stay in view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtWidgets import QApplication, QToolButton

from tests.fixtures import hf

from .conftest import delete_now
from .helpers import LOAD_TIMEOUT_MS, run_to_end

SIZE = (1024, 768)


@pytest.fixture
def small(qtbot):
    from quantgui.ui.i18n import install_translator
    from quantgui.ui.main_window import MainWindow

    win = MainWindow(demo="digits-cnn", method="static")
    qtbot.addWidget(win)
    win.resize(*SIZE)
    with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
        win.show()
    settle()
    yield win
    win.close()
    delete_now(win)
    install_translator(QApplication.instance(), "en")


def settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def assert_every_tab_in_the_bar(win) -> None:
    bar = win.tabs.tabBar()
    buttons = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
    assert buttons == [], "the tab bar scrolls"
    for index in range(bar.count()):
        rect = bar.tabRect(index)
        assert bar.rect().contains(rect), (bar.tabText(index), rect, bar.rect())
        # the whole title shows (not elided)
        needed = bar.fontMetrics().horizontalAdvance(bar.tabText(index))
        assert rect.width() >= needed, bar.tabText(index)


def test_every_tab_shows_in_the_tab_bar(small):
    assert small.size().width() == SIZE[0]
    assert_every_tab_in_the_bar(small)
    # and still after the window was made wider and narrower again
    small.resize(1280, 800)
    settle()
    small.resize(*SIZE)
    settle()
    assert_every_tab_in_the_bar(small)


def cell_fits(table, row: int, column: int) -> tuple[bool, str]:
    item = table.item(row, column)
    if item is None or not item.text():
        return True, ""
    width = table.columnWidth(column) - 8  # the cell's text margins
    flags = int(item.textAlignment()) | int(Qt.TextFlag.TextWordWrap)
    needed = table.fontMetrics().boundingRect(QRect(0, 0, width, 10_000), flags, item.text())
    fits = needed.width() <= width and needed.height() <= table.rowHeight(row)
    return fits, f"{item.text()!r}: needs {needed.size()}, has {width}x{table.rowHeight(row)}"


def test_comparison_cells_show_their_whole_text(qtbot, small):
    # two runs at 1280x800 (the second brings the what-if), then the window made smaller
    small.resize(1280, 800)
    settle()
    assert run_to_end(qtbot, small, "static", calibration_batches=2) == "finished"
    assert run_to_end(qtbot, small, "dynamic") == "finished"
    small.set_tab("comparison")
    settle()
    small.resize(*SIZE)
    settle()
    assert small.layers_panel.previous_box.isVisible()
    table = small.comparison.summary
    assert table.rowCount() >= 6
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            fits, why = cell_fits(table, row, column)
            assert fits, why
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        text = table.horizontalHeaderItem(column).text()
        needed = max(header.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
        assert header.sectionSize(column) >= needed, text
    assert not table.horizontalScrollBar().isVisible()


def test_long_layer_names_leave_quantized_and_note_in_view(qtbot, small, tmp_path):
    from quantgui.ui.open_dialog import OpenRequest

    folder = hf.bert_classifier(tmp_path / "tiny-bert")
    with qtbot.waitSignal(small.model_loaded, timeout=LOAD_TIMEOUT_MS):
        assert small.user_models.load(OpenRequest(model=str(folder)))
    assert run_to_end(qtbot, small, "dynamic") == "finished"
    small.set_tab("comparison")
    settle()
    table = small.comparison.layers
    names = [table.item(r, 0).toolTip() for r in range(table.rowCount())]
    longest = max(names, key=len)
    assert "bert.encoder.layer." in longest and len(longest) > 35
    viewport = table.viewport().width()
    header = table.horizontalHeader()
    for column in (3, 4):  # Quantized, Note
        left = header.sectionViewportPosition(column)
        assert left >= 0 and left + min(header.sectionSize(column), 60) <= viewport, (
            table.horizontalHeaderItem(column).text(), left, viewport)
    quantized = header.sectionViewportPosition(3)
    assert quantized + header.sectionSize(3) <= viewport
    assert header.sectionSize(3) >= table.fontMetrics().horizontalAdvance("Quantized")
    # the long names are elided in the middle: their start and their end both show
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle
    row = names.index(longest)
    assert table.item(row, 0).text() == longest and table.item(row, 0).toolTip() == longest
    assert not table.horizontalScrollBar().isVisible()
