"""The window's state, with one owner that the panels observe.

``WindowState`` holds what the window is about: the loaded model and its summary, the last
completed run on that model and the one before it, the recipe the settings form describes (with
the layers ticked "keep float" in the Layers tab) and the job running now. It changes only
through its methods, and each change emits the signal the panels listen to:

- ``model_changed(loaded)``: another model is loaded; the runs of the previous one are gone.
- ``result_changed(result)``: the result the window shows changed; ``None`` while a quantize
  run goes (the last completed one comes back if the run is cancelled or fails) or before the
  first run on the model.
- ``run_completed(result)``: a quantize run ended well; emitted once per run (the History and
  the Layers tab's what-if listen to it).
- ``run_shown(result)``: a run of a comparison (Compare engines, Compare all three) is now
  the result shown (the window chose it, or the user selected its row).
- ``running_changed(kind)``: a job started ("load", "quantize", "engines", "techniques") or
  ended ("").
- ``recipe_changed()``: the settings or the keep-float choices changed.

``WindowHost`` is the narrow interface that the window's helpers (``results_io``,
``user_models``, the Layers tab) use for what is not state: a parent for dialogs, the status bar,
the log, the error dialog, applying a recipe to the settings, loading a model and the model
list. They take
the state and a host; none of them imports the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from quantgui.jobs.worker import JobFailure

JOBS = ("load", "quantize", "engines", "techniques")


class WindowHost(Protocol):
    """What the window does for its helpers (implemented by ``MainWindow``)."""

    def dialog_parent(self) -> QWidget: ...

    def show_status(self, text: str, timeout_ms: int = 0) -> None: ...

    def log_line(self, text: str, level: str = "info") -> None: ...

    def show_error(self, title: str, failure: JobFailure,
                   retry: Callable[[], Any] | None = None) -> None: ...

    def technique_title(self, method: str) -> str: ...

    def apply_recipe(self, recipe: Any) -> None: ...

    def load_model(self, name: str) -> None: ...

    def start_loading(self, job: Callable[[Any], Any]) -> None: ...

    def open_model(self) -> None: ...

    def add_model_entry(self, key: str, title: str, tip: str) -> None: ...

    def select_model_entry(self, key: str) -> None: ...


class WindowState(QObject):
    model_changed = Signal(object)
    result_changed = Signal(object)
    run_completed = Signal(object)
    run_shown = Signal(object)
    running_changed = Signal(str)
    recipe_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loaded: Any = None  # quantgui.core.demos.LoadedModel
        self.summary: Any = None  # quantgui.core.analysis.ModelSummary
        self.last_run: Any = None  # the last completed RunResult on the loaded model
        self.previous_run: Any = None  # the completed run before it, on the same model
        self.job = ""  # the job running now ("" when none)
        self.recipe: Any = None  # the settings form's Recipe, None while it cannot be built
        self.runnable = False  # the recipe passes its own checks (Recipe.check_runnable)
        self.recipe_problem = ""  # why not, in words ("" when it is runnable)
        self.keep_float: tuple[str, ...] = ()  # ticked "keep float" in the Layers tab

    # --- reading --------------------------------------------------------------------------
    @property
    def result(self) -> Any:
        """The result the window shows: the last completed run, except while a quantize run
        goes (its result replaces it, or it comes back after a cancel or a failure)."""
        return None if self.job == "quantize" else self.last_run

    @property
    def busy(self) -> bool:
        return bool(self.job)

    @property
    def method(self) -> str:
        return self.recipe.method if self.recipe is not None else ""

    def run_recipe(self) -> Any:
        """What Quantize would run now: the form's recipe with the layers ticked "keep float"
        (None while the form cannot make a recipe)."""
        recipe = self.recipe
        if recipe is None:
            return None
        keep = [name for name in self.keep_float if name not in recipe.keep_float]
        return recipe.replace(keep_float=(*recipe.keep_float, *keep)) if keep else recipe

    def technique_problem(self, method: str | None = None) -> str:
        """Why ``method`` (default: the form's) cannot work on the loaded model's kind (e.g.
        static on TorchScript), or ""."""
        method = method or self.method
        loaded = self.loaded
        if loaded is None or not method or str(loaded.source).startswith("demo:"):
            return ""
        from quantgui.core.errors import QuantGUIError
        from quantgui.core.sources import check_method

        try:
            check_method(str(loaded.source).split(":", 1)[0], method)
        except QuantGUIError as error:
            return f"{error.message} {error.hint}".strip()
        return ""

    # --- changing -------------------------------------------------------------------------
    def set_model(self, loaded: Any, summary: Any) -> None:
        """Another model is loaded (which ends a "load" job): the runs of the previous one no
        longer apply."""
        had_result = self.result is not None
        loading = self.job == "load"
        self.loaded, self.summary = loaded, summary
        self.last_run = self.previous_run = None
        self.keep_float = ()
        if loading:
            self.job = ""
        self.model_changed.emit(loaded)
        if had_result:
            self.result_changed.emit(None)
        if loading:
            self.running_changed.emit("")

    def start_job(self, kind: str) -> None:
        if kind not in JOBS:
            raise ValueError(f"unknown job {kind!r}")
        hides = kind == "quantize" and self.last_run is not None
        self.job = kind
        self.running_changed.emit(kind)
        if hides:
            self.result_changed.emit(None)

    def end_job(self) -> None:
        """The job ended without a new result (cancelled, failed, or a comparison, which does
        not replace the result): the last completed run is shown again."""
        shows = self.job == "quantize" and self.last_run is not None
        self.job = ""
        self.running_changed.emit("")
        if shows:
            self.result_changed.emit(self.last_run)

    def complete_run(self, result: Any) -> None:
        """A quantize run ended well: ``result`` is shown, the run before it (on the same
        model) becomes the previous one."""
        previous = self.last_run
        self.previous_run = (previous if previous is not None
                             and previous.model_name == result.model_name else None)
        self.last_run = result
        self.job = ""
        self.running_changed.emit("")
        self.result_changed.emit(result)
        self.run_completed.emit(result)

    def show_run(self, result: Any) -> None:
        """One run of a comparison (Compare engines, Compare all three) becomes the result
        shown and saved (``run_shown``); it is in the History already, so no ``run_completed``.
        The what-if has no previous run until the next quantize run."""
        if self.job or result is None or self.loaded is None:
            return
        self.previous_run = None
        self.last_run = result
        self.result_changed.emit(result)
        self.run_shown.emit(result)

    def set_recipe(self, recipe: Any, runnable: bool, problem: str = "") -> None:
        """The settings form's recipe (None when it cannot be built), whether it passes its
        checks, and why not; ``recipe_changed`` only when one of them changed."""
        if (recipe, runnable, problem) == (self.recipe, self.runnable, self.recipe_problem):
            return
        self.recipe, self.runnable, self.recipe_problem = recipe, runnable, problem
        self.recipe_changed.emit()

    def set_keep_float(self, names: list[str] | tuple[str, ...]) -> None:
        names = tuple(names)
        if names != self.keep_float:
            self.keep_float = names
            self.recipe_changed.emit()
