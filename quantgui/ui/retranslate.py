"""Switch the window's language while it runs, keeping everything it shows.

After a new translator is installed, every text already on screen is still in the old language:
labels, buttons, tabs, menus, tooltips, table headers and cells, layer notes, log lines, chart
titles and axes. ``retranslate_window`` walks the window once and puts each of those texts in
the new language through the catalogue (the .ts file, the single source of the translations):

- a text is recognised in the old language, whole (a ``tr()`` text or a core text) or as a
  template filled with values ("Done in {seconds:.1f} s: …", "fused into {layer}"), whose
  values are recognised in turn (a technique's title inside a sentence);
- a text made of several (rich text, lines, two sentences) is taken apart and each part
  translated;
- it is written again from the same source in the new language (``QCoreApplication.translate``
  with the new translator), so a round trip gives the original text back exactly.

Nothing is rebuilt: the loaded model, the last result, the history, the plots' data and the
settings typed in stay as they are, and texts the window writes later come from ``tr()`` in the
new language. A widget of the window's own that needs more (a page to load again) has a
``retranslate()`` method, called at the end.
"""

from __future__ import annotations

import re
import string
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItemIterator,
    QWidget,
)

from quantgui.ui.i18n import PARTS, translations_dir

_FIELD = re.compile(r"\{(\w+)(?:![rsa])?(?::[^{}]*)?\}")
_LOG_LINE = re.compile(r"^(\d\d:\d\d:\d\d  (?:\[\w+\] )?)(.*)$")
_PIECES = re.compile(r"(<[^<>]*>|\n|<br\s*/?>|&nbsp;|\s+·\s+)")
# where two sentences (or a label and its value) may have been joined in code
_JOINS = re.compile(r"(?<=[.:;!?…)])\s+|\s+(?=\()")
# cached Python attributes of the window's objects that hold translated texts for later use
CACHED_TEXTS = ("method_titles", "method_help", "tab_names")
# a table's or tree's property: its owner writes its cells again from its data in its
# ``retranslate()`` (a run history, a comparison), so the walk leaves them alone (headers apart)
REFILLED = "quantgui_refilled"


def refilled_by_owner(*views: QWidget) -> None:
    """``views`` (tables, trees) get their cells written again by their owner's
    ``retranslate()``: faster than taking each cell apart, and exact."""
    for view in views:
        view.setProperty(REFILLED, True)


@dataclass(frozen=True)
class Message:
    context: str
    source: str  # English
    fields: tuple[str, ...]


_WORD = re.compile(r"\w+")


class _Template:
    """A template of the catalogue, as written in one language. Its regular expression is
    compiled the first time a text holds all of its words (``pieces``): a catalogue has
    hundreds of templates, a text is made from one of them at most."""

    def __init__(self, source: str, pieces: tuple[str, ...], message: Message,
                 literal: int) -> None:
        self.source = source  # the regular expression, not compiled yet
        self.pieces = pieces  # the texts between its fields, each found in a filled text
        self.message = message
        self.literal = literal  # characters that are not fields: the more, the more specific
        self._pattern: re.Pattern[str] | None = None

    def match(self, text: str) -> re.Match[str] | None:
        if not all(piece in text for piece in self.pieces):
            return None
        if self._pattern is None:
            self._pattern = re.compile(self.source)
        return self._pattern.fullmatch(text)


_NUMBER = r"[-+]?(?:\d[\d,]*(?:\.\d*)?|\.\d+|nan|inf)(?:e[-+]?\d+)?%?"


