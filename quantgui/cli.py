"""The same pipeline without a screen.

    quantgui-cli demos
    quantgui-cli quantize --model demo:digits-cnn --method static --report report.json
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from quantgui.core.techniques import get_technique, technique_names, techniques

EXIT_USAGE = 2
EXIT_INTERNAL = 1
MESSAGE_LIMIT = 300  # characters of an error message shown; the rest goes to the log
TECHNIQUES = {"dynamic": "dynamic quantization", "static": "static quantization",
              "qat": "quantization-aware training"}


class _Interrupted(BaseException):
    """Raised by the signal handler to unwind the run from wherever it is (not an Exception,
    so no ``except Exception`` on the way swallows it)."""


class RunState:
    """What the command line knows of the run in progress: the signal received, the technique
    and stage (for the last words of a failure), and the cancel token the core checks.

    Ctrl-C / SIGTERM raise ``_Interrupted`` at once, except while outputs are written (then
    only the token is set, and the next ``checkpoint`` stops the run before anything is renamed
    into place). Whatever happens after a signal, ``main`` ends with one "cancelled" line.
    """

    SIGNALS = ("SIGINT", "SIGTERM")

    def __init__(self) -> None:
        from quantgui.core.events import CancelToken  # light: no torch

        self.cancel = CancelToken()
        self.signum: int | None = None
        self.defer = False
        self.pausing = False
        self.technique: str | None = None
        self.stage = "starting"
        self._previous: dict[int, Any] = {}
        self._paused: set[str] = set()

    def install(self) -> None:
        import threading

        if threading.current_thread() is not threading.main_thread():
            return  # signal handlers can only be set from the main thread
        for name in self.SIGNALS:
            number = getattr(signal, name, None)
            if number is not None:
                self._previous[number] = signal.signal(number, self._on_signal)

    def uninstall(self, restore: bool) -> None:
        self.defer = True  # the process is ending: a late signal changes nothing
        if restore:
            for number, handler in self._previous.items():
                signal.signal(number, handler)

    def _on_signal(self, signum: int, frame: object) -> None:
        first = self.signum is None
        if first:
            self.signum = signum
        self.cancel.cancel()
        if first and (not self.defer or self.pausing):
            raise _Interrupted(signum)

    @property
    def exit_code(self) -> int:
        return 128 + (self.signum or signal.SIGINT)

    def checkpoint(self, stage: str | None = None) -> None:
        """A safe point: note the stage, stop if a signal came."""
        if stage is not None:
            self.stage = stage
            self._test_hook(stage)
        self.cancel.raise_if_cancelled()

    def _test_hook(self, stage: str) -> None:
        """For the tests of Ctrl-C at each stage: QUANTGUI_TEST_MARK=1 prints each stage as it
        starts; QUANTGUI_TEST_PAUSE_AT=STAGE prints "paused at STAGE" and waits for a line on
        stdin (or a signal) the first time STAGE is reached."""
        if os.environ.get("QUANTGUI_TEST_MARK"):
            print(f"quantgui-test: stage {stage}", file=sys.stderr, flush=True)
        if os.environ.get("QUANTGUI_TEST_PAUSE_AT") != stage or stage in self._paused:
            return
        self._paused.add(stage)
        self.pausing = True
        try:
            print(f"quantgui-test: paused at {stage}", file=sys.stderr, flush=True)
            sys.stdin.readline()
        except _Interrupted:
            pass  # the checkpoint after this raises Cancelled
        finally:
            self.pausing = False


def _cut(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """One line of at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _fmt_bytes(count: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if count < 1024 or unit == "GiB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1024
    return str(count)


def _fmt_accuracy(value: float | None) -> str:
    return "n/a (no labels)" if value is None else f"{100 * value:.2f} %"


def _runs(report: dict[str, Any]) -> str:
    """How many timed runs the latency figures are the median of (fewer for a slow model)."""
    repeats = report["quantized"]["latency_ms"].get("repeats")
    return "runs" if repeats is None else f"{repeats} runs"


def _speed(original: dict[str, Any], quantized: dict[str, Any]) -> str:
    """int8 against float in words, as the window and the HTML report say it."""
    from quantgui.core.timing import speed_text

    return speed_text(original["median"], quantized["median"])


def _latency_notes(report: dict[str, Any],
                   pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> list[str]:
    """The lines under a table of latencies: why int8 is slower where it is, and a warning
    when other programs kept the CPU busy while they were measured."""
    from quantgui.core.timing import is_slower, report_load_warning, slower_reason

    lines = []
    reasons = dict.fromkeys(slower_reason(o["median"]) for o, q in pairs
                            if is_slower(o["median"], q["median"]))
    lines += [f"Slower than float: {reason}" for reason in reasons]
    warning = report_load_warning(report)
    if warning:
        lines.append(f"Warning: {warning}")
    return lines


def format_table(report: dict[str, Any]) -> str:
    """A readable side-by-side table of the JSON report."""
    original, quantized = report["original"], report["quantized"]
    layers = report["layers"]
    threads = report["threads"]
    rows = [
        ("", "Original", "Quantized", "Ratio"),
        ("Size (state_dict)", _fmt_bytes(original["size_bytes"]),
         _fmt_bytes(quantized["size_bytes"]), f"{report['ratios']['size']:.3f}x"),
        (f"Latency median ({threads} thr, {_runs(report)})",
         f"{original['latency_ms']['median']:.3f} ms",
         f"{quantized['latency_ms']['median']:.3f} ms",
         _speed(original["latency_ms"], quantized["latency_ms"])),
        (f"Latency p90 ({threads} thr)", f"{original['latency_ms']['p90']:.3f} ms",
         f"{quantized['latency_ms']['p90']:.3f} ms", ""),
        ("Accuracy (validation)", _fmt_accuracy(original["accuracy"]),
         _fmt_accuracy(quantized["accuracy"]), ""),
        ("Layers quantized", "", f"{sum(1 for layer in layers if layer['quantized'])}"
         f" of {len(layers)}", ""),
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [f"{report['model']}: {report['method']} on {report['backend']}, "
             f"batch {original['latency_ms']['batch_size']}"]
    for index, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                               for i, cell in enumerate(row)))
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines += _latency_notes(report, [(original["latency_ms"], quantized["latency_ms"])])
    agreement = report["agreement"]
    top1 = agreement["top1_agreement"]
    lines.append(
        f"Agreement: cosine {agreement['cosine']:.5f}, SQNR {_fmt_sqnr(agreement['sqnr_db'])} dB, "
        f"MSE {agreement['mse']:.3g}, max |error| {agreement['max_abs_error']:.3g}"
        + ("" if top1 is None else f", top-1 agreement {100 * top1:.2f} %"))
    lines += [f"Warning: {warning}" for warning in report.get("warnings") or ()]
    lines.append("")
    lines.append("Layers:")
    name_width = max([len(layer["name"]) for layer in layers] + [5])
    lines.append(f"  {'name'.ljust(name_width)}  {'kind':5}  {'w dB':>5}  {'out dB':>6}  "
                 f"{'acc dB':>6}  types (note)")
    for layer in layers:
        after = layer["quantized_type"] or "-"
        mark = "int8" if layer["quantized"] else "float"
        lines.append(f"  {layer['name'].ljust(name_width)}  {mark:5}  "
                     f"{_fmt_db(layer.get('weight_sqnr_db')):>5}  "
                     f"{_fmt_db(layer.get('output_sqnr_db')):>6}  "
                     f"{_fmt_db(layer.get('accumulated_sqnr_db')):>6}  "
                     f"{layer['original_type']} -> {after}  ({layer['note']})")
    lines.append("  (w dB: weight SQNR; out dB: the layer's own output SQNR fed float inputs; "
                 "acc dB: SQNR accumulated up to the layer)")
    sources = sorted({layer["error_source"] for layer in layers if layer.get("error_source")})
    if sources:
        lines.append(f"  (measured with {' and '.join(sources)})")
    sampling = report.get("layer_error_samples")
    if sampling and layers:
        lines.append(f"  (per-layer errors on {sampling['samples']} of {sampling['available']} "
                     "validation samples; the agreement above uses every one)"
                     if sampling["samples"] < sampling["available"] else
                     f"  (per-layer errors on all {sampling['samples']} validation samples)")
    if report.get("training"):
        lines.append("")
        lines.append("QAT epochs:")
        for record in report["training"]:
            accuracy = record["val_accuracy"]
            lines.append(f"  epoch {record['epoch']}: train loss {record['train_loss']:.4f}, "
                         f"val loss {record['val_loss']:.4f}, val accuracy "
                         f"{_fmt_accuracy(accuracy)}")
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quantgui-cli", description="Quantize PyTorch models and compare them honestly.")
    debug_help = "print the full traceback of an unexpected error instead of saving it to a log"
    parser.add_argument("--debug", action="store_true", help=debug_help)
    sub = parser.add_subparsers(dest="command", required=True)
    # --debug also after the command; SUPPRESS keeps the top-level value when it is not given
    debug = argparse.ArgumentParser(add_help=False)
    debug.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                       help=debug_help)
    sub.add_parser("demos", parents=[debug], help="list the demo models")
    sub.add_parser("engines", parents=[debug],
                   help="list the engines, the techniques each offers, and whether it runs here")
    common = argparse.ArgumentParser(add_help=False, parents=[debug])
    _add_model_and_recipe_options(common)
    quantize = sub.add_parser("quantize", parents=[common],
                              help="quantize a model and compare it")
    quantize.add_argument("--report", type=Path, help="write the JSON report here")
    quantize.add_argument("--save", type=Path, help="save the quantized model here (loaded back "
                          "and compared after saving)")
    quantize.add_argument("--format", help="format of --save: state_dict (default), torchscript "
                          "or export for the torch_ao engine; pt2 for pt2e; onnx for "
                          "onnxruntime (default: the engine's own format)")
    quantize.add_argument("--export-script", type=Path, metavar="PATH",
                          help="write a standalone Python script that reproduces the run")
    quantize.add_argument("--html", type=Path, metavar="PATH",
                          help="write a self-contained HTML report")
    quantize.add_argument("--save-recipe", type=Path, metavar="PATH",
                          help="write the run's complete settings as JSON")
    quantize.add_argument("--overwrite", action="store_true",
                          help="let --export-script replace the data and weights files beside "
                               "the script (never an input of the run)")
    quantize.add_argument("--sensitivity", action="store_true",
                          help="also rank the layers by the agreement they cost")
    history = sub.add_parser("history", parents=[debug],
                             help="list the runs kept in the history")
    history.add_argument("--delete", metavar="ID", help="delete one run")
    inspect = sub.add_parser(
        "inspect", parents=[common],
        help="per-layer table: the plan before a run, then each layer's error after it")
    inspect.add_argument("--sensitivity", action="store_true",
                         help="rank the layers by the agreement they cost (one run per layer)")
    inspect.add_argument("--report", type=Path, help="write the JSON report here")
    compare = sub.add_parser(
        "compare-engines", parents=[common],
        help="run the technique on every engine that can, time them together, recommend one")
    compare.add_argument("--engines", metavar="NAME[,NAME...]",
                         help="only these engines (default: every engine; see `engines`)")
    compare.add_argument("--report", type=Path, help="write the JSON comparison here")
    techniques = sub.add_parser(
        "compare-techniques", parents=[common],
        help="run Dynamic, Static and QAT on the model, time them together, show the Pareto "
             "front of latency, size and accuracy")
    techniques.add_argument("--techniques", metavar="NAME[,NAME...]",
                            help="only these techniques (default: all three)")
    techniques.add_argument("--engines", metavar="NAME[,NAME...]",
                            help="run each technique on these engines (default: --engine)")
    techniques.add_argument("--report", type=Path, help="write the JSON comparison here")
    return parser


