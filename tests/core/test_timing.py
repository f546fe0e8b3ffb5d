"""How a latency reads: the CPU load it was measured under, and int8 against float in words."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from torch import nn

from quantgui.core import timing
from quantgui.core.metrics import measure_latencies

PROC = Path("/proc/stat").exists()
STAT = ("cpu  1000 10 500 8000 200 5 5 0 0 0\n"
        "cpu0 500 5 250 4000 100 3 2 0 0 0\n"
        "intr 12345\n")


def test_proc_stat_gives_busy_and_total_ticks_of_all_cpus():
    assert timing.parse_proc_stat(STAT) == (1520, 9720)  # busy: all but idle and iowait
    assert timing.parse_proc_stat("intr 1\n") is None


def test_a_process_stat_gives_its_user_and_system_ticks():
    fields = ["S"] + ["0"] * 10 + ["70", "30"] + ["0"] * 30  # utime 70, stime 30
    assert timing.parse_self_stat("42 (a (strange) name) " + " ".join(fields)) == 100
    assert timing.parse_self_stat("garbage") is None


def test_other_processes_share_leaves_this_process_out():
    start = timing.CpuSample(busy=100, total=1000, own=50, when=0.0)
    end = timing.CpuSample(busy=700, total=2000, own=350, when=5.0)
    # 600 busy ticks of 1000, 300 of them this process's own
    assert timing.other_percent(start, end) == pytest.approx(30.0)
    assert timing.load_warning(30.0) == ("Measured while other programs used 30% of the CPU: "
                                         "latencies are unreliable.")
    assert timing.load_warning(timing.LOAD_WARNING_PERCENT - 1) is None
    assert timing.load_warning(None) is None
    # too few ticks to tell
    assert timing.other_percent(start, timing.CpuSample(101, 1003, 50, 0.01)) is None


def test_a_report_says_the_highest_load_of_its_measurements():
    latency = {"median": 1.0, "p10": 0.9, "p90": 1.1}
    run = {"original": {"latency_ms": {**latency, "other_cpu_percent": 10.0}},
           "quantized": {"latency_ms": {**latency, "other_cpu_percent": 64.4}}}
    assert timing.report_load(run) == 64.4
    assert "64% of the CPU" in timing.report_load_warning(run)
    rows = {"rows": [{"latency_ms": {**latency, "other_cpu_percent": 3.0}}]}
    assert timing.report_load_warning(rows) is None
    assert timing.report_load({"original": {"latency_ms": latency}}) is None  # older reports


def test_int8_against_float_in_words():
    assert timing.speed_text(0.80, 1.152) == "1.44x slower than float"
    assert timing.speed_text(0.906, 0.307) == "2.95x faster than float"
    assert timing.speed_text(1.0, 1.004) == "as fast as float"
    assert timing.is_slower(0.80, 1.152) and not timing.is_slower(0.906, 0.307)
    assert "Below ~1 ms per call" in timing.slower_reason(0.80)
    assert "Below ~1 ms" not in timing.slower_reason(5.0)


def _busy_programs(count: int) -> list[subprocess.Popen]:
    """``count`` Python processes spinning a loop, each running when this returns (it waits
    for each one's line on its pipe)."""
    code = "print('spinning', flush=True)\nwhile True:\n    pass\n"
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
             for _ in range(count)]
    for proc in procs:
        assert proc.stdout.readline().strip() == "spinning"
    return procs


@pytest.mark.slow
@pytest.mark.skipif(not PROC, reason="the CPU load is read from /proc (Linux)")
def test_a_measurement_beside_busy_programs_says_the_machine_was_busy():
    model = nn.Sequential(nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 256)).eval()
    batch = torch.randn(32, 256)
    # one busy program per core: whatever else runs, they take far more than the threshold
    # (on 2 cores, measured 80-90 % beside one measuring thread; the threshold is 25 %)
    procs = _busy_programs(os.cpu_count() or 2)
    try:
        stats = measure_latencies({"model": model}, batch, threads=1, rounds=400,
                                  max_seconds=1.0)
    finally:
        for proc in procs:
            proc.kill()
            proc.wait()
    percent = stats["model"].other_cpu_percent
    assert percent is not None and percent >= timing.LOAD_WARNING_PERCENT, percent
    assert stats["model"].to_dict()["other_cpu_percent"] == percent
    warning = timing.load_warning(percent)
    assert warning and f"{round(percent)}% of the CPU" in warning
