"""Retake the README's pictures of the real window (docs/*.png) after real runs.

Run it under an X server with a window manager, so the pictures show what a person sees::

    Xvfb :99 -screen 0 1280x800x24 & DISPLAY=:99 openbox &
    DISPLAY=:99 .venv/bin/python tools/take_screenshots.py [--only NAME ...]

Each picture is taken in its own process (a fresh window, the default settings, English, the
light theme unless the picture says otherwise), at 1280x800, once its run has finished.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"

# name -> (demo, technique, action, tab, language, theme); action: "none", "run", "qat-live",
# "engines" (Compare engines) or "techniques" (Compare all three)
SHOTS: dict[str, tuple[str, str, str, str, str, str]] = {
    "start": ("digits-cnn", "static", "none", "start", "en", "light"),
    "qat-training": ("digits-cnn", "qat", "qat-live", "training", "en", "light"),
    "static-comparison": ("digits-cnn", "static", "run", "comparison", "en", "light"),
    "static-layers": ("digits-cnn", "static", "run", "layers", "en", "light"),
    "static-outputs": ("digits-cnn", "static", "run", "outputs", "en", "light"),
    "static-layers-es": ("digits-cnn", "static", "run", "layers", "es", "light"),
    "static-comparison-dark": ("digits-cnn", "static", "run", "comparison", "en", "dark"),
    "compare-all-three": ("digits-cnn", "static", "techniques", "techniques", "en", "light"),
    "engines-compare": ("digits-cnn", "dynamic", "engines", "engines", "en", "light"),
}


def take(name: str) -> int:
    """Take one picture in this process; 0 when it was saved."""
    from quantgui.app import set_up_process

    set_up_process()  # as the window's own start: threads that do not spin, a quiet terminal
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    demo, technique, action, tab, language, theme = SHOTS[name]
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("QuantGUI")
    app.setOrganizationName("QuantGUI")

    from quantgui.ui.i18n import install_translator
    from quantgui.ui.main_window import MainWindow

    install_translator(app, language)
    window = MainWindow(demo=demo, method=technique)
    window.resize(1280, 800)
    window.show()
    window.set_theme(theme)
    outcome = {"code": 1}

    def shoot() -> None:
        window.set_tab(tab)
        QTimer.singleShot(500, save)  # let the tab and its charts lay out and repaint

    def save() -> None:
        window.grab().save(str(DOCS / f"{name}.png"))
        outcome["code"] = 0
        window.close_without_asking()
        app.quit()

    def during_training() -> None:
        if window.training.plotted_step_count() >= 150:
            poll.stop()
            window.grab().save(str(DOCS / f"{name}.png"))
            outcome["code"] = 0
            window.close_without_asking()
            app.quit()

    poll = QTimer()
    poll.setInterval(100)
    poll.timeout.connect(during_training)

    def on_loaded() -> None:
        window.model_loaded.disconnect(on_loaded)
        if action == "none":
            shoot()
        elif action == "run":
            window.start_run()
        elif action == "qat-live":
            window.settings_panel.set_value("epochs", 6)
            window.start_run()
            poll.start()
        elif action == "engines":
            window.compare_engines()
        elif action == "techniques":
            window.compare_all_three()

    def on_finished(result: str) -> None:
        if action == "qat-live":
            return
        if result not in ("finished", "compared"):
            print(f"{name}: the run ended {result}", file=sys.stderr)
            window.close_without_asking()
            app.quit()
            return
        shoot()

    window.model_loaded.connect(on_loaded)
    window.run_finished.connect(on_finished)
    app.exec()
    return outcome["code"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(SHOTS), help="pictures to retake")
    parser.add_argument("--one", choices=sorted(SHOTS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return take(args.one)
    failed = []
    for name in args.only or SHOTS:
        with tempfile.TemporaryDirectory() as settings:  # never the user's own settings
            code = subprocess.call([sys.executable, __file__, "--one", name],
                                   env={**os.environ, "XDG_CONFIG_HOME": settings})
        print(f"{name}: {'saved' if code == 0 else 'FAILED'}", flush=True)
        if code:
            failed.append(name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
