"""The engine is chosen before the run (issue 17): on a Hugging Face ResNet torch.ao's FX would
leave most convolutions float, on a BERT it refuses static and QAT outright, so the choice is
PT2E, with one sentence why; the digits CNN stays on torch.ao. A user's own choice is kept, with
the warning. Real models (tiny Hugging Face folders built offline), real plans, a real
torch.export."""

from __future__ import annotations

import pytest
import torch

from quantgui.core.demos import load_demo
from quantgui.core.engine_choice import choose_engine
from quantgui.core.errors import QuantGUIError
from quantgui.core.events import LogMessage, drive
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for
from quantgui.core.sources import open_user_model
from tests.fixtures import hf


@pytest.fixture(scope="module")
def resnet(tmp_path_factory):
    return open_user_model(str(hf.resnet(tmp_path_factory.mktemp("hf") / "resnet")),
                           data="random")


@pytest.fixture(scope="module")
def bert(tmp_path_factory):
    return open_user_model(str(hf.bert_classifier(tmp_path_factory.mktemp("hf") / "bert")),
                           data="random")


def _snapshot(loaded) -> tuple[dict[str, torch.Tensor], torch.Tensor]:
    return ({k: v.clone() for k, v in loaded.model.state_dict().items()},
            loaded.data.val_inputs.clone())


def _unchanged(loaded, before) -> bool:
    state, inputs = before
    now = loaded.model.state_dict()
    return (all(torch.equal(now[k], v) for k, v in state.items())
            and torch.equal(loaded.data.val_inputs, inputs))


@pytest.mark.parametrize("method", ["static", "qat"])
def test_a_hugging_face_resnet_gets_pt2e_because_torch_ao_would_leave_it_float(resnet, method):
    before = _snapshot(resnet)
    choice = choose_engine(resnet, recipe_for(method))
    assert choice.engine == "pt2e" and choice.requested == "torch_ao" and choice.switched
    assert not choice.warning
    # one sentence, with the figures of the plan
    assert choice.reason.startswith("PyTorch compiled (PT2E + inductor) chosen for ")
    assert "would quantize only 2 of its 9 convolution and linear layers" in choice.reason
    assert choice.reason.count(". ") == 0 and choice.reason.endswith(".")
    assert _unchanged(resnet, before)  # the plan and the export worked on copies


@pytest.mark.parametrize("method", ["static", "qat"])
def test_a_hugging_face_bert_gets_pt2e_because_torch_ao_refuses_it(bert, method):
    before = _snapshot(bert)
    choice = choose_engine(bert, recipe_for(method))
    assert choice.engine == "pt2e" and choice.switched
    assert "PyTorch eager (torch.ao) cannot apply it (FX graph mode cannot rewrite" \
        in choice.reason
    assert choice.detail  # what FX said, for the log
    assert _unchanged(bert, before)


def test_a_users_own_engine_is_kept_with_the_warning(resnet):
    choice = choose_engine(resnet, recipe_for("static"), explicit=True)
    assert choice.engine == "torch_ao" and not choice.switched and choice.warning
    assert choice.reason.startswith("PyTorch eager (torch.ao) is kept as chosen, but it will "
                                    "quantize only 2 of the 9")
    # another engine chosen by the user: nothing to say about it
    assert choose_engine(resnet, recipe_for("static", engine="pt2e"), explicit=True).reason == ""


def test_torch_ao_stays_where_it_quantizes_the_model(resnet):
    cnn = load_demo("digits-cnn")
    for method in ("static", "qat"):
        choice = choose_engine(cnn, recipe_for(method))
        assert (choice.engine, choice.reason) == ("torch_ao", ""), method
    # dynamic quantization needs no graph rewrite: never judged
    assert choose_engine(resnet, recipe_for("dynamic")).engine == "torch_ao"


def test_torch_ao_qat_on_bert_ends_in_words_not_a_raw_type_error(bert):
    logged: list[str] = []
    with pytest.raises(QuantGUIError) as caught:
        drive(run(bert, recipe_for("qat", epochs=1)),
              lambda e: logged.append(e.text) if isinstance(e, LogMessage) else None)
    error = caught.value
    assert "cannot apply QAT quantization to this model" in error.message
    assert "TypeError" not in error.message and "fused_moving_avg" not in error.message
    assert "--engine" not in error.hint and "(pt2e)" in error.hint
    # what FX said is in the log
    assert any(line.startswith("torch.ao's FX graph mode stopped on this model: ")
               for line in logged)
