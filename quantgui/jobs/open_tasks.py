"""Jobs behind the Open model dialog: read what a model file is, and preview the data.

Both run in a worker (``JobRunner``), never on the GUI thread: a .pt2 program or a large CSV can
take seconds to read. Nothing here imports user code: a Python file is scanned with ``ast``, a
pickle is only opened with ``weights_only=True``.
"""

from __future__ import annotations

import ast
import collections
import csv
import json
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quantgui.core.errors import DataError, ModelError
from quantgui.core.events import CancelToken
from quantgui.jobs.worker import JobFn

PREVIEW_ROWS = 6
THUMBNAILS = 8
THUMBNAIL_SIZE = 56
TOKENS_SHOWN = 32  # of the first text, in the data preview
LABEL_NAMES = ("label", "labels", "target", "targets", "class", "y")


@dataclass
class ModelInfo:
    """What a model file or folder is: ``kind`` is export, python (a file or a package folder),
    torchscript, pickle, weights, huggingface (a folder with config.json) or factory (an
    architecture by name, ``py:module:factory``)."""

    path: str
    kind: str
    input_shape: tuple[int, ...] | None = None
    classes: list[str] = field(default_factory=list)
    note: str = ""  # why the input shape could not be read, where it should have been
    # the inputs as --input texts (NAME:DTYPE[SHAPE][:LOW..HIGH]) where they are known and are
    # not one float tensor (token ids, several inputs)
    inputs: list[str] = field(default_factory=list)
    # per class of a Python file: the names of the inputs its forward requires
    forward_inputs: dict[str, list[str]] = field(default_factory=dict)
    architecture: str = ""  # a Hugging Face folder's config.architectures (or model type)
    details: list[str] = field(default_factory=list)  # what else its config says, one per item
    tokenizer: str = ""  # the tokenizer found beside the model ("" = none)
    package: bool = False  # a package folder (``folder:Class``)


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
    text_column: str | None = None  # texts read from a CSV column (a model with a tokenizer)
    tokens: list[str] = field(default_factory=list)  # the first text, tokenized
    token_ids: list[int] = field(default_factory=list)


# ----------------------------------------------------------------------------- model files

def _base_name(node: ast.expr) -> str:
    try:
        return ast.unparse(node)
    except Exception:  # noqa: BLE001 - an odd expression is just not a known base
        return ""


def _parse(source: str, filename: str) -> ast.Module:
    try:
        return ast.parse(source, filename=filename)
    except SyntaxError as error:
        raise ModelError(f"{filename} is not valid Python: line {error.lineno}: {error.msg}.",
                         "Fix the file, then choose it again.") from error


def module_classes(source: str, filename: str = "<model>",
                   known: frozenset[str] = frozenset()) -> list[str]:
    """The top-level classes deriving (directly or through each other) from an nn.Module.

    ``known``: names of module classes imported from elsewhere (a neighbour's ``Block``).
    A text scan: the file is parsed, never imported, so none of its code runs.
    """
    classes = [node for node in _parse(source, filename).body if isinstance(node, ast.ClassDef)]
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
                if torch_base or base in found or base in known or last in known:
                    found.append(node.name)
                    changed = True
                    break
    order = {node.name: index for index, node in enumerate(classes)}
    return sorted(found, key=order.__getitem__)


def forward_inputs(source: str, filename: str = "<model>") -> dict[str, list[str]]:
    """Per top-level class: the inputs its own ``forward`` requires (without ``self`` and
    without the arguments that have defaults); a class inheriting forward is left out."""
    found: dict[str, list[str]] = {}
    for node in _parse(source, filename).body:
        if not isinstance(node, ast.ClassDef):
            continue
        for item in node.body:
            if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and \
                    item.name == "forward":
                positional = item.args.posonlyargs + item.args.args
                required = positional[:len(positional) - len(item.args.defaults)]
                found[node.name] = [arg.arg for arg in required[1:]]
    return found


