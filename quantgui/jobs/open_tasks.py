"""Jobs behind the Open model dialog: read what a model file is, and preview the data.

Both run in a worker (``JobRunner``), never on the GUI thread: a .pt2 program or a large CSV can
take seconds to read. Nothing here imports user code: a Python file is scanned with ``ast``, a
pickle is only opened with ``weights_only=True``.
"""

from __future__ import annotations

import ast
import collections
import csv
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from quantgui.core.errors import DataError, ModelError
from quantgui.core.events import CancelToken
from quantgui.jobs.worker import JobFn

PREVIEW_ROWS = 6
THUMBNAILS = 8
THUMBNAIL_SIZE = 56
LABEL_NAMES = ("label", "labels", "target", "targets", "class", "y")


@dataclass
class ModelInfo:
    """What a model file is: ``kind`` is export, python, torchscript, pickle or weights."""

    path: str
    kind: str
    input_shape: tuple[int, ...] | None = None
    classes: list[str] = field(default_factory=list)
    note: str = ""  # why the input shape could not be read, where it should have been


@dataclass
class DataPreview:
    """The first rows or images of a data source, and how many samples each class has."""

    key: tuple
    kind: str  # csv, images, tensors
    total: int = 0
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    label_column: str | None = None
    class_counts: dict[str, int] = field(default_factory=dict)
    thumbnails: list[tuple[bytes, int, int, str]] = field(default_factory=list)  # RGB888
    shape: tuple[int, ...] | None = None


# ----------------------------------------------------------------------------- model files

def _base_name(node: ast.expr) -> str:
    try:
        return ast.unparse(node)
    except Exception:  # noqa: BLE001 - an odd expression is just not a known base
        return ""


def module_classes(source: str, filename: str = "<model>") -> list[str]:
    """The top-level classes deriving (directly or through each other) from an nn.Module.

    A text scan: the file is parsed, never imported, so none of its code runs.
    """
    try:
        tree = ast.parse(source, filename=filename)
    except SyntaxError as error:
        raise ModelError(f"{filename} is not valid Python: line {error.lineno}: {error.msg}.",
                         "Fix the file, then choose it again.") from error
    classes = [node for node in tree.body if isinstance(node, ast.ClassDef)]
    found: list[str] = []
    changed = True
    while changed:
        changed = False
        for node in classes:
            if node.name in found:
                continue
            for base in map(_base_name, node.bases):
                last = base.rpartition(".")[2]
                torch_base = base.startswith(("nn.", "torch.nn.")) or last == "Module"
                if torch_base or base in found:
                    found.append(node.name)
                    changed = True
                    break
    order = {node.name: index for index, node in enumerate(classes)}
    return sorted(found, key=order.__getitem__)


def _whole_pickle(path: Path) -> bool:
    """True when the torch.save file holds objects other than tensors (a whole model)."""
    import torch

    try:
        try:
            torch.load(path, map_location="cpu", weights_only=True, mmap=True)
        except RuntimeError as error:  # the legacy (non-zip) format cannot be mapped
            if "mmap" not in str(error):
                raise
            torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as error:
        return "Unsupported global" in str(error)
    except Exception:  # noqa: BLE001 - corrupt: the real load reports it in detail
        return False
    return False


def inspect_model_job(path: str) -> JobFn:
    def job(cancel: CancelToken) -> ModelInfo:
        from quantgui.core.errors import QuantGUIError
        from quantgui.core.sources import check_file, detect_kind, load_model_file

        file = Path(path)
        check_file(file, "model file")
        kind = detect_kind(file)
        if kind == "python":
            text = file.read_text(encoding="utf-8", errors="replace")
            classes = module_classes(text, file.name)
            if not classes:
                raise ModelError(f"{file.name} defines no nn.Module subclass.",
                                 "Choose the Python file that defines the model's class.")
            return ModelInfo(path, kind, classes=classes)
        if kind == "export":
            from quantgui.core.pt2_safety import check_pt2

            # Before torch reads it: a crafted .pt2 runs code from the file as it loads. A
            # refusal fails the inspection, so the dialog cannot be accepted.
            check_pt2(file)
            cancel.raise_if_cancelled()
            try:
                shape = load_model_file(path).input_shape
            except QuantGUIError as error:
                return ModelInfo(path, kind, note=f"{error.message} {error.hint}".strip())
            return ModelInfo(path, kind, input_shape=shape)
        if kind == "torch_save":
            cancel.raise_if_cancelled()
            return ModelInfo(path, "pickle" if _whole_pickle(file) else "weights")
        return ModelInfo(path, kind)

    return job


