"""The muted grey the window writes secondary texts in ("float" and "no" cells, notes, the
About box's versions: ``theme.muted_color()``, the palette's PlaceholderText) reads on Base
and on Window in the light and the dark palette (WCAG AA: 4.5:1 for text).
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

TEXT = 4.5  # WCAG 2.1 AA: 1.4.3 (text)


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


def test_contrast_is_wcag():
    from quantgui.ui import theme

    black, white = QColor(0, 0, 0), QColor(255, 255, 255)
    assert contrast(black, white) == pytest.approx(21.0)
    assert contrast(QColor(118, 118, 118), white) == pytest.approx(4.54, abs=0.01)
    for a, b in ((black, white), (QColor(118, 118, 118), white), (QColor(45, 45, 48), white)):
        assert theme.contrast(a, b) == pytest.approx(contrast(a, b))