def _add_model_and_recipe_options(quantize: argparse.ArgumentParser) -> None:
    quantize.add_argument(
        "--model",
        help="demo:NAME (see `quantgui-cli demos`), a torch.export program (.pt2), "
             "model.py:Class[:weights.pt|.safetensors] (or package_folder:Class[:weights]), "
             "py:package.module:factory[:weights] (an architecture by name), a Hugging Face "
             "folder (config.json + model.safetensors), a TorchScript file, or a pickled model "
             "(with --trust)")
    quantize.add_argument("--model-args", help="JSON keyword arguments for model.py:Class or "
                          "py:module:factory")
    quantize.add_argument("--input-shape", help="per-sample input shape, e.g. 3,32,32 (needed "
                          "when the model does not declare it; for a text model, the sequence "
                          "length)")
    quantize.add_argument("--input", action="append", metavar="NAME:DTYPE[SHAPE][:LOW..HIGH]",
                          help="one input of the model, in order (repeat for several), e.g. "
                               "--input 'input_ids:int64[128]:0..30521' --input "
                               "'attention_mask:int64[128]:0..1' (ranges include both ends)")
    quantize.add_argument("--text-column", help="the text column of CSV data for a model with "
                          "a tokenizer (default: 'text', else the first column)")
    quantize.add_argument("--trust", action="store_true",
                          help="allow a pickled model: unpickling runs code from the file")
    quantize.add_argument("--data", help="PATH (.pt, .npy, .npz, .csv, image folder) or random "
                          "(default: a demo's own data; random for your model)")
    quantize.add_argument("--label-column", help="the label column of CSV data")
    quantize.add_argument("--image-size", help="resize images to H,W (or one int for square)")
    quantize.add_argument("--val-fraction", type=float, default=0.2,
                          help="share of the data held out for validation (default 0.2)")
    quantize.add_argument("--method", choices=technique_names(),
                          help="the technique (required unless --recipe gives it)")
    quantize.add_argument("--engine", help="where the quantized model runs: torch_ao (default), "
                          "pt2e, onnxruntime, weight_only (see `quantgui-cli engines`)")
    quantize.add_argument("--recipe", type=Path, metavar="PATH",
                          help="run the settings of a saved recipe; flags given beside it win")
    quantize.add_argument("--no-history", action="store_true",
                          help="do not add this run to the history")
    quantize.add_argument("--backend", help="x86 (default), fbgemm, onednn or qnnpack")
    quantize.add_argument("--epochs", type=int, help="QAT epochs")
    quantize.add_argument("--threads", type=int, help="CPU threads (default: up to 4)")
    quantize.add_argument("--batch-size", type=int, help="batch size")
    quantize.add_argument("--device", choices=("cpu", "cuda"), help="QAT training device")
    quantize.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                          help="any other recipe setting, as JSON (e.g. --set per_channel=false)")
    quantize.add_argument("--keep-float", metavar="NAME[,NAME...]",
                          help="layers to leave in float32 (names as in the layer table)")
    quantize.add_argument("--no-progress", action="store_true", help="no progress bar")


