"""Latency of quantized against original, measured side by side in one run.

    python bench/bench_latency.py [--threads 2] [--quick]

For every demo and technique: the pipeline's own measurement (median of warm runs under
inference_mode, same input batch for both models). Then, for the larger model (digits-wide),
a sweep over batch sizes with more repeats, original and quantized interleaved.
Prints ratios (quantized / original; below 1 is faster). Trust ratios, not milliseconds.
"""

from __future__ import annotations

import argparse
import platform
import sys
import warnings

import torch

from quantgui.core.demos import DEMOS, load_demo
from quantgui.core.events import drive
from quantgui.core.methods.common import engine_and_threads
from quantgui.core.metrics import measure_latency
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for, vnni_supported

LARGE_MODEL = "digits-wide"
GOAL_SPEEDUP = 3.0


def cpu_description() -> str:
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="QAT with 1 epoch")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    print(f"torch {torch.__version__}, CPU: {cpu_description()}, "
          f"capability {torch.backends.cpu.get_cpu_capability()}, VNNI {vnni_supported()}, "
          f"threads {args.threads}")
    print(f"{'demo':20s} {'method':8s} {'orig ms':>9s} {'quant ms':>9s} {'ratio':>7s} "
          f"{'speed-up':>9s} {'size':>6s}")
    results = {}
    for name in DEMOS:
        loaded = load_demo(name)
        for method in ("dynamic", "static", "qat"):
            settings = {"threads": args.threads}
            if method == "qat":
                settings["epochs"] = 1 if args.quick else 2
            result = drive(run(loaded, recipe_for(method, **settings)))
            original, quantized = result.original.latency, result.quantized.latency
            ratio = quantized.median_ms / original.median_ms
            results[(name, method)] = result
            print(f"{name:20s} {method:8s} {original.median_ms:9.3f} {quantized.median_ms:9.3f} "
                  f"{ratio:7.3f} {1 / ratio:8.2f}x "
                  f"{result.quantized.size_bytes / result.original.size_bytes:6.3f}", flush=True)

    print(f"\nBatch-size sweep on {LARGE_MODEL} ({args.threads} threads, 200 repeats each, "
          "original and quantized measured back to back):")
    loaded = load_demo(LARGE_MODEL)
    met = {}
    for method in ("dynamic", "static"):
        quantized_model = results[(LARGE_MODEL, method)].quantized_model
        with engine_and_threads(results[(LARGE_MODEL, method)].recipe):
            for batch_size in (1, 4, 8, 32):
                batch = loaded.data.example_batch(batch_size)
                original = measure_latency(loaded.model, batch, args.threads, repeats=200)
                quantized = measure_latency(quantized_model, batch, args.threads, repeats=200)
                speedup = original.median_ms / quantized.median_ms
                met.setdefault(method, []).append((batch_size, speedup))
                print(f"  {method:8s} batch {batch_size:3d}: original {original.median_ms:7.3f} "
                      f"ms, int8 {quantized.median_ms:7.3f} ms, speed-up {speedup:5.2f}x")
    print(f"\nGoal: int8 at least {GOAL_SPEEDUP:.0f}x faster on {LARGE_MODEL}, "
          f"{args.threads} threads:")
    for method, rows in met.items():
        best = max(rows, key=lambda row: row[1])
        reached = [b for b, s in rows if s >= GOAL_SPEEDUP]
        print(f"  {method:8s} best {best[1]:.2f}x at batch {best[0]}; goal "
              + (f"met at batch {', '.join(map(str, reached))}" if reached else "NOT met"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
