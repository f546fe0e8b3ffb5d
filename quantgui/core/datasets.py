"""The user's own data: random, tensors (.pt/.npy/.npz), CSV, or a folder of images.

Every loader ends in ``DataBundle.validate()``; problems are DataErrors that say what to do.
"""

from __future__ import annotations

import csv
import math
import pickle
import warnings
import zipfile
from pathlib import Path
from typing import IO, Any

import numpy as np
import torch

from quantgui.core import texts as core_texts
from quantgui.core.data import DataBundle, split
from quantgui.core.errors import DataError
from quantgui.core.events import CancelToken, EventStream, Progress, drive
from quantgui.core.limits import check_allocation, check_regular_file, fmt_size

RANDOM_SAMPLES = 256
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp"}
INPUT_KEYS = ("inputs", "x", "data", "features", "images")
LABEL_KEYS = ("labels", "y", "targets", "target")
# Pillow refuses images over this many pixels (and warns at half of twice it) as decompression
# bombs: a few-KiB PNG can declare 100 000 x 100 000 pixels.
MAX_IMAGE_PIXELS = 64 * 1024 * 1024
MAX_CLASSES = 2**31  # larger "labels" are not class indices (and overflow int64 further on)
FLOAT32_MAX = float(np.finfo(np.float32).max)
NUMERIC_KINDS = "biuf"  # NumPy dtype kinds that are numbers torch can take
DTYPE_KINDS = {"c": "complex numbers", "M": "dates", "m": "time spans", "U": "text",
               "S": "bytes", "V": "records (a structured dtype)", "O": "Python objects"}
SHOWN = 80  # characters of a bad value or cell quoted in a message
PROGRESS_STEPS = 50  # at most about this many progress events for images read, texts tokenized
TOKENIZE_CHUNK = 256  # texts tokenized at once, at least


def _shown(text: object, limit: int = SHOWN) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _detail(error: BaseException) -> str:
    """The first line of an exception, cut short, with its type: for 'cannot be read' messages."""
    name = type(error).__name__
    if name == "error":  # struct.error, zlib.error: the module says what failed
        name = f"{type(error).__module__.lstrip('_')}.error"
    lines = str(error).splitlines()
    return f"{name}: {_shown(lines[0], 160)}" if lines else name


def _kind(shape: tuple[int, ...]) -> str:
    return "image" if len(shape) in (2, 3) and shape[-1] > 1 and shape[-2] > 1 else "vector"


def random_data(input_shape: tuple[int, ...], *, count: int = RANDOM_SAMPLES,
                val_fraction: float = 0.2, seed: int = 0) -> DataBundle:
    # Refused before torch.randn asks for it: --input-shape 1000000,1000000 is 1 TiB a sample.
    from math import prod

    from quantgui.core.limits import check_allocation as _check_allocation

    _check_allocation(count * prod(input_shape) * 4,
                      f"random data ({count} samples of shape {tuple(input_shape)}, float32)",
                      error=DataError, hint="Check the input shape: it is per sample, "
                                            "e.g. 3,32,32.")
    generator = torch.Generator().manual_seed(seed)
    inputs = torch.randn(count, *input_shape, generator=generator)
    train, val, _, _ = split(inputs, None, val_fraction, seed)
    return DataBundle(name="random", train_inputs=train, val_inputs=val, kind=_kind(input_shape),
                      description=core_texts.MODEL_RANDOM_DATA.format(count=count,
                                                                 shape=tuple(input_shape)))


def _check_dtype(dtype: np.dtype, what: str, path: Path) -> None:
    if dtype.kind not in NUMERIC_KINDS:
        kind = DTYPE_KINDS.get(dtype.kind, f"dtype {dtype}")
        raise DataError(f"The {what} in {path} are {kind} ({_shown(dtype)}), not numbers.",
                        "Save a numeric array (float32 inputs, integer labels).")