def _recipe_settings(args: argparse.Namespace) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    if args.recipe is not None:
        from quantgui.core.recipes import read_recipe_file

        # Checked as a whole (every setting, model, model_args), whatever flags replace later.
        saved = read_recipe_file(args.recipe)
        # A saved run also names its model; --model given beside it wins.
        if args.model is None:
            args.model = saved.model
            # Never trusted like --model: load_model refuses code and pickles named here.
            args.model_from_recipe = saved.model is not None
            if args.model_args is None and saved.model_args is not None:
                args.model_args = json.dumps(saved.model_args)
        if args.method is None or args.method == saved.recipe.method:
            settings.update(saved.settings)  # another technique: its settings do not apply
        args.method = args.method or saved.recipe.method
    for name in ("engine", "backend", "epochs", "threads", "batch_size", "device"):
        value = getattr(args, name)
        if value is not None:
            settings[name] = value
    if args.keep_float:
        settings["keep_float"] = [n.strip() for n in args.keep_float.split(",") if n.strip()]
    for item in args.set:
        name, sep, raw = item.partition("=")
        if not sep:
            raise ValueError(f"--set needs NAME=VALUE, got '{item}'")
        try:
            settings[name.strip().replace("-", "_")] = json.loads(raw)
        except json.JSONDecodeError:
            settings[name.strip().replace("-", "_")] = raw
        except (ValueError, RecursionError) as error:  # 5000-digit numbers, deep nesting
            from quantgui.core.errors import RecipeError

            raise RecipeError(f"--set {name.strip()}: the value cannot be read "
                              f"({type(error).__name__}).",
                              "Give a plain number, word or short JSON value.") from None
    return settings


def _recipe_model(spec: object, args: argparse.Namespace) -> str:
    """The model a recipe names, if opening it runs no code; a recipe is a settings file people
    share, so a Python file or a pickle named there needs the user's own --model (and --trust)."""
    from quantgui.core.errors import ModelError
    from quantgui.core.sources import find_source, get_source

    recipe = getattr(args, "recipe", None) or "the recipe"
    if not isinstance(spec, str) or not spec.strip():
        raise ModelError(f"The model in {recipe} is not a path ({str(spec)[:80]!r}).",
                         "Pass the model with --model.")
    # The window writes the kind before the spec (export:/path/model.pt2).
    kind_prefix, _, rest = spec.partition(":")
    if get_source(kind_prefix) is not None and rest:
        spec = rest
    source = find_source(spec)
    if source.runs_code:
        what = ("a pickle: opening it can run any code the file contains" if source.kind ==
                "pickle" else f"a {source.title}: opening it imports and runs Python code")
        raise ModelError(f"The recipe {recipe} names the model {spec[:200]}, {what}. A recipe "
                         "cannot consent to that for you.",
                         f"If you trust the file, pass it yourself: --model {spec[:200]}"
                         + (" --trust" if source.kind == "pickle" else "")
                         + " (with --recipe for the settings).")
    return spec


