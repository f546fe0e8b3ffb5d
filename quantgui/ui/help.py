"""Help > Guide (F1): the offline guide, an HTML page per language under resources/help/.

The guide explains each technique, each engine and each number the window shows. It opens in
the language the window speaks (``guide_<code>.html``, English where a language has none) in a
QTextBrowser: links inside the page move to their section; nothing is fetched from a network.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from quantgui.core.resources import resources_dir
from quantgui.ui.i18n import current_language


def help_dir() -> Path:
    return resources_dir() / "help"


def guide_path(language: str | None = None) -> Path:
    """The guide in ``language`` (default: the window's), else the English one."""
    code = language or current_language()
    path = help_dir() / f"guide_{code}.html"
    return path if path.exists() else help_dir() / "guide_en.html"


class GuideDialog(QDialog):
    """The guide in a browser of its own, beside the window (not modal)."""

    def __init__(self, parent: QWidget | None = None, language: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("QuantGUI guide"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)  # offline: nothing leaves the machine
        self.browser.setAccessibleName(self.tr("Guide"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 640)
        self.load(language)

    def load(self, language: str | None = None) -> None:
        """Show the guide in ``language`` (default: the window's language now)."""
        self.path = guide_path(language)
        self.browser.setSearchPaths([str(self.path.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(self.path)))

    def show_section(self, anchor: str) -> None:
        """Scroll to a section of the guide ("sqnr", "pareto", …)."""
        self.browser.scrollToAnchor(anchor)
