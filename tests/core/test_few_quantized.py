"""A static or QAT run that leaves most convolution and linear layers float says so in the log
(torch.ao's FX traced Hugging Face's ResNet in pieces and made 2 of its 21 layers int8 without
a word), and a run that converts them all does not."""

from __future__ import annotations

import pytest

from quantgui.core.demos import load_demo
from quantgui.core.events import LogMessage, drive
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for
from quantgui.core.sources import open_user_model
from tests.fixtures import hf


def _warnings(loaded, recipe) -> tuple[list[str], object]:
    messages: list[LogMessage] = []
    result = drive(run(loaded, recipe), lambda e: messages.append(e)
                   if isinstance(e, LogMessage) else None)
    return [m.text for m in messages if m.level == "warning"], result


@pytest.mark.slow
def test_a_partly_converted_model_is_named_in_a_warning(tmp_path):
    loaded = open_user_model(str(hf.resnet(tmp_path / "resnet")), data="random")
    warnings, result = _warnings(loaded, recipe_for("static", threads=1, calibration_batches=1))
    few = [w for w in warnings if w.startswith("Only ")]
    quantized = sum(1 for layer in result.layers if layer.quantized)
    assert len(few) == 1, warnings
    assert f"Only {quantized} of the " in few[0] and "Compare engines" in few[0]


def test_a_fully_converted_model_and_dynamic_runs_get_no_such_warning():
    loaded = load_demo("digits-cnn")
    warnings, _ = _warnings(loaded, recipe_for("static", threads=1, calibration_batches=1))
    assert not [w for w in warnings if w.startswith("Only ")]
    warnings, _ = _warnings(loaded, recipe_for("dynamic", threads=1))  # 1 Linear of 4: by design
    assert not [w for w in warnings if w.startswith("Only ")]
