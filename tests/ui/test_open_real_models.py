"""Opening the models people bring, through the window's Open dialog (issue 12): a Hugging Face
folder, an architecture by name with model arguments, a model file importing a neighbour, a
two-input model whose inputs are described in the dialog, the list of torchvision/timm
architectures (which says in one line why a package cannot be used), and the Outputs tab
drawing token ids as a sequence.

Real files made in tmp_path (tiny Hugging Face folders from configs, no download), the real
window, real torch and transformers.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest
import torch
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from tests.fixtures import hf

from .helpers import LOAD_TIMEOUT_MS, run_to_end
from .test_open_model import accept_and_load, open_dialog, wait_error

TEXTS = ["the cat sat on a mat", "the dog ran", "a quick brown fox jumps over the lazy dog",
         "the cat ran on the log", "a dog sat", "the lazy cat", "the brown dog jumps",
         "a fox on a log"]


def shot(widget, path: Path) -> None:
    """What the user sees, kept beside the test's files (look at it when a test fails)."""
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # the layout as shown
    widget.grab().save(str(path))


@pytest.fixture
def bert(tmp_path) -> Path:
    from transformers import BertTokenizer

    folder = hf.bert_classifier(tmp_path / "tiny-bert")
    # transformers 5 ignores the fixture's vocab_file= keyword (every word becomes [UNK]); the
    # vocabulary given positionally is read by transformers 4 and 5 alike
    BertTokenizer(str(folder / "vocab.txt")).save_pretrained(folder)
    return folder


def test_hugging_face_folder_is_read_before_loading_and_runs_dynamic(qtbot, window, bert,
                                                                     tmp_path):
    texts = tmp_path / "texts.txt"
    texts.write_text("\n".join(TEXTS * 3) + "\n")
    dialog = open_dialog(qtbot, window, str(bert))
    assert dialog.inspect_error == ""
    assert dialog.kind_label.text() == "Hugging Face model: BertForSequenceClassification"
    about = dialog.about_label.text()
    assert "2 classes" in about and "vocabulary of 20 tokens" in about
    assert "input_ids:int64[24]:0..19, attention_mask:int64[24]:0..1" in about
    assert "Tokenizer: BertTokenizer" in about
    # the inputs the config declares, in the editor, and no shape asked for
    assert dialog.inputs_check.isChecked() and dialog.inputs_editor.isVisible()
    assert dialog.inputs_editor.texts() == ["input_ids:int64[24]:0..19",
                                            "attention_mask:int64[24]:0..1"]
    assert not dialog.shape_edit.isVisible() and not dialog.class_combo.isVisible()
    # text data, one example per line, tokenized with the folder's tokenizer in the preview
    with qtbot.waitSignal(dialog.previewed, timeout=LOAD_TIMEOUT_MS):
        dialog.set_data("text", str(texts))
    assert dialog.preview is not None and dialog.preview.total == len(TEXTS) * 3
    assert dialog.preview_table.item(0, 0).text() == TEXTS[0]
    tokens = dialog.tokens_label.text()
    assert "[CLS]<sub>2</sub> the<sub>5</sub> cat<sub>6</sub>" in tokens, tokens
    assert dialog.open_button.isEnabled(), dialog.problems()
    request = dialog.request()
    assert request.inputs == [] and request.input_shape == ""  # what the config says
    shot(dialog, tmp_path / "dialog-hf.png")
    accept_and_load(qtbot, window, dialog)
    loaded = window.loaded
    assert loaded.name == "tiny-bert"
    assert loaded.source == f"huggingface:{bert}"
    assert loaded.details["compared_output"] == "logits"
    assert f"{len(TEXTS) * 3} texts from texts.txt, tokenized" in loaded.data.description
    assert loaded.data.kind == "inputs"
    assert "BertForSequenceClassification" in window.description.text()
    assert run_to_end(qtbot, window, "dynamic") == "finished"
    assert window.tabs.currentWidget() is window.comparison
    result = window.result
    assert result.quantized_layer_count >= 4  # the encoder's and the head's Linear layers
    report = result.to_report()
    assert report["agreement"]["cosine"] > 0.9, report["agreement"]
    summary = window.comparison.summary
    rows = {summary.item(r, 0).text(): summary.item(r, 2).text()
            for r in range(summary.rowCount())}
    assert rows["Layers quantized"] == f"{result.quantized_layer_count} of {len(result.layers)}"
    shot(window, tmp_path / "window-hf-comparison.png")


