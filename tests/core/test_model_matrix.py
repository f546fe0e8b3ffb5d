"""Issue 12, "Make them fit": every technique on every engine completes on Hugging Face
ResNet, MobileNetV2, ViT, BERT and GPT-2 folders, or refuses with the app's own error, whose
message says what to do. Tiny configs (tests/fixtures/hf.py); the full-size run of every
combination is bench/bench_real_models.py.

The engines that compile (PT2E, weight-only: two inductor compiles a run, seconds each) compile
once per model here: each model runs one technique on them, in a rotation that gives every
technique a convnet and a transformer (``COMPILED``); what they refuse before a run is still
asked for every technique. The eager engines run the whole matrix.
"""

from __future__ import annotations

import functools
import math
from dataclasses import replace

import pytest
import torch
from torch import nn

from quantgui.core import analysis, metrics
from quantgui.core.engines import engine_names, get_engine
from quantgui.core.errors import QuantGUIError
from quantgui.core.events import drive
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for
from quantgui.core.sources import open_user_model
from quantgui.core.techniques import technique_names

MODELS = {"resnet": (3, 20, 20), "mobilenet_v2": None, "vit": None, "bert_classifier": (8,),
          "gpt2": (8,)}
ENGINES = engine_names()
TECHNIQUES = technique_names()
# the one technique each model runs on the engines that compile (None: not run there; the
# weight-only engine quantizes Linear layers, which a convnet has one of, its classifier)
COMPILED = {
    "pt2e": {"resnet": "qat", "mobilenet_v2": "static", "vit": "dynamic",
             "bert_classifier": "static", "gpt2": "qat"},
    "weight_only": {"resnet": None, "mobilenet_v2": None, "vit": "dynamic",
                    "bert_classifier": "dynamic", "gpt2": "dynamic"},
}


@pytest.fixture(autouse=True)
def _offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture(autouse=True)
def _quick_latency(monkeypatch):
    """One warm-up and one timed round: the matrix checks that runs complete, not speed."""
    monkeypatch.setattr(metrics, "stream_latencies", functools.partial(
        metrics.stream_latencies, rounds=1, warmup=1, max_seconds=0.0, min_rounds=1))


@pytest.fixture(autouse=True)
def _small_error_budget(monkeypatch):
    """Per-layer error on fewer samples than given (every model is \"large\"): each engine
    that measures it says on how many, as the pipeline's own measure does."""
    monkeypatch.setattr(analysis, "ERROR_VALUES", 1)


def _estimate_batch_norm(model: nn.Module, inputs: torch.Tensor) -> None:
    """Batch-norm statistics of the inputs: with the initial ones a random MobileNetV2's
    activations die out (logits of 1e-26) and no SQNR means anything."""
    norms = [m for m in model.modules() if isinstance(m, nn.modules.batchnorm._BatchNorm)]
    for norm in norms:
        norm.reset_running_stats()
        norm.momentum = 1.0  # the statistics of this one batch
    if norms:
        model.train()
        with torch.no_grad():
            model(inputs)
        model.eval()
    for norm in norms:
        norm.momentum = 0.1


@pytest.fixture(scope="module")
def opened(tmp_path_factory):
    """Each folder opened once, as a user opens it, with 24 samples (16 to train)."""
    from tests.fixtures import hf

    root = tmp_path_factory.mktemp("matrix")
    models = {}
    for name, shape in MODELS.items():
        folder = getattr(hf, name)(root / name)
        loaded = open_user_model(str(folder), input_shape=shape)
        data = loaded.data
        _estimate_batch_norm(loaded.model, data.train_inputs[:16])
        loaded.data = replace(data, train_inputs=data.train_inputs[:16],
                              val_inputs=data.val_inputs[:8])
        models[name] = loaded
    return models


