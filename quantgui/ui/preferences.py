"""Where the window keeps geometry and last choices. Tests redirect the IniFormat user path."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "QuantGUI"
APPLICATION = "QuantGUI"


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION,
                     APPLICATION)
