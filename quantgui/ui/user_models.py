"""The window's side of opening the user's own models: the Open model dialog, the trust question
for pickled models, File > Open Recent, dropping a file on the window, and the model combo's
entries for user models.

``UserModels`` is owned by the ``MainWindow``; loading runs in the window's ``loader`` JobRunner
(``load_user_model_job``) and ends in the window's own ``_on_loaded``/``_on_load_failed``, which
call back ``after_loaded``/``after_load_failed`` here.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton

from quantgui.ui.open_dialog import OpenModelDialog, OpenRequest
from quantgui.ui.wording import fit_title

if TYPE_CHECKING:
    from quantgui.ui.main_window import MainWindow

RECENT_KEY = "recent_models"
RECENT_COUNT = 5
USER_PREFIX = "user:"
OPEN_MODEL = "__open__"  # the combo's "Open model…" entry (as in main_window)


class UserModels(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.dialog: OpenModelDialog | None = None
        self.trust_box: QMessageBox | None = None
        self.trust_button: QPushButton | None = None
        self.requests: dict[str, OpenRequest] = {}  # combo item data -> how to open it again
        self.pending: OpenRequest | None = None  # being loaded now
        # the last file that failed to load: the Open dialog comes back with its fields
        self.failed_request: OpenRequest | None = None
        self.current_key = ""  # the combo item of the model loaded now
        self.closing = False
        self.recent_menu = QMenu(self.tr("Open &Recent"), window)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        self.fill_recent()
        window.setAcceptDrops(True)

    @property
    def window(self) -> MainWindow:
        # The parent, not an attribute: a reference back would keep a closed window's Python
        # object alive (a cycle) after Qt deleted it.
        return self.parent()  # type: ignore[return-value]

    # --- the dialog -----------------------------------------------------------------------
    def open_dialog(self, path: str | None = None,
                    request: OpenRequest | None = None) -> OpenModelDialog:
        """Show the Open model dialog, pre-filled with ``path`` or ``request``; with neither,
        with the fields of the last file that failed to load, if one did."""
        if request is None and not path and self.failed_request is not None:
            request = self.failed_request
        if self.dialog is not None:
            self.dialog.close()
        dialog = OpenModelDialog(self.window)
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

    def _ask_trust(self, request: OpenRequest) -> None:
        if self.trust_box is not None:
            self.trust_box.close()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Trust this file?"),
                          self.tr("Loading this file runs code from it. Only continue if you "
                                  "trust where it came from."),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("trustDialog")
        box.setInformativeText(self.tr(
            "{name} is a whole pickled model: opening it unpickles the file, which can run any "
            "code it contains. Safer: a torch.export program (.pt2), or the Python file and "
            "class with state_dict weights.").format(name=Path(request.model).name))
        trust = box.addButton(self.tr("Trust and open"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _: self._on_trust_answer(
            box, request, box.clickedButton() is trust))
        self.trust_box, self.trust_button = box, trust
        fit_title(box)
        box.open()

    def _on_trust_answer(self, box: QMessageBox, request: OpenRequest, trusted: bool) -> None:
        if self.trust_box is box:
            self.trust_box, self.trust_button = None, None
        if self.closing:
            return
        # Declined: the core refuses the file (without unpickling it) and says why.
        self.load(replace(request, trust=trusted))

    def load(self, request: OpenRequest) -> bool:
        """Start loading ``request`` in the window's loader; False when busy or invalid."""
        from quantgui.jobs.tasks import load_user_model_job

        w = self.window
        if w.loader.is_running() or w.runner.is_running():
            w.statusBar().showMessage(self.tr("Wait for the current job to end."), 5000)
            return False
        try:
            options = request.options()
        except ValueError as error:
            w.statusBar().showMessage(self.tr("Not a valid shape: {text}").format(
                text=error.args[0] if error.args else ""), 8000)
            return False
        self.pending = request
        w.quantize_button.setEnabled(False)
        w.quantize_action.setEnabled(False)
        w.model_combo.setEnabled(False)
        w.model_summary.setText(self.tr("Loading…"))
        w.statusBar().showMessage(self.tr("Opening {name}…").format(name=request.title))
        w.loader.start(load_user_model_job(request.spec, **options))
        return True

    def after_loaded(self) -> None:
        """Called by the window once a model (demo or user) is loaded."""
        w = self.window
        source = str(w.loaded.source)
        request, self.pending = self.pending, None
        if source.startswith("demo:") or request is None:
            self.current_key = w.loaded.name
            return
        self.failed_request = None
        request = replace(request, trust=False, kind=source.split(":", 1)[0])
        key = USER_PREFIX + json.dumps(request.to_dict(), sort_keys=True)
        self.requests[key] = request
        self.current_key = key
        combo = w.model_combo
        combo.blockSignals(True)
        index = combo.findData(key)
        if index < 0:
            opener = combo.findData(OPEN_MODEL)
            index = opener - 1 if opener > 0 else combo.count()  # before the separator
            combo.insertItem(index, w.loaded.name, key)
        combo.setItemData(index, request.spec, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)
        self.remember(request)

    def after_load_failed(self) -> None:
        """The previous model (if any) stays loaded: show it again and let it run."""
        w = self.window
        if self.pending is not None:
            self.failed_request = self.pending
        self.pending = None
        if w.loaded is None:
            return
        w.model_summary.setText(w._summary_html())
        w.description.setText(w.loaded.description)
        self.select_current()
        w._validate()

    def select_current(self) -> None:
        combo = self.window.model_combo
        index = combo.findData(self.current_key)
        if index >= 0:
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)

    def handle_choice(self, data: Any) -> bool:
        """The combo's "Open model…" or a user model was chosen: True when handled here."""
        if data == OPEN_MODEL:
            self.select_current()
            self.window.open_model()
            return True
        if isinstance(data, str) and data.startswith(USER_PREFIX):
            if (data != self.current_key and data in self.requests
                    and not self.load_or_ask(self.requests[data])):
                self.select_current()
            return True
        return False

    def load_or_ask(self, request: OpenRequest) -> bool:
        if self.window.loader.is_running() or self.window.runner.is_running():
            return False
        self.open_request(request)
        return True

    def technique_problem(self, method: str) -> str:
        """Why ``method`` cannot work on the loaded model's kind (TorchScript), or ""."""
        w = self.window
        if w.loaded is None or str(w.loaded.source).startswith("demo:"):
            return ""
        from quantgui.core.errors import QuantGUIError
        from quantgui.core.sources import check_method

        try:
            check_method(str(w.loaded.source).split(":", 1)[0], method)
        except QuantGUIError as error:
            return f"{error.message} {error.hint}".strip()
        return ""

    # --- Open Recent ----------------------------------------------------------------------
    def recent(self) -> list[OpenRequest]:
        raw = self.window.settings.value(RECENT_KEY, "[]")
        try:
            items = json.loads(str(raw))
            return [OpenRequest.from_dict(item) for item in items if isinstance(item, dict)]
        except (ValueError, TypeError):
            return []

    def remember(self, request: OpenRequest) -> None:
        entry = request.to_dict()
        items = [entry] + [r.to_dict() for r in self.recent() if r.to_dict() != entry]
        self.window.settings.setValue(RECENT_KEY, json.dumps(items[:RECENT_COUNT]))
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
        self.window.settings.setValue(RECENT_KEY, "[]")
        self.fill_recent()

    # --- drag and drop --------------------------------------------------------------------
    @staticmethod
    def dropped_path(event: Any) -> str:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return ""
        paths = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        return paths[0] if len(paths) == 1 and Path(paths[0]).is_file() else ""

    def drag_enter(self, event: Any) -> None:
        if self.dropped_path(event) and not self.window.runner.is_running():
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