def load_model(spec: str, args: argparse.Namespace | None = None):  # noqa: ANN201 - LoadedModel
    """A demo, or the user's model file with its data (see quantgui.core.sources)."""
    from quantgui.core.demos import load_demo
    from quantgui.core.errors import ModelError

    user_only = ("model_args", "input_shape", "label_column", "image_size", "input",
                 "text_column")
    if spec.startswith("demo:"):
        given = [f"--{name.replace('_', '-')}" for name in user_only
                 if args is not None and getattr(args, name) is not None]
        if args is not None and (args.trust or args.data is not None):
            given += ["--trust"] * args.trust + ["--data"] * (args.data is not None)
        if given:
            raise ModelError(f"{', '.join(given)} apply to your own model files, not demos.",
                             "Leave them out for demo:NAME.")
        return load_demo(spec[len("demo:"):])
    from quantgui.core.events import drive
    from quantgui.core.sources import parse_shape, stream_user_model

    from_recipe = args is not None and getattr(args, "model_from_recipe", False)
    if from_recipe:
        spec = _recipe_model(spec, args)

    options: dict[str, Any] = {}
    if args is not None:
        image_size = None
        if args.image_size is not None:
            image_size = parse_shape(args.image_size, "--image-size")
            if len(image_size) == 1:
                image_size = image_size * 2
            if len(image_size) != 2:
                raise ModelError(f"--image-size '{args.image_size}' is not H,W or one number.",
                                 "Write it like 28,28 or 28.")
        options = dict(
            data=args.data or "random", method=args.method, model_args=args.model_args,
            trust=args.trust and not from_recipe, label_column=args.label_column,
            image_size=image_size,
            val_fraction=args.val_fraction, inputs=args.input, text_column=args.text_column,
            input_shape=None if args.input_shape is None else parse_shape(args.input_shape))
    state = _run_state()
    shown = sys.stderr.isatty() and not getattr(args, "no_progress", False)
    loaded = drive(stream_user_model(spec, cancel=state.cancel, **options),
                   _loading_events(state, shown))
    # Said before the run: where the weights come from (random ones too), the inputs.
    print(f"Opened {loaded.name}: {loaded.description}", file=sys.stderr)
    return loaded


def _loading_events(state: RunState, shown: bool = True) -> Callable[[object], None]:
    """Opening a model: each stage is a safe point for Ctrl-C (and named if it fails), as the
    run's stages are; ``shown`` (a terminal, without --no-progress): each stage on stderr as it
    starts, with the images or texts it counts. Not shown otherwise, so that a failure stays one
    line for scripts."""
    from quantgui.core.events import LogMessage, Progress

    def on_event(event: object) -> None:
        if isinstance(event, Progress) and event.stage != state.stage:
            state.checkpoint(event.stage)
            if shown:
                count = f" ({event.total})" if event.total > 1 else ""
                print(f"Opening: {event.stage}{count}...", file=sys.stderr, flush=True)
        else:
            state.checkpoint()
        if isinstance(event, LogMessage):
            print(event.text, file=sys.stderr)

    return on_event


def command_engines() -> int:
    from quantgui.core.engines import engines

    for engine in engines():
        reason = engine.unavailable_reason()
        state = "available" if reason is None else f"unavailable: {reason}"
        print(f"{engine.name:12}  {engine.title} [{', '.join(engine.techniques)}]; {state}")
        print(f"{'':12}  {engine.description}")
    return 0


def format_engine_table(report: dict[str, Any]) -> str:
    from quantgui.core.engines import DEFAULT_ENGINE, get_engine

    original = report["original"]
    eager = get_engine(DEFAULT_ENGINE).title  # where the original runs, named as that engine
    lines = [f"{report['model']}: {report['method']} on every engine, {report['threads']} "
             f"thread(s), batch {report['batch_size']}; float32 in {eager} "
             f"{original['latency_ms']['median']:.3f} ms (p90 {original['latency_ms']['p90']:.3f})"
             if original else f"{report['model']}: no engine ran"]
    header = ("engine", "int8 median", "p90", "vs eager fp32", "vs own fp32", "prepare s",
              "size", "accuracy", "SQNR dB")
    rows = [header]
    for row in report["engines"]:
        latency = row["latency_ms"]
        own = row["speedup_vs_engine_float32"]
        rows.append((("* " if row["recommended"] else "  ") + row["engine"],
                     f"{latency['median']:.3f} ms", f"{latency['p90']:.3f} ms",
                     f"{row['speedup_vs_eager_float32']:.2f}x",
                     "-" if own is None else f"{own:.2f}x",
                     f"{sum(row['prepare_seconds'].values()):.1f}" if row["prepare_seconds"]
                     else "-",
                     _fmt_bytes(row["size_bytes"]), _fmt_accuracy(row["accuracy"]),
                     _fmt_sqnr(row["sqnr_db"])))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for index, row in enumerate(rows):
        lines.append("  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i])
                               for i, c in enumerate(row)))
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    for row in report["engines"]:
        lines += [f"  {row['engine']}: warning: {warning}" for warning in row.get("warnings") or ()]
    for name, reason in report["skipped"].items():
        lines.append(f"  {name}: not run: {_cut(reason)}")
    if original:
        lines += _latency_notes(report, [(original["latency_ms"], row["latency_ms"])
                                         for row in report["engines"]])
    lines.append("")
    lines.append(f"Recommended: {report['recommendation']}" if report["recommended"]
                 else report["recommendation"])
    lines.append("Speed-ups come from one set of interleaved rounds (every engine, its own "
                 "float32 and eager float32 together); preparation and compile time are apart.")
    return "\n".join(lines)


def _comparison_events(state: Any) -> Callable[[object], None]:
    """A comparison's progress checkpoints (for Ctrl-C) and its log lines on stderr."""
    from quantgui.core.events import LogMessage, Progress

    def on_event(event: object) -> None:
        if isinstance(event, Progress) and event.stage != state.stage:
            state.checkpoint(event.stage)
        else:
            state.checkpoint()
        if isinstance(event, LogMessage):
            print(event.text, file=sys.stderr)

    return on_event


