"""What the window says of a finished run: how long it took, int8 against float in words, the
original's engine by its registry name, and a busy machine."""

from __future__ import annotations

import dataclasses
import re
import time

from PySide6.QtCore import Qt

from .helpers import RUN_TIMEOUT_MS, run_to_end


def _summary(window) -> dict[str, int]:
    table = window.comparison.summary
    return {table.item(r, 0).text(): r for r in range(table.rowCount())}


def test_done_in_is_the_whole_wait_the_elapsed_time_says(qtbot, window):
    # issue 17: "Done in 0.0 s" on re-runs of ~0.5 s; the core's duration leaves out the job's
    # start and the result's way back (the first run here: 1.1 s said, 2.9 s waited)
    window.select_method("dynamic")
    for _ in range(2):
        with qtbot.waitSignal(window.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
            started = time.perf_counter()
            qtbot.mouseClick(window.quantize_button, Qt.MouseButton.LeftButton)
        waited = time.perf_counter() - started
        assert blocker.args == ["finished"]
        message = window.statusBar().currentMessage()
        said = float(re.search(r"Done in (\d+\.\d) s:", message).group(1))
        assert abs(said - waited) <= 0.3, (said, waited)
        assert window.elapsed_label.text() == f"{said:.1f} s"


def test_slower_int8_and_a_busy_machine_are_said_beside_the_figures(qtbot, window):
    from quantgui.core.engines import get_engine
    from quantgui.core.metrics import LatencyStats

    assert run_to_end(qtbot, window, "dynamic") == "finished"
    result = window.state.last_run
    # the figures of issue 17 (digits-lstm, dynamic): 0.80 -> 1.152 ms, measured while other
    # programs took 70 % of the CPU
    original = LatencyStats(0.80, 0.83, 30, 1, 32, p10_ms=0.78, other_cpu_percent=70.0)
    result.original = dataclasses.replace(result.original, latency=original)
    result.quantized = dataclasses.replace(result.quantized, latency=dataclasses.replace(
        original, median_ms=1.152, p10_ms=1.10, p90_ms=1.20))
    comparison = window.comparison
    comparison.show_result(result, "Dynamic")
    rows = _summary(window)
    ratio = comparison.summary.item(rows["Latency"], 3)
    assert ratio.text() == "1.44x slower than float"
    assert "Below ~1 ms per call, the overhead of quantizing activations" in ratio.toolTip()
    assert comparison.load_note.isVisibleTo(comparison)
    assert comparison.load_note.text() == ("Measured while other programs used 70% of the "
                                           "CPU: latencies are unreliable.")
    # one name for the engine the original runs in: the registry's
    assert comparison.summary.item(rows["Engine"], 1).text() == get_engine("torch_ao").title

    faster = dataclasses.replace(original, median_ms=0.40, other_cpu_percent=2.0)
    result.quantized = dataclasses.replace(result.quantized, latency=faster)
    comparison.show_result(result, "Dynamic")
    ratio = comparison.summary.item(_summary(window)["Latency"], 3)
    assert ratio.text() == "2.00x faster than float" and "Below" not in ratio.toolTip()
    result.original = dataclasses.replace(result.original, latency=dataclasses.replace(
        original, other_cpu_percent=3.0))
    comparison.show_result(result, "Dynamic")
    assert not comparison.load_note.isVisibleTo(comparison)
