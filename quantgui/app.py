"""The desktop entry point: ``quantgui`` (or ``python -m quantgui``).

``quantgui [--model demo:NAME] [--method M] [--epochs N] [--run] [--tab NAME]`` opens the window
on that model and technique, sets the QAT epochs, quantizes once loaded and shows the tab.
With ``--screenshot out.png`` it then saves a 1280x800 PNG of the window and exits; it works with
QT_QPA_PLATFORM=offscreen.

``--model`` also opens the user's own model as ``quantgui-cli`` does: ``model.pt2``,
``model.py:Class[:weights.pt]`` or a package ``folder:Class[:weights]`` (with
``--model-args JSON``), a Hugging Face folder, an architecture by name
``py:module:factory[:weights]`` (with ``--model-args``), a TorchScript file, or a pickled model
(only with ``--trust``); ``--input-shape 3,32,32``, ``--input NAME:DTYPE[SHAPE][:LOW..HIGH]``
(once per input), ``--data PATH`` (default: random) and ``--text-column`` as in
``quantgui-cli``.
"""

from __future__ import annotations

import argparse
import os
import sys

# every tab of the window, by the key MainWindow.set_tab takes (a test keeps them equal)
TABS = ("start", "training", "comparison", "layers", "outputs", "log", "code", "history",
        "engines", "techniques")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="quantgui", description="See and do PyTorch "
                                     "quantization: dynamic, static and QAT, side by side.")
    parser.add_argument("--model", default=None,
                        help="the model to open: demo:NAME (default: the last one used), "
                             "model.pt2, model.py:Class[:weights.pt], a package folder:Class, "
                             "a Hugging Face folder, py:module:factory[:weights], a TorchScript "
                             "file, or a pickled model (with --trust)")
    parser.add_argument("--model-args", default=None, metavar="JSON",
                        help="keyword arguments for a Python class or factory, as a JSON object")
    parser.add_argument("--input-shape", default=None, metavar="DIMS",
                        help="the input shape per sample, e.g. 3,32,32 (where the file has none)")
    parser.add_argument("--input", action="append", default=None,
                        metavar="NAME:DTYPE[SHAPE][:LOW..HIGH]",
                        help="one input of the model, once per input in the order of its "
                             "forward (several or integer inputs)")
    parser.add_argument("--text-column", default=None,
                        help="the CSV column with the texts (a model with a tokenizer)")
    parser.add_argument("--data", default=None, metavar="PATH",
                        help="random (default), a .pt/.npy/.npz or .csv file, or an image folder")
    parser.add_argument("--label-column", default=None, help="the CSV column with the labels")
    parser.add_argument("--image-size", default=None, metavar="H,W",
                        help="resize the images of an image folder")
    parser.add_argument("--val-fraction", type=float, default=0.2,
                        help="the share of the data used for validation")
    parser.add_argument("--trust", action="store_true",
                        help="allow a pickled model, which runs code from the file")
    parser.add_argument("--method", choices=("dynamic", "static", "qat"), default=None)
    parser.add_argument("--epochs", type=int, default=None, help="QAT epochs")
    parser.add_argument("--run", action="store_true", help="quantize once loaded")
    parser.add_argument("--at-step", type=int, default=None, metavar="N",
                        help="with --run and QAT: take the screenshot once N training steps "
                             "are plotted (the window during training), then stop the run")
    parser.add_argument("--tab", choices=TABS, default=None, help="tab to show")
    parser.add_argument("--screenshot", metavar="PNG", default=None,
                        help="save a 1280x800 picture of the window and exit")
    parser.add_argument("--language", default=None, help="en or es (default: the system's)")
    return parser.parse_args(argv)


def set_up_process() -> None:
    """What the window's process needs before torch is imported."""
    # torch's OpenMP threads busy-wait between parallel regions by default; on a 2-core machine
    # that spinning starves the GUI thread during QAT. Set before torch is imported.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    from quantgui.core.quiet import quiet_third_party_output

    # the terminal stays quiet on a normal start: libraries' notices that say nothing to a
    # QuantGUI user (see core.quiet) are silenced for every thread of the process
    quiet_third_party_output()


