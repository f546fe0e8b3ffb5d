"""The user's own data: random, tensors (.pt/.npy/.npz), CSV, or a folder of images.

Every loader ends in ``DataBundle.validate()``; problems are DataErrors that say what to do.
"""

from __future__ import annotations

import csv
import pickle
from pathlib import Path

import numpy as np
import torch

from quantgui.core.data import DataBundle, split
from quantgui.core.errors import DataError

RANDOM_SAMPLES = 256
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp"}
INPUT_KEYS = ("inputs", "x", "data", "features", "images")
LABEL_KEYS = ("labels", "y", "targets", "target")


def _kind(shape: tuple[int, ...]) -> str:
    return "image" if len(shape) in (2, 3) and shape[-1] > 1 and shape[-2] > 1 else "vector"


def random_data(input_shape: tuple[int, ...], *, count: int = RANDOM_SAMPLES,
                val_fraction: float = 0.2, seed: int = 0) -> DataBundle:
    generator = torch.Generator().manual_seed(seed)
    inputs = torch.randn(count, *input_shape, generator=generator)
    train, val, _, _ = split(inputs, None, val_fraction, seed)
    return DataBundle(name="random", train_inputs=train, val_inputs=val, kind=_kind(input_shape),
                      description=f"random data ({count} Gaussian samples of shape "
                                  f"{tuple(input_shape)}): good for calibration only, no accuracy")


def _to_tensor(value: object, what: str, path: Path) -> torch.Tensor:
    if isinstance(value, np.ndarray):
        if value.dtype == object:
            raise DataError(f"The {what} in {path} are Python objects, not numbers.",
                            "Save a numeric array.")
        value = torch.from_numpy(np.ascontiguousarray(value))
    if not isinstance(value, torch.Tensor):
        raise DataError(f"The {what} in {path} are a {type(value).__name__}, not a tensor.",
                        "Save tensors or NumPy arrays.")
    return value


def _pick(mapping: dict, keys: tuple[str, ...]) -> object | None:
    for key in keys:
        if key in mapping:
            return mapping[key]
    return None


def _load_tensors(path: Path) -> tuple[torch.Tensor, torch.Tensor | None]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".npy":
            return _to_tensor(np.load(path, allow_pickle=False), "inputs", path), None
        if suffix == ".npz":
            with np.load(path, allow_pickle=False) as archive:
                content = {key: archive[key] for key in archive.files}
        else:
            content = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as error:
        if "Unsupported global" not in str(error):
            raise DataError(f"{path} cannot be read as tensor data: it is truncated, corrupt or "
                            "not written by torch.save.", "Save the data again.") from error
        raise DataError(f"{path} holds more than tensors (loading it would run code from the "
                        "file).", "Save only tensors: torch.save((inputs, labels), 'data.pt')."
                        ) from error
    except (ValueError, OSError, RuntimeError, EOFError) as error:
        detail = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
        raise DataError(f"{path} cannot be read as {suffix or 'tensor'} data: {detail}",
                        "Check that the file is complete and of the type its extension says."
                        ) from error
    if isinstance(content, (tuple, list)):
        if len(content) not in (1, 2):
            raise DataError(f"{path} holds {len(content)} items; expected (inputs, labels).",
                            "Save torch.save((inputs, labels), path) or just the inputs.")
        inputs = _to_tensor(content[0], "inputs", path)
        labels = _to_tensor(content[1], "labels", path) if len(content) == 2 else None
        return inputs, labels
    if isinstance(content, dict):
        inputs = _pick(content, INPUT_KEYS)
        if inputs is None:
            raise DataError(f"{path} has no inputs: its keys are {sorted(content)}.",
                            f"Name the inputs one of {', '.join(INPUT_KEYS)}.")
        labels = _pick(content, LABEL_KEYS)
        return (_to_tensor(inputs, "inputs", path),
                None if labels is None else _to_tensor(labels, "labels", path))
    return _to_tensor(content, "inputs", path), None


