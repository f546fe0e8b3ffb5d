"""The engine, chosen before the run (``core.engine_choice``, in a worker job).

``EngineAdvisor`` observes the window's state: for each model and technique it asks the core
whether the default engine can quantize the model (the layer plan, a torch.export), and while
the user has not picked an engine in the settings' engine box for that technique, puts the one
that can there (PT2E on a Hugging Face ResNet or BERT with Static or QAT). The reason is shown
in one line under the engine box and in the status bar, and logged. An engine the user picked is
kept; when it is the one that would quantize little of the model, the same places warn, before
Quantize is pressed. Choices are kept per model, technique and backend.
"""

from __future__ import annotations

import weakref
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from quantgui.jobs.worker import JobRunner
from quantgui.ui.i18n import tr_core
from quantgui.ui.settings_panel import SettingsPanel
from quantgui.ui.state import WindowHost, WindowState


def choice_job(loaded: Any, recipe: Any, explicit: bool, key: tuple):  # noqa: ANN201 - a job
    def job(cancel):  # noqa: ANN001, ANN202
        from quantgui.core.engine_choice import choose_engine

        choice = choose_engine(loaded, recipe, explicit=explicit)
        cancel.raise_if_cancelled()
        return key, choice

    return job


class EngineAdvisor(QObject):
    """``chosen(choice)``: a ``core.engine_choice.EngineChoice`` is shown for the settings now."""

    chosen = Signal(object)

    def __init__(self, state: WindowState, panel: SettingsPanel, host: WindowHost,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state, self.panel = state, panel
        self._host = weakref.ref(host)  # the window: no reference cycle through its helper
        self.choice: Any = None  # what is shown now
        self.key: tuple | None = None  # what it is for
        self._cache: dict[tuple, Any] = {}
        self._running_key: tuple | None = None
        self.runner = JobRunner(self, "engine choice")
        self.runner.finished.connect(self._on_chosen)
        self.runner.ended.connect(self._again)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self.update)
        state.model_changed.connect(self._on_model)
        state.recipe_changed.connect(self._timer.start)
        state.running_changed.connect(self._on_running)

    # bound methods, not lambdas: a lambda holding self would keep the window alive
    def _again(self, _outcome: str = "") -> None:
        self._timer.start()

    def _on_running(self, job: str) -> None:
        if not job:  # a run ended: a choice that came meanwhile is shown now
            self._timer.start()

    @property
    def host(self) -> WindowHost:
        host = self._host()
        assert host is not None, "the window is gone"
        return host

    def current_key(self) -> tuple | None:
        """What the choice depends on: the model, the technique, the backend, and the engine
        when the user picked it (else the default engine is judged)."""
        state = self.state
        recipe = state.recipe
        if state.loaded is None or recipe is None or not state.runnable:
            return None
        if state.technique_problem(recipe.method):
            return None  # e.g. TorchScript: the technique cannot work on it at all
        explicit = self.panel.engine_chosen_by_hand(recipe.method)
        return (id(state.loaded.model), recipe.method, recipe.backend, explicit,
                recipe.engine if explicit else None)

    def is_running(self) -> bool:
        return self.runner.is_running()

    def stop(self) -> None:
        self._timer.stop()
        self.runner.stop_and_wait()

    def _on_model(self, _loaded: Any) -> None:
        from quantgui.core.engines import DEFAULT_ENGINE

        self._cache.clear()
        self.choice = self.key = None
        self.panel.show_engine_note("")
        self.panel.set_auto_engine(DEFAULT_ENGINE)  # until the new model's choice is made
        self._timer.start()

    def update(self) -> None:
        from quantgui.core.engines import DEFAULT_ENGINE

        key = self.current_key()
        if key is None or self.state.busy or key == self.key:
            return
        if key in self._cache:
            self._apply(key, self._cache[key])
            return
        if self.runner.is_running():
            if key != self._running_key:
                self.runner.cancel()  # its end starts the timer: this key is judged then
            return
        explicit = key[3]
        recipe = self.state.recipe
        if not explicit:
            recipe = recipe.replace(engine=DEFAULT_ENGINE)
        self._running_key = key
        self.runner.start(choice_job(self.state.loaded, recipe.replace(keep_float=()),
                                     explicit, key))
        if not explicit:  # the default until the choice is made (after the job started:
            self.panel.set_auto_engine(DEFAULT_ENGINE)  # the form's change comes back here)
        self.panel.show_engine_checking()

    def _on_chosen(self, payload: Any) -> None:
        from quantgui.core import texts

        key, choice = payload
        self._cache[key] = choice
        if key != self.current_key() or self.state.busy:
            return  # the settings changed meanwhile (or a run started): the timer goes on
        if choice.detail:
            self.host.log_line(tr_core("log", texts.LOG_TORCH_AO_FX_STOPPED.format(
                error=choice.detail)), "info")
        if choice.reason:
            self.host.log_line(tr_core("message", choice.reason),
                               "warning" if choice.warning else "info")
        self._apply(key, choice)

    def _apply(self, key: tuple, choice: Any) -> None:
        self.choice, self.key = choice, key
        if not key[3]:
            self.panel.set_auto_engine(choice.engine)
        self.panel.show_engine_note(choice.reason, choice.warning)
        if choice.reason:
            self.host.show_status(tr_core("message", choice.reason))
        self.chosen.emit(choice)
