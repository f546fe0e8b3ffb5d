"""Every part of the window that reads "float" or "no", asks to be ticked or picked, can be
seen in both themes (WCAG AA: text 4.5:1 against what is behind it, a check box's or a radio
button's outline 3:1).

One window runs a quick dynamic run on the default demo, so that the Comparison tab's layer
table and the Layers tab's table are filled; then, switching the theme live with View > Theme
(light -> dark -> light and dark -> light -> dark), the pixels the window draws are measured:

- a muted "no" cell of the Comparison table and a muted "float" cell of the Layers table:
  the text's darkest or lightest pixel against the cell's background (its most common pixel);
- an unselected technique button (Static, while Dynamic is chosen): its text, and its round
  indicator's outline against the panel around it;
- a keep-float check box of the Layers table: the indicator's outline against the cell.

The muted colour the window writes texts in (``theme.muted_color()``, the palette's
PlaceholderText) is also checked, as colours, on Base and Window of both palettes.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from .conftest import delete_now
from .helpers import LOAD_TIMEOUT_MS, run_to_end

TEXT, NON_TEXT = 4.5, 3.0  # WCAG 2.1 AA: 1.4.3 (text) and 1.4.11 (UI components)


def luminance(colour: QColor) -> float:
    """WCAG's relative luminance of an sRGB colour."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * linear(colour.red()) + 0.7152 * linear(colour.green())
            + 0.0722 * linear(colour.blue()))


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def pixels(image: QImage, rect: QRect) -> list[QColor]:
    rect = rect.intersected(image.rect())
    return [image.pixelColor(x, y) for y in range(rect.top(), rect.bottom() + 1)
            for x in range(rect.left(), rect.right() + 1)]


def background(image: QImage, rect: QRect) -> QColor:
    """The most common pixel of ``rect``."""
    counts = Counter(c.rgb() for c in pixels(image, rect))
    return QColor.fromRgb(counts.most_common(1)[0][0])


def strongest(image: QImage, rect: QRect, behind: QColor) -> float:
    """The contrast to ``behind`` of the pixel of ``rect`` that differs from it most."""
    return max(contrast(c, behind) for c in pixels(image, rect))


def grabbed(widget: QWidget) -> QImage:
    image = widget.grab().toImage()
    assert image.width() > 0, f"{widget} drew nothing"
    ratio = image.devicePixelRatio()
    if ratio != 1:  # measure in the widget's own coordinates
        image = image.scaled(widget.size())
    return image


def text_cell(window, which: str) -> float:
    """The contrast of the muted "no" cell of the Comparison table ("comparison") or the
    muted "float" cell of the Layers table ("layers")."""
    if which == "comparison":
        window.tabs.setCurrentWidget(window.comparison)
        table = window.comparison.layers
        item = next(table.item(r, 3) for r in range(table.rowCount())
                    if table.item(r, 3).text() == "no")
        table.scrollToItem(item)
        index = table.indexFromItem(item)
    else:
        window.tabs.setCurrentWidget(window.layers_panel)
        table = window.layers_panel.table
        item = next(table.item_of(r.name) for r in table.rows if r.status == "float")
        table.scrollToItem(item)
        index = table.indexFromItem(item, 4)
    rect = table.visualRect(index)
    assert rect.isValid() and rect.height() > 4, rect
    image = grabbed(table.viewport())
    behind = background(image, rect)
    return strongest(image, rect.adjusted(1, 1, -1, -1), behind)


def technique_button(window) -> dict[str, float]:
    """The unselected Static button (Dynamic chosen): its text against the panel, and its
    indicator's outline against the panel."""
    button = window.method_buttons["static"]
    assert not button.isChecked() and window.method_buttons["dynamic"].isChecked()
    option = QStyleOptionButton()
    option.initFrom(button)
    option.text = button.text()
    style = button.style()
    indicator = style.subElementRect(QStyle.SubElement.SE_RadioButtonIndicator, option, button)
    label = style.subElementRect(QStyle.SubElement.SE_RadioButtonContents, option, button)
    image = grabbed(button)
    behind = background(image, image.rect())
    return {"text": strongest(image, label, behind),
            "outline": strongest(image, indicator, behind)}


