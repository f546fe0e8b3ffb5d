"""The sensitivity ranking: quantize everything but one layer, for each layer in turn, and rank
the layers by how much keeping them in float helps (``core.analysis.sensitivity``, in a worker
job).

``SensitivityView`` asks for a ranking with ``rank_requested`` (the Layers panel knows the plan,
the recipe and the run cache, and calls ``start``) and for the suggested layers to be kept in
float with ``keep_requested(names)``. A ranking belongs to the settings it was made with:
``drop_stale`` takes it down once they change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quantgui.jobs.worker import JobFailure, JobRunner
from quantgui.ui import theme
from quantgui.ui.wording import plural


def sensitivity_job(loaded: Any, recipe: Any, layers: list[str] | None,  # noqa: ANN201
                    reference: Any, calibration: dict | None):
    def job(cancel):  # noqa: ANN001, ANN202
        from quantgui.core import analysis

        return analysis.sensitivity(loaded, recipe, cancel, reference=reference, layers=layers,
                                    calibration_cache=calibration)

    return job


class SensitivityView(QWidget):
    rank_requested = Signal()
    keep_requested = Signal(list)
    failed = Signal(str)  # a ranking failed: its message (for the log)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list = []  # core.analysis.SensitivityEntry, best gain first
        self.suggested: list[str] = []
        self.rank_key: tuple | None = None  # the plan key the ranking (running or shown) is for
        self.rank_title = ""  # "Static on x86": what the ranking was made for
        self.ranker = JobRunner(self, "sensitivity")
        self.ranker.events.connect(self._on_events)
        self.ranker.finished.connect(self._on_ranked)
        self.ranker.failed.connect(self._on_failed)
        self.ranker.cancelled.connect(self._on_cancelled)
        self._ready = False
        self.ranker.ended.connect(lambda _: self.update_buttons())
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.rank_button = QPushButton(self.tr("Rank layers"), self)
        self.rank_button.setToolTip(self.tr("Quantize everything but one layer, for each "
                                            "layer in turn, and rank the layers by how much "
                                            "keeping them in float helps."))
        self.rank_button.clicked.connect(lambda: self.rank_requested.emit())
        self.rank_cancel_button = QPushButton(self.tr("Cancel"), self)
        self.rank_cancel_button.setAccessibleName(self.tr("Cancel ranking"))
        self.rank_cancel_button.clicked.connect(self.cancel)
        self.keep_suggested_button = QPushButton(self.tr("Keep suggested in float"), self)
        self.keep_suggested_button.setToolTip(self.tr("Tick the suggested layers' keep-float "
                                                      "boxes; press Quantize to see the "
                                                      "effect."))
        self.keep_suggested_button.clicked.connect(
            lambda: self.keep_requested.emit(list(self.suggested)))
        row.addWidget(self.rank_button)
        row.addWidget(self.rank_cancel_button)
        row.addWidget(self.keep_suggested_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.rank_label = QLabel(self.tr("Rank the layers to find the ones that hurt most."),
                                 self)
        self.rank_label.setWordWrap(True)
        self.rank_label.setAccessibleName(self.tr("Sensitivity progress"))
        layout.addWidget(self.rank_label)
        self.rank_table = QTableWidget(0, 5, self)
        self.rank_table.setHorizontalHeaderLabels([
            self.tr("Layer"), self.tr("SQNR gain (dB)"), self.tr("Accuracy gain"),
            self.tr("SQNR when kept float (dB)"), self.tr("Suggested")])
        self.rank_table.verticalHeader().setVisible(True)
        self.rank_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rank_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rank_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.rank_table.setAccessibleName(self.tr("Layers ranked by sensitivity"))
        layout.addWidget(self.rank_table, 1)

    # --- state ----------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self.ranker.is_running()

    def update_buttons(self, ready: bool | None = None) -> None:
        """``ready``: a ranking could start now (a model, no run, a technique that works)."""
        if ready is not None:
            self._ready = ready
        running = self.ranker.is_running()
        self.rank_button.setEnabled(self._ready and not running)
        self.rank_cancel_button.setEnabled(running)
        self.keep_suggested_button.setEnabled(bool(self.suggested) and not running)

    def clear(self, text: str | None = None) -> None:
        self.entries, self.suggested = [], []
        self.rank_key = None
        self.rank_table.setRowCount(0)
        self.rank_label.setText(text if text is not None else self.tr(
            "Rank the layers to find the ones that hurt most."))
        self.update_buttons()

    def say(self, text: str) -> None:
        self.rank_label.setText(text)

    # --- ranking --------------------------------------------------------------------------
    def start(self, job: Any, key: tuple | None, title: str) -> None:
        """Run ``job`` (``sensitivity_job``) for the plan ``key``, made for ``title``."""
        self.entries, self.suggested = [], []
        self.rank_table.setRowCount(0)
        self.rank_key = key
        self.rank_title = title
        self.rank_label.setText(self.tr("Sensitivity: starting…"))
        self.ranker.start(job)
        self.update_buttons()

    def drop_stale(self, key: tuple | None) -> None:
        """A ranking belongs to the technique and settings it was made with: once they change,
        it is taken down (and a running one cancelled) rather than shown under another plan."""
        if self.rank_key is None or key is None or key == self.rank_key:
            return  # nothing shown, no valid settings yet (being typed), or the same plan
        if self.ranker.is_running():
            self.ranker.cancel()
        self.clear(self.tr("The ranking was made for {what}; the technique or its settings "
                           "changed since. Rank again to rank the layers for these "
                           "settings.").format(what=self.rank_title))

    def cancel(self) -> None:
        if self.ranker.is_running():
            self.ranker.cancel()
            self.rank_label.setText(self.tr("Cancelling…"))

    def _on_events(self, events: list) -> None:
        from quantgui.core.events import Progress

        progress = [e for e in events if isinstance(e, Progress)]
        if progress and self.ranker.is_running():
            last = progress[-1]
            self.rank_label.setText(self.tr("Sensitivity {current}/{total}").format(
                current=last.current, total=last.total))

    def _on_ranked(self, entries: list) -> None:
        from quantgui.core import analysis

        if self.rank_key is None:
            return  # taken down meanwhile
        self.entries = entries
        self.suggested = analysis.suggest_keep_float(entries)
        self.rank_table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            accuracy = ("—" if entry.accuracy_gain is None
                        else self.tr("{delta:+.2f} points").format(
                            delta=100 * entry.accuracy_gain))
            values = (entry.name, f"{entry.sqnr_gain_db:+.2f}", accuracy,
                      f"{entry.sqnr_db_all_but_this:.1f}",
                      self.tr("★ suggested") if entry.name in self.suggested else "")
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if entry.name in self.suggested:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    if column == 4:
                        item.setForeground(theme.QUANTIZED)
                self.rank_table.setItem(row, column, item)
        ranked = plural(len(entries), self.tr("Ranked 1 layer ({what})."),
                        self.tr("Ranked {count} layers ({what})."), what=self.rank_title)
        if self.suggested:
            self.rank_label.setText(ranked + " " + self.tr(
                "Keeping {names} in float should help most.").format(
                names=", ".join(self.suggested)))
        else:
            self.rank_label.setText(ranked + " " + self.tr(
                "No layer gains 1 dB or more by staying float."))
        self.update_buttons()

    def _on_failed(self, failure: JobFailure) -> None:
        self.rank_key = None
        self.rank_label.setText(self.tr("Ranking failed: {message}").format(
            message=failure.message))
        self.failed.emit(failure.message)

    def _on_cancelled(self) -> None:
        if self.rank_key is None:
            return  # cancelled because the settings changed: the label says so
        self.rank_key = None
        self.rank_label.setText(self.tr("Ranking cancelled."))
