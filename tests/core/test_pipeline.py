"""Every demo with every technique, on real data and real int8 kernels."""

from __future__ import annotations

import math

import pytest
import torch

from quantgui.core.demos import DEMOS, load_demo
from quantgui.core.events import EpochEnd, Progress, TrainStep, drive
from quantgui.core.pipeline import RunResult, run
from quantgui.core.recipes import recipe_for

from .helpers import assert_state_equal, state_snapshot

METHODS = ("dynamic", "static", "qat")
_results: dict[tuple[str, str], tuple[RunResult, list, dict]] = {}


def result_for(demo: str, method: str) -> tuple[RunResult, list, dict]:
    """Run each (demo, method) once per session; the events and the original's state come too."""
    key = (demo, method)
    if key not in _results:
        loaded = load_demo(demo)
        before = state_snapshot(loaded.model)
        events: list = []
        settings = {"epochs": 2} if method == "qat" else {}
        result = drive(run(loaded, recipe_for(method, **settings)), events.append)
        _results[key] = (result, events, {"loaded": loaded, "before": before})
    return _results[key]


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("demo", list(DEMOS))
def test_every_demo_quantizes_and_runs_on_float_input(demo, method):
    result, _, extra = result_for(demo, method)
    data = extra["loaded"].data
    with torch.inference_mode():
        outputs = result.quantized_model(data.val_inputs[:5])
    assert outputs.dtype == torch.float32 and not outputs.is_quantized
    assert outputs.shape == (5, data.num_classes)
    assert result.quantized_layer_count >= 1
    assert result.quantized_outputs.shape == result.original_outputs.shape
    # the original model is untouched: same weights, same module types
    assert_state_equal(extra["loaded"].model, extra["before"])
    assert not any("quantized" in type(m).__module__ for m in extra["loaded"].model.modules())


SIZE_CASES = [(d, m) for d in ("digits-cnn", "digits-mlp", "digits-wide")
              for m in ("static", "qat")] + [
    ("digits-mlp", "dynamic"), ("digits-wide", "dynamic"), ("digits-lstm", "dynamic")]


@pytest.mark.parametrize("demo, method", SIZE_CASES)
def test_int8_state_dict_is_at_most_030_of_float(demo, method):
    result, _, _ = result_for(demo, method)
    ratio = result.quantized.size_bytes / result.original.size_bytes
    assert ratio <= 0.30, f"{demo} {method}: size ratio {ratio:.3f}"


@pytest.mark.parametrize("demo", ["digits-cnn", "digits-mlp"])
@pytest.mark.parametrize("method, max_loss_points", [("static", 1.0), ("qat", 0.5)])
def test_digits_accuracy_loss_is_small(demo, method, max_loss_points):
    result, _, _ = result_for(demo, method)
    lost = 100 * (result.original.accuracy - result.quantized.accuracy)
    assert result.original.accuracy > 0.97
    assert lost <= max_loss_points, f"{demo} {method} lost {lost:.2f} points"


@pytest.mark.parametrize("method", ["dynamic", "static"])
@pytest.mark.parametrize("demo", list(DEMOS))
def test_dynamic_and_static_agree_with_the_original(demo, method):
    result, _, _ = result_for(demo, method)
    assert result.agreement.sqnr_db >= 20.0, f"{demo} {method}: {result.agreement}"
    assert result.agreement.cosine > 0.99


def test_report_has_every_documented_field():
    result, _, _ = result_for("digits-cnn", "qat")
    report = result.to_report()
    assert report["method"] == "qat" and report["backend"] == "x86"
    assert report["threads"] == result.recipe.threads
    for side in ("original", "quantized"):
        assert report[side]["size_bytes"] > 0
        assert set(report[side]["latency_ms"]) >= {"median", "p90"}
        assert report[side]["latency_ms"]["p90"] >= report[side]["latency_ms"]["median"] > 0
        assert 0.0 <= report[side]["accuracy"] <= 1.0
    assert set(report["agreement"]) == {"cosine", "sqnr_db", "mse", "max_abs_error",
                                        "top1_agreement"}
    for layer in report["layers"]:
        assert set(layer) == {"name", "original_type", "quantized_type", "quantized", "note",
                              "weight_sqnr_db", "output_sqnr_db", "accumulated_sqnr_db",
                              "error_source"}
    assert [e["epoch"] for e in report["training"]] == [1, 2]
    for epoch in report["training"]:
        assert set(epoch) == {"epoch", "train_loss", "val_loss", "val_accuracy"}
        assert math.isfinite(epoch["train_loss"]) and 0 <= epoch["val_accuracy"] <= 1


def test_layer_records_say_what_happened_to_each_layer():
    result, _, _ = result_for("digits-cnn", "static")
    by_name = {layer.name: layer for layer in result.layers}
    conv = by_name["block1.0"]
    assert conv.quantized and conv.quantized_type.endswith("ConvReLU2d")
    assert not by_name["block1.1"].quantized and "fused into block1.0" in by_name["block1.1"].note
    assert by_name["classifier"].quantized_type == "torch.ao.nn.quantized.Linear"
    assert by_name["pool"].note == "no weights to quantize"
    dynamic, _, _ = result_for("digits-cnn", "dynamic")
    dyn = {layer.name: layer for layer in dynamic.layers}
    assert not dyn["block1.0"].quantized and "not a layer type" in dyn["block1.0"].note
    assert dyn["classifier"].quantized_type == "torch.ao.nn.quantized.dynamic.Linear"
    lstm, _, _ = result_for("digits-lstm", "static")
    assert "no int8 kernel for LSTM" in {layer.name: layer for layer in lstm.layers}["lstm"].note


def test_transformer_softmax_is_kept_float_with_its_reason():
    result, _, _ = result_for("digits-transformer", "static")
    softmax = {layer.name: layer for layer in result.layers}["encoder.0.attention.softmax"]
    assert not softmax.quantized and "softmax" in softmax.note


def test_qat_reports_every_step_and_each_epoch():
    result, events, extra = result_for("digits-mlp", "qat")
    steps = [e for e in events if isinstance(e, TrainStep)]
    epochs = [e for e in events if isinstance(e, EpochEnd)]
    per_epoch = math.ceil(extra["loaded"].data.train_inputs.shape[0] / result.recipe.batch_size)
    assert len(steps) == 2 * per_epoch
    assert [(s.epoch, s.step) for s in steps[:2]] == [(1, 1), (1, 2)]
    assert all(math.isfinite(s.loss) and s.learning_rate > 0 for s in steps)
    assert [e.epoch for e in epochs] == [1, 2]
    assert all(e.val_accuracy is not None and e.val_loss is not None for e in epochs)


def test_static_reports_calibration_progress():
    result, events, _ = result_for("digits-cnn", "static")
    calibrating = [e for e in events if isinstance(e, Progress) and e.stage == "calibrating"]
    assert len(calibrating) == result.recipe.calibration_batches
    assert calibrating[-1].current == calibrating[-1].total


def test_latency_is_measured_with_the_stated_threads():
    result, _, _ = result_for("digits-wide", "dynamic")
    assert result.original.latency.threads == result.recipe.threads
    assert result.quantized.latency.repeats >= 10


def test_reference_modules_are_not_counted_as_quantized():
    # The transformer's embedding feeds an add with a float Parameter; FX leaves a reference
    # Linear there, which runs in float. It must not be reported as int8.
    result, _, _ = result_for("digits-transformer", "static")
    embed = {layer.name: layer for layer in result.layers}["embed"]
    assert embed.quantized_type == "torch.ao.nn.quantized.reference.Linear"
    assert not embed.quantized and "simulated only" in embed.note