def _settings(technique: str, engine: str) -> dict:
    settings = {"engine": engine, "threads": 1, "batch_size": 8}
    if technique == "static":
        settings["calibration_batches"] = 1
    if technique == "qat":
        settings["epochs"] = 1
    return settings


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("model", list(MODELS))
@pytest.mark.slow
def test_every_technique_completes_or_refuses_clearly(opened, model, engine):
    loaded = opened[model]
    reason = get_engine(engine).unavailable_reason()
    if reason:
        pytest.skip(reason)
    outcomes = {}
    for technique in TECHNIQUES:
        if (engine in COMPILED and technique != COMPILED[engine][model]
                and not get_engine(engine).unsupported_reason(loaded.model, technique)):
            continue  # compiled for another technique on this model (see COMPILED)
        recipe = recipe_for(technique, **_settings(technique, engine))
        try:
            result = drive(run(loaded, recipe))
        except QuantGUIError as error:
            # a refusal: one line on what is wrong, and a way out
            assert error.hint or "." in error.message, error
            assert "\n" not in error.message.strip(), error.message
            outcomes[technique] = f"refused: {error}"
            continue
        assert math.isfinite(result.agreement.sqnr_db), (technique, result.agreement)
        assert result.quantized.size_bytes > 0 and result.original.size_bytes > 0
        assert torch.isfinite(result.quantized_outputs).all()
        sampling = result.error_sampling
        if engine in ("torch_ao", "pt2e") or (engine, technique) == ("onnxruntime", "static"):
            # measured on the samples the budget allows, and said so
            assert sampling is not None, (technique, engine)
        if sampling is not None:
            assert (sampling.samples, sampling.available) == (analysis.MIN_ERROR_SAMPLES, 8)
            assert result.to_report()["layer_error_samples"]["samples"] == sampling.samples
            assert any(layer.accumulated_sqnr_db is not None for layer in result.layers), \
                (technique, engine)
        outcomes[technique] = "completed"
    print(model, engine, outcomes)
    # every engine completes at least one technique on every model it runs
    if engine not in COMPILED or COMPILED[engine][model] is not None:
        assert any(outcome == "completed" for outcome in outcomes.values()), outcomes


def test_onnx_runtime_calibration_holds_a_bounded_number_of_batches(opened, monkeypatch):
    """ONNX Runtime's calibrators keep every activation of every batch until the end (12 GB
    on a BERT-base): fewer batches calibrate where a sample's activations would pass the
    budget, and the log says how many."""
    from quantgui.core.engines import ort
    from quantgui.core.events import LogMessage

    monkeypatch.setattr(ort, "CALIBRATION_BYTES", 1)
    logs: list[str] = []
    recipe = recipe_for("static", engine="onnxruntime", threads=1, batch_size=8,
                        calibration_batches=2)
    result = drive(run(opened["bert_classifier"], recipe),
                   lambda event: logs.append(event.text) if isinstance(event, LogMessage)
                   else None)
    assert any("Calibrated on 1 of 2 batches" in line for line in logs), logs
    # the attention mask's op types stay float, and the rest is int8
    assert any("hold infinite values" in line for line in logs), logs
    assert result.quantized_layer_count > 0 and math.isfinite(result.agreement.sqnr_db)


def test_gpt2s_conv1d_layers_open_as_linear_and_quantize(opened, tmp_path):
    """GPT-2's attention and MLP layers are transformers' Conv1D (a transposed Linear), which
    the engines' Linear quantization skipped: only the LM head was int8. Opened as Linear,
    with the same outputs, they are quantized."""
    from transformers import GPT2LMHeadModel

    loaded = opened["gpt2"]
    assert loaded.details["conv1d_as_linear"] == 4  # 1 block: c_attn, c_proj, c_fc, c_proj
    assert not any(type(m).__name__ == "Conv1D" for m in loaded.model.modules())
    from tests.fixtures import hf

    reference = GPT2LMHeadModel.from_pretrained(hf.gpt2(tmp_path / "gpt2"),
                                                local_files_only=True).eval()
    sample = loaded.data.val_inputs[:2]
    with torch.inference_mode():
        expected = reference(input_ids=sample[:, :8], attention_mask=sample[:, 8:]).logits
        assert torch.allclose(loaded.model(sample), expected, atol=1e-5)
    result = drive(run(loaded, recipe_for("dynamic", threads=1, batch_size=8)))
    quantized = {layer.name for layer in result.layers if layer.quantized}
    assert {"model.transformer.h.0.attn.c_attn", "model.transformer.h.0.mlp.c_fc"} <= quantized
    # the head shares its weight with the token embedding: kept float so they stay tied
    assert "model.lm_head" not in quantized
