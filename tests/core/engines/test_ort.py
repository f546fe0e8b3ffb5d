"""The ONNX Runtime engine on the digits demos: real export, real ORT kernels, no mocks."""

from __future__ import annotations

import copy
import logging
import math
import pickle

import numpy as np
import onnx
import pytest
import torch

from quantgui.core.data import DataBundle
from quantgui.core.demos import LoadedModel, load_demo
from quantgui.core.engines import get_engine
from quantgui.core.engines.base import EngineBuild
from quantgui.core.engines.ort import OnnxRuntimeEngine, OrtSessionModule
from quantgui.core.errors import Cancelled, RecipeError
from quantgui.core.events import CancelToken, Progress, drive
from quantgui.core.metrics import agreement, predict
from quantgui.core.recipes import recipe_for

from ..helpers import assert_state_equal, state_snapshot

CASES = [("digits-mlp", "static"), ("digits-cnn", "static"), ("digits-mlp", "dynamic"),
         ("digits-cnn", "dynamic")]


class Built:
    def __init__(self, demo: str, method: str, **settings) -> None:
        self.loaded = load_demo(demo)
        self.before = state_snapshot(self.loaded.model)
        self.events: list = []
        self.build: EngineBuild = drive(
            OnnxRuntimeEngine().build(self.loaded, recipe_for(method, threads=2, **settings),
                                      CancelToken()), self.events.append)
        self.inputs = self.loaded.data.val_inputs
        self.original = predict(self.loaded.model, self.inputs, 32)

    def record(self, name: str):
        return next(r for r in self.build.layers if r.name == name)


@pytest.fixture(scope="module")
def built():
    cache: dict[tuple, Built] = {}

    def get(demo: str, method: str, **settings) -> Built:
        key = (demo, method, tuple(sorted(settings.items())))
        if key not in cache:
            cache[key] = Built(demo, method, **settings)
        return cache[key]
    return get


def test_registered_and_available():
    engine = get_engine("onnxruntime")
    assert isinstance(engine, OnnxRuntimeEngine)
    assert engine.unavailable_reason() is None
    assert engine.techniques == ("static", "dynamic") and engine.save_formats == ("onnx",)


def test_qat_is_refused_before_and_at_the_run():
    loaded = load_demo("digits-mlp")
    engine = OnnxRuntimeEngine()
    assert "qat" in engine.unsupported_reason(loaded.model, "qat")
    assert engine.unsupported_reason(loaded.model, "static") is None
    with pytest.raises(RecipeError, match="qat"):
        drive(engine.build(loaded, recipe_for("qat"), CancelToken()))


@pytest.mark.parametrize("demo, method", CASES)
def test_quantized_session_agrees_with_the_float_original(built, demo, method):
    run = built(demo, method)
    quantized = predict(run.build.quantized, run.inputs, 32)
    assert quantized.dtype == torch.float32 and quantized.shape == run.original.shape
    result = agreement(run.original, quantized)
    assert result.sqnr_db >= 20.0, f"{demo} {method}: {result.sqnr_db:.1f} dB"
    assert not math.isinf(result.sqnr_db)  # something really was quantized
    assert any(r.quantized for r in run.build.layers)
    assert run.build.size_bytes < run.build.reference_size_bytes
    assert_state_equal(run.loaded.model, run.before)  # the user's model is untouched
    # the dynamic batch axis: other batch sizes than the export's run too
    for size in (1, 7):
        assert run.build.quantized(run.inputs[:size]).shape == (size, 10)


@pytest.mark.parametrize("demo, method", CASES[:2])
def test_float_reference_session_matches_pytorch(built, demo, method):
    run = built(demo, method)
    reference = predict(run.build.reference, run.inputs, 32)
    assert agreement(run.original, reference).sqnr_db >= 60.0
    assert isinstance(run.build.reference, OrtSessionModule)
    assert {"export", "calibrate", "session"} <= set(run.build.prepare_seconds)


