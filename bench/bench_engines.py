"""Which engine is fastest, measured side by side in one run.

    python bench/bench_engines.py [--threads 2] [--quick] [--models NAME,NAME]

For each demo and a standard set built in code (MLP 4 x Linear(1024) at batch 1 and 32, a
ResNet-18-shaped and a MobileNet-V2-shaped convnet at 224x224, a 4-layer BERT-shaped encoder,
a 2-layer LSTM), every engine that can run the technique builds its int8 model and its own
float32 reference; then all of them and float32 eager PyTorch are timed together, interleaved
in rounds (median of warm runs under inference_mode, threads stated). Prints each engine's
speed-up over float32 eager and over its own float32, compile/preparation time, SQNR against
float32 eager, which engine QuantGUI recommends and how far it is from the fastest.
Random weights; trust the ratios, not the milliseconds.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings

import torch
from torch import nn

from quantgui.core import metrics
from quantgui.core.compare import pick_engine
from quantgui.core.data import DataBundle
from quantgui.core.demos import DEMOS, LoadedModel, load_demo
from quantgui.core.engines import engines
from quantgui.core.events import CancelToken, drive
from quantgui.core.methods.common import engine_and_threads, evaluating
from quantgui.core.pipeline import cpu_flags
from quantgui.core.recipes import recipe_for

GOAL_RATIO = 1.1  # the recommended engine within this of the fastest


# --- the standard set, built in code (no torchvision here) ---------------------------------
def _conv_bn(cin: int, cout: int, stride: int = 1, groups: int = 1, relu: bool = True,
             kernel: int = 3) -> nn.Sequential:
    layers = [nn.Conv2d(cin, cout, kernel, stride, kernel // 2, groups=groups, bias=False),
              nn.BatchNorm2d(cout)]
    if relu:
        layers.append(nn.ReLU6() if groups > 1 or kernel == 1 else nn.ReLU())
    return nn.Sequential(*layers)


class BasicBlock(nn.Module):
    def __init__(self, cin: int, cout: int, stride: int) -> None:
        super().__init__()
        self.body = nn.Sequential(_conv_bn(cin, cout, stride), _conv_bn(cout, cout, relu=False))
        self.shortcut = (nn.Identity() if stride == 1 and cin == cout
                         else _conv_bn(cin, cout, stride, relu=False, kernel=1))
        self.relu = nn.ReLU()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.relu(self.body(x) + self.shortcut(x))


class ResNet18Shaped(nn.Module):
    def __init__(self, classes: int = 1000) -> None:
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64),
                                  nn.ReLU(), nn.MaxPool2d(3, 2, 1))
        blocks, cin = [], 64
        for cout, stride in ((64, 1), (128, 2), (256, 2), (512, 2)):
            blocks += [BasicBlock(cin, cout, stride), BasicBlock(cout, cout, 1)]
            cin = cout
        self.blocks = nn.Sequential(*blocks)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(512, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(torch.flatten(self.pool(self.blocks(self.stem(x))), 1))


class InvertedResidual(nn.Module):
    def __init__(self, cin: int, cout: int, stride: int, expand: int) -> None:
        super().__init__()
        hidden = cin * expand
        layers = [] if expand == 1 else [_conv_bn(cin, hidden, kernel=1)]
        layers += [_conv_bn(hidden, hidden, stride, groups=hidden),
                   _conv_bn(hidden, cout, relu=False, kernel=1)]
        self.body = nn.Sequential(*layers)
        self.residual = stride == 1 and cin == cout

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.body(x) if self.residual else self.body(x)


class MobileNetV2Shaped(nn.Module):
    SETTINGS = ((1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1),
                (6, 160, 3, 2), (6, 320, 1, 1))

    def __init__(self, classes: int = 1000) -> None:
        super().__init__()
        layers, cin = [_conv_bn(3, 32, 2)], 32
        for expand, cout, repeats, stride in self.SETTINGS:
            for index in range(repeats):
                layers.append(InvertedResidual(cin, cout, stride if index == 0 else 1, expand))
                cin = cout
        layers.append(_conv_bn(cin, 1280, kernel=1))
        self.features = nn.Sequential(*layers)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Linear(1280, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classifier(torch.flatten(self.pool(self.features(x)), 1))


class BertShapedEncoder(nn.Module):
    """4 post-norm encoder layers, 256 wide, 4 heads, GELU; float hidden states in."""

    def __init__(self) -> None:
        super().__init__()
        layer = nn.TransformerEncoderLayer(256, 4, 1024, dropout=0.0, activation="gelu",
                                           batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, 4, enable_nested_tensor=False)
        self.classifier = nn.Linear(256, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classifier(self.encoder(x)[:, 0])


class LstmShaped(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.lstm = nn.LSTM(256, 512, num_layers=2, batch_first=True)
        self.head = nn.Linear(512, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.lstm(x)[0][:, -1])


def _mlp() -> nn.Module:
    return nn.Sequential(*[m for _ in range(4) for m in (nn.Linear(1024, 1024), nn.ReLU())])


# name -> (builder, per-sample input shape, batch, technique)
STANDARD = {
    "mlp-4x1024-b1": (_mlp, (1024,), 1, "dynamic"),
    "mlp-4x1024-b32": (_mlp, (1024,), 32, "dynamic"),
    "resnet18-224-b8": (ResNet18Shaped, (3, 224, 224), 8, "static"),
    "mobilenet_v2-224-b8": (MobileNetV2Shaped, (3, 224, 224), 8, "static"),
    "bert-encoder-4x256-b8": (BertShapedEncoder, (128, 256), 8, "static"),
    "lstm-2x512-b8": (LstmShaped, (32, 256), 8, "dynamic"),
}


def _estimate_batch_norm(model: nn.Module, inputs: torch.Tensor) -> None:
    """Give a random-weight model the batch-norm statistics of its inputs: with the default
    running statistics (mean 0, variance 1) activations saturate or die through 50 layers, the
    logits become constant and every engine's SQNR says nothing."""
    norms = [m for m in model.modules() if isinstance(m, nn.modules.batchnorm._BatchNorm)]
    if not norms:
        return
    for norm in norms:
        norm.reset_running_stats()
        norm.momentum = None  # a cumulative average over the batches below
    model.train()
    with torch.no_grad():
        for start in range(0, len(inputs), 8):
            model(inputs[start:start + 8])


