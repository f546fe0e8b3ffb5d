"""What long work reports while it runs, and how it is asked to stop.

Long work in the core is a generator that yields these events; a front end (the window, the
command line, a test) decides how to show them. Stage names are identifiers, not prose, so the
window can translate them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import TypeVar, Union

from quantgui.core.errors import Cancelled


@dataclass(frozen=True)
class Progress:
    """One step of a stage: ``stage`` is an identifier such as "calibrating"; ``item``, where
    a step is about one thing of several, names it (the engine a comparison starts)."""

    stage: str
    current: int
    total: int
    item: str = ""


@dataclass(frozen=True)
class TrainStep:
    """One QAT optimisation step (epochs and steps count from 1)."""

    epoch: int
    epochs: int
    step: int
    steps_per_epoch: int
    loss: float
    learning_rate: float
    time: float = 0.0  # time.perf_counter() when the step ended, for steps per second


@dataclass(frozen=True)
class EpochEnd:
    """End of one QAT epoch, measured on the validation data with fake quantization on."""

    epoch: int
    epochs: int
    train_loss: float
    val_loss: float | None
    val_accuracy: float | None


@dataclass(frozen=True)
class LogMessage:
    text: str
    level: str = "info"


Event = Union[Progress, TrainStep, EpochEnd, LogMessage]

ReturnT = TypeVar("ReturnT")
EventStream = Generator[Event, None, ReturnT]


class CancelToken:
    """Set from any thread; the work checks it between two steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled("cancelled by the user")


def drive(stream: EventStream[ReturnT], on_event: Callable[[Event], None] | None = None) -> ReturnT:
    """Run an event stream to its end and return its result."""
    while True:
        try:
            event = next(stream)
        except StopIteration as stop:
            return stop.value
        if on_event is not None:
            on_event(event)
