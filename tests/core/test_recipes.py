import pytest
import torch

from quantgui.core.errors import RecipeError
from quantgui.core.recipes import (
    DynamicRecipe,
    QatRecipe,
    Recipe,
    StaticRecipe,
    recipe_for,
)


@pytest.mark.parametrize("recipe", [
    DynamicRecipe(layer_types=("Linear", "GRU"), dtype="float16", threads=1),
    StaticRecipe(observer="minmax", per_channel=False, calibration_batches=4, reduce_range=False,
                 keep_float=("fc1",)),
    QatRecipe(epochs=5, learning_rate=3e-4, optimizer="sgd", freeze_observers_epoch=3,
              freeze_bn_epoch=2, loss="distillation", backend="onednn"),
])
def test_json_round_trip_keeps_every_setting(recipe):
    again = Recipe.from_json(recipe.to_json())
    assert type(again) is type(recipe)
    assert again == recipe
    assert again.to_dict()["method"] == recipe.method


@pytest.mark.parametrize("settings, fragment", [
    ({"method": "static", "observer": "median"}, "Unknown observer"),
    ({"method": "static", "calibration_batches": 0}, "out of range"),
    ({"method": "qat", "epochs": "three"}, "must be a number"),
    ({"method": "qat", "learning_rate": -1.0}, "out of range"),
    ({"method": "dynamic", "layer_types": ["Conv2d"]}, "does not support layer type"),
    ({"method": "dynamic", "layer_types": []}, "at least one layer type"),
    ({"method": "static", "backend": "tpu"}, "Unknown backend"),
    ({"method": "static", "colour": "red"}, "Unknown setting"),
    ({"method": "sparse"}, "Unknown method"),
])
def test_invalid_settings_are_refused_with_a_clear_message(settings, fragment):
    with pytest.raises(RecipeError) as error:
        Recipe.from_dict(settings)
    assert fragment in str(error.value)


def test_invalid_json_is_refused():
    with pytest.raises(RecipeError, match="not valid JSON"):
        Recipe.from_json("{method: static")


@pytest.mark.parametrize("backend", ["qnnpack", "onednn"])
def test_float16_dynamic_on_backends_without_kernel_cannot_run(backend):
    recipe = recipe_for("dynamic", dtype="float16", backend=backend)
    with pytest.raises(RecipeError, match="no kernel"):
        recipe.check_runnable()


@pytest.mark.skipif(torch.cuda.is_available(), reason="needs a machine without CUDA")
def test_qat_on_cuda_without_gpu_cannot_run():
    with pytest.raises(RecipeError, match="no usable CUDA"):
        recipe_for("qat", device="cuda").check_runnable()


def test_defaults_are_runnable_here():
    for method in ("dynamic", "static", "qat"):
        recipe_for(method).check_runnable()


def test_reduce_range_follows_vnni_when_automatic(monkeypatch):
    import quantgui.core.recipes as recipes

    monkeypatch.setattr(recipes, "vnni_supported", lambda: True)
    assert StaticRecipe().effective_reduce_range is False
    monkeypatch.setattr(recipes, "vnni_supported", lambda: False)
    assert StaticRecipe().effective_reduce_range is True
    assert StaticRecipe(reduce_range=False).effective_reduce_range is False
