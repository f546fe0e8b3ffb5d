"""The user's own models, opened safely: one module per kind of source, behind one registry.

- ``export``: a ``torch.export`` program (``.pt2``), see ``export``.
- ``python``: ``model.py:ClassName[:weights.pt]``, see ``python_file``.
- ``torchscript``: a ``torch.jit.save`` file: it runs, but cannot be quantized here.
- ``pickle``: a whole model saved with ``torch.save(model)``, opened only if trusted.
- ``factory``: ``py:package.module:factory[:weights]``, an architecture by name.
- ``huggingface``: a folder with ``config.json`` and its weights, opened with transformers.

A model's inputs are an ``InputSignature`` (see ``quantgui.core.signature``): from the model
(its config, its first layer), or given with ``--input``.

Files are recognised by their content (not their name); nothing here writes to the user's
files (no ``__pycache__`` either).
"""

from __future__ import annotations

import math
from collections.abc import Generator
from pathlib import Path
from typing import Any

from quantgui.core import texts
from quantgui.core.errors import ModelError
from quantgui.core.events import CancelToken, EventStream, drive
from quantgui.core.limits import check_allocation
from quantgui.core.signature import (
    InputSignature,
    InputSpec,
    PackedInputs,
    embedding_signature,
    forward_inputs,
    parse_input,
)

# Each import registers its source; the order is the order in which specs are claimed.
from quantgui.core.sources import (  # noqa: F401
    export,
    factory,
    huggingface,
    python_file,
    torch_save,
    torchscript,
)
from quantgui.core.sources.base import (
    ALL_METHODS,
    OPEN_STAGES,
    SAFE_FORMATS,
    MemoryProbe,
    ModelFile,
    OpenOptions,
    begin,
    check_file,
    detect_kind,
    fmt_shape,
    parse_model_args,
)
from quantgui.core.sources.export import check_batch_sizes, modularize
from quantgui.core.sources.python_file import parse_spec
from quantgui.core.sources.registry import (
    ModelSource,
    by_spec,
    find_source,
    get_source,
    kind_title,
    sources,
)
from quantgui.core.sources.weights import load_state_dict_file

