"""The Layers tab in parts (quantgui/ui/layers/): the weight histogram's legend sits beside the
data, never over it, and the status line, composed of several texts, follows a live language
switch."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from .conftest import delete_now
from .helpers import LOAD_TIMEOUT_MS, run_to_end


@pytest.fixture
def static_window(qtbot):
    from quantgui.ui.main_window import MainWindow

    win = MainWindow(demo="digits-cnn", method="static")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
        win.show()
    assert run_to_end(qtbot, win, "static", calibration_batches=3) == "finished"
    yield win
    win.close()
    delete_now(win)


def test_the_weight_legend_does_not_cover_the_histogram(qtbot, static_window):
    win = static_window
    panel = win.layers_panel
    win.set_tab("layers")
    panel.select_layer("block1.0")
    weights = panel.weights
    qtbot.waitUntil(lambda: weights.detail_plots.isVisible(), timeout=5000)
    QApplication.processEvents()
    legend = weights.histogram_legend
    labels = [label.text for _, label in legend.items]
    assert labels == ["original", "quantized", "int8 levels"]
    data_area = weights.histogram_plot.getViewBox().sceneBoundingRect()
    assert legend.isVisible() and not legend.sceneBoundingRect().isEmpty()
    assert not legend.sceneBoundingRect().intersects(data_area)
    # another layer: the legend is made again, not added to
    panel.select_layer("block2.0")
    assert [label.text for _, label in legend.items] == labels


def test_the_status_line_follows_a_live_language_switch(qtbot, static_window):
    from quantgui.ui.i18n import install_translator

    win = static_window
    panel = win.layers_panel
    english = panel.status_label.text()
    assert english.startswith("Last run: Static on the x86 backend")
    assert "No layer is below 25 dB" in english
    try:
        win.set_language("es")
        spanish = panel.status_label.text()
        assert spanish.startswith("Última ejecución: Estática en el backend x86")
        assert "No layer" not in spanish and "Measured with" not in spanish
        win.set_language("en")
        assert panel.status_label.text() == english
    finally:
        install_translator(QApplication.instance(), "en")
