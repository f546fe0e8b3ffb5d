"""How a latency reads: the CPU load it was measured under, the words for int8 against float,
and when two latencies are the same.

Pure Python (no torch): the window, the command line and the HTML report all word a latency
with these functions, so the three say the same thing.

- ``LoadMeter``: how much of the machine's CPU *other* processes used while a measurement
  ran, from ``/proc/stat`` (all processes) minus ``/proc/self/stat`` (this one, every thread
  of it). A busy machine slows the models unevenly: such latencies are flagged, not trusted.
- ``speed_text``: "1.44x slower than float", "3.05x faster than float" or "as fast as float",
  with ``slower_reason`` for the footnote or tooltip.
- ``latencies_tie``: two latencies whose p10-p90 intervals intersect are equal (the Pareto
  fronts use it: a 0.05 ms difference inside the spread is no win).
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from quantgui.core import texts

# other processes using at least this share of the whole CPU (all cores together) during a
# measurement make its latencies unreliable: on 2 cores, one busy program is 50 %
LOAD_WARNING_PERCENT = 25.0
# /proc/stat counts in clock ticks (1/100 s): below this many ticks of all cores together the
# share is too coarse to tell, so a short measurement is sampled for at least MIN_SECONDS
MIN_SECONDS = 0.1
MIN_TICKS = 8
# below this float32 latency a slower int8 model is explained by per-call overhead
OVERHEAD_MS = 1.0


# ---- the load during a measurement --------------------------------------------------------
def parse_proc_stat(text: str) -> tuple[int, int] | None:
    """(busy, total) clock ticks of all CPUs from the text of ``/proc/stat`` (None when it
    has no ``cpu`` line). Busy is everything but idle and iowait."""
    for line in text.splitlines():
        fields = line.split()
        if fields and fields[0] == "cpu":
            values = [int(value) for value in fields[1:9] if value.isdigit()]
            if len(values) < 4:
                return None
            total = sum(values)
            idle = values[3] + (values[4] if len(values) > 4 else 0)
            return total - idle, total
    return None


def parse_self_stat(text: str) -> int | None:
    """User + system clock ticks of a process from the text of its ``/proc/PID/stat`` (the
    name in brackets may hold spaces: fields are counted after the last ')')."""
    _, bracket, rest = text.rpartition(")")
    fields = rest.split()
    if not bracket or len(fields) < 13:
        return None
    try:
        return int(fields[11]) + int(fields[12])  # utime, stime: fields 14 and 15
    except ValueError:
        return None


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="ascii", errors="replace") as handle:
            return handle.read()
    except OSError:
        return None


@dataclass(frozen=True)
class CpuSample:
    busy: int  # ticks of every CPU spent busy, by every process
    total: int  # ticks of every CPU
    own: int  # ticks this process used (all its threads)
    when: float  # time.perf_counter()


def sample() -> CpuSample | None:
    """The counters now (None where /proc is not there: not Linux)."""
    machine = _read("/proc/stat")
    own = _read("/proc/self/stat")
    if machine is None or own is None:
        return None
    counts, ticks = parse_proc_stat(machine), parse_self_stat(own)
    if counts is None or ticks is None:
        return None
    return CpuSample(counts[0], counts[1], ticks, time.perf_counter())


def other_percent(start: CpuSample, end: CpuSample) -> float | None:
    """The share of the whole CPU (all cores, 0-100) other processes used between two samples;
    None when too few ticks passed to tell."""
    total = end.total - start.total
    if total < MIN_TICKS:
        return None
    others = (end.busy - start.busy) - (end.own - start.own)
    return max(0.0, min(100.0, 100.0 * others / total))


class LoadMeter:
    """Started before a measurement, read after it: ``stop()`` gives other processes' share
    of the CPU meanwhile (None where it cannot be measured). A measurement shorter than
    ``MIN_SECONDS`` is sampled until then, so that the clock ticks can tell."""

    def __init__(self) -> None:
        self.start = sample()

    def stop(self) -> float | None:
        if self.start is None:
            return None
        remaining = MIN_SECONDS - (time.perf_counter() - self.start.when)
        if remaining > 0:
            time.sleep(remaining)  # not synchronisation: the ticks need this long to count
        end = sample()
        return None if end is None else other_percent(self.start, end)


# ---- what the load means ------------------------------------------------------------------
def load_warning(percent: float | None) -> str | None:
    """The warning for a measurement during which other processes used ``percent`` of the
    CPU, or None when the load was light (or unknown)."""
    if percent is None or not math.isfinite(percent) or percent < LOAD_WARNING_PERCENT:
        return None
    return texts.MESSAGE_LOAD_WARNING.format(percent=round(percent))


def _latency_dicts(report: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    """Every latency figure in a run's, an engine comparison's or a technique comparison's
    report."""
    for key in ("original", "quantized", "engine_float32"):
        part = report.get(key)
        if isinstance(part, Mapping) and isinstance(part.get("latency_ms"), Mapping):
            yield part["latency_ms"]
    for key in ("rows", "engines"):
        for row in report.get(key) or ():
            if isinstance(row, Mapping) and isinstance(row.get("latency_ms"), Mapping):
                yield row["latency_ms"]


def report_load(report: Mapping[str, Any]) -> float | None:
    """The highest share of the CPU other processes used while the report's latencies were
    measured (None when no measurement says)."""
    found = [float(latency["other_cpu_percent"]) for latency in _latency_dicts(report)
             if isinstance(latency.get("other_cpu_percent"), (int, float))]
    return max(found) if found else None


def report_load_warning(report: Mapping[str, Any]) -> str | None:
    """``load_warning`` for a report: what the window, the command line and the HTML report
    say under its latencies."""
    return load_warning(report_load(report))


# ---- two latencies ------------------------------------------------------------------------
def interval(latency: Mapping[str, Any] | Any) -> tuple[float, float]:
    """(p10, p90) of a latency (a report's ``latency_ms`` dict or a ``LatencyStats``); the
    median for a bound that is missing."""
    if isinstance(latency, Mapping):
        median, low, high = latency.get("median"), latency.get("p10"), latency.get("p90")
    else:
        median = latency.median_ms
        low, high = getattr(latency, "p10_ms", None), getattr(latency, "p90_ms", None)
    low = median if low is None else low
    high = median if high is None else high
    return float(min(low, high)), float(max(low, high))


def latencies_tie(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Two latencies (p10, p90) are the same when their intervals intersect."""
    return a[0] <= b[1] and b[0] <= a[1]


def speed_text(original_ms: float, quantized_ms: float) -> str:
    """int8 against float in words, from the two medians: "1.44x slower than float", "3.05x
    faster than float", or "as fast as float" when the ratio rounds to 1.00."""
    if original_ms <= 0 or quantized_ms <= 0 or round(quantized_ms / original_ms, 2) == 1.0:
        return texts.MESSAGE_SPEED_SAME
    if quantized_ms > original_ms:
        return texts.MESSAGE_SPEED_SLOWER.format(ratio=quantized_ms / original_ms)
    return texts.MESSAGE_SPEED_FASTER.format(ratio=original_ms / quantized_ms)


def is_slower(original_ms: float, quantized_ms: float) -> bool:
    """int8 slower than float: what ``speed_text`` calls slower."""
    return (0 < original_ms < quantized_ms
            and round(quantized_ms / original_ms, 2) != 1.0)


def slower_reason(original_ms: float) -> str:
    """Why int8 can be slower than float (the footnote or tooltip beside "slower")."""
    return (texts.MESSAGE_SLOWER_OVERHEAD if original_ms < OVERHEAD_MS
            else texts.MESSAGE_SLOWER_KERNELS)
