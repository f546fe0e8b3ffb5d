"""The ways of opening a model beyond a single file: safetensors weights, model files with
neighbours, factories by name, Hugging Face folders, several and integer inputs."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest
import torch
from safetensors.torch import save_file

from quantgui.core.errors import ModelError
from quantgui.core.events import drive
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for
from quantgui.core.sources import load_model_file, open_user_model

TINY_PY = textwrap.dedent("""
    import torch
    from torch import nn


    class Tiny(nn.Module):
        def __init__(self, width=6):
            super().__init__()
            self.fc1 = nn.Linear(8, width)
            self.fc2 = nn.Linear(width, 3)

        def forward(self, x):
            return self.fc2(torch.relu(self.fc1(x)))
""")


def _snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


def _run(loaded, method: str):
    settings = {"epochs": 1} if method == "qat" else {}
    return drive(run(loaded, recipe_for(method, threads=1, batch_size=16, **settings)))


def _tiny_state(width: int = 6) -> dict[str, torch.Tensor]:
    torch.manual_seed(1)
    return {"fc1.weight": torch.randn(width, 8), "fc1.bias": torch.randn(width),
            "fc2.weight": torch.randn(3, width), "fc2.bias": torch.randn(3)}


# ------------------------------------------------------------------ safetensors weights

def test_safetensors_weights_load_like_a_state_dict(tmp_path):
    (tmp_path / "tiny.py").write_text(TINY_PY)
    state = _tiny_state()
    save_file(state, tmp_path / "weights.safetensors")
    before = _snapshot(tmp_path)
    loaded = open_user_model(f"{tmp_path / 'tiny.py'}:Tiny:weights.safetensors",
                             input_shape=(8,), method="dynamic")
    assert "with weights weights.safetensors" in loaded.description
    assert torch.equal(loaded.model.fc1.weight, state["fc1.weight"])
    result = _run(loaded, "dynamic")
    assert {layer.name for layer in result.layers if layer.quantized} == {"fc1", "fc2"}
    assert _snapshot(tmp_path) == before


def test_safetensors_weights_that_do_not_match_are_named(tmp_path):
    (tmp_path / "tiny.py").write_text(TINY_PY)
    save_file(_tiny_state(width=5), tmp_path / "w.safetensors")
    with pytest.raises(ModelError, match="shape mismatches: fc1.weight"):
        load_model_file(f"{tmp_path / 'tiny.py'}:Tiny:{tmp_path / 'w.safetensors'}")


def test_corrupt_or_mislabelled_safetensors_are_refused(tmp_path):
    (tmp_path / "tiny.py").write_text(TINY_PY)
    save_file(_tiny_state(), tmp_path / "w.safetensors")
    cut = tmp_path / "cut.safetensors"
    cut.write_bytes((tmp_path / "w.safetensors").read_bytes()[:-40])
    with pytest.raises(ModelError, match="looks like a safetensors file but cannot be read"):
        load_model_file(f"{tmp_path / 'tiny.py'}:Tiny:{cut}")
    torch.save(_tiny_state(), tmp_path / "pickled.safetensors")
    with pytest.raises(ModelError, match="named .safetensors but was written by torch.save"):
        load_model_file(f"{tmp_path / 'tiny.py'}:Tiny:{tmp_path / 'pickled.safetensors'}")
    with pytest.raises(ModelError, match="holds only weights .a safetensors file"):
        load_model_file(str(tmp_path / "w.safetensors"))


# ------------------------------------------------------------------ model files with neighbours

LAYERS_PY = textwrap.dedent("""
    import torch
    from torch import nn

    WIDTH = {width}


    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(8, WIDTH)

        def forward(self, x):
            return torch.relu(self.fc(x))
""")
NET_PY = textwrap.dedent("""
    from torch import nn

    from {prefix}layers import WIDTH, Block


    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.block = Block()
            self.head = nn.Linear(WIDTH, 3)

        def forward(self, x):
            return self.head(self.block(x))