@pytest.mark.slow
def test_hugging_face_folder_static_on_pt2e(qtbot, window, bert, tmp_path):
    """Static quantization of a transformers model completes on the PT2E engine."""
    texts = tmp_path / "texts.txt"
    texts.write_text("\n".join(TEXTS * 4) + "\n")
    dialog = open_dialog(qtbot, window, str(bert))
    with qtbot.waitSignal(dialog.previewed, timeout=LOAD_TIMEOUT_MS):
        dialog.set_data("text", str(texts))
    accept_and_load(qtbot, window, dialog)
    assert run_to_end(qtbot, window, "static", engine="pt2e") == "finished"
    result = window.result
    assert result.engine == "pt2e" and result.quantized_layer_count >= 4
    assert result.to_report()["agreement"]["top1_agreement"] is not None
    summary = window.comparison.summary
    rows = {summary.item(r, 0).text(): summary.item(r, 2).text()
            for r in range(summary.rowCount())}
    assert rows["Technique"] == "Static" and "PT2E" in rows["Engine"], rows


def test_hugging_face_csv_texts_choose_their_column(qtbot, window, bert, tmp_path):
    data = tmp_path / "reviews.csv"
    lines = ["id,sentence,label"] + [f"{i},{text},{i % 2}" for i, text in enumerate(TEXTS * 2)]
    data.write_text("\n".join(lines) + "\n")
    dialog = open_dialog(qtbot, window, str(bert))
    with qtbot.waitSignal(dialog.previewed, timeout=LOAD_TIMEOUT_MS):
        dialog.set_data("csv", str(data))
    assert dialog.text_combo.isVisible()
    # the texts are not guessed to be the id column once the user picks the sentences
    with qtbot.waitSignal(dialog.previewed, timeout=LOAD_TIMEOUT_MS):
        dialog.text_combo.setCurrentIndex(dialog.text_combo.findData("sentence"))
    assert dialog.preview.text_column == "sentence"
    assert dialog.preview.label_column == "label"
    assert dialog.preview.class_counts == {"0": len(TEXTS), "1": len(TEXTS)}
    assert "[CLS]<sub>2</sub> the<sub>5</sub>" in dialog.tokens_label.text()
    request = dialog.request()
    assert (request.text_column, request.label_column) == ("sentence", "label")
    accept_and_load(qtbot, window, dialog)
    assert window.loaded.data.has_labels and window.loaded.data.num_classes == 2
    assert "texts from reviews.csv" in window.loaded.data.description


def test_factory_by_name_with_model_args(qtbot, window, tmp_path):
    dialog = window.user_models.open_dialog()
    with qtbot.waitSignal(dialog.inspected, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.mode_buttons["name"], Qt.MouseButton.LeftButton)
        dialog.args_edit.setText('{"width": 24, "classes": 5}')
        dialog.factory_edit.setText("tests.fixtures.models:make_mlp")  # py: is added
        dialog.inspect_now()
    assert dialog.model_spec() == "py:tests.fixtures.models:make_mlp"
    assert dialog.factory_edit.isVisible() and dialog.architectures.isVisible()
    assert not dialog.model_edit.isVisible()
    assert dialog.kind_label.text().startswith("architecture by name")
    assert dialog.args_edit.isVisible() and dialog.weights_edit.isVisible()
    # the input shape is not known before the model is built: the user gives it
    dialog.shape_edit.setText("8")
    assert dialog.open_button.isEnabled(), dialog.problems()
    shot(dialog, tmp_path / "dialog-factory.png")
    accept_and_load(qtbot, window, dialog)
    loaded = window.loaded
    assert loaded.name == "make_mlp (tests.fixtures.models)"
    assert loaded.source == "factory:py:tests.fixtures.models:make_mlp"
    assert "random initialisation" in loaded.description
    assert loaded.model[0].out_features == 24 and loaded.model[2].out_features == 5
    assert window.model_combo.currentText() == "make_mlp (tests.fixtures.models)"
    assert run_to_end(qtbot, window, "dynamic") == "finished"
    assert window.result.quantized_layer_count == 2
    # Open Recent keeps it as an architecture by name, with its arguments
    recent = window.user_models.recent()[0]
    assert (recent.model, recent.model_args) == ("py:tests.fixtures.models:make_mlp",
                                                 '{"width": 24, "classes": 5}')
    again = window.user_models.open_dialog(request=recent)
    qtbot.waitUntil(lambda: again.info is not None, timeout=LOAD_TIMEOUT_MS)
    assert again.mode() == "name" and again.factory_edit.text() == recent.model
    again.close()


