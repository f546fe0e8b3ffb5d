"""A run's report says what the model's source said of it (issue 12): where it came from, random
initialisation or which weights, its inputs, the output compared: ``RunResult.to_report()`` and
the comparisons' reports carry ``model_details`` themselves, and the HTML report shows them
once."""

from __future__ import annotations

import pytest

from quantgui.core.compare_techniques import compare_techniques, plan_recipes
from quantgui.core.events import drive
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for
from quantgui.core.report_html import render
from quantgui.core.sources import open_user_model

from .helpers import random_loaded

RANDOM = "random initialisation: no weights file given (weights are never downloaded)"


@pytest.fixture(scope="module")
def two_inputs():
    return open_user_model("py:tests.fixtures.models:TwoInputNet",
                           inputs=["features:float32[6]", "category:int64[1]:0..4"])


def test_a_run_report_carries_the_models_details(two_inputs):
    result = drive(run(two_inputs, recipe_for("dynamic", threads=1, batch_size=32)))
    report = result.to_report()
    details = report["model_details"]
    assert details["factory"] == "tests.fixtures.models.TwoInputNet"
    assert details["weights"] == RANDOM
    assert [spec["name"] for spec in details["inputs"]] == ["features", "category"]
    page = render(report)
    assert page.count(RANDOM) == 1
    assert "<h2>Model</h2>" in page
    assert "features float32 [6], category int64 [1] in 0..4" in page


def test_a_comparison_report_carries_them_too(two_inputs):
    comparison = drive(compare_techniques(two_inputs, plan_recipes(
        ["dynamic"], threads=1, batch_size=32)))
    assert comparison.to_report()["model_details"]["weights"] == RANDOM


def test_a_demo_has_none():
    from torch import nn

    loaded = random_loaded(nn.Sequential(nn.Linear(4, 3)), (4,), classes=3, count=40)
    report = drive(run(loaded, recipe_for("dynamic", threads=1, batch_size=16))).to_report()
    assert "model_details" not in report
    assert "<h2>Model</h2>" not in render(report)
