"""The PyTorch compiled engine (torchao PT2E + inductor) on the digits demos, for real.

Compilation takes seconds per model, so each (demo, technique) is built once per module and
shared by the tests below.
"""

from __future__ import annotations

import math
import subprocess
import sys
from collections.abc import Callable

import pytest
import torch
from torch import nn

from quantgui.core import metrics
from quantgui.core.demos import LoadedModel, load_demo
from quantgui.core.engines import get_engine
from quantgui.core.engines.base import EngineBuild
from quantgui.core.engines.pt2e import FixedBatch, Pt2eEngine
from quantgui.core.errors import Cancelled, ModelError, RecipeError
from quantgui.core.events import CancelToken, EpochEnd, Progress, TrainStep, drive
from quantgui.core.recipes import recipe_for

from ..helpers import PartlyTraceable, assert_state_equal, random_loaded, state_snapshot, with_data

pytestmark = pytest.mark.skipif(Pt2eEngine().unavailable_reason() is not None,
                                reason=str(Pt2eEngine().unavailable_reason()))

DEMOS = ("digits-mlp", "digits-cnn")
TECHNIQUES = ("static", "dynamic", "qat")
# one layer per demo kept float, on the builds where keep_float needs its own code path:
# dynamic (quantize_'s filter) and QAT (the quantizer's None config through conv-bn fusion)
KEPT = {("digits-mlp", "dynamic"): "fc3", ("digits-cnn", "qat"): "block3.0"}
QAT_SAMPLES = 160  # 5 steps of 32: the curves, not the accuracy, are under test


class Built:
    def __init__(self, loaded: LoadedModel, build: EngineBuild, events: list,
                 before: dict[str, torch.Tensor], kept: str | None) -> None:
        self.loaded, self.build, self.events, self.before, self.kept = (
            loaded, build, events, before, kept)
        data = loaded.data
        self.original_outputs = metrics.predict(loaded.model, data.val_inputs, 32)
        self.quantized_outputs = metrics.predict(build.quantized, data.val_inputs, 32)


@pytest.fixture(scope="module")
def built() -> Callable[[str, str], Built]:
    cache: dict[tuple[str, str], Built] = {}

    def get(demo: str, technique: str) -> Built:
        key = (demo, technique)
        if key not in cache:
            loaded = load_demo(demo)
            settings: dict = {}
            if technique == "qat":
                settings["epochs"] = 1
                data = loaded.data
                loaded = with_data(loaded, train_inputs=data.train_inputs[:QAT_SAMPLES],
                                   train_labels=data.train_labels[:QAT_SAMPLES])
            if technique == "static":
                settings["calibration_batches"] = 8
            kept = KEPT.get(key)
            if kept:
                settings["keep_float"] = (kept,)
            before = state_snapshot(loaded.model)
            events: list = []
            build = drive(Pt2eEngine().build(loaded, recipe_for(technique, **settings),
                                             CancelToken()), events.append)
            cache[key] = Built(loaded, build, events, before, kept)
        return cache[key]

    return get


CASES = [(demo, technique) for demo in DEMOS for technique in TECHNIQUES]


@pytest.mark.parametrize("demo, technique", CASES)
@pytest.mark.slow
def test_quantized_model_runs_and_agrees_with_the_original(built, demo, technique):
    result = built(demo, technique)
    outputs = result.quantized_outputs
    assert outputs.shape == result.original_outputs.shape
    assert outputs.dtype == torch.float32 and torch.isfinite(outputs).all()
    agreement = metrics.agreement(result.original_outputs, outputs)
    assert agreement.sqnr_db >= 20.0, f"{demo} {technique}: {agreement}"
    assert agreement.top1_agreement >= 0.95
    # the user's model is untouched
    assert_state_equal(result.loaded.model, result.before)
    assert all(m.training is False for m in result.loaded.model.modules())


