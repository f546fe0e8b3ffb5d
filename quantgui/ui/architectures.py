"""A searchable list of the classification architectures that the installed torchvision and
timm offer, for the Open model dialog's "Architecture by name".

The list is filled in a worker the first time it is shown (importing torchvision takes a
second); a package that is missing or cannot be imported gives one line instead of names: which
package, why, and what to install. Choosing an architecture gives its ``py:`` spec and model
arguments (timm's ``{"model_name": ...}``); nothing is downloaded.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from quantgui.jobs.open_tasks import architectures_job
from quantgui.jobs.worker import JobFailure, JobRunner
from quantgui.ui import theme
from quantgui.ui.wording import window_words


class ArchitectureBrowser(QWidget):
    chosen = Signal(str, str)  # the py: spec, the model arguments as JSON ("" = none)
    listed = Signal()  # the list is filled, or says why it cannot be

    def __init__(self, parent: QWidget | None = None,
                 packages: tuple[str, ...] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("architectureBrowser")
        self.packages = packages
        self.lists: list[Any] = []  # core.architectures.ArchitectureList, once listed
        self.problems: list[str] = []  # one line per package that gives no names
        self.started = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(self)
        self.search.setAccessibleName(self.tr("Search architectures"))
        self.search.setPlaceholderText(self.tr("Search, e.g. resnet or vit"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Architectures"))
        self.list.setToolTip(self.tr("The classification architectures of the installed "
                                     "torchvision and timm; built with random weights unless "
                                     "you give a weights file (nothing is downloaded)."))
        self.list.setMinimumHeight(90)
        self.list.setMaximumHeight(180)
        self.list.currentItemChanged.connect(lambda item, _: self._choose(item))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Architecture packages"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        # the list keeps its height: the dialog's other rows get the room
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.runner = JobRunner(self, "architectures")
        self.runner.finished.connect(self._on_listed)
        self.runner.failed.connect(self._on_failed)

    def fill(self) -> None:
        """List the architectures (once, in a worker)."""
        if self.started:
            return
        self.started = True
        self.status.setText(self.tr("Looking for torchvision and timm…"))
        self.runner.start(architectures_job(self.packages))

    def _on_listed(self, lists: list[Any]) -> None:
        self.lists = lists
        self.list.clear()
        lines, self.problems = [], []
        for found in lists:
            for name in found.names:
                item = QListWidgetItem(f"{name}  ·  {found.package}", self.list)
                item.setData(Qt.ItemDataRole.UserRole, (found.package, name))
                item.setToolTip(found.model(name)[0])
            if found.problem:
                problem = window_words(found.problem)
                self.problems.append(problem)
                lines.append(f"<span style='color:{theme.error_color()}'>⚠ {problem}</span>")
            else:
                lines.append(self.tr("{package} {version}: {count} architectures").format(
                    package=found.package, version=found.version, count=len(found.names)))
        if not any(found.names for found in lists):
            lines.append(self.tr("Any other factory works too: type it above, e.g. "
                                 "py:mypackage.models:make_model."))
        self.status.setText("<br>".join(lines))
        self._filter(self.search.text())
        self.listed.emit()

    def _on_failed(self, failure: JobFailure) -> None:
        self.problems = [window_words(f"{failure.message} {failure.hint}".strip())]
        self.status.setText(f"<span style='color:{theme.error_color()}'>⚠ "
                            f"{self.problems[0]}</span>")
        self.listed.emit()

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            name = item.text().lower()
            item.setHidden(not all(word in name for word in words))

    def visible_names(self) -> list[str]:
        return [self.list.item(row).data(Qt.ItemDataRole.UserRole)[1]
                for row in range(self.list.count()) if not self.list.item(row).isHidden()]

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        package, name = item.data(Qt.ItemDataRole.UserRole)
        found = next(found for found in self.lists if found.package == package)
        spec, args = found.model(name)
        self.chosen.emit(spec, json.dumps(args) if args else "")

    def shutdown(self) -> None:
        self.runner.stop_and_wait()
