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
@pytest.mark.slow
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
                                        "top1_agreement", "reference_rms"}
    assert report["warnings"] == []  # what the figures do not say alone: nothing here
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


# every tensor of a DataBundle: calibration and training inputs, validation inputs, labels
DATA_TENSORS = ("train_inputs", "val_inputs", "train_labels", "val_labels")


def _bits(tensor: torch.Tensor | None) -> torch.Tensor | None:
    """The tensor's bytes: equal bits, not merely equal values (-0.0 is not 0.0 here)."""
    return None if tensor is None else tensor.detach().reshape(-1).contiguous().view(
        torch.uint8).clone()


def _same_bits(before: dict, after: dict) -> list[str]:
    return [name for name, value in before.items()
            if (value is None) != (after[name] is None)
            or (value is not None and not torch.equal(value, after[name]))]


@pytest.mark.slow
def test_no_engine_or_technique_changes_the_loaded_data_or_the_model():
    """Every engine x technique in turn on one loaded model (a transformer block opened as
    a user's model, tests.fixtures.models.TransformerBlock): its data (calibration and
    training inputs, validation inputs, labels) and its parameters and buffers stay bit for
    bit what they were, and each result is usable (a PT2E run used to rewrite rows of the
    validation data, and every later figure, ONNX Runtime's 0.0 dB among them, came from
    altered data)."""
    import dataclasses

    from quantgui.core.engines import engines
    from quantgui.core.sources import open_user_model
    from quantgui.core.techniques import techniques

    loaded = open_user_model("py:tests.fixtures.models:TransformerBlock", input_shape=(16, 32))
    data = loaded.data
    data_before = {name: _bits(getattr(data, name)) for name in DATA_TENSORS}
    state_before = {name: _bits(value) for name, value in loaded.model.state_dict().items()}
    fast = {"epochs": 1, "calibration_batches": 2}  # as little work as each technique allows
    ran = []
    for engine in engines():
        if engine.unavailable_reason() is not None:
            continue
        for technique in techniques():
            if engine.unsupported_reason(loaded.model, technique.name) is not None:
                continue
            fields = {f.name for f in dataclasses.fields(technique.recipe_type)}
            recipe = recipe_for(technique.name, engine=engine.name,
                                **{k: v for k, v in fast.items() if k in fields})
            result = drive(run(loaded, recipe))
            what = f"{engine.name} {technique.name}"
            assert loaded.data is data, what
            assert not _same_bits(data_before, {n: _bits(getattr(data, n))
                                                for n in DATA_TENSORS}), what
            assert not _same_bits(state_before, {n: _bits(v) for n, v in
                                                 loaded.model.state_dict().items()}), what
            assert result.warnings == [], (what, result.warnings)
            assert result.agreement.sqnr_db > 15, (what, result.agreement.sqnr_db)
            ran.append((engine.name, technique.name))
    assert ("pt2e", "static") in ran and len({e for e, _ in ran}) >= 2, ran


class WritesIntoItsInput(torch.nn.Module):
    """A model that scales its input in place, as a careless forward might."""

    def __init__(self) -> None:
        super().__init__()
        self.linear = torch.nn.Linear(8, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.linear(x.mul_(2.0))


def test_a_run_works_on_its_own_copy_of_the_data_and_says_when_it_changed():
    """Whatever a model of the run writes into its inputs stays in the run: the loaded data
    is bit for bit unchanged, and the result says its figures may come from altered data."""
    from quantgui.core import texts
    from quantgui.core.engines import get_engine

    from .helpers import random_loaded

    loaded = random_loaded(WritesIntoItsInput(), (8,), classes=3)
    before = {name: _bits(getattr(loaded.data, name)) for name in DATA_TENSORS}
    events: list = []
    result = drive(run(loaded, recipe_for("dynamic")), events.append)
    assert not _same_bits(before, {name: _bits(getattr(loaded.data, name)) for name in before})
    changed = texts.LOG_DATA_CHANGED.format(engine=get_engine("torch_ao").title)
    assert result.warnings[:1] == [changed] and result.to_report()["warnings"][0] == changed
    assert any(getattr(e, "text", None) == changed and e.level == "warning" for e in events)


def test_the_example_batch_is_a_tensor_of_its_own():
    """Export, compile and latency take ``example_batch``: a view of the validation data let
    inductor's in-place sum write into the data itself."""
    from .helpers import random_loaded

    data = random_loaded(torch.nn.Linear(8, 3), (8,)).data
    before = data.val_inputs.clone()
    for size in (4, data.val_inputs.shape[0] + 3):  # a slice, and a repeated set
        batch = data.example_batch(size)
        assert batch.is_contiguous() and batch.shape[0] == size
        batch.add_(1.0)
        assert torch.equal(data.val_inputs, before)


def test_outputs_near_zero_say_that_agreement_means_nothing():
    """A randomly initialised MobileNetV2 gives logits of about 1e-26: its "SQNR 0.0 dB"
    measured the quantizers' floor, not the model. The result says so instead, once, and
    does not call the engine's output unusable."""
    from quantgui.core import metrics, texts

    from .helpers import random_loaded

    model = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 3))
    with torch.no_grad():
        model[2].weight.mul_(1e-26)
        model[2].bias.zero_()
    events: list = []
    result = drive(run(random_loaded(model, (8,), classes=3), recipe_for("static")),
                   events.append)
    rms = result.agreement.reference_rms
    assert 0 < rms < metrics.NEAR_ZERO_RMS and result.agreement.near_zero
    assert not result.agreement.unusable
    near_zero = texts.LOG_NEAR_ZERO_OUTPUTS.format(rms=f"{rms:.1e}",
                                                   eps=f"{metrics.NEAR_ZERO_RMS:.1e}")
    assert result.warnings == [near_zero] and result.to_report()["warnings"] == [near_zero]
    assert [e.text for e in events if getattr(e, "level", None) == "warning"].count(
        near_zero) == 1


def test_a_result_whose_outputs_do_not_follow_the_original_says_so():
    """Static ranges calibrated on inputs 1000 times smaller than the validation inputs clip
    every validation input: the outputs no longer follow the original's (SQNR near 0 dB),
    and the result says, in words, not to use the model."""
    from quantgui.core import metrics, texts
    from quantgui.core.engines import get_engine

    from .helpers import random_loaded, with_data

    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 3))
    with torch.no_grad():  # outputs that depend on the inputs alone
        model[0].bias.zero_()
        model[2].bias.zero_()
    loaded = random_loaded(model, (8,), classes=3)
    loaded = with_data(loaded, train_inputs=loaded.data.train_inputs * 1e-3)
    result = drive(run(loaded, recipe_for("static", calibration_batches=2)))
    sqnr = result.agreement.sqnr_db
    assert sqnr < metrics.USABLE_SQNR_DB and result.agreement.unusable
    assert result.warnings == [texts.LOG_UNUSABLE_OUTPUTS.format(
        sqnr=f"{sqnr:.1f}", floor=f"{metrics.USABLE_SQNR_DB:g}",
        engine=get_engine("torch_ao").title)]
    assert "do not use this model" in result.warnings[0]


def test_a_usable_result_carries_no_warning():
    result, _, _ = result_for("digits-mlp", "dynamic")
    assert result.agreement.sqnr_db > 20 and not result.agreement.near_zero
    assert result.warnings == [] and result.to_report()["warnings"] == []
