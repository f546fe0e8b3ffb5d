"""Inside a quantized model: per-layer error, the plan, sensitivity and what-if re-runs."""

import math

import pytest

from quantgui.core import analysis
from quantgui.core.demos import load_demo
from quantgui.core.events import Progress, drive
from quantgui.core.pipeline import RunCache, run
from quantgui.core.recipes import recipe_for

from .helpers import PartlyTraceable, random_loaded


@pytest.fixture(scope="module")
def cnn():
    return load_demo("digits-cnn")


@pytest.fixture(scope="module")
def mlp():
    return load_demo("digits-mlp")


@pytest.fixture(scope="module")
def cnn_static(cnn):
    return drive(run(cnn, recipe_for("static")))


def test_every_int8_layer_has_its_weight_and_output_error(cnn_static):
    for layer in cnn_static.layers:
        if layer.quantized:
            assert 25 < layer.weight_sqnr_db < 80, layer
            assert 20 < layer.output_sqnr_db < 80, layer
            assert 20 < layer.accumulated_sqnr_db < 80, layer
        else:
            assert layer.weight_sqnr_db is None and layer.output_sqnr_db is None


def test_accumulated_error_at_the_last_layer_is_the_model_agreement(cnn_static):
    last = [layer for layer in cnn_static.layers if layer.quantized][-1]
    assert last.name == "classifier"
    # measured on the first 256 validation samples vs all of them: close, not identical
    assert abs(last.accumulated_sqnr_db - cnn_static.agreement.sqnr_db) < 1.5


def test_weight_error_of_fused_conv_is_measured_against_the_folded_weight(cnn, cnn_static):
    # Without folding batch-norm into the reference the SQNR would be a few dB at best.
    conv = {layer.name: layer for layer in cnn_static.layers}["block1.0"]
    assert conv.weight_sqnr_db > 35


def test_dynamic_layers_get_errors_too():
    loaded = load_demo("digits-lstm")
    result = drive(run(loaded, recipe_for("dynamic")))
    layers = {layer.name: layer for layer in result.layers}
    assert layers["classifier"].weight_sqnr_db > 30
    assert layers["lstm"].output_sqnr_db > 20  # packed LSTM weights: no weight SQNR
    assert layers["lstm"].weight_sqnr_db is None


def test_plan_before_the_run_says_int8_fused_or_float_with_reasons(cnn):
    plan = {p.name: p for p in analysis.plan_layers(cnn, recipe_for("static"))}
    assert plan["block1.0"].status == "int8" and plan["block1.0"].parameters == 288
    assert plan["block1.0"].output_shape == (32, 8, 8)
    assert plan["block1.1"].status == "fused" and "block1.0" in plan["block1.1"].reason
    assert plan["pool"].status == "float" and plan["pool"].reason == "no weights to quantize"
    dynamic = {p.name: p for p in analysis.plan_layers(cnn, recipe_for("dynamic"))}
    assert dynamic["block1.0"].status == "float"
    assert "not a layer type" in dynamic["block1.0"].reason
    assert dynamic["classifier"].status == "int8"


def test_plan_shows_layers_that_cannot_be_quantized_as_float_with_the_reason():
    lstm = {p.name: p for p in analysis.plan_layers(load_demo("digits-lstm"), recipe_for("static"))}
    assert lstm["lstm"].status == "float" and "no int8 kernel for LSTM" in lstm["lstm"].reason
    partly = random_loaded(PartlyTraceable(), (8,), classes=3)
    plan = {p.name: p for p in analysis.plan_layers(partly, recipe_for("qat"))}
    assert plan["first"].status == "int8"
    # quantized as a unit of its own: an int8 layer carries no "kept float" note
    assert plan["gate.inner"].status == "int8"
    assert "kept float" not in plan["gate.inner"].reason


def test_sensitivity_ranks_layers_and_keeping_the_worst_float_raises_agreement(mlp):
    events = []
    entries = drive(analysis.sensitivity(mlp, recipe_for("static")), events.append)
    assert {e.name for e in entries} == {"fc1", "fc2", "fc3"}
    gains = [e.sqnr_gain_db for e in entries]
    assert gains == sorted(gains, reverse=True)
    assert [e.current for e in events if isinstance(e, Progress)][-1] == 4
    worst = entries[0].name
    assert analysis.suggest_keep_float(entries)[:1] == [worst]
    base = drive(run(mlp, recipe_for("static")))
    kept = drive(run(mlp, recipe_for("static", keep_float=[worst])))
    assert kept.agreement.sqnr_db > base.agreement.sqnr_db + 1.0
    assert math.isclose(kept.agreement.sqnr_db, entries[0].sqnr_db_all_but_this, abs_tol=0.5)


def test_what_if_rerun_reuses_calibration_and_reference_and_gives_the_same_model(mlp):
    cache = RunCache()
    first = drive(run(mlp, recipe_for("static"), cache=cache))
    assert first.reused == []
    events = []
    again = drive(run(mlp, recipe_for("static", keep_float=["fc3"]), cache=cache), events.append)
    # the original's latency is measured again: it is timed interleaved with the quantized model
    assert set(again.reused) == {"calibration", "original outputs", "original size"}
    assert again.original.latency.interleaved and again.quantized.latency.interleaved
    calibrating = [e for e in events if isinstance(e, Progress) and e.stage == "calibrating"]
    assert len(calibrating) == 1  # no calibration pass ran
    fresh = drive(run(mlp, recipe_for("static", keep_float=["fc3"])))
    assert again.agreement.sqnr_db == pytest.approx(fresh.agreement.sqnr_db, abs=1e-6)
    # another model empties the cache
    cache.bind(load_demo("digits-mlp"))
    assert cache.calibration == {} and cache.original_outputs is None


def test_layer_detail_gives_weights_grid_and_ranges(cnn, cnn_static):
    groups = analysis.fused_groups(cnn_static.layers)
    detail = analysis.layer_detail(cnn.model, cnn_static.quantized_model, "block1.0",
                                   groups["block1.0"], cnn.data.val_inputs[:4], channel=3)
    assert detail["original_weight"].shape == detail["quantized_weight"].shape == (288,)
    assert detail["scheme"] == "per-channel" and detail["channel"] == 3
    assert detail["channels"] == 32 and detail["channel_min"].shape == (32,)
    grid = detail["grid"]
    assert grid.shape == (256,)
    assert abs((grid[1] - grid[0]) - detail["weight_scale"]) < 1e-9
    # the dequantized weights of channel 3 sit on the grid
    channel3 = detail["quantized_weight"].reshape(32, -1)[3]
    assert min(abs(grid - v).min() for v in channel3) < 1e-6
    low, high = detail["output_range"]
    assert low == 0.0 and high > 0  # after a fused ReLU
    assert detail["input_range"][1] > detail["input_range"][0]
    before = analysis.layer_detail(cnn.model, None, "pool")
    assert set(before) == {"name"}
