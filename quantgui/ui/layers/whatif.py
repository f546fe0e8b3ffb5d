"""What-if: the previous run on the same model next to the new one (shown in Comparison)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quantgui.ui.comparison_panel import format_bytes, format_percent
from quantgui.ui.layers.rows import db


class PreviousRunBox(QGroupBox):
    """What-if: the previous run on the same model next to the new one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("What-if: previous run and this run"))
        self.setObjectName("previousRunBox")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(["", self.tr("Previous run"), self.tr("This run"),
                                              self.tr("Change")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        # rows as tall as their text at the width shown (not the width when it was filled)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Previous run compared with this run"))
        self.reused = QLabel(self)
        self.reused.setWordWrap(True)
        self.reused.setAccessibleName(self.tr("Reused from the previous run"))
        layout.addWidget(self.table)
        layout.addWidget(self.reused)
        self.hide()

    def rows(self) -> dict[str, tuple[str, str, str]]:
        return {self.table.item(r, 0).text(): tuple(self.table.item(r, c).text()
                                                    for c in (1, 2, 3))
                for r in range(self.table.rowCount())}

    def show_runs(self, previous: Any, current: Any, titles: dict[str, str] | None = None) -> None:
        """``titles``: the techniques' names as the window shows them."""
        self.table.setRowCount(0)
        p, c = previous, current
        titles = titles or {}

        def add(name: str, before: str, now: str, change: str = "") -> None:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in enumerate((name, before, now, change)):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)

        def kept(result: Any) -> str:
            return ", ".join(result.recipe.keep_float) or self.tr("none")

        def engine(result: Any) -> str:
            from PySide6.QtCore import QCoreApplication

            from quantgui.core.engines import get_engine

            try:
                return QCoreApplication.translate("recipe", get_engine(result.engine).title)
            except Exception:  # noqa: BLE001 - an engine no longer registered: its name
                return str(result.engine)

        # what each run was: a what-if across techniques must say so
        before, now = (titles.get(r.recipe.method, r.recipe.method) for r in (p, c))
        same_method = p.recipe.method == c.recipe.method
        changed = self.tr("same") if same_method else self.tr("changed")
        add(self.tr("Technique"), before, now, changed)
        if p.engine != c.engine:
            add(self.tr("Engine"), engine(p), engine(c), self.tr("changed"))
        if p.recipe.backend != c.recipe.backend:
            add(self.tr("Backend"), p.recipe.backend, c.recipe.backend, self.tr("changed"))
        self.setTitle(self.tr("What-if: previous run and this run") if same_method else
                      self.tr("What-if: previous run ({before}) and this run ({now})").format(
                          before=before, now=now))
        add(self.tr("Layers kept float"), kept(p), kept(c))
        add(self.tr("Layers quantized"), str(p.quantized_layer_count),
            str(c.quantized_layer_count),
            f"{c.quantized_layer_count - p.quantized_layer_count:+d}")
        add(self.tr("Size"), format_bytes(p.quantized.size_bytes),
            format_bytes(c.quantized.size_bytes),
            f"{c.quantized.size_bytes / p.quantized.size_bytes:.2f}×")
        ms = self.tr("{median:.3f} ms")
        add(self.tr("Latency"), ms.format(median=p.quantized.latency.median_ms),
            ms.format(median=c.quantized.latency.median_ms),
            f"{c.quantized.latency.median_ms / p.quantized.latency.median_ms:.2f}×")
        change = ""
        if p.quantized.accuracy is not None and c.quantized.accuracy is not None:
            change = self.tr("{delta:+.2f} points").format(
                delta=100 * (c.quantized.accuracy - p.quantized.accuracy))
        add(self.tr("Accuracy"), format_percent(p.quantized.accuracy),
            format_percent(c.quantized.accuracy), change)
        add(self.tr("Output SQNR (dB)"), db(p.agreement.sqnr_db), db(c.agreement.sqnr_db),
            self.tr("{delta:+.1f} dB").format(delta=c.agreement.sqnr_db - p.agreement.sqnr_db))
        if p.agreement.top1_agreement is not None and c.agreement.top1_agreement is not None:
            add(self.tr("Top-1 agreement"), format_percent(p.agreement.top1_agreement),
                format_percent(c.agreement.top1_agreement))
        self.table.resizeRowsToContents()
        height = (self.table.horizontalHeader().height()
                  + sum(self.table.rowHeight(r) for r in range(self.table.rowCount())) + 4)
        # a few rows at least, the rest scrolls: the charts and the layers above and below it
        # keep a readable height at 1024x768
        self.table.setMinimumHeight(min(height, 150))
        if c.reused:
            self.reused.setText(self.tr("Reused from the previous run: {items}.").format(
                items=", ".join(c.reused)))
        else:
            self.reused.setText(self.tr("Nothing was reused from the previous run."))
        self.show()


