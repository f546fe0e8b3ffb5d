"""What a run's figures do not say by themselves reaches the status bar and the Log in words:
outputs too near zero to compare (issue 17: a random MobileNetV2's logits were 1e-26)."""

from __future__ import annotations

import copy
import dataclasses

import torch
from torch import nn

from quantgui.ui.i18n import tr_core

from .helpers import run_to_end


def test_outputs_near_zero_are_said_in_the_status_bar_and_the_log(qtbot, window):
    original = window.loaded
    model = copy.deepcopy(original.model)
    last = [module for module in model.modules() if isinstance(module, nn.Linear)][-1]
    with torch.no_grad():  # the logits of a random MobileNetV2: about 1e-26
        last.weight.mul_(1e-26)
        last.bias.zero_()
    window.state.loaded = dataclasses.replace(original, model=model)
    try:
        assert run_to_end(qtbot, window, "dynamic") == "finished"
        result = window.state.last_run
        assert result.agreement.near_zero and len(result.warnings) == 1
        said = tr_core("log", result.warnings[0])
        assert "near zero" in said and "mean nothing" in said
        assert window.statusBar().currentMessage().startswith(said)
        assert any(line.endswith(f"[warning] {said}") for line in window.log.lines())
    finally:
        window.state.loaded = original
    assert run_to_end(qtbot, window, "dynamic") == "finished"
    assert window.state.last_run.warnings == []
    assert window.statusBar().currentMessage().startswith("Done in")
