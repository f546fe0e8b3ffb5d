"""Per-layer error from torch.ao.ns where it applies, checked against the forward-hook
measurement: two independent code paths that must give the same numbers."""

import pytest

from quantgui.core import analysis, numeric_suite
from quantgui.core.demos import load_demo
from quantgui.core.events import drive
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for

from .helpers import PartlyTraceable, random_loaded

ERROR_SAMPLES = 256  # as the pipeline measures them


def hook_errors(loaded, result):
    model = loaded.model.eval()
    return analysis.layer_errors(model, result.quantized_model, result.layers,
                                 loaded.data.val_inputs[:ERROR_SAMPLES])


@pytest.mark.parametrize("demo", ["digits-cnn", "digits-mlp"])
def test_static_errors_come_from_the_numeric_suite_and_match_the_hooks(demo):
    loaded = load_demo(demo)
    result = drive(run(loaded, recipe_for("static", calibration_batches=8)))
    hooks = hook_errors(loaded, result)
    quantized = [layer for layer in result.layers if layer.quantized]
    assert quantized
    for layer in quantized:
        assert layer.error_source == numeric_suite.BOTH, layer  # accumulated: hooks
        expected = hooks[layer.name]
        assert layer.weight_sqnr_db == pytest.approx(expected.weight_sqnr_db, abs=0.05)
        assert layer.output_sqnr_db == pytest.approx(expected.output_sqnr_db, abs=0.05)
        assert layer.accumulated_sqnr_db == pytest.approx(expected.accumulated_sqnr_db,
                                                          abs=0.05)
        # the own error is never worse than the error accumulated up to the layer
        assert layer.output_sqnr_db >= layer.accumulated_sqnr_db - 0.05
    for layer in result.layers:
        if not layer.quantized:
            assert layer.error_source is None


def test_dynamic_weight_errors_come_from_the_eager_numeric_suite():
    loaded = load_demo("digits-lstm")
    result = drive(run(loaded, recipe_for("dynamic")))
    layers = {layer.name: layer for layer in result.layers}
    hooks = hook_errors(loaded, result)
    # Linear: weights from compare_weights, outputs from hooks
    assert layers["classifier"].error_source == numeric_suite.BOTH
    assert layers["classifier"].weight_sqnr_db == pytest.approx(
        hooks["classifier"].weight_sqnr_db, abs=0.05)
    # the LSTM packs its weights: the suite has no single weight to compare
    assert layers["lstm"].error_source == numeric_suite.HOOKS
    assert layers["lstm"].output_sqnr_db > 20


def test_the_suite_reads_the_int8_graph_directly():
    loaded = load_demo("digits-mlp")
    from quantgui.core.events import CancelToken
    from quantgui.core.methods import static
    from quantgui.core.methods.common import engine_and_threads

    recipe = recipe_for("static", calibration_batches=4)
    with engine_and_threads(recipe):
        method = drive(static.quantize(loaded.model, loaded.data, recipe, CancelToken(),
                                       keep_observed=True))
        errors = numeric_suite.fx_errors(method.observed_model, method.model,
                                         loaded.data.val_inputs[:64])
    assert set(errors) == {"fc1", "fc2", "fc3"}
    for weight, own, accumulated in errors.values():
        assert 30 < weight < 80 and 25 < own < 80 and accumulated is None  # that one: hooks


@pytest.mark.parametrize("method", ["static", "qat"])
def test_models_fx_splits_into_units_and_qat_fall_back_to_hooks(method):
    loaded = random_loaded(PartlyTraceable(), (8,), classes=3)
    settings = {"epochs": 1} if method == "qat" else {}
    result = drive(run(loaded, recipe_for(method, **settings)))
    measured = [layer for layer in result.layers if layer.quantized]
    assert measured
    assert {layer.error_source for layer in measured} == {numeric_suite.HOOKS}
    assert all(layer.output_sqnr_db is not None for layer in measured)


def test_a_graph_the_suite_cannot_shadow_still_gets_its_weights_from_it():
    # FX's int8 LayerNorm breaks the suite's shadow model (torch 2.13): the own-output error
    # falls back to the hooks, the weight error still comes from the suite
    loaded = load_demo("digits-transformer")
    result = drive(run(loaded, recipe_for("static", calibration_batches=4)))
    hooks = hook_errors(loaded, result)
    query = {layer.name: layer for layer in result.layers}["encoder.0.attention.query"]
    assert query.error_source == numeric_suite.BOTH
    assert query.weight_sqnr_db == pytest.approx(hooks[query.name].weight_sqnr_db, abs=0.05)
    assert query.output_sqnr_db == pytest.approx(hooks[query.name].output_sqnr_db, abs=1e-6)
