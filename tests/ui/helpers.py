from __future__ import annotations

from PySide6.QtCore import Qt

LOAD_TIMEOUT_MS = 120_000
RUN_TIMEOUT_MS = 240_000


def press_quantize(qtbot, win, method: str, **settings) -> None:
    win.select_method(method)
    win.settings_panel.set_values(settings)
    assert win.quantize_button.isEnabled(), win.recipe_error.text()
    qtbot.mouseClick(win.quantize_button, Qt.MouseButton.LeftButton)
    assert win.runner.is_running()


def run_to_end(qtbot, win, method: str, **settings) -> str:
    """Choose ``method`` and settings, press Quantize, and return how the run ended."""
    with qtbot.waitSignal(win.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        press_quantize(qtbot, win, method, **settings)
    return blocker.args[0]
