"""Fixtures for the window tests: offscreen Qt, settings in a temporary folder, a loaded window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from .helpers import LOAD_TIMEOUT_MS  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """Never read or write the user's QuantGUI settings."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


@pytest.fixture
def window(qtbot):
    """The main window with the default demo loaded."""
    from quantgui.ui.main_window import MainWindow

    win = MainWindow(method="dynamic")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
        win.show()
    yield win
    win.close()
    assert not win.runner.is_running()
    delete_now(win)


def delete_now(widget) -> None:
    """Destroy a closed window now rather than at interpreter exit, where shiboken and
    pyqtgraph may already be half torn down."""
    from PySide6.QtCore import QCoreApplication, QEvent

    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