def check_box(window) -> float:
    """A keep-float check box (unticked) of the Layers table: its outline against the cell."""
    window.tabs.setCurrentWidget(window.layers_panel)
    table = window.layers_panel.table
    item = next(table.item_of(r.name) for r in table.rows
                if r.planned_int8 and r.name not in table.keep)
    assert item.flags() & Qt.ItemFlag.ItemIsUserCheckable
    table.scrollToItem(item)
    index = table.indexFromItem(item, 0)
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    option.rect = table.visualRect(index)
    table.itemDelegate(index).initStyleOption(option, index)
    indicator = table.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, table)
    assert indicator.isValid() and option.rect.contains(indicator), (indicator, option.rect)
    image = grabbed(table.viewport())
    behind = background(image, option.rect)
    return strongest(image, indicator, behind)


def measure(window) -> dict[str, float]:
    QApplication.processEvents()
    button = technique_button(window)
    return {"Comparison 'no' cell": text_cell(window, "comparison"),
            "Layers 'float' cell": text_cell(window, "layers"),
            "technique button text": button["text"],
            "technique button outline": button["outline"],
            "keep-float check box": check_box(window)}


MINIMA = {"Comparison 'no' cell": TEXT, "Layers 'float' cell": TEXT,
          "technique button text": TEXT, "technique button outline": NON_TEXT,
          "keep-float check box": NON_TEXT}


@pytest.fixture(scope="module")
def ran(request, qapp, tmp_path_factory):
    """The window after a quick dynamic run on the default demo."""
    from PySide6.QtCore import QSettings

    from quantgui.ui import theme
    from quantgui.ui.main_window import MainWindow

    folder = tmp_path_factory.mktemp("contrast")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CONFIG_HOME", str(folder))
        patch.setenv("QUANTGUI_DATA_DIR", str(folder / "data"))
        qtbot = QtBot(request)
        win = MainWindow(method="dynamic")
        win.resize(1280, 800)
        with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
            win.show()
        assert run_to_end(qtbot, win, "dynamic") == "finished"
        table = win.layers_panel.table
        qtbot.waitUntil(lambda: any(r.status == "float" for r in table.rows)
                        and any(r.planned_int8 for r in table.rows), timeout=LOAD_TIMEOUT_MS)
        yield win
        win.close()
        delete_now(win)
        theme.apply_theme("system")  # the application's palette is the next test's too


@pytest.mark.parametrize("order", [("light", "dark", "light"), ("dark", "light", "dark")])
def test_muted_texts_and_indicators_can_be_seen_in_both_themes(ran, order):
    window = ran
    low = []
    for name in order:
        window.theme_actions[name].trigger()  # View > Theme
        assert window.theme == name
        for part, ratio in measure(window).items():
            if ratio < MINIMA[part]:
                low.append(f"{name}: {part} {ratio:.2f}:1, under {MINIMA[part]}:1")
    assert low == [], "\n".join(low)


@pytest.mark.parametrize("dark", [False, True])
def test_muted_colour_reads_on_base_and_window(qapp, dark):
    from quantgui.ui import theme

    palette = theme._palette(dark)
    role = QPalette.ColorRole
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        muted = palette.color(group, role.PlaceholderText)
        for behind in (role.Base, role.Window, role.AlternateBase):
            ratio = contrast(muted, palette.color(group, behind))
            assert ratio >= TEXT, (f"{'dark' if dark else 'light'}: {muted.name()} on "
                                   f"{behind.name} {palette.color(group, behind).name()}: "
                                   f"{ratio:.2f}:1")


def test_muted_color_is_the_palette_placeholder_in_each_theme(qapp):
    from quantgui.ui import theme

    try:
        for name in ("light", "dark"):
            theme.apply_theme(name)
            palette = QApplication.palette()
            muted = QColor(theme.muted_color())
            for behind in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
                assert contrast(muted, palette.color(behind)) >= TEXT, (name, behind.name)
    finally:
        theme.apply_theme("system")


@pytest.mark.parametrize("dark", [False, True])
def test_indicator_outline_stands_out_on_base_and_window(qapp, dark):
    from quantgui.ui import theme

    palette = theme._palette(dark)
    outline = theme.outline_color(palette)
    role = QPalette.ColorRole
    for behind in (role.Base, role.Window, role.AlternateBase):
        assert contrast(outline, palette.color(behind)) >= NON_TEXT, (dark, behind.name)


def test_contrast_is_wcag():
    from quantgui.ui import theme

    black, white = QColor(0, 0, 0), QColor(255, 255, 255)
    assert contrast(black, white) == pytest.approx(21.0)
    assert contrast(QColor(118, 118, 118), white) == pytest.approx(4.54, abs=0.01)
    for a, b in ((black, white), (QColor(118, 118, 118), white), (QColor(45, 45, 48), white)):
        assert theme.contrast(a, b) == pytest.approx(contrast(a, b))
