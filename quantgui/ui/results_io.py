"""Keep and share results from the window: File > Save quantized model…, Export as Python
script…, Save recipe… / Open recipe…, Save HTML report…; it also feeds the Code tab and adds
every finished run to the History tab.

``ResultsIO`` reads the window's state (``quantgui.ui.state.WindowState``: the loaded model,
the result, the recipe) and asks the window for the rest through its narrow ``WindowHost``
interface (dialogs' parent, status bar, log, error dialog); it does not import the main window.
Each file action has a dialog-free method (``save_quantized_to``, ``export_script_to``,
``save_recipe_to``, ``open_recipe_from``, ``save_html_to``) that the menu calls after its file
dialog and the tests call directly. Saving a model, writing a script and rendering a report run
in a worker job; the outcome goes to the status bar and the log, failures to the error dialog.
"""

from __future__ import annotations

import json
import traceback
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from quantgui.jobs.worker import JobFailure, JobRunner
from quantgui.ui.code_view import CodeView
from quantgui.ui.history_panel import HistoryPanel
from quantgui.ui.preferences import app_settings
from quantgui.ui.state import WindowHost, WindowState
from quantgui.ui.training_plots import TrainingPlots

FOLDER_KEY = "last_results_folder"


class ResultsIO(QObject):
    """Signals: ``written(kind, value)`` when a file job ends well (kind "model" with the core's
    ``SaveCheck``, "script" with the paths written, "html" with the path), ``write_failed(kind)``,
    ``recipe_opened(recipe)`` and ``history_added(entry)``."""

    written = Signal(str, object)
    write_failed = Signal(str)
    recipe_opened = Signal(object)
    history_added = Signal(object)

    def __init__(self, state: WindowState, host: WindowHost, code_view: CodeView,
                 history_panel: HistoryPanel, training: TrainingPlots) -> None:
        super().__init__(state)
        self.state = state
        # weak: the window owns this object; a reference back would keep a closed window alive
        self._host = weakref.ref(host)
        # weak too: the Code tab holds code_inputs (a reference to this object), and a cycle
        # would leave both to the garbage collector, which may run while a worker uses torch
        self._panels = (weakref.ref(code_view), weakref.ref(history_panel), weakref.ref(training))
        self._kind = ""
        self.file_dialog: QFileDialog | None = None  # a save dialog waiting for a file
        self.replace_question: QMessageBox | None = None  # "replace the files beside it?"
        self.writer = JobRunner(self, "save")
        self.writer.finished.connect(self._on_written)
        self.writer.failed.connect(self._on_write_failed)
        self.writer.ended.connect(lambda _: self.update_actions())
        self._build_actions()
        state.model_changed.connect(self._on_model_loaded)
        state.run_completed.connect(self._on_run_completed)
        state.running_changed.connect(lambda _: self.update_actions())
        state.recipe_changed.connect(code_view.schedule)
        code_view.provider = self.code_inputs
        code_view.export_requested.connect(self.export_script)
        history_panel.warning.connect(self._on_history_warning)
        history_panel.apply_requested.connect(self.apply_history_entry)
        self.update_actions()

    @property
    def code_view(self) -> CodeView:
        return self._panels[0]()  # type: ignore[return-value]

    @property
    def history_panel(self) -> HistoryPanel:
        return self._panels[1]()  # type: ignore[return-value]

    @property
    def training(self) -> TrainingPlots:
        return self._panels[2]()  # type: ignore[return-value]

    @property
    def host(self) -> WindowHost:
        host = self._host()
        assert host is not None, "the window is gone"
        return host

    # --- menu -----------------------------------------------------------------------------
    def _build_actions(self) -> None:
        w = self.host.dialog_parent()
        self.save_model_action = QAction(self.tr("&Save quantized model…"), w)
        self.save_model_action.setToolTip(self.tr("Save the last run's quantized model and "
                                                  "check that it loads back."))
        self.save_model_action.setShortcut(QKeySequence.StandardKey.Save)  # Ctrl+S
        self.save_model_action.triggered.connect(self.save_quantized)
        self.export_script_action = QAction(self.tr("&Export as Python script…"), w)
        self.export_script_action.setToolTip(self.tr("Write a standalone script that rebuilds "
                                                     "the quantized model with these settings."))
        self.export_script_action.triggered.connect(self.export_script)
        self.save_report_action = QAction(self.tr("Save &HTML report…"), w)
        self.save_report_action.setToolTip(self.tr("Write the last run's report as one "
                                                   "self-contained HTML file."))
        self.save_report_action.triggered.connect(self.save_html)
        self.save_recipe_action = QAction(self.tr("Save re&cipe…"), w)
        self.save_recipe_action.setToolTip(self.tr("Save the technique and settings (and the "
                                                   "model's name) as JSON."))
        self.save_recipe_action.triggered.connect(self.save_recipe)
        self.open_recipe_action = QAction(self.tr("Open rec&ipe…"), w)
        self.open_recipe_action.setToolTip(self.tr("Fill in the technique and settings from a "
                                                   "saved recipe (the window's or the command "
                                                   "line's)."))
        self.open_recipe_action.triggered.connect(self.open_recipe)
        self.actions = (self.save_model_action, self.export_script_action,
                        self.save_report_action, self.save_recipe_action,
                        self.open_recipe_action)

    def add_to_menu(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addAction(self.open_recipe_action)
        menu.addAction(self.save_recipe_action)
        menu.addSeparator()
        menu.addAction(self.save_model_action)
        menu.addAction(self.export_script_action)
        menu.addAction(self.save_report_action)
        menu.aboutToShow.connect(self.update_actions)

    def update_actions(self) -> None:
        state = self.state
        running = state.busy
        loaded = state.loaded is not None and not running
        has_result = state.result is not None and not running
        busy = self.writer.is_running()
        self.save_model_action.setEnabled(has_result and not busy)
        self.save_report_action.setEnabled(has_result and not busy)
        self.export_script_action.setEnabled(loaded and not busy)
        self.save_recipe_action.setEnabled(loaded)
        self.open_recipe_action.setEnabled(loaded)

    # --- the current recipe and the Code tab ----------------------------------------------
    def current_recipe(self) -> Any:
        """The settings form's recipe plus the layers ticked "keep float" in the Layers tab: what
        Quantize would run now. Raises QuantGUIError (saying what is wrong) for invalid
        settings."""
        from quantgui.core.errors import QuantGUIError

        recipe = self.state.run_recipe()
        if recipe is None:
            raise QuantGUIError(self.state.recipe_problem or self.tr("Load a model first."))
        return recipe

    def code_inputs(self) -> tuple[Any, Any] | str:
        """For the Code tab: (loaded model, recipe), a problem to show, or "" (nothing yet)."""
        state = self.state
        if state.loaded is None:
            return ""
        recipe = state.run_recipe()
        if recipe is None:
            return state.recipe_problem
        return state.loaded, recipe

    # --- file dialogs ---------------------------------------------------------------------
    def _folder(self) -> str:
        return str(app_settings().value(FOLDER_KEY, str(Path.home())))

    def _remember(self, path: str) -> None:
        app_settings().setValue(FOLDER_KEY, str(Path(path).parent))

    def _stem(self) -> str:
        state = self.state
        name = state.loaded.name if state.loaded is not None else "model"
        method = state.result.recipe.method if state.result is not None else state.method
        return "".join(c if c.isalnum() or c in "-_" else "_" for c in f"{name}_{method}")

    def _ask_save(self, title: str, filename: str, filters: list[str],
                  then: Callable[[str, str], Any]) -> QFileDialog:
        """A window-modal save dialog that does not block (the tests and the event loop go
        on); once a file is chosen, ``then(path, chosen filter)``. Kept as ``file_dialog``."""
        if self.file_dialog is not None:
            self.file_dialog.close()
        dialog = QFileDialog(self.host.dialog_parent(), title,
                             str(Path(self._folder()) / filename), ";;".join(filters))
        dialog.setObjectName("saveDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen(path: str) -> None:
            if path:
                self._remember(path)
                then(path, dialog.selectedNameFilter())

        dialog.fileSelected.connect(chosen)
        dialog.finished.connect(lambda _: self._forget_dialog(dialog))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog: QFileDialog) -> None:
        if self.file_dialog is dialog:
            self.file_dialog = None

    def save_quantized(self) -> None:
        """File > Save quantized model… (Ctrl+S)."""
        if self.state.result is None or not self.save_model_action.isEnabled():
            return
        from quantgui.core.engines import get_engine

        # each engine saves in its own native formats (torch.ao: state_dict, TorchScript; PT2E:
        # a torch.export program; ONNX Runtime: an .onnx file)
        formats = get_engine(self.state.result.engine).save_formats
        titles = {"state_dict": self.tr("state_dict with a loader (*.pt)"),
                  "torchscript": self.tr("TorchScript (*.pt)"),
                  "export": self.tr("torch.export program (*.pt2)"),
                  "pt2": self.tr("torch.export program (*.pt2)"),
                  "onnx": self.tr("ONNX model (*.onnx)")}
        filters = [titles.get(fmt, f"{fmt} (*)") for fmt in formats]
        suffix = {"pt2": ".pt2", "export": ".pt2", "onnx": ".onnx"}.get(formats[0], ".pt")

        def save(path: str, chosen: str) -> None:
            fmt = formats[filters.index(chosen)] if chosen in filters else formats[0]
            self.save_quantized_to(path, fmt)

        self._ask_save(self.tr("Save quantized model"), f"{self._stem()}_int8{suffix}",
                       filters, save)

    def export_script(self) -> None:
        self._ask_save(self.tr("Export as Python script"), f"{self._stem()}.py",
                       [self.tr("Python script (*.py)")],
                       lambda path, _: self.export_script_to(path))

    def save_html(self) -> None:
        if self.state.result is None:
            return
        self._ask_save(self.tr("Save HTML report"), f"{self._stem()}_report.html",
                       [self.tr("HTML report (*.html)")], lambda path, _: self.save_html_to(path))

    def save_recipe(self) -> None:
        self._ask_save(self.tr("Save recipe"), f"{self._stem()}_recipe.json",
                       [self.tr("Recipe (*.json)")], lambda path, _: self.save_recipe_to(path))

    def open_recipe(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.host.dialog_parent(), self.tr("Open recipe"),
                                              self._folder(),
                                              ";;".join([self.tr("Recipe (*.json)"),
                                                         self.tr("All files (*)")]))
        if path:
            self._remember(path)
            self.open_recipe_from(path)

    # --- jobs that write files ------------------------------------------------------------
    def _start(self, kind: str, job: Any, message: str) -> bool:
        host = self.host
        if self.writer.is_running():
            host.show_status(self.tr("Wait for the file being written to be done."), 5000)
            return False
        self._kind = kind
        host.show_status(message)
        self.writer.start(job)
        self.update_actions()
        return True

    def _refuse_input(self, path: str | Path, title: str) -> bool:
        """True (after saying so) when ``path`` cannot be written or is the model's own file."""
        from quantgui.core.errors import QuantGUIError
        from quantgui.core.files import check_output
        from quantgui.core.script import model_input_files

        loaded = self.state.loaded
        try:
            check_output(path, model_input_files(loaded) if loaded is not None else [])
        except QuantGUIError as error:
            self.host.show_error(title, JobFailure(error, ""))
            return True
        return False

    def save_quantized_to(self, path: str | Path, fmt: str) -> bool:
        """Save the last run's quantized model as ``fmt`` (state_dict, torchscript or export)
        and load it back; False when there is nothing to save or a file is being written."""
        result, loaded = self.state.result, self.state.loaded
        if result is None or loaded is None:
            self.host.show_status(self.tr("Quantize first: there is no quantized model to "
                                          "save."), 5000)
            return False
        if self._refuse_input(path, self.tr("The quantized model could not be saved")):
            return False
        recipe = result.recipe

        def job(cancel: Any) -> Any:
            from quantgui.core.engines import get_engine
            from quantgui.core.files import OutputBatch

            batch = OutputBatch()  # staged, loaded back, then renamed into place
            try:
                check = get_engine(result.engine).save_checked(
                    result, Path(path), fmt, staging=batch,
                    example=loaded.data.example_batch(recipe.batch_size),
                    float_model=loaded.model, source=loaded.source)
                batch.commit()
            finally:
                batch.discard()
            return check

        return self._start("model", job, self.tr("Saving the quantized model to {path}…").format(
            path=path))

    def export_script_to(self, path: str | Path, replace: bool = False) -> bool:
        """Write the script the Code tab shows and, beside it, the files it reads (weights,
        data, a Python model's source files), so that the folder runs wherever it is copied.
        Files already beside it are replaced only after the user agrees in
        ``replace_question`` (or with ``replace``); the model's own files never are. False when
        nothing was started (an error, or the question is waiting for an answer)."""
        from quantgui.core.errors import QuantGUIError
        from quantgui.core.script import check_script_targets, script_side_files

        host = self.host
        title = self.tr("The script could not be written")
        inputs = self.code_inputs()
        if isinstance(inputs, str):
            error = QuantGUIError(inputs or self.tr("Load a model first."))
            host.show_error(title, JobFailure(error, ""))
            return False
        loaded, recipe = inputs
        try:
            check_script_targets(path, loaded, overwrite=True)  # inputs are refused still
        except QuantGUIError as error:
            host.show_error(title, JobFailure(error, ""))
            return False
        existing = [p for p in script_side_files(path, loaded) if p.exists()]
        if existing and not replace:
            self._ask_replace(path, existing)
            return False

        def job(cancel: Any) -> Any:
            from quantgui.core.script import write_script

            return write_script(path, loaded, recipe, overwrite=replace)

        return self._start("script", job, self.tr("Writing the script to {path}…").format(
            path=path))

    def _ask_replace(self, path: str | Path, existing: list[Path]) -> None:
        """Ask (window-modal, without blocking) before the script's data files are replaced."""
        if self.replace_question is not None:
            self.replace_question.close()
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Replace the files beside the "
                                                             "script?"),
                          self.tr("Exporting the script to {path} also writes the files it "
                                  "reads beside it (weights, data, the model's source files), "
                                  "and these files exist already:").format(
                              path=path),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self.host.dialog_parent())
        box.setObjectName("replaceQuestion")
        box.setInformativeText("\n".join(str(p) for p in existing))
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Replace"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(_: int) -> None:
            self.replace_question = None
            if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
                self.export_script_to(path, replace=True)
            else:
                self.host.show_status(self.tr("The script was not written."), 5000)

        box.finished.connect(answered)
        self.replace_question = box
        box.open()

    def save_html_to(self, path: str | Path) -> bool:
        """Write the last run's report, with the QAT loss curve the Training tab shows."""
        result = self.state.result
        if result is None:
            self.host.show_status(self.tr("Quantize first: there is no report to save."), 5000)
            return False
        report = result.to_report()
        steps = []
        if result.recipe.method == "qat":
            steps = list(zip(self.training.steps, self.training.losses, strict=False))
        title = self.tr("QuantGUI report: {model}").format(model=result.model_name)
        if self._refuse_input(path, self.tr("The report could not be written")):
            return False

        def job(cancel: Any) -> Path:
            from quantgui.core.export import write_atomically
            from quantgui.core.report_html import render

            write_atomically(path, render(report, steps=steps, title=title).encode("utf-8"))
            return Path(path)

        return self._start("html", job, self.tr("Writing the report to {path}…").format(
            path=path))

    def _on_written(self, value: Any) -> None:
        host = self.host
        kind = self._kind
        if kind == "model":
            verdict = (self.tr("identical outputs") if value.identical
                       else self.tr("maximum output difference {difference:.3g}").format(
                           difference=value.max_abs_difference))
            message = self.tr("Saved {format} to {path} ({size}); loaded back: "
                              "{verdict}.").format(format=value.format, path=value.path,
                                                   size=_size(value.size_bytes), verdict=verdict)
        elif kind == "script":
            message = self.tr("Script written to {path}.").format(path=value[0])
            self.code_view.script_path = Path(value[0])  # the Code tab shows what was written
            self.code_view.schedule()
            if len(value) > 1:  # named from the script's folder: the folder runs anywhere
                folder = Path(value[0]).parent
                message += " " + self.tr("The files it reads are beside it: {paths}.").format(
                    paths=", ".join(_beside(p, folder) for p in value[1:]))
        else:
            message = self.tr("HTML report written to {path}.").format(path=value)
        host.show_status(message)
        host.log_line(message)
        self.written.emit(kind, value)

    def _on_write_failed(self, failure: JobFailure) -> None:
        host = self.host
        kind = self._kind
        title = {"model": self.tr("The quantized model could not be saved"),
                 "script": self.tr("The script could not be written"),
                 "html": self.tr("The report could not be written")}.get(kind, "")
        host.show_status(f"{title}: {failure.message}")
        host.log_line(failure.message + (" " + failure.hint if failure.hint else ""), "error")
        host.show_error(title, failure)
        self.write_failed.emit(kind)

    # --- recipes --------------------------------------------------------------------------
    def save_recipe_to(self, path: str | Path) -> bool:
        """The current technique and settings as JSON, with the model's spec (as the command
        line's --save-recipe writes it: ``quantgui-cli quantize --recipe`` reads it back)."""
        from quantgui.core.errors import QuantGUIError
        from quantgui.core.export import write_atomically

        loaded = self.state.loaded
        try:
            recipe = self.current_recipe()
            saved = recipe.to_dict()
            if loaded is not None:
                saved["model"] = loaded.source
                if loaded.model_args:
                    saved["model_args"] = loaded.model_args
            write_atomically(path, (json.dumps(saved, indent=2) + "\n").encode("utf-8"))
        except (QuantGUIError, ValueError, OSError) as error:
            if isinstance(error, QuantGUIError):
                pass  # already says what is wrong (OutputError names the user's path)
            elif isinstance(error, ValueError):
                error = QuantGUIError(self.tr("{field}: enter a number.").format(
                    field=error.args[0]))
            elif isinstance(error, OSError):
                error = QuantGUIError(self.tr("{path} cannot be written: {reason}.").format(
                    path=path, reason=error.strerror or error))
            self.host.show_error(self.tr("The recipe could not be saved"),
                                 JobFailure(error, traceback.format_exc()))
            return False
        message = self.tr("Recipe saved to {path}.").format(path=path)
        self.host.show_status(message, 8000)
        self.host.log_line(message)
        return True

    def read_recipe(self, path: str | Path) -> tuple[Any, str | None]:
        """(recipe, model spec or None) from a recipe file, checked as a whole by the core (as
        the command line's --recipe is); raises RecipeError naming the file and the setting."""
        from quantgui.core.recipes import read_recipe_file

        saved = read_recipe_file(path)
        return saved.recipe, saved.model

    def open_recipe_from(self, path: str | Path) -> bool:
        """Select the recipe's technique and fill in its settings; load its model when it is
        another demo. A file that is not a recipe ends in the error dialog."""
        from quantgui.core.errors import QuantGUIError

        state, host = self.state, self.host
        if state.loaded is None or state.busy:
            host.show_status(self.tr("Wait for the current job to end."), 5000)
            return False
        try:
            recipe, model = self.read_recipe(path)
        except QuantGUIError as error:
            host.show_error(self.tr("The recipe could not be opened"),
                            JobFailure(error, traceback.format_exc()))
            return False
        host.apply_recipe(recipe)
        message = self.tr("Opened the recipe {path} ({method}).").format(
            path=path, method=host.technique_title(recipe.method))
        host.log_line(message)
        host.show_status(message, 8000)
        if model and model != state.loaded.source:
            if model.startswith("demo:"):
                host.load_model(model[len("demo:"):])
            else:
                host.log_line(self.tr("The recipe was saved for {model}; its settings now apply "
                                      "to {current}. Open that model with File > Open model… "
                                      "to run it as saved.").format(model=model,
                                                                    current=state.loaded.name),
                              "warning")
        self.recipe_opened.emit(recipe)
        return True

    def apply_history_entry(self, entry: Any) -> bool:
        """History > Apply these settings: the run's technique and settings in the form (its
        keep-float layers included), to run it again or change it."""
        from quantgui.core.errors import QuantGUIError
        from quantgui.core.recipes import Recipe

        state, host = self.state, self.host
        if state.loaded is None or state.busy:
            host.show_status(self.tr("Wait for the current job to end."), 5000)
            return False
        try:
            recipe = Recipe.from_dict(dict(entry.report["recipe"]))
        except (QuantGUIError, KeyError, TypeError, ValueError) as error:
            if not isinstance(error, QuantGUIError):
                error = QuantGUIError(self.tr("The run's settings cannot be read: {reason}.")
                                      .format(reason=error))
            host.show_error(self.tr("The settings could not be applied"),
                            JobFailure(error, traceback.format_exc()))
            return False
        host.apply_recipe(recipe)
        message = self.tr("Applied the settings of run {id} ({method}).").format(
            id=entry.id, method=host.technique_title(recipe.method))
        if entry.model != state.loaded.name:
            message += " " + self.tr("That run was on {model}; they now apply to "
                                     "{current}.").format(model=entry.model,
                                                          current=state.loaded.name)
        host.log_line(message)
        host.show_status(message, 8000)
        self.recipe_opened.emit(recipe)
        return True

    # --- window events --------------------------------------------------------------------
    def _on_model_loaded(self, loaded: Any) -> None:
        self.history_panel.set_model(loaded.name)
        self.code_view.schedule()
        self.update_actions()

    def _on_run_completed(self, result: Any) -> None:
        """Every finished quantize run goes into the History."""
        try:
            entry = self.history_panel.add_report(result.to_report())
        except OSError as error:
            self.host.log_line(self.tr("The run could not be added to the history: "
                                       "{reason}.").format(reason=error), "warning")
        else:
            self.host.log_line(self.tr("Added to the history as run {id}.").format(id=entry.id))
            self.history_added.emit(entry)
        self.update_actions()

    def _on_history_warning(self, text: str) -> None:
        self.host.log_line(text, "warning")

    def shutdown(self) -> None:
        """Join the worker threads (the window's closeEvent, once it is really closing)."""
        self.writer.stop_and_wait()
        self.code_view.shutdown()


def _beside(path: Path, folder: Path) -> str:
    """``path`` as seen from ``folder`` (the script's), or whole where it is elsewhere."""
    try:
        return Path(path).relative_to(folder).as_posix()
    except ValueError:
        return str(path)


def _size(count: int) -> str:
    from quantgui.ui.comparison_panel import format_bytes

    return format_bytes(count)