def _pattern_source(template: str) -> tuple[str, tuple[str, ...], set[str]] | None:
    """The regular expression matching ``template`` filled in, the texts between its fields,
    and the words of those texts that every filled text holds whole (not one touching a
    field: "{n}x faster" filled is "1.5x faster"): a value never spans a line, a tag or the
    end of a sentence, and a number format ({x:.1f}) takes a number; None for a template
    without words of its own ("{a}, {b}" would match anything)."""
    parts: list[str] = []
    pieces: list[str] = []
    words: set[str] = set()
    seen: set[str] = set()
    literal = ""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return None
    for index, (text, name, spec, _) in enumerate(parsed):
        parts.append(re.escape(text))
        literal += text
        if text:
            pieces.append(text)
            found = list(_WORD.finditer(text))
            field_before = index > 0  # every parsed item before this one ends with a field
            field_after = name is not None
            words.update(match.group(0) for match in found
                         if not (field_before and match.start() == 0)
                         and not (field_after and match.end() == len(text)))
        if name is None:
            continue
        if not name.isidentifier():
            return None
        numeric = bool(spec) and (spec[-1] in "dfFgGeE%n" or "," in spec)
        value = _NUMBER if numeric else r"(?:(?!\.\s)[^<>\n·])+?"  # not past a sentence
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>{value})")
        seen.add(name)
    if not seen or not any(c.isalpha() for c in literal):
        return None
    return "".join(parts), tuple(pieces), words