def standard_model(name: str, calibration_samples: int) -> tuple[LoadedModel, int, str]:
    build, shape, batch, technique = STANDARD[name]
    torch.manual_seed(0)
    model = build()
    inputs = torch.randn(calibration_samples + batch, *shape)
    _estimate_batch_norm(model, inputs[:calibration_samples])
    model.eval()
    data = DataBundle(name="random", train_inputs=inputs[:calibration_samples],
                      val_inputs=inputs[calibration_samples:])
    return LoadedModel(name, "", model, data, "bench"), batch, technique


def bench_one(loaded: LoadedModel, technique: str, batch_size: int, threads: int,
              calibration_batches: int) -> None:
    settings = {"threads": threads, "batch_size": batch_size}
    if technique == "static":
        settings["calibration_batches"] = calibration_batches
    if technique == "qat":
        settings["epochs"] = 1
    batch = loaded.data.val_inputs[:batch_size]
    if batch.shape[0] < batch_size:
        batch = loaded.data.example_batch(batch_size)
    with evaluating(loaded.model), torch.inference_mode():
        reference_out = loaded.model(batch).float()
    builds, skipped = {}, {}
    for engine in engines():
        reason = engine.unavailable_reason() or engine.unsupported_reason(loaded.model,
                                                                           technique)
        if reason:
            skipped[engine.name] = reason
            continue
        recipe = recipe_for(technique, engine=engine.name, **settings)
        started = time.perf_counter()
        try:
            with engine_and_threads(recipe), evaluating(loaded.model):
                builds[engine.name] = drive(engine.build(loaded, recipe, CancelToken()))
        except Exception as error:  # noqa: BLE001 - a bench reports and goes on
            skipped[engine.name] = f"{type(error).__name__}: {str(error)[:120]}"
            continue
        builds[engine.name].extra["wall_s"] = time.perf_counter() - started
    models = {"eager fp32": loaded.model}
    for name, build in builds.items():
        models[f"{name} int8"] = build.quantized
        if build.reference is not None:
            models[f"{name} fp32"] = build.reference
    with engine_and_threads(recipe_for(technique, **settings)), evaluating(loaded.model):
        stats = metrics.measure_latencies(models, batch, threads, rounds=30,
                                          max_seconds=3.0 + 1.5 * len(models))
    eager = stats["eager fp32"].median_ms
    print(f"\n{loaded.name}: {technique}, batch {batch.shape[0]}, {threads} thread(s); "
          f"eager fp32 {eager:.3f} ms")
    print(f"  {'engine':12} {'int8 ms':>9} {'p90':>8} {'vs eager':>9} {'vs own fp32':>11} "
          f"{'compile s':>9} {'SQNR dB':>8}")
    rows = {}
    for name, build in builds.items():
        quantized = stats[f"{name} int8"]
        own = stats.get(f"{name} fp32")
        with torch.inference_mode():
            out = build.quantized(batch).float()
        sqnr = metrics.sqnr_db(reference_out, out)
        compile_s = sum(v for k, v in build.prepare_seconds.items() if "compile" in k)
        rows[name] = (quantized.median_ms, sqnr)
        print(f"  {name:12} {quantized.median_ms:9.3f} {quantized.p90_ms:8.3f} "
              f"{eager / quantized.median_ms:8.2f}x "
              f"{'-' if own is None else f'{own.median_ms / quantized.median_ms:10.2f}x':>11} "
              f"{compile_s:9.1f} {sqnr:8.1f}")
    for name, reason in skipped.items():
        print(f"  {name:12} not run: {reason[:140]}")
    if rows:
        recommended = pick_engine(rows) or min(rows, key=lambda n: rows[n][0])
        fastest = min(rows, key=lambda n: rows[n][0])
        ratio = rows[recommended][0] / rows[fastest][0]
        verdict = "meets" if ratio <= GOAL_RATIO else "misses"
        print(f"  recommended: {recommended}; fastest: {fastest}; recommended/fastest "
              f"{ratio:.2f} ({verdict} the {GOAL_RATIO}x goal"
              + ("" if recommended == fastest else ", the fastest loses agreement") + ")")


def main() -> None:
    warnings.filterwarnings("ignore")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="demos and MLPs only")
    parser.add_argument("--models", help="comma-separated names (demos or the standard set)")
    args = parser.parse_args()
    print(f"torch {torch.__version__}, CPU flags: {' '.join(cpu_flags()) or 'unknown'}")
    names = (args.models.split(",") if args.models else
             [n for n in DEMOS if n != "seed-linear"] + list(STANDARD))
    if args.quick and not args.models:
        names = ["digits-mlp", "digits-cnn", "mlp-4x1024-b1", "mlp-4x1024-b32"]
    for name in names:
        if name in STANDARD:
            loaded, batch, technique = standard_model(name, calibration_samples=32)
            bench_one(loaded, technique, batch, args.threads, calibration_batches=4)
        else:
            loaded = load_demo(name)
            for technique in ("dynamic", "static"):
                bench_one(loaded, technique, 32, args.threads, calibration_batches=8)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