def test_factory_by_name_with_safetensors_weights(qtbot, window, tmp_path):
    from safetensors.torch import save_file

    from tests.fixtures.models import make_mlp

    torch.manual_seed(3)
    trained = make_mlp(width=12)
    weights = tmp_path / "mlp.safetensors"
    save_file(trained.state_dict(), str(weights))
    dialog = window.user_models.open_dialog()
    with qtbot.waitSignal(dialog.inspected, timeout=LOAD_TIMEOUT_MS):
        dialog.set_factory("py:tests.fixtures.models:make_mlp", '{"width": 12}')
    dialog.weights_edit.setText(str(weights))
    dialog.shape_edit.setText("8")
    assert dialog.request().spec == f"py:tests.fixtures.models:make_mlp:{weights}"
    accept_and_load(qtbot, window, dialog)
    assert torch.equal(window.loaded.model[0].weight, trained[0].weight)
    assert "with weights mlp.safetensors" in window.loaded.description


NEIGHBOUR = '''
import torch
from torch import nn


class Block(nn.Module):
    def __init__(self, width: int) -> None:
        super().__init__()
        self.fc = nn.Linear(width, width)

    def forward(self, x):
        return torch.relu(self.fc(x))
'''

MODEL = '''
from torch import nn

from layers import Block


class Head(Block):
    """Derives from the neighbour's class: found by reading layers.py, not by importing it."""


class Net(nn.Module):
    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.inp = nn.Linear(8, width)
        self.block = Block(width)
        self.out = nn.Linear(width, 3)

    def forward(self, x):
        return self.out(self.block(self.inp(x)))
'''


def test_model_file_importing_a_neighbour(qtbot, window, tmp_path):
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "layers.py").write_text(NEIGHBOUR)
    (folder / "model.py").write_text(MODEL)
    dialog = open_dialog(qtbot, window, str(folder / "model.py"))
    assert [dialog.class_combo.itemText(i) for i in range(dialog.class_combo.count())] == \
        ["Head", "Net"]
    assert "layers" not in sys.modules  # read, not imported
    dialog.class_combo.setEditText("Net")
    dialog.shape_edit.setText("8")
    assert not dialog.inputs_check.isChecked()  # forward(x): one input
    accept_and_load(qtbot, window, dialog)
    assert window.loaded.name == "Net (model.py)"
    assert "layers" not in sys.modules  # forgotten after the import
    assert not list(folder.glob("**/__pycache__"))
    assert run_to_end(qtbot, window, "static") == "finished"
    assert window.result.quantized_layer_count == 3


def test_package_folder_is_chosen_as_a_folder(qtbot, window, tmp_path):
    package = tmp_path / "mymodels"
    package.mkdir()
    (package / "layers.py").write_text(NEIGHBOUR)
    (package / "net.py").write_text(MODEL.replace("from layers import", "from .layers import"))
    (package / "__init__.py").write_text("from .net import Net\n")
    dialog = open_dialog(qtbot, window, str(package))
    assert dialog.kind_label.text() == "Python package folder"
    assert [dialog.class_combo.itemText(i) for i in range(dialog.class_combo.count())] == ["Net"]
    dialog.args_edit.setText('{"width": 10}')
    dialog.shape_edit.setText("8")
    assert dialog.request().spec == f"{package}:Net"
    accept_and_load(qtbot, window, dialog)
    assert window.loaded.name == "Net (mymodels)"
    assert window.loaded.model.inp.out_features == 10


def test_a_folder_that_is_no_model_says_so(qtbot, window, tmp_path):
    empty = tmp_path / "photos"
    empty.mkdir()
    dialog = open_dialog(qtbot, window, str(empty))
    assert "neither a Hugging Face model (it has no config.json) nor a Python package" in \
        dialog.inspect_error
    assert not dialog.open_button.isEnabled()


TWO_INPUTS = '''
import torch
from torch import nn


class TwoInputNet(nn.Module):
    def __init__(self, categories: int = 5) -> None:
        super().__init__()
        self.category = nn.Embedding(categories, 4)
        self.features = nn.Linear(6, 4)
        self.head = nn.Linear(4, 2)

    def forward(self, features, category, scale=1.0):
        mixed = torch.relu(self.features(features)) + self.category(category).squeeze(1)
        return self.head(mixed) * scale
'''


