"""The window's side of opening the user's own models: the Open model dialog, the trust question
for pickled models, File > Open Recent, dropping a file or model folder on the window, and the
model combo's entries for user models.

``UserModels`` reads the window's state (``quantgui.ui.state.WindowState``) and asks the window
for the rest through its narrow ``WindowHost`` interface; it does not import the main window.
Loading runs in the window's loader (``WindowHost.start_loading`` with ``load_user_model_job``);
the state's ``model_changed`` calls ``after_loaded`` here, and the window calls
``after_load_failed`` when a load fails.
"""

from __future__ import annotations

import json
import weakref
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton

from quantgui.ui.open_dialog import OpenModelDialog, OpenRequest
from quantgui.ui.preferences import app_settings
from quantgui.ui.state import WindowHost, WindowState
from quantgui.ui.wording import fit_title, window_words

RECENT_KEY = "recent_models"
RECENT_COUNT = 5
USER_PREFIX = "user:"
OPEN_MODEL = "__open__"  # the combo's "Open model…" entry (as in main_window)


class UserModels(QObject):
    def __init__(self, state: WindowState, host: WindowHost) -> None:
        super().__init__(state)
        self.state = state
        # weak: the window owns this object; a reference back would keep a closed window alive
        self._host = weakref.ref(host)
        self.dialog: OpenModelDialog | None = None
        self.trust_box: QMessageBox | None = None
        self.trust_button: QPushButton | None = None
        self.requests: dict[str, OpenRequest] = {}  # combo item data -> how to open it again
        self.pending: OpenRequest | None = None  # being loaded now
        # the last file that failed to load: the Open dialog comes back with its fields
        self.failed_request: OpenRequest | None = None
        self.current_key = ""  # the combo item of the model loaded now
        self.closing = False
        self.recent_menu = QMenu(self.tr("Open &Recent"), host.dialog_parent())
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        self.fill_recent()
        state.model_changed.connect(self.after_loaded)

    @property
    def host(self) -> WindowHost:
        host = self._host()
        assert host is not None, "the window is gone"
        return host

    # --- the dialog -----------------------------------------------------------------------
    def open_dialog(self, path: str | None = None,
                    request: OpenRequest | None = None) -> OpenModelDialog:
        """Show the Open model dialog, pre-filled with ``path`` or ``request``; with neither,
        with the fields of the last file that failed to load, if one did."""
        if request is None and not path and self.failed_request is not None:
            request = self.failed_request
        if self.dialog is not None:
            self.dialog.close()
        dialog = OpenModelDialog(self.host.dialog_parent())
        if request is not None:
            dialog.set_request(request)
        elif path:
            dialog.set_model_path(path)
        dialog.accepted.connect(lambda: self.open_request(dialog.request()))
        dialog.finished.connect(lambda _: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog: OpenModelDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    # --- loading --------------------------------------------------------------------------
    def open_request(self, request: OpenRequest) -> None:
        """Load ``request``; a pickled model first asks whether the file is trusted."""
        if request.kind == "pickle" and not request.trust:
            self._ask_trust(request)
        else:
            self.load(request)

    def ask_trust_after(self, request: OpenRequest | None, failure: Any) -> bool:
        """A file that the core opens only when trusted (NeedsTrust: a Hugging Face folder
        whose weights are a pickle) failed untrusted: the trust question, with the core's
        reason; True when asked. Declined, the failure is shown as any other."""
        from quantgui.core.errors import NeedsTrust

        if request is None or request.trust or not isinstance(failure.error, NeedsTrust):
            return False
        self._ask_trust(request, failure)
        return True

    def _trust_hint(self) -> str:
        # the core's hint names --trust; the window asks instead
        return self.tr("Only if you trust where it came from, choose “Trust and open”. Then "
                       "model.save_pretrained(folder) writes model.safetensors, which holds "
                       "tensors only and opens without asking.")

    def _ask_trust(self, request: OpenRequest, failure: Any = None) -> None:
        if self.trust_box is not None:
            self.trust_box.close()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Trust this file?"),
                          self.tr("Loading this file runs code from it. Only continue if you "
                                  "trust where it came from."),
                          QMessageBox.StandardButton.NoButton, self.host.dialog_parent())
        box.setObjectName("trustDialog")
        if failure is not None:  # the core says what the file holds
            box.setInformativeText(f"{window_words(failure.message)} {self._trust_hint()}")
        else:
            box.setInformativeText(self.tr(
                "{name} is a whole pickled model: opening it unpickles the file, which can run "
                "any code it contains. Safer: a torch.export program (.pt2), or the Python file "
                "and class with state_dict weights.").format(name=Path(request.model).name))
        trust = box.addButton(self.tr("Trust and open"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _: self._on_trust_answer(
            box, request, box.clickedButton() is trust, failure))
        self.trust_box, self.trust_button = box, trust
        fit_title(box)
        box.open()

    def _on_trust_answer(self, box: QMessageBox, request: OpenRequest, trusted: bool,
                         failure: Any = None) -> None:
        if self.trust_box is box:
            self.trust_box, self.trust_button = None, None
        if self.closing:
            return
        if failure is not None and not trusted:  # it was refused already: say so, once
            from quantgui.core.errors import NeedsTrust
            from quantgui.jobs.worker import JobFailure

            said = JobFailure(NeedsTrust(failure.message, self._trust_hint()), failure.details)
            self.host.show_error(self.tr("The model could not be loaded"), said,
                                 retry=self.open_dialog)
            return
        # Declined: the core refuses the file (without unpickling it) and says why.
        self.load(replace(request, trust=trusted))

    def load(self, request: OpenRequest) -> bool:
        """Start loading ``request`` in the window's loader; False when busy or invalid."""
        from quantgui.jobs.tasks import load_user_model_job

        host = self.host
        if self.state.busy:
            host.show_status(self.tr("Wait for the current job to end."), 5000)
            return False
        try:
            options = request.options()
        except ValueError as error:
            host.show_status(self.tr("Not a valid shape: {text}").format(
                text=error.args[0] if error.args else ""), 8000)
            return False
        self.pending = request
        host.show_status(self.tr("Opening {name}…").format(name=request.title))
        host.start_loading(load_user_model_job(request.spec, **options))
        return True

    def after_loaded(self, loaded: Any) -> None:
        """A model (demo or user) is loaded (the state's ``model_changed``)."""
        source = str(loaded.source)
        request, self.pending = self.pending, None
        if source.startswith("demo:") or request is None:
            self.current_key = loaded.name
            return
        self.failed_request = None
        request = replace(request, trust=False, kind=source.split(":", 1)[0])
        key = USER_PREFIX + json.dumps(request.to_dict(), sort_keys=True)
        self.requests[key] = request
        self.current_key = key
        self.host.add_model_entry(key, loaded.name, request.spec)
        self.remember(request)

    def after_load_failed(self) -> None:
        """The load of a file failed: the Open dialog comes back with its fields, and the
        model list shows the model still loaded."""
        if self.pending is not None:
            self.failed_request = self.pending
        self.pending = None
        if self.state.loaded is not None:
            self.select_current()

    def select_current(self) -> None:
        self.host.select_model_entry(self.current_key)

    def handle_choice(self, data: Any) -> bool:
        """The combo's "Open model…" or a user model was chosen: True when handled here."""
        if data == OPEN_MODEL:
            self.select_current()
            self.host.open_model()
            return True
        if isinstance(data, str) and data.startswith(USER_PREFIX):
            if (data != self.current_key and data in self.requests
                    and not self.load_or_ask(self.requests[data])):
                self.select_current()
            return True
        return False

    def load_or_ask(self, request: OpenRequest) -> bool:
        if self.state.busy:
            return False
        self.open_request(request)
        return True

    # --- Open Recent ----------------------------------------------------------------------
    def recent(self) -> list[OpenRequest]:
        raw = app_settings().value(RECENT_KEY, "[]")
        try:
            items = json.loads(str(raw))
            return [OpenRequest.from_dict(item) for item in items if isinstance(item, dict)]
        except (ValueError, TypeError):
            return []

    def remember(self, request: OpenRequest) -> None:
        entry = request.to_dict()
        items = [entry] + [r.to_dict() for r in self.recent() if r.to_dict() != entry]
        app_settings().setValue(RECENT_KEY, json.dumps(items[:RECENT_COUNT]))
        self.fill_recent()

    def fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        items = self.recent()
        for number, request in enumerate(items, start=1):
            data = "" if request.data == "random" else f" — {Path(request.data).name}"
            action = QAction(f"&{number} {request.title}{data}", menu)
            action.setToolTip(request.spec)
            action.setStatusTip(request.spec)
            action.triggered.connect(lambda _=False, r=request: self.load_or_ask(r))
            menu.addAction(action)
        if not items:
            empty = menu.addAction(self.tr("No recent models"))
            empty.setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(self.tr("Clear the list"), self.clear_recent)

    def clear_recent(self) -> None:
        app_settings().setValue(RECENT_KEY, "[]")
        self.fill_recent()

    # --- drag and drop --------------------------------------------------------------------
    @staticmethod
    def dropped_path(event: Any) -> str:
        """The one file, Hugging Face folder (config.json) or package folder (__init__.py)
        dropped; "" for anything else (several items, another folder, a link to a web page)."""
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return ""
        paths = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        if len(paths) != 1:
            return ""
        path = Path(paths[0])
        model_folder = path.is_dir() and any(
            (path / name).is_file() for name in ("config.json", "__init__.py"))
        return str(path) if path.is_file() or model_folder else ""

    def drag_enter(self, event: Any) -> None:
        if self.dropped_path(event) and self.state.job in ("", "load"):  # not during a run
            event.acceptProposedAction()
        else:
            event.ignore()

    def drop(self, event: Any) -> None:
        path = self.dropped_path(event)
        if not path:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_dialog(path)

    def shutdown(self) -> None:
        """On window close: stop the dialog's reading jobs before the widgets go."""
        self.closing = True
        if self.dialog is not None:
            self.dialog.shutdown()
            self.dialog.close()
        if self.trust_box is not None:
            self.trust_box.close()
