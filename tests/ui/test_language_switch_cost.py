"""Why View > Language froze the window for seconds with its menu open, and what keeps it
quick: the switch runs once the menu has closed; each text on screen is tried against the few
templates of the catalogue that share a word with it (it was tried against every one, some 300,
each a regular expression); and a table its panel writes again from its data (the History, the
Techniques table) is not taken apart cell by cell. Measured, not timed: the work is counted."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction

from .helpers import run_to_end
from .test_translation_complete import visible_texts


@pytest.fixture
def back_to_english(qapp):
    yield
    from quantgui.ui.i18n import install_translator

    install_translator(qapp, "en")


def language_action(window, code: str) -> QAction:
    return next(action for action in window.findChildren(QAction)
                if action.isCheckable() and action.data() == code)


def test_the_language_menu_closes_before_the_switch(qtbot, window, back_to_english):
    from quantgui.ui.i18n import current_language

    language_action(window, "es").trigger()  # as the menu does, on a click
    assert current_language() == "en" and window.quantize_button.text() == "Quantize"
    qtbot.waitUntil(lambda: window.quantize_button.text() == "Cuantizar", timeout=5000)
    assert current_language() == "es"


def test_a_text_is_tried_against_the_templates_it_shares_a_word_with(qtbot, window,
                                                                     back_to_english):
    from quantgui.ui import retranslate

    assert run_to_end(qtbot, window, "dynamic") == "finished"
    tried: list[str] = []
    match = retranslate._Template.match

    def counted(self, text):
        tried.append(text)
        return match(self, text)

    texts = [text for text in visible_texts(window) if text]
    catalogue = retranslate.catalogue("en")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(retranslate._Template, "match", counted)
        window.set_language("es")
    assert window.quantize_button.text() == "Cuantizar"
    # some 300 templates each before: now a handful a text
    assert len(tried) < 5 * len(texts), (len(tried), len(texts), len(catalogue.templates))
    # and the texts found are those every template would find
    for text in texts[:200]:
        found = catalogue.find(text, ())
        brute = [t for t in catalogue.templates if t.match(text)]
        if found is None or found[1] == {}:
            assert not brute or found is not None, text
        else:
            assert found[0] in {t.message for t in brute}, text


def test_the_history_table_is_written_again_not_taken_apart(qtbot, window, back_to_english,
                                                            tmp_path, monkeypatch):
    from quantgui.ui import retranslate

    monkeypatch.setenv("QUANTGUI_DATA_DIR", str(tmp_path / "data"))  # these runs only
    window.history_panel.history = None
    assert run_to_end(qtbot, window, "dynamic") == "finished"
    assert run_to_end(qtbot, window, "static", calibration_batches=2) == "finished"
    table = window.history_panel.table
    cells = {table.item(r, c).text() for r in range(table.rowCount())
             for c in (3, 6)}  # (a technique title is on its button too)
    asked: list[str] = []
    text = retranslate.Translator.text

    def counted(self, value, contexts=(), depth=0):
        asked.append(value)
        return text(self, value, contexts, depth)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(retranslate.Translator, "text", counted)
        window.set_language("es")
    assert sorted(cells & set(asked)) == []
    assert {table.item(r, 2).text() for r in range(table.rowCount())} == {"Dinámica",
                                                                            "Estática"}
    assert table.item(0, 3).text().startswith("Motor: ")
