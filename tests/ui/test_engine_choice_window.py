"""The engine is chosen before the run in the window too (issue 17): a Hugging Face ResNet
with Static gets PT2E in the engine box, with the one-line reason under it and in the status
bar, before anything runs; an engine picked by the user is kept, with the warning before
Quantize is pressed. After a torch.ao run on that model, no layer row says "int8" beside a
"kept float" note, and the status bar (not only the Log) says most layers stayed float.

The real window, the real Open dialog, a tiny Hugging Face folder built offline, a real run."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.fixtures import hf

from .helpers import LOAD_TIMEOUT_MS, RUN_TIMEOUT_MS
from .test_open_model import accept_and_load, open_dialog

STEM = "model.resnet.embedder.embedder.convolution"
STATUS, REASON = 4, 5
TIMEOUT_MS = LOAD_TIMEOUT_MS


@pytest.fixture
def resnet_window(qtbot, window, tmp_path):
    dialog = open_dialog(qtbot, window, str(hf.resnet(tmp_path / "resnet")))
    accept_and_load(qtbot, window, dialog)
    assert window.loaded.name == "resnet"
    return window


def _click_static(qtbot, window) -> None:
    qtbot.mouseClick(window.method_buttons["static"], Qt.MouseButton.LeftButton)
    assert window.method_buttons["static"].isChecked()


def test_static_on_a_hugging_face_resnet_shows_pt2e_and_why_before_any_run(qtbot,
                                                                          resnet_window):
    window = resnet_window
    _click_static(qtbot, window)
    panel = window.settings_panel
    box = panel.fields["engine"].widget
    qtbot.waitUntil(lambda: box.currentData() == "pt2e", timeout=TIMEOUT_MS)
    assert box.currentText() == "PyTorch compiled (PT2E + inductor)"
    note = panel.engine_note
    expected = ("PyTorch compiled (PT2E + inductor) chosen for Static on resnet: PyTorch eager "
                "(torch.ao) would quantize only 2 of its 9 convolution and linear layers")
    qtbot.waitUntil(lambda: note.text().startswith(expected), timeout=TIMEOUT_MS)
    assert note.isVisible()
    assert window.statusBar().currentMessage() == note.text()
    assert window.state.recipe.engine == "pt2e"  # what Quantize would run
    assert window.result is None and not window.runner.is_running()  # nothing has run


@pytest.mark.slow
def test_a_picked_engine_is_kept_and_a_torch_ao_run_never_contradicts_itself(qtbot,
                                                                            resnet_window):
    window = resnet_window
    _click_static(qtbot, window)
    panel = window.settings_panel
    box = panel.fields["engine"].widget
    qtbot.waitUntil(lambda: box.currentData() == "pt2e", timeout=TIMEOUT_MS)
    # the user picks torch.ao in the box, with the keyboard
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.currentData() == "torch_ao" and panel.engine_chosen_by_hand("static")
    warning = ("PyTorch eager (torch.ao) is kept as chosen, but it will quantize only 2 of the "
               "9 convolution and linear layers of resnet with Static; PyTorch compiled (PT2E "
               "+ inductor) captures the model whole with torch.export.")
    qtbot.waitUntil(lambda: panel.engine_note.text() == warning, timeout=TIMEOUT_MS)
    assert panel.engine_note.isVisible() and window.statusBar().currentMessage() == warning
    assert window.result is None  # said before the run

    panel.set_value("calibration_batches", 1)
    with qtbot.waitSignal(window.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(window.quantize_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == "finished"
    result = window.result
    assert result.engine == "torch_ao" and box.currentData() == "torch_ao"  # kept

    # one row never contradicts itself
    table = window.layers_panel.table
    stem = table.item_of(STEM)
    assert stem.text(STATUS) == "int8" and "kept float" not in stem.text(REASON), \
        stem.text(REASON)
    for layer in result.layers:
        item = table.item_of(layer.name)
        if item is not None and item.text(STATUS) == "int8":
            assert "kept float" not in item.text(REASON), (layer.name, item.text(REASON))

    # the status bar says most weighted layers stayed float, not only the Log
    message = window.statusBar().currentMessage()
    assert message.startswith("Only 2 of the 9 convolution and linear layers of resnet run in "
                              "int8 with Static on PyTorch eager (torch.ao)"), message
    assert "Done in " in message
