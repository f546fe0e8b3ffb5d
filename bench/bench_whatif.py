"""A what-if re-run against the first run, side by side in one process.

    python bench/bench_whatif.py

First run: static quantization from scratch. Re-run: the same with the worst layer kept in
float, given the first run's RunCache (calibrated observers, the original's outputs, size and
latency). Goal: the re-run at least 2x faster.
"""

from __future__ import annotations

import statistics
import sys
import time
import warnings

from quantgui.core.demos import load_demo
from quantgui.core.events import drive
from quantgui.core.pipeline import RunCache, run
from quantgui.core.recipes import recipe_for


def main() -> int:
    warnings.filterwarnings("ignore")
    for demo, keep in (("digits-cnn", "classifier"), ("digits-transformer", "classifier"),
                       ("digits-mlp", "fc3")):
        loaded = load_demo(demo)
        firsts, reruns = [], []
        for _ in range(3):
            cache = RunCache()
            start = time.perf_counter()
            first = drive(run(loaded, recipe_for("static"), cache=cache))
            firsts.append(time.perf_counter() - start)
            start = time.perf_counter()
            again = drive(run(loaded, recipe_for("static", keep_float=[keep]), cache=cache))
            reruns.append(time.perf_counter() - start)
        first_s, rerun_s = statistics.median(firsts), statistics.median(reruns)
        print(f"{demo:20s} first run {first_s:6.2f} s, what-if re-run (keep {keep} float) "
              f"{rerun_s:6.2f} s: {first_s / rerun_s:4.1f}x faster; SQNR "
              f"{first.agreement.sqnr_db:.1f} -> {again.agreement.sqnr_db:.1f} dB; reused: "
              f"{', '.join(again.reused)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