def _finish_comparison(args: argparse.Namespace, state: Any, report: dict[str, Any],
                       results: Iterable[Any]) -> int:
    """Write the comparison's JSON (all or nothing) and keep each run in the history."""
    from quantgui.core.history import History, json_safe

    if args.report:
        from quantgui.core.files import OutputBatch

        batch = OutputBatch()
        state.defer = True
        try:
            batch.stage(args.report, (json.dumps(report, indent=2) + "\n").encode())
            state.checkpoint("committing")
            batch.commit()
        finally:
            batch.discard()
        print(f"Comparison written to {args.report}")
    if not args.no_history:  # each run compared is a run of its own in the history
        results = list(results)
        history = History()
        for result in results:
            history.add(json_safe(result.to_report()))
        print(f"Added {len(results)} run(s) to the history")
    return 0


def command_compare_engines(args: argparse.Namespace) -> int:
    from quantgui.core.compare import compare_engines
    from quantgui.core.events import drive
    from quantgui.core.history import json_safe

    state = _run_state()
    loaded, recipe = _prepare(args)
    names = [n.strip() for n in args.engines.split(",") if n.strip()] if args.engines else None

    on_event = _comparison_events(state)

    comparison = drive(compare_engines(loaded, recipe, state.cancel, names), on_event)
    state.checkpoint("reporting")
    report = json_safe(comparison.to_report())  # with the model's details
    print(format_engine_table(report))
    return _finish_comparison(args, state, report, comparison.results.values())


