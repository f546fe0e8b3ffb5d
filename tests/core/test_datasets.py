"""The user's own data, written for real in tmp_path."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from quantgui.core.datasets import load_data
from quantgui.core.errors import DataError


def test_random_data_has_the_model_shape_and_no_labels():
    data = load_data("random", input_shape=(3, 4, 4))
    assert data.input_shape == (3, 4, 4) and not data.has_labels
    assert "good for calibration only, no accuracy" in data.description


def test_tensor_formats(tmp_path):
    inputs, labels = torch.randn(30, 5), torch.arange(30) % 3
    torch.save((inputs, labels), tmp_path / "tuple.pt")
    torch.save({"x": inputs, "targets": labels}, tmp_path / "dict.pt")
    np.save(tmp_path / "inputs.npy", inputs.numpy())
    np.savez(tmp_path / "arrays.npz", inputs=inputs.numpy(), labels=labels.numpy())
    for name in ("tuple.pt", "dict.pt", "arrays.npz"):
        data = load_data(tmp_path / name, input_shape=(5,), val_fraction=0.2)
        assert data.has_labels and data.num_classes == 3 and data.val_inputs.shape == (6, 5)
    data = load_data(tmp_path / "inputs.npy", input_shape=(5,))
    assert not data.has_labels and data.train_inputs.shape == (24, 5)
    # flat samples are reshaped to the model's shape when the sizes agree
    assert load_data(tmp_path / "inputs.npy", input_shape=(1, 5)).input_shape == (1, 5)


def test_csv_with_a_label_column(tmp_path):
    rows = ["a,b,species"] + [f"{i},{i * 0.5},{'cat' if i % 2 else 'dog'}" for i in range(10)]
    (tmp_path / "d.csv").write_text("\n".join(rows) + "\n")
    data = load_data(tmp_path / "d.csv", input_shape=(2,), label_column="species")
    assert data.num_classes == 2 and data.input_shape == (2,)
    (tmp_path / "bad.csv").write_text("a,b,y\n1,2,0\n3,oops,1\n")
    with pytest.raises(DataError, match="Row 3, column 'b' .* 'oops', not a number"):
        load_data(tmp_path / "bad.csv", input_shape=None, label_column="y")
    with pytest.raises(DataError, match="no column 'label'.*a, b, y"):
        load_data(tmp_path / "bad.csv", input_shape=None, label_column="label")


def test_image_folder(tmp_path):
    from PIL import Image

    for label, colour in (("b_red", (255, 0, 0)), ("a_blue", (0, 0, 255))):
        (tmp_path / label).mkdir()
        for index in range(3):
            Image.new("RGB", (10, 6), colour).save(tmp_path / label / f"{index}.png")
    data = load_data(tmp_path, input_shape=(3, 4, 4), image_size=(4, 4), val_fraction=0.5)
    assert data.kind == "image" and data.num_classes == 2 and data.input_shape == (3, 4, 4)
    everything = torch.cat([data.train_inputs, data.val_inputs])
    labels = torch.cat([data.train_labels, data.val_labels])
    assert everything.min() >= 0.0 and everything.max() <= 1.0
    assert torch.all(everything[labels == 0][:, 2] == 1.0)  # a_blue sorts first: label 0
    default = load_data(tmp_path, input_shape=None, mean=(0.5,), std=(0.5,))
    assert default.input_shape == (3, 6, 10) and default.train_inputs.min() == -1.0


@pytest.mark.parametrize("make, message", [
    (lambda p: torch.save((torch.tensor([[1.0, float("nan")]] * 4), torch.zeros(4)), p / "d.pt"),
     "NaN or infinite"),
    (lambda p: torch.save((torch.tensor([[1.0, float("inf")]] * 4),), p / "d.pt"),
     "NaN or infinite"),
    (lambda p: torch.save((torch.randn(5, 2), torch.zeros(4)), p / "d.pt"),
     "5 inputs but labels of shape"),
    (lambda p: torch.save((torch.randn(8, 2), torch.arange(8)), p / "d.pt"),
     "outside 0..2"),
    (lambda p: torch.save({"w": torch.randn(3)}, p / "d.pt"), "no inputs: its keys"),
    (lambda p: (p / "d.pt").write_bytes(b"not a tensor file"), "cannot be read"),
])
def test_bad_data_files(tmp_path, make, message):
    make(tmp_path)
    with pytest.raises(DataError, match=message):
        load_data(tmp_path / "d.pt", input_shape=None, num_classes=3)


def test_empty_image_folders(tmp_path):
    with pytest.raises(DataError, match="no class sub-folders"):
        load_data(tmp_path, input_shape=None)
    (tmp_path / "cats").mkdir()
    with pytest.raises(DataError, match="holds no images"):
        load_data(tmp_path, input_shape=None)


def test_wrong_sample_shape(tmp_path):
    torch.save(torch.randn(6, 7), tmp_path / "d.pt")
    with pytest.raises(DataError, match=r"shape \(7,\), the model expects \(3, 8, 8\)"):
        load_data(tmp_path / "d.pt", input_shape=(3, 8, 8))


@pytest.mark.parametrize("fraction", [float("nan"), "0.2", True, 0.0, 1.0])
def test_validation_fraction_that_is_not_a_fraction(tmp_path, fraction):
    torch.save(torch.randn(6, 3), tmp_path / "d.pt")
    with pytest.raises(DataError, match="validation fraction .* is not between 0 and 1"):
        load_data(tmp_path / "d.pt", input_shape=None, val_fraction=fraction)


@pytest.mark.parametrize("source", ["bad\0name.csv", "x" * 5000 + ".csv"])
def test_data_paths_the_system_cannot_take(source):
    with pytest.raises(DataError, match="cannot be used|does not exist"):
        load_data(source, input_shape=None)
