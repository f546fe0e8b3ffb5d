"""Python's cyclic garbage collector, run on the GUI thread only.

CPython collects cycles in whichever thread happens to allocate. A worker thread building
thousands of torch objects (FX prepare, observers) then finalises whatever cyclic garbage the
window left (pyqtgraph items, closed dialogs): Qt objects destroyed from a worker thread crash
Qt. Full test runs died this way (a segfault or abort in the GUI thread while a sensitivity
ranking prepared FX graphs in a worker). As pyqtgraph's ``GarbageCollector`` recipe does,
automatic collection is turned off and a timer on the GUI thread collects, generation by
generation, when the counts pass the usual thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500

_installed: GuiThreadCollector | None = None


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        gc.disable()
        self.timer.start()

    def check(self) -> None:
        gc.disable()  # again: code that enables it for a moment (a test) must not undo this
        first, second, third = gc.get_count()
        if first > self.threshold[0]:
            gc.collect(0)
            if second > self.threshold[1]:
                gc.collect(1)
                if third > self.threshold[2]:
                    gc.collect(2)


def install() -> GuiThreadCollector:
    """Once per application, from the GUI thread (the QApplication must exist)."""
    global _installed
    if _installed is None:
        _installed = GuiThreadCollector(QCoreApplication.instance())
    return _installed
