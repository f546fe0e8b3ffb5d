"""Spanish is complete: after a run on a demo in Spanish, no visible text of the main panels
(labels, buttons, tabs, table headers and cells, layer notes, log lines) holds an English
sentence of the catalogue, and every message of the catalogue has a finished translation."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItemIterator,
    QWidget,
)

from .conftest import delete_now
from .helpers import LOAD_TIMEOUT_MS, run_to_end

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "quantgui_es.ts"
FIELD = re.compile(r"\{[^{}]*\}")


def catalogue() -> list[tuple[str, str, str, str | None]]:
    """(context, source, translation, type) of every message."""
    rows = []
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            rows.append((context.findtext("name", ""), message.findtext("source", ""),
                         "".join(translation.itertext()), translation.get("type")))
    return rows


def test_every_message_has_a_finished_translation():
    missing = [(context, source) for context, source, text, kind in catalogue()
               if kind in ("unfinished", "obsolete", "vanished") or not text.strip()]
    assert missing == []


def english_sentences() -> set[str]:
    """Pieces of four words or more of the catalogue's English texts (templates split at
    their fields) that their Spanish does not keep: seeing one means a text was not
    translated."""
    pieces = set()
    for _, source, translation, _ in catalogue():
        for piece in FIELD.split(source):
            piece = piece.strip(" .,:;()")
            if len(piece.split()) >= 4 and piece not in translation:
                pieces.add(piece)
    return pieces


def visible_texts(window: QWidget) -> list[str]:
    texts: list[str] = [window.windowTitle(), window.statusBar().currentMessage()]
    for widget in window.findChildren(QWidget):
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QPlainTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(column)
                texts.append(header.text() if header is not None else "")
            for row in range(widget.rowCount()):
                for column in range(widget.columnCount()):
                    item = widget.item(row, column)
                    texts.append(item.text() if item is not None else "")
        elif isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            texts += [header.text(c) for c in range(widget.columnCount())]
            iterator = QTreeWidgetItemIterator(widget)
            while iterator.value() is not None:
                item = iterator.value()
                texts += [item.text(c) for c in range(widget.columnCount())]
                iterator += 1
    for action in window.menuBar().actions():
        texts.append(action.text())
        if action.menu() is not None:
            texts += [sub.text() for sub in action.menu().actions()]
    return texts


@pytest.fixture
def spanish(qapp):
    from quantgui.ui.i18n import install_translator

    assert install_translator(qapp, "es") == "es"
    yield
    assert install_translator(qapp, "en") == "en"


@pytest.mark.parametrize(("demo", "method", "engine"), [
    ("digits-cnn", "static", "torch_ao"), ("digits-transformer", "dynamic", "torch_ao"),
    ("digits-cnn", "static", "onnxruntime"), ("digits-mlp", "static", "pt2e"),
    ("digits-mlp", "dynamic", "weight_only")])
def test_a_run_in_spanish_shows_no_english_sentence(qtbot, spanish, demo, method, engine):
    from quantgui.core.events import LogMessage
    from quantgui.ui.i18n import tr_core
    from quantgui.ui.main_window import MainWindow

    win = MainWindow(demo=demo, method=method)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
        win.show()
    core_lines: list[str] = []
    win.runner.events.connect(lambda events: core_lines.extend(
        e.text for e in events if isinstance(e, LogMessage)))
    assert run_to_end(qtbot, win, method, engine=engine) == "finished"
    # every note and log line of the run is a listed template: the core wrote nothing the
    # window cannot translate (an f-string outside quantgui.core.texts would stay English)
    notes = {layer.note for layer in win.result.layers}
    assert [note for note in notes if tr_core("note", note) == note] == []
    assert core_lines and [line for line in core_lines if tr_core("log", line) == line] == []
    if method == "static" and engine == "torch_ao":
        assert any(tr_core("note", n).startswith("fusionada en ") for n in notes)
    sentences = english_sentences()
    english = sorted({(piece, text) for text in visible_texts(win) for piece in sentences
                      if piece in text}, key=str)
    assert english == []
    log = win.log.lines()
    assert any("Cuantizando " in line for line in log)
    win.close()
    delete_now(win)