@pytest.mark.parametrize("demo, technique", CASES)
def test_float_reference_is_the_compiled_float_model(built, demo, technique):
    result = built(demo, technique)
    reference = metrics.predict(result.build.reference, result.loaded.data.val_inputs, 32)
    assert metrics.sqnr_db(result.original_outputs, reference) >= 60.0
    assert isinstance(result.build.reference, FixedBatch)
    assert result.build.reference_size_bytes > 0


@pytest.mark.parametrize("demo, technique", CASES)
def test_layer_records_say_which_layers_run_in_int8(built, demo, technique):
    result = built(demo, technique)
    records = {record.name: record for record in result.build.layers}
    weighted = {name for name, m in result.loaded.model.named_modules()
                if isinstance(m, (nn.Linear, nn.Conv2d))}
    convs_and_linears = weighted if technique != "dynamic" else {
        name for name in weighted if isinstance(result.loaded.model.get_submodule(name),
                                                nn.Linear)}
    assert weighted <= set(records)
    for name in convs_and_linears - {result.kept}:
        assert records[name].quantized, records[name]
        assert "int8" in records[name].note
    if technique == "dynamic":
        for name in weighted - convs_and_linears:
            assert not records[name].quantized and "Linear layers only" in records[name].note
    if result.kept:
        assert not records[result.kept].quantized
        assert records[result.kept].note == "kept in float by request"
        assert result.build.notes[result.kept] == "kept in float by request"
    for name, module in result.loaded.model.named_modules():
        if isinstance(module, nn.BatchNorm2d) and technique != "dynamic":
            assert records[name].note.startswith(("folded into block", "float32 with block"))


@pytest.mark.parametrize("demo", DEMOS)
def test_static_layers_carry_the_numeric_debuggers_accumulated_error(built, demo):
    result = built(demo, "static")
    measured = [r for r in result.build.layers if r.accumulated_sqnr_db is not None]
    assert {r.name for r in measured} == {r.name for r in result.build.layers if r.quantized}
    assert all(r.error_source == "torchao numeric debugger" for r in measured)
    assert all(20.0 <= r.accumulated_sqnr_db < 100.0 for r in measured), measured
    # the last layer's accumulated error is the whole model's (uncompiled q/dq graph)
    overall = metrics.sqnr_db(result.original_outputs, result.quantized_outputs)
    assert measured[-1].accumulated_sqnr_db == pytest.approx(overall, abs=3.0)


ERROR_SOURCES = {"dynamic": "forward hooks (eager torchao model)",
                 "qat": "graph interpreter (float and int8 graphs)"}


@pytest.mark.parametrize("demo, technique",
                         [(demo, technique) for demo in DEMOS for technique in ERROR_SOURCES])
def test_dynamic_and_qat_layers_carry_their_accumulated_error(built, demo, technique):
    result = built(demo, technique)
    layers = result.build.layers
    measured = [r for r in layers if r.accumulated_sqnr_db is not None]
    assert measured and {r.name for r in measured} == {r.name for r in layers if r.quantized}
    assert all(r.error_source == ERROR_SOURCES[technique] for r in measured)
    assert all(15.0 <= r.accumulated_sqnr_db < 100.0 for r in measured), measured
    if technique == "dynamic":  # torchao's int8 weights, dequantized against the float ones
        assert all(30.0 <= r.weight_sqnr_db < 100.0 for r in measured), measured
    if measured[-1].name == layers[-1].name:  # the output layer: the whole model's error
        overall = metrics.sqnr_db(result.original_outputs, result.quantized_outputs)
        assert measured[-1].accumulated_sqnr_db == pytest.approx(overall, abs=3.0)
    assert result.build.prepare_seconds["layer_errors"] >= 0.0


@pytest.mark.parametrize("demo, technique", CASES)
def test_preparation_times_are_recorded_apart(built, demo, technique):
    seconds = built(demo, technique).build.prepare_seconds
    expected = {"export", "convert", "compile", "compile_float"}
    expected |= {"static": {"calibrate"}, "qat": {"train"}, "dynamic": set()}[technique]
    assert expected <= set(seconds)
    assert all(value > 0 and math.isfinite(value) for value in seconds.values())


