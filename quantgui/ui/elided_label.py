"""A label that stays one line high whatever its text: what does not fit ends in "…" and the
whole text is its tooltip, so the widgets around it never move when the text grows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """One line, elided on the right to its width. ``text()`` is the text given (what a
    language switch translates); ``set_suffix`` adds a part of its own after it (the seconds a
    stage has lasted); ``full_text()`` is both, the tooltip too."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._suffix = ""
        self.setWordWrap(False)
        self.setTextFormat(Qt.TextFormat.PlainText)
        # as wide as the layout gives, never wider for a long text; one line high
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._fix_height()
        self.setText(text)

    def text(self) -> str:  # noqa: D102 - the text given, not the part that fits
        return self._text

    def full_text(self) -> str:
        return self._text + self._suffix

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._text = text
        self._update()

    def set_suffix(self, suffix: str) -> None:
        if suffix != self._suffix:
            self._suffix = suffix
            self._update()

    def line_height(self) -> int:
        """The height of one line of text, with the label's margins."""
        margins = self.contentsMargins()
        return (self.fontMetrics().height() + 2 * self.margin() + margins.top()
                + margins.bottom())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().sizeHint().width(), self.line_height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, self.line_height())

    def _fix_height(self) -> None:
        self.setFixedHeight(self.line_height())

    def _update(self) -> None:
        full = self.full_text()
        if self.toolTip() != full:
            self.setToolTip(full)
        width = max(self.contentsRect().width() - 2 * self.margin(), 0)
        shown = self.fontMetrics().elidedText(full, Qt.TextElideMode.ElideRight, width)
        if super().text() != shown:
            super().setText(shown)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        self._update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fix_height()
            self._update()
