"""Compare all three: every technique on one model, timed together, with the Pareto front."""

from __future__ import annotations

import math

import pytest

from quantgui.core.compare_techniques import (
    ORIGINAL,
    Point,
    compare_techniques,
    dominates,
    latency_ties,
    pareto_front,
    plan_recipes,
    same_latency,
)
from quantgui.core.demos import load_demo
from quantgui.core.events import CancelToken, Progress, drive


def test_pareto_front_keeps_what_nothing_beats_on_every_axis():
    points = {
        "float32": Point(10.0, 400.0, 0.99),
        "dynamic": Point(9.0, 120.0, 0.99),  # beats float32: faster, smaller, as accurate
        "static": Point(4.0, 110.0, 0.97),  # fastest and smallest, less accurate
        "qat": Point(4.5, 110.0, 0.98),  # slower than static but more accurate
        "worse": Point(5.0, 130.0, 0.96),  # beaten by static on all three
        "broken": Point(1.0, 1.0, math.nan),  # no quality: never on the front
    }
    assert pareto_front(points) == ["dynamic", "static", "qat"]
    assert dominates(points["static"], points["worse"])
    assert not dominates(points["static"], points["qat"])
    assert not dominates(points["qat"], points["qat"])  # equal is not better


def test_latencies_within_each_others_p10_p90_tie_on_the_pareto_front():
    # issue 17: QAT was starred over Static on 0.05 ms inside the p90 spread
    static = Point(0.50, 110.0, 0.99, (0.45, 0.62))
    qat = Point(0.45, 110.0, 0.99, (0.41, 0.58))  # 0.05 ms faster, spreads overlap
    assert same_latency(static, qat)
    assert not dominates(qat, static) and not dominates(static, qat)
    assert pareto_front({"static": static, "qat": qat}) == ["static", "qat"]
    assert latency_ties({"static": static, "qat": qat}) == {"static": ["qat"],
                                                             "qat": ["static"]}
    # apart beyond their spreads: the faster one wins again
    faster = Point(0.30, 110.0, 0.99, (0.28, 0.33))
    assert not same_latency(static, faster) and dominates(faster, static)
    assert pareto_front({"static": static, "faster": faster}) == ["faster"]
    assert latency_ties({"static": static, "faster": faster}) == {}
    # a tie on latency still loses on the other axes
    larger = Point(0.45, 200.0, 0.99, (0.41, 0.58))
    assert dominates(static, larger)
    assert pareto_front({"static": static, "larger": larger}) == ["static"]


@pytest.mark.slow
def test_the_table_rows_say_each_runs_settings_and_latency_ties(comparison):
    _, result, _ = comparison
    rows = {row["label"]: row for row in result.rows()}
    assert rows["qat"]["settings"] == {"engine": "torch_ao", "epochs": 1}
    assert rows["static"]["settings"] == {"engine": "torch_ao", "calibration_batches": 4}
    assert rows["dynamic"]["settings"] == {"engine": "torch_ao"}
    assert rows[ORIGINAL]["settings"] is None
    ties = latency_ties(result.points())
    assert all(row["latency_ties"] == ties.get(label, []) for label, row in rows.items())


def test_recipes_take_only_the_settings_each_technique_has():
    recipes = plan_recipes(["dynamic", "qat"], threads=1, epochs=1, batch_size=16)
    assert list(recipes) == ["dynamic", "qat"]
    assert recipes["qat"].epochs == 1 and recipes["dynamic"].threads == 1
    several = plan_recipes(["static"], ["torch_ao", "onnxruntime"], calibration_batches=2)
    assert list(several) == ["static · torch_ao", "static · onnxruntime"]
    assert several["static · onnxruntime"].engine == "onnxruntime"


@pytest.fixture(scope="module")
def comparison():
    loaded = load_demo("digits-cnn")
    recipes = plan_recipes(threads=1, epochs=1, calibration_batches=4)
    events: list = []
    result = drive(compare_techniques(loaded, recipes, CancelToken()), events.append)
    return loaded, result, events


def test_all_three_run_and_are_timed_together(comparison):
    loaded, result, events = comparison
    assert list(result.results) == ["dynamic", "static", "qat"]
    assert not result.skipped
    original_latency = {id(r.original.latency) for r in result.results.values()}
    assert len(original_latency) == 1  # one measurement of the original, shared by all
    assert all(r.quantized.latency.interleaved for r in result.results.values())
    stages = [e.stage for e in events if isinstance(e, Progress)]
    assert "techniques" in stages and "measuring" in stages
    assert any(e.stage == "training" for e in events if isinstance(e, Progress)) or \
        result.results["qat"].training


def test_report_rows_and_front(comparison):
    _, result, _ = comparison
    report = result.to_report()
    assert report["quality_axis"] == "accuracy"  # the digits have labels
    rows = {row["label"]: row for row in report["rows"]}
    assert list(rows) == [ORIGINAL, "dynamic", "static", "qat"]
    assert rows[ORIGINAL]["size_ratio"] == 1.0
    # static int8 is about a quarter of the float32 weights of a CNN, dynamic leaves convs
    assert rows["static"]["size_ratio"] < 0.4 < rows["dynamic"]["size_ratio"]
    assert rows["static"]["quantized_layers"] > rows["dynamic"]["quantized_layers"]
    for label in ("dynamic", "static", "qat"):
        assert rows[label]["accuracy"] > 0.9 and rows[label]["sqnr_db"] > 15
    front = report["pareto_front"]
    assert front and set(front) <= set(rows)
    points = result.points()
    for label in front:  # nothing on the front is dominated, everything off it is
        assert not any(dominates(points[other], points[label]) for other in points)
    for label in set(points) - set(front):
        assert any(dominates(points[other], points[label]) for other in points)
    assert all(row["pareto"] == (row["label"] in front) for row in report["rows"])


def test_a_technique_that_cannot_run_is_skipped_with_its_reason():
    loaded = load_demo("digits-mlp")
    recipes = plan_recipes(["dynamic", "static"], ["weight_only"])
    result = drive(compare_techniques(loaded, recipes))
    assert list(result.results) == ["dynamic"]
    assert "does not offer Static" in result.skipped["static"]
