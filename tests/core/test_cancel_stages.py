"""Every long stage of a run stops promptly when cancelled: the token is set from the event
callback (as the window's Stop button does between two events), and the work must raise
Cancelled before it reports anything else or runs the model again."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from quantgui.core.analysis import sensitivity
from quantgui.core.errors import Cancelled
from quantgui.core.events import CancelToken, Event, Progress, TrainStep, drive
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for

from .helpers import random_loaded


class Mlp(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.body = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU())
        self.head = nn.Linear(32, 4)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.body(x))


def _stage_of(event: Event) -> str | None:
    if isinstance(event, TrainStep):
        return "training"
    return event.stage if isinstance(event, Progress) else None


def cancel_at(stream_of, stage: str, model: nn.Module, skip: int = 0) -> tuple[int, int]:
    """Drive ``stream_of(cancel)``, cancelling at the ``skip``-th event of ``stage``; returns
    (events after the cancel, forward passes of ``model``'s layers after the cancel)."""
    cancel = CancelToken()
    seen = {"stage": 0, "events_after": 0, "forwards_after": 0}

    def count_forward(_module, _args, _output) -> None:
        if cancel.cancelled:
            seen["forwards_after"] += 1

    handles = [m.register_forward_hook(count_forward) for m in model.modules()
               if isinstance(m, nn.Linear)]

    def on_event(event: Event) -> None:
        if cancel.cancelled:
            seen["events_after"] += 1
        elif _stage_of(event) == stage:
            if seen["stage"] == skip:
                cancel.cancel()
            seen["stage"] += 1

    try:
        with pytest.raises(Cancelled):
            drive(stream_of(cancel), on_event)
    finally:
        for handle in handles:
            handle.remove()
    assert seen["stage"] > 0, f"no {stage} event was seen"
    return seen["events_after"], seen["forwards_after"]


@pytest.fixture
def loaded():
    # 160 training samples: several calibration batches, training steps and teacher batches
    return random_loaded(Mlp(), (16,), classes=4, count=200)


@pytest.mark.parametrize(("method", "stage", "settings"), [
    ("static", "calibrating", {"calibration_batches": 8}),
    ("qat", "training", {"epochs": 2}),
    ("qat", "preparing", {"epochs": 1, "loss": "distillation"}),  # the teacher's outputs
    ("static", "predicting", {"calibration_batches": 2}),
    ("dynamic", "measuring", {}),
    ("static", "layer errors", {"calibration_batches": 2}),
    ("dynamic", "layer errors", {}),
])
def test_a_cancel_during_a_stage_stops_the_run_at_once(loaded, method, stage, settings):
    recipe = recipe_for(method, batch_size=16, threads=1, **settings)
    events_after, forwards_after = cancel_at(
        lambda cancel: run(loaded, recipe, cancel=cancel), stage, loaded.model, skip=1)
    assert events_after == 0
    # the float model is not run again (the layer-error pass stops at its next layer)
    assert forwards_after <= 1


def test_a_cancel_during_the_sensitivity_ranking_stops_it_at_once(loaded):
    recipe = recipe_for("static", batch_size=16, threads=1, calibration_batches=2)
    events_after, forwards_after = cancel_at(
        lambda cancel: sensitivity(loaded, recipe, cancel), "sensitivity", loaded.model, skip=1)
    assert events_after == 0 and forwards_after == 0


def test_the_stages_report_their_progress_in_order(loaded):
    events: list[Event] = []
    recipe = recipe_for("static", batch_size=16, threads=1, calibration_batches=4)
    drive(run(loaded, recipe), events.append)
    stages = []
    for event in events:
        stage = _stage_of(event)
        if stage is not None and (not stages or stages[-1] != stage):
            stages.append(stage)
    assert stages == ["preparing", "calibrating", "converting", "predicting", "measuring",
                      "layer errors"]
    measuring = [e for e in events if _stage_of(e) == "measuring"]
    # one event a timed round, ending at the total
    assert measuring[-1].current == measuring[-1].total == measuring[0].total
    assert measuring[-1].total >= 5


def test_the_callers_code_between_two_events_runs_with_grad_and_outside_inference_mode(loaded):
    """Grad and inference modes set around the model's calls must not leak to the consumer of
    the event stream (the window's or the command line's callback) while a stage is paused."""
    modes = set()

    def on_event(_event: Event) -> None:
        modes.add((torch.is_grad_enabled(), torch.is_inference_mode_enabled()))

    for method, settings in (("static", {"calibration_batches": 2}),
                             ("qat", {"epochs": 1, "loss": "distillation"})):
        drive(run(loaded, recipe_for(method, batch_size=16, threads=1, **settings)), on_event)
    assert modes == {(True, False)}
