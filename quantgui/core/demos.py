"""The demo models: real architectures trained on real data, shipped in ``resources/``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from quantgui.core import zoo
from quantgui.core.data import DataBundle
from quantgui.core.errors import ModelError
from quantgui.core.resources import resources_dir


@dataclass(frozen=True)
class Demo:
    name: str
    description: str
    build: Callable[[], nn.Module]
    dataset: str


# Each description says what the demo shows on a small CPU (int8 against float32 with the
# default engine, batch 32, 2 threads, on the 2-core x86 CPUs of bench/results/engines-*.txt),
# and never promises a speed-up that does not happen on each of them (tests/core/test_demos.py).
DEMOS: dict[str, Demo] = {demo.name: demo for demo in (
    Demo("digits-cnn", "Conv-BatchNorm-ReLU network on 8x8 handwritten digits: static "
         "quantization fuses each block into int8 kernels, 2-3x faster than float at a "
         "quarter of the size; dynamic leaves its convolutions float.", zoo.DigitsCNN,
         "digits"),
    Demo("digits-mlp", "Three-layer perceptron on 8x8 handwritten digits, 0.1 ms a batch: so "
         "small that int8 runs slower than float; it shows the 4x smaller weights and the "
         "accuracy kept.", zoo.DigitsMLP, "digits"),
    Demo("digits-lstm", "LSTM that reads each digit image row by row: dynamic quantization "
         "makes its weights int8 (a quarter of the size) but runs slower than float, since "
         "below ~1 ms a call quantizing the activations costs more than int8 saves.",
         zoo.DigitsLSTM, "digits"),
    Demo("digits-transformer", "Small transformer encoder over the image rows as tokens "
         "(attention, LayerNorm, GELU): int8 keeps its accuracy, but at this size it is no "
         "faster than float (static runs slower).", zoo.DigitsTransformer, "digits"),
    Demo("digits-wide", "Wide MLP (3 x Linear 1024) on digits: large enough for int8 to run "
         "faster than float, 1.4-4.6x depending on the CPU (dynamic and static).",
         zoo.DigitsWideMLP, "digits"),
    Demo("seed-linear", "The seed tutorial's Linear(10, 2) on random data: so small that int8 "
         "is slower than float and, with file overhead, larger.", zoo.SeedLinear, "seed"),
)}

DEFAULT_DEMO = "digits-cnn"


@dataclass
class LoadedModel:
    """A float model ready to quantize, with the data that goes with it."""

    name: str
    description: str
    model: nn.Module
    data: DataBundle
    source: str
    model_args: dict | None = None  # constructor arguments of a user's Python class
    # what the source says of it for the report: weights, inputs, the output compared
    details: dict | None = None


def demo_names() -> list[str]:
    return list(DEMOS)


def get_demo(name: str) -> Demo:
    demo = DEMOS.get(name)
    if demo is None:
        raise ModelError(f"There is no demo called '{name}'.",
                         f"Available demos: {', '.join(DEMOS)}.")
    return demo


def load_dataset(name: str) -> DataBundle:
    """The digits (UCI, via scikit-learn; see resources/data/LICENSE-digits.txt) or seed data."""
    path = resources_dir() / "data" / f"{name}.npz"
    if not path.is_file():
        raise ModelError(f"The demo data file {path} is missing.",
                         "Run tools/train_demos.py to recreate it, or reinstall QuantGUI.")
    with np.load(path, allow_pickle=False) as archive:
        inputs = torch.from_numpy(archive["inputs"].astype(np.float32))
        labels = torch.from_numpy(archive["labels"].astype(np.int64))
        train_idx = torch.from_numpy(archive["train_idx"].astype(np.int64))
        val_idx = torch.from_numpy(archive["val_idx"].astype(np.int64))
        num_classes = int(archive["num_classes"])
    if name == "digits":
        inputs = inputs.reshape(-1, 1, 8, 8) / 16.0  # pixel values are 0..16
        kind, description = "image", "UCI handwritten digits, 8x8 pixels, 10 classes"
    else:
        kind, description = "vector", "Random vectors of 10 values, 2 classes from a fixed rule"
    return DataBundle(name=name, train_inputs=inputs[train_idx], val_inputs=inputs[val_idx],
                      train_labels=labels[train_idx], val_labels=labels[val_idx],
                      num_classes=num_classes, kind=kind, description=description)


def load_demo(name: str) -> LoadedModel:
    demo = get_demo(name)
    model = demo.build()
    weights = resources_dir() / "models" / f"{name}.pt"
    if not weights.is_file():
        raise ModelError(f"The weights of demo '{name}' are missing ({weights}).",
                         "Run tools/train_demos.py to recreate them.")
    state = torch.load(weights, map_location="cpu", weights_only=True)
    model.load_state_dict(state)
    model.eval()
    return LoadedModel(name=name, description=demo.description, model=model,
                       data=load_dataset(demo.dataset), source=f"demo:{name}")