def test_static_records_say_which_layers_run_in_int8(built):
    cnn = built("digits-cnn", "static")
    for name in ("block1.0", "block2.0", "block3.0"):
        record = cnn.record(name)
        assert record.quantized and record.quantized_type == "onnx::QLinearConv", record
        assert "QuantizeLinear/DequantizeLinear" in record.note
        assert record.weight_sqnr_db > 30 and record.accumulated_sqnr_db > 20
        assert record.error_source == "onnxruntime qdq_loss_debug"
    bn = cnn.record("block1.1")
    assert not bn.quantized and "folded it into block1.0" in bn.note
    assert cnn.record("classifier").quantized_type == "onnx::QGemm"
    assert any(isinstance(e, Progress) and e.stage == "calibrating" and e.current == e.total
               for e in cnn.events)


def test_dynamic_records_keep_convolutions_float(built):
    cnn = built("digits-cnn", "dynamic")
    assert not cnn.record("block1.0").quantized
    assert "float32" in cnn.record("block1.0").note
    classifier = cnn.record("classifier")
    assert classifier.quantized and "activations quantized at run time" in classifier.note
    mlp = built("digits-mlp", "dynamic")
    assert [r.name for r in mlp.build.layers if r.quantized] == ["fc1", "fc2", "fc3"]


def test_keep_float_keeps_the_named_layer_float(built):
    run = built("digits-mlp", "static", keep_float=("fc2",))
    assert not run.record("fc2").quantized and run.record("fc2").note == "kept in float by request"
    assert run.record("fc2").quantized_type == "onnx::Gemm"  # what ORT runs: float Gemm
    assert run.record("fc1").quantized and run.record("fc3").quantized
    graph = onnx.load_from_string(run.build.artifact).graph
    weights = {i.name: i.data_type for i in graph.initializer}
    assert weights["fc2.weight"] == onnx.TensorProto.FLOAT  # stored float, not int8
    assert "fc1.weight" not in weights and weights["fc1.weight_quantized"] == onnx.TensorProto.INT8
    assert agreement(run.original, predict(run.build.quantized, run.inputs, 32)).sqnr_db >= 20


def test_unknown_keep_float_name_is_refused():
    with pytest.raises(RecipeError, match="no layer named 'fc9'"):
        drive(OnnxRuntimeEngine().build(load_demo("digits-mlp"),
                                        recipe_for("static", keep_float=("fc9",)),
                                        CancelToken()))


def test_onnx_round_trip_gives_identical_outputs(built, tmp_path):
    run = built("digits-cnn", "static")
    engine = OnnxRuntimeEngine()
    path = tmp_path / "model.onnx"
    path.write_bytes(engine.save_bytes(run.build, "onnx"))
    assert path.stat().st_size == run.build.size_bytes
    loaded = engine.load_saved(path, "onnx")
    with torch.inference_mode():
        assert torch.equal(loaded(run.inputs), run.build.quantized(run.inputs))
    # a copy (the window's what-if cache, pickling) opens its own session on the same model
    for clone in (copy.deepcopy(run.build.quantized), pickle.loads(pickle.dumps(loaded))):
        assert torch.equal(clone(run.inputs[:5]), run.build.quantized(run.inputs[:5]))


def test_cancel_during_calibration_stops_it():
    token = CancelToken()
    seen: list[Progress] = []

    def on_event(event) -> None:
        if isinstance(event, Progress) and event.stage == "calibrating":
            seen.append(event)
            token.cancel()

    with pytest.raises(Cancelled):
        drive(OnnxRuntimeEngine().build(load_demo("digits-cnn"), recipe_for("static"), token),
              on_event)
    assert len(seen) == 1 and seen[0].total > 1  # stopped at the next batch


