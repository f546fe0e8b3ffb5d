"""Issue 12's opening leftovers in the real window: a dropped folder opens, ``quantgui --model``
takes folders and ``py:`` specs with ``--model-args`` and ``--input``, the summary names a
multi-input model's inputs, and the core's ``--input`` advice is worded for the Open dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests.fixtures import hf

from .conftest import delete_now
from .helpers import LOAD_TIMEOUT_MS, run_to_end
from .test_app_options import _run_main
from .test_open_model import accept_and_load

PACKAGE_INIT = """from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 3)

    def forward(self, x):
        return self.fc(x)
"""


def _drop(window, path) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(QPointF(300, 300), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.event(drop)  # QApplication.sendEvent drops it: no drag is in progress
    return drop


def test_dropping_a_hugging_face_folder_opens_it_and_names_its_inputs(qtbot, window, tmp_path):
    folder = hf.bert_classifier(tmp_path / "tiny-bert")
    assert "Input shape" in window.model_summary.text()  # the demo: one float tensor
    drop = _drop(window, folder)
    assert drop.isAccepted()
    dialog = window.user_models.dialog
    assert dialog is not None and dialog.model_edit.text() == str(folder)
    qtbot.waitUntil(lambda: dialog.open_button.isEnabled(), timeout=LOAD_TIMEOUT_MS)
    accept_and_load(qtbot, window, dialog)
    assert window.loaded.name == "tiny-bert"
    summary = window.model_summary.text()
    assert "input_ids int64 [24], attention_mask int64 [24]" in summary, summary
    assert "Input shape" not in summary  # not the packed 48


def test_dropping_a_package_folder_opens_it_and_another_folder_is_refused(qtbot, window,
                                                                          tmp_path):
    package = tmp_path / "netpkg"
    package.mkdir()
    (package / "__init__.py").write_text(PACKAGE_INIT)
    plain = tmp_path / "photos"
    plain.mkdir()
    assert not _drop(window, plain).isAccepted()
    assert window.user_models.dialog is None
    assert _drop(window, package).isAccepted()
    dialog = window.user_models.dialog
    qtbot.waitUntil(lambda: dialog.class_combo.count() > 0, timeout=LOAD_TIMEOUT_MS)
    assert dialog.class_combo.currentText() == "Net"
    dialog.shape_edit.setText("8")
    qtbot.waitUntil(lambda: dialog.open_button.isEnabled(), timeout=LOAD_TIMEOUT_MS)
    accept_and_load(qtbot, window, dialog)
    assert window.loaded.name == "Net (netpkg)"
    assert run_to_end(qtbot, window, "dynamic") == "finished"


def test_the_launcher_opens_a_factory_with_model_args(qtbot, isolated_settings):
    seen = _run_main(["--model", "py:tests.fixtures.models:make_mlp", "--model-args",
                      '{"width": 12}', "--input-shape", "8", "--method", "dynamic", "--run"])
    window = seen["window"]
    try:
        assert seen["outcome"] == "finished", seen
        assert window.loaded.name == "make_mlp (tests.fixtures.models)"
        assert window.summary.parameter_count == 8 * 12 + 12 + 12 * 3 + 3  # width 12 used
        assert seen["code"] == 0
    finally:
        delete_now(window)


def test_the_launcher_opens_a_two_input_model_with_its_inputs(qtbot, isolated_settings):
    seen = _run_main(["--model", "py:tests.fixtures.models:TwoInputNet", "--input",
                      "features:float32[6]", "--input", "category:int64[1]:0..4",
                      "--method", "dynamic", "--run"])
    window = seen["window"]
    try:
        assert seen["outcome"] == "finished", seen
        assert "features float32 [6], category int64 [1]" in window.model_summary.text()
        assert seen["result"].to_report()["model_details"]["factory"] == \
            "tests.fixtures.models.TwoInputNet"
    finally:
        delete_now(window)


def test_the_launcher_opens_a_hugging_face_folder(qtbot, isolated_settings, tmp_path):
    folder = hf.vit(tmp_path / "tiny-vit")
    seen = _run_main(["--model", str(folder), "--method", "dynamic", "--run"])
    window = seen["window"]
    try:
        assert seen["outcome"] == "finished", seen
        assert window.loaded.name == "tiny-vit"
        assert window.loaded.details["compared_output"] == "logits"
    finally:
        delete_now(window)


@pytest.mark.parametrize("model, problem", [
    ("py:not a module:make", "is not of the form py:package.module:factory"),
    ("{folder}", "neither a Hugging Face model (config.json) nor a Python package"),
    ("{package}", "give the class of the package as"),
    ("{folder}/missing.pt2", "does not exist"),
])
def test_the_launcher_says_what_is_wrong_with_a_model_spec(tmp_path, model, problem):
    from quantgui.app import _user_request, parse_args

    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    spec = model.format(folder=tmp_path / "empty", package=package)
    (tmp_path / "empty").mkdir()
    request, said = _user_request(parse_args(["--model", spec]))
    assert request is None and problem in said, said


def test_input_advice_names_the_inputs_table_not_the_option(qtbot):
    from quantgui.core.errors import ModelError
    from quantgui.core.signature import parse_input
    from quantgui.ui.wording import window_words

    messages = [
        "m.py:Net takes 2 inputs (features, ids). Give each with --input in that order: "
        "--input 'features:DTYPE[SHAPE]' --input 'ids:DTYPE[SHAPE]', e.g. --input "
        "'features:float32[8]' --input 'ids:int64[16]:0..999'.",
        "The inputs of this Foo are not known from its config. Give them with --input "
        "NAME:DTYPE[SHAPE][:LOW..HIGH], one per input.",
        "It takes ids int64[4] in 0..9: check the data or the --input range.",
    ]
    with pytest.raises(ModelError) as raised:
        parse_input("ids:int64[8]")  # a real core message: an integer input needs its range
    messages.append(f"{raised.value.message} {raised.value.hint}")
    for message in messages:
        worded = window_words(message)
        assert "--input" not in worded and "DTYPE" not in worded, worded
    assert "tick “Describe each input”" in window_words(messages[0])
    assert window_words(messages[0]).startswith("m.py:Net takes 2 inputs (features, ids). ")
    assert "the range in the Inputs table" in window_words(messages[2])
    assert "the input “ids:int64[8]”" in window_words(messages[3])
    # --input-shape is still the Input shape field, not the Inputs table
    assert window_words("Leave out --input-shape.") == "Leave the “Input shape” field empty."
