"""Submodules FX cannot trace stay float with their reason; the rest is still quantized."""

import pytest
import torch

from quantgui.core.events import drive
from quantgui.core.methods import fx_units
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for

from .helpers import PartlyTraceable, random_loaded


def test_plan_finds_the_untraceable_submodule():
    plan = fx_units.plan_units(PartlyTraceable())
    assert set(plan.untraceable) == {"gate"}
    assert "control flow" in plan.untraceable["gate"]
    assert [(u.name, u.non_traceable) for u in plan.units] == [("", ["gate"]), ("gate.inner", [])]


@pytest.mark.parametrize("method", ["static", "qat"])
def test_untraceable_part_stays_float_rest_is_quantized(method):
    torch.manual_seed(0)
    loaded = random_loaded(PartlyTraceable(), (8,), classes=3)
    settings = {"epochs": 1} if method == "qat" else {}
    result = drive(run(loaded, recipe_for(method, **settings)))
    layers = {layer.name: layer for layer in result.layers}
    assert layers["first"].quantized and layers["last"].quantized
    # the Linear inside the untraceable module is quantized as a unit of its own
    assert layers["gate.inner"].quantized
    assert "kept float" not in layers["gate.inner"].note
    assert type(result.quantized_model.gate).__name__ == "Gate"
    assert result.agreement.sqnr_db > 15


def test_keep_float_leaves_the_named_layer_in_float():
    loaded = random_loaded(PartlyTraceable(), (8,), classes=3)
    for method in ("dynamic", "static"):
        result = drive(run(loaded, recipe_for(method, keep_float=["last"])))
        layers = {layer.name: layer for layer in result.layers}
        assert not layers["last"].quantized
        assert layers["last"].note == "kept in float by request"
        assert layers["first"].quantized


def test_distillation_qat_needs_no_labels():
    loaded = random_loaded(PartlyTraceable(), (8,), classes=None)
    result = drive(run(loaded, recipe_for("qat", epochs=1)))
    assert result.original.accuracy is None and result.quantized.accuracy is None
    assert result.training[0]["val_accuracy"] is None
    assert result.agreement.top1_agreement is not None