def test_lstm_demo_quantizes_its_lstm_dynamically(built):
    run = built("digits-lstm", "dynamic")
    lstm = run.record("lstm")
    assert lstm.quantized and lstm.quantized_type == "onnx::DynamicQuantizeLSTM"
    assert agreement(run.original, predict(run.build.quantized, run.inputs, 32)).sqnr_db >= 20


def test_calibration_prints_nothing_to_stdout(capsys):
    # ORT's histogram calibrators print() their progress; the CLI's JSON goes to stdout
    drive(OnnxRuntimeEngine().build(load_demo("digits-mlp"),
                                    recipe_for("static", observer="histogram",
                                               calibration_batches=2), CancelToken()))
    assert capsys.readouterr().out == ""


def test_what_if_rerun_reuses_the_export(built):
    first = built("digits-mlp", "static")
    cache: dict = {}
    engine = OnnxRuntimeEngine()
    drive(engine.build(first.loaded, recipe_for("static"), CancelToken(), cache))
    assert cache
    events: list = []
    again = drive(engine.build(first.loaded, recipe_for("static", keep_float=("fc1",)),
                               CancelToken(), cache), events.append)
    assert any("Reused the ONNX model" in getattr(e, "text", "") for e in events)
    assert not next(r for r in again.layers if r.name == "fc1").quantized
    assert agreement(first.original, predict(again.quantized, first.inputs, 32)).sqnr_db >= 20


class Encoder(torch.nn.Module):
    """nn.TransformerEncoder: its fast path has no ONNX function, its layers sit in a
    ModuleList that leaves no scope in the ONNX node names."""

    def __init__(self) -> None:
        super().__init__()
        layer = torch.nn.TransformerEncoderLayer(32, 4, 64, batch_first=True)
        self.encoder = torch.nn.TransformerEncoder(layer, 2, enable_nested_tensor=False)
        self.head = torch.nn.Linear(32, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(x).mean(dim=1))


def test_transformer_encoder_exports_and_quantizes_dynamically():
    torch.manual_seed(0)
    data = DataBundle("random", torch.randn(64, 8, 32), torch.randn(32, 8, 32))
    loaded = LoadedModel("encoder", "", Encoder().eval(), data, "test")
    build = drive(OnnxRuntimeEngine().build(loaded, recipe_for("dynamic"), CancelToken()))
    assert torch.backends.mha.get_fastpath_enabled()  # restored after the export
    assert build.extra["exporter"] == "torch.onnx.export (TorchScript)"
    records = {r.name: r for r in build.layers}
    assert records["encoder.layers.1.linear1"].quantized
    assert records["encoder.layers.0.linear2"].quantized_type == "onnx::DynamicQuantizeMatMul"
    assert not records["encoder.layers.0.norm1"].quantized
    original = predict(loaded.model, data.val_inputs, 16)
    assert agreement(original, predict(build.quantized, data.val_inputs, 16)).sqnr_db >= 20


@pytest.mark.filterwarnings("ignore::FutureWarning")  # torch.export's own pytree notice
@pytest.mark.slow
def test_torch_export_based_nodes_are_named_after_their_modules():
    # the fallback exporter: its node names come from the module scopes each node records
    from quantgui.core.engines.ort import ModuleScopes, _rename_dynamo_nodes

    loaded = load_demo("digits-cnn")
    program = torch.onnx.export(loaded.model, (loaded.data.val_inputs[:2],), None, dynamo=True,
                                verbose=False, dynamic_shapes=({0: torch.export.Dim("batch")},))
    proto = program.model_proto
    _rename_dynamo_nodes(proto, loaded.model)
    scopes = ModuleScopes(loaded.model)
    owners = {n.op_type: set() for n in proto.graph.node}
    for node in proto.graph.node:
        owners[node.op_type].add(scopes.module(node.name))
    # BatchNorm folded into the Conv keeps the BN's scope; it is given back to the Conv
    assert owners["Conv"] == {"block1.0", "block2.0", "block3.0"}
    assert owners["Gemm"] == {"classifier"}


