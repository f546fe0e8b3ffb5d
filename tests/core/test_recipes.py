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
    ({"method": "qat", "epochs": "three"}, "must be a whole number"),
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


# --- issue 10: every bad setting is one clear RecipeError, quoted at a readable length -------
@pytest.mark.parametrize("settings, fragment", [
    ({"method": "qat", "epochs": 1.5}, "epochs must be a whole number, not 1.5"),
    ({"method": "static", "calibration_batches": 2.5}, "must be a whole number, not 2.5"),
    ({"method": "qat", "learning_rate": float("nan")}, "must be a finite number, not nan"),
    ({"method": "qat", "learning_rate": float("inf")}, "must be a finite number, not inf"),
    ({"method": "qat", "epochs": float("inf")}, "must be a whole number, not inf"),
    ({"method": "qat", "learning_rate": 10**400}, "must be a finite number"),
    ({"method": "qat", "seed": -1}, "seed=-1 is out of range"),
    ({"method": "qat", "seed": 2**40}, "out of range"),
    ({"method": "qat", "seed": "7"}, "seed must be a whole number"),
    ({"method": "qat", "seed": float("nan")}, "seed must be a whole number"),
    ({"method": "static", "per_channel": "maybe"}, "per_channel must be true or false"),
    ({"method": "static", "per_channel": 2}, "per_channel must be true or false"),
    ({"method": "static", "per_channel": None}, "per_channel must be true or false"),
    ({"method": "static", "reduce_range": "sometimes"}, "reduce_range must be true or false"),
    ({"method": "static", "keep_float": "abc"}, "keep_float must be a list of names, not 'abc'"),
    ({"method": "static", "keep_float": [1, 2]}, "keep_float (each item) must be text"),
    ({"method": "static", "observer": 3}, "observer must be text"),
    ({"method": "qat", "freeze_bn_epoch": 0.5}, "freeze_bn_epoch must be a whole number"),
    ({"method": 7}, "Unknown method 7"),
    ({"method": [[[]]]}, "Unknown method"),
])
def test_wrong_types_are_refused_not_coerced(settings, fragment):
    with pytest.raises(RecipeError) as error:
        Recipe.from_dict(settings)
    assert fragment in str(error.value)
    assert error.value.hint  # and says what to do


@pytest.mark.parametrize("word, expected", [
    ("no", False), ("No", False), ("false", False), ("0", False), (0, False), (False, False),
    ("yes", True), ("TRUE", True), ("1", True), (1, True), (True, True)])
def test_booleans_accept_only_explicit_words(word, expected):
    # "no" used to be a non-empty string, so it counted as true
    recipe = Recipe.from_dict({"method": "static", "per_channel": word})
    assert recipe.per_channel is expected


def test_integral_floats_become_ints_and_lists_become_tuples():
    recipe = Recipe.from_dict({"method": "qat", "epochs": 2.0, "keep_float": ["fc1", "fc2"]})
    assert recipe.epochs == 2 and type(recipe.epochs) is int
    assert recipe.keep_float == ("fc1", "fc2")
    assert type(Recipe.from_dict({"method": "qat", "learning_rate": 1}).learning_rate) is float


def test_replace_is_validated_too():
    with pytest.raises(RecipeError, match="a list of names"):
        StaticRecipe().replace(keep_float="fc1")


@pytest.mark.parametrize("text, fragment", [
    ("[" * 100_000 + "]" * 100_000, "nests too deeply"),
    ('{"method": "qat", "epochs": ' + "9" * 5000 + "}", "not valid"),
    ('{"method": "qat", "epochs": NaN}', "must be a whole number, not nan"),
    ('{"method": "qat", "learning_rate": Infinity}', "must be a finite number"),
    ('"static"', "must be a JSON object"),
])
def test_hostile_json_is_one_clear_error(text, fragment):
    with pytest.raises(RecipeError, match=fragment):
        Recipe.from_json(text)


@pytest.mark.parametrize("settings", [
    {"method": "static", "observer": "x" * 1_000_000},
    {"method": "x" * 1_000_000},
    {"method": "static", "y" * 1_000_000: 1},
    {"method": "qat", "epochs": 10**5000},
    {"method": "static", "keep_float": ["z" * 1_000_000, 5]},
])
def test_huge_values_are_quoted_at_a_readable_length(settings):
    with pytest.raises(RecipeError) as error:
        Recipe.from_dict(settings)
    assert len(str(error.value)) < 400


# --- recipe files (issue 17): the command line's --recipe and the window's Open recipe ------
def _bytes(text: str) -> bytes:
    return text.encode("utf-8")


