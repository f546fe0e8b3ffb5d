"""Issue 13's small things, in the real window: plurals, the accuracy axis in percent, the size
chart in the table's unit, a message box whose title fits, an About box that says something,
features drawn as bars, and no torch "non-leaf .grad" warnings for a TorchScript model."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PySide6.QtCore import Qt

from .conftest import delete_now
from .helpers import LOAD_TIMEOUT_MS, run_to_end
from .test_open_model import PickledTiny, accept_and_load, open_dialog


@pytest.fixture
def demo_window(qtbot):
    windows = []

    def make(demo: str, method: str):
        from quantgui.ui.main_window import MainWindow

        win = MainWindow(demo=demo, method=method)
        qtbot.addWidget(win)
        win.resize(1280, 800)
        with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
            win.show()
        windows.append(win)
        return win

    yield make
    for win in windows:
        win.close_without_asking()
        delete_now(win)


def test_one_is_singular(qtbot, demo_window):
    win = demo_window("seed-linear", "dynamic")  # Linear(10, 2): one layer to quantize
    panel = win.layers_panel
    qtbot.waitUntil(lambda: panel.plan is not None, timeout=LOAD_TIMEOUT_MS)
    assert "1 layer int8" in panel.status_label.text()
    assert "1 layers" not in panel.status_label.text()
    assert run_to_end(qtbot, win, "dynamic") == "finished"
    assert win.history_panel.count_label.text() == "1 run kept"
    assert win.history_panel.chart_label.text().startswith("seed-linear: 1 run.")
    assert run_to_end(qtbot, win, "dynamic") == "finished"
    assert win.history_panel.count_label.text() == "2 runs kept"


def test_features_are_drawn_as_bars_not_a_one_row_image(qtbot, demo_window):
    win = demo_window("seed-linear", "dynamic")
    assert run_to_end(qtbot, win, "dynamic") == "finished"
    outputs = win.outputs
    win.tabs.setCurrentWidget(outputs)
    assert outputs.input_view == "features"
    layout_items = [outputs.graphics.ci.getItem(0, 0)]
    assert layout_items == [outputs.feature_plot]
    sample = win.loaded.data.val_inputs[0].numpy().reshape(-1)
    assert np.allclose(outputs.feature_bars.opts["height"], sample)
    assert len(outputs.feature_bars.opts["x"]) == sample.size == 10
    qtbot.mouseClick(outputs.next_button, Qt.MouseButton.LeftButton)
    assert np.allclose(outputs.feature_bars.opts["height"],
                       win.loaded.data.val_inputs[1].numpy().reshape(-1))


def test_images_stay_images(qtbot, window):
    assert run_to_end(qtbot, window, "dynamic") == "finished"
    assert window.outputs.input_view == "image"
    assert window.outputs.graphics.ci.getItem(0, 0) is window.outputs.image_view
    assert window.outputs.image.image.shape == (8, 8)


def test_accuracy_axis_in_percent(window):
    axis = window.training.acc_plot.getAxis("left")
    assert axis.tickStrings([0.98, 0.99, 1.0], 1.0, 0.01) == ["98%", "99%", "100%"]
    assert axis.tickStrings([0.985, 0.99], 1.0, 0.005) == ["98.5%", "99.0%"]


@pytest.mark.parametrize(("demo", "unit"), [("digits-cnn", "KiB"), ("digits-wide", "MiB")])
def test_size_chart_uses_the_tables_unit(qtbot, demo_window, demo, unit):
    win = demo_window(demo, "dynamic")
    assert run_to_end(qtbot, win, "dynamic") == "finished"
    comparison = win.comparison
    summary = {comparison.summary.item(r, 0).text(): r
               for r in range(comparison.summary.rowCount())}
    assert comparison.summary.item(summary["Size"], 1).text().endswith(unit)
    assert comparison.size_plot.titleLabel.text == f"Size ({unit})"
    divisor = 1024 * 1024 if unit == "MiB" else 1024
    heights = comparison.bars["size"].opts["height"]
    assert heights[0] == pytest.approx(win.result.original.size_bytes / divisor)
    assert win.history_panel.size_plot.getAxis("bottom").labelText == f"Size ({unit})"


def test_error_box_is_wide_enough_for_its_title(qtbot, window):
    from quantgui.core.errors import ModelError
    from quantgui.jobs.worker import JobFailure

    failure = JobFailure(ModelError("Short.", ""), "")
    title = "The model could not be loaded because of something long"
    window.show_error(title, failure)
    box = window.error_dialog
    qtbot.waitUntil(box.isVisible, timeout=5000)
    assert box.width() >= box.fontMetrics().horizontalAdvance(title) + 100
    box.close()


def test_about_box_says_what_and_which_versions(qtbot, window):
    import PySide6

    window.show_about()
    box = window.about_box
    qtbot.waitUntil(box.isVisible, timeout=5000)
    text = box.text()
    assert torch.__version__ in text and PySide6.__version__ in text
    assert "Static" in text and "QAT" in text and "MIT" in text
    box.close()


def test_torchscript_model_prints_no_grad_warnings(qtbot, window, tmp_path, recwarn):
    path = tmp_path / "scripted.pt"
    torch.jit.save(torch.jit.script(PickledTiny()), str(path))
    dialog = open_dialog(qtbot, window, str(path))
    dialog.shape_edit.setText("8")
    accept_and_load(qtbot, window, dialog)
    panel = window.layers_panel
    for method in ("dynamic", "static", "qat"):
        window.select_method(method)
        qtbot.waitUntil(lambda: panel.status_label.text().startswith("No plan:"),
                        timeout=LOAD_TIMEOUT_MS)
        assert not panel.ranking.rank_button.isEnabled()
    assert not panel.planner.is_running()
    grads = [w for w in recwarn.list if "non-leaf" in str(w.message)
             or ".grad attribute" in str(w.message)]
    assert grads == []
