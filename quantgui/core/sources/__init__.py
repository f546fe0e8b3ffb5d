"""The user's own models, opened safely: one module per kind of source, behind one registry.

- ``export``: a ``torch.export`` program (``.pt2``), see ``export``.
- ``python``: ``model.py:ClassName[:weights.pt]``, see ``python_file``.
- ``torchscript``: a ``torch.jit.save`` file: it runs, but cannot be quantized here.
- ``pickle``: a whole model saved with ``torch.save(model)``, opened only if trusted.

Files are recognised by their content (not their name); nothing here writes to the user's
files (no ``__pycache__`` either).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from quantgui.core.errors import ModelError
from quantgui.core.limits import check_allocation

# Each import registers its source; the order is the order in which specs are claimed.
from quantgui.core.sources import export, python_file, torch_save, torchscript  # noqa: F401
from quantgui.core.sources.base import (
    ALL_METHODS,
    SAFE_FORMATS,
    MemoryProbe,
    ModelFile,
    OpenOptions,
    check_file,
    detect_kind,
    fmt_shape,
    parse_model_args,
)
from quantgui.core.sources.export import check_batch_sizes, modularize
from quantgui.core.sources.python_file import parse_spec
from quantgui.core.sources.registry import (
    ModelSource,
    find_source,
    get_source,
    kind_title,
    sources,
)
from quantgui.core.sources.weights import load_state_dict_file

__all__ = [
    "KIND_NAMES", "METHODS_BY_KIND", "SAFE_FORMATS", "MemoryProbe", "ModelFile", "ModelSource",
    "OpenOptions", "check_batch_sizes", "check_file", "check_method", "detect_kind",
    "find_source", "load_model_file", "load_state_dict_file", "modularize", "open_user_model",
    "parse_model_args", "parse_shape", "parse_spec", "sources",
]

KIND_NAMES = {source.kind: source.title for source in sources()} | {
    "state_dict": kind_title("state_dict")}
METHODS_BY_KIND = {source.kind: source.methods for source in sources()}


def load_model_file(spec: str, *, model_args: str | dict[str, Any] | None = None,
                    trust: bool = False, input_shape: tuple[int, ...] | None = None,
                    memory: MemoryProbe | None = None) -> ModelFile:
    """Open a user's model; ``input_shape`` (per sample) is the file's own where it has one.

    ``memory`` returns the bytes of memory available (injectable for tests).
    """
    source = find_source(spec, memory)
    if model_args is not None and not source.takes_args:
        raise ModelError("--model-args applies to a Python class or factory only.",
                         "Give the model as path.py:ClassName, or leave out --model-args.")
    given = None if input_shape is None else tuple(input_shape)
    options = OpenOptions(model_args=parse_model_args(model_args) if source.takes_args else None,
                          trust=trust, input_shape=given, memory=memory)
    loaded = source.open(spec, options)
    path = Path(spec)
    if path.suffix == ".pt2" and source is not export.SOURCE:
        raise ModelError(f"{path} is named .pt2 but holds a {source.title}.",
                         "Rename it, or save a real program with torch.export.save.")
    shape = loaded.input_shape
    if given is not None:
        if shape is not None and shape != given:
            raise ModelError(f"--input-shape {fmt_shape(given)} differs from the shape "
                             f"{fmt_shape(shape)} stored in {path.name}.",
                             "Leave out --input-shape, or export the program with the other "
                             "shape.")
        shape = given
    if source is export.SOURCE and shape is not None:
        check_batch_sizes(loaded.model, shape, loaded.kind, memory)
    return loaded._replace(input_shape=shape)


def parse_shape(text: str, what: str = "--input-shape",
                memory: MemoryProbe | None = None) -> tuple[int, ...]:
    """``3,32,32`` -> (3, 32, 32); one float32 sample of it must fit in the memory available."""
    try:
        shape = tuple(int(part) for part in text.split(",")) if len(text) < 200 else ()
    except ValueError:
        shape = ()
    if not shape or any(d <= 0 for d in shape):
        raise ModelError(f"{what} '{text[:80]}' is not a list of positive integers.",
                         "Write it like 3,32,32 (per sample, without the batch dimension).")
    check_allocation(math.prod(shape) * 4, f"{what} {text} (one sample of float32)",
                     memory=memory, hint=f"Check {what}: it is per sample, e.g. 3,32,32.")
    return shape


def check_method(kind: str, method: str) -> None:
    """Refuse a technique that cannot work on this kind of model, before anything runs."""
    source = get_source(kind)
    if method in (source.methods if source is not None else ALL_METHODS):
        return
    if source is not None and source.method_refusal is not None:
        raise source.method_refusal(method)
    raise ModelError(f"{method} quantization does not apply to a {kind_title(kind)}.",
                     "Use dynamic quantization.")


def open_user_model(spec: str, *, data: str = "random", method: str | None = None,
                    model_args: str | dict[str, Any] | None = None, trust: bool = False,
                    input_shape: tuple[int, ...] | None = None, label_column: str | None = None,
                    image_size: tuple[int, int] | None = None, val_fraction: float = 0.2,
                    num_classes: int | None = None, seed: int = 0,
                    memory: MemoryProbe | None = None) -> Any:
    """The model file and its data as a LoadedModel, checked with a forward pass.

    ``method``, if given, is checked against what this kind of model supports.
    """
    from quantgui.core.datasets import load_data
    from quantgui.core.demos import LoadedModel
    from quantgui.core.pipeline import check_model

    loaded = load_model_file(spec, model_args=model_args, trust=trust, input_shape=input_shape,
                             memory=memory)
    if method is not None:
        check_method(loaded.kind, method)
    shape = loaded.input_shape
    if shape is None and str(data) == "random":
        raise ModelError(f"The input shape of {spec} is not stored in the file.",
                         "Give it with --input-shape, e.g. 3,32,32 (per sample, without the "
                         "batch dimension).")
    bundle = load_data(data, input_shape=shape, label_column=label_column, image_size=image_size,
                       val_fraction=val_fraction, num_classes=num_classes, seed=seed)
    check_model(loaded.model, bundle)
    name = Path(parse_spec(spec)[0]).name
    if loaded.kind == "python":
        name = f"{parse_spec(spec)[1]} ({name})"
    return LoadedModel(name=name, description=f"{loaded.description}; data: "
                                              f"{bundle.description}",
                       model=loaded.model, data=bundle, source=f"{loaded.kind}:{spec}",
                       model_args=parse_model_args(model_args) or None)
