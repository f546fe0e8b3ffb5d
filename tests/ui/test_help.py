"""Help > Guide (F1) opens the offline guide in the window's language; every link inside it
leads to a section of the same page, and the guide explains every technique, engine and number."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser

from quantgui.core.resources import resources_dir

# a section for each technique, each engine and each number the window shows
SECTIONS = ("dynamic", "static", "qat", "engine-eager", "engine-compiled", "engine-ort",
            "engine-weight-only", "size", "latency", "speedup", "accuracy", "sqnr", "cosine",
            "top1", "layer-status", "weight-sqnr", "own-sqnr", "accumulated-sqnr", "pareto")
ENGINE_SECTIONS = {"torch_ao": "engine-eager", "pt2e": "engine-compiled",
                   "onnxruntime": "engine-ort", "weight_only": "engine-weight-only"}
TITLES = {"en": "QuantGUI guide", "es": "Guía de QuantGUI"}


def anchors(document: QTextDocument) -> tuple[set[str], list[str]]:
    """(the anchor names Qt resolves in ``document``, the links it holds)."""
    names: set[str] = set()
    links: list[str] = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fmt = iterator.fragment().charFormat()
            names.update(fmt.anchorNames())
            if fmt.anchorHref():
                links.append(fmt.anchorHref())
            iterator += 1
        block = block.next()
    return names, links


def link_position(browser: QTextBrowser, href: str) -> QPoint:
    """Where the first link to ``href`` is drawn in the browser's viewport."""
    block = browser.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(browser.document())
                cursor.setPosition(fragment.position() + 1)
                return browser.cursorRect(cursor).center()
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


@pytest.fixture
def language(qapp, request):
    from quantgui.ui.i18n import install_translator

    assert install_translator(qapp, request.param) == request.param
    yield request.param
    assert install_translator(qapp, "en") == "en"


@pytest.mark.parametrize("language", ["en", "es"], indirect=True)
def test_f1_opens_the_guide_in_the_window_language_and_every_link_resolves(
        qtbot, window, language):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.guide
    qtbot.waitUntil(guide.isVisible)
    browser = guide.browser
    assert browser.source().toLocalFile().endswith(f"guide_{language}.html")
    assert browser.documentTitle() == TITLES[language]
    names, links = anchors(browser.document())
    assert set(SECTIONS) <= names
    assert len(links) > len(SECTIONS)
    for link in links:
        assert link.startswith("#"), f"{link}: the guide links only inside itself (offline)"
        assert link[1:] in names, f"{link} leads nowhere"
    # clicking a link of the contents stays on the guide and moves to its section
    bar = browser.verticalScrollBar()
    assert bar.value() == 0
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton,
                     pos=link_position(browser, "#pareto"))
    qtbot.waitUntil(lambda: bar.value() > 0)
    assert browser.source().fileName() == f"guide_{language}.html"
    assert browser.source().fragment() == "pareto"
    assert browser.document().toPlainText().startswith(TITLES[language])
    at_pareto = bar.value()
    browser.setSource(browser.source().resolved(QUrl("#top")))  # "Back to the contents"
    qtbot.waitUntil(lambda: bar.value() < at_pareto / 10)
    guide.close()


def test_the_guide_follows_a_language_chosen_after_it_was_opened(qtbot, window, qapp):
    from quantgui.ui.i18n import install_translator

    window.show_guide("sqnr")
    assert window.guide.browser.documentTitle() == TITLES["en"]
    window.guide.close()
    try:
        install_translator(qapp, "es")
        window.guide_action.trigger()
        assert window.guide.isVisible()
        assert window.guide.browser.documentTitle() == TITLES["es"]
        assert "relación señal/ruido" in window.guide.browser.toPlainText()
    finally:
        install_translator(qapp, "en")
    window.guide.close()


def test_both_guides_have_the_same_sections_and_one_per_engine():
    from quantgui.core.engines import engine_names

    pages = {}
    for code in TITLES:
        document = QTextDocument()
        document.setHtml((resources_dir() / "help" / f"guide_{code}.html").read_text("utf-8"))
        pages[code] = anchors(document)[0]
    assert pages["en"] == pages["es"]
    assert {ENGINE_SECTIONS[name] for name in engine_names() if name in ENGINE_SECTIONS} \
        == {s for s in SECTIONS if s.startswith("engine-")}
    assert [name for name in engine_names() if name not in ENGINE_SECTIONS] == []
