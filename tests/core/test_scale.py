"""Large models fit: latency rounds follow a time budget, per-layer error streams its data in
chunks (and measures fewer samples of large activations, saying so), sizes are counted
without a copy. Small real models; the figures for large ones are in bench/bench_scale.py."""

from __future__ import annotations

import io
import math

import pytest
import torch
from torch import nn

from quantgui.core import analysis, metrics
from quantgui.core.events import LogMessage, Progress, drive
from quantgui.core.methods.common import engine_and_threads, evaluating
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for

from .helpers import random_loaded


class Deep(nn.Module):
    """Convolutions with batch-norm (fused by FX) and a Linear head: several layer kinds."""

    def __init__(self) -> None:
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(),
            nn.Conv2d(8, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(),
            nn.Conv2d(8, 8, 3, padding=1), nn.ReLU())
        self.head = nn.Linear(8 * 8 * 8, 5)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(torch.flatten(self.features(x), 1))


@pytest.fixture(scope="module")
def deep_static():
    torch.manual_seed(0)
    model = Deep()
    loaded = random_loaded(model, (3, 8, 8), classes=5, count=160)
    with torch.no_grad():  # batch-norm statistics of the data, as a trained model has
        model.train()(loaded.data.train_inputs)
    model.eval()
    result = drive(run(loaded, recipe_for("static", batch_size=16, threads=1,
                                          calibration_batches=4)))
    return loaded, result


# --- latency ------------------------------------------------------------------------------
def test_rounds_fit_the_time_budget():
    # a fast model: every warm-up and round the caller asked for
    assert metrics.plan_rounds(0.001, rounds=30, warmup=3, max_seconds=2.0,
                               min_rounds=5) == (3, 30)
    # 0.25 s a round in a 2 s budget: one warm-up (the timed first round), 7 rounds
    assert metrics.plan_rounds(0.25, rounds=30, warmup=3, max_seconds=2.0,
                               min_rounds=5) == (1, 7)
    # a model slower than the whole budget is still timed the minimum number of times
    assert metrics.plan_rounds(5.0, rounds=30, warmup=3, max_seconds=2.0,
                               min_rounds=5) == (1, 5)


def test_a_measurement_past_its_budget_stops_at_the_minimum_and_says_how_many():
    model = nn.Linear(8, 8).eval()
    batch = torch.randn(4, 8)
    stats = metrics.measure_latencies({"a": model, "b": model}, batch, threads=1,
                                      max_seconds=0.0, min_rounds=4)
    assert [s.repeats for s in stats.values()] == [4, 4]
    stats = metrics.measure_latencies({"a": model}, batch, threads=1, rounds=12,
                                      max_seconds=60.0)
    assert stats["a"].repeats == 12


@pytest.mark.slow
def test_the_report_states_the_repeats_of_each_model(deep_static):
    _, result = deep_static
    report = result.to_report()
    for side in ("original", "quantized"):
        assert report[side]["latency_ms"]["repeats"] >= metrics.MIN_ROUNDS
    assert report["original"]["latency_ms"]["repeats"] == \
        report["quantized"]["latency_ms"]["repeats"]  # interleaved rounds


# --- per-layer error, streamed ------------------------------------------------------------
def _errors(loaded, result, **options):
    with engine_and_threads(result.recipe), evaluating(loaded.model):
        return drive(analysis.stream_layer_errors(
            loaded.model, result.quantized_model, result.layers, loaded.data.val_inputs,
            **options))


def test_streamed_errors_do_not_depend_on_the_chunk(deep_static):
    loaded, result = deep_static
    whole, whole_sampling = _errors(loaded, result)
    one_by_one, sampling = _errors(loaded, result, chunk_bytes=1)  # one sample a pass
    assert whole_sampling.chunk > 1 and sampling.chunk == 1
    assert sampling.samples == whole_sampling.samples == loaded.data.val_inputs.shape[0]
    measured = [name for name, error in whole.items() if error.output_sqnr_db is not None]
    assert len(measured) == 4  # three fused convolutions and the head
    for name in measured:
        for field in ("weight_sqnr_db", "output_sqnr_db", "accumulated_sqnr_db"):
            assert getattr(one_by_one[name], field) == pytest.approx(
                getattr(whole[name], field), abs=0.01), (name, field)


def test_streamed_errors_match_the_whole_batch_measured_at_once(deep_static):
    """The accumulated error at the head is the output agreement of the same samples."""
    loaded, result = deep_static
    errors, _ = _errors(loaded, result, chunk_bytes=1)
    with torch.inference_mode():
        expected = metrics.sqnr_db(loaded.model(loaded.data.val_inputs),
                                   result.quantized_model(loaded.data.val_inputs))
    assert errors["head"].accumulated_sqnr_db == pytest.approx(expected, abs=0.01)