def test_two_input_model_with_its_inputs_described_in_the_dialog(qtbot, window, tmp_path):
    path = tmp_path / "two.py"
    path.write_text(TWO_INPUTS)
    dialog = open_dialog(qtbot, window, str(path))
    editor = dialog.inputs_editor
    # forward(features, category, scale=1.0): two inputs, named; their types are the user's
    assert dialog.inputs_check.isChecked()
    assert editor.texts() == ["features:float32[]", "category:float32[]"]
    assert not dialog.open_button.isEnabled()
    assert "Input features: write its shape per sample" in dialog.problems()[0]
    editor.set_cell(0, "shape", "6")
    editor.set_cell(1, "type", "int64")
    editor.set_cell(1, "shape", "1")
    assert dialog.problems()[0] == ("Input category: an integer input needs its range, e.g. "
                                    "0..30521 for token ids (both ends included).")
    editor.set_cell(1, "range", "0..9")
    assert dialog.open_button.isEnabled(), dialog.problems()
    # a third input, then removed again
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.table.rowCount() == 3 and not dialog.open_button.isEnabled()
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.open_button.isEnabled()
    request = dialog.request()
    assert request.inputs == ["features:float32[6]", "category:int64[1]:0..9"]
    shot(dialog, tmp_path / "dialog-two-inputs.png")
    # the range is beyond the embedding's 5 categories: the model fails and the dialog returns
    dialog.accept()
    wait_error(qtbot, window, contains="index out of range")
    again = window.user_models.open_dialog()
    qtbot.waitUntil(lambda: again.info is not None, timeout=LOAD_TIMEOUT_MS)
    assert again.inputs_editor.texts() == request.inputs  # kept: the user's own rows
    again.inputs_editor.set_cell(1, "range", "0..4")
    accept_and_load(qtbot, window, again)
    data = window.loaded.data
    assert data.kind == "inputs" and data.signature.names == ("features", "category")
    category = data.signature.unpack(data.train_inputs)[1]
    assert category.dtype == torch.int64 and int(category.max()) <= 4
    assert window.loaded.details["inputs"][1] == {"name": "category", "shape": [1],
                                                  "dtype": "int64", "range": [0, 4]}
    assert run_to_end(qtbot, window, "dynamic") == "finished"
    assert window.result.quantized_layer_count == 2
    # the Outputs tab shows each input of a sample by name, not a picture
    outputs = window.outputs
    window.tabs.setCurrentWidget(outputs)
    assert outputs.input_view == "sequence"
    table = outputs.sequence_table
    assert table.verticalHeaderItem(0).text() == "features"
    assert table.verticalHeaderItem(1).text() == "category"
    features, shown = data.signature.unpack(data.val_inputs[:1])  # validation sample 1
    assert table.item(1, 0).text() == str(int(shown[0, 0]))
    assert [table.item(0, c).text() for c in range(6)] == [f"{float(v):.4g}"
                                                           for v in features[0]]
    shot(outputs, tmp_path / "outputs-two-inputs.png")


def test_architecture_list_says_why_a_package_cannot_be_used(qtbot, window, tmp_path):
    """The real torchvision and timm here: each is listed, or its one line says which package,
    why, and what to install."""
    dialog = window.user_models.open_dialog()
    browser = dialog.architectures
    with qtbot.waitSignal(browser.listed, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.mode_buttons["name"], Qt.MouseButton.LeftButton)
    status = browser.status.text()
    for package in ("torchvision", "timm"):
        try:
            importlib.import_module(package)
        except ModuleNotFoundError:
            line = next(p for p in browser.problems if p.startswith(package))
            assert line == (f"{package} is not installed, so its architectures cannot be "
                            f"listed: install it (pip install {package}) to choose one by "
                            "name."), line
        except Exception as error:  # noqa: BLE001 - installed but broken, as torchvision here
            line = next(p for p in browser.problems if p.startswith(package))
            first = str(error).splitlines()[0]
            assert f"{package} is installed but cannot be imported" in line, line
            assert first in line and f"Install the {package} build made for torch" in line
        else:
            assert any(name for name in browser.visible_names()), status
    shot(dialog, tmp_path / "dialog-architectures.png")
    dialog.close()