def _to_tensor(value: object, what: str, path: Path) -> torch.Tensor:
    if isinstance(value, np.ndarray):
        _check_dtype(value.dtype, what, path)
        if value.dtype.kind == "u" and value.dtype.itemsize > 1:
            # torch has few kernels for uint16/32/64: widen (exactly, below 2**63) first
            value = (value.astype(np.int64) if not value.size or value.max() < 2**63
                     else value.astype(np.float64))
        value = np.ascontiguousarray(value, dtype=value.dtype.newbyteorder("="))
        value = torch.from_numpy(value)
    if not isinstance(value, torch.Tensor):
        raise DataError(f"The {what} in {path} are a {type(value).__name__}, not a tensor.",
                        "Save tensors or NumPy arrays.")
    if value.layout != torch.strided or value.is_quantized or value.is_complex():
        raise DataError(f"The {what} in {path} are a {value.layout} {value.dtype} tensor.",
                        "Save a plain (dense, real, not quantized) tensor.")
    if value.dtype in (torch.uint16, torch.uint32, torch.uint64):
        value = _to_tensor(value.numpy(), what, path)
    # A tensor with zero strides shows a huge shape over a tiny storage; copying it to float32
    # (and splitting it) would allocate it for real.
    check_allocation(value.numel() * 4 * 2, f"{what} in {path}", error=DataError,
                     hint="Use a smaller data set.")
    return value


def _pick(mapping: dict, keys: tuple[str, ...]) -> object | None:
    for key in keys:
        if key in mapping:
            return mapping[key]
    return None


def _npy_header(handle: IO[bytes], stored: int, source: str, path: Path) -> None:
    """Check an .npy header before NumPy allocates what it declares: a 100-byte file can
    declare terabytes. ``stored`` is the size of the .npy data (file or zip member)."""
    version = np.lib.format.read_magic(handle)
    if version == (1, 0):
        shape, _, dtype = np.lib.format.read_array_header_1_0(handle)
    elif version in ((2, 0), (3, 0)):  # 3.0 differs only in a UTF-8 header: field names
        shape, _, dtype = np.lib.format.read_array_header_2_0(handle)
    else:
        raise DataError(f"{source} is a NumPy file of unknown version {version}.",
                        "Save it again with numpy.save.")
    _check_dtype(dtype, "values", path)
    nbytes = math.prod(shape) * dtype.itemsize
    left = stored - handle.tell()
    what = f"array in {source} (shape {_shown(shape)}, {dtype})"
    if nbytes > left:
        raise DataError(f"The {what} needs {fmt_size(nbytes)} but the file holds only "
                        f"{fmt_size(max(left, 0))} of data.",
                        "The file is truncated or corrupt: save the data again.")
    check_allocation(nbytes, what, error=DataError, hint="Use a smaller data set.")


def _read_npy(path: Path) -> np.ndarray:
    with open(path, "rb") as handle:
        if handle.read(6) != np.lib.format.MAGIC_PREFIX:
            raise DataError(f"{path} is not a NumPy .npy file.",
                            "Save the array with numpy.save, or give the file its own "
                            "extension (.npz, .pt, .csv).")
        handle.seek(0)
        _npy_header(handle, path.stat().st_size, str(path), path)
        handle.seek(0)
        return np.lib.format.read_array(handle, allow_pickle=False)


def _read_npz(path: Path) -> dict[str, np.ndarray]:
    content: dict[str, np.ndarray] = {}
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        check_allocation(sum(info.file_size for info in members), f"arrays in {path}",
                         error=DataError, hint="Use a smaller data set.")
        for info in members:
            if info.is_dir():
                continue
            source = f"{path} (member {_shown(info.filename, 60)})"
            with archive.open(info) as member:
                if member.read(6) != np.lib.format.MAGIC_PREFIX:
                    raise DataError(f"{source} is not a NumPy array.",
                                    "Save the arrays with numpy.savez.")
            with archive.open(info) as member:
                _npy_header(member, info.file_size, source, path)
            with archive.open(info) as member:
                key = info.filename[:-4] if info.filename.endswith(".npy") else info.filename
                content[key] = np.lib.format.read_array(member, allow_pickle=False)
    return content


def _read_pt(path: Path) -> object:
    if zipfile.is_zipfile(path):
        # torch's zip records are read whole: refuse what would not fit before reading
        with zipfile.ZipFile(path) as archive:
            declared = sum(info.file_size for info in archive.infolist())
        check_allocation(declared, f"tensors in {path}", error=DataError,
                         hint="Use a smaller data set.")
    return torch.load(path, map_location="cpu", weights_only=True)


