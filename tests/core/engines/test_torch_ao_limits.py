"""What torch.ao's FX graph mode cannot do is refused in words that name the way out, and an
embedding no longer stops QAT."""

from __future__ import annotations

from pathlib import Path

import pytest

from quantgui.core.errors import QuantGUIError
from quantgui.core.events import CancelToken, drive
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for
from quantgui.core.sources import open_user_model

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "models.py"


@pytest.fixture(scope="module")
def vit_folder(tmp_path_factory):
    pytest.importorskip("transformers")
    from tests.fixtures import hf

    return hf.vit(tmp_path_factory.mktemp("vit"))


@pytest.mark.parametrize("technique", ["static", "qat"])
@pytest.mark.slow
def test_a_transformer_fx_cannot_rewrite_is_refused_with_the_engine_that_can(vit_folder,
                                                                              technique):
    loaded = open_user_model(str(vit_folder))
    recipe = recipe_for(technique, **({"epochs": 1} if technique == "qat" else {}))
    with pytest.raises(QuantGUIError) as caught:
        drive(run(loaded, recipe, CancelToken()))
    assert "torch.ao's FX graph mode cannot apply" in caught.value.message
    assert "PyTorch compiled (PT2E + inductor) (pt2e)" in caught.value.hint


def test_an_error_of_quantguis_own_is_not_dressed_as_an_fx_limit(monkeypatch):
    from quantgui.core.engines import torch_ao

    def broken(*args, **kwargs):
        raise KeyError("a bug of ours")
        yield  # a generator, as the technique's build is

    loaded = open_user_model(f"{FIXTURES}:TokenClassifier", input_shape=(12,))
    technique = torch_ao.get_technique("dynamic")
    monkeypatch.setattr(type(technique), "build_ao", lambda self, *a, **k: broken())
    with pytest.raises(KeyError):
        drive(run(loaded, recipe_for("dynamic"), CancelToken()))


def test_qat_trains_a_model_with_an_embedding_and_keeps_the_embedding_float():
    loaded = open_user_model(f"{FIXTURES}:TokenClassifier", input_shape=(12,))
    result = drive(run(loaded, recipe_for("qat", epochs=1), CancelToken()))
    layers = {layer.name: layer for layer in result.layers}
    assert not layers["embed"].quantized and "Embedding" in layers["embed"].note
    assert any(layer.quantized for layer in result.layers)
    assert result.agreement.sqnr_db > 20
