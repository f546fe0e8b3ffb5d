"""The plan before a run: which layers the chosen technique and backend would quantize
(``core.analysis.plan_layers``, a minimal dry run made in a worker job), made again when the
technique or a setting that changes the plan changes.

``LayerPlanner`` reads the window's state and emits ``planning(recipe)`` when a dry run starts,
``planned(plan)`` with its result, ``unavailable(problem)`` when the technique cannot work on the
loaded model's kind (no dry run then), ``failed(message)`` and ``ended()`` after each job."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from quantgui.jobs.worker import JobFailure, JobRunner
from quantgui.ui.state import WindowState

# settings that do not change what the plan says (the plan is a dry run with its own observer)
PLAN_IRRELEVANT = {"threads", "batch_size", "keep_float", "observer", "calibration_batches",
                   "epochs", "optimizer", "learning_rate", "lr_schedule",
                   "freeze_observers_after", "freeze_bn_after", "device", "loss", "seed"}


def plan_job(loaded: Any, recipe: Any, key: tuple):  # noqa: ANN201 - a worker job
    def job(cancel):  # noqa: ANN001, ANN202
        from quantgui.core import analysis

        planned = analysis.plan_layers(loaded, recipe)
        cancel.raise_if_cancelled()
        return key, planned

    return job


def plan_key(state: WindowState) -> tuple | None:
    """What the plan depends on: the model, the technique and the settings that matter."""
    if state.loaded is None or state.recipe is None:
        return None
    relevant = tuple(sorted((k, repr(v)) for k, v in state.recipe.to_dict().items()
                            if k not in PLAN_IRRELEVANT))
    return (id(state.loaded.model), state.recipe.method, relevant)


class LayerPlanner(QObject):
    planning = Signal(object)
    planned = Signal(object)
    unavailable = Signal(str)
    failed = Signal(str)
    ended = Signal()

    def __init__(self, state: WindowState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.plan: list | None = None  # core.analysis.PlannedLayer of each leaf layer
        self.key: tuple | None = None  # what the plan was made for (plan_key)
        self._running_key: tuple | None = None  # what the job running now plans for
        self.runner = JobRunner(self, "plan")
        self.runner.finished.connect(self._on_planned)
        self.runner.failed.connect(self._on_failed)
        self.runner.ended.connect(self._after_job)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.replan)

    def _on_failed(self, failure: JobFailure) -> None:
        self.failed.emit(failure.message)

    def is_running(self) -> bool:
        return self.runner.is_running()

    def current_key(self) -> tuple | None:
        return plan_key(self.state)

    def is_current(self) -> bool:
        """The plan shown is the one for the settings now."""
        return self.key is not None and self.key == self.current_key()

    def schedule(self) -> None:
        """Plan again shortly (the settings are being changed)."""
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.runner.stop_and_wait()

    def reset(self) -> None:
        """Another model: the plan of the previous one is gone."""
        self.stop()
        self.plan = self.key = None

    def replan(self) -> None:
        state = self.state
        key = self.current_key()
        if key is None or state.busy or key == self.key:
            return
        if self.runner.is_running():
            if key != self._running_key:
                self.runner.cancel()  # _after_job plans again
            return
        recipe = state.recipe if state.runnable else None
        if recipe is None:
            return
        problem = state.technique_problem(recipe.method)
        if problem:  # e.g. TorchScript: no dry run of a technique that cannot work on it
            self.plan, self.key = None, key
            self.unavailable.emit(problem)
            return
        self.planning.emit(recipe)
        self._running_key = key
        self.runner.start(plan_job(state.loaded, recipe.replace(keep_float=()), key))

    def _on_planned(self, payload: Any) -> None:
        key, planned = payload
        if key != self.current_key():
            return  # the settings changed meanwhile; _after_job plans again
        self.plan, self.key = planned, key
        self.planned.emit(planned)

    def _after_job(self, _outcome: str) -> None:
        self.ended.emit()
        if self.current_key() != self.key:
            self._timer.start()