def _load_tensors(path: Path, signature: Any = None
                  ) -> tuple[torch.Tensor, torch.Tensor | None]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".npy":
            return _to_tensor(_read_npy(path), "inputs", path), None
        content = _read_npz(path) if suffix == ".npz" else _read_pt(path)
    except DataError:
        raise
    except pickle.UnpicklingError as error:
        if "Unsupported global" not in str(error):
            raise DataError(f"{path} cannot be read as tensor data: it is truncated, corrupt or "
                            "not written by torch.save.", "Save the data again.") from error
        raise DataError(f"{path} holds more than tensors (loading it would run code from the "
                        "file).", "Save only tensors: torch.save((inputs, labels), 'data.pt')."
                        ) from error
    except MemoryError as error:
        raise DataError(f"{path} declares more data than fits in memory.",
                        "Use a smaller data set.") from error
    except Exception as error:  # noqa: BLE001 - the parsers of a hostile file raise anything
        # (BadZipFile, zlib.error, struct.error, EOFError, ValueError, RuntimeError, ...): all
        # mean the same thing to the user.
        raise DataError(f"{path} cannot be read as {suffix or 'tensor'} data: {_detail(error)}",
                        "Check that the file is complete and of the type its extension says."
                        ) from error
    if isinstance(content, (tuple, list)):
        if len(content) not in (1, 2):
            raise DataError(f"{path} holds {len(content)} items; expected (inputs, labels).",
                            "Save torch.save((inputs, labels), path) or just the inputs.")
        inputs = _to_tensor(content[0], "inputs", path)
        labels = _to_tensor(content[1], "labels", path) if len(content) == 2 else None
        return inputs, labels
    named = _named_inputs(content, signature, path)
    if named is not None:
        labels = _pick(content, LABEL_KEYS)
        return named, None if labels is None else _to_tensor(labels, "labels", path)
    if isinstance(content, dict):
        inputs = _pick(content, INPUT_KEYS)
        if inputs is None:
            keys = _shown(", ".join(sorted(_shown(key, 40) for key in content)), 200)
            raise DataError(f"{path} has no inputs: its keys are {keys or 'none'}.",
                            f"Name the inputs one of {', '.join(INPUT_KEYS)}.")
        labels = _pick(content, LABEL_KEYS)
        return (_to_tensor(inputs, "inputs", path),
                None if labels is None else _to_tensor(labels, "labels", path))
    return _to_tensor(content, "inputs", path), None


def _class_indices(labels: torch.Tensor, path: Path) -> torch.Tensor:
    """Labels as int64 class indices, or a DataError that says why they are not."""
    if labels.dtype == torch.bool:
        labels = labels.long()
    if labels.is_floating_point():
        if not torch.isfinite(labels).all():
            raise DataError(f"The labels in {path} include NaN or infinite values.",
                            "Labels must be class indices 0, 1, 2, ...")
        if not torch.equal(labels, labels.round()):
            raise DataError(f"The labels in {path} are not whole numbers.",
                            "Labels must be class indices 0, 1, 2, ...")
    if labels.numel():
        low, high = labels.min().item(), labels.max().item()
        if low < 0:
            raise DataError(f"The labels in {path} include {_shown(low)}.",
                            "Labels must be class indices from 0 up.")
        if high >= MAX_CLASSES:
            raise DataError(f"The labels in {path} go up to {_shown(high)}: not class indices.",
                            "Labels must be class indices 0, 1, 2, ... (one per class).")
    return labels.long()


def _csv_rows(path: Path) -> list[list[str]]:
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            return list(csv.reader(handle))
    except UnicodeDecodeError as error:
        byte = error.object[error.start:error.start + 1].hex() if error.object else "?"
        raise DataError(f"{path} is not UTF-8 text: byte 0x{byte} cannot be decoded as UTF-8.",
                        "Save the CSV with the UTF-8 encoding (in a spreadsheet: 'CSV UTF-8')."
                        ) from None
    except csv.Error as error:  # e.g. a field over the csv module's limit (131072 characters)
        raise DataError(f"{path} cannot be read as CSV: {_shown(error, 160)}.",
                        "Check the quotes and the delimiter (commas): no number is that long."
                        ) from None
    except OSError as error:
        raise DataError(f"{path} cannot be read: {error.strerror or _detail(error)}.",
                        "Check the file and its permissions.") from None


