"""Colours that read well on light and dark palettes, pyqtgraph set up to match, and the
window's theme (View > Theme: the system's, light or dark, kept in the settings)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QProxyStyle,
    QRadioButton,
    QStyle,
    QTableWidget,
    QTreeWidget,
    QTreeWidgetItemIterator,
    QWidget,
)

ORIGINAL = QColor(31, 119, 180)  # blue
QUANTIZED = QColor(230, 110, 20)  # orange
RAW = QColor(120, 150, 200, 110)
ERROR = QColor(200, 40, 40)

THEMES = ("system", "light", "dark")
THEME_KEY = "theme"  # QSettings
_system: dict[str, object] = {}  # the style and palette the application started with
_previous: dict[str, object] = {}  # the palette before the last apply_theme


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


def luminance(colour: QColor) -> float:
    """WCAG 2.1's relative luminance of an sRGB colour, 0 (black) to 1 (white)."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * linear(colour.red()) + 0.7152 * linear(colour.green())
            + 0.0722 * linear(colour.blue()))


def contrast(a: QColor, b: QColor) -> float:
    """WCAG's contrast ratio of two colours, 1 to 21 (AA: 4.5 for text, 3 for a control's
    outline)."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def outline_color(palette: QPalette, ratio: float = 4.0) -> QColor:
    """The colour of a check box's or radio button's outline: from Base toward Text, the
    first that stands out ``ratio``:1 from Base, AlternateBase and Window (a box sits in a
    table's row or on the window; 3:1 is WCAG's least, the rest is for antialiasing)."""
    role = QPalette.ColorRole
    base, text = palette.color(role.Base), palette.color(role.Text)
    behind = [palette.color(r) for r in (role.Base, role.AlternateBase, role.Window)]
    for step in range(1, 51):
        t = step / 50
        colour = QColor(round(base.red() + (text.red() - base.red()) * t),
                        round(base.green() + (text.green() - base.green()) * t),
                        round(base.blue() + (text.blue() - base.blue()) * t))
        if min(contrast(colour, b) for b in behind) >= ratio:
            return colour
    return QColor(text)


def focus_color(palette: QPalette, ratio: float = 3.0) -> QColor:
    """The colour of the keyboard focus's outline: the palette's Highlight, taken toward Text
    until it stands out ``ratio``:1 (WCAG's least for a focus indicator) from Window and
    Base."""
    role = QPalette.ColorRole
    start, text = palette.color(role.Highlight), palette.color(role.Text)
    behind = [palette.color(r) for r in (role.Base, role.Window)]
    for step in range(0, 51):
        t = step / 50
        colour = QColor(round(start.red() + (text.red() - start.red()) * t),
                        round(start.green() + (text.green() - start.green()) * t),
                        round(start.blue() + (text.blue() - start.blue()) * t))
        if min(contrast(colour, b) for b in behind) >= ratio:
            return colour
    return QColor(text)


FOCUS_WIDTH = 2  # px: the focus outline of a radio button or check box


class _Style(QProxyStyle):
    """Fusion, whose check boxes and radio buttons have an outline that can be seen: Fusion
    draws it in a shade of the palette's Window (a box in a dark table was nearly
    invisible, 1.1:1); here it is drawn in ``outline_color`` (Fusion's own drawing, handed a
    Window whose shade is that colour)."""

    _SHADE = {QStyle.PrimitiveElement.PE_IndicatorCheckBox:
              lambda c: c.darker(140).lighter(110),
              QStyle.PrimitiveElement.PE_IndicatorRadioButton: lambda c: c.darker(150)}

    def __init__(self) -> None:
        super().__init__("Fusion")
        self._windows: dict[tuple[int, int], QColor] = {}

    def _window_for(self, element: QStyle.PrimitiveElement, outline: QColor) -> QColor:
        """The Window colour whose shade for ``element`` is nearest ``outline``."""
        key = (element.value, outline.rgba())
        if key not in self._windows:
            shade = self._SHADE[element]
            h, s, _, _ = outline.getHsv()
            candidates = [QColor.fromHsv(max(h, 0), s, v) for v in range(256)]
            self._windows[key] = min(candidates, key=lambda c: abs(
                luminance(shade(QColor(c))) - luminance(outline)))
        return self._windows[key]

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802
        if (element == QStyle.PrimitiveElement.PE_FrameFocusRect and option is not None
                and isinstance(widget, (QRadioButton, QCheckBox))):
            # Fusion's own focus frame is a faint line (1.3:1 on the dark Window): a radio
            # button or check box reached by Tab gets an outline that can be seen
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            pen = QPen(focus_color(option.palette), FOCUS_WIDTH)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            half = FOCUS_WIDTH / 2
            painter.drawRoundedRect(option.rect.toRectF().adjusted(half, half, -half, -half),
                                    2, 2)
            painter.restore()
            return
        if element in self._SHADE and option is not None:
            saved = QPalette(option.palette)
            palette = QPalette(saved)
            palette.setColor(QPalette.ColorRole.Window,
                             self._window_for(element, outline_color(saved)))
            option.palette = palette
            try:
                super().drawPrimitive(element, option, painter, widget)
            finally:
                option.palette = saved
            return
        super().drawPrimitive(element, option, painter, widget)


def _palette(dark: bool) -> QPalette:
    """Fusion's palette, light or dark; in both, a progress bar's groove and chunk, a
    disabled button and a selection stand out from the window, and the muted grey
    (PlaceholderText: "float" and "no" cells, notes) reads 4.5:1 or more on Base, Window and
    AlternateBase."""
    role = QPalette.ColorRole
    if not dark:
        palette = QApplication.style().standardPalette()
        palette.setColor(role.PlaceholderText, QColor(100, 100, 100))  # 5.2:1 on Window
        return palette
    palette = QPalette()
    colours = {role.Window: (45, 45, 48), role.WindowText: (230, 230, 230),
               role.Base: (30, 30, 32), role.AlternateBase: (52, 52, 56),
               role.ToolTipBase: (60, 60, 64), role.ToolTipText: (230, 230, 230),
               role.Text: (230, 230, 230), role.Button: (58, 58, 62),
               role.ButtonText: (230, 230, 230), role.BrightText: (255, 90, 90),
               role.Link: (110, 170, 255), role.Highlight: (60, 130, 220),
               role.HighlightedText: (255, 255, 255), role.PlaceholderText: (170, 170, 170),
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
    with. Plots made from now on match; ``restyle_window`` updates those on screen."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if not _system:
        _system["style"] = app.style().name()
        _system["palette"] = QPalette(app.palette())
    name = name if name in THEMES else "system"
    _previous["palette"] = QPalette(app.palette())
    if name == "system":
        app.setStyle(str(_system["style"]))
        app.setPalette(_system["palette"])  # type: ignore[arg-type]
    else:
        app.setStyle(_Style())
        app.setPalette(_palette(name == "dark"))
    configure_pyqtgraph()
    return name


def _colour_map(old: QPalette, new: QPalette) -> dict[int, QColor]:
    """The old palette's text and background colours -> the new palette's, role by role: a
    cell or a label drawn in the old theme's muted grey is drawn in the new one's."""
    role = QPalette.ColorRole
    mapping: dict[int, QColor] = {}
    for which in (role.Text, role.WindowText, role.PlaceholderText, role.ButtonText,
                  role.Base, role.Window, role.AlternateBase):
        mapping.setdefault(old.color(which).rgba(), new.color(which))
    return mapping


def _mapped(colour: QColor, mapping: dict[int, QColor]) -> QColor | None:
    return mapping.get(colour.rgba())


def _restyle_items(root: QWidget, mapping: dict[int, QColor]) -> None:
    """The cells of the tables and trees under ``root`` whose text or background is in a
    colour of the old palette take the new palette's."""
    for table in root.findChildren(QTableWidget):
        items = [table.item(r, c) for r in range(table.rowCount())
                 for c in range(table.columnCount())]
        for item in items:
            if item is None:
                continue
            for get, put in ((item.foreground, item.setForeground),
                             (item.background, item.setBackground)):
                brush = get()
                new = _mapped(brush.color(), mapping) if brush.style() != Qt.BrushStyle.NoBrush \
                    else None
                if new is not None:
                    put(new)
    for tree in root.findChildren(QTreeWidget):
        iterator = QTreeWidgetItemIterator(tree)
        while iterator.value() is not None:
            item = iterator.value()
            for column in range(tree.columnCount()):
                for get, put in ((item.foreground, item.setForeground),
                                 (item.background, item.setBackground)):
                    brush = get(column)
                    new = (_mapped(brush.color(), mapping)
                           if brush.style() != Qt.BrushStyle.NoBrush else None)
                    if new is not None:
                        put(column, new)
            iterator += 1


