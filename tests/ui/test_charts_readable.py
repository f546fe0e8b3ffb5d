"""Every chart has a readable height and labels that do not collide, at 1024x768 and 1280x800:
the Size and Latency charts with the what-if shown, the Layers tab's SQNR bars and the selected
layer's weight charts, the Techniques chart's point labels and the Engines chart's bars."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QEvent, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from .conftest import delete_now
from .helpers import LOAD_TIMEOUT_MS, RUN_TIMEOUT_MS, run_to_end

SIZES = [(1024, 768), (1280, 800)]
MIN_PX = 120
FAST_ENGINES = ["torch_ao", "onnxruntime"]


@pytest.fixture
def sized(qtbot):
    from quantgui.ui.main_window import MainWindow

    windows = []

    def make(size: tuple[int, int]):
        win = MainWindow(demo="digits-cnn", method="static")
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


def settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def tick_rects(axis) -> list[tuple[QRectF, str]]:
    """The tick labels the axis draws now (pyqtgraph's own layout of them)."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [] if specs is None else [(rect, text) for rect, _flags, text in specs[2]]


def assert_ticks_apart(axis, expected: int | None = None) -> None:
    rects = tick_rects(axis)
    if expected is not None:  # every custom tick drawn: none dropped for want of room
        assert len(rects) == expected, [text for _, text in rects]
    for (a, ta), (b, tb) in itertools.combinations(rects, 2):
        assert not a.intersects(b), (ta, a, tb, b)


def assert_plot_inside(widget, plot) -> None:
    """The plot's data area lies inside the widget that shows it: nothing drawn past it."""
    box = plot.getViewBox().sceneBoundingRect()
    view = QRectF(widget.viewport().rect() if hasattr(widget, "viewport") else widget.rect())
    assert view.adjusted(-1, -1, 1, 1).contains(box), (box, view)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.slow
def test_size_and_latency_charts_stay_readable_with_the_what_if(qtbot, sized, size):
    win = sized(size)
    assert run_to_end(qtbot, win, "static", calibration_batches=2) == "finished"
    assert run_to_end(qtbot, win, "dynamic") == "finished"
    win.set_tab("comparison")
    settle()
    assert win.layers_panel.previous_box.isVisible()
    charts = win.comparison.charts
    for plot in (win.comparison.size_plot, win.comparison.latency_plot):
        assert plot.geometry().height() >= MIN_PX, plot.geometry()
        assert_plot_inside(charts, plot)
        assert_ticks_apart(plot.getAxis("left"))
        assert_ticks_apart(plot.getAxis("bottom"), expected=2)  # Original, Quantized


@pytest.mark.parametrize("size", SIZES)
def test_layers_charts_keep_inside_and_readable(qtbot, sized, size):
    win = sized(size)
    assert run_to_end(qtbot, win, "static", calibration_batches=2) == "finished"
    win.set_tab("layers")
    settle()
    chart = win.layers_panel.chart
    plot = chart.getPlotItem()
    assert_plot_inside(chart, plot)  # the bars end inside the chart
    (x0, x1), _ = plot.getViewBox().viewRange()
    widths = chart.bars.opts["width"]
    assert len(widths) == 4 and x0 <= 0 and max(widths) <= x1
    assert_ticks_apart(plot.getAxis("left"), expected=len(widths))
    assert_ticks_apart(plot.getAxis("bottom"))
    # a layer selected: its weight charts each get a readable height
    win.layers_panel.select_layer("block1.0")
    qtbot.waitUntil(lambda: win.layers_panel.weights.detail_plots.isVisible(), timeout=10_000)
    settle()
    detail = win.layers_panel.weights
    for item in (detail.histogram_plot, detail.channel_plot, detail.activation_plot):
        assert item.geometry().height() >= MIN_PX, (item.titleLabel.text, item.geometry())
        assert item.getViewBox().geometry().height() >= 50, item.titleLabel.text
        assert_plot_inside(detail.detail_plots, item)
        assert_ticks_apart(item.getAxis("left"))
        assert_ticks_apart(item.getAxis("bottom"))


def label_rects(panel) -> list[QRectF]:
    return [label.sceneBoundingRect() for label in panel.point_labels]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.slow
def test_techniques_chart_labels_do_not_collide(qtbot, sized, size):
    win = sized(size)
    win.select_method("qat")
    win.settings_panel.set_values({"epochs": 1})
    win.select_method("static")
    win.settings_panel.set_values({"calibration_batches": 2})
    with qtbot.waitSignal(win.run_finished, timeout=RUN_TIMEOUT_MS):
        win.compare_all_three()
    settle()
    panel = win.techniques_panel
    assert win.tabs.currentWidget() is panel
    assert panel.chart.height() >= MIN_PX
    box = panel.plot.getViewBox().sceneBoundingRect()
    rects = label_rects(panel)
    assert len(rects) == 4
    for rect, label in zip(rects, panel.point_labels, strict=True):
        assert box.contains(rect), (label.textItem.toPlainText(), rect, box)  # none cut
    for a, b in itertools.combinations(rects, 2):
        assert not a.intersects(b), (a, b)
    assert_ticks_apart(panel.plot.getAxis("left"))
    assert_ticks_apart(panel.plot.getAxis("bottom"))
    # and the table above it shows every row, its column scroll bar (if any) below them
    table = panel.table
    for row in range(table.rowCount()):
        rect = table.visualRect(table.model().index(row, 0))
        assert table.viewport().rect().contains(rect), (row, rect, table.viewport().rect())


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.slow
def test_engines_chart_bars_and_values_inside(qtbot, sized, size):
    win = sized(size)
    with qtbot.waitSignal(win.run_finished, timeout=RUN_TIMEOUT_MS):
        win.compare_engines(names=FAST_ENGINES)
    settle()
    panel = win.engines_panel
    assert panel.chart.height() >= MIN_PX
    (x0, x1), _ = panel.plot.getViewBox().viewRange()
    assert x0 <= 0 and max(panel.bars.opts["width"]) <= x1
    box = panel.plot.getViewBox().sceneBoundingRect()
    for label in panel.value_labels:
        assert box.contains(label.sceneBoundingRect()), label.textItem.toPlainText()
    assert_ticks_apart(panel.plot.getAxis("left"), expected=panel.bar_count())