def _load_csv(path: Path, label_column: str | None
              ) -> tuple[torch.Tensor, torch.Tensor | None, int | None]:
    rows = [row for row in _csv_rows(path) if any(cell.strip() for cell in row)]
    if len(rows) < 2:
        raise DataError(f"{path} has no data rows.", "Give a header row and one row per sample.")
    header = [name.strip() for name in rows[0]]
    label_index = None
    if label_column is not None:
        if label_column not in header:
            raise DataError(f"{path} has no column '{_shown(label_column)}'; its columns are "
                            f"{_shown(', '.join(header), 200)}.",
                            "Give one of them as --label-column.")
        label_index = header.index(label_column)
    if len(header) - (label_index is not None) < 1:
        raise DataError(f"{path} has no feature columns, only the label column.",
                        "Give at least one numeric column besides the labels.")
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
                value = float(cell)
            except ValueError:
                raise DataError(f"Row {number}, column '{_shown(header[index], 40)}' of {path} "
                                f"is '{_shown(cell)}', not a number.",
                                "Every column except the label column must be numeric."
                                ) from None
            if abs(value) > FLOAT32_MAX:  # inf, or finite but over float32's range
                raise DataError(f"Row {number}, column '{_shown(header[index], 40)}' of {path} "
                                f"is {_shown(cell.strip())}, beyond float32's range (±3.4e38).",
                                "Scale or clean the data: infinite values cannot be quantized.")
            values.append(value)
        features.append(values)
    inputs = torch.tensor(features, dtype=torch.float32)
    if label_index is None:
        return inputs, None, None
    try:
        numeric = [int(label) for label in labels]
    except ValueError:  # class names (or numbers past Python's digit limit): sorted order
        index_of = {name: index for index, name in enumerate(sorted(set(labels)))}
        return inputs, torch.tensor([index_of[label] for label in labels]), len(index_of)
    for number, label in enumerate(numeric, start=2):
        if not -MAX_CLASSES < label < MAX_CLASSES:
            raise DataError(f"The label in row {number} of {path} is {_shown(label)}: not a "
                            "class index.", "Labels must be class indices 0, 1, 2, ... or names.")
    return inputs, torch.tensor(numeric), None


def _image_array(path: Path, image_size: tuple[int, int] | None, mode: str | None
                 ) -> tuple[np.ndarray, str, tuple[int, int]]:
    """One image as float32 in [0, 1] (HxW or HxWxC), in the folder's mode and size."""
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS  # explicit, not whatever Pillow's default is
    try:
        with warnings.catch_warnings():
            # Pillow only warns between the limit and twice it: refuse those too
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                image.load()
                mode = mode or ("L" if image.mode in ("1", "L", "I", "I;16", "F") else "RGB")
                image_size = image_size or (image.height, image.width)
                picture = image.convert(mode).resize((image_size[1], image_size[0]))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise DataError(f"{path} is too large to decode safely (a decompression bomb, or a huge "
                        f"picture): {_shown(error, 160)}",
                        f"Use images of at most {MAX_IMAGE_PIXELS:,} pixels (resize them first)."
                        ) from None
    except Exception as error:  # noqa: BLE001 - Pillow's decoders raise anything on bad files
        raise DataError(f"{path} cannot be read as an image: {_detail(error)}",
                        "Remove or replace the file: every file with an image extension in a "
                        "class folder must be an image.") from None
    return np.asarray(picture, dtype=np.float32) / 255.0, mode, image_size


