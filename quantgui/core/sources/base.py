"""What every model source shares: the opened model, its options, file checks and detection."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from torch import nn

from quantgui.core.errors import ModelError
from quantgui.core.events import CancelToken, EventStream, Progress
from quantgui.core.limits import available_memory, check_regular_file, fmt_size

MemoryProbe = Callable[[], "int | None"]

SAFE_FORMATS = ("a torch.export program (.pt2, saved with torch.export.save), or a Python file "
                "and class with state_dict weights (--model model.py:ClassName:weights.pt)")
ALL_METHODS = ("dynamic", "static", "qat")
# The stages of opening a model (``Progress.stage``), in the order they come; a front end words
# them. "reading images" and "tokenizing" count their items; the others are one step.
OPEN_STAGES = ("reading model", "importing code", "building model", "loading weights",
               "loading tokenizer", "reading data", "reading images", "tokenizing",
               "checking model")


class ModelFile(NamedTuple):
    """A model as a source opened it, before its data is made."""

    model: nn.Module
    input_shape: tuple[int, ...] | None
    description: str
    kind: str
    # The inputs the model declares (names, shapes, dtypes, ranges): a signature.InputSignature
    signature: Any = None
    # For the report: where the weights came from, which output is compared, ...
    details: dict[str, Any] | None = None
    # Turns a list of texts into the model's inputs (a tokenizer found beside the model)
    text_encoder: Any = None
    # How images become its inputs, where the model says: {"mean": (...), "std": (...)}
    image_options: dict[str, Any] | None = None


@dataclass(frozen=True)
class OpenOptions:
    """What the user gave beside the model spec."""

    model_args: dict[str, Any] | None = None
    trust: bool = False
    input_shape: tuple[int, ...] | None = None
    memory: MemoryProbe | None = None
    cancel: CancelToken | None = None  # checked between two stages of opening


def begin(stage: str, cancel: CancelToken | None, current: int = 0,
          total: int = 1) -> EventStream[None]:
    """Say that ``stage`` (one of ``OPEN_STAGES``) starts, then stop there if cancelled."""
    yield Progress(stage, current, total)
    if cancel is not None:
        cancel.raise_if_cancelled()


def check_file(path: Path, what: str, memory: MemoryProbe | None = None) -> int:
    """The file exists, is a regular file (never a FIFO or a device, which would block or never
    end), and fits in the memory available; returns its size. Nothing is opened."""
    size = check_regular_file(path, what)
    if size == 0:
        raise ModelError(f"The {what} {path} is empty (0 bytes).",
                         "Save the model again; the file was probably not written completely.")
    free = (memory or available_memory)()
    if free is not None and size > free:
        raise ModelError(
            f"The {what} {path} is {fmt_size(size)}, more than the {fmt_size(free)} of memory "
            "available now.", "Close other programs, or use a machine with more memory.")
    return size


_MAGIC = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"%PDF": "a PDF document", b"\x93NUMPY": "a NumPy array (.npy)", b"\x1f\x8b": "a gzip file",
}


def is_safetensors(head: bytes, size: int) -> bool:
    """safetensors: an 8-byte little-endian header length, then a JSON object."""
    if len(head) < 9 or head[8:9] != b"{":
        return False
    return 2 <= int.from_bytes(head[:8], "little") <= size - 8


def detect_kind(path: Path) -> str:
    """'export', 'torchscript', 'torch_save' (a pickle, maybe only weights), 'safetensors'
    (weights only) or 'python'.

    Raises a ModelError for anything else, naming what the file looks like.
    """
    if path.suffix == ".py":
        return "python"
    with open(path, "rb") as handle:
        head = handle.read(16)
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError) as error:
            raise corrupt(path, "zip archive", error) from error
        tails = {name.split("/", 1)[1] if "/" in name else name for name in names}
        if "archive_format" in tails or any(t.startswith("models/") for t in tails):
            return "export"
        if "constants.pkl" in tails or any(t.startswith("code/") for t in tails):
            return "torchscript"
        if "data.pkl" in tails:
            return "torch_save"
        raise ModelError(f"{path} is a zip archive but not a PyTorch file.",
                         f"Give {SAFE_FORMATS}.")
    if head.startswith(b"PK"):
        raise ModelError(f"{path} starts like a zip archive (the PyTorch format) but cannot be "
                         "read as one: it is truncated or corrupt.",
                         "Save or copy the model file again.")
    if head[:1] == b"\x80":  # pickle protocol 2+: torch.save's legacy format
        return "torch_save"
    if is_safetensors(head, path.stat().st_size):
        return "safetensors"
    for magic, name in _MAGIC.items():
        if head.startswith(magic):
            raise ModelError(f"{path} is {name}, not a PyTorch model "
                             f"(whatever its extension '{path.suffix}' says).",
                             f"Give {SAFE_FORMATS}.")
    raise ModelError(f"{path} is not a file PyTorch wrote (its first bytes are {head[:8]!r}).",
                     f"Give {SAFE_FORMATS}.")


def corrupt(path: Path, kind: str, error: BaseException) -> ModelError:
    detail = first_line(error)
    return ModelError(f"{path} looks like a {kind} but cannot be read: it is truncated, corrupt "
                      f"or written by an incompatible PyTorch ({type(error).__name__}: {detail}).",
                      "Save the model again with this PyTorch version and retry.")


def first_line(error: BaseException, limit: int = 200) -> str:
    """The first line of an error's message, cut short (or its type when it has none)."""
    lines = str(error).splitlines()
    return lines[0][:limit] if lines else type(error).__name__


def parse_model_args(model_args: str | dict[str, Any] | None) -> dict[str, Any]:
    if model_args is None:
        return {}
    if isinstance(model_args, str):
        try:
            model_args = json.loads(model_args)
        except json.JSONDecodeError as error:
            raise ModelError(f"The model arguments are not valid JSON: {error.msg} at character "
                             f"{error.pos} of {model_args!r}.",
                             "Give a JSON object, e.g. --model-args '{\"hidden\": 64}'.") from error
    if not isinstance(model_args, dict):
        raise ModelError(f"The model arguments must be a JSON object, not "
                         f"{type(model_args).__name__}.",
                         "Give keyword arguments, e.g. --model-args '{\"hidden\": 64}'.")
    return model_args


def fmt_shape(shape: tuple[int, ...]) -> str:
    return ",".join(str(d) for d in shape)
