"""``model.py:ClassName[:weights.pt]``: the class built with JSON keyword arguments and a
state_dict loaded with ``weights_only=True``. Nothing is written beside the user's file (no
``__pycache__``)."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

from torch import nn

from quantgui.core import texts
from quantgui.core.errors import ModelError
from quantgui.core.events import CancelToken, EventStream
from quantgui.core.sources.base import MemoryProbe, ModelFile, OpenOptions, begin, check_file
from quantgui.core.sources.imports import import_user_module
from quantgui.core.sources.registry import ModelSource, register
from quantgui.core.sources.weights import apply_weights, load_state_dict_file

TITLE = "Python class"
RANDOM_NOTE = "random initialisation: no weights file given"


def load_python(path: Path, class_name: str, weights: Path | None,
                model_args: dict[str, Any] | None, memory: MemoryProbe | None,
                cancel: CancelToken | None = None) -> EventStream[ModelFile]:
    kwargs = model_args or {}
    yield from begin("importing code", cancel)
    module = import_user_module(path)
    cls = getattr(module, class_name, None)
    if cls is None:
        found = sorted(n for n, v in vars(module).items()
                       if inspect.isclass(v) and issubclass(v, nn.Module)
                       and v.__module__ == module.__name__)
        raise ModelError(f"{path} has no class '{class_name}'.",
                         f"Classes of nn.Module defined there: {', '.join(found) or 'none'}.")
    if not (inspect.isclass(cls) and issubclass(cls, nn.Module)):
        raise ModelError(f"'{class_name}' in {path} is not an nn.Module subclass.",
                         "Give the name of the model's class.")
    yield from begin("building model", cancel)
    try:
        model = cls(**kwargs)
    except Exception as error:
        raise ModelError(f"Creating {class_name}(**{kwargs}) failed: {type(error).__name__}: "
                         f"{error}",
                         "Check --model-args against the class's __init__ parameters "
                         f"{inspect.signature(cls.__init__)}.") from error
    description = texts.MODEL_PYTHON.format(name=class_name, file=path.name)
    details: dict[str, Any] = {"class": f"{class_name} from {path}"}
    if weights is not None:
        yield from begin("loading weights", cancel)
        apply_weights(model, load_state_dict_file(weights, memory), weights, class_name)
        description = texts.MODEL_PYTHON_WEIGHTS.format(name=class_name, file=path.name,
                                                        weights=weights.name)
        details["weights"] = str(weights)
    else:
        description = texts.MODEL_PYTHON_RANDOM.format(name=class_name, file=path.name)
        details["weights"] = RANDOM_NOTE
    return ModelFile(model.eval(), None, description, "python", details=details)




def _package_folder(spec: str) -> int:
    """The length of a package folder's path at the start of ``folder:Class``, or -1."""
    head = spec.split(":", 1)[0]
    if head and ":" in spec and (Path(head) / "__init__.py").is_file():
        return len(head)
    return -1


def parse_spec(spec: str) -> tuple[Path, str | None, Path | None]:
    """``path``, or ``path.py:Class[:weights]`` or ``package_folder:Class[:weights]`` ->
    (path, class name, weights path)."""
    marker = spec.find(".py:")
    end = marker + 3
    if marker < 0:
        end = _package_folder(spec)
    if end < 0:
        if spec.endswith(".py"):
            raise ModelError(f"'{spec}' names a Python file but no class.",
                             "Write path.py:ClassName (and :weights.pt for trained weights).")
        return Path(spec), None, None
    path = Path(spec[:end])
    class_name, _, weights = spec[end + 1:].partition(":")
    if weights and not Path(weights).is_absolute() and not Path(weights).exists() \
            and (path.parent / weights).exists():
        weights = str(path.parent / weights)  # relative to the Python file
    if not class_name.isidentifier():
        raise ModelError(f"'{class_name}' in '{spec}' is not a class name.",
                         "Write path.py:ClassName[:weights.pt].")
    return path, class_name, Path(weights) if weights else None


def _claims(spec: str) -> bool:
    return ".py:" in spec or spec.endswith(".py") or _package_folder(spec) >= 0


def _open(spec: str, options: OpenOptions) -> EventStream[ModelFile]:
    path, class_name, weights = parse_spec(spec)
    if not path.is_dir():
        check_file(path, "model file", options.memory)
    if class_name is None:
        raise ModelError(f"'{spec}' names a Python file but no class.",
                         "Write path.py:ClassName[:weights.pt].")
    return (yield from load_python(path, class_name, weights, options.model_args,
                                   options.memory, options.cancel))


def _input_files(spec: str) -> list[Path]:
    path, _, weights = parse_spec(spec)
    return [path] + ([weights] if weights is not None else [])


def _display_name(spec: str) -> str:
    path, class_name, _ = parse_spec(spec)
    return f"{class_name} ({path.name})"


SOURCE = register(ModelSource(kind="python", title=TITLE, open=_open, claims=_claims,
                              file_kinds=("python",), runs_code=True, takes_args=True,
                              input_files=_input_files, display_name=_display_name))
