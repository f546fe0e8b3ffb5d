"""Colours that read well on light and dark palettes, pyqtgraph set up to match, and the
window's theme (View > Theme: the system's, light or dark, kept in the settings)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

ORIGINAL = QColor(31, 119, 180)  # blue
QUANTIZED = QColor(230, 110, 20)  # orange
RAW = QColor(120, 150, 200, 110)
ERROR = QColor(200, 40, 40)

THEMES = ("system", "light", "dark")
THEME_KEY = "theme"  # QSettings
_system: dict[str, object] = {}  # the style and palette the application started with


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


def _palette(dark: bool) -> QPalette:
    """Fusion's palette, light or dark; in both, a progress bar's groove and chunk, a
    disabled button and a selection stand out from the window."""
    role = QPalette.ColorRole
    if not dark:
        palette = QApplication.style().standardPalette()
        palette.setColor(role.PlaceholderText, QColor(110, 110, 110))
        return palette
    palette = QPalette()
    colours = {role.Window: (45, 45, 48), role.WindowText: (230, 230, 230),
               role.Base: (30, 30, 32), role.AlternateBase: (52, 52, 56),
               role.ToolTipBase: (60, 60, 64), role.ToolTipText: (230, 230, 230),
               role.Text: (230, 230, 230), role.Button: (58, 58, 62),
               role.ButtonText: (230, 230, 230), role.BrightText: (255, 90, 90),
               role.Link: (110, 170, 255), role.Highlight: (60, 130, 220),
               role.HighlightedText: (255, 255, 255), role.PlaceholderText: (160, 160, 160),
               role.Light: (80, 80, 84), role.Midlight: (66, 66, 70), role.Mid: (40, 40, 43),
               role.Dark: (25, 25, 27), role.Shadow: (10, 10, 10)}
    for which, rgb in colours.items():
        palette.setColor(which, QColor(*rgb))
    disabled = QPalette.ColorGroup.Disabled
    for which in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, which, QColor(130, 130, 130))
    palette.setColor(disabled, role.Button, QColor(50, 50, 53))
    return palette


def apply_theme(name: str) -> str:
    """Put the application in theme ``name`` ("system", "light" or "dark"; anything else is
    "system"): Fusion with its light or dark palette, or the style and palette it started
    with. Plots made from now on match; ``restyle_plots`` updates those on screen."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if not _system:
        _system["style"] = app.style().name()
        _system["palette"] = QPalette(app.palette())
    name = name if name in THEMES else "system"
    if name == "system":
        app.setStyle(str(_system["style"]))
        app.setPalette(_system["palette"])  # type: ignore[arg-type]
    else:
        app.setStyle("Fusion")
        app.setPalette(_palette(name == "dark"))
    configure_pyqtgraph()
    return name


def restyle_plots(root: QWidget) -> None:
    """The plots under ``root`` in the palette now: background, axes, titles, legends."""
    palette = QApplication.palette()
    background = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    for view in root.findChildren(pg.GraphicsView):
        view.setBackground(background)
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem):
                item.setPen(text)
                item.setTextPen(text)
            elif isinstance(item, pg.LabelItem):
                item.setText(item.text, color=text.name())