# ----------------------------------------------------------------------------- data preview

def _preview_csv(path: Path, label_column: str | None, cancel: CancelToken,
                 key: tuple) -> DataPreview:
    try:
        handle = open(path, newline="", encoding="utf-8-sig")  # noqa: SIM115 - closed below
    except OSError as error:
        raise DataError(f"{path} cannot be read: {error.strerror}.", "Check the file.") from error
    with handle:
        reader = csv.reader(handle)
        header: list[str] = []
        for row in reader:
            if any(cell.strip() for cell in row):
                header = [name.strip() for name in row]
                break
        if not header:
            raise DataError(f"{path} is empty.", "Give a header row and one row per sample.")
        if label_column is None:
            lowered = [name.lower() for name in header]
            named = [header[lowered.index(n)] for n in LABEL_NAMES if n in lowered]
            label_column = named[0] if named else header[-1]
        index = header.index(label_column) if label_column in header else None
        preview = DataPreview(key, "csv", header=header,
                              label_column=label_column if index is not None else "")
        counts: collections.Counter[str] = collections.Counter()
        for number, row in enumerate(reader):
            if not any(cell.strip() for cell in row):
                continue
            if len(preview.rows) < PREVIEW_ROWS:
                preview.rows.append(row)
            preview.total += 1
            if index is not None and index < len(row):
                counts[row[index].strip()] += 1
            if number % 10_000 == 0:
                cancel.raise_if_cancelled()
    preview.class_counts = dict(sorted(counts.items()))
    return preview


def _preview_images(folder: Path, cancel: CancelToken, key: tuple) -> DataPreview:
    from PIL import Image, UnidentifiedImageError

    from quantgui.core.datasets import IMAGE_SUFFIXES

    if not folder.is_dir():
        raise DataError(f"{folder} is not a folder.", "Choose a folder with one sub-folder per "
                                                      "class.")
    classes = sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not classes:
        raise DataError(f"The folder {folder} has no class sub-folders.",
                        "Put the images in one sub-folder per class (e.g. cats/, dogs/).")
    preview = DataPreview(key, "images")
    per_class = max(1, THUMBNAILS // len(classes))
    for name in classes:
        cancel.raise_if_cancelled()
        files = sorted(p for p in (folder / name).iterdir()
                       if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES)
        preview.class_counts[name] = len(files)
        preview.total += len(files)
        for file in files[:per_class]:
            if len(preview.thumbnails) >= THUMBNAILS:
                break
            try:
                with Image.open(file) as image:
                    image.load()
                    picture = image.convert("RGB")
                    if preview.shape is None:
                        channels = 1 if image.mode in ("1", "L", "I", "I;16", "F") else 3
                        preview.shape = (channels, image.height, image.width)
            except (UnidentifiedImageError, OSError) as error:
                raise DataError(f"{file} cannot be read as an image: {error}",
                                "Remove or replace the file.") from error
            picture.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE))
            preview.thumbnails.append((picture.tobytes(), picture.width, picture.height, name))
    return preview


def _preview_tensors(path: Path, key: tuple) -> DataPreview:
    import torch

    from quantgui.core.datasets import load_data

    bundle = load_data(path, input_shape=None, val_fraction=0.2)
    preview = DataPreview(key, "tensors", shape=bundle.input_shape,
                          total=int(bundle.train_inputs.shape[0] + bundle.val_inputs.shape[0]))
    if bundle.train_labels is not None and bundle.val_labels is not None:
        labels = torch.cat([bundle.train_labels, bundle.val_labels])
        counts = torch.bincount(labels, minlength=bundle.num_classes or 0)
        preview.class_counts = {str(i): int(c) for i, c in enumerate(counts.tolist())}
    return preview


def preview_data_job(kind: str, path: str, label_column: str | None = None) -> JobFn:
    """``kind`` is csv, images or tensors. ``label_column`` None: guess it (CSV)."""
    key = (kind, path, label_column)

    def job(cancel: CancelToken) -> DataPreview:
        source = Path(path)
        if not source.exists():
            raise DataError(f"{source} does not exist.", "Check the path.")
        if kind == "csv":
            return _preview_csv(source, label_column, cancel, key)
        if kind == "images":
            return _preview_images(source, cancel, key)
        return _preview_tensors(source, key)

    return job