def format_technique_table(report: dict[str, Any]) -> str:
    quality = report["quality_axis"]
    header = ["", "size", "size ratio", "latency ms", "p10-p90", "speed-up",
              "accuracy" if quality == "accuracy" else "SQNR dB", "int8 layers", "Pareto",
              "settings"]
    rows = [header]
    tied = False
    for row in report["rows"]:
        value = (f"{row['accuracy']:.2%}" if quality == "accuracy" and row["accuracy"] is not None
                 else "-" if row["sqnr_db"] is None else f"{row['sqnr_db']:.1f}")
        latency = row["latency_ms"]
        ties = row.get("latency_ties") or []
        tied = tied or bool(ties)
        spread = (f"{latency['p10']:.3f}-{latency['p90']:.3f}" if latency.get("p10") is not None
                  else f"-{latency['p90']:.3f}")
        rows.append([row["label"], _fmt_bytes(row["size_bytes"]), f"{row['size_ratio']:.2f}x",
                     f"{latency['median']:.3f}" + (" (tie)" if ties else ""), spread,
                     f"{row['speedup']:.2f}x", value,
                     f"{row['quantized_layers']} of {row['layers']}",
                     "*" if row["pareto"] else "", _run_settings(row.get("settings"))])
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(header))]
    lines = [f"{report['model']}: {report['threads']} thread(s), batch {report['batch_size']}"]
    for index, row in enumerate(rows):
        lines.append("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                               for i, (c, w) in enumerate(zip(row, widths, strict=True))))
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    for row in report["rows"]:
        lines += [f"  {row['label']}: warning: {warning}" for warning in row.get("warnings") or ()]
    for label, reason in report["skipped"].items():
        lines.append(f"  {label}: not run: {_cut(reason)}")
    lines.append("")
    axis = "accuracy" if quality == "accuracy" else "agreement (SQNR)"
    lines.append(f"Pareto front (* : nothing else is at once faster, smaller and better in "
                 f"{axis}): {', '.join(report['pareto_front']) or 'none'}.")
    if tied:
        lines.append("(tie): the same latency within p10-p90 as another row; neither counts as "
                     "faster for the Pareto front.")
    lines.append("Latencies come from one set of interleaved rounds (the original and every "
                 "result together).")
    original = next((row for row in report["rows"] if row["technique"] is None), None)
    if original is not None:
        lines += _latency_notes(report, [(original["latency_ms"], row["latency_ms"])
                                         for row in report["rows"] if row is not original])
    return "\n".join(lines)


def _run_settings(settings: dict[str, Any] | None) -> str:
    """What a run of Compare all three used: 'torch_ao, 1 epoch', 'torch_ao, 32 calib.'"""
    if not settings:
        return ""
    parts = [str(settings.get("engine", ""))]
    if "epochs" in settings:
        parts.append(f"{settings['epochs']} epoch" + ("" if settings["epochs"] == 1 else "s"))
    if "calibration_batches" in settings:
        parts.append(f"{settings['calibration_batches']} calibration batches")
    return ", ".join(part for part in parts if part)


def command_compare_techniques(args: argparse.Namespace) -> int:
    from quantgui.core.compare_techniques import compare_techniques, plan_recipes
    from quantgui.core.events import drive
    from quantgui.core.history import json_safe

    state = _run_state()
    # the shared settings (threads, batch size, engine, keep-float) come from a Static recipe
    # unless --method names another; --epochs is QAT's alone
    epochs, args.epochs = args.epochs, None
    args.method = args.method or "static"
    loaded, recipe = _prepare(args)

    def names(text: str | None) -> list[str] | None:
        return [n.strip() for n in text.split(",") if n.strip()] if text else None

    settings = {k: v for k, v in recipe.to_dict().items() if k != "method"}
    if epochs is not None:
        settings["epochs"] = epochs
    recipes = plan_recipes(names(args.techniques), names(args.engines), **settings)

    on_event = _comparison_events(state)

    comparison = drive(compare_techniques(loaded, recipes, state.cancel), on_event)
    state.checkpoint("reporting")
    report = json_safe(comparison.to_report())  # with the model's details
    print(format_technique_table(report))
    return _finish_comparison(args, state, report, comparison.results.values())


def command_demos() -> int:
    from quantgui.core.demos import DEFAULT_DEMO, DEMOS

    width = max(len(name) for name in DEMOS)
    for name, demo in DEMOS.items():
        marker = " (default)" if name == DEFAULT_DEMO else ""
        print(f"{name.ljust(width)}  {demo.description}{marker}")
    return 0


def _check_keep_float(loaded: Any, recipe: Any) -> None:
    from quantgui.core.errors import RecipeError

    names = {name for name, _ in loaded.model.named_modules()}
    unknown = [name for name in recipe.keep_float if name not in names]
    if unknown:
        raise RecipeError(f"--keep-float names no layer of the model: {', '.join(unknown)}.",
                          "Use names from `quantgui-cli inspect` (e.g. block1.0).")


def _run_state() -> RunState:
    """The state ``main`` installed; a fresh one (no signal handlers) when called directly."""
    global _RUN
    if _RUN is None:
        _RUN = RunState()
    return _RUN


_RUN: RunState | None = None


def _input_files(args: argparse.Namespace) -> list[Path]:
    """The user's files this run reads: recipe, model file, weights file, data."""
    files = [args.recipe] if getattr(args, "recipe", None) is not None else []
    if args.model and not args.model.startswith("demo:"):
        from quantgui.core.sources import input_files

        files += input_files(args.model)
    if args.data and args.data != "random":
        files.append(Path(args.data))
    return files


OUTPUT_OPTIONS = (("report", "--report file"), ("save", "--save file"),
                  ("html", "--html report"), ("export_script", "--export-script file"),
                  ("save_recipe", "--save-recipe file"))


def _check_outputs(args: argparse.Namespace) -> None:
    """Before any work: every output can be written and none is an input of the run (so a long
    QAT never ends in "cannot write", and no input is ever replaced)."""
    from quantgui.core.errors import QuantGUIError
    from quantgui.core.files import check_output, same_file

    inputs = _input_files(args)
    targets: list[tuple[Path, str]] = []
    for option, what in OUTPUT_OPTIONS:
        path = getattr(args, option, None)
        if path is None:
            continue
        targets.append((check_output(path, inputs, what=what), what))
        if option == "export_script":
            from quantgui.core.script import check_script_targets, script_side_files

            source = args.model if args.model.startswith("demo:") else "file:"
            for side in script_side_files(path, source):
                targets.append((side, "--export-script data file"))
            check_script_targets(path, source, overwrite=args.overwrite, inputs=inputs)
    for index, (path, what) in enumerate(targets):
        for other, other_what in targets[:index]:
            if same_file(path, other) or path.resolve() == other.resolve():
                raise QuantGUIError(f"The {what} and the {other_what} are the same file, {path}.",
                                    "Give each output its own name.")


def _prepare(args: argparse.Namespace, choose_engine: bool = False) -> tuple[Any, Any]:
    """The model and the recipe; ``choose_engine``: the engine is chosen for the model when
    neither --engine, --set engine= nor the recipe file names one (``_choose_engine``)."""
    from quantgui.core.errors import QuantGUIError, RecipeError

    run = _run_state()
    run.checkpoint("importing")
    import torch  # noqa: F401 - the slow import, done here so the stage names it

    from quantgui.core.recipes import recipe_for

    try:
        settings = _recipe_settings(args)
    except ValueError as error:
        if isinstance(error, QuantGUIError):
            raise
        raise RecipeError(str(error)) from None
    if args.model is None:
        raise QuantGUIError("--model is required (or a --recipe that names one)")
    if args.method is None:
        raise QuantGUIError("--method is required (or a --recipe that names one)")
    trains = [t.name for t in techniques() if t.trains]
    if args.method not in trains and (args.epochs is not None or args.device is not None):
        raise QuantGUIError(f"--epochs and --device apply to --method {' or '.join(trains)} "
                            "only")
    run.technique = args.method
    recipe = recipe_for(args.method, **settings)
    _check_outputs(args)
    run.checkpoint("loading")
    loaded = load_model(args.model, args)
    _check_keep_float(loaded, recipe)
    if choose_engine:
        recipe = _choose_engine(args, loaded, recipe, explicit="engine" in settings)
    return loaded, recipe


def _choose_engine(args: argparse.Namespace, loaded: Any, recipe: Any, explicit: bool) -> Any:
    """Before the run, in one stderr line: the engine chosen for this model when the default
    one would quantize little of it or refuses it (``core.engine_choice``), or the warning
    when the user's engine is such an engine. Returns the recipe to run."""
    from quantgui.core.engine_choice import choose_engine
    from quantgui.core.engines import get_engine

    _run_state().checkpoint("choosing the engine")
    choice = choose_engine(loaded, recipe, explicit=explicit)
    chosen_format = getattr(args, "format", None)
    if choice.switched and (chosen_format is None
                            or chosen_format in get_engine(choice.engine).save_formats):
        print(f"Engine: {choice.reason} (--engine {choice.requested} runs it on "
              f"{get_engine(choice.requested).title} anyway.)", file=sys.stderr, flush=True)
        return recipe.replace(engine=choice.engine)
    if choice.switched:  # --format asks for a format of the default engine: it stays
        choice = choose_engine(loaded, recipe, explicit=True)
    if choice.reason:
        print(f"quantgui-cli: warning: {choice.reason}", file=sys.stderr, flush=True)
    return recipe


def _fmt_db(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _fmt_sqnr(value: float | None) -> str:
    """JSON has no infinity: a null model SQNR in a report means identical outputs."""
    return "inf" if value is None else f"{value:.1f}"


def format_plan(planned: list[Any]) -> str:
    width = max([len(p.name) for p in planned] + [5])
    type_width = max([len(p.type) for p in planned] + [4])
    lines = [f"{'Layer'.ljust(width)}  {'Type'.ljust(type_width)}  {'Params':>8}  "
             f"{'Output':14}  Plan"]
    for p in planned:
        shape = "x".join(map(str, p.output_shape)) if p.output_shape else "-"
        lines.append(f"{p.name.ljust(width)}  {p.type.ljust(type_width)}  {p.parameters:8d}  "
                     f"{shape:14}  {p.status}: {p.reason}")
    return "\n".join(lines)


def format_sensitivity(entries: list[dict[str, Any]], suggestion: list[str]) -> str:
    lines = ["Sensitivity (each layer kept float alone; worst layers first):",
             f"  {'Layer':30} {'SQNR gain':>10} {'SQNR':>8} {'accuracy gain':>14}"]
    for e in entries:
        gain = e["accuracy_gain"]
        accuracy = "-" if gain is None else f"{100 * gain:+.2f} pts"
        gain_db = e["sqnr_gain_db"]
        lines.append(f"  {e['name']:30} {'+inf' if gain_db is None else f'{gain_db:+.2f}':>9}  "
                     f"{_fmt_sqnr(e['sqnr_db_when_kept_float']):>7}  {accuracy:>13}")
    lines.append("Suggested to keep in float: " + (", ".join(suggestion) or "none (no layer "
                                                     "buys back 1 dB or more)"))
    return "\n".join(lines)


def _sensitivity_report(loaded: Any, recipe: Any, result: Any, on_event: Any) -> dict[str, Any]:
    from quantgui.core.analysis import sensitivity, suggest_keep_float
    from quantgui.core.events import drive

    entries = drive(sensitivity(loaded, recipe, reference=result.original_outputs), on_event)
    return {"sensitivity": [e.to_dict() for e in entries],
            "suggested_keep_float": suggest_keep_float(entries)}


def command_inspect(args: argparse.Namespace) -> int:
    from quantgui.core.analysis import plan_layers

    loaded, recipe = _prepare(args)
    _run_state().checkpoint("planning")
    print(f"{loaded.name}: what {recipe.method} on {recipe.backend} will do to each layer")
    print(format_plan(plan_layers(loaded, recipe)))
    print()
    return command_quantize(args, loaded=loaded, recipe=recipe)


def command_quantize(args: argparse.Namespace, loaded: Any = None, recipe: Any = None) -> int:
    from quantgui.core.events import EpochEnd, LogMessage, Progress, TrainStep, drive
    from quantgui.core.history import json_safe
    from quantgui.core.pipeline import run

    state = _run_state()
    if loaded is None:
        loaded, recipe = _prepare(args, choose_engine=True)
    bar = None
    if get_technique(args.method).trains and not args.no_progress:
        from tqdm import tqdm

        steps = -(-loaded.data.train_inputs.shape[0] // recipe.batch_size) * recipe.epochs
        bar = tqdm(total=steps, desc="QAT", unit="step", file=sys.stderr, leave=True)

    steps: list[tuple[int, float]] = []

    def on_event(event: object) -> None:
        # Each event is a safe point: the stage is noted for error messages, a signal stops here.
        if isinstance(event, Progress) and event.stage != state.stage:
            state.checkpoint(event.stage)
        elif isinstance(event, TrainStep) and state.stage != "training":
            state.checkpoint("training")
        else:
            state.checkpoint()
        if isinstance(event, TrainStep):
            steps.append(((event.epoch - 1) * event.steps_per_epoch + event.step, event.loss))
        if isinstance(event, TrainStep) and bar is not None:
            bar.update(1)
            bar.set_postfix(epoch=f"{event.epoch}/{event.epochs}", loss=f"{event.loss:.4f}")
        elif isinstance(event, EpochEnd) and bar is not None and event.val_accuracy is not None:
            bar.write(f"epoch {event.epoch}/{event.epochs}: val loss {event.val_loss:.4f}, "
                      f"val accuracy {100 * event.val_accuracy:.2f} %")
        elif isinstance(event, LogMessage):
            if bar is not None:
                bar.write(event.text, file=sys.stderr)
            else:
                print(event.text, file=sys.stderr)

    try:
        result = drive(run(loaded, recipe, cancel=state.cancel), on_event)
    finally:
        if bar is not None:
            bar.close()
    extra = {}
    if args.sensitivity:
        state.checkpoint("sensitivity")
        print("Ranking layers by sensitivity...", file=sys.stderr)
        extra = _sensitivity_report(loaded, recipe, result, on_event)
    state.checkpoint("reporting")
    report = json_safe({**result.to_report(), **extra})  # with the model's details
    print(format_table(report))
    if extra:
        print()
        print(format_sensitivity(report["sensitivity"], report["suggested_keep_float"]))
    _write_outputs(args, loaded, recipe, result, report, steps)
    return 0


def _write_outputs(args: argparse.Namespace, loaded: Any, recipe: Any, result: Any,
                   report: dict[str, Any], steps: list[tuple[int, float]]) -> None:
    """All or nothing: every output is staged as a temporary file beside its target, and only
    when all are ready (and no signal came) are they renamed into place."""
    from quantgui.core.engines import get_engine
    from quantgui.core.files import OutputBatch

    state = _run_state()
    batch = OutputBatch()
    done: list[str] = []
    state.defer = True  # a signal from here on only sets the token: cleanup is never cut short
    try:
        state.checkpoint("saving")
        if getattr(args, "report", None):
            batch.stage(args.report, (json.dumps(report, indent=2) + "\n").encode())
            done.append(f"Report written to {args.report}")
        if getattr(args, "save_recipe", None):
            saved = {**recipe.to_dict(), "model": args.model}
            if args.model_args:
                saved["model_args"] = json.loads(args.model_args)
            batch.stage(args.save_recipe, (json.dumps(saved, indent=2) + "\n").encode())
            done.append(f"Recipe written to {args.save_recipe}")
        state.checkpoint()
        if getattr(args, "save", None):
            engine = get_engine(result.engine)
            check = engine.save_checked(
                result, args.save, args.format or engine.save_formats[0], staging=batch,
                example=loaded.data.example_batch(recipe.batch_size), float_model=loaded.model,
                source=loaded.source)
            done.append(check.describe())
        state.checkpoint()
        if getattr(args, "export_script", None):
            from quantgui.core.script import write_script

            for path in write_script(args.export_script, loaded, recipe,
                                     overwrite=args.overwrite, inputs=_input_files(args),
                                     staging=batch):
                done.append(f"Script written to {path}" if path == args.export_script
                            else f"Written beside it, for the script to read: {path}")
        state.checkpoint()
        if getattr(args, "html", None):
            from quantgui.core.report_html import render

            batch.stage(args.html, render(report, steps=steps).encode("utf-8"))
            done.append(f"HTML report written to {args.html}")
        state.checkpoint("committing")
        batch.commit()  # signals are only noted here: the renames finish together
    finally:
        batch.discard()
    for line in done:
        print(line)
    if not getattr(args, "no_history", True):
        from quantgui.core.history import History

        try:
            entry = History().add(report)
        except OSError as error:  # the files are written: say so and what was not kept
            print(f"quantgui-cli: warning: the run was not added to the history: {error}",
                  file=sys.stderr)
        else:
            print(f"Added to the history as run {entry.id}")


def command_history(args: argparse.Namespace) -> int:
    from datetime import datetime

    from quantgui.core.errors import QuantGUIError
    from quantgui.core.history import History, pareto_front

    history = History()
    if history.warning:
        print(history.warning, file=sys.stderr)
    if args.delete:
        try:
            history.delete(args.delete)
        except KeyError:
            raise QuantGUIError(f"There is no run {args.delete} in the history.",
                                "See the ids with `quantgui-cli history`.") from None
        print(f"Deleted run {args.delete}")
        return 0
    entries = history.entries()
    if not entries:
        print(f"No runs yet ({history.path}).")
        return 0
    best = set()
    for model in {e.model for e in entries}:
        best |= set(pareto_front([e for e in entries if e.model == model], "size"))
    print(f"{'id':8}  {'when':16}  {'model':20} {'method':8} {'size':>10} {'latency':>10} "
          f"{'accuracy':>9}  settings")
    for e in entries:
        when = datetime.fromtimestamp(e.timestamp).strftime("%Y-%m-%d %H:%M")
        accuracy = "-" if e.accuracy is None else f"{100 * e.accuracy:.2f}%"
        mark = " *" if e.id in best else ""
        print(f"{e.id:8}  {when:16}  {e.model[:20]:20} {e.method:8} {e.size_bytes:10d} "
              f"{e.latency_ms:8.3f}ms {accuracy:>9}  {e.settings}{mark}")
    print("* best trade-off of accuracy (or agreement) against size for its model")
    return 0


def _save_traceback(text: str) -> Path | None:
    """The full traceback in the data folder's logs; None when it cannot be written."""
    import time

    from quantgui.core.files import write_atomically
    from quantgui.core.history import data_dir

    path = data_dir() / "logs" / f"error-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
    try:
        write_atomically(path, text.encode("utf-8", "replace"))
    except OSError:
        return None
    return path


def _what_to_try(stage: str) -> str:
    if stage in ("importing", "starting"):
        return "Check the installation (./scripts/run.sh sets it up)."
    from quantgui.core.sources.base import OPEN_STAGES

    if stage == "loading" or stage in OPEN_STAGES:
        return "Check the model file and its data, or try a demo model."
    if stage in ("saving", "committing"):
        return "Try another --format or another folder."
    return ("Try another technique (--method), keep the failing layer in float (--keep-float), "
            "or another --backend.")


def _last_words(state: RunState, error: BaseException, debug: bool) -> int:
    """One line on stderr for whatever ended the run; the exit status."""
    import traceback

    from quantgui.core.errors import Cancelled, QuantGUIError

    if state.signum is not None or isinstance(error, (Cancelled, KeyboardInterrupt,
                                                      _Interrupted)):
        print("quantgui-cli: cancelled", file=sys.stderr, flush=True)
        return state.exit_code
    if isinstance(error, QuantGUIError):  # the message is cut, never the hint
        print(f"quantgui-cli: error: {_cut(f'{_cut(error.message)} {error.hint}'.strip(), 600)}",
              file=sys.stderr)
        return EXIT_USAGE
    if isinstance(error, OSError):
        print(f"quantgui-cli: error: {_cut(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    if not isinstance(error, Exception):
        raise error  # SystemExit and the like are not failures of the run
    text = "".join(traceback.format_exception(error))
    technique = TECHNIQUES.get(state.technique or "", "the run")
    what = f"{technique} failed while {state.stage}" if state.technique else \
        f"quantgui-cli failed while {state.stage}"
    detail = _cut(f"{type(error).__name__}: {error}", MESSAGE_LIMIT)
    if debug:
        print(text, end="", file=sys.stderr)
        print(f"quantgui-cli: error: {what}: {detail}", file=sys.stderr)
        return EXIT_INTERNAL
    log = _save_traceback(text)
    where = (f"the full traceback is in {log}" if log is not None
             else "the traceback could not be saved; --debug prints it")
    print(f"quantgui-cli: error: {what}: {detail}. {_what_to_try(state.stage)} ({where}.)",
          file=sys.stderr)
    return EXIT_INTERNAL


def main(argv: list[str] | None = None) -> int:
    global _RUN
    # First of all, before the slow imports: Ctrl-C and SIGTERM end the run cleanly.
    state = _RUN = RunState()
    state.install()
    debug = argv is not None and "--debug" in argv or argv is None and "--debug" in sys.argv
    try:
        from quantgui.core.quiet import quiet_third_party_output

        quiet_third_party_output()
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        warnings.filterwarnings("ignore", message="TypedStorage is deprecated")
        args = build_parser().parse_args(argv)
        debug = args.debug
        if args.command == "demos":
            return command_demos()
        if args.command == "inspect":
            return command_inspect(args)
        if args.command == "history":
            return command_history(args)
        if args.command == "engines":
            return command_engines()
        if args.command == "compare-engines":
            return command_compare_engines(args)
        if args.command == "compare-techniques":
            return command_compare_techniques(args)
        return command_quantize(args)
    except SystemExit:
        if state.signum is not None:
            print("quantgui-cli: cancelled", file=sys.stderr, flush=True)
            return state.exit_code
        raise
    except BaseException as error:  # noqa: BLE001 - every ending gets one line
        return _last_words(state, error, debug)
    finally:
        state.uninstall(restore=argv is not None)
        _RUN = None


if __name__ == "__main__":
    sys.exit(main())
