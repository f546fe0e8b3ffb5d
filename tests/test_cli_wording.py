"""The command line's tables word latencies as the window and the HTML report do: int8
slower than float said so, with why; a busy machine; each run's settings; latency ties."""

from __future__ import annotations

import copy

import pytest

from quantgui.cli import format_engine_table, format_table, format_technique_table
from quantgui.core.report_html import render


@pytest.fixture(scope="module")
def report() -> dict:
    """A real run's report, its latencies set to issue 17's digits-lstm figures (dynamic:
    0.80 -> 1.152 ms) measured while other programs took 70 % of the CPU."""
    from quantgui.core.demos import load_demo
    from quantgui.core.events import drive
    from quantgui.core.history import json_safe
    from quantgui.core.pipeline import run
    from quantgui.core.recipes import recipe_for

    result = drive(run(load_demo("seed-linear"), recipe_for("dynamic", threads=1)))
    report = json_safe(result.to_report())
    report["original"]["latency_ms"].update(median=0.80, p10=0.78, p90=0.83,
                                            other_cpu_percent=70.0)
    report["quantized"]["latency_ms"].update(median=1.152, p10=1.10, p90=1.20,
                                             other_cpu_percent=70.0)
    return report


def test_slower_int8_reads_the_same_in_the_table_and_the_html_report(report):
    table = format_table(report)
    latency = next(line for line in table.splitlines() if line.startswith("Latency median"))
    assert latency.endswith("1.44x slower than float")
    assert ("Slower than float: Below ~1 ms per call, the overhead of quantizing activations"
            in table)
    assert ("Warning: Measured while other programs used 70% of the CPU: latencies are "
            "unreliable.") in table
    page = render(report)
    assert "<td>1.44x slower than float</td>" in page
    assert "Below ~1 ms per call, the overhead of quantizing activations" in page
    assert "Measured while other programs used 70% of the CPU" in page


def test_faster_int8_on_a_quiet_machine_has_no_footnote(report):
    quiet = copy.deepcopy(report)
    quiet["original"]["latency_ms"].update(median=0.906, other_cpu_percent=4.0)
    quiet["quantized"]["latency_ms"].update(median=0.307, other_cpu_percent=4.0)
    table = format_table(quiet)
    assert "2.95x faster than float" in table
    assert "Slower than float" not in table and "Warning" not in table
    page = render(quiet)
    assert "2.95x faster than float" in page and "Below ~1 ms" not in page
    assert "other programs" not in page


def _row(label, median, p10, p90, pareto, settings, ties):
    return {"label": label, "technique": None if label == "float32" else label,
            "size_bytes": 1000, "size_ratio": 0.25,
            "latency_ms": {"median": median, "p10": p10, "p90": p90,
                           "other_cpu_percent": 64.0},
            "speedup": 0.80 / median, "accuracy": 0.99, "sqnr_db": 30.0,
            "quantized_layers": 1, "layers": 3, "pareto": pareto, "settings": settings,
            "latency_ties": ties}


def test_the_techniques_table_shows_each_runs_settings_ties_and_the_load():
    report = {"model": "m", "threads": 2, "batch_size": 32, "quality_axis": "accuracy",
              "pareto_front": ["static", "qat"], "skipped": {}, "rows": [
                  _row("float32", 0.80, 0.78, 0.83, False, None, []),
                  _row("dynamic", 1.152, 1.10, 1.20, False, {"engine": "torch_ao"}, []),
                  _row("static", 0.50, 0.45, 0.62, True,
                       {"engine": "torch_ao", "calibration_batches": 32}, ["qat"]),
                  _row("qat", 0.45, 0.41, 0.58, True, {"engine": "torch_ao", "epochs": 1},
                       ["static"])]}
    table = format_technique_table(report)
    lines = {line.split()[0]: line for line in table.splitlines() if line.strip()}
    assert lines["qat"].rstrip().endswith("torch_ao, 1 epoch")
    assert lines["static"].rstrip().endswith("torch_ao, 32 calibration batches")
    assert lines["dynamic"].rstrip().endswith("torch_ao")
    assert "0.500 (tie)" in lines["static"] and "0.410-0.580" in lines["qat"]
    assert "(tie)" not in lines["dynamic"]
    assert "(tie): the same latency within p10-p90 as another row" in table
    assert "Slower than float: Below ~1 ms per call" in table
    assert "Warning: Measured while other programs used 64% of the CPU" in table


def test_the_engines_table_names_the_originals_engine_as_the_registry_does():
    from quantgui.core.engines import get_engine

    latency = {"median": 0.5, "p10": 0.45, "p90": 0.55}
    report = {"model": "m", "method": "static", "threads": 2, "batch_size": 32,
              "original": {"latency_ms": latency}, "skipped": {}, "recommended": "torch_ao",
              "recommendation": "torch_ao is the fastest.",
              "engines": [{"engine": "torch_ao", "recommended": True,
                           "latency_ms": {"median": 0.25, "p10": 0.24, "p90": 0.3},
                           "speedup_vs_eager_float32": 2.0, "speedup_vs_engine_float32": None,
                           "prepare_seconds": {}, "size_bytes": 100, "accuracy": None,
                           "sqnr_db": 30.0}]}
    first = format_engine_table(report).splitlines()[0]
    assert f"float32 in {get_engine('torch_ao').title} 0.500 ms" in first
    assert "eager PyTorch" not in format_engine_table(report)
