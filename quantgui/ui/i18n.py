"""Translations: English built in, Spanish from resources/translations/quantgui_es.qm.

The language follows the system locale unless one is chosen in View > Language (stored in
QSettings under "language": "" = system, "en", "es"); a choice applies at once
(``quantgui.ui.retranslate``). The core's texts go through ``tr_core`` (see below).
"""

from __future__ import annotations

import re
import string

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QKeySequence

from quantgui.core.resources import resources_dir
from quantgui.ui.preferences import app_settings

LANGUAGES = {"en": "English", "es": "Español"}

_installed: list[QTranslator] = []
_current = ["en"]  # the language install_translator put in place


def current_language() -> str:
    """The code of the language the window speaks now ("en" when no translation applies)."""
    return _current[0]


def translations_dir() -> str:
    return str(resources_dir() / "translations")


def chosen_language() -> str:
    value = app_settings().value("language", "")
    return str(value or "")


def install_translator(app: QCoreApplication, language: str | None = None) -> str:
    """Install the translators for ``language`` ("" or None: the system locale).

    Returns the language code in use ("en" when no translation applies).
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current[0] = "en"
    language = language if language is not None else chosen_language()
    locale = QLocale(language) if language else QLocale.system()
    code = locale.name().split("_")[0]
    if code not in LANGUAGES or code == "en":
        return "en"
    ours = QTranslator(app)
    if not ours.load(locale, "quantgui", "_", translations_dir()):
        return "en"
    _current[0] = code
    qt = QTranslator(app)  # Qt's own strings (dialog buttons), when shipped with PySide6
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    # installed last, asked first: our names of the keys (key_names) before Qt's
    app.installTranslator(ours)
    _installed.append(ours)
    return code


def key_names() -> tuple[str, ...]:
    """The names of the keys in shortcuts as the keyboards of the window's language print
    them, which is how every shortcut is written (``shortcut_text``): the menus, and the
    texts that name a shortcut (their translations say the same, a test checks it). Qt's own
    Spanish names them "Control" and "Mayúsculas" where the keys say Ctrl and Mayús; these
    messages of Qt's "QShortcut" context, in our catalogue, come first."""
    translate = QCoreApplication.translate
    return (translate("QShortcut", "Ctrl"), translate("QShortcut", "Shift"),
            translate("QShortcut", "Alt"), translate("QShortcut", "Esc"))


def shortcut_text(keys: QKeySequence | QKeySequence.StandardKey | str) -> str:
    """``keys`` as the menus show them, in the window's language ("Ctrl+Mayús+R")."""
    sequence = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


# ---- the core's texts ---------------------------------------------------------------------
# The core cannot mark texts for Qt; quantgui.core.texts lists them and core_strings.py repeats
# them for lupdate. A text made from a template ("fused into {layer}") is recognised by its
# template, which is translated and filled again with the same values.

_FIELD = re.compile(r"\{(\w+)(?:![rsa])?(?::[^{}]*)?\}")
_templates: dict[str, list[tuple[re.Pattern[str], str]]] = {}


def _pattern(template: str) -> re.Pattern[str] | None:
    """A regular expression matching ``template`` filled with any values (None: no fields,
    or nothing but fields, which would match any text)."""
    parts: list[str] = []
    seen: set[str] = set()
    literal = ""
    for text, name, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(text))
        literal += text
        if name is None:
            continue
        if not name.isidentifier():
            return None
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
        seen.add(name)
    if not seen or not literal.strip():
        return None
    return re.compile("".join(parts), re.DOTALL)


def core_templates(context: str) -> list[tuple[re.Pattern[str], str]]:
    """The templates of ``context`` listed in core_strings.py, most specific first."""
    if context not in _templates:
        from quantgui.ui import core_strings

        texts = getattr(core_strings, context.upper(), ())
        found = [(pattern, text) for text in texts if (pattern := _pattern(text)) is not None]
        found.sort(key=lambda item: -len(_FIELD.sub("", item[1])))
        _templates[context] = found
    return _templates[context]


PARTS = "; "  # quantgui.core.texts.MODEL_PARTS: between the parts of a model's description


def tr_core(context: str, text: str, _depth: int = 0) -> str:
    """``text`` from the core in the current language: listed as is, or made from a listed
    template (whose values are translated too where they are core texts: a technique's
    title, a nested note), or parts joined by "; " that are each one of those (a model's
    description: the model; what it compares; its data). A text the catalogue lacks comes
    back unchanged."""
    found = _tr_found(context, text, _depth)
    return text if found is None else found


def _tr_found(context: str, text: str, depth: int) -> str | None:
    """``tr_core``, or None when the catalogue knows neither the text nor its parts."""
    if not text:
        return text
    translated = QCoreApplication.translate(context, text)
    if translated != text:
        return translated
    if depth > 4:
        return None
    if PARTS in text:  # before the templates, whose values would swallow the other parts
        parts = [_tr_found(context, part, depth + 1) for part in text.split(PARTS)]
        if all(part is not None for part in parts):
            return PARTS.join(parts)  # type: ignore[arg-type]
    for pattern, template in core_templates(context):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        translated = QCoreApplication.translate(context, template)
        if translated == template:
            return None
        values = {name: _tr_value(context, value, depth)
                  for name, value in match.groupdict().items()}
        try:
            return _FIELD.sub(lambda m: "{" + m.group(1) + "}", translated).format_map(values)
        except (KeyError, IndexError, ValueError):  # a translation that names other fields
            return None
    return None


def _tr_value(context: str, value: str, depth: int) -> str:
    for other in ("technique", "recipe"):
        translated = QCoreApplication.translate(other, value)
        if translated != value:
            return translated
    return tr_core(context, value, depth + 1)
