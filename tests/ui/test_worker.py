"""The job runner: events are batched, outcomes arrive once, stop_and_wait joins the thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from quantgui.core.errors import QuantGUIError
from quantgui.core.events import LogMessage, TrainStep
from quantgui.jobs.worker import JobRunner


@pytest.fixture
def runner(qtbot):
    runner = JobRunner(name="test")
    yield runner
    assert runner.stop_and_wait()


def test_events_are_batched_and_result_returned(qtbot, runner):
    batches = []
    runner.events.connect(batches.append)
    threads = []

    def job(cancel):
        threads.append(threading.current_thread())
        for step in range(1, 5001):
            yield TrainStep(1, 1, step, 5000, 1.0 / step, 0.1)
        return "result"

    with qtbot.waitSignal(runner.finished, timeout=30_000) as blocker:
        runner.start(job)
    assert blocker.args == ["result"]
    events = [event for batch in batches for event in batch]
    assert [event.step for event in events] == list(range(1, 5001))
    assert len(batches) < 100  # batched, not one signal per step
    assert threads[0] is not threading.main_thread()
    assert not runner.is_running()


def test_quantgui_error_reaches_the_gui_thread(qtbot, runner):
    def job(cancel):
        yield LogMessage("working")
        raise QuantGUIError("Something is wrong.", "Do this instead.")

    received = []
    runner.events.connect(received.extend)
    with qtbot.waitSignal(runner.failed, timeout=30_000) as blocker:
        runner.start(job)
    failure = blocker.args[0]
    assert failure.message == "Something is wrong." and failure.hint == "Do this instead."
    assert "Traceback" in failure.details
    assert [event.text for event in received] == ["working"]


def test_cancel_ends_with_cancelled(qtbot, runner):
    started = threading.Event()

    def job(cancel):
        while True:
            started.set()
            cancel.raise_if_cancelled()
            yield LogMessage("tick")
            QThread.msleep(1)

    runner.start(job)
    qtbot.waitUntil(started.is_set, timeout=10_000)
    with qtbot.waitSignal(runner.cancelled, timeout=30_000):
        runner.cancel()
    assert not runner.is_running()


def test_stop_and_wait_joins_and_emits_nothing(qtbot, runner):
    ended = []
    runner.ended.connect(ended.append)
    started = threading.Event()

    def job(cancel):
        while True:
            started.set()
            cancel.raise_if_cancelled()
            yield LogMessage("tick")

    runner.start(job)
    qtbot.waitUntil(started.is_set, timeout=10_000)
    assert runner.stop_and_wait()
    assert not runner.is_running()
    qtbot.wait(50)  # let any queued signal arrive: none must
    assert ended == []


def test_many_emits_do_not_exhaust_true(qtbot):
    """PySide6 6.12.0 drops a reference to True on every emit and soon aborts the interpreter;
    pyproject excludes it. This fails (or crashes) on a release with the same bug."""
    import sys

    runner = JobRunner(name="emits")
    received = []
    runner.ended.connect(received.append)
    before = sys.getrefcount(True)
    for _ in range(20_000):
        runner.ended.emit("x")
    assert len(received) == 20_000
    assert abs(sys.getrefcount(True) - before) < 100