""")


def _neighbours(folder: Path, width: int, prefix: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "layers.py").write_text(LAYERS_PY.format(width=width))
    (folder / "model.py").write_text(NET_PY.format(prefix=prefix))
    return folder


def _module_state() -> tuple[set[str], list[str], dict]:
    return set(sys.modules), list(sys.path), dict(sys.path_importer_cache)


def _assert_nothing_left(before: tuple[set[str], list[str], dict]) -> None:
    modules, path, _ = before
    added = set(sys.modules) - modules
    assert not [name for name in added if "layers" in name or name.startswith(
        ("quantgui_user", "netdef", "userpkg"))], added
    assert sys.path == path


def test_a_model_file_imports_its_neighbours_and_leaves_nothing_behind(tmp_path):
    folder = _neighbours(tmp_path / "a", width=5)
    before_files = _snapshot(folder)
    before = _module_state()
    for method in ("dynamic", "static"):
        loaded = open_user_model(f"{folder / 'model.py'}:Net", input_shape=(8,), method=method)
        _assert_nothing_left(before)
        result = _run(loaded, method)
        assert {layer.name for layer in result.layers if layer.quantized} == {"block.fc", "head"}
    assert _snapshot(folder) == before_files  # no __pycache__ in the user's folder
    assert not (folder / "__pycache__").exists()


def test_two_folders_with_their_own_layers_module_each_get_theirs(tmp_path):
    first = _neighbours(tmp_path / "first", width=5)
    second = _neighbours(tmp_path / "second", width=7)
    one = load_model_file(f"{first / 'model.py'}:Net")
    two = load_model_file(f"{second / 'model.py'}:Net")
    assert one.model.block.fc.out_features == 5 and two.model.block.fc.out_features == 7


def test_a_package_folder_and_a_file_inside_it_with_relative_imports(tmp_path):
    package = _neighbours(tmp_path / "userpkg", width=4, prefix=".")
    (package / "__init__.py").write_text("from .model import Net\n")
    before_files = _snapshot(tmp_path)
    before = _module_state()
    for spec in (f"{package}:Net", f"{package / 'model.py'}:Net"):
        loaded = open_user_model(spec, input_shape=(8,), method="dynamic")
        assert loaded.model.block.fc.out_features == 4
        assert loaded.source.startswith("python:")
        _assert_nothing_left(before)
    torch.save(_tiny_state(), tmp_path / "w.pt")
    with pytest.raises(ModelError, match="missing keys: block.fc.weight"):
        load_model_file(f"{package}:Net:{tmp_path / 'w.pt'}")
    assert _snapshot(tmp_path) == before_files | {"w.pt": _snapshot(tmp_path)["w.pt"]}


def test_submodules_of_a_package_imported_before_are_kept(tmp_path, monkeypatch):
    """A model file in a folder that also holds an imported package (QuantGUI's own checkout):
    what the model imports of that package stays imported, as one copy."""
    (tmp_path / "keptpkg").mkdir()
    (tmp_path / "keptpkg" / "__init__.py").write_text("")
    (tmp_path / "keptpkg" / "sub.py").write_text("VALUE = 3\n")
    (tmp_path / "model.py").write_text(TINY_PY + "\nimport keptpkg.sub\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import keptpkg

    try:
        load_model_file(f"{tmp_path / 'model.py'}:Tiny")
        assert sys.modules["keptpkg.sub"].VALUE == 3 and keptpkg.sub.VALUE == 3
    finally:
        for name in ("keptpkg", "keptpkg.sub"):
            sys.modules.pop(name, None)


def test_a_missing_neighbour_is_named(tmp_path):
    (tmp_path / "model.py").write_text(NET_PY.format(prefix=""))
    with pytest.raises(ModelError, match="No module named 'layers'.*Put layers.py beside it"):
        load_model_file(f"{tmp_path / 'model.py'}:Net")


def test_a_trusted_pickle_finds_its_class_in_the_module_beside_it(tmp_path):
    (tmp_path / "netdef.py").write_text(TINY_PY)
    sys.path.insert(0, str(tmp_path))
    try:
        import netdef

        torch.save(netdef.Tiny().eval(), tmp_path / "whole.pt")
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("netdef", None)
    before = _module_state()
    loaded = open_user_model(str(tmp_path / "whole.pt"), trust=True, input_shape=(8,),
                             method="dynamic")
    _assert_nothing_left(before)
    assert type(loaded.model).__name__ == "Tiny"
    assert not (tmp_path / "__pycache__").exists()


# ------------------------------------------------------------------ architectures by name

FIXTURES = "tests.fixtures.models"


def test_a_factory_by_name_with_random_weights_says_so(tmp_path):
    loaded = open_user_model(f"py:{FIXTURES}:make_mlp", model_args={"width": 12},
                             input_shape=(8,), method="dynamic")
    assert loaded.source == f"factory:py:{FIXTURES}:make_mlp"
    assert loaded.name == f"make_mlp ({FIXTURES})"
    assert "random initialisation: no weights file given" in loaded.description
    assert "never downloaded" in loaded.details["weights"]
    assert loaded.model[0].out_features == 12
    result = _run(loaded, "dynamic")
    assert {layer.name for layer in result.layers if layer.quantized} == {"0", "2"}


@pytest.mark.parametrize("suffix", [".pth", ".safetensors"])
def test_a_factory_with_local_weights(tmp_path, suffix):
    from tests.fixtures.models import make_mlp

    torch.manual_seed(3)
    state = make_mlp().state_dict()
    weights = tmp_path / f"w{suffix}"
    if suffix == ".pth":
        torch.save(state, weights)
    else:
        save_file(state, weights)
    loaded = open_user_model(f"py:{FIXTURES}:make_mlp:{weights}", input_shape=(8,))
    assert torch.equal(loaded.model[0].weight, state["0.weight"])
    assert loaded.details["weights"] == str(weights)
    assert "random initialisation" not in loaded.description


def test_the_input_shape_comes_from_the_models_own_configuration():
    loaded = open_user_model(f"py:{FIXTURES}:ConfiguredNet", method="static")
    assert loaded.data.input_shape == (1, 6, 6)
    result = _run(loaded, "static")
    assert {layer.name for layer in result.layers if layer.quantized} == {"conv", "fc"}
    vit = open_user_model(f"py:{FIXTURES}:tiny_vit", model_args={"image_size": 24})
    assert vit.data.input_shape == (3, 24, 24)
    assert vit.details["compared_output"] == "logits"


def test_a_factory_without_a_known_shape_asks_for_it():
    with pytest.raises(ModelError, match="input shape .* is not stored.*--input-shape"):
        open_user_model(f"py:{FIXTURES}:make_mlp")


@pytest.mark.parametrize("spec, args, message", [
    ("py:tests.fixtures.models", None, "not of the form py:package.module:factory"),
    ("py:tests.fixtures.models:nothing_here", None, "has no 'nothing_here'.*make_mlp"),
    ("py:no_such_package_here.models:make", None, "'no_such_package_here.models' is not "
                                                  "installed.*pip install no_such_package_here"),
    (f"py:{FIXTURES}:make_mlp", {"pretrained": True}, "never downloads.*local weights file"),
    (f"py:{FIXTURES}:make_mlp", {"depth": 3}, "failed: TypeError.*Check --model-args"),
    (f"py:{FIXTURES}:WIDTHS", None, "has no 'WIDTHS'"),
])
def test_factory_errors_say_what_to_do(spec, args, message):
    with pytest.raises(ModelError, match=message):
        load_model_file(spec, model_args=args)


def test_a_package_that_fails_to_import_is_explained_not_a_traceback(tmp_path, monkeypatch):
    """As torchvision does here: its wheel is built against another torch."""
    package = tmp_path / "torchvision"
    package.mkdir()
    (package / "__init__.py").write_text(
        "raise RuntimeError('operator torchvision::nms does not exist\\nmore detail')\n")
    (tmp_path / "brokenlib.py").write_text("raise ValueError('cannot start')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "torchvision", raising=False)
    with pytest.raises(ModelError) as caught:
        load_model_file("py:torchvision.models:resnet18")
    message = str(caught.value)
    assert "torchvision is installed but cannot be imported (RuntimeError: operator " \
           "torchvision::nms does not exist)" in message
    assert "built against another torch" in message and "more detail" not in message
    with pytest.raises(ModelError, match="Importing 'brokenlib' failed: ValueError: cannot start"):
        load_model_file("py:brokenlib:make")


# ------------------------------------------------------------------ Hugging Face folders

@pytest.fixture(scope="module")
def hf_folders(tmp_path_factory):
    from tests.fixtures import hf

    root = tmp_path_factory.mktemp("hf")
    folders = {name: make(root / name) for name, make in (
        ("bert", hf.bert_classifier), ("gpt2", hf.gpt2), ("vit", hf.vit), ("resnet", hf.resnet))}
    folders["root"] = root
    return folders


@pytest.fixture(autouse=True)
def _offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


def test_a_bert_folder_opens_with_token_inputs_from_its_config(hf_folders):
    before = _snapshot(hf_folders["root"])
    loaded = open_user_model(str(hf_folders["bert"]), method="dynamic")
    assert loaded.source.startswith("huggingface:") and loaded.name == "bert"
    assert loaded.details["architecture"] == "BertForSequenceClassification"
    assert loaded.details["compared_output"] == "logits"
    assert loaded.details["weights"] == "model.safetensors"
    inputs = {spec["name"]: spec for spec in loaded.details["inputs"]}
    assert inputs["input_ids"] == {"name": "input_ids", "shape": [24], "dtype": "int64",
                                   "range": [0, 19]}  # sequence capped by 24 positions
    assert inputs["attention_mask"]["range"] == [0, 1]
    data = loaded.data
    assert data.train_inputs.dtype == torch.int64 and data.input_shape == (48,)
    assert data.kind == "inputs"
    ids = data.train_inputs[:, :24]
    assert ids.min() >= 0 and ids.max() <= 19 and len(ids.unique()) > 10
    # the wrapper returns the logits of the model it wraps
    from transformers import AutoModelForSequenceClassification

    reference = AutoModelForSequenceClassification.from_pretrained(
        hf_folders["bert"], local_files_only=True).eval()
    sample = data.val_inputs[:3]
    with torch.inference_mode():
        expected = reference(input_ids=sample[:, :24], attention_mask=sample[:, 24:]).logits
        assert torch.allclose(loaded.model(sample), expected, atol=1e-6)
        assert torch.allclose(loaded.model.call(sample[:, :24], sample[:, 24:]), expected)
    result = _run(loaded, "dynamic")
    quantized = {layer.name for layer in result.layers if layer.quantized}
    assert "model.bert.encoder.layer.0.attention.self.query" in quantized
    assert "model.classifier" in quantized
    assert result.agreement.sqnr_db > 20
    assert _snapshot(hf_folders["root"]) == before


@pytest.mark.slow
def test_static_quantization_of_the_bert_folder_completes_on_pt2e(hf_folders):
    loaded = open_user_model(str(hf_folders["bert"]), input_shape=(8,), method="static")
    assert loaded.data.input_shape == (16,)  # --input-shape: the sequence length
    result = drive(run(loaded, recipe_for("static", threads=1, batch_size=16, engine="pt2e")))
    assert result.quantized_layer_count >= 10
    assert result.agreement.sqnr_db > 15


def test_a_gpt2_folder_compares_its_logits(hf_folders):
    loaded = open_user_model(str(hf_folders["gpt2"]), method="dynamic")
    assert loaded.details["architecture"] == "GPT2LMHeadModel"
    assert loaded.details["compared_output"] == "logits"
    with torch.inference_mode():
        logits = loaded.model(loaded.data.val_inputs[:2])
    assert logits.shape == (2, 16, 40)  # sequences capped by 16 positions, 40 tokens
    result = _run(loaded, "dynamic")
    quantized = {layer.name for layer in result.layers if layer.quantized}
    assert "model.transformer.h.0.attn.c_attn" in quantized
    assert "model.lm_head" not in quantized  # tied to the embedding: kept float, still shared


@pytest.mark.parametrize("name, shape, expected, head", [
    ("vit", None, (3, 16, 16), "model.classifier"),  # the config's num_channels, image_size
    ("resnet", (3, 20, 20), (3, 20, 20), "model.classifier.1"),  # no image size: given
])
def test_vision_folders_take_pixel_values(hf_folders, name, shape, expected, head):
    loaded = open_user_model(str(hf_folders[name]), input_shape=shape, method="dynamic")
    assert loaded.data.input_shape == expected and loaded.data.train_inputs.is_floating_point()
    assert loaded.details["inputs"][0]["name"] == "pixel_values"
    result = _run(loaded, "dynamic")
    assert head in {layer.name for layer in result.layers if layer.quantized}


@pytest.mark.parametrize("make", ["mobilenet_v2", "convnext"])
@pytest.mark.slow
def test_more_vision_configs_open_with_their_image_size(tmp_path, make):
    from tests.fixtures import hf

    loaded = open_user_model(str(getattr(hf, make)(tmp_path / make)), method="dynamic")
    assert loaded.data.input_shape == (3, 32, 32)
    assert loaded.details["compared_output"] == "logits"
    result = _run(loaded, "dynamic")
    assert any(layer.quantized for layer in result.layers)


def test_pickled_hugging_face_weights_load_without_running_code(tmp_path):
    from tests.fixtures import hf

    folder = hf.vit(tmp_path / "bin")
    state = load_model_file(str(folder)).model.model.state_dict()
    hf.with_pickled_weights(folder, state)
    loaded = load_model_file(str(folder))
    assert loaded.details["weights"] == "pytorch_model.bin"
    assert torch.equal(loaded.model.model.classifier.weight, state["classifier.weight"])

    class Evil:
        def __reduce__(self):
            return (Path.touch, (tmp_path / "marker",))

    hf.with_pickled_weights(hf.vit(tmp_path / "evil"), {"classifier.weight": Evil()})
    with pytest.raises(ModelError, match="are a pickle that holds more than tensors"):
        load_model_file(str(tmp_path / "evil"))
    assert not (tmp_path / "marker").exists()


def test_images_for_a_vision_folder_are_resized_and_normalised_as_its_processor_says(tmp_path):
    import json

    from PIL import Image

    from tests.fixtures import hf

    folder = hf.vit(tmp_path / "vit")
    (folder / "preprocessor_config.json").write_text(json.dumps(
        {"do_normalize": True, "image_mean": [0.5, 0.5, 0.5], "image_std": [0.25, 0.25, 0.25]}))
    for label, colour in (("cats", (255, 255, 255)), ("dogs", (0, 0, 0))):
        (tmp_path / "images" / label).mkdir(parents=True)
        for index in range(3):
            Image.new("RGB", (20, 30), colour).save(tmp_path / "images" / label / f"{index}.png")
    loaded = open_user_model(str(folder), data=str(tmp_path / "images"), method="dynamic")
    data = loaded.data
    assert data.input_shape == (3, 16, 16) and data.num_classes == 2  # resized to the config's
    values = torch.cat([data.train_inputs, data.val_inputs]).unique()
    assert sorted(values.tolist()) == [-2.0, 2.0]  # (0 - 0.5) / 0.25 and (1 - 0.5) / 0.25


def test_a_resnet_folder_without_a_shape_assumes_224_and_says_so(hf_folders):
    loaded = load_model_file(str(hf_folders["resnet"]))
    assert loaded.input_shape == (3, 224, 224)
    assert "224x224 images assumed" in loaded.description


def test_text_data_is_tokenized_with_the_folders_tokenizer(hf_folders, tmp_path):
    lines = ["the cat sat on a mat", "the dog ran", "a quick brown fox jumps over the lazy dog",
             "the cat ran on a log", "the fox sat", "a dog sat on the cat"] * 2
    text = tmp_path / "texts.txt"
    text.write_text("\n".join(lines) + "\n\n")
    loaded = open_user_model(str(hf_folders["bert"]), data=str(text))
    data = loaded.data
    assert data.train_inputs.shape[0] + data.val_inputs.shape[0] == 12
    assert "12 texts from texts.txt, tokenized" in data.description
    everything = torch.cat([data.train_inputs, data.val_inputs])
    assert (everything[:, 0] == 2).all()  # [CLS] first: real tokenization, not random ids
    assert (everything[:, 24:].sum(1) < 24).any()  # padding masked out
    csv = tmp_path / "texts.csv"
    csv.write_text("label,sentence\n" + "".join(f'{i % 2},"{line}"\n'
                                                for i, line in enumerate(lines)))
    labelled = open_user_model(str(hf_folders["bert"]), data=str(csv), label_column="label",
                               text_column="sentence", method="dynamic")
    assert labelled.data.has_labels and labelled.data.num_classes == 2
    result = _run(labelled, "dynamic")
    assert result.original.accuracy is not None


def test_text_data_without_a_tokenizer_is_refused_clearly(tmp_path):
    from tests.fixtures import hf

    folder = hf.bert_classifier(tmp_path / "bare", tokenizer=False)
    (tmp_path / "t.txt").write_text("the cat\nthe dog\n")
    with pytest.raises(Exception, match="no tokenizer beside it"):
        open_user_model(str(folder), data=str(tmp_path / "t.txt"))


def test_broken_hugging_face_folders(tmp_path):
    empty = tmp_path / "noweights"
    empty.mkdir()
    (empty / "config.json").write_text('{"model_type": "bert"}')
    with pytest.raises(ModelError, match="has a config.json but no weights"):
        load_model_file(str(empty))
    odd = tmp_path / "odd"
    odd.mkdir()
    (odd / "config.json").write_text('{"model_type": "no-such-model"}')
    save_file({"w": torch.zeros(1)}, odd / "model.safetensors")
    with pytest.raises(ModelError, match="config.json in .* cannot be read by transformers"):
        load_model_file(str(odd))


# ------------------------------------------------------------------ several and integer inputs

def test_a_two_input_model_runs_dynamic_and_static():
    inputs = ["features:float32[6]", "category:int64[1]:0..4"]
    before = _module_state()
    for method in ("dynamic", "static"):
        loaded = open_user_model(f"py:{FIXTURES}:TwoInputNet", inputs=inputs, method=method)
        data = loaded.data
        assert data.input_shape == (7,) and data.train_inputs.dtype == torch.float32
        categories = data.train_inputs[:, 6]
        assert set(categories.tolist()) == {0.0, 1.0, 2.0, 3.0, 4.0}
        assert loaded.details["inputs"][1] == {"name": "category", "shape": [1],
                                               "dtype": "int64", "range": [0, 4]}
        result = _run(loaded, method)
        quantized = {layer.name for layer in result.layers if layer.quantized}
        assert {"model.features", "model.head"} <= quantized, (method, quantized)
    assert sys.path == before[1]


def test_a_two_input_model_without_its_inputs_names_them():
    with pytest.raises(ModelError, match=r"takes 2 inputs \(features, category\).*--input "
                                         r"'features:DTYPE\[SHAPE\]' --input 'category:"):
        open_user_model(f"py:{FIXTURES}:TwoInputNet", input_shape=(6,))


def test_an_embedding_first_model_gets_token_ids_in_range():
    loaded = open_user_model(f"py:{FIXTURES}:TokenClassifier", input_shape=(12,),
                             method="dynamic")
    data = loaded.data
    assert data.train_inputs.dtype == torch.int64 and data.kind == "tokens"
    assert data.train_inputs.min() >= 0 and data.train_inputs.max() <= 49
    assert loaded.details["inputs"] == [{"name": "ids", "shape": [12], "dtype": "int64",
                                         "range": [0, 49]}]
    result = _run(loaded, "dynamic")
    assert {layer.name for layer in result.layers if layer.quantized} == {"mix", "head"}
    with pytest.raises(ModelError, match="embedding of 50 tokens.*--input-shape 128"):
        open_user_model(f"py:{FIXTURES}:TokenClassifier")


def test_integer_data_from_a_file_is_checked_against_the_range(tmp_path):
    torch.save(torch.randint(0, 50, (20, 12)), tmp_path / "ids.pt")
    loaded = open_user_model(f"py:{FIXTURES}:TokenClassifier", input_shape=(12,),
                             data=str(tmp_path / "ids.pt"))
    assert loaded.data.train_inputs.dtype == torch.int64
    torch.save(torch.randint(0, 80, (20, 12)), tmp_path / "big.pt")
    with pytest.raises(Exception, match="outside 0..49"):
        open_user_model(f"py:{FIXTURES}:TokenClassifier", input_shape=(12,),
                        data=str(tmp_path / "big.pt"))


def test_named_inputs_from_a_file_are_packed(tmp_path):
    torch.save({"features": torch.randn(20, 6), "category": torch.randint(0, 5, (20, 1)),
                "labels": torch.randint(0, 2, (20,))}, tmp_path / "d.pt")
    loaded = open_user_model(f"py:{FIXTURES}:TwoInputNet", data=str(tmp_path / "d.pt"),
                             inputs=["features:float32[6]", "category:int64[1]:0..4"])
    assert loaded.data.has_labels and loaded.data.input_shape == (7,)


def test_export_programs_declare_several_and_integer_inputs(tmp_path):
    from tests.fixtures.models import TokenClassifier, TwoInputNet

    batch = torch.export.Dim("batch")
    torch.export.save(torch.export.export(
        TwoInputNet().eval(), (torch.randn(4, 6), torch.randint(0, 5, (4, 1))),
        dynamic_shapes=({0: batch}, {0: batch})), tmp_path / "two.pt2")
    torch.export.save(torch.export.export(
        TokenClassifier().eval(), (torch.randint(0, 50, (4, 12)),),
        dynamic_shapes=({0: batch},)), tmp_path / "tokens.pt2")
    two = open_user_model(str(tmp_path / "two.pt2"), method="static")
    assert two.details["inputs"] == [
        {"name": "features", "shape": [6], "dtype": "float32", "range": None},
        {"name": "category", "shape": [1], "dtype": "int64", "range": [0, 4]}]
    result = _run(two, "static")
    assert {"model.features", "model.head"} <= {
        layer.name for layer in result.layers if layer.quantized}
    tokens = open_user_model(str(tmp_path / "tokens.pt2"), method="dynamic")
    assert tokens.data.train_inputs.dtype == torch.int64  # the range from its embedding
    assert tokens.details["inputs"][0]["range"] == [0, 49]
    assert {layer.name for layer in _run(tokens, "dynamic").layers if layer.quantized} == {
        "mix", "head"}


@pytest.mark.parametrize("text, message", [
    ("ids:int64[128]", "integer input needs its range"),
    ("ids:complex[3]", "unknown dtype"),
    ("ids:int64[0]:0..3", "not a list of positive integers"),
    ("ids:int64[4]:5..3", "empty or not finite"),
    ("ids int64[4]", "not of the form"),
    ("ids:int8[4]:0..1000", "not whole numbers within int8"),
])
def test_bad_input_specs_say_what_to_write(text, message):
    from quantgui.core.signature import parse_input

    with pytest.raises(ModelError, match=message):
        parse_input(text)


@pytest.mark.slow
def test_readme_hugging_face_example_runs(tmp_path):
    """The exact lines of README's "Opening the models people bring" example, run as written."""
    import json
    import os
    import re
    import shlex
    import subprocess

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    section = readme.split("## Opening the models people bring", 1)[1].split("\n## ", 1)[0]
    script = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    command = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    (tmp_path / "make_bert.py").write_text(script)
    env = dict(os.environ, HF_HUB_OFFLINE="1", QUANTGUI_DATA_DIR=str(tmp_path / "qdata"))
    made = subprocess.run([sys.executable, "make_bert.py"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120, env=env)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "tiny-bert" / "model.safetensors").is_file()
    lines = command.replace("\\\n", " ").strip().splitlines()
    assert lines[0] == "python make_bert.py"
    words = shlex.split(lines[1])
    assert words[0] == ".venv/bin/quantgui-cli"
    result = subprocess.run([sys.executable, "-m", "quantgui.cli", *words[1:], "--threads", "1",
                             "--no-history"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=300, env=env)
    assert result.returncode == 0, result.stderr
    assert "BertForSequenceClassification from tiny-bert/ with weights model.safetensors; " \
           "compares its logits; sequences of 32 tokens" in result.stderr
    details = json.loads((tmp_path / "report.json").read_text())["model_details"]
    assert details["compared_output"] == "logits" and details["weights"] == "model.safetensors"
    assert details["inputs"][0] == {"name": "input_ids", "shape": [32], "dtype": "int64",
                                    "range": [0, 10]}
    assert "16 texts from texts.txt, tokenized" in result.stderr


def test_the_fixture_tokenizer_knows_its_words(tmp_path):
    """transformers 5 ignores BertTokenizer(vocab_file=...): every word became [UNK]."""
    pytest.importorskip("transformers")
    from transformers import AutoTokenizer

    from tests.fixtures import hf

    folder = hf.bert_classifier(tmp_path / "bert")
    tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    ids = tokenizer("the cat sat")["input_ids"]
    assert tokenizer.unk_token_id not in ids, ids
    assert tokenizer.convert_ids_to_tokens(ids)[1:-1] == ["the", "cat", "sat"]