def restyle_window(root: QWidget) -> None:
    """Everything under ``root`` drawn in colours of its own, in the palette ``apply_theme``
    put in place: the plots (background, axes, titles, legends, texts on the plots), the
    cells of tables and trees coloured with the old palette's greys, and the widgets of the
    window that draw more (a ``restyle()`` method: a chart made again from its data)."""
    # Qt hands the new palette to each widget through posted events: delivered now, so that
    # what is drawn again below (a widget's own palette()) is in the new colours
    QCoreApplication.sendPostedEvents()
    palette = QApplication.palette()
    old = _previous.get("palette")
    mapping = _colour_map(old, palette) if isinstance(old, QPalette) else {}
    background = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    for view in root.findChildren(pg.GraphicsView):
        view.setBackground(background)
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem):
                item.setPen(text)
                item.setTextPen(text)
            elif isinstance(item, pg.LabelItem):
                colour = item.opts.get("color")
                if colour is None or _mapped(pg.mkColor(colour), mapping) is not None:
                    item.setText(item.text, color=text.name())
            elif isinstance(item, pg.TextItem):  # value labels, line labels, point labels
                new = _mapped(item.textItem.defaultTextColor(), mapping)
                if new is not None:
                    item.setColor(new)
    _restyle_items(root, mapping)
    for widget in (root, *root.findChildren(QWidget)):
        hook = getattr(widget, "restyle", None)
        if type(widget).__module__.startswith("quantgui.") and callable(hook):
            hook()