def main(argv: list[str] | None = None) -> int:
    set_up_process()
    args = parse_args(argv)
    demo = None
    request = None
    if args.model and args.model.startswith("demo:"):
        demo = args.model.split(":", 1)[1]
    elif args.model:
        request, problem = _user_request(args)
        if problem:
            print(f"quantgui: {problem}", file=sys.stderr)
            return 2

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from quantgui.ui.i18n import install_translator
    from quantgui.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("QuantGUI")
    app.setOrganizationName("QuantGUI")
    install_translator(app, args.language)
    window = MainWindow(demo=demo, method=args.method)
    if request is not None:
        window.user_models.load(request)  # before the window's first (demo) load is due
    if args.screenshot:
        window.resize(1280, 800)
    window.show()
    if os.environ.get("QUANTGUI_EXIT_WHEN_SHOWN"):
        # For bench/bench_window.py: say when the first event-loop turn after show() runs.
        QTimer.singleShot(0, lambda: (print("quantgui: window shown", flush=True), app.quit()))
        return app.exec()
    if not args.screenshot:
        start_when_loaded(window, args)
        return app.exec()

    state = {"code": 0}

    def finish() -> None:
        if args.tab:
            window.set_tab(args.tab)
        QTimer.singleShot(300, shoot)

    def shoot() -> None:
        window.grab().save(args.screenshot)
        window.close_without_asking()
        app.quit()

    def shoot_during_training() -> None:
        if window.training.plotted_step_count() >= args.at_step:
            poll.stop()
            if args.tab:
                window.set_tab(args.tab)
            window.grab().save(args.screenshot)
            state["during"] = True
            window.close_without_asking()  # cancels the run and waits for its thread
            app.quit()

    poll = QTimer()
    poll.setInterval(100)
    poll.timeout.connect(shoot_during_training)

    def on_loaded() -> None:
        apply_settings(window, args)
        if args.run:
            window.start_run()
            if not window.runner.is_running():
                state["code"] = 1
                finish()
            elif args.at_step:
                poll.start()
        else:
            finish()

    def on_run_finished(outcome: str) -> None:
        if state.get("during"):
            return
        if outcome != "finished":
            state["code"] = 1
        finish()

    window.model_loaded.connect(on_loaded)
    window.run_finished.connect(on_run_finished)
    window.loader.failed.connect(lambda _: (state.update(code=1), finish()))
    window.loader.cancelled.connect(lambda: (state.update(code=1), finish()))
    code = app.exec()
    return code or state["code"]


def apply_settings(window, args: argparse.Namespace) -> None:  # noqa: ANN001 - MainWindow
    """The settings given on the command line (--epochs), once the model is loaded."""
    if args.epochs is None:
        return
    if "epochs" in window.settings_panel.fields:
        window.settings_panel.set_value("epochs", args.epochs)
    else:
        print(f"quantgui: --epochs applies to QAT only (the technique is "
              f"{window.settings_panel.method}); ignored.", file=sys.stderr)


def start_when_loaded(window, args: argparse.Namespace) -> None:  # noqa: ANN001 - MainWindow
    """Without --screenshot: --epochs, --run and --tab act once, when the first model is loaded
    (the tab is shown when the run ends, as a run picks its own tab while it goes)."""
    state = {"done": False}

    def on_loaded() -> None:
        if state["done"]:
            return
        state["done"] = True
        apply_settings(window, args)
        if args.run:
            window.start_run()
            if window.runner.is_running() and args.tab:
                window.run_finished.connect(on_run_finished)
                return
            if not window.runner.is_running():
                print("quantgui: --run: the run could not start; the window says why.",
                      file=sys.stderr)
        if args.tab:
            window.set_tab(args.tab)

    def on_run_finished(_outcome: str) -> None:
        window.run_finished.disconnect(on_run_finished)
        window.set_tab(args.tab)

    window.model_loaded.connect(on_loaded)


def _user_request(args: argparse.Namespace):  # noqa: ANN202 - (OpenRequest | None, str)
    """The user's model as an OpenRequest, or a usage problem to print."""
    import json
    from pathlib import Path

    from quantgui.ui.open_dialog import FACTORY, OpenRequest, parse_dims, split_spec

    model, class_name, weights = split_spec(args.model)
    path = Path(model)
    if model.startswith(FACTORY):
        module, _, attribute = model[len(FACTORY):].partition(":")
        names = module.split(".") + attribute.split(".")
        if not module or not attribute or not all(name.isidentifier() for name in names):
            return None, (f"'{args.model}' is not of the form py:package.module:factory"
                          "[:weights.pth].")
    elif path.is_dir():
        if (path / "__init__.py").is_file() and not (path / "config.json").is_file() \
                and not class_name:
            return None, f"give the class of the package as {model}:ClassName[:weights.pt]."
        if not (path / "__init__.py").is_file() and not (path / "config.json").is_file():
            return None, (f"the folder {model} is neither a Hugging Face model (config.json) "
                          "nor a Python package (__init__.py).")
    elif not path.is_file():
        return None, (f"the model file {model} does not exist (give a model file or folder, "
                      "py:module:factory, or demo:NAME for a demo).")
    if model.endswith(".py") and not class_name:
        return None, f"give the class as {model}:ClassName[:weights.pt]."
    if args.model_args is not None:
        try:
            json.loads(args.model_args)
        except ValueError as error:
            return None, f"--model-args is not valid JSON: {error}."
    for name, value in (("--input-shape", args.input_shape), ("--image-size", args.image_size)):
        if value is not None:
            try:
                parse_dims(value)
            except ValueError:
                return None, f"{name} '{value}' is not a list of positive whole numbers."
    data = args.data or "random"
    if data != "random" and not Path(data).exists():
        return None, f"the data {data} does not exist."
    return OpenRequest(model=model, class_name=class_name, weights=weights,
                       model_args=args.model_args or "", input_shape=args.input_shape or "",
                       data=data, label_column=args.label_column or "",
                       image_size=args.image_size or "", val_fraction=args.val_fraction,
                       trust=args.trust, inputs=list(args.input or []),
                       text_column=args.text_column or ""), ""


if __name__ == "__main__":
    sys.exit(main())
