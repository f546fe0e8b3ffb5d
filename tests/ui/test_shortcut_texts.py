"""Shortcuts read the same everywhere, in every language: the menus show them as the keyboard
prints them ("Ctrl+1", "Ctrl+Mayús+R" in Spanish, not Qt's own "Control+1" and
"Control+Mayúsculas+R"), and every text that names a shortcut names it as the menus show it
(Qt's NativeText): the translations do not spell shortcuts their own way."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QKeySequence

from .helpers import LOAD_TIMEOUT_MS
from .test_translation_complete import spanish  # noqa: F401 - a fixture

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "quantgui_es.ts"
# a shortcut as the English sources write it: "Ctrl+Shift+R", "Ctrl+R", "Esc", "F1"
SHORTCUT = re.compile(r"\((?P<keys>(?:(?:Ctrl|Shift|Alt)\+)*(?:[A-Z0-9]|F\d+|Esc))\)")


def native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def test_spanish_key_names_are_the_keyboards(spanish):  # noqa: F811
    assert native("Ctrl+1") == "Ctrl+1"
    assert native("Ctrl+Shift+A") == "Ctrl+Mayús+A"
    assert native("Esc") == "Esc"
    assert native("F1") == "F1"


def test_the_translations_name_shortcuts_as_the_menus_show_them(spanish):  # noqa: F811
    """Every shortcut an English text names is in its Spanish translation as Qt renders it in
    Spanish."""
    wrong = []
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source", "")
        translation = "".join(message.find("translation").itertext())
        for match in SHORTCUT.finditer(source):
            if f"({native(match.group('keys'))})" not in translation:
                wrong.append((match.group("keys"), translation[:80]))
    assert wrong == []


@pytest.fixture
def spanish_window(qtbot, spanish):  # noqa: F811
    from quantgui.ui.main_window import MainWindow

    from .conftest import delete_now

    win = MainWindow(method="dynamic")
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
        win.show()
    yield win
    win.close()
    delete_now(win)


def test_the_window_names_each_shortcut_as_its_menu_shows_it(spanish_window):
    """In Spanish, the menus draw each shortcut from Qt's NativeText, and the button that
    does the same names the same keys."""
    win = spanish_window
    drawn = [action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
             for action in win.findChildren(QAction) if not action.shortcut().isEmpty()]
    assert "Ctrl+1" in drawn and "Ctrl+Mayús+A" in drawn
    assert [keys for keys in drawn if "Control" in keys or "Mayúsculas" in keys] == []
    for action, button in ((win.quantize_action, win.quantize_button),
                           (win.cancel_action, win.cancel_button),
                           (win.compare_action, win.compare_button),
                           (win.techniques_action, win.techniques_button)):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert f"({keys})" in button.toolTip(), (keys, button.toolTip())
