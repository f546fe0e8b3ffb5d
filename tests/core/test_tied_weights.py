"""Tied weights stay tied: a head that shares its weight with the token embedding is kept
float (or, on ONNX Runtime, made int8 together with the embedding), so the quantized model is
never larger than the float one, and the notes, the Log and the layer plan say why. GPT-2
with its LM head tied came out at 1.05x (dynamic) and 1.07x (static) of the float size."""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

import pytest
import torch
from torch import nn

from quantgui.core import analysis, metrics
from quantgui.core.engines import engine_names, get_engine
from quantgui.core.events import LogMessage, drive
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for
from quantgui.core.techniques import technique_names

from .helpers import random_loaded


@pytest.fixture(autouse=True)
def _quick_latency(monkeypatch):
    monkeypatch.setattr(metrics, "stream_latencies", functools.partial(
        metrics.stream_latencies, rounds=1, warmup=1, max_seconds=0.0, min_rounds=1))


class TiedLM(nn.Module):
    """A token embedding, a block and a head that reads its weight from the embedding. The
    vocabulary is large beside the block, as in language models: an int8 copy of the head
    beside the float embedding outweighs what the block gains."""

    def __init__(self, vocabulary: int = 3000, width: int = 32) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocabulary, width)
        self.block = nn.Sequential(nn.Linear(width, 64), nn.ReLU(), nn.Linear(64, width))
        self.head = nn.Linear(width, vocabulary, bias=False)
        self.head.weight = self.embed.weight

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        hidden = self.embed(x.long()).mean(1)
        return self.head(hidden + self.block(hidden))


def _events(stream):
    logs = []
    while True:
        try:
            event = next(stream)
        except StopIteration as stop:
            return stop.value, logs
        if isinstance(event, LogMessage):
            logs.append(event.text)


def _tied_loaded():
    torch.manual_seed(0)
    loaded = random_loaded(TiedLM(), (6,), classes=3000)
    data = loaded.data
    # token ids as the model reads them (the helper's inputs are random floats)
    tokens = [(t.abs() * 1000).long().clamp(max=2999).float()
              for t in (data.train_inputs, data.val_inputs)]
    loaded.data = replace(data, train_inputs=tokens[0], val_inputs=tokens[1])
    return loaded


@pytest.mark.parametrize("technique", ["dynamic", "static", "qat"])
def test_a_head_tied_to_its_embedding_stays_float_and_shared(technique):
    loaded = _tied_loaded()
    settings = {"epochs": 1} if technique == "qat" else {}
    recipe = recipe_for(technique, threads=1, batch_size=16, **settings)
    result, logs = _events(run(loaded, recipe))
    assert result.quantized.size_bytes <= result.original.size_bytes, (
        result.quantized.size_bytes, result.original.size_bytes)
    layers = {layer.name: layer for layer in result.layers}
    assert not layers["head"].quantized
    assert layers["head"].note.startswith("kept float: shares its weight with embed")
    assert layers["block.0"].quantized  # the rest is quantized as before
    assert any("head shares its weight with embed" in line for line in logs)
    model = result.quantized_model
    assert model.get_submodule("head").weight is model.get_submodule("embed").weight
    # the user's model is unchanged and still tied
    assert loaded.model.head.weight is loaded.model.embed.weight
    # the layer plan (before a run) says the same
    planned = {layer.name: layer for layer in analysis.plan_layers(loaded, recipe)}
    assert planned["head"].status == "float"
    assert planned["head"].reason.startswith("kept float: shares its weight with embed")


def test_a_head_kept_float_by_request_keeps_that_note():
    loaded = _tied_loaded()
    result = drive(run(loaded, recipe_for("dynamic", threads=1, keep_float=("head",))))
    head = next(layer for layer in result.layers if layer.name == "head")
    assert head.note == "kept in float by request"
    assert result.quantized.size_bytes <= result.original.size_bytes


def _gpt2(folder: Path) -> Path:
    """GPT-2 with its LM head tied to the token embedding, its vocabulary large beside one
    block (as in GPT-2, whose 50k x 768 embedding outweighs a block 12 times over)."""
    from transformers import GPT2Config, GPT2LMHeadModel

    torch.manual_seed(0)
    config = GPT2Config(vocab_size=12000, n_positions=16, n_embd=128, n_layer=1, n_head=2,
                        bos_token_id=0, eos_token_id=0, tie_word_embeddings=True,
                        architectures=["GPT2LMHeadModel"])
    GPT2LMHeadModel(config).eval().save_pretrained(folder, safe_serialization=True)
    return folder


@pytest.fixture(scope="module")
def gpt2(tmp_path_factory):
    from quantgui.core.sources import open_user_model

    loaded = open_user_model(str(_gpt2(tmp_path_factory.mktemp("gpt2") / "gpt2")),
                             input_shape=(8,))
    model = loaded.model.model
    assert model.lm_head.weight is model.transformer.wte.weight
    data = loaded.data
    loaded.data = replace(data, train_inputs=data.train_inputs[:16],
                          val_inputs=data.val_inputs[:8])
    return loaded


@pytest.mark.slow
@pytest.mark.parametrize("engine", engine_names())
def test_gpt2_with_a_tied_head_is_smaller_on_every_engine(gpt2, engine):
    if get_engine(engine).unavailable_reason():
        pytest.skip(get_engine(engine).unavailable_reason())
    ran = 0
    for technique in technique_names():
        if technique not in get_engine(engine).techniques or get_engine(
                engine).unsupported_reason(gpt2.model, technique):
            continue
        settings = {"engine": engine, "threads": 1, "batch_size": 8}
        settings.update({"static": {"calibration_batches": 1}, "qat": {"epochs": 1}}.get(
            technique, {}))
        result, logs = _events(run(gpt2, recipe_for(technique, **settings)))
        ran += 1
        ratio = result.quantized.size_bytes / result.original.size_bytes
        assert ratio <= 1.0, (engine, technique, ratio)
        layers = {layer.name: layer for layer in result.layers}
        head, embedding = "model.lm_head", "model.transformer.wte"
        if engine == "onnxruntime":
            if technique == "dynamic":  # the ONNX file holds the weight twice: both int8
                assert layers[embedding].quantized and "shares its weight" in \
                    layers[embedding].note, layers[embedding]
                assert any("shares its weight with" in line for line in logs)
            continue
        assert not layers[head].quantized, (engine, technique, layers[head])
        assert layers[head].note.startswith(
            f"kept float: shares its weight with {embedding}"), (engine, technique)
        assert any(f"{head} shares its weight with {embedding}" in line for line in logs)
    assert ran
