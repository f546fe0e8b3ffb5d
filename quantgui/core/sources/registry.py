"""One registry of the ways a model can be opened; each kind lives in a module of its own.

A source claims a spec by its form (``py:module:factory``, a folder, ``model.py:Class``) or a
file by its content (``detect_kind``); ``find_source`` asks them in registration order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from quantgui.core.errors import ModelError
from quantgui.core.events import EventStream
from quantgui.core.sources.base import ALL_METHODS, MemoryProbe, ModelFile, OpenOptions


def _the_path(spec: str) -> list[Path]:
    return [Path(spec)]


def _file_name(spec: str) -> str:
    return Path(spec).name or spec


@dataclass(frozen=True)
class ModelSource:
    """One way of opening a model.

    ``kind`` is recorded in ``LoadedModel.source`` as ``kind:spec``; ``methods`` are the
    techniques this kind can go through; ``runs_code``: opening it runs code from the user's
    files or an importable module (a shared recipe may not name it); ``takes_args``: it accepts
    --model-args.
    """

    kind: str
    title: str
    # a ModelFile, or an event stream of one (``Progress`` of its stages, see OPEN_STAGES)
    open: Callable[[str, OpenOptions], ModelFile | EventStream[ModelFile]]
    claims: Callable[[str], bool] | None = None  # by the spec's form, before reading a file
    file_kinds: tuple[str, ...] = ()  # by content: what detect_kind answers
    methods: tuple[str, ...] = ALL_METHODS
    runs_code: bool = False
    takes_args: bool = False
    input_files: Callable[[str], list[Path]] = field(default=_the_path)
    method_refusal: Callable[[str], ModelError] | None = None
    display_name: Callable[[str], str] = field(default=_file_name)  # the model's name in reports


_SOURCES: dict[str, ModelSource] = {}


def register(source: ModelSource) -> ModelSource:
    _SOURCES[source.kind] = source
    return source


def sources() -> list[ModelSource]:
    return list(_SOURCES.values())


def get_source(kind: str) -> ModelSource | None:
    return _SOURCES.get(kind)


def kind_title(kind: str) -> str:
    source = _SOURCES.get(kind)
    return source.title if source is not None else {
        "torch_save": "PyTorch file (torch.save)", "state_dict": "state_dict (weights only)",
        "safetensors": "safetensors file (weights only)"}.get(kind, kind)


def by_spec(spec: str) -> ModelSource | None:
    """The source that recognises ``spec`` by its form, if one does."""
    for source in _SOURCES.values():
        if source.claims is not None and source.claims(spec):
            return source
    return None


def by_file_kind(file_kind: str) -> ModelSource | None:
    for source in _SOURCES.values():
        if file_kind in source.file_kinds:
            return source
    return None


def find_source(spec: str, memory: MemoryProbe | None = None) -> ModelSource:
    """The source that opens ``spec``: by its form, else by the file's content."""
    from quantgui.core.sources.base import SAFE_FORMATS, check_file, detect_kind

    source = by_spec(spec)
    if source is not None:
        return source
    path = Path(spec)
    check_file(path, "model file", memory)
    file_kind = detect_kind(path)
    source = by_file_kind(file_kind)
    if source is None:
        if file_kind == "safetensors":
            raise ModelError(f"{path} holds only weights (a safetensors file), not a model.",
                             "Give the Python class with --model path.py:Class:"
                             f"{path.name}, or a Hugging Face folder with its config.json.")
        raise ModelError(f"{path} is not a model QuantGUI can open.", f"Give {SAFE_FORMATS}.")
    return source
