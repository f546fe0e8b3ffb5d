"""Run core work in a QThread and hand its events and outcome to the GUI thread.

This module is the one place where core work meets Qt. A job is a callable ``fn(cancel)`` that
returns either a plain value or a core event generator (``quantgui.core.events.EventStream``).
It runs in a worker object moved to a ``QThread``. The worker never touches widgets and never
emits one signal per event: events go into a thread-safe deque that the GUI thread drains on a
timer (every ~200 ms), so thousands of QAT steps cost a handful of signal deliveries.

``JobRunner.stop_and_wait()`` is the single shutdown path: it cancels, then joins the thread.
"""

from __future__ import annotations

import collections
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from quantgui.core.errors import Cancelled
from quantgui.core.events import CancelToken

DRAIN_INTERVAL_MS = 200

# One torch job at a time in the whole application. FX symbolic tracing patches
# torch.nn.Module.__call__ for every thread while it traces, so a model run in another worker
# meanwhile fails ("module is not installed as a submodule"); torch.export and dynamo keep
# process-wide state too. Jobs (load, plan, warm-up, quantize, save, ...) therefore queue here.
_TORCH_WORK = threading.Lock()
_LOCK_POLL_S = 0.05

JobFn = Callable[[CancelToken], Any]


class JobFailure:
    """An exception raised by a job, with its formatted traceback (made in the worker thread)."""

    def __init__(self, error: BaseException, details: str) -> None:
        self.error = error
        self.details = details

    @property
    def message(self) -> str:
        return getattr(self.error, "message", None) or f"{type(self.error).__name__}: {self.error}"

    @property
    def hint(self) -> str:
        return getattr(self.error, "hint", "") or ""


class _Worker(QObject):
    """Lives in the worker thread; runs the job and reports how it ended."""

    done = Signal(int, str, object)  # job id, outcome ("finished", "failed", "cancelled"), payload

    def __init__(self, job_id: int, fn: JobFn, cancel: CancelToken,
                 queue: collections.deque) -> None:
        super().__init__()
        self._job_id = job_id
        self._fn = fn
        self._cancel = cancel
        self._queue = queue

    @Slot()
    def run(self) -> None:
        outcome, payload = "finished", None
        locked = False
        try:
            while not _TORCH_WORK.acquire(timeout=_LOCK_POLL_S):  # another job runs torch
                self._cancel.raise_if_cancelled()
            locked = True
            value = self._fn(self._cancel)
            if hasattr(value, "send") and hasattr(value, "throw"):  # an event generator
                while True:
                    try:
                        event = next(value)
                    except StopIteration as stop:
                        value = stop.value
                        break
                    self._queue.append(event)
                    if self._cancel.cancelled:
                        value.close()
                        raise Cancelled("cancelled by the user")
            payload = value
        except Cancelled:
            outcome = "cancelled"
        except BaseException as error:  # noqa: BLE001 - every failure must reach the window
            outcome, payload = "failed", JobFailure(error, traceback.format_exc())
        finally:
            if locked:
                _TORCH_WORK.release()
        self.done.emit(self._job_id, outcome, payload)
        QThread.currentThread().quit()


class JobRunner(QObject):
    """Owns at most one running job. Lives in (and emits to) the GUI thread.

    Signals: ``events(list)`` with the events drained since the last delivery, then exactly one
    of ``finished(result)``, ``failed(JobFailure)`` or ``cancelled()``, then ``ended(str)``.
    """

    # object, not list: a ``list`` signal argument is converted (to a QVariantList and back)
    # on every delivery, an ``object`` is passed as one reference. Two full test runs crashed
    # (segfault in the GUI thread entering ``_drain`` while a worker ran FX) with ``list``.
    events = Signal(object)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    ended = Signal(str)

    def __init__(self, parent: QObject | None = None, name: str = "job") -> None:
        super().__init__(parent)
        self._name = name
        self._queue: collections.deque = collections.deque()
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._cancel: CancelToken | None = None
        self._started_at = 0.0
        self._job_id = 0
        self._timer = QTimer(self)
        self._timer.setInterval(DRAIN_INTERVAL_MS)
        self._timer.timeout.connect(self._drain)

    # --- state ----------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._thread is not None

    def elapsed_s(self) -> float:
        return time.perf_counter() - self._started_at if self._thread is not None else 0.0

    # --- control --------------------------------------------------------------------------
    def start(self, fn: JobFn) -> None:
        if self._thread is not None:
            raise RuntimeError(f"The {self._name} job is already running.")
        self._queue.clear()
        self._cancel = CancelToken()
        thread = QThread()
        thread.setObjectName(f"quantgui-{self._name}")
        self._job_id += 1
        worker = _Worker(self._job_id, fn, self._cancel, self._queue)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.done.connect(self._on_done)
        self._thread, self._worker = thread, worker
        self._started_at = time.perf_counter()
        self._timer.start()
        thread.start()

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()

    def stop_and_wait(self, timeout_ms: int = 60_000) -> bool:
        """Cancel the job and join its thread; no signal is emitted afterwards.

        Returns True when no thread is left running.
        """
        thread = self._thread
        if thread is None:
            return True
        self.cancel()
        self._job_id += 1  # a late "done" from this job is ignored
        finished = thread.wait(timeout_ms)
        self._timer.stop()
        self._queue.clear()
        if finished:
            self._release()
        return finished

    # --- GUI-thread side ------------------------------------------------------------------
    @Slot()
    def _drain(self) -> None:
        if not self._queue:
            return
        batch = []
        while self._queue:
            batch.append(self._queue.popleft())
        self.events.emit(batch)

    @Slot(int, str, object)
    def _on_done(self, job_id: int, outcome: str, payload: object) -> None:
        if job_id != self._job_id:
            return
        self._timer.stop()
        if self._thread is not None:
            self._thread.wait()  # the worker quit its loop right after emitting
        self._release()
        self._drain()
        if outcome == "finished":
            self.finished.emit(payload)
        elif outcome == "cancelled":
            self.cancelled.emit()
        else:
            self.failed.emit(payload)
        self.ended.emit(outcome)

    def _release(self) -> None:
        # The thread has finished: dropping the last references deletes both objects.
        self._thread = None
        self._worker = None
        self._cancel = None