BROKEN_TORCHVISION = ("raise RuntimeError('operator torchvision::nms does not exist\\n"
                      "more detail')\n")


def test_architecture_list_with_a_torchvision_built_for_another_torch(qtbot, window, tmp_path,
                                                                       monkeypatch):
    """As the registry's torchvision wheel does on a CPU torch: its import raises."""
    package = tmp_path / "site" / "torchvision"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(BROKEN_TORCHVISION)
    monkeypatch.syspath_prepend(str(package.parent))
    monkeypatch.delitem(sys.modules, "torchvision", raising=False)
    dialog = window.user_models.open_dialog()
    with qtbot.waitSignal(dialog.architectures.listed, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.mode_buttons["name"], Qt.MouseButton.LeftButton)
    line = dialog.architectures.problems[0]
    assert "\n" not in line
    assert line.startswith("torchvision is installed but cannot be imported (RuntimeError: "
                           "operator torchvision::nms does not exist): it was built against "
                           f"another torch than this one ({torch.__version__}).")
    assert f"Install the torchvision build made for torch {torch.__version__.split('+')[0]}" \
        in line
    assert "more detail" not in line
    assert "operator torchvision::nms does not exist" in dialog.architectures.status.text()
    # the generic path still works: a factory of the test suite's own
    with qtbot.waitSignal(dialog.inspected, timeout=LOAD_TIMEOUT_MS):
        dialog.set_factory("py:tests.fixtures.models:make_mlp")
    dialog.shape_edit.setText("8")
    accept_and_load(qtbot, window, dialog)
    assert window.loaded.name == "make_mlp (tests.fixtures.models)"


FAKE_TORCHVISION = {
    "__init__.py": "from . import models\n__version__ = '0.0+test'\n",
    "models.py": (
        "from torch import nn\n\n\n"
        "def resnet18(num_classes=1000, weights=None):\n"
        "    return nn.Sequential(nn.Flatten(), nn.Linear(12, num_classes))\n\n\n"
        "def vit_b_16(num_classes=1000, weights=None):\n"
        "    return nn.Sequential(nn.Flatten(), nn.Linear(12, num_classes))\n\n\n"
        "def list_models(module=None):\n"
        "    return ['vit_b_16', 'resnet18']\n"),
}
FAKE_TIMM = {
    "__init__.py": (
        "from torch import nn\n__version__ = '0.0+test'\n\n\n"
        "def list_models():\n"
        "    return ['mobilenetv3_small_100', 'resnet18']\n\n\n"
        "def create_model(model_name, pretrained=False, num_classes=1000):\n"
        "    return nn.Sequential(nn.Flatten(), nn.Linear(12, num_classes))\n"),
}