def _list_dir(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError as error:
        raise DataError(f"The folder {folder} cannot be read: {error.strerror or error}.",
                        "Check its permissions.") from None


def _load_images(folder: Path, image_size: tuple[int, int] | None, mean: tuple[float, ...] | None,
                 std: tuple[float, ...] | None, cancel: CancelToken | None = None
                 ) -> EventStream[tuple[torch.Tensor, torch.Tensor, int]]:
    """Yields ``Progress("reading images", done, total)`` every few images; ``cancel`` stops it
    there."""
    if image_size is not None and (len(image_size) != 2 or min(image_size) < 1):
        raise DataError(f"The image size {_shown(tuple(image_size))} is not a height and width.",
                        "Give two positive numbers, e.g. --image-size 28,28.")
    classes = sorted(p.name for p in _list_dir(folder)
                     if p.is_dir() and not p.name.startswith("."))
    if not classes:
        raise DataError(f"The folder {folder} has no class sub-folders.",
                        "Put the images in one sub-folder per class (e.g. cats/, dogs/).")
    listed = {name: _list_dir(folder / name) for name in classes}
    # is_file() leaves out FIFOs and devices: reading one would block or never end
    files = [(path, label) for label, name in enumerate(classes) for path in listed[name]
             if path.suffix.lower() in IMAGE_SUFFIXES and path.is_file()]
    empty = [name for name in classes
             if not any(p.suffix.lower() in IMAGE_SUFFIXES and p.is_file() for p in listed[name])]
    if not files:
        raise DataError(f"The folder {folder} holds no images in its class sub-folders "
                        f"({_shown(', '.join(classes), 200)}).",
                        f"Add images ({', '.join(sorted(IMAGE_SUFFIXES))}).")
    if empty:
        raise DataError(f"The class folder(s) {_shown(', '.join(empty), 200)} in {folder} hold "
                        "no images.", "Add images to them or remove them (each folder is a class).")
    def check_memory(height: int, width: int) -> None:
        # float32, up to 3 channels, and the copy a split makes
        check_allocation(len(files) * height * width * 3 * 4 * 2,
                         f"{len(files)} images of {height}x{width} pixels", error=DataError,
                         hint="Give a smaller --image-size, or use fewer images.")

    if image_size is not None:
        check_memory(*image_size)
    arrays, labels, mode = [], [], None
    every = max(1, len(files) // PROGRESS_STEPS)
    for number, (path, label) in enumerate(files):
        if number % every == 0:
            yield Progress("reading images", number, len(files))
            if cancel is not None:
                cancel.raise_if_cancelled()
        array, mode, size = _image_array(path, image_size, mode)
        if image_size is None:
            image_size = size
            check_memory(*image_size)
        arrays.append(array[None] if array.ndim == 2 else array.transpose(2, 0, 1))
        labels.append(label)
    yield Progress("reading images", len(files), len(files))
    inputs = torch.from_numpy(np.stack(arrays))
    channels = inputs.shape[1]
    for name, values in (("mean", mean), ("std", std)):
        if values is not None and len(values) not in (1, channels):
            raise DataError(f"The image {name} has {len(values)} values, the images have "
                            f"{channels} channel(s).", f"Give 1 or {channels} values.")
    if mean is not None:
        inputs = inputs - torch.tensor(mean, dtype=torch.float32).reshape(-1, 1, 1)
    if std is not None:
        if not all(v > 0 for v in std):
            raise DataError("The image std must be positive.", "Use values such as 0.25.")
        inputs = inputs / torch.tensor(std, dtype=torch.float32).reshape(-1, 1, 1)
    return inputs, torch.tensor(labels), len(classes)


def signature_random_data(signature: Any, *, count: int = RANDOM_SAMPLES,
                          val_fraction: float = 0.2, seed: int = 0) -> DataBundle:
    """Random data that respects the model's inputs: integers in their ranges."""
    check_allocation(count * sum(spec.numel for spec in signature.inputs) * 8,
                     f"random data ({count} samples of {signature.describe()})", error=DataError,
                     hint="Check the input shapes: they are per sample.")
    inputs = signature.random(count, seed)
    train, val, _, _ = split(inputs, None, val_fraction, seed)
    return DataBundle(name="random", train_inputs=train, val_inputs=val,
                      kind=signature.data_kind, signature=signature,
                      description=core_texts.MODEL_RANDOM_INPUTS.format(
                          count=count, inputs=signature.describe()))


def _read_texts(path: Path, text_column: str | None, label_column: str | None
                ) -> tuple[list[str], list[str] | None]:
    """Texts, one per line of a .txt file, or a column of a CSV file (with its labels)."""
    if path.suffix.lower() == ".txt":
        if label_column is not None:
            raise DataError("--label-column applies to CSV data only.", "Leave it out.")
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except UnicodeDecodeError:
            raise DataError(f"{path} is not UTF-8 text.", "Save it with the UTF-8 encoding."
                            ) from None
        return [line for line in lines if line.strip()], None
    rows = [row for row in _csv_rows(path) if any(cell.strip() for cell in row)]
    if len(rows) < 2:
        raise DataError(f"{path} has no data rows.", "Give a header row and one row per text.")
    header = [name.strip() for name in rows[0]]
    for name in (text_column, label_column):
        if name is not None and name not in header:
            raise DataError(f"{path} has no column '{_shown(name)}'; its columns are "
                            f"{_shown(', '.join(header), 200)}.", "Give one of them.")
    others = [name for name in header if name != label_column]
    column = text_column or ("text" if "text" in header else others[0] if others else None)
    if column is None:
        raise DataError(f"{path} has no text column, only the label column.",
                        "Give the texts in a column of their own (--text-column).")
    index = header.index(column)
    label_index = None if label_column is None else header.index(label_column)
    texts, labels = [], []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise DataError(f"Row {number} of {path} has {len(row)} values, the header has "
                            f"{len(header)}.", "Give every row one value per column.")
        texts.append(row[index])
        if label_index is not None:
            labels.append(row[label_index].strip())
    return texts, labels if label_index is not None else None


def _text_labels(labels: list[str], path: Path) -> tuple[torch.Tensor, int | None]:
    try:
        return _class_indices(torch.tensor([int(label) for label in labels]), path), None
    except (ValueError, OverflowError):
        index_of = {name: index for index, name in enumerate(sorted(set(labels)))}
        return torch.tensor([index_of[label] for label in labels]), len(index_of)


def _load_text(path: Path, text_encoder: Any, signature: Any, text_column: str | None,
               label_column: str | None, cancel: CancelToken | None = None
               ) -> EventStream[tuple[torch.Tensor, torch.Tensor | None, int | None, str]]:
    """Yields ``Progress("tokenizing", done, total)`` between two chunks of texts; ``cancel``
    stops it there."""
    if text_encoder is None:
        raise DataError(f"{path} holds text, and the model has no tokenizer beside it.",
                        "Put the model's tokenizer files (tokenizer.json, vocab.txt, ...) in its "
                        "folder, or give token ids as a .pt or .npz file.")
    texts, raw_labels = _read_texts(path, text_column, label_column)
    if len(texts) < 2:
        raise DataError(f"{path} holds {len(texts)} text(s).", "Give at least two texts.")
    chunk = max(TOKENIZE_CHUNK, -(-len(texts) // PROGRESS_STEPS))
    parts = []
    for start in range(0, len(texts), chunk):
        yield Progress("tokenizing", start, len(texts))
        if cancel is not None:
            cancel.raise_if_cancelled()
        try:
            parts.append(text_encoder(texts[start:start + chunk]))
        except Exception as error:  # noqa: BLE001 - a tokenizer raises anything on odd input
            raise DataError(f"The tokenizer could not encode the texts of {path}: "
                            f"{_detail(error)}",
                            "Check the file's text and the tokenizer files.") from None
    yield Progress("tokenizing", len(texts), len(texts))
    inputs = parts[0] if len(parts) == 1 else torch.cat(parts)
    labels, found = (None, None) if raw_labels is None else _text_labels(raw_labels, path)
    return inputs, labels, found, core_texts.MODEL_TEXTS.format(
        count=len(texts), file=path.name, inputs=signature.describe())


def _named_inputs(content: object, signature: Any, path: Path) -> torch.Tensor | None:
    """A .pt/.npz dict that names each of the model's inputs, packed; None if it does not."""
    if signature is None or not signature.packed or not isinstance(content, dict):
        return None
    if not all(name in content for name in signature.names):
        return None
    tensors = [_to_tensor(content[name], f"input {name}", path) for name in signature.names]
    counts = {tensor.shape[0] if tensor.ndim else 0 for tensor in tensors}
    if len(counts) != 1:
        raise DataError(f"The inputs in {path} have different numbers of samples.",
                        "Give every input the same number of samples.")
    for spec, tensor in zip(signature.inputs, tensors, strict=True):
        if tuple(tensor.shape[1:]) != spec.shape:
            raise DataError(f"The input {spec.name} in {path} has samples of shape "
                            f"{tuple(tensor.shape[1:])}, the model takes {spec.describe()}.",
                            "Give data of the model's input shapes.")
    return signature.pack(tensors)


def load_data(source: str | Path, **options: Any) -> DataBundle:
    """Load, split and validate data (the options of ``stream_data``)."""
    return drive(stream_data(source, **options))


def stream_data(source: str | Path, *, input_shape: tuple[int, ...] | None,
                label_column: str | None = None, image_size: tuple[int, int] | None = None,
                val_fraction: float = 0.2, num_classes: int | None = None, seed: int = 0,
                mean: tuple[float, ...] | None = None,
                std: tuple[float, ...] | None = None, signature: Any = None,
                text_encoder: Any = None, text_column: str | None = None,
                cancel: CancelToken | None = None) -> EventStream[DataBundle]:
    """Load, split and validate data; ``input_shape`` is the model's (per sample), if known.

    ``signature`` (a ``signature.InputSignature``) describes models that take integers or
    several inputs; ``text_encoder`` turns texts (a .txt file, a CSV column) into its inputs.
    Yields ``Progress("reading images")`` and ``Progress("tokenizing")`` as it goes; ``cancel``
    stops it between two of them.
    """
    if signature is not None and signature.is_float:
        input_shape, signature = signature.sample_shape, None  # one float tensor: as always
    if signature is not None and str(source) == "random":
        bundle = signature_random_data(signature, val_fraction=val_fraction, seed=seed)
        bundle.validate()
        return bundle
    if str(source) == "random":
        if input_shape is None:
            raise DataError("Random data needs the model's input shape.",
                            "Give --input-shape, e.g. 3,32,32 (per sample, without batch).")
        bundle = random_data(tuple(input_shape), val_fraction=val_fraction, seed=seed)
        bundle.validate()
        return bundle
    path = Path(source)
    try:
        exists, is_dir = path.exists(), path.is_dir()
    except (OSError, ValueError) as error:  # a name too long, a NUL byte, ...
        raise DataError(f"The data path {_shown(source)} cannot be used: {_detail(error)}.",
                        "Check the path.") from None
    if not exists:
        raise DataError(f"The data {path} does not exist.", "Check the path, or use 'random'.")
    if not is_dir:  # a FIFO would block the first read forever, /dev/zero never ends
        check_regular_file(path, "data", error=DataError)
    kind = "vector"
    textual = path.suffix.lower() == ".txt" or (
        path.suffix.lower() == ".csv" and (text_encoder is not None or text_column is not None))
    if signature is not None and textual:
        inputs, labels, found, description = yield from _load_text(
            path, text_encoder, signature, text_column, label_column, cancel)
        num_classes = num_classes or found
    elif is_dir:
        inputs, labels, found = yield from _load_images(path, image_size, mean, std, cancel)
        num_classes = num_classes or found
        kind, description = "image", core_texts.MODEL_IMAGES.format(
            folder=path.name, classes=found, count=inputs.shape[0],
            shape=tuple(inputs.shape[1:]))
    elif path.suffix.lower() == ".csv":
        inputs, labels, found = _load_csv(path, label_column)
        num_classes = num_classes or found
        description = core_texts.MODEL_CSV.format(file=path.name, rows=inputs.shape[0],
                                             features=inputs.shape[1])
    elif path.suffix.lower() in (".pt", ".pth", ".npy", ".npz"):
        if label_column is not None:
            raise DataError("--label-column applies to CSV data only.", "Leave it out.")
        inputs, labels = _load_tensors(path, signature)
        description = core_texts.MODEL_TENSORS.format(file=path.name,
                                                 count=inputs.shape[0] if inputs.ndim else 0)
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
        labels = _class_indices(labels, path)
        if num_classes is None and labels.numel():
            num_classes = int(labels.max().item()) + 1
    if signature is not None:
        input_shape = signature.sample_shape
        if not signature.dtype.is_floating_point and inputs.is_floating_point() and not \
                torch.equal(inputs, inputs.round()):
            raise DataError(f"The inputs in {path} are not whole numbers; the model takes "
                            f"{signature.describe()}.", "Give token ids (integers).")
        inputs = inputs.to(signature.dtype)
    else:
        inputs = inputs.float()
    if input_shape is not None and tuple(inputs.shape[1:]) != tuple(input_shape):
        if inputs[0].numel() == math.prod(input_shape):
            inputs = inputs.reshape(inputs.shape[0], *input_shape)
        else:
            raise DataError(f"The samples in {path} have shape {tuple(inputs.shape[1:])}, the "
                            f"model expects {tuple(input_shape)}.",
                            "Give data of the model's input shape (for images, --image-size).")
    train, val, train_labels, val_labels = split(inputs, labels, val_fraction, seed)
    bundle = DataBundle(name=path.name, train_inputs=train, val_inputs=val,
                        train_labels=train_labels, val_labels=val_labels,
                        num_classes=num_classes if labels is not None else None,
                        kind="image" if kind == "image" else signature.data_kind
                        if signature is not None else _kind(tuple(inputs.shape[1:])),
                        description=description, signature=signature)
    bundle.validate()
    return bundle
