"""Colours that read well on light and dark palettes, and pyqtgraph set up to match."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

ORIGINAL = QColor(31, 119, 180)  # blue
QUANTIZED = QColor(230, 110, 20)  # orange
RAW = QColor(120, 150, 200, 110)
ERROR = QColor(200, 40, 40)


def is_dark() -> bool:
    palette = QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def configure_pyqtgraph() -> None:
    palette = QApplication.palette()
    pg.setConfigOptions(antialias=True,
                        background=palette.color(QPalette.ColorRole.Base),
                        foreground=palette.color(QPalette.ColorRole.Text))


def error_color() -> str:
    return "#ff7070" if is_dark() else "#b00020"


def muted_color() -> str:
    return QApplication.palette().color(QPalette.ColorRole.PlaceholderText).name()
