"""Translations: English built in, Spanish from resources/translations/quantgui_es.qm.

The language follows the system locale unless one is chosen in View > Language (stored in
QSettings under "language": "" = system, "en", "es").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from quantgui.core.resources import resources_dir
from quantgui.ui.preferences import app_settings

LANGUAGES = {"en": "English", "es": "Español"}

_installed: list[QTranslator] = []


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
    language = language if language is not None else chosen_language()
    locale = QLocale(language) if language else QLocale.system()
    code = locale.name().split("_")[0]
    if code not in LANGUAGES or code == "en":
        return "en"
    ours = QTranslator(app)
    if not ours.load(locale, "quantgui", "_", translations_dir()):
        return "en"
    app.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator(app)  # Qt's own strings (dialog buttons), when shipped with PySide6
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return code
