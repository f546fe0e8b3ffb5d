"""Each kind of model people bring (issue 12), opened in the real window through the Open model
dialog, run, and its report checked: the report says where the model came from, its weights
(or random initialisation), its inputs and the output compared; the summary names the inputs.
The command line's side is in tests/test_cli.py and tests/test_cli_loading.py.

Tiny models: a run takes about a second."""

from __future__ import annotations

import pytest

from tests.fixtures import hf
from tests.fixtures.images import random_image_folder

from .helpers import LOAD_TIMEOUT_MS, run_to_end
from .test_open_model import accept_and_load, open_dialog

RANDOM = "random initialisation: no weights file given"
TEXTS = ["the cat sat on a mat", "the dog ran", "a quick brown fox jumps over the lazy dog",
         "the fox sat on a log"]


def _factory(qtbot, window, spec: str, args: str = ""):
    dialog = window.user_models.open_dialog()
    with qtbot.waitSignal(dialog.inspected, timeout=LOAD_TIMEOUT_MS):
        dialog.set_factory(spec, args)
    return dialog


def _open_factory(qtbot, window, tmp_path):
    dialog = _factory(qtbot, window, "py:tests.fixtures.models:make_mlp", '{"width": 12}')
    dialog.shape_edit.setText("8")
    return dialog


def _open_embedding(qtbot, window, tmp_path):
    dialog = _factory(qtbot, window, "py:tests.fixtures.models:TokenClassifier",
                      '{"vocabulary": 30}')
    dialog.shape_edit.setText("10")
    return dialog


def _open_two_inputs(qtbot, window, tmp_path):
    dialog = _factory(qtbot, window, "py:tests.fixtures.models:TwoInputNet")
    dialog.set_inputs(["features:float32[6]", "category:int64[1]:0..4"])
    return dialog


def _open_neighbour(qtbot, window, tmp_path):
    (tmp_path / "kind_layers.py").write_text(
        "from torch import nn\n\n\nclass Block(nn.Sequential):\n"
        "    def __init__(self):\n        super().__init__(nn.Linear(8, 8), nn.ReLU())\n")
    (tmp_path / "model.py").write_text(
        "from torch import nn\n\nfrom kind_layers import Block\n\n\nclass Net(nn.Module):\n"
        "    def __init__(self):\n        super().__init__()\n        self.block = Block()\n"
        "        self.head = nn.Linear(8, 2)\n\n    def forward(self, x):\n"
        "        return self.head(self.block(x))\n")
    dialog = open_dialog(qtbot, window, str(tmp_path / "model.py"))
    dialog.class_combo.setEditText("Net")
    dialog.shape_edit.setText("8")
    return dialog


def _open_vit(qtbot, window, tmp_path):
    folder = hf.vit(tmp_path / "tiny-vit")
    images = random_image_folder(tmp_path / "images", ("cats", "dogs", "fish"), 6, 20)
    dialog = open_dialog(qtbot, window, str(folder))
    with qtbot.waitSignal(dialog.previewed, timeout=LOAD_TIMEOUT_MS):
        dialog.set_data("images", str(images))
    return dialog


def _open_bert(qtbot, window, tmp_path):
    folder = hf.bert_classifier(tmp_path / "tiny-bert")
    texts = tmp_path / "texts.txt"
    texts.write_text("\n".join(TEXTS * 4) + "\n")
    dialog = open_dialog(qtbot, window, str(folder))
    with qtbot.waitSignal(dialog.previewed, timeout=LOAD_TIMEOUT_MS):
        dialog.set_data("text", str(texts))
    return dialog


@pytest.mark.parametrize("opener, name, details, summary", [
    (_open_factory, "make_mlp (tests.fixtures.models)",
     {"factory": "tests.fixtures.models.make_mlp", "weights": RANDOM}, "Input shape"),
    (_open_embedding, "TokenClassifier (tests.fixtures.models)",
     {"factory": "tests.fixtures.models.TokenClassifier", "weights": RANDOM},
     "ids int64 [10]"),
    (_open_two_inputs, "TwoInputNet (tests.fixtures.models)",
     {"factory": "tests.fixtures.models.TwoInputNet", "weights": RANDOM},
     "features float32 [6], category int64 [1]"),
    (_open_neighbour, "Net (model.py)", {"weights": RANDOM}, "Input shape"),
    (_open_vit, "tiny-vit", {"architecture": "ViTForImageClassification",
                             "compared_output": "logits", "weights": "model.safetensors"},
     "Input shape"),
    (_open_bert, "tiny-bert", {"architecture": "BertForSequenceClassification",
                               "compared_output": "logits", "weights": "model.safetensors"},
     "input_ids int64 [24], attention_mask int64 [24]"),
])
def test_each_kind_opens_in_the_dialog_runs_and_reports_its_details(qtbot, window, tmp_path,
                                                                    opener, name, details,
                                                                    summary):
    dialog = opener(qtbot, window, tmp_path)
    assert dialog.open_button.isEnabled(), dialog.problems()
    accept_and_load(qtbot, window, dialog)
    assert window.loaded.name == name
    assert summary in window.model_summary.text(), window.model_summary.text()
    assert run_to_end(qtbot, window, "dynamic") == "finished"
    assert window.result.quantized_layer_count >= 1
    report = window.result.to_report()
    assert report["model"] == name
    for key, value in details.items():
        assert str(report["model_details"][key]).startswith(value), report["model_details"]
