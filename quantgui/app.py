"""The desktop entry point: ``quantgui`` (or ``python -m quantgui``).

``quantgui --screenshot out.png [--model demo:NAME] [--method M] [--run] [--tab NAME]
[--epochs N]`` loads a model, optionally runs to the end, saves a 1280x800 PNG of the window
and exits; it works with QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import argparse
import sys

TABS = ("training", "comparison", "outputs", "log")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="quantgui", description="See and do PyTorch "
                                     "quantization: dynamic, static and QAT, side by side.")
    parser.add_argument("--model", default=None,
                        help="the model to open, as demo:NAME (default: the last one used)")
    parser.add_argument("--method", choices=("dynamic", "static", "qat"), default=None)
    parser.add_argument("--epochs", type=int, default=None, help="QAT epochs")
    parser.add_argument("--run", action="store_true", help="quantize once loaded")
    parser.add_argument("--tab", choices=TABS, default=None, help="tab to show")
    parser.add_argument("--screenshot", metavar="PNG", default=None,
                        help="save a 1280x800 picture of the window and exit")
    parser.add_argument("--language", default=None, help="en or es (default: the system's)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    demo = None
    if args.model:
        if not args.model.startswith("demo:"):
            print("quantgui: only demo models can be opened for now (--model demo:NAME).",
                  file=sys.stderr)
            return 2
        demo = args.model.split(":", 1)[1]

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from quantgui.ui.i18n import install_translator
    from quantgui.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("QuantGUI")
    app.setOrganizationName("QuantGUI")
    install_translator(app, args.language)
    window = MainWindow(demo=demo, method=args.method)
    if args.screenshot:
        window.resize(1280, 800)
    window.show()
    if not args.screenshot:
        return app.exec()

    state = {"code": 0}

    def finish() -> None:
        if args.tab:
            window.set_tab(args.tab)
        QTimer.singleShot(300, shoot)

    def shoot() -> None:
        window.grab().save(args.screenshot)
        window.close()
        app.quit()

    def on_loaded() -> None:
        if args.epochs is not None and "epochs" in window.settings_panel.fields:
            window.settings_panel.set_value("epochs", args.epochs)
        if args.run:
            window.start_run()
            if not window.runner.is_running():
                state["code"] = 1
                finish()
        else:
            finish()

    def on_run_finished(outcome: str) -> None:
        if outcome != "finished":
            state["code"] = 1
        finish()

    window.model_loaded.connect(on_loaded)
    window.run_finished.connect(on_run_finished)
    window.loader.failed.connect(lambda _: (state.update(code=1), finish()))
    code = app.exec()
    return code or state["code"]


if __name__ == "__main__":
    sys.exit(main())
