"""The torchao weight-only engine on the digits MLP: real quantize_, real inductor compiles."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from quantgui.core import pipeline
from quantgui.core.demos import load_demo
from quantgui.core.engines import get_engine
from quantgui.core.engines.base import EngineBuild
from quantgui.core.engines.weight_only import (
    INT8_NOTE,
    KEPT_NOTE,
    CompiledModel,
    WeightOnlyEngine,
    float8_unavailable_reason,
    int4_unavailable_reason,
)
from quantgui.core.errors import ModelError, RecipeError
from quantgui.core.events import CancelToken, LogMessage, drive
from quantgui.core.metrics import agreement, predict, state_dict_size_bytes
from quantgui.core.recipes import recipe_for

from ..helpers import assert_state_equal, random_loaded, state_snapshot


class Built:
    """One build with fc3 kept in float (the pipeline test covers the all-int8 case)."""

    def __init__(self) -> None:
        self.loaded = load_demo("digits-mlp")
        self.before = state_snapshot(self.loaded.model)
        self.events: list = []
        self.engine = WeightOnlyEngine()
        self.build: EngineBuild = drive(
            self.engine.build(self.loaded, recipe_for("dynamic", engine="weight_only", threads=2,
                                                      keep_float=["fc3"]), CancelToken()),
            self.events.append)
        self.inputs = self.loaded.data.val_inputs
        self.original = predict(self.loaded.model, self.inputs, 32)

    def record(self, name: str):
        return next(r for r in self.build.layers if r.name == name)

    def logs(self) -> str:
        return "\n".join(e.text for e in self.events if isinstance(e, LogMessage))


@pytest.fixture(scope="module")
def built() -> Built:
    return Built()


def test_registered_available_and_says_what_it_does():
    engine = get_engine("weight_only")
    assert isinstance(engine, WeightOnlyEngine)
    assert engine.unavailable_reason() is None
    assert engine.techniques == ("dynamic",) and engine.save_formats == ("state_dict",)
    assert "activations stay float" in engine.description
    assert "no speed-up" in engine.description
    assert "static" in engine.unsupported_reason(load_demo("digits-mlp").model, "static")


@pytest.mark.slow
def test_quantized_model_runs_and_agrees(built):
    # 359 validation samples in batches of 32: the last batch (7) has another size
    outputs = predict(built.build.quantized, built.inputs, 32)
    assert outputs.shape == built.original.shape
    assert agreement(built.original, outputs).sqnr_db >= 20.0
    reference = predict(built.build.reference, built.inputs, 32)
    assert agreement(built.original, reference).sqnr_db >= 80.0  # compiled float32


@pytest.mark.slow
def test_other_batch_sizes_do_not_recompile_endlessly(built):
    from torch._dynamo.utils import counters

    eager = built.build.extra["eager_quantized"]
    model = built.build.quantized
    model(built.inputs[:1])  # size 1 is specialised apart: at most one graph of its own
    before = counters["stats"]["unique_graphs"]
    with torch.no_grad():  # neither grad mode nor a non-inference tensor recompiles
        for size in (2, 3, 5, 9, 17, 31, 32, 33, 64):
            batch = built.inputs[:size]
            assert torch.allclose(model(batch), eager(batch), atol=1e-4)
    assert counters["stats"]["unique_graphs"] - before == 0


def test_size_is_about_a_quarter(built):
    float_size = state_dict_size_bytes(built.loaded.model)
    assert built.build.size_bytes < 0.4 * float_size
    assert built.build.size_bytes == len(built.build.artifact)
    assert built.build.reference_size_bytes == float_size


def test_linear_layers_int8_and_keep_float_respected(built):
    assert isinstance(built.build.quantized, CompiledModel)
    for name in ("fc1", "fc2"):
        record = built.record(name)
        assert record.quantized and record.note == INT8_NOTE
        assert "Int8Tensor" in record.quantized_type
        assert record.weight_sqnr_db is not None and record.weight_sqnr_db > 30
        assert record.output_sqnr_db is not None and record.output_sqnr_db > 30
    kept = built.record("fc3")
    assert not kept.quantized and kept.note == KEPT_NOTE
    assert not built.record("relu1").quantized
    eager = built.build.extra["eager_quantized"]
    assert type(eager.fc3.weight) is nn.Parameter
    assert type(eager.fc1.weight).__name__ == "Int8Tensor"


def test_user_model_unchanged(built):
    assert_state_equal(built.loaded.model, built.before)
    assert type(built.loaded.model.fc1.weight) is nn.Parameter


def test_compile_time_apart_and_honest_messages(built):
    seconds = built.build.prepare_seconds
    assert seconds["compile"] > 0 and seconds["compile_float"] > 0 and "quantize" in seconds
    logs = built.logs()
    assert "no speed-up on CPU" in logs and "4x smaller" in logs
    for reason in (int4_unavailable_reason(), float8_unavailable_reason()):
        if reason:
            assert reason in logs


def test_int4_and_float8_reasons_on_this_machine():
    if torch.version.cuda is None or not torch.cuda.is_available():
        assert "CUDA" in int4_unavailable_reason() and "CUDA" in float8_unavailable_reason()
    int4 = int4_unavailable_reason()
    import importlib.util

    if importlib.util.find_spec("mslk") is None:
        assert "mslk" in int4


def test_save_and_load_back(built, tmp_path):
    engine = built.engine
    path = tmp_path / "model.pt"
    path.write_bytes(engine.save_bytes(built.build, "state_dict"))
    eager = built.build.extra["eager_quantized"]
    expected = predict(eager, built.inputs, 32)
    loaded = engine.load_saved(path, "state_dict", build=built.build)
    assert type(loaded.fc1.weight).__name__ == "Int8Tensor"
    assert type(loaded.fc3.weight) is nn.Parameter
    assert torch.equal(predict(loaded, built.inputs, 32), expected)
    with pytest.raises(RecipeError):
        engine.save_bytes(built.build, "pt2")
    stray = tmp_path / "stray.pt"
    stray.write_bytes(path.read_bytes())
    with pytest.raises(ModelError, match="architecture"):
        engine.load_saved(stray, "state_dict")
    broken = tmp_path / "broken.pt"
    broken.write_bytes(b"not a state_dict")
    with pytest.raises(ModelError):
        engine.load_saved(broken, "state_dict", build=built.build)


def test_recipe_settings_it_cannot_honour_are_refused():
    engine = WeightOnlyEngine()
    loaded = load_demo("digits-mlp")
    for settings, words in (({"dtype": "float16"}, "int8 weights only"),
                            ({"keep_float": ["nope"]}, "no layer named"),
                            ({"layer_types": ["LSTM"]}, "only Linear")):
        recipe = recipe_for("dynamic", engine="weight_only", **settings)
        with pytest.raises(RecipeError, match=words):
            drive(engine.build(loaded, recipe, CancelToken()))


@pytest.mark.slow
def test_pipeline_end_to_end():
    loaded = load_demo("digits-mlp")
    result = drive(pipeline.run(loaded, recipe_for("dynamic", engine="weight_only", threads=2)))
    assert result.engine == "weight_only"
    assert result.reference is not None and result.reference.latency.median_ms > 0
    assert result.prepare_seconds["compile"] > 0
    assert result.agreement.sqnr_db >= 20.0
    assert [r.name for r in result.layers if r.quantized] == ["fc1", "fc2", "fc3"]
    assert result.quantized.size_bytes < 0.4 * result.original.size_bytes
    assert result.to_report()["engine_float32"] is not None


def test_model_without_linear_refused_before_anything_runs():
    model = nn.Sequential(nn.Conv2d(1, 2, 3), nn.Flatten())
    loaded = random_loaded(model, (1, 8, 8))
    before = state_snapshot(model)
    run = pipeline.run(loaded, recipe_for("dynamic", engine="weight_only"))
    with pytest.raises(RecipeError, match="only quantizes nn.Linear"):
        next(run)
    assert_state_equal(model, before)
