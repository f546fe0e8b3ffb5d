"""Wall time and peak memory of each technique against model size, measured in one run.

    python bench/bench_scale.py [--threads 2] [--cases NAME,NAME] [--techniques dynamic,static]

Cases: 4-layer MLPs of width 256, 1024 and 4096 (batch 32), a ResNet-18-shaped convnet at
224x224 (batch 8) and a 4-layer BERT-shaped encoder (128 tokens x 256, batch 8), each with
random data as the command line makes it when no data is given (256 Gaussian samples: 205 for
training and calibration, 51 for validation). Techniques: dynamic, static (the default recipe:
histogram observers, 32 calibration batches) and QAT for 1 epoch, on the torch.ao engine.

Each case runs the whole pipeline (``quantgui.core.pipeline.run``: quantize, predict, time the
models interleaved, per-layer error) in a fresh Python process, so that its peak memory is its
own: the peak resident set (RSS high-water mark, what the user sees in a task manager) comes
from ``os.wait4``'s rusage of that child; it includes torch itself, the model and the data,
whose RSS before the run is printed beside it. Stage times come from the run's own Progress
events. On a shared machine wall time grows with the load: the 1-minute load average after
each case is printed, ``--repeat N`` shows the fastest of N runs (and the median), and
``fwd ms`` is the float model's forward pass on one batch timed in the same process (median
of three before and three after the run), so ``x fwd`` (wall time / forward time) says how
much work a run is whatever the load. The growth lines compare each MLP with the next: time
and memory should grow no faster than the parameters (exponent <= 1).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

GOALS = {("resnet18-224-b8", "static"): (10.0, 1.5 * 1024)}  # seconds, MiB
CASES = ("mlp-256", "mlp-1024", "mlp-4096", "resnet18-224-b8", "bert-4x256-b8")
TECHNIQUES = ("dynamic", "static", "qat")


def _rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return math.nan


def _build(case: str):  # noqa: ANN202 - (model, input shape, batch)
    import torch
    from torch import nn

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_engines import BertShapedEncoder, ResNet18Shaped

    torch.manual_seed(0)
    if case.startswith("mlp-"):
        width = int(case.split("-")[1])
        layers: list[nn.Module] = []
        for index in range(4):
            layers += [nn.Linear(width, width if index < 3 else 10)]
            if index < 3:
                layers.append(nn.ReLU())
        return nn.Sequential(*layers), (width,), 32
    if case == "resnet18-224-b8":
        return ResNet18Shaped(), (3, 224, 224), 8
    if case == "bert-4x256-b8":
        return BertShapedEncoder(), (128, 256), 8
    raise SystemExit(f"unknown case {case}")


def child(case: str, technique: str, threads: int) -> None:
    """One case in this (fresh) process: prints one JSON line."""
    warnings.filterwarnings("ignore")
    import torch

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_engines import _estimate_batch_norm

    from quantgui.core.datasets import random_data
    from quantgui.core.demos import LoadedModel
    from quantgui.core.events import Progress, TrainStep, drive
    from quantgui.core.methods.fx_units import warm_up
    from quantgui.core.pipeline import run
    from quantgui.core.recipes import recipe_for

    torch.set_num_threads(threads)
    model, shape, batch = _build(case)
    data = random_data(shape)
    _estimate_batch_norm(model, data.train_inputs[:32])  # meaningful SQNR on random weights
    model.eval()
    loaded = LoadedModel(case, "", model, data, "bench")
    settings: dict = {"threads": threads, "batch_size": batch}
    if technique == "qat":
        settings["epochs"] = 1
    recipe = recipe_for(technique, **settings)
    warm_up()  # FX's first-use imports (about 2 s) happen when the application starts
    example = data.train_inputs[:batch]

    def forward_seconds() -> list[float]:
        """The float model on one batch, three times: how fast the machine is just now."""
        times = []
        with torch.no_grad():
            for _ in range(3):
                begin = time.perf_counter()
                model(example)
                times.append(time.perf_counter() - begin)
        return times

    with torch.no_grad():
        model(example)
    forwards = forward_seconds()
    rss_before = _rss_mib()
    stages: dict[str, float] = {}
    current = ["checks"]
    mark = [time.perf_counter()]

    def on_event(event: object) -> None:
        stage = ("training" if isinstance(event, TrainStep)
                 else event.stage if isinstance(event, Progress) else None)
        if stage is not None and stage != current[0]:
            now = time.perf_counter()
            stages[current[0]] = stages.get(current[0], 0.0) + now - mark[0]
            current[0], mark[0] = stage, now

    started, cpu_started = time.perf_counter(), time.process_time()
    result = drive(run(loaded, recipe), on_event)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    stages[current[0]] = stages.get(current[0], 0.0) + time.perf_counter() - mark[0]
    forwards += forward_seconds()
    print(json.dumps({
        "forward_s": statistics.median(forwards),
        "case": case, "technique": technique, "wall_s": wall, "cpu_s": cpu,
        "rss_before_mib": rss_before,
        "params": sum(p.numel() for p in model.parameters()), "batch": batch,
        "stages": stages, "repeats": result.quantized.latency.repeats,
        "quantized_ms": result.quantized.latency.median_ms,
        "original_ms": result.original.latency.median_ms,
        "sqnr_db": result.agreement.sqnr_db,
        "layers_measured": sum(1 for layer in result.layers
                               if layer.output_sqnr_db is not None
                               or layer.accumulated_sqnr_db is not None)}))


def run_case(case: str, technique: str, threads: int) -> dict:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    root = Path(__file__).resolve().parents[1]
    env["PYTHONPATH"] = str(root) + os.pathsep + env.get("PYTHONPATH", "")
    with tempfile.TemporaryFile("w+") as errors:
        process = subprocess.Popen(
            [sys.executable, __file__, "--child", case, technique, "--threads", str(threads)],
            stdout=subprocess.PIPE, stderr=errors, env=env, text=True)
        stdout = process.stdout.read()
        # wait4, not wait: the rusage of this child alone
        _, status, usage = os.wait4(process.pid, 0)
        errors.seek(0)
        stderr = errors.read()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        return {"case": case, "technique": technique,
                "error": (stderr.strip().splitlines() or ["?"])[-1][:160]}
    row = json.loads(stdout.strip().splitlines()[-1])
    row["peak_mib"] = usage.ru_maxrss / 1024  # kilobytes on Linux
    return row


def _cpu_flags() -> str:
    from quantgui.core.pipeline import cpu_flags

    return " ".join(cpu_flags()) or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--techniques", default=",".join(TECHNIQUES))
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each case; the fastest is shown, with the median")
    parser.add_argument("--child", nargs=2, metavar=("CASE", "TECHNIQUE"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child, args.threads)
        return
    import torch

    print(f"torch {torch.__version__}, {args.threads} thread(s), {os.cpu_count()} CPU(s), "
          f"CPU flags: {_cpu_flags()}; torch.ao engine; each case in a fresh process")
    print(f"{'case':18} {'technique':9} {'params':>10} {'wall s':>7} {'median':>7} "
          f"{'CPU s':>6} {'peak MiB':>9} {'before':>7} {'reps':>5} {'SQNR':>6} {'fwd ms':>7} "
          f"{'x fwd':>6} {'load':>5}  stages (s)")
    rows: list[dict] = []
    for case in args.cases.split(","):
        for technique in args.techniques.split(","):
            runs = [run_case(case, technique, args.threads) for _ in range(args.repeat)]
            done = [r for r in runs if "error" not in r]
            if not done:
                print(f"{case:18} {technique:9} failed: {runs[0]['error']}")
                continue
            row = min(done, key=lambda r: r["wall_s"])  # best of the repeats: the least load
            row["median_wall_s"] = statistics.median(r["wall_s"] for r in done)
            rows.append(row)
            stages = ", ".join(f"{name} {seconds:.2f}" for name, seconds in row["stages"].items()
                               if seconds >= 0.05)
            goal = GOALS.get((case, technique))
            verdict = ""
            if goal is not None:
                met = row["wall_s"] < goal[0] and row["peak_mib"] < goal[1]
                verdict = (f"  [goal < {goal[0]:.0f} s and < {goal[1] / 1024:.1f} GB: "
                           f"{'met' if met else 'MISSED'}]")
            print(f"{case:18} {technique:9} {row['params']:>10,} {row['wall_s']:7.2f} "
                  f"{row['median_wall_s']:7.2f} {row['cpu_s']:6.1f} {row['peak_mib']:9.0f} "
                  f"{row['rss_before_mib']:7.0f} {row['repeats']:>5} {row['sqnr_db']:6.1f} "
                  f"{1000 * row['forward_s']:7.1f} {row['wall_s'] / row['forward_s']:6.0f} "
                  f"{os.getloadavg()[0]:5.1f}  {stages}{verdict}")
            sys.stdout.flush()
    print("\ngrowth from one MLP to the next, and from the first to the last (exponent = "
          "log(ratio) / log(params ratio); the goal is <= 1; 'per forward': the run's time in "
          "float forward passes, which leave the CPU's caches as the weights grow)")
    for technique in args.techniques.split(","):
        mlps = [r for r in rows if r.get("technique") == technique
                and r["case"].startswith("mlp-") and "error" not in r]
        pairs = list(zip(mlps, mlps[1:], strict=False))
        if len(mlps) > 2:
            pairs.append((mlps[0], mlps[-1]))
        for small, large in pairs:
            growth = large["params"] / small["params"]
            time_ratio = large["wall_s"] / small["wall_s"]
            forwards_ratio = ((large["wall_s"] / large["forward_s"])
                              / (small["wall_s"] / small["forward_s"]))
            extra_small = max(small["peak_mib"] - small["rss_before_mib"], 1.0)
            extra_large = max(large["peak_mib"] - large["rss_before_mib"], 1.0)
            memory_ratio = extra_large / extra_small
            print(f"  {technique:8} {small['case']} -> {large['case']}: params x{growth:.1f}, "
                  f"time x{time_ratio:.2f} (exponent {math.log(time_ratio) / math.log(growth):.2f}"
                  f"; per forward x{forwards_ratio:.2f}), memory above the loaded model "
                  f"x{memory_ratio:.2f} (exponent {math.log(memory_ratio) / math.log(growth):.2f})")


if __name__ == "__main__":
    main()