@pytest.mark.parametrize("demo, technique", CASES)
def test_any_batch_size_runs_without_recompiling(built, demo, technique):
    result = built(demo, technique)
    model, inputs = result.build.quantized, result.loaded.data.val_inputs
    # int8 kernels round a few outputs one step differently with another thread count: the
    # expected outputs come from full batches of the compiled size, with the same threads
    torch.set_num_threads(2)
    with torch._dynamo.config.patch(error_on_recompile=True):
        expected = torch.cat([model(inputs[start:start + 32]) for start in (0, 32, 64)])
        for count in (1, 7, 70):
            with torch.inference_mode():  # inference tensors from the caller, too
                part = model(inputs[:count].clone())
            torch.testing.assert_close(part, expected[:count], atol=1e-5, rtol=1e-5)
        assert model(inputs[:3]).shape == expected[:3].shape  # outside inference_mode


@pytest.mark.parametrize("demo, technique", CASES)
def test_pt2_round_trip_gives_the_compiled_outputs(built, demo, technique, tmp_path):
    result = built(demo, technique)
    engine = Pt2eEngine()
    path = tmp_path / "model.pt2"
    path.write_bytes(engine.save_bytes(result.build, "pt2"))
    assert path.stat().st_size > 0 and not list(tmp_path.glob(".*.tmp"))
    loaded = engine.load_saved(path, "pt2")
    inputs = result.loaded.data.val_inputs[:40]
    with torch.inference_mode():
        outputs = loaded(inputs)
    assert metrics.sqnr_db(result.quantized_outputs[:40], outputs) >= 35.0
    assert result.build.extra["dynamic_batch"]  # the demos export with any batch size


@pytest.mark.parametrize("demo", DEMOS)
def test_int8_program_saves_most_of_the_float_weight_bytes(built, demo):
    # a .pt2 archive has about 110-140 kB of graph and metadata whatever the weights, so the
    # saving is measured against the float weights (int8 saves 75% of them, less the scales)
    result = built(demo, "static")
    weight_bytes = sum(p.numel() * 4 for p in result.loaded.model.parameters())
    saved = result.build.reference_size_bytes - result.build.size_bytes
    assert saved >= 0.55 * weight_bytes, (saved, weight_bytes)


@pytest.mark.parametrize("demo", DEMOS)
def test_qat_reports_every_step_and_each_epoch(built, demo):
    result = built(demo, "qat")
    steps = [e for e in result.events if isinstance(e, TrainStep)]
    epochs = [e for e in result.events if isinstance(e, EpochEnd)]
    assert len(steps) == QAT_SAMPLES // 32 and [s.step for s in steps] == [1, 2, 3, 4, 5]
    assert len(epochs) == 1 and epochs[0].val_accuracy is not None
    assert all(math.isfinite(s.loss) for s in steps)
    assert result.build.training == [{"epoch": 1, "train_loss": pytest.approx(
        sum(s.loss for s in steps) / len(steps)), "val_loss": epochs[0].val_loss,
        "val_accuracy": epochs[0].val_accuracy}]


def test_static_calibration_reports_progress(built):
    result = built("digits-cnn", "static")
    calibrating = [e for e in result.events if isinstance(e, Progress)
                   and e.stage == "calibrating"]
    assert [(e.current, e.total) for e in calibrating] == [(i, 8) for i in range(1, 9)]


