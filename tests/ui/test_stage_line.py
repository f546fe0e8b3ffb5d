"""The stage line under the progress bar: one line whatever its text, so Quantize and Cancel
never move; the engines counted are those that run; a stage without news shows it is alive."""

from __future__ import annotations

import copy
import re
import threading
from typing import ClassVar

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel

from quantgui.core import engines as registry
from quantgui.core.engines import Engine, EngineBuild
from quantgui.core.events import Progress

from .helpers import LOAD_TIMEOUT_MS, RUN_TIMEOUT_MS

LONG = ("Engine 1/3: a very long engine title that no settings panel is wide enough for — "
        "compiling the model with inductor's C++ kernels 0/2")


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _where(widget, window) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


@pytest.fixture
def small_window(window, qtbot):
    """The shared window (tests/ui/conftest.py) at 1024x768, laid out at that size."""
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.width() == 1024 and window.height() == 768)
    QApplication.processEvents()
    return window


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


# --- a stage that lasts without events -------------------------------------------------------
COMPILING = threading.Event()  # set by the engine when its compile step has begun
RELEASE = threading.Event()  # set by the test: the compile step may end


class _BlockingEngine(Engine):
    """Says "compiling 0/2", then waits for the test, as torch.compile's first call does."""

    name: ClassVar[str] = "blocking_test"
    title: ClassVar[str] = "Blocking compile (test)"
    description: ClassVar[str] = "Waits in its compile step until the test lets it go."
    techniques: ClassVar[tuple[str, ...]] = ("dynamic",)

    def build(self, loaded, recipe, cancel, cache=None):  # noqa: ANN001, ANN201
        yield Progress("compiling", 0, 2)
        COMPILING.set()
        if not RELEASE.wait(60):  # never forever, whatever the test does
            raise RuntimeError("the test never released the compile step")
        yield Progress("compiling", 2, 2)
        model = copy.deepcopy(loaded.model).eval()
        return EngineBuild(quantized=model, size_bytes=1, prepare_seconds={"compile": 0.0})


class _MissingEngine(Engine):
    """Never available: Compare engines says so and leaves it out of the count."""

    name: ClassVar[str] = "missing_test"
    title: ClassVar[str] = "Missing (test)"
    description: ClassVar[str] = "Needs a package this machine lacks."
    techniques: ClassVar[tuple[str, ...]] = ("dynamic",)

    def unavailable_reason(self) -> str | None:
        return "needs a package this machine lacks"


@pytest.fixture
def test_engines():
    engines = [registry.register_engine(_MissingEngine()),
               registry.register_engine(_BlockingEngine())]
    COMPILING.clear()
    RELEASE.clear()
    yield engines
    RELEASE.set()
    for engine in engines:
        registry._registry.pop(engine.name, None)


def test_a_quiet_stage_counts_its_seconds_and_only_engines_that_run_are_counted(
        qtbot, small_window, test_engines):
    win = small_window
    label = win.stage_label
    try:
        with qtbot.waitSignal(win.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
            win.compare_engines(names=[engine.name for engine in test_engines])
            qtbot.waitUntil(COMPILING.is_set, timeout=LOAD_TIMEOUT_MS)
            qtbot.waitUntil(lambda: label.text().endswith("compiling 0/2"), timeout=5000)
            # the missing engine is not counted: one engine runs, "1/1"
            assert label.text() == "Engine 1/1: Blocking compile (test) — compiling 0/2"
            # no event for over 2 s: the 200 ms clock adds the seconds spent in the stage
            qtbot.waitUntil(lambda: re.fullmatch(
                r"Engine 1/1: Blocking compile \(test\) — compiling 0/2 · \d+ s",
                label.full_text()) is not None, timeout=5000)
            assert label.toolTip() == label.full_text()
            assert label.text() == "Engine 1/1: Blocking compile (test) — compiling 0/2"
            RELEASE.set()
            # the next event starts a new stage: its seconds count from nought again
            qtbot.waitUntil(lambda: "compiling 0/2" not in label.full_text(), timeout=5000)
    finally:
        RELEASE.set()
    assert blocker.args == ["compared"], win.log.lines()[-3:]
    assert label.text() == "Done" and label.full_text() == "Done"
    report = win.comparison_report
    assert [row["engine"] for row in report["engines"]] == ["blocking_test"]
    assert list(report["skipped"]) == ["missing_test"]
    assert any("Missing (test): skipped" in line for line in win.log.lines())