def _neighbour_classes(tree: ast.Module, folder: Path, seen: set[Path]) -> frozenset[str]:
    """The module classes a file imports from modules in its own folder (``from layers import
    Block``, ``from .layers import Block`` in a package), found by scanning those files."""
    known: set[str] = set()
    for node in tree.body:
        if not isinstance(node, ast.ImportFrom) or not node.module or node.level > 1:
            continue
        base = folder.joinpath(*node.module.split("."))
        for path in (base.with_suffix(".py"), base / "__init__.py"):
            if path.is_file() and path not in seen and path.stat().st_size < 2_000_000:
                seen.add(path)
                text = path.read_text(encoding="utf-8", errors="replace")
                try:
                    inner = ast.parse(text, filename=path.name)
                except SyntaxError:
                    break  # the real import says what is wrong with it
                classes = module_classes(text, path.name,
                                         _neighbour_classes(inner, path.parent, seen))
                known.update(alias.asname or alias.name for alias in node.names
                             if alias.name in classes)
                break
    return frozenset(known)


def python_file_info(file: Path) -> ModelInfo:
    """A model file's nn.Module classes and each one's inputs, by a text scan."""
    text = file.read_text(encoding="utf-8", errors="replace")
    tree = _parse(text, file.name)
    classes = module_classes(text, file.name, _neighbour_classes(tree, file.parent, {file}))
    if not classes:
        raise ModelError(f"{file.name} defines no nn.Module subclass.",
                         "Choose the Python file that defines the model's class.")
    return ModelInfo(str(file), "python", classes=classes,
                     forward_inputs=forward_inputs(text, file.name))


def package_info(folder: Path) -> ModelInfo:
    """A package folder's model classes: those its ``__init__.py`` defines or imports."""
    init = folder / "__init__.py"
    text = init.read_text(encoding="utf-8", errors="replace")
    tree = _parse(text, f"{folder.name}/__init__.py")
    seen = {init}
    classes = module_classes(text, init.name, _neighbour_classes(tree, folder, seen))
    forwards = forward_inputs(text, init.name)
    exported = set(classes)
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module:
            exported.update(alias.asname or alias.name for alias in node.names)
    for path in sorted(folder.glob("*.py")):
        if path == init or path.stat().st_size > 2_000_000:
            continue
        source = path.read_text(encoding="utf-8", errors="replace")
        try:
            inner = ast.parse(source, filename=path.name)
        except SyntaxError:
            continue
        found = module_classes(source, path.name, _neighbour_classes(inner, folder, {path}))
        classes += [name for name in found if name in exported and name not in classes]
        for name, inputs in forward_inputs(source, path.name).items():
            forwards.setdefault(name, inputs)
    if not classes:
        raise ModelError(f"The package {folder.name}/ exports no nn.Module class from its "
                         "__init__.py.", "Import the model's class in __init__.py (from .model "
                                         "import Net), or choose the file that defines it.")
    return ModelInfo(str(folder), "python", classes=classes, package=True,
                     forward_inputs={name: forwards[name] for name in classes if name in forwards})


def input_text(spec: Any) -> str:
    """An InputSpec as --input writes it: ``input_ids:int64[128]:0..30521``."""
    from quantgui.core.signature import DTYPE_NAMES

    shape = ",".join(str(d) for d in spec.shape)
    text = f"{spec.name}:{DTYPE_NAMES.get(spec.dtype, 'float32')}[{shape}]"
    if spec.low is not None and spec.high is not None:
        low, high = (f"{v:g}" if isinstance(v, float) and not v.is_integer() else str(int(v))
                     for v in (spec.low, spec.high))
        text += f":{low}..{high}"
    return text


def tokenizer_files(folder: Path) -> str:
    """The tokenizer beside a model (its class and files), or "" when there is none."""
    from quantgui.core.sources.huggingface import TOKENIZER_FILES

    files = [name for name in TOKENIZER_FILES if (folder / name).is_file()]
    if not files:
        return ""
    name = ""
    config = folder / "tokenizer_config.json"
    if config.is_file() and config.stat().st_size < 10_000_000:
        try:
            name = str(json.loads(config.read_text(encoding="utf-8")).get("tokenizer_class", ""))
        except (OSError, ValueError, AttributeError):
            name = ""
    return f"{name} ({', '.join(files)})" if name else ", ".join(files)