def _load_csv(path: Path, label_column: str | None
              ) -> tuple[torch.Tensor, torch.Tensor | None, int | None]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if len(rows) < 2:
        raise DataError(f"{path} has no data rows.", "Give a header row and one row per sample.")
    header = [name.strip() for name in rows[0]]
    label_index = None
    if label_column is not None:
        if label_column not in header:
            raise DataError(f"{path} has no column '{label_column}'; its columns are "
                            f"{', '.join(header)}.", "Give one of them as --label-column.")
        label_index = header.index(label_column)
    features, labels = [], []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise DataError(f"Row {number} of {path} has {len(row)} values, the header has "
                            f"{len(header)}.", "Give every row one value per column.")
        values = []
        for index, cell in enumerate(row):
            if index == label_index:
                labels.append(cell.strip())
                continue
            try:
                values.append(float(cell))
            except ValueError:
                raise DataError(f"Row {number}, column '{header[index]}' of {path} is "
                                f"'{cell}', not a number.",
                                "Every column except the label column must be numeric."
                                ) from None
        features.append(values)
    inputs = torch.tensor(features, dtype=torch.float32)
    if label_index is None:
        return inputs, None, None
    try:
        numeric = [int(label) for label in labels]
    except ValueError:
        names = sorted(set(labels))  # class names: numbered in sorted order
        numeric = [names.index(label) for label in labels]
        return inputs, torch.tensor(numeric), len(names)
    return inputs, torch.tensor(numeric), None


def _load_images(folder: Path, image_size: tuple[int, int] | None, mean: tuple[float, ...] | None,
                 std: tuple[float, ...] | None) -> tuple[torch.Tensor, torch.Tensor, int]:
    from PIL import Image, UnidentifiedImageError

    classes = sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not classes:
        raise DataError(f"The folder {folder} has no class sub-folders.",
                        "Put the images in one sub-folder per class (e.g. cats/, dogs/).")
    files = [(path, label) for label, name in enumerate(classes)
             for path in sorted((folder / name).iterdir())
             if path.is_file() and path.suffix.lower() in IMAGE_SUFFIXES]
    empty = [name for name in classes
             if not any(p.suffix.lower() in IMAGE_SUFFIXES for p in (folder / name).iterdir())]
    if not files:
        raise DataError(f"The folder {folder} holds no images in its class sub-folders "
                        f"({', '.join(classes)}).",
                        f"Add images ({', '.join(sorted(IMAGE_SUFFIXES))}).")
    if empty:
        raise DataError(f"The class folder(s) {', '.join(empty)} in {folder} hold no images.",
                        "Add images to them or remove them (each folder is a class).")
    arrays, labels, mode = [], [], None
    for path, label in files:
        try:
            with Image.open(path) as image:
                image.load()
                if mode is None:
                    mode = "L" if image.mode in ("1", "L", "I", "I;16", "F") else "RGB"
                    image_size = image_size or (image.height, image.width)
                picture = image.convert(mode).resize((image_size[1], image_size[0]))
        except (UnidentifiedImageError, OSError) as error:
            raise DataError(f"{path} cannot be read as an image: {error}",
                            "Remove or replace the file.") from error
        array = np.asarray(picture, dtype=np.float32) / 255.0
        arrays.append(array[None] if array.ndim == 2 else array.transpose(2, 0, 1))
        labels.append(label)
    inputs = torch.from_numpy(np.stack(arrays))
    channels = inputs.shape[1]
    for name, values in (("mean", mean), ("std", std)):
        if values is not None and len(values) not in (1, channels):
            raise DataError(f"The image {name} has {len(values)} values, the images have "
                            f"{channels} channel(s).", f"Give 1 or {channels} values.")
    if mean is not None:
        inputs = inputs - torch.tensor(mean, dtype=torch.float32).reshape(-1, 1, 1)
    if std is not None:
        if any(v <= 0 for v in std):
            raise DataError("The image std must be positive.", "Use values such as 0.25.")
        inputs = inputs / torch.tensor(std, dtype=torch.float32).reshape(-1, 1, 1)
    return inputs, torch.tensor(labels), len(classes)


