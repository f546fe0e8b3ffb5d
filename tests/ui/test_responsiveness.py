"""The GUI thread stays responsive during QAT: a 10 ms timer is never late by much."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer

from .helpers import LOAD_TIMEOUT_MS, RUN_TIMEOUT_MS, press_quantize

INTERVAL_MS = 10


def test_event_loop_latency_during_qat(qtbot, window):
    lateness: list[float] = []
    last = [0.0]

    def tick() -> None:
        now = time.perf_counter()
        if last[0]:
            lateness.append(max(0.0, (now - last[0]) * 1000.0 - INTERVAL_MS))
        last[0] = now

    # torch's one-time FX imports run in the background after start-up, not during a run
    qtbot.waitUntil(lambda: window.warm, timeout=LOAD_TIMEOUT_MS)
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(INTERVAL_MS)
    timer.timeout.connect(tick)
    press_quantize(qtbot, window, "qat", epochs=2)
    timer.start()
    # Measure while training runs (curves redraw every 200 ms meanwhile).
    qtbot.waitUntil(lambda: len(window.training.steps) >= 60 or not window.runner.is_running(),
                    timeout=RUN_TIMEOUT_MS)
    timer.stop()
    with qtbot.waitSignal(window.run_finished, timeout=RUN_TIMEOUT_MS):
        window.cancel_run()
    assert len(lateness) >= 20
    ordered = sorted(lateness)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    print(f"event-loop lateness over {len(ordered)} ticks: median "
          f"{ordered[len(ordered) // 2]:.1f} ms, p99 {p99:.1f} ms, "
          f"worst {[round(x) for x in ordered[-5:]]} ms")
    assert p99 <= 50.0
