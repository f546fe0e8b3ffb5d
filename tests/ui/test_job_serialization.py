"""Two jobs never run torch at once: FX tracing in one worker breaks a model run in another.

torch.fx's symbolic tracer patches ``nn.Module.__call__`` for every thread while it traces; a
model called meanwhile in another thread fails with "module is not installed as a submodule".
The window runs planning, warm-up, sensitivity and quantization in separate workers, so the
runner queues them (seen when a plug-in engine's run met the Layers tab's planning trace).
"""

from __future__ import annotations

import threading

import torch
from torch import fx, nn

from quantgui.jobs.worker import JobRunner


class _BlocksWhileTraced(nn.Module):
    """Its forward waits, mid-trace, until the test lets it go."""

    def __init__(self, inside: threading.Event, release: threading.Event) -> None:
        super().__init__()
        self.linear = nn.Linear(4, 4)
        self.inside, self.release = inside, release

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        self.inside.set()
        self.release.wait(timeout=30)  # bounded: a broken test must not hang the suite
        return self.linear(x)


def test_a_model_run_waits_for_an_fx_trace_in_another_worker(qtbot):
    inside, release = threading.Event(), threading.Event()
    tracer_runner, model_runner = JobRunner(name="plan"), JobRunner(name="quantize")
    outcomes: dict[str, str] = {}
    failures = []
    tracer_runner.ended.connect(lambda outcome: outcomes.setdefault("trace", outcome))
    model_runner.ended.connect(lambda outcome: outcomes.setdefault("run", outcome))
    model_runner.failed.connect(failures.append)
    plain = nn.Sequential(nn.Linear(4, 4), nn.ReLU())

    def run_model(cancel) -> torch.Tensor:
        with torch.inference_mode():
            return plain(torch.ones(2, 4))

    try:
        tracer_runner.start(lambda cancel: fx.symbolic_trace(_BlocksWhileTraced(inside,
                                                                                release)))
        assert inside.wait(timeout=30)  # the trace is under way, Module.__call__ patched
        model_runner.start(run_model)
        # the run must not start while the trace holds torch: give it the chance to fail
        with qtbot.waitSignal(model_runner.ended, timeout=1000, raising=False) as early:
            pass
        assert not early.signal_triggered, failures[0].message if failures else outcomes
        release.set()
        qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=30_000)
        assert outcomes == {"trace": "finished", "run": "finished"}, \
            failures[0].message if failures else outcomes
    finally:
        release.set()
        assert tracer_runner.stop_and_wait() and model_runner.stop_and_wait()


def test_a_job_waiting_for_torch_can_be_cancelled(qtbot):
    release = threading.Event()
    busy, waiting = JobRunner(name="busy"), JobRunner(name="waiting")
    started = threading.Event()

    def hold(cancel) -> None:
        started.set()
        release.wait(timeout=30)

    try:
        busy.start(hold)
        assert started.wait(timeout=30)
        ran = []
        waiting.start(lambda cancel: ran.append(True))
        with qtbot.waitSignal(waiting.cancelled, timeout=5000):
            waiting.cancel()
        assert not ran  # cancelled while queued, never ran
    finally:
        release.set()
        assert busy.stop_and_wait() and waiting.stop_and_wait()