def load_data(source: str | Path, *, input_shape: tuple[int, ...] | None,
              label_column: str | None = None, image_size: tuple[int, int] | None = None,
              val_fraction: float = 0.2, num_classes: int | None = None, seed: int = 0,
              mean: tuple[float, ...] | None = None,
              std: tuple[float, ...] | None = None) -> DataBundle:
    """Load, split and validate data; ``input_shape`` is the model's (per sample), if known."""
    if str(source) == "random":
        if input_shape is None:
            raise DataError("Random data needs the model's input shape.",
                            "Give --input-shape, e.g. 3,32,32 (per sample, without batch).")
        bundle = random_data(tuple(input_shape), val_fraction=val_fraction, seed=seed)
        bundle.validate()
        return bundle
    path = Path(source)
    if not path.exists():
        raise DataError(f"The data {path} does not exist.", "Check the path, or use 'random'.")
    kind = "vector"
    if path.is_dir():
        inputs, labels, found = _load_images(path, image_size, mean, std)
        num_classes = num_classes or found
        kind, description = "image", (f"images from {path.name}/ ({found} classes, "
                                      f"{inputs.shape[0]} images of {tuple(inputs.shape[1:])})")
    elif path.suffix.lower() == ".csv":
        inputs, labels, found = _load_csv(path, label_column)
        num_classes = num_classes or found
        description = f"CSV {path.name} ({inputs.shape[0]} rows, {inputs.shape[1]} features)"
    elif path.suffix.lower() in (".pt", ".pth", ".npy", ".npz"):
        if label_column is not None:
            raise DataError("--label-column applies to CSV data only.", "Leave it out.")
        inputs, labels = _load_tensors(path)
        description = f"{path.name} ({inputs.shape[0] if inputs.ndim else 0} samples)"
    else:
        raise DataError(f"{path} is not a data format QuantGUI reads ('{path.suffix}').",
                        "Use a .pt, .npy, .npz or .csv file, a folder of images in class "
                        "sub-folders, or 'random'.")
    if inputs.ndim == 0 or inputs.shape[0] == 0:
        raise DataError(f"{path} holds no samples.", "Give at least two samples.")
    if labels is not None:
        if labels.ndim != 1 or labels.shape[0] != inputs.shape[0]:
            raise DataError(f"{path} has {inputs.shape[0]} inputs but labels of shape "
                            f"{tuple(labels.shape)}.", "Give exactly one label per input.")
        if labels.is_floating_point() and not torch.equal(labels, labels.round()):
            raise DataError(f"The labels in {path} are not whole numbers.",
                            "Labels must be class indices 0, 1, 2, ...")
        labels = labels.long()
        if num_classes is None and labels.numel():
            num_classes = int(labels.max().item()) + 1
            if labels.min().item() < 0:
                raise DataError(f"The labels in {path} include {labels.min().item()}.",
                                "Labels must be class indices from 0 up.")
    inputs = inputs.float()
    if input_shape is not None and tuple(inputs.shape[1:]) != tuple(input_shape):
        if inputs[0].numel() == int(np.prod(input_shape)):
            inputs = inputs.reshape(inputs.shape[0], *input_shape)
        else:
            raise DataError(f"The samples in {path} have shape {tuple(inputs.shape[1:])}, the "
                            f"model expects {tuple(input_shape)}.",
                            "Give data of the model's input shape (for images, --image-size).")
    train, val, train_labels, val_labels = split(inputs, labels, val_fraction, seed)
    bundle = DataBundle(name=path.name, train_inputs=train, val_inputs=val,
                        train_labels=train_labels, val_labels=val_labels,
                        num_classes=num_classes if labels is not None else None,
                        kind="image" if kind == "image" else _kind(tuple(inputs.shape[1:])),
                        description=description)
    bundle.validate()
    return bundle
