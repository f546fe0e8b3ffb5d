"""A layer reported as quantized has no "kept float" note (issue 17): the stem convolution of a
Hugging Face ResNet is a unit of its own inside code FX cannot trace, converted to int8, and its
row said "Quantized: yes" beside "kept float: FX cannot trace ...". The notes a method gives say
why a layer stayed float; a converted layer gets its technique's int8 note, in the plan and in
the run's records alike."""

from __future__ import annotations

import pytest

from quantgui.core.analysis import plan_layers
from quantgui.core.events import drive
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for
from quantgui.core.sources import open_user_model
from quantgui.core.techniques import get_technique
from tests.fixtures import hf

STEM = "model.resnet.embedder.embedder.convolution"


@pytest.mark.slow
def test_a_quantized_layer_inside_untraceable_code_says_it_is_int8(tmp_path):
    loaded = open_user_model(str(hf.resnet(tmp_path / "resnet")), data="random")
    recipe = recipe_for("static", engine="torch_ao", threads=1, calibration_batches=1)
    result = drive(run(loaded, recipe))
    records = {layer.name: layer for layer in result.layers}
    assert records[STEM].quantized
    assert records[STEM].note.startswith(get_technique("static").int8_note), records[STEM].note
    for layer in result.layers:
        if layer.quantized:
            assert "kept float" not in layer.note, (layer.name, layer.note)
        elif layer.name.startswith("model.resnet.encoder."):  # float: its parent is why
            assert "FX cannot trace" in layer.note or layer.note.startswith("fused into")
    planned = {p.name: p for p in plan_layers(loaded, recipe)}
    assert planned[STEM].status == "int8" and "kept float" not in planned[STEM].reason