def hugging_face_info(folder: Path, cancel: CancelToken) -> ModelInfo:
    """A Hugging Face folder's architecture, inputs and tokenizer, read from its config (the
    model is built on the meta device: no weights are read, no memory taken)."""
    import torch

    from quantgui.core.sources import huggingface
    from quantgui.core.sources.base import first_line

    transformers = huggingface.transformers_module()
    weights = huggingface.weights_file(folder).name
    config = huggingface.read_config(transformers, folder)
    cancel.raise_if_cancelled()
    architectures = getattr(config, "architectures", None) or []
    architecture = architectures[0] if architectures else ""
    auto = huggingface.auto_class(transformers, config)
    try:
        with torch.device("meta"):
            model = auto.from_config(config)
    except Exception as error:
        raise ModelError(f"transformers {transformers.__version__} cannot build the "
                         f"{getattr(config, 'model_type', '?')} model of {folder}: "
                         f"{type(error).__name__}: {first_line(error)}",
                         "Check that its config.json is of an architecture this version "
                         "knows.") from error
    info = ModelInfo(str(folder), "huggingface",
                     architecture=architecture or type(model).__name__,
                     tokenizer=tokenizer_files(folder))
    signature, _ = huggingface.config_signature(model, config, None)
    if signature is None:
        info.note = ("Its inputs are not known from its config: describe each input below.")
    elif signature.is_float:
        info.input_shape = signature.sample_shape
    else:
        info.inputs = [input_text(spec) for spec in signature.inputs]
    details = [f"model type {getattr(config, 'model_type', '?')}", f"weights {weights}"]
    labels = getattr(config, "num_labels", None)
    if architecture.endswith(("ForImageClassification", "ForSequenceClassification")) and labels:
        details.append(f"{labels} classes")
    vocabulary = getattr(config, "vocab_size", None)
    if vocabulary and getattr(model, "main_input_name", "") == "input_ids":
        details.append(f"vocabulary of {vocabulary} tokens")
    info.details = details
    return info


def factory_info(spec: str) -> ModelInfo:
    """An architecture by name, checked without importing it: the form, and that its package
    is installed (importing runs the package's code: that waits for Open)."""
    import importlib.util

    from quantgui.core.sources.factory import parse_factory

    module, _, _ = parse_factory(spec)
    top = module.split(".")[0]
    try:
        found = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        found = None
    if found is None:
        raise ModelError(f"The module '{top}' is not installed.",
                         f"Install the package that provides it (pip install {top}), or check "
                         "the name.")
    return ModelInfo(spec, "factory")


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
    """What ``path`` is: a model file, a folder (Hugging Face or package), or ``py:...``."""
    def job(cancel: CancelToken) -> ModelInfo:
        from quantgui.core.errors import QuantGUIError
        from quantgui.core.sources import check_file, detect_kind, load_model_file

        if path.startswith("py:"):
            return factory_info(path)
        file = Path(path)
        if file.is_dir():
            if (file / "config.json").is_file():
                return hugging_face_info(file, cancel)
            if (file / "__init__.py").is_file():
                return package_info(file)
            raise ModelError(f"The folder {file} is neither a Hugging Face model (it has no "
                             "config.json) nor a Python package (no __init__.py).",
                             "Choose a folder with config.json and model.safetensors, a "
                             "package folder, or a model file.")
        check_file(file, "model file")
        kind = detect_kind(file)
        if kind == "python":
            info = python_file_info(file)
            info.path = path
            return info
        if kind == "export":
            from quantgui.core.pt2_safety import check_pt2

            # Before torch reads it: a crafted .pt2 runs code from the file as it loads. A
            # refusal fails the inspection, so the dialog cannot be accepted.
            check_pt2(file)
            cancel.raise_if_cancelled()
            try:
                opened = load_model_file(path)
            except QuantGUIError as error:
                return ModelInfo(path, kind, note=f"{error.message} {error.hint}".strip())
            signature = opened.signature
            if signature is not None and not signature.is_float:
                return ModelInfo(path, kind, inputs=[input_text(s) for s in signature.inputs])
            return ModelInfo(path, kind, input_shape=opened.input_shape)
        if kind == "torch_save":
            cancel.raise_if_cancelled()
            return ModelInfo(path, "pickle" if _whole_pickle(file) else "weights")
        return ModelInfo(path, kind)

    return job


# ----------------------------------------------------------------------------- data preview

def _preview_csv(path: Path, label_column: str | None, cancel: CancelToken,
                 key: tuple, texts: bool = False, text_column: str | None = None
                 ) -> DataPreview:
    """``texts``: the model reads a column of texts (its tokenizer): the label is guessed
    only from its name, and the text column is ``text_column``, else "text", else the first
    other column (as the core reads it)."""
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
            label_column = named[0] if named else "" if texts else header[-1]
        if texts:
            if text_column not in header:
                others = [name for name in header if name != label_column]
                text_column = "text" if "text" in header else others[0] if others else None
            if label_column == text_column:
                label_column = ""
        index = header.index(label_column) if label_column in header else None
        preview = DataPreview(key, "csv", header=header,
                              label_column=label_column if index is not None else "",
                              text_column=text_column if texts else None)
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


