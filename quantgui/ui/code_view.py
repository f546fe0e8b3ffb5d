"""The Code tab: the standalone Python script QuantGUI would export for the current model and
settings (``quantgui.core.script.generate_script``), read-only, following every change.

Changes are debounced (``DEBOUNCE_MS``) and the script is generated in a worker job: planning a
model traces it with FX, which takes a few hundred milliseconds on the larger demos. While the tab
is hidden nothing is generated; showing it brings the code up to date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QGuiApplication,
    QSyntaxHighlighter,
    QTextCharFormat,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quantgui.jobs.worker import JobFailure, JobRunner
from quantgui.ui import theme

DEBOUNCE_MS = 300

# What the Code tab shows: (loaded model, recipe), or a message when there is nothing to show.
Provider = Callable[[], "tuple[Any, Any] | str"]


class _PythonHighlighter(QSyntaxHighlighter):
    """Keywords, strings and comments; enough to read the script at a glance."""

    KEYWORDS = ("def", "class", "return", "import", "from", "as", "if", "elif", "else", "for",
                "in", "while", "with", "try", "except", "raise", "not", "and", "or", "is",
                "None", "True", "False", "lambda", "yield", "pass", "break", "continue")

    def __init__(self, document) -> None:
        super().__init__(document)
        dark = theme.is_dark()

        def fmt(color: str, bold: bool = False) -> QTextCharFormat:
            f = QTextCharFormat()
            f.setForeground(QColor(color))
            if bold:
                f.setFontWeight(700)
            return f

        self.rules = [
            (re.compile(r"\b(" + "|".join(self.KEYWORDS) + r")\b"),
             fmt("#c792ea" if dark else "#7a1fa2", bold=True)),
            (re.compile(r"(\"[^\"\n]*\"|'[^'\n]*')"), fmt("#c3e88d" if dark else "#2e7d32")),
            (re.compile(r"#[^\n]*"), fmt("#8a93a5" if dark else "#777777")),
        ]

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        for pattern, style in self.rules:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), style)


class CodeView(QWidget):
    """``updated`` is emitted each time the editor shows new code (or a problem)."""

    updated = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.provider: Provider | None = None
        self.problem = ""  # the message shown in place of the code, if any
        # the script's name, which names the files beside it: the last export's, once there is one
        self.script_path: Path | None = None
        self._dirty = True
        self._pending = False
        self._shown_key: Any = None

        self.caption = QLabel(self.tr("The script File > Export as Python script… writes for "
                                      "this model and these settings. It needs only torch and "
                                      "rebuilds the quantized model step by step."), self)
        self.caption.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setToolTip(self.tr("Copy the script to the clipboard."))
        self.copy_button.setAccessibleName(self.tr("Copy the script"))
        self.copy_button.clicked.connect(self.copy)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setToolTip(self.tr("Write the script to a file."))
        self.export_button.setAccessibleName(self.tr("Export the script"))
        self.export_button.clicked.connect(self.export_requested)
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.copy_button)
        top.addWidget(self.export_button)

        self.editor = QPlainTextEdit(self)
        self.editor.setReadOnly(True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setAccessibleName(self.tr("Python script"))
        self.editor.setToolTip(self.tr("The standalone script for the current settings "
                                       "(read-only)."))
        self.editor.setPlaceholderText(self.tr("Load a model to see its script."))
        self.highlighter = _PythonHighlighter(self.editor.document())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.editor, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        self.runner = JobRunner(self, "script")
        self.runner.finished.connect(self._on_generated)
        self.runner.failed.connect(self._on_failed)
        self.runner.ended.connect(self._after_job)
        self._update_buttons()

    # --- when to generate -----------------------------------------------------------------
    def schedule(self) -> None:
        """Something changed: generate again shortly (now, if hidden, when shown)."""
        self._dirty = True
        if self.isVisible():
            self.timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.timer.start()  # cheap when nothing changed: refresh() compares the inputs

    def refresh(self) -> None:
        if self.provider is None:
            return
        if self.runner.is_running():
            self._pending = True
            return
        inputs = self.provider()
        self._dirty = False
        if isinstance(inputs, str):  # a problem with the settings, or "" for nothing loaded
            self._shown_key = None
            self._show("", inputs)
            return
        loaded, recipe = inputs
        script_path = self.script_path
        key = (id(loaded), recipe, script_path)
        if key == self._shown_key and not self.problem:
            self.updated.emit()
            return
        self._shown_key = key

        def job(cancel: Any) -> str:
            from quantgui.core.script import generate_script

            return generate_script(loaded, recipe, script_path)

        self.runner.start(job)

    def _on_generated(self, text: str) -> None:
        self._show(text, "")

    def _on_failed(self, failure: JobFailure) -> None:
        self._shown_key = None
        self._show(None, f"{failure.message} {failure.hint}".strip())

    def _after_job(self, _outcome: str) -> None:
        if self._pending:
            self._pending = False
            self.timer.start()

    def _show(self, code: str | None, problem: str) -> None:
        self.problem = problem
        if problem:
            self._shown_key = None
            self.editor.setPlainText(self.tr("# No script for these settings:") + "\n# "
                                     + problem.replace("\n", "\n# "))
        else:
            bar = self.editor.verticalScrollBar()
            position = bar.value()
            self.editor.setPlainText(code or "")
            bar.setValue(position)  # a setting changed: stay where the reader was
        self._update_buttons()
        self.updated.emit()

    def _update_buttons(self) -> None:
        has_code = not self.problem and bool(self.editor.toPlainText())
        self.copy_button.setEnabled(has_code)
        self.export_button.setEnabled(has_code)

    # --- misc -----------------------------------------------------------------------------
    def code(self) -> str:
        return "" if self.problem else self.editor.toPlainText()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code())

    def shutdown(self) -> None:
        self.timer.stop()
        self._pending = False
        self.runner.stop_and_wait()