@pytest.mark.slow
def test_per_tensor_weights_and_minmax_observer_are_honoured():
    loaded = load_demo("digits-cnn")
    recipe = recipe_for("static", per_channel=False, observer="minmax", calibration_batches=2)
    build = drive(Pt2eEngine().build(loaded, recipe, CancelToken()))
    program = build.artifact.graph_module
    targets = {str(n.target) for n in program.graph.nodes if n.op == "call_function"}
    assert not any("per_channel" in t for t in targets)  # one scale per weight tensor
    assert all(r.quantized for r in build.layers if r.original_type != "torch.nn.BatchNorm2d")
    data = loaded.data
    agreement = metrics.agreement(metrics.predict(loaded.model, data.val_inputs, 32),
                                  metrics.predict(build.quantized, data.val_inputs, 32))
    assert agreement.sqnr_db >= 20.0, agreement


def test_a_model_torch_export_cannot_capture_is_refused_clearly():
    loaded = random_loaded(PartlyTraceable(), (8,), classes=3)
    with pytest.raises(ModelError, match="torch.export could not capture") as caught:
        drive(Pt2eEngine().build(loaded, recipe_for("static"), CancelToken()))
    assert "eager engine" in caught.value.hint


def test_cancel_during_calibration_stops_the_build():
    cancel = CancelToken()

    def on_event(event) -> None:
        if isinstance(event, Progress) and event.stage == "calibrating":
            cancel.cancel()

    loaded = random_loaded(nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 3)), (8,))
    with pytest.raises(Cancelled):
        drive(Pt2eEngine().build(loaded, recipe_for("static", batch_size=8), cancel), on_event)


def test_float16_dynamic_is_refused_with_a_hint():
    loaded = random_loaded(nn.Linear(8, 3), (8,))
    with pytest.raises(RecipeError, match="int8 only"):
        drive(Pt2eEngine().build(loaded, recipe_for("dynamic", dtype="float16"), CancelToken()))


def test_missing_compiler_makes_the_engine_unavailable(monkeypatch):
    monkeypatch.setenv("CXX", "/nonexistent/quantgui-test-g++")
    reason = Pt2eEngine().unavailable_reason()
    assert reason is not None and "C++ compiler" in reason and "quantgui-test-g++" in reason


@pytest.mark.slow
def test_registry_finds_the_engine_and_it_does_not_import_torchao_on_import():
    engine = get_engine("pt2e")
    assert isinstance(engine, Pt2eEngine) and engine.save_formats == ("pt2",)
    assert engine.unsupported_reason(nn.Linear(2, 2), "float8") is not None
    assert engine.unsupported_reason(nn.Linear(2, 2), "qat") is None
    code = "import sys, quantgui.core.engines.pt2e; print('torchao' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120)
    assert out.stdout.strip() == "False"


def test_inductor_never_accumulates_int8_linear_sums_into_a_graph_input():
    """The root of a PT2E run changing the loaded validation data: inductor fused a residual
    ``x + linear(y)`` into a qlinear whose "sum" post-op writes into ``x`` in place, and took
    the graph's input (the caller's tensor) for ``x``. Checked on inductor's own IR, without
    compiling: the engine's patch refuses inputs and keeps the in-place sum for buffers of
    the graph's own."""
    from torch._inductor import ir
    from torch._inductor.fx_passes import mkldnn_fusion

    from quantgui.core.engines.pt2e import _no_sum_into_graph_inputs

    def box(buffer_type: type, name: str) -> ir.TensorBox:
        layout = ir.FixedLayout(torch.device("cpu"), torch.float32, [8, 32], [32, 1])
        return ir.TensorBox.create(buffer_type(name=name, layout=layout))

    graph_input, own = box(ir.InputBuffer, "arg0_1"), box(ir.Buffer, "buf0")
    flat = ir.TensorBox(ir.ReinterpretView(
        data=graph_input.data.data,
        layout=ir.FixedLayout(torch.device("cpu"), torch.float32, [256], [1])))
    _no_sum_into_graph_inputs()
    _no_sum_into_graph_inputs()  # once per process: a second call changes nothing
    can_be_inplace = mkldnn_fusion._qlinear_binary_can_be_inplace
    assert not can_be_inplace(graph_input) and not can_be_inplace(flat)
    assert can_be_inplace(own)
