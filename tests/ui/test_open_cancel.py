"""Opening a model in the real window shows its stages in the progress bar, and Cancel stops it:
the model loaded before stays loaded and usable, and the status bar does not stay at
"Opening …".

The model file's constructor waits on GATE below (the test's own module, imported by the model
file under the name pytest gave it), so that Cancel is pressed while the load is surely in its
"building model" stage; no sleeps."""

from __future__ import annotations

import sys
import textwrap
import threading

from PySide6.QtCore import Qt

from quantgui.core.events import Progress
from tests.fixtures.images import random_image_folder

from .helpers import LOAD_TIMEOUT_MS, run_to_end
from .test_open_model import open_dialog

BUILDING = threading.Event()  # set by the model's constructor once it runs
GATE = threading.Event()  # the constructor waits for it

GATED_PY = textwrap.dedent(f"""
    import sys

    from torch import nn

    from gated_layers import WIDTH


    class Gated(nn.Module):
        def __init__(self):
            super().__init__()
            test = sys.modules[{__name__!r}]
            test.BUILDING.set()
            test.GATE.wait(60)
            self.conv = nn.Conv2d(3, WIDTH, 3, padding=1)
            self.head = nn.Linear(WIDTH * 8 * 8, 2)

        def forward(self, x):
            return self.head(self.conv(x).relu().flatten(1))
""")


def _files(tmp_path):
    (tmp_path / "gated_layers.py").write_text("WIDTH = 4\n")
    (tmp_path / "gated.py").write_text(GATED_PY)
    images = random_image_folder(tmp_path / "images", ("cats", "dogs"), 40, 8)
    return tmp_path / "gated.py", images


def _open(qtbot, window, model, images):
    dialog = open_dialog(qtbot, window, str(model))
    dialog.class_combo.setEditText("Gated")
    with qtbot.waitSignal(dialog.previewed, timeout=LOAD_TIMEOUT_MS):
        dialog.set_data("images", str(images))
    dialog.accept()
    assert window.loader.is_running()


def test_cancel_while_opening_keeps_the_previous_model(qtbot, window, tmp_path):
    assert sys.modules[__name__].GATE is GATE  # the model file finds this very module
    model, images = _files(tmp_path)
    BUILDING.clear()
    GATE.clear()
    stages: list[str] = []
    window.loader.events.connect(
        lambda events: stages.extend(e.stage for e in events if isinstance(e, Progress)))
    try:
        _open(qtbot, window, model, images)
        qtbot.waitUntil(BUILDING.is_set, timeout=LOAD_TIMEOUT_MS)
        qtbot.waitUntil(lambda: window.stage_label.text() == "Opening: Building the model",
                        timeout=LOAD_TIMEOUT_MS)
        assert stages[:3] == ["reading model", "importing code", "building model"]
        assert window.progress.maximum() == 0  # one step: the bar is busy
        assert window.cancel_button.isEnabled() and not window.quantize_button.isEnabled()
        assert window.statusBar().currentMessage().startswith("Opening")
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
        assert window.stage_label.text() == "Cancelling…"
        with qtbot.waitSignal(window.loader.cancelled, timeout=LOAD_TIMEOUT_MS):
            GATE.set()
    finally:
        GATE.set()
    # stopped at the next stage's start: no image was read, the model never checked
    assert stages[3:] in ([], ["reading data"]), stages
    assert window.loaded.name == "digits-cnn"
    assert window.model_combo.currentText() == "digits-cnn"
    assert "Conv2d" in window.model_summary.text()
    message = window.statusBar().currentMessage()
    assert message == "Opening cancelled; digits-cnn is still loaded.", message
    assert window.stage_label.text() == "Ready" and window.progress.maximum() == 1
    assert not window.cancel_button.isEnabled()
    assert not [name for name in sys.modules if "gated" in name]  # the user's code is gone
    assert run_to_end(qtbot, window, "dynamic") == "finished"  # and the demo still runs

    # Opened again to its end: the images are counted in the bar, and the new model loads.
    counted: list[tuple[int, int]] = []
    window.loader.events.connect(lambda events: counted.extend(
        (e.current, e.total) for e in events
        if isinstance(e, Progress) and e.stage == "reading images"))
    with qtbot.waitSignal(window.model_loaded, timeout=LOAD_TIMEOUT_MS):
        _open(qtbot, window, model, images)
    assert counted and counted[-1] == (80, 80)
    assert window.loaded.name == "Gated (gated.py)"
    assert window.stage_label.text() == "Ready"
    assert stages[-1] == "checking model"
