"""Every chart and table follows a live switch of the theme or the language, both ways.

One window runs Compare all three (in Spanish, so its texts are written by ``tr()`` in Spanish,
not remembered from a switch) and then one QAT run (in English): the Techniques table and
chart, Comparison's charts, the Layers chart, the training plots and the History's charts are
all filled. Then, for every pyqtgraph plot of the window, whatever it is:

- theme light -> dark -> light: the view's background, the axes' pens, tick and label texts,
  titles, legends and the text items on the plot are in the colours of the palette now (none
  left in the other theme's);
- language es -> en -> es -> en: no word that only the Spanish catalogue has ("Estática",
  "Frente") is left in English, no English sentence of the catalogue is left in Spanish, in
  the charts and in every table.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QGraphicsTextItem, QTableWidget
from pytestqt.qtbot import QtBot

from .conftest import delete_now
from .helpers import LOAD_TIMEOUT_MS, RUN_TIMEOUT_MS
from .test_translation_complete import english_sentences, visible_texts

pytestmark = pytest.mark.slow  # Compare all three and a QAT run (about a minute on 2 cores)

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "quantgui_es.ts"
WORD = re.compile(r"[^\W\d_]{3,}")


@pytest.fixture(scope="module")
def ran(request, qapp, tmp_path_factory):
    """The window after Compare all three (run in Spanish) and a QAT run (in English)."""
    from PySide6.QtCore import QSettings

    from quantgui.ui import theme
    from quantgui.ui.i18n import install_translator
    from quantgui.ui.main_window import MainWindow

    folder = tmp_path_factory.mktemp("live")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CONFIG_HOME", str(folder))
        patch.setenv("QUANTGUI_DATA_DIR", str(folder / "data"))  # a history of these runs only
        qtbot = QtBot(request)
        win = MainWindow(demo="digits-cnn", method="static")
        win.resize(1280, 800)
        with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
            win.show()
        win.set_theme("light")
        win.set_language("es")
        win.settings_panel.set_values({"calibration_batches": 2})
        with qtbot.waitSignal(win.run_finished, timeout=3 * RUN_TIMEOUT_MS):
            win.compare_all_three()
        win.set_language("en")
        win.select_method("qat")
        win.settings_panel.set_values({"epochs": 1})
        with qtbot.waitSignal(win.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
            win.start_run()
        assert blocker.args[0] == "finished"
        yield win, qtbot
        win.close()
        delete_now(win)
        install_translator(qapp, "en")
        theme.apply_theme("system")  # the application's palette is the next test's too


def plots(window) -> list[tuple[pg.GraphicsView, object]]:
    """Every (view, scene item) of every pyqtgraph view of the window."""
    return [(view, item) for view in window.findChildren(pg.GraphicsView)
            for item in view.scene().items()]


def chart_texts(window) -> list[str]:
    """Every text drawn in the charts: titles, axis labels and named ticks, legends, labels on
    the plot."""
    texts = []
    for _, item in plots(window):
        if isinstance(item, pg.PlotItem):
            if item.titleLabel.isVisible():
                texts.append(item.titleLabel.text)
            for side in ("left", "bottom", "right", "top"):
                axis = item.getAxis(side)
                if not axis.isVisible():
                    continue
                texts.append(axis.labelText)
                for level in getattr(axis, "_tickLevels", None) or ():
                    texts += [str(text) for _, text in level]
        elif isinstance(item, QGraphicsTextItem) and item.isVisible():
            texts.append(item.toPlainText())
    return [text for text in texts if text]


def table_texts(window) -> list[str]:
    texts = []
    for table in window.findChildren(QTableWidget):
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                if item is not None:
                    texts += [item.text(), item.toolTip()]
    return texts


def words_of(texts) -> set[str]:
    return {word.lower() for text in texts for word in WORD.findall(text)}


def catalogue_words() -> tuple[set[str], set[str]]:
    """(words only the Spanish translations have, words only the English sources have)."""
    sources, translations = [], []
    for message in ET.parse(TS).getroot().iter("message"):
        sources.append(re.sub(r"\{[^{}]*\}", " ", message.findtext("source", "")))
        translation = message.find("translation")
        translations.append(re.sub(r"\{[^{}]*\}", " ", "".join(translation.itertext())))
    spanish, english = words_of(translations), words_of(sources)
    return spanish - english, english - spanish


def model_words(window) -> set[str]:
    """Words that come from the model and its data (layer and class names), in no language."""
    names = [name for name, _ in window.loaded.model.named_modules()]
    names += [type(module).__name__ for module in window.loaded.model.modules()]
    return words_of(names) | words_of([window.loaded.name])


def wrong_language(window, language: str) -> list[str]:
    spanish_only, english_only = catalogue_words()
    texts = chart_texts(window) + table_texts(window) + visible_texts(window)
    if language == "en":
        spanish = spanish_only - model_words(window)
        return sorted({text for text in texts if words_of([text]) & spanish})
    sentences = english_sentences()
    return sorted({piece for text in texts for piece in sentences if piece in text})


def colours_in(item: QGraphicsTextItem) -> set[str]:
    """The colours a text item draws its letters in: each fragment's own, or the item's
    default colour where the fragment names none."""
    found = set()
    block = item.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid() and fragment.text().strip():
                brush = fragment.charFormat().foreground()
                colour = (brush.color() if brush.style() != Qt.BrushStyle.NoBrush
                          else item.defaultTextColor())
                found.add(colour.name())
            iterator += 1
        block = block.next()
    return found


def wrong_colours(window) -> list[str]:
    """The chart parts not drawn in the palette now: the views' background, the axes (line,
    ticks, tick texts, label), titles, legends, and every text on a plot (chart colours of
    their own, for the original or the quantized model, are theme-independent and allowed)."""
    from quantgui.ui import theme

    palette = QApplication.palette()
    base = palette.color(QPalette.ColorRole.Base).name()
    text = palette.color(QPalette.ColorRole.Text).name()
    allowed = {text, palette.color(QPalette.ColorRole.PlaceholderText).name(),
               *(c.name() for c in (theme.ORIGINAL, theme.QUANTIZED, theme.ERROR))}
    wrong = []
    for view in window.findChildren(pg.GraphicsView):
        if view.backgroundBrush().color().name() != base:
            wrong.append(f"{view.accessibleName() or type(view).__name__}: background "
                         f"{view.backgroundBrush().color().name()}, not {base}")
    for view, item in plots(window):
        where = view.accessibleName() or type(view.parent()).__name__
        if isinstance(item, pg.AxisItem):
            for part, colour in (("line", item.pen().color()), ("ticks", item.textPen().color())):
                if colour.name() != text:
                    wrong.append(f"{where}: {item.orientation} axis {part} {colour.name()}")
        if isinstance(item, QGraphicsTextItem) and item.isVisible():
            bad = colours_in(item) - allowed
            if bad:
                wrong.append(f"{where}: {item.toPlainText()!r} in {sorted(bad)}")
    return wrong


def test_the_run_filled_every_chart(ran):
    window, _ = ran
    titles = [item.titleLabel.text for _, item in plots(window) if isinstance(item, pg.PlotItem)]
    assert window.techniques_panel.point_count() == 4
    assert "Training loss" in titles and "Quality against size" in titles
    assert window.history_panel.table.rowCount() == 4


@pytest.mark.parametrize("order", [("dark", "light")])
def test_every_chart_follows_the_theme_both_ways(ran, order):
    window, _ = ran
    assert wrong_colours(window) == []  # light, as the charts were made
    for name in order:
        window.set_theme(name)
        wrong = wrong_colours(window)
        assert wrong == [], "\n".join([name, *wrong])


def test_every_chart_and_table_follows_the_language_both_ways(ran):
    window, _ = ran
    for language in ("es", "en", "es", "en"):
        window.set_language(language)
        wrong = wrong_language(window, language)
        assert wrong == [], (language, wrong)