@pytest.fixture
def packages_that_import(tmp_path, monkeypatch):
    """Small stand-ins for torchvision and timm (neither imports on this machine), with their
    list_models and factories, importable for the test only."""
    site = tmp_path / "site"
    for name, files in (("torchvision", FAKE_TORCHVISION), ("timm", FAKE_TIMM)):
        (site / name).mkdir(parents=True)
        for file, text in files.items():
            (site / name / file).write_text(text)
    monkeypatch.syspath_prepend(str(site))
    for name in ("torchvision", "torchvision.models", "timm"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    yield site
    for name in [n for n in sys.modules if n.split(".")[0] in ("torchvision", "timm")]:
        if str(site) in str(getattr(sys.modules[name], "__file__", "")):
            del sys.modules[name]


def test_choosing_an_architecture_in_the_list_opens_it(qtbot, window, packages_that_import,
                                                       tmp_path):
    dialog = window.user_models.open_dialog()
    browser = dialog.architectures
    with qtbot.waitSignal(browser.listed, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.mode_buttons["name"], Qt.MouseButton.LeftButton)
    assert browser.problems == []
    assert browser.status.text() == ("torchvision 0.0+test: 2 architectures<br>"
                                     "timm 0.0+test: 2 architectures")
    assert browser.visible_names() == ["resnet18", "vit_b_16", "mobilenetv3_small_100",
                                       "resnet18"]
    qtbot.keyClicks(browser.search, "mobile")
    assert browser.visible_names() == ["mobilenetv3_small_100"]
    browser.list.setCurrentRow(2)
    assert dialog.factory_edit.text() == "py:timm:create_model"
    assert json.loads(dialog.args_edit.text()) == {"model_name": "mobilenetv3_small_100"}
    browser.search.clear()
    with qtbot.waitSignal(dialog.inspected, timeout=LOAD_TIMEOUT_MS):
        browser.list.setCurrentRow(0)
    assert dialog.factory_edit.text() == "py:torchvision.models:resnet18"
    assert dialog.args_edit.text() == ""
    assert dialog.info.kind == "factory"
    shot(dialog, tmp_path / "dialog-architectures-listed.png")
    dialog.args_edit.setText('{"num_classes": 4}')
    dialog.shape_edit.setText("3,2,2")
    accept_and_load(qtbot, window, dialog)
    assert window.loaded.name == "resnet18 (torchvision.models)"
    assert window.loaded.model[1].out_features == 4
    assert "random initialisation" in window.loaded.description


def test_outputs_tab_draws_token_ids_as_a_sequence_with_their_words(qtbot, window, bert,
                                                                   tmp_path):
    texts = tmp_path / "texts.txt"
    texts.write_text("\n".join(TEXTS * 2) + "\n")
    dialog = open_dialog(qtbot, window, str(bert))
    # a shorter sequence, edited in the dialog: given as the length, the tokenizer uses it too
    dialog.inputs_editor.set_cell(0, "shape", "12")
    dialog.inputs_editor.set_cell(1, "shape", "12")
    request = dialog.request()
    assert (request.inputs, request.input_shape) == ([], "12")
    with qtbot.waitSignal(dialog.previewed, timeout=LOAD_TIMEOUT_MS):
        dialog.set_data("text", str(texts))
    accept_and_load(qtbot, window, dialog)
    assert window.loaded.data.signature.describe() == ("input_ids int64[12] in 0..19, "
                                                       "attention_mask int64[12] in 0..1")
    assert run_to_end(qtbot, window, "dynamic") == "finished"
    outputs = window.outputs
    window.tabs.setCurrentWidget(outputs)
    qtbot.waitUntil(lambda: outputs.decoder is not None, timeout=LOAD_TIMEOUT_MS)
    assert outputs.input_view == "sequence"
    table = outputs.sequence_table
    headers = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
    assert headers == ["input_ids", "words", "attention_mask"]
    data = window.loaded.data
    ids, mask = data.signature.unpack(data.val_inputs[:1])
    assert [table.item(0, c).text() for c in range(12)] == [str(int(i)) for i in ids[0]]
    words = [table.item(1, c).text() for c in range(12)]
    assert words[0] == "[CLS]" and "[SEP]" in words
    assert set(words[1:words.index("[SEP]")]) <= set(hf.WORDS)
    assert [table.item(2, c).text() for c in range(12)] == [str(int(m)) for m in mask[0]]
    drawn = outputs.graphics.ci.items  # no picture nor bars beside the probabilities
    assert outputs.image_view not in drawn and outputs.feature_plot not in drawn
    assert outputs.prob_plot in drawn
    qtbot.mouseClick(outputs.next_button, Qt.MouseButton.LeftButton)
    ids, _ = data.signature.unpack(data.val_inputs[1:2])
    assert table.item(0, 0).text() == str(int(ids[0, 0]))
    assert outputs.sample_title.text().startswith("Sample 2 of")
    shot(outputs, tmp_path / "outputs-tokens.png")


def test_outputs_tab_draws_one_integer_input_as_a_row_of_ids(qtbot, window, tmp_path):
    """An embedding-first model: the data kind is "tokens", one row of ids (no tokenizer)."""
    dialog = window.user_models.open_dialog()
    with qtbot.waitSignal(dialog.inspected, timeout=LOAD_TIMEOUT_MS):
        dialog.set_factory("py:tests.fixtures.models:TokenClassifier", '{"vocabulary": 30}')
    dialog.shape_edit.setText("10")  # the sequence length
    accept_and_load(qtbot, window, dialog)
    assert window.loaded.data.kind == "tokens"
    assert run_to_end(qtbot, window, "dynamic") == "finished"
    outputs = window.outputs
    table = outputs.sequence_table
    assert outputs.input_view == "sequence"
    assert table.rowCount() == 1 and table.columnCount() == 10
    assert table.verticalHeaderItem(0).text() == "ids"
    first = window.loaded.data.val_inputs[0]
    assert [table.item(0, c).text() for c in range(10)] == [str(int(v)) for v in first]