class Catalogue:
    """The catalogue's messages as written in one language: exact texts and templates, the
    templates indexed by one word each that a filled text holds (the rarest), so that a text
    is tried against the few templates that share a word with it."""

    def __init__(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """``rows``: (context, English source, the text in this language)."""
        self.exact: dict[str, list[Message]] = {}
        self.templates: list[_Template] = []
        template_words: list[set[str]] = []
        for context, source, text in rows:
            text = text.strip()  # " ({delta:+.2f} points)" is appended in code: matched bare
            if not text:
                continue
            fields = tuple(m.group(1) for m in _FIELD.finditer(source))
            message = Message(context, source, fields)
            self.exact.setdefault(text, []).append(message)
            found = _pattern_source(text) if fields else None
            if found is not None:
                self.templates.append(_Template(found[0], found[1], message,
                                                len(_FIELD.sub("", text).strip())))
                template_words.append(found[2])
        counts: dict[str, int] = {}
        for words in template_words:
            for word in words:
                counts[word] = counts.get(word, 0) + 1
        self._by_word: dict[str, list[int]] = {}
        self._unindexed: list[int] = []  # no whole word of their own: always tried
        for index, words in enumerate(template_words):
            if words:
                rarest = min(sorted(words), key=lambda word: counts[word])
                self._by_word.setdefault(rarest, []).append(index)
            else:
                self._unindexed.append(index)

    def candidates(self, text: str) -> list[_Template]:
        """The templates ``text`` may be filled from: those whose word it holds."""
        indices = set(self._unindexed)
        for word in set(_WORD.findall(text)):
            indices.update(self._by_word.get(word, ()))
        return [self.templates[index] for index in indices]

    def find(self, text: str, contexts: tuple[str, ...]) -> tuple[Message, dict[str, str]] | None:
        """The message ``text`` is written from, and its values (templates), or None."""
        candidates = self.exact.get(text)
        if candidates:
            return _prefer(candidates, contexts, lambda m: m.context), {}
        matches = [(t, m) for t in self.candidates(text) if (m := t.match(text))]
        if not matches:
            return None
        best = max(t.literal for t, _ in matches)
        matches = [(t, m) for t, m in matches if t.literal == best]
        matches.sort(key=lambda item: self.templates.index(item[0]))  # catalogue order
        template, match = _prefer(matches, contexts, lambda item: item[0].message.context)
        return template.message, match.groupdict()


def _prefer(items: list, contexts: tuple[str, ...], context_of: Callable) -> object:
    for context in contexts:
        for item in items:
            if context_of(item) == context:
                return item
    return items[0]


@cache
def catalogue(language: str) -> Catalogue:
    """The catalogue written in ``language`` ("en": the sources)."""
    rows: list[tuple[str, str, str]] = []
    if language == "en":
        ts = next(iter(sorted(Path(translations_dir()).glob("quantgui_*.ts"))), None)
    else:
        ts = Path(translations_dir()) / f"quantgui_{language}.ts"
    if ts is None or not ts.exists():
        return Catalogue(())
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if language == "en":
                rows.append((name, source, source))
            elif (translation is not None and translation.get("type") != "unfinished"
                  and message.get("numerus") != "yes"):
                rows.append((name, source, "".join(translation.itertext())))
    return Catalogue(rows)


class Translator:
    """Texts from ``old`` to the language of the translator installed now."""

    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = old, new
        self.source = catalogue(old)

    def text(self, text: str, contexts: tuple[str, ...] = (), depth: int = 0) -> str:
        if not text or not any(c.isalpha() for c in text) or depth > 4:
            return text
        core = text.strip()
        if PARTS in core and core not in self.source.exact:
            # parts joined by "; " (a model's description), each a message of its own: taken
            # apart before the templates, whose values would swallow the parts after theirs
            parts = core.split(PARTS)
            new_parts = [self.text(part, contexts, depth + 1) for part in parts]
            if all(self._known(part, new, contexts)
                   for part, new in zip(parts, new_parts, strict=True)):
                return text.replace(core, PARTS.join(new_parts), 1)
        found = self.source.find(core, contexts)
        if found is not None:
            message, values = found
            return text.replace(core, self._render(message, values, contexts, depth), 1)
        if "\n" in core:  # a text whose code put a line break in it ("Weight SQNR\n(dB)")
            joined = core.replace("\n", " ")
            if self.source.find(joined, contexts) is not None:
                new = self.text(joined, contexts, depth + 1)
                for follows in re.findall(r"\n(\S)", core):
                    new = new.replace(" " + follows, "\n" + follows, 1)
                return text.replace(core, new, 1)
        pieces = _PIECES.split(text)
        if len(pieces) > 1:
            return "".join(piece if _PIECES.fullmatch(piece) else
                           self.text(piece, contexts, depth + 1) for piece in pieces)
        for join in _JOINS.finditer(core):
            head, tail = core[:join.start()], core[join.end():]
            head_new = self.text(head, contexts, depth + 1)
            if not self._known(head, head_new, contexts):
                continue
            tail_new = self.text(tail, contexts, depth + 1)
            if self._known(tail, tail_new, contexts):
                return text.replace(core, head_new + join.group(0) + tail_new, 1)
        return text

    def _known(self, text: str, new: str, contexts: tuple[str, ...]) -> bool:
        """``text`` was translated to ``new``, or needs no translation (a number, or a text
        the same in both languages)."""
        return (new != text or not any(c.isalpha() for c in text)
                or self.source.find(text.strip(), contexts) is not None)

    def _render(self, message: Message, values: dict[str, str], contexts: tuple[str, ...],
                depth: int) -> str:
        translated = QCoreApplication.translate(message.context, message.source).strip()
        if not values:
            return translated
        filled = {name: self.text(value, contexts, depth + 1) for name, value in values.items()}
        try:
            return _FIELD.sub(lambda m: "{" + m.group(1) + "}", translated).format_map(filled)
        except (KeyError, IndexError, ValueError):
            return translated


class _Memory:
    """What each text was before the last switch, so that switching back restores it exactly
    (a translation shared by two English texts would otherwise pick one)."""

    def __init__(self) -> None:
        self.entries: dict[tuple[int, str], tuple[str, str, str]] = {}

    def translate(self, translator: Translator, owner: object, key: str, text: str,
                  contexts: tuple[str, ...]) -> str:
        remembered = self.entries.get((id(owner), key))
        if remembered is not None and remembered[0] == text and remembered[2] == translator.new:
            new = remembered[1]
        else:
            new = translator.text(text, contexts)
        if new != text:
            self.entries[(id(owner), key)] = (new, text, translator.old)
        return new


def _contexts(widget: QObject | None) -> tuple[str, ...]:
    """The translation contexts a widget's texts likely come from: its own class and those
    of its parents (``self.tr`` uses the class name)."""
    names: list[str] = []
    while widget is not None:
        for cls in type(widget).__mro__:
            if cls.__module__.startswith("quantgui.") and cls.__name__ not in names:
                names.append(cls.__name__)
        widget = widget.parent()
    return (*names, "technique", "recipe", "note", "log", "message", "model")


def retranslate_window(window: QMainWindow, old: str, new: str) -> None:
    """Put every text of ``window`` (and its dialogs) from language ``old`` into ``new``, the
    language of the translator installed now."""
    if old == new:
        return
    translator = Translator(old, new)
    memory: _Memory = window.__dict__.setdefault("_retranslation_memory", _Memory())

    def tr(owner: object, key: str, text: str, contexts: tuple[str, ...]) -> str:
        return memory.translate(translator, owner, key, text, contexts)

    widgets = [window, *window.findChildren(QWidget)]
    # first the titles kept for later messages: a text written while the walk goes (a
    # panel answering a change) must not mix the two languages
    for owner in widgets:
        if type(owner).__module__.startswith("quantgui."):
            _retranslate_cached(owner, _contexts(owner), tr)
    for widget in widgets:
        # a new item text is not a new choice: no panel re-plans or re-validates for it
        blocked = widget.blockSignals(True)
        try:
            _retranslate_widget(widget, _contexts(widget), tr)
        finally:
            widget.blockSignals(blocked)
    for action in window.findChildren(QAction):
        contexts = _contexts(action.parent())
        for get, put, key in ((action.text, action.setText, "text"),
                              (action.toolTip, action.setToolTip, "tip"),
                              (action.statusTip, action.setStatusTip, "status")):
            value = get()
            if value:
                put(tr(action, key, value, contexts))
    status = window.statusBar().currentMessage()
    if status:
        window.statusBar().showMessage(tr(window.statusBar(), "message", status,
                                          _contexts(window)))
    _retranslate_plots(window, tr)
    for owner in widgets:
        hook = getattr(owner, "retranslate", None)
        if type(owner).__module__.startswith("quantgui.") and callable(hook):
            hook()


def _retranslate_widget(widget: QWidget, contexts: tuple[str, ...],
                        tr: Callable[[object, str, str, tuple[str, ...]], str]) -> None:
    def update(key: str, get: Callable[[], str], put: Callable[[str], None]) -> None:
        value = get()
        if value:
            new = tr(widget, key, value, contexts)
            if new != value:
                put(new)

    if widget.isWindow():
        update("title", widget.windowTitle, widget.setWindowTitle)
    update("tip", widget.toolTip, widget.setToolTip)
    update("status", widget.statusTip, widget.setStatusTip)
    update("name", widget.accessibleName, widget.setAccessibleName)
    update("description", widget.accessibleDescription, widget.setAccessibleDescription)
    if isinstance(widget, (QLabel, QAbstractButton)):
        update("text", widget.text, widget.setText)
    elif isinstance(widget, (QGroupBox, QMenu)):
        update("text", widget.title, widget.setTitle)
    elif isinstance(widget, QLineEdit):
        update("placeholder", widget.placeholderText, widget.setPlaceholderText)
    elif isinstance(widget, QAbstractSpinBox):
        update("special", widget.specialValueText, widget.setSpecialValueText)
        if isinstance(widget, QSpinBox):
            update("prefix", widget.prefix, widget.setPrefix)
            update("suffix", widget.suffix, widget.setSuffix)
    elif isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            update(f"tab{index}", lambda i=index: widget.tabText(i),
                   lambda text, i=index: widget.setTabText(i, text))
            update(f"tabtip{index}", lambda i=index: widget.tabToolTip(i),
                   lambda text, i=index: widget.setTabToolTip(i, text))
    elif isinstance(widget, QComboBox):
        role = Qt.ItemDataRole.ToolTipRole
        for index in range(widget.count()):
            update(f"item{index}", lambda i=index: widget.itemText(i),
                   lambda text, i=index: widget.setItemText(i, text))
            update(f"itemtip{index}", lambda i=index: str(widget.itemData(i, role) or ""),
                   lambda text, i=index: widget.setItemData(i, text, role))
    elif isinstance(widget, QTableWidget):
        _retranslate_table(widget, contexts, tr)
    elif isinstance(widget, QTreeWidget):
        _retranslate_tree(widget, contexts, tr)
    elif isinstance(widget, QPlainTextEdit) and widget.isReadOnly():
        _retranslate_log(widget, contexts, tr)


def _retranslate_table(table: QTableWidget, contexts: tuple[str, ...],
                       tr: Callable[[object, str, str, tuple[str, ...]], str]) -> None:
    items = [table.horizontalHeaderItem(c) for c in range(table.columnCount())]
    items += [table.verticalHeaderItem(r) for r in range(table.rowCount())]
    if not table.property(REFILLED):
        items += [table.item(r, c) for r in range(table.rowCount())
                  for c in range(table.columnCount())]
    for item in items:
        if item is None:
            continue
        for key, get, put in (("text", item.text, item.setText),
                              ("tip", item.toolTip, item.setToolTip)):
            value = get()
            if value:
                new = tr(item, key, value, contexts)
                if new != value:
                    put(new)


def _retranslate_tree(tree: QTreeWidget, contexts: tuple[str, ...],
                      tr: Callable[[object, str, str, tuple[str, ...]], str]) -> None:
    items = [tree.headerItem()]
    iterator = QTreeWidgetItemIterator(tree)
    while iterator.value() is not None and not tree.property(REFILLED):
        items.append(iterator.value())
        iterator += 1
    for item in items:
        for column in range(tree.columnCount()):
            for key, get, put in (
                    (f"text{column}", lambda c=column, i=item: i.text(c),
                     lambda text, c=column, i=item: i.setText(c, text)),
                    (f"tip{column}", lambda c=column, i=item: i.toolTip(c),
                     lambda text, c=column, i=item: i.setToolTip(c, text))):
                value = get()
                if value:
                    new = tr(item, key, value, contexts)
                    if new != value:
                        put(new)


def _retranslate_log(edit: QPlainTextEdit, contexts: tuple[str, ...],
                     tr: Callable[[object, str, str, tuple[str, ...]], str]) -> None:
    """A log's lines ("12:00:01  [warning] text"), each on its own; other read-only text (a
    script) is left alone."""
    lines = edit.toPlainText().split("\n")
    parsed = [_LOG_LINE.match(line) for line in lines]
    if not any(parsed):
        return
    new_lines = [line if match is None else
                 match.group(1) + tr(edit, f"line{index}:{line}", match.group(2), contexts)
                 for index, (line, match) in enumerate(zip(lines, parsed, strict=True))]
    if new_lines != lines:
        bar = edit.verticalScrollBar()
        at_end = bar.value() == bar.maximum()
        edit.setPlainText("\n".join(new_lines))
        if at_end:
            bar.setValue(bar.maximum())


def _retranslate_plots(window: QWidget,
                       tr: Callable[[object, str, str, tuple[str, ...]], str]) -> None:
    """pyqtgraph's titles, axis labels, legends and line labels (drawn, not widgets)."""
    import pyqtgraph as pg

    for view in window.findChildren(pg.GraphicsView):
        contexts = _contexts(view)
        for item in view.scene().items():
            if isinstance(item, pg.PlotItem):
                title = item.titleLabel.text
                if title and item.titleLabel.isVisible():
                    item.setTitle(tr(item, "title", title, contexts))
                for name in ("left", "bottom", "right", "top"):
                    axis = item.getAxis(name)
                    if axis.labelText:
                        axis.setLabel(tr(axis, "label", axis.labelText, contexts),
                                      units=axis.labelUnits or None, **axis.labelStyle)
                    ticks = getattr(axis, "_tickLevels", None)  # named ticks (bar charts)
                    if ticks:
                        axis.setTicks([[(value, tr(axis, f"tick{value}", str(text), contexts))
                                        for value, text in level] for level in ticks])
            elif isinstance(item, pg.LegendItem):
                for _, label in item.items:
                    label.setText(tr(label, "text", label.text, contexts))
            elif isinstance(item, pg.InfLineLabel):
                head, sep, tail = item.format.partition(" {")
                item.format = tr(item, "format", head, contexts) + sep + tail
                item.valueChanged()


def _retranslate_cached(owner: object, contexts: tuple[str, ...],
                        tr: Callable[[object, str, str, tuple[str, ...]], str]) -> None:
    """Translated texts an object keeps to use later (technique titles for its messages)."""
    for name in CACHED_TEXTS:
        cached = getattr(owner, name, None)
        if isinstance(cached, dict):
            for key, value in list(cached.items()):
                if isinstance(value, str):
                    cached[key] = tr(cached, f"{name}:{key}", value, contexts)