def test_large_activations_are_measured_on_fewer_samples(deep_static):
    loaded, result = deep_static
    values = 3 * 8 * 8 * 8 + 5  # the measured layers' outputs for one sample
    _, sampling = _errors(loaded, result, max_values=10 * values)
    assert (sampling.samples, sampling.values_per_sample) == (10, values)
    assert sampling.subsampled and "10 of 40" in sampling.describe()
    # never fewer than the minimum
    _, sampling = _errors(loaded, result, max_values=1)
    assert sampling.samples == analysis.MIN_ERROR_SAMPLES


def test_a_run_says_when_it_measured_fewer_samples(monkeypatch):
    torch.manual_seed(0)
    loaded = random_loaded(Deep(), (3, 8, 8), classes=5, count=160)
    monkeypatch.setattr(analysis, "ERROR_VALUES", 40)  # 8 samples of 5 logits
    events = []
    result = drive(run(loaded, recipe_for("dynamic", batch_size=16, threads=1)), events.append)
    report = result.to_report()["layer_error_samples"]
    assert (report["samples"], report["available"]) == (8, 40)
    assert any(isinstance(e, LogMessage) and f"{report['samples']} of 40" in e.text
               for e in events)
    progress = [e for e in events if isinstance(e, Progress) and e.stage == "layer errors"]
    assert progress[-1].current == progress[-1].total


def test_quantized_activations_are_kept_in_their_own_dtype(deep_static):
    """A static model's activations are kept at one byte a value between the two passes: a
    budget of bytes holds four times the samples it would hold in float."""
    loaded, result = deep_static
    int8_bytes = 3 * 8 * 8 * 8 + 5  # the three convolutions' and the head's int8 outputs
    _, sampling = _errors(loaded, result, chunk_bytes=10 * int8_bytes)
    assert sampling.chunk == 10


# --- sizes --------------------------------------------------------------------------------
def test_sizes_are_counted_as_written_and_match_the_saved_bytes(deep_static):
    loaded, result = deep_static
    for model in (loaded.model, result.quantized_model):
        buffer = io.BytesIO()
        torch.save(model.state_dict(), buffer)
        assert metrics.state_dict_size_bytes(model) == buffer.getbuffer().nbytes


def test_summed_sqnr_equals_the_whole():
    torch.manual_seed(1)
    reference = torch.randn(64, 300)
    test = reference + 0.01 * torch.randn(64, 300)
    sums = metrics.SqnrSum()
    for start in range(0, 64, 10):
        assert sums.add(reference[start:start + 10], test[start:start + 10])
    assert sums.db() == pytest.approx(metrics.sqnr_db(reference, test), abs=1e-3)
    assert not sums.add(reference, test[:, :10])  # shapes differ: nothing added
    assert metrics.SqnrSum().db() == math.inf  # nothing yet: no noise


# --- transformer-shaped models ------------------------------------------------------------
class Encoder(nn.Module):
    """nn.TransformerEncoder: FX runs it as one module although it holds Linear layers."""

    def __init__(self) -> None:
        super().__init__()
        layer = nn.TransformerEncoderLayer(16, 2, 32, dropout=0.0, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, 2, enable_nested_tensor=False)
        self.classifier = nn.Linear(16, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classifier(self.encoder(x)[:, 0])


def test_qat_completes_on_a_transformer_encoder():
    """prepare_qat swapped the Linears inside nn.TransformerEncoder for QAT modules that
    convert left broken ('no attribute activation_post_process'); they now train in float."""
    torch.manual_seed(0)
    loaded = random_loaded(Encoder(), (6, 16), classes=3, count=64)
    result = drive(run(loaded, recipe_for("qat", epochs=1, batch_size=16, threads=1)))
    layers = {layer.name: layer for layer in result.layers}
    assert layers["classifier"].quantized
    assert not layers["encoder.layers.0.linear1"].quantized
    assert torch.isfinite(result.quantized_outputs).all()
    assert result.agreement.sqnr_db > 15


def test_a_subsampled_static_run_takes_weights_from_the_suite_and_outputs_from_hooks(
        monkeypatch):
    from quantgui.core import numeric_suite

    torch.manual_seed(0)
    model = Deep()
    loaded = random_loaded(model, (3, 8, 8), classes=5, count=160)
    monkeypatch.setattr(analysis, "ERROR_VALUES", 1)  # the minimum: 4 samples
    result = drive(run(loaded, recipe_for("static", batch_size=16, threads=1,
                                          calibration_batches=2)))
    assert result.error_sampling.samples == analysis.MIN_ERROR_SAMPLES
    measured = [layer for layer in result.layers if layer.quantized]
    assert len(measured) == 4
    for layer in measured:
        # the suite's shadow pass (the same own-output figure) is skipped for large activations
        assert layer.error_source == numeric_suite.BOTH
        assert None not in (layer.weight_sqnr_db, layer.output_sqnr_db,
                            layer.accumulated_sqnr_db)
