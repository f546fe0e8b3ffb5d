"""Every technique on every engine, on full-size Hugging Face models, or its refusal.

    python bench/bench_real_models.py [--threads 2] [--models resnet18,gpt2]
        [--engines pt2e,onnxruntime] [--techniques static] [--timeout 480] [--max-gib 12]

Issue 12 ("Make them fit"). Five models are built from ``transformers`` configs with random
weights (no download) at their published sizes: ResNet-18 (basic blocks 64-128-256-512,
depths 2-2-2-2), MobileNetV2 1.0/224, ViT-B/16 (224x224), BERT-base (sequence
classification, 128 tokens) and GPT-2 (124M, LM head, 64 tokens: its logits are 50,257 wide a
token). The convnets get the batch-norm statistics of 32 random images first (with the initial
ones a random MobileNetV2's logits are 1e-26). Each is saved with
``save_pretrained(safe_serialization=True)`` into a temporary folder and opened as a user
opens it (``open_user_model``, the app's Hugging Face source).

Then every technique (the technique registry) x every engine (the engine registry): an engine
that is not available here, or that says before a run that it cannot run the technique on the
model (``unsupported_reason``), is recorded as refused with its reason; otherwise the whole
pipeline runs (``quantgui.core.pipeline.run``: quantize, predict, time interleaved, per-layer
error). A run that stops with the app's own error (``QuantGUIError``: a one-line reason and
what to do) is "refused in run"; anything else (a traceback, past the timeout, past the memory
cap) is FAILED, a bug.

Small data, the same for every combination: 64 random samples in the model's input format
(48 to train and calibrate, 16 to validate), batch 8; static calibrates on 4 batches; QAT trains
1 epoch (6 batches). Each combination runs in a fresh Python process, so that its memory is its
own: "peak MiB" is the child's peak resident set (its VmHWM at the end of a completed run;
``os.wait4``'s ru_maxrss otherwise, which starts from the parent's RSS at fork: Linux carries
the high-water mark across exec), "before" its RSS with the model and data loaded, just before
the run. The parent watches the child's RSS and
kills it past ``--max-gib`` (an out-of-memory FAILED, not a frozen machine) or ``--timeout``.
Size ratio: the quantized model's saved size / the float state_dict's bytes; SQNR: quantized
against float32 eager outputs on the validation samples; speed-up: float32 eager median /
quantized median (interleaved warm runs, threads stated; the run adapts its repeats to slow
models and says how many it made: "reps").
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

MODELS = ("resnet18", "mobilenet_v2", "vit_b16", "bert_base", "gpt2")
SAMPLES, VALIDATION, BATCH, CALIBRATION_BATCHES = 64, 16, 8, 4
SEQUENCE = {"bert_base": 128, "gpt2": 64}  # tokens


def build_folder(name: str, folder: Path) -> Path:
    """A full-size model of ``name`` with random weights, saved as a Hugging Face folder."""
    import torch
    import transformers as hf

    torch.manual_seed(0)
    if name == "resnet18":
        model = hf.ResNetForImageClassification(hf.ResNetConfig(
            layer_type="basic", hidden_sizes=[64, 128, 256, 512], depths=[2, 2, 2, 2],
            embedding_size=64, architectures=["ResNetForImageClassification"]))
    elif name == "mobilenet_v2":
        model = hf.MobileNetV2ForImageClassification(hf.MobileNetV2Config(
            architectures=["MobileNetV2ForImageClassification"]))
    elif name == "vit_b16":
        model = hf.ViTForImageClassification(hf.ViTConfig(
            architectures=["ViTForImageClassification"]))
    elif name == "bert_base":
        model = hf.BertForSequenceClassification(hf.BertConfig(
            architectures=["BertForSequenceClassification"]))
    elif name == "gpt2":
        model = hf.GPT2LMHeadModel(hf.GPT2Config(architectures=["GPT2LMHeadModel"]))
    else:
        raise SystemExit(f"unknown model {name}")
    _estimate_batch_norm(model)
    model.eval().save_pretrained(folder, safe_serialization=True)
    return folder


def _estimate_batch_norm(model) -> None:  # noqa: ANN001 - a transformers model
    """Batch-norm statistics of random 224x224 images, as a trained model has statistics of
    its data: with the initial ones a random MobileNetV2's logits are 1e-26 and every SQNR is
    meaningless (bench_engines does the same)."""
    import torch
    from torch import nn

    norms = [m for m in model.modules() if isinstance(m, nn.modules.batchnorm._BatchNorm)]
    if not norms:
        return
    momenta = [norm.momentum for norm in norms]
    for norm in norms:
        norm.reset_running_stats()
        norm.momentum = None  # a cumulative average over the batches below
    model.train()
    generator = torch.Generator().manual_seed(1)
    with torch.no_grad():
        for _ in range(4):
            model(pixel_values=torch.randn(8, 3, 224, 224, generator=generator))
    model.eval()
    for norm, momentum in zip(norms, momenta, strict=True):
        norm.momentum = momentum


def _rss_mib(pid: int | str = "self", field: str = "VmRSS") -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(f"{field}:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _small(bundle):  # noqa: ANN001, ANN202 - DataBundle in, DataBundle out
    """The first SAMPLES - VALIDATION training and VALIDATION validation samples."""
    from dataclasses import replace

    train = SAMPLES - VALIDATION
    return replace(
        bundle, train_inputs=bundle.train_inputs[:train].clone(),
        val_inputs=bundle.val_inputs[:VALIDATION].clone(),
        train_labels=None if bundle.train_labels is None else bundle.train_labels[:train],
        val_labels=None if bundle.val_labels is None else bundle.val_labels[:VALIDATION])


def child(model_name: str, folder: str, technique: str, engine_name: str,
          threads: int) -> None:
    """One combination in this (fresh) process: prints one JSON line."""
    warnings.filterwarnings("ignore")
    import torch

    from quantgui.core.engines import get_engine
    from quantgui.core.errors import QuantGUIError
    from quantgui.core.events import drive
    from quantgui.core.pipeline import run
    from quantgui.core.recipes import recipe_for
    from quantgui.core.sources import open_user_model

    torch.set_num_threads(threads)
    os.environ["HF_HUB_OFFLINE"] = "1"
    row: dict = {"model": model_name, "technique": technique, "engine": engine_name}
    shape = (SEQUENCE[model_name],) if model_name in SEQUENCE else None
    loaded = open_user_model(folder, input_shape=shape)
    loaded.data = _small(loaded.data)
    row["params"] = sum(p.numel() for p in loaded.model.parameters())
    row["input"] = loaded.details.get("inputs") if loaded.details else None
    engine = get_engine(engine_name)
    reason = engine.unavailable_reason() or engine.unsupported_reason(loaded.model, technique)
    if reason:
        print(json.dumps({**row, "outcome": "refused", "reason": reason}))
        return
    settings: dict = {"engine": engine_name, "threads": threads, "batch_size": BATCH}
    if technique == "static":
        settings["calibration_batches"] = CALIBRATION_BATCHES
    if technique == "qat":
        settings["epochs"] = 1
    recipe = recipe_for(technique, **settings)
    row["rss_before_mib"] = _rss_mib()
    started = time.perf_counter()
    try:
        result = drive(run(loaded, recipe))
    except QuantGUIError as error:
        print(json.dumps({**row, "outcome": "refused in run", "reason": str(error),
                          "wall_s": time.perf_counter() - started}))
        return
    wall = time.perf_counter() - started
    # this process's own high-water mark (wait4's ru_maxrss starts from the parent's RSS at
    # fork, which Linux carries across exec)
    row["peak_self_mib"] = _rss_mib(field="VmHWM")
    sampling = result.error_sampling or (result.build.extra.get("error_sampling")
                                         if result.build is not None else None)
    print(json.dumps({
        **row, "outcome": "completed", "wall_s": wall,
        "size_ratio": result.quantized.size_bytes / result.original.size_bytes,
        "sqnr_db": result.agreement.sqnr_db,
        "speedup": result.original.latency.median_ms / result.quantized.latency.median_ms,
        "quantized_ms": result.quantized.latency.median_ms,
        "original_ms": result.original.latency.median_ms,
        "repeats": result.quantized.latency.repeats,
        "int8_layers": result.quantized_layer_count,
        "error_samples": None if sampling is None else [sampling.samples, sampling.available],
        "prepare_s": {k: round(v, 1) for k, v in result.prepare_seconds.items()}}))


def run_combination(model: str, folder: Path, technique: str, engine: str, threads: int,
                    timeout: float, max_mib: float) -> dict:
    env = {**os.environ, "PYTHONWARNINGS": "ignore", "HF_HUB_OFFLINE": "1"}
    root = Path(__file__).resolve().parents[1]
    env["PYTHONPATH"] = str(root) + os.pathsep + env.get("PYTHONPATH", "")
    row: dict = {"model": model, "technique": technique, "engine": engine}
    started = time.perf_counter()
    killed = ""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as errors:
        process = subprocess.Popen(
            [sys.executable, __file__, "--child", model, str(folder), technique, engine,
             "--threads", str(threads)], stdout=out, stderr=errors, env=env, text=True,
            start_new_session=True)
        peak_seen = 0.0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            rss = _rss_mib(process.pid)
            peak_seen = max(peak_seen, rss)
            if not killed and rss > max_mib:
                killed = f"out of memory: RSS passed {max_mib / 1024:.0f} GiB"
            elif not killed and time.perf_counter() - started > timeout:
                killed = f"past the {timeout:.0f} s timeout"
            if killed:
                os.killpg(process.pid, signal.SIGKILL)
            time.sleep(0.2)  # a parent's watch, not a test
        out.seek(0)
        errors.seek(0)
        stdout, stderr = out.read(), errors.read()
    row["peak_mib"] = max(usage.ru_maxrss / 1024, peak_seen)  # kilobytes on Linux
    row["total_s"] = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    lines = [line for line in stdout.strip().splitlines() if line.startswith("{")]
    if killed:
        row.update(outcome="FAILED", reason=killed)
    elif code != 0 or not lines:
        last = [line for line in stderr.strip().splitlines() if line.strip()]
        row.update(outcome="FAILED", reason=(last or [f"exit code {code}"])[-1][:200])
        row["stderr_tail"] = "\n".join(last[-25:])
    else:
        row.update(json.loads(lines[-1]))
        if "peak_self_mib" in row:
            row["peak_mib"] = max(row.pop("peak_self_mib"), peak_seen)
    return row


def _cpu_flags() -> str:
    from quantgui.core.pipeline import cpu_flags

    return " ".join(cpu_flags()) or "unknown"


def _format(row: dict) -> str:
    outcome = row["outcome"]
    head = (f"{row['model']:13} {row.get('params', 0):>12,} {row['technique']:8} "
            f"{row['engine']:12}")
    if outcome == "completed":
        samples = row.get("error_samples")
        return (f"{head} {'completed':16} {row['wall_s']:7.1f} {row['peak_mib']:8.0f} "
                f"{row.get('rss_before_mib', 0):7.0f} {row['size_ratio']:6.3f} "
                f"{row['sqnr_db']:6.1f} {row['speedup']:6.2f}x {row['repeats']:>4} "
                f"{'-' if not samples else f'{samples[0]}/{samples[1]}':>6}  "
                f"{row.get('prepare_s', {})}")
    wall = f"{row['wall_s']:7.1f}" if "wall_s" in row else f"{row['total_s']:7.1f}"
    reason = " ".join(str(row.get("reason", "")).split())
    return f"{head} {outcome:16} {wall} {row['peak_mib']:8.0f}  {reason}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--models", default=",".join(MODELS))
    parser.add_argument("--techniques", default="")
    parser.add_argument("--engines", default="")
    parser.add_argument("--timeout", type=float, default=480.0,
                        help="seconds a combination may take (the child is killed after)")
    parser.add_argument("--max-gib", type=float, default=12.0,
                        help="the child is killed when its RSS passes this")
    parser.add_argument("--json", help="also append each row as a JSON line to this file")
    parser.add_argument("--child", nargs=4, metavar=("MODEL", "FOLDER", "TECHNIQUE", "ENGINE"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child, args.threads)
        return
    warnings.filterwarnings("ignore")
    import torch
    import transformers

    from quantgui.core.engines import engine_names
    from quantgui.core.techniques import technique_names

    techniques = args.techniques.split(",") if args.techniques else technique_names()
    engines = args.engines.split(",") if args.engines else engine_names()
    print(f"torch {torch.__version__}, transformers {transformers.__version__}, "
          f"{args.threads} thread(s), {os.cpu_count()} CPU(s), CPU flags: {_cpu_flags()}")
    print(f"data: {SAMPLES} random samples ({SAMPLES - VALIDATION} train/calibrate, "
          f"{VALIDATION} validate), batch {BATCH}; static: {CALIBRATION_BATCHES} calibration "
          f"batches; QAT: 1 epoch ({(SAMPLES - VALIDATION) // BATCH} batches); text: "
          + ", ".join(f"{m} {n} tokens" for m, n in SEQUENCE.items())
          + f"; images 224x224; each combination in a fresh process, timeout "
            f"{args.timeout:.0f} s, memory cap {args.max_gib:.0f} GiB")
    print(f"{'model':13} {'params':>12} {'technique':8} {'engine':12} {'outcome':16} "
          f"{'wall s':>7} {'peak MiB':>8} {'before':>7} {'size':>6} {'SQNR':>6} "
          f"{'speed':>7} {'reps':>4} {'errs':>6}  preparation (s)")
    sys.stdout.flush()
    with tempfile.TemporaryDirectory(prefix="quantgui-real-") as root:
        for model in args.models.split(","):
            started = time.perf_counter()
            folder = build_folder(model, Path(root) / model)
            print(f"# {model}: built and saved in {time.perf_counter() - started:.1f} s "
                  f"({sum(f.stat().st_size for f in folder.iterdir()) / 2**20:.0f} MiB)")
            sys.stdout.flush()
            for technique in techniques:
                for engine in engines:
                    row = run_combination(model, folder, technique, engine, args.threads,
                                          args.timeout, args.max_gib * 1024)
                    print(_format(row))
                    if row["outcome"] == "FAILED" and row.get("stderr_tail"):
                        print("    | " + row["stderr_tail"].replace("\n", "\n    | "))
                    if args.json:
                        with open(args.json, "a", encoding="utf-8") as handle:
                            handle.write(json.dumps(row) + "\n")
                    sys.stdout.flush()
    print(f"# load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