def _preview_text(path: Path, cancel: CancelToken, key: tuple) -> DataPreview:
    """A text file, one example per line (blank lines are left out, as the core does)."""
    from quantgui.core.limits import check_regular_file

    check_regular_file(path, "data", error=DataError)
    preview = DataPreview(key, "text", header=["text"])
    try:
        with open(path, encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle):
                if not line.strip():
                    continue
                if len(preview.rows) < PREVIEW_ROWS:
                    preview.rows.append([line.rstrip("\r\n")])
                preview.total += 1
                if number % 10_000 == 0:
                    cancel.raise_if_cancelled()
    except UnicodeDecodeError:
        raise DataError(f"{path} is not UTF-8 text.", "Save it with the UTF-8 encoding."
                        ) from None
    except OSError as error:
        raise DataError(f"{path} cannot be read: {error.strerror}.", "Check the file.") from error
    return preview


def load_tokenizer(folder: str) -> Any:
    """The tokenizer in a Hugging Face folder, offline (a ModelError says why it cannot)."""
    from quantgui.core.sources import huggingface
    from quantgui.core.sources.base import first_line

    transformers = huggingface.transformers_module()
    try:
        with huggingface.offline():
            return transformers.AutoTokenizer.from_pretrained(
                folder, local_files_only=True, trust_remote_code=False)
    except Exception as error:  # noqa: BLE001 - a bad tokenizer raises anything
        raise ModelError(f"The tokenizer in {folder} cannot be loaded: {type(error).__name__}: "
                         f"{first_line(error)}", "Fix or remove its files.") from error


def _tokenize_first(preview: DataPreview, tokenizer_folder: str) -> None:
    column = 0
    if preview.kind == "csv":
        if preview.text_column not in preview.header:
            return
        column = preview.header.index(preview.text_column)
    texts = [row[column] for row in preview.rows if column < len(row) and row[column].strip()]
    if not texts:
        return
    tokenizer = load_tokenizer(tokenizer_folder)
    ids = tokenizer(texts[0], truncation=True, max_length=TOKENS_SHOWN)["input_ids"]
    preview.token_ids = [int(i) for i in ids]
    preview.tokens = [str(t) for t in tokenizer.convert_ids_to_tokens(preview.token_ids)]


def preview_data_job(kind: str, path: str, label_column: str | None = None,
                     text_column: str | None = None, tokenizer_folder: str = "") -> JobFn:
    """``kind`` is csv, images, tensors or text. ``label_column`` None: guess it (CSV).

    ``tokenizer_folder``: the model's folder when it has a tokenizer: a CSV is then a column of
    texts (``text_column``, or guessed), and the first text is shown tokenized.
    """
    key = (kind, path, label_column, text_column, tokenizer_folder)

    def job(cancel: CancelToken) -> DataPreview:
        source = Path(path)
        if not source.exists():
            raise DataError(f"{source} does not exist.", "Check the path.")
        if kind == "csv":
            preview = _preview_csv(source, label_column, cancel, key,
                                   texts=bool(tokenizer_folder), text_column=text_column)
        elif kind == "text":
            preview = _preview_text(source, cancel, key)
        elif kind == "images":
            return _preview_images(source, cancel, key)
        else:
            return _preview_tensors(source, key)
        if tokenizer_folder:
            cancel.raise_if_cancelled()
            _tokenize_first(preview, tokenizer_folder)
        return preview

    return job


def tokenizer_job(folder: str) -> JobFn:
    """The tokenizer of a Hugging Face folder (the sample browser decodes token ids with it)."""
    def job(cancel: CancelToken) -> Any:
        return load_tokenizer(folder)

    return job


def architectures_job(packages: tuple[str, ...] | None = None) -> JobFn:
    """The classification architectures of torchvision and timm (``core.architectures``); a
    missing or broken package gives its one-line reason instead of names."""
    def job(cancel: CancelToken) -> list[Any]:
        from quantgui.core.architectures import PACKAGES, list_architectures

        found = []
        for package in packages or PACKAGES:
            cancel.raise_if_cancelled()
            found.append(list_architectures(package))
        return found

    return job
