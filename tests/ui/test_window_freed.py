"""A closed window and its parts (the state, the helpers that observe it, the panels) are freed
by reference counting as soon as the window is deleted. A reference cycle among them would leave
them to Python's garbage collector, which runs at any allocation, also while a worker thread is
inside torch; collecting Qt and torch objects then crashed the test run (a segmentation fault
while "Garbage-collecting" during a sensitivity ranking)."""

from __future__ import annotations

import gc
import weakref

import pytest

from .conftest import delete_now
from .helpers import LOAD_TIMEOUT_MS


@pytest.mark.slow
def test_a_deleted_window_is_freed_without_the_garbage_collector(qtbot):
    from quantgui.ui.main_window import MainWindow

    win = MainWindow(method="dynamic")
    with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
        win.show()
    parts = {"window": win, "state": win.state, "results_io": win.results_io,
             "user_models": win.user_models, "layers": win.layers_panel,
             "code view": win.code_view, "history": win.history_panel}
    refs = {name: weakref.ref(part) for name, part in parts.items()}
    del parts
    win.close()
    delete_now(win)
    gc.collect()  # whatever earlier tests left behind, so that only this window is measured
    gc.disable()
    try:
        del win
        alive = sorted(name for name, ref in refs.items() if ref() is not None)
    finally:
        gc.enable()
    assert alive == []