__all__ = [
    "KIND_NAMES", "METHODS_BY_KIND", "OPEN_STAGES", "SAFE_FORMATS", "MemoryProbe", "ModelFile",
    "ModelSource", "OpenOptions", "check_batch_sizes", "check_file", "check_method", "detect_kind",
    "find_source", "input_files", "load_model_file", "load_state_dict_file", "modularize",
    "open_user_model", "parse_model_args", "parse_shape", "parse_spec", "resolve_signature",
    "sources", "stream_model_file", "stream_user_model",
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
    return drive(stream_model_file(spec, model_args=model_args, trust=trust,
                                   input_shape=input_shape, memory=memory))


def stream_model_file(spec: str, *, model_args: str | dict[str, Any] | None = None,
                      trust: bool = False, input_shape: tuple[int, ...] | None = None,
                      memory: MemoryProbe | None = None, cancel: CancelToken | None = None
                      ) -> EventStream[ModelFile]:
    """``load_model_file`` as an event stream: ``Progress`` as each stage of opening starts
    (``OPEN_STAGES``); ``cancel`` stops it between two stages."""
    yield from begin("reading model", cancel)
    source = find_source(spec, memory)
    if model_args is not None and not source.takes_args:
        raise ModelError("--model-args applies to a Python class or factory only.",
                         "Give the model as path.py:ClassName, or leave out --model-args.")
    given = None if input_shape is None else tuple(input_shape)
    options = OpenOptions(model_args=parse_model_args(model_args) if source.takes_args else None,
                          trust=trust, input_shape=given, memory=memory, cancel=cancel)
    opened = source.open(spec, options)
    loaded = (yield from opened) if isinstance(opened, Generator) else opened
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
    if source is export.SOURCE and shape is not None and loaded.signature is None:
        yield from begin("checking model", cancel)
        check_batch_sizes(loaded.model, shape, loaded.kind, memory)
    return loaded._replace(input_shape=shape)


def input_files(spec: str) -> list[Path]:
    """The user's files a model spec reads (model file, weights, config): never outputs."""
    source = by_spec(spec)
    return source.input_files(spec) if source is not None else [Path(spec)]


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


def resolve_signature(loaded: ModelFile, spec: str, inputs: list[Any] | None,
                      input_shape: tuple[int, ...] | None) -> InputSignature | None:
    """The model's inputs: given with --input, declared by the source, or inferred from the
    model (an embedding first, several forward arguments); None: one float tensor of
    ``loaded.input_shape`` (or of the data's shape)."""
    if inputs:
        if input_shape is not None:
            raise ModelError("--input and --input-shape both give the input shape.",
                             "Give one of them.")
        signature = InputSignature(tuple(spec_ if isinstance(spec_, InputSpec)
                                         else parse_input(str(spec_)) for spec_ in inputs))
    elif loaded.signature is not None:
        signature = loaded.signature
    else:
        names = forward_inputs(loaded.model)
        if len(names) > 1:
            raise ModelError(
                f"{spec} takes {len(names)} inputs ({', '.join(names)}).",
                "Give each with --input in that order: "
                + " ".join(f"--input '{name}:DTYPE[SHAPE]'" for name in names)
                + ", e.g. --input 'features:float32[8]' --input 'ids:int64[16]:0..999'.")
        signature = embedding_signature(loaded.model, loaded.input_shape)
    if signature is not None:
        signature.check_packable()
    return signature


def _adapt(model: Any, signature: InputSignature) -> Any:
    """The model, made to take the pipeline's one tensor."""
    if isinstance(model, huggingface.HFModel):
        model.use_signature(signature)
        return model
    return PackedInputs(model, signature).eval() if signature.packed else model


def open_user_model(spec: str, **options: Any) -> Any:
    """The model file and its data as a LoadedModel, checked with a forward pass (the options
    of ``stream_user_model``)."""
    return drive(stream_user_model(spec, **options))


def stream_user_model(spec: str, *, data: str = "random", method: str | None = None,
                      model_args: str | dict[str, Any] | None = None, trust: bool = False,
                      input_shape: tuple[int, ...] | None = None,
                      label_column: str | None = None,
                      image_size: tuple[int, int] | None = None, val_fraction: float = 0.2,
                      num_classes: int | None = None, seed: int = 0,
                      memory: MemoryProbe | None = None, inputs: list[Any] | None = None,
                      text_column: str | None = None, cancel: CancelToken | None = None
                      ) -> EventStream[Any]:
    """The model file and its data as a LoadedModel, checked with a forward pass.

    ``method``, if given, is checked against what this kind of model supports. ``inputs``:
    the model's inputs as ``--input`` strings or ``InputSpec``s (several, integers). Yields
    ``Progress`` as each stage starts (``OPEN_STAGES``; images read and texts tokenized are
    counted); ``cancel`` stops it between two stages and inside those loops, and nothing it
    imported stays in ``sys.modules``.
    """
    from quantgui.core.datasets import stream_data
    from quantgui.core.demos import LoadedModel
    from quantgui.core.pipeline import check_model

    loaded = yield from stream_model_file(spec, model_args=model_args, trust=trust,
                                          input_shape=None if inputs else input_shape,
                                          memory=memory, cancel=cancel)
    if method is not None:
        check_method(loaded.kind, method)
    signature = resolve_signature(loaded, spec, inputs, input_shape)
    model = loaded.model if signature is None else _adapt(loaded.model, signature)
    shape = loaded.input_shape
    if signature is None and shape is None and str(data) == "random":
        raise ModelError(f"The input shape of {spec} is not stored in the file.",
                         "Give it with --input-shape, e.g. 3,32,32 (per sample, without the "
                         "batch dimension).")
    images = dict(loaded.image_options or {})
    if signature is not None and signature.is_float:
        shape = signature.sample_shape
    if image_size is None and shape is not None and len(shape) == 3 and Path(data).is_dir():
        image_size = (shape[1], shape[2])  # pictures resized to what the model takes
    yield from begin("reading data", cancel)
    bundle = yield from stream_data(
        data, input_shape=shape, label_column=label_column, image_size=image_size,
        val_fraction=val_fraction, num_classes=num_classes, seed=seed, signature=signature,
        text_encoder=loaded.text_encoder, text_column=text_column, mean=images.get("mean"),
        std=images.get("std"), cancel=cancel)
    yield from begin("checking model", cancel)
    check_model(model, bundle)
    source = get_source(loaded.kind)
    details = dict(loaded.details or {})
    if signature is not None:
        details["inputs"] = signature.to_dict()
    description = texts.MODEL_PARTS.join(
        (loaded.description, texts.MODEL_DATA.format(data=bundle.description)))
    return LoadedModel(name=source.display_name(spec), description=description,
                       model=model, data=bundle, source=f"{loaded.kind}:{spec}",
                       model_args=parse_model_args(model_args) or None, details=details or None)