class ConvBnNet(torch.nn.Module):
    """Conv-BN-ReLU blocks with fresh batch-norms: the exporter folds them into convolutions
    whose identical zero biases share one initializer, which quantize_static copies per node
    under new names; the ReLU6 exports as Clip with constant bounds."""

    def __init__(self) -> None:
        super().__init__()
        nn = torch.nn

        def block(cin: int, relu: nn.Module) -> nn.Sequential:
            return nn.Sequential(nn.Conv2d(cin, 8, 3, padding=1, bias=False),
                                 nn.BatchNorm2d(8), relu)

        self.block1 = block(1, nn.ReLU())
        self.block2 = block(8, nn.ReLU6())
        self.block3 = block(8, nn.ReLU())
        self.head = nn.Linear(8, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.block3(self.block2(self.block1(x))).mean((2, 3)))


@pytest.fixture(scope="module")
def conv_bn():
    torch.manual_seed(0)
    data = DataBundle("random", torch.randn(64, 1, 8, 8), torch.randn(32, 1, 8, 8))
    return LoadedModel("conv-bn", "", ConvBnNet().eval(), data, "test")


def test_convnet_layers_get_weight_and_accumulated_errors_quietly(conv_bn, caplog):
    build = drive(OnnxRuntimeEngine().build(
        conv_bn, recipe_for("static", threads=2, calibration_batches=2, observer="minmax"),
        CancelToken()))
    # qdq_loss_debug.create_weight_matching logged "weight tensor ... not found!" per bias copy
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    records = {r.name: r for r in build.layers}
    for name in ("block1.0", "block2.0", "block3.0", "head"):
        record = records[name]
        assert record.quantized, record
        assert 30.0 < record.weight_sqnr_db < 80.0, record  # int8 per channel: about 48 dB
        assert record.accumulated_sqnr_db is not None, record  # block2: through the Clip
        assert record.error_source == "onnxruntime qdq_loss_debug"


def test_weights_are_matched_by_node_as_onnxruntime_dequantizes_them(conv_bn, tmp_path, caplog):
    from onnxruntime.quantization import (
        CalibrationDataReader,
        QuantFormat,
        quantize_static,
    )
    from onnxruntime.quantization import qdq_loss_debug as debug

    from quantgui.core.engines.ort import _dequantized_weights, _pre_process, export_onnx

    raw, float_path, qdq_path = (tmp_path / n for n in ("raw.onnx", "float.onnx", "q.onnx"))
    raw.write_bytes(export_onnx(conv_bn.model, conv_bn.data.val_inputs[:2])[0])
    assert _pre_process(raw, float_path) is None

    class Reader(CalibrationDataReader):
        def __init__(self) -> None:
            self.batches = iter([{"input": conv_bn.data.train_inputs[:16].numpy()}])

        def get_next(self) -> dict | None:
            return next(self.batches, None)

    quantize_static(str(float_path), str(qdq_path), Reader(), quant_format=QuantFormat.QDQ,
                    per_channel=True)
    # the case being fixed: onnxruntime's own matching misses the per-node bias copies
    matched = debug.create_weight_matching(str(float_path), str(qdq_path))
    assert any("not found" in r.getMessage() for r in caplog.records)
    float_graph = onnx.load(str(float_path)).graph
    float_weights = {n.name: n.input[1] for n in float_graph.node if len(n.input) > 1}
    ours = _dequantized_weights(onnx.load(str(qdq_path)).graph)
    assert {"/block1/block1.0/Conv", "/block2/block2.0/Conv", "/block3/block3.0/Conv",
            "/head/Gemm"} <= set(ours)
    for node, dequantized in ours.items():
        assert float_weights[node] in matched, node  # the weights themselves keep their names
        assert np.allclose(dequantized, matched[float_weights[node]]["dequantized"], atol=1e-6)
