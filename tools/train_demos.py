"""Recreate the demo data and retrain the demo models, deterministically.

    python tools/train_demos.py            # data (needs scikit-learn) and all models
    python tools/train_demos.py digits-cnn # one model

The digits come from the copy of the UCI handwritten digits shipped inside scikit-learn
(``sklearn.datasets.load_digits``, read from the package, never downloaded).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quantgui.core.demos import DEMOS, load_dataset  # noqa: E402
from quantgui.core.resources import resources_dir  # noqa: E402

EPOCHS = {"digits-cnn": 30, "digits-mlp": 40, "digits-lstm": 60, "digits-transformer": 80,
          "digits-wide": 20, "seed-linear": 60}
LEARNING_RATES = {"digits-lstm": 3e-3, "digits-transformer": 1e-3, "seed-linear": 3e-2}

LICENSE_NOTE = """UCI ML hand-written digits datasets (optdigits test part), 1,797 images of 8x8
pixels with values 0..16, 10 classes. Taken from the copy shipped inside scikit-learn
(sklearn/datasets/data/digits.csv.gz, BSD-3-Clause, https://scikit-learn.org).

Original source: E. Alpaydin, C. Kaynak, "Optical Recognition of Handwritten Digits",
UCI Machine Learning Repository, 1998, https://doi.org/10.24432/C50P49 ,
licensed under Creative Commons Attribution 4.0 International (CC BY 4.0).

digits.npz holds: inputs (uint8, 1797x8x8), labels (int64), train_idx / val_idx (a fixed
80/20 split made with numpy seed 0), num_classes.
"""


def write_data() -> None:
    from sklearn.datasets import load_digits

    data_dir = resources_dir() / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    digits = load_digits()
    images = digits.images.astype(np.uint8)
    labels = digits.target.astype(np.int64)
    order = np.random.default_rng(0).permutation(len(labels))
    val_count = round(0.2 * len(labels))
    np.savez_compressed(data_dir / "digits.npz", inputs=images, labels=labels,
                        train_idx=np.sort(order[val_count:]), val_idx=np.sort(order[:val_count]),
                        num_classes=np.int64(10))
    (data_dir / "LICENSE-digits.txt").write_text(LICENSE_NOTE)

    # The seed tutorial's data: 10 random features; the label follows a fixed linear rule, so
    # the Linear(10, 2) model has something real to learn.
    rng = np.random.default_rng(1)
    inputs = rng.standard_normal((500, 10)).astype(np.float32)
    rule = rng.standard_normal(10).astype(np.float32)
    seed_labels = (inputs @ rule > 0).astype(np.int64)
    np.savez_compressed(data_dir / "seed.npz", inputs=inputs, labels=seed_labels,
                        train_idx=np.arange(400), val_idx=np.arange(400, 500),
                        num_classes=np.int64(2))


def train(name: str) -> None:
    demo = DEMOS[name]
    torch.manual_seed(0)
    model = demo.build()
    data = load_dataset(demo.dataset)
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATES.get(name, 1e-3))
    epochs = EPOCHS[name]
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, epochs)
    loss_fn = nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(0)
    start = time.perf_counter()
    for _ in range(epochs):
        model.train()
        order = torch.randperm(data.train_inputs.shape[0], generator=generator)
        for begin in range(0, len(order), 32):
            idx = order[begin:begin + 32]
            optimizer.zero_grad()
            loss_fn(model(data.train_inputs[idx]), data.train_labels[idx]).backward()
            optimizer.step()
        scheduler.step()
    model.eval()
    with torch.no_grad():
        accuracy = (model(data.val_inputs).argmax(1) == data.val_labels).float().mean().item()
    out = resources_dir() / "models" / f"{name}.pt"
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), out)
    print(f"{name}: validation accuracy {accuracy:.4f} "
          f"({time.perf_counter() - start:.1f} s, {out.stat().st_size} bytes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="demos to retrain (default: all, and the data)")
    args = parser.parse_args()
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)  # bitwise reproducible weights
    if not args.names:
        write_data()
    for name in args.names or list(DEMOS):
        train(name)


if __name__ == "__main__":
    main()