HOSTILE_RECIPE_FILES = [
    # (what is written, words of the one message besides the file's name)
    (b"\xff\xfe{\"method\": \"dynamic\"}", ["is not a JSON recipe", "not UTF-8 text",
                                            "byte 0xff at position 0"]),
    ('{"method": "dynamic"}'.encode("utf-16"), ["not UTF-8 text"]),
    (_bytes("[" * 100_000 + "]" * 100_000), ["nests too deeply"]),
    (_bytes('{"method": "dynamic", "threads": ' + "[" * 100_000 + "]" * 100_000 + "}"),
     ["nests too deeply"]),
    (_bytes('{"method": "dynamic", "model_args": {"a": ' + "[" * 40 + "]" * 40 + "}}"),
     ["nests too deeply"]),
    (_bytes('{"method": "dynamic", "threads": ' + "9" * 5000 + "}"),
     ["the setting threads", "5000 digits"]),
    (_bytes('{"method": "dynamic", "model_args": {"n": -' + "9" * 5000 + "}}"),
     ["the setting model_args", "5000 digits"]),
    (_bytes('{"method": "dynamic", "model_args": [1, 2]}'),
     ["The setting model_args must be a JSON object", "[1, 2]"]),
    (_bytes('{"method": "dynamic", "model": 5}'), ["The setting model must be text"]),
    (_bytes('{"method": "dynamic", "threads": "many"}'),
     ["The setting threads must be a whole number", "'many'"]),
    (b"", ["is empty", "not a JSON recipe"]),
    (b"  \n", ["is empty"]),
    (_bytes('[{"method": "dynamic"}]'), ["not a JSON object of settings"]),
    (_bytes('"dynamic"'), ["not a JSON object of settings"]),
    (_bytes('{"method": "qat", "learning_rate": NaN}'),
     ["the setting learning_rate holds NaN", "not a finite number"]),
    (_bytes('{"method": "qat", "learning_rate": -Infinity}'), ["holds -Infinity"]),
    (_bytes('{"method": "qat", "learning_rate": 1e999}'), ["holds 1e999"]),
    (_bytes('{"method": "dynamic", "method": "static"}'), ["gives method twice"]),
    (_bytes('{"method": "dynamic", "model_args": {"a": 1, "a": 2}}'), ["gives a twice"]),
    (_bytes('{"method": "dynamic",'), ["not valid JSON", "line 1, column 22"]),
    (_bytes('{"threads": 2}'), ["has no technique"]),
    (_bytes('{"method": "sparse"}'), ["Unknown method 'sparse'"]),
    (_bytes('{"method": "static", "colour": "red"}'), ["Unknown setting(s) for static: 'colour'"]),
]


@pytest.mark.parametrize("content, words", HOSTILE_RECIPE_FILES)
def test_a_hostile_recipe_file_is_one_error_naming_the_file(tmp_path, content, words):
    from quantgui.core.recipes import read_recipe_file

    path = tmp_path / "shared recipe.json"
    path.write_bytes(content)
    with pytest.raises(RecipeError) as caught:
        read_recipe_file(path)
    error = caught.value
    assert str(path) in error.message
    for word in words:
        assert word in error.message
    assert error.hint and len(str(error).splitlines()) == 1 and len(str(error)) < 500
    assert "Exceeds the limit" not in str(error) and "codec" not in str(error)
    assert path.read_bytes() == content  # never changed


@pytest.mark.parametrize("make, words", [
    (lambda p: p.mkdir(), ["is a folder, not a recipe file"]),
    (lambda p: None, ["does not exist"]),
    (lambda p: __import__("os").mkfifo(p), ["not a regular file"]),  # a read would block
    (lambda p: p.write_bytes(b'{"method": "dynamic", "keep_float": ["'
                             + b"x" * (5 * 1024 * 1024) + b'"]}'),
     ["is 5.0 MiB", "at most 4.0 MiB"]),
])
def test_a_recipe_path_that_is_no_small_file_is_refused_before_reading(tmp_path, make, words):
    from quantgui.core.recipes import read_recipe_file

    path = tmp_path / "recipe.json"
    make(path)
    with pytest.raises(RecipeError) as caught:
        read_recipe_file(path)
    assert str(path) in caught.value.message
    for word in words:
        assert word in caught.value.message


def test_a_recipe_file_is_read_whole_with_its_model(tmp_path):
    from quantgui.core.recipes import read_recipe_file

    path = tmp_path / "recipe.json"
    # a byte-order mark (Windows Notepad) is UTF-8 too
    path.write_bytes(b"\xef\xbb\xbf" + _bytes(
        '{"method": "static", "threads": 2.0, "keep_float": ["fc1"], "model": "demo:digits-mlp",'
        ' "model_args": {"hidden": 8}}'))
    saved = read_recipe_file(path)
    assert saved.recipe == StaticRecipe(threads=2, keep_float=("fc1",))
    assert saved.settings == {"threads": 2, "keep_float": ("fc1",)}  # the file's own, checked
    assert (saved.model, saved.model_args) == ("demo:digits-mlp", {"hidden": 8})
