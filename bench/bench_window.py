"""The window against the command line: QAT steps per second, and start-up time.

    QT_QPA_PLATFORM=offscreen python bench/bench_window.py [--demo digits-cnn] [--epochs 3]

QAT runs the same recipe in this process through the core (as the command line does) and
through the real window (offscreen, worker thread, live curves), alternating, and prints the
window's steps per second over the command line's. Goal: at least 0.9x.
Start-up: from starting `python -m quantgui` to the first event-loop turn after the window is
shown, median of 5 starts. Goal: at most 2 s on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import warnings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # as quantgui.app does


def steps_per_second(times: list[float]) -> float:
    return (len(times) - 1) / (times[-1] - times[0])


def core_qat(demo: str, epochs: int, threads: int) -> float:
    from quantgui.core.demos import load_demo
    from quantgui.core.events import TrainStep, drive
    from quantgui.core.pipeline import run
    from quantgui.core.recipes import recipe_for

    times: list[float] = []
    drive(run(load_demo(demo), recipe_for("qat", epochs=epochs, threads=threads)),
          lambda e: times.append(e.time) if isinstance(e, TrainStep) else None)
    return steps_per_second(times)


def window_qat(app, demo: str, epochs: int, threads: int) -> float:
    from PySide6.QtCore import QEventLoop, QTimer

    from quantgui.core.events import TrainStep
    from quantgui.ui.main_window import MainWindow

    window = MainWindow(demo=demo, method="qat")
    window.resize(1280, 800)
    window.show()
    loop = QEventLoop()
    window.model_loaded.connect(loop.quit)
    loop.exec()
    window.select_method("qat")
    window.settings_panel.set_values({"epochs": epochs, "threads": threads})
    times: list[float] = []
    window.runner.events.connect(
        lambda events: times.extend(e.time for e in events if isinstance(e, TrainStep)))
    window.run_finished.connect(loop.quit)
    QTimer.singleShot(0, window.start_run)
    loop.exec()
    window.close()
    window.deleteLater()
    return steps_per_second(times)


def startup_seconds() -> float:
    env = {**os.environ, "QUANTGUI_EXIT_WHEN_SHOWN": "1"}
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "quantgui"], stdout=subprocess.PIPE,
                             text=True, env=env)
    line = child.stdout.readline()
    shown = time.perf_counter() - start
    child.wait(timeout=60)
    if "window shown" not in line:
        raise RuntimeError(f"unexpected output: {line!r}")
    return shown


def main() -> int:
    from quantgui.core.recipes import QatRecipe

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", default="digits-cnn")
    parser.add_argument("--epochs", type=int, default=QatRecipe().epochs,
                        help="default: the QAT recipe's default")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = QApplication.instance() or QApplication(sys.argv[:1])
    ratios = []
    print(f"QAT on {args.demo}, {args.epochs} epochs, {args.threads} threads:")
    for round_index in range(1, args.rounds + 1):
        if round_index % 2:  # alternate the order: what runs second may run warmer
            core = core_qat(args.demo, args.epochs, args.threads)
            window = window_qat(app, args.demo, args.epochs, args.threads)
        else:
            window = window_qat(app, args.demo, args.epochs, args.threads)
            core = core_qat(args.demo, args.epochs, args.threads)
        ratios.append(window / core)
        print(f"  round {round_index}: command line {core:6.1f} steps/s, window {window:6.1f} "
              f"steps/s, ratio {window / core:.2f}")
    ratio = statistics.median(ratios)
    verdict = "met" if ratio >= 0.9 else "NOT met"
    print(f"  window / command line: {ratio:.2f} (goal >= 0.9: {verdict})")
    starts = [startup_seconds() for _ in range(5)]
    median = statistics.median(starts)
    print(f"Start-up to window shown: median {median:.2f} s over 5 starts "
          f"({', '.join(f'{s:.2f}' for s in starts)}); goal <= 2 s: "
          f"{'met' if median <= 2.0 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
