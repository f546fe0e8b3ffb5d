"""Architectures by name: ``py:package.module:factory_or_class[:weights.pth|.safetensors]``.

Any importable callable that returns an ``nn.Module`` (``py:torchvision.models:resnet18``,
``py:timm:create_model`` with ``--model-args '{"model_name": "resnet18"}'``), called with the
JSON keyword arguments. Weights only ever come from a local file; without one the model keeps
its random initialisation, and says so. The input shape comes from the model's own
configuration where it has one (a transformers config, timm's pretrained_cfg).
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path
from typing import Any

import torch
from torch import nn

from quantgui.core import texts
from quantgui.core.errors import ModelError
from quantgui.core.events import EventStream
from quantgui.core.sources import huggingface
from quantgui.core.sources.base import ModelFile, OpenOptions, begin, first_line
from quantgui.core.sources.registry import ModelSource, register
from quantgui.core.sources.weights import apply_weights, load_state_dict_file

TITLE = "architecture by name"
PREFIX = "py:"
RANDOM_NOTE = "random initialisation: no weights file given (weights are never downloaded)"
# Keyword arguments that would make a factory download weights.
DOWNLOADS = ("pretrained", "weights", "pretrained_cfg_overlay", "checkpoint_path")
# Packages whose wheels are built against one torch: an import failure is usually that.
TORCH_BUILT = ("torchvision", "timm", "torchaudio")


def parse_factory(spec: str) -> tuple[str, str, Path | None]:
    """``py:module:name[:weights]`` -> (module, attribute path, weights file)."""
    module, _, rest = spec[len(PREFIX):].partition(":")
    attribute, _, weights = rest.partition(":")
    parts = module.split(".") + attribute.split(".")
    if not module or not attribute or not all(part.isidentifier() for part in parts):
        raise ModelError(f"'{spec}' is not of the form py:package.module:factory[:weights.pth].",
                         "For example py:torchvision.models:resnet18 or "
                         "py:mypackage.models:make_model:weights.safetensors.")
    return module, attribute, Path(weights) if weights else None


def import_module(name: str) -> Any:
    """The module, or a ModelError that says why it cannot be imported here."""
    top = name.split(".")[0]
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name and (error.name == top or name.startswith(error.name)):
            raise ModelError(f"The module '{name}' is not installed ({first_line(error)}).",
                             f"Install the package that provides it (pip install {top}), or "
                             "check the name.") from error
        raise ModelError(f"Importing '{name}' failed: {first_line(error)}.",
                         f"Install the missing package {error.name}.") from error
    except Exception as error:  # noqa: BLE001 - a broken install raises anything on import
        detail = f"{type(error).__name__}: {first_line(error)}"
        if top in TORCH_BUILT:
            raise ModelError(
                f"{top} is installed but cannot be imported ({detail}): it was built against "
                f"another torch than this one ({torch.__version__}).",
                f"Install the {top} build made for torch {torch.__version__.split('+')[0]} "
                f"(CPU builds come from PyTorch's own package index), or give the model as "
                "a Python file or a .pt2 export instead.") from error
        raise ModelError(f"Importing '{name}' failed: {detail}",
                         "Fix the module or its installation, then retry.") from error


def _resolve(module: Any, attribute: str, spec: str) -> Any:
    target = module
    for part in attribute.split("."):
        found = getattr(target, part, None)
        if found is None:
            names = sorted(n for n, v in vars(module).items()
                           if callable(v) and not n.startswith("_"))[:20]
            raise ModelError(f"'{module.__name__}' has no '{attribute}' (from '{spec}').",
                             f"Some of what it has: {', '.join(names) or 'nothing callable'}.")
        target = found
    if not callable(target):
        raise ModelError(f"'{attribute}' in '{module.__name__}' is not a class or function.",
                         "Give a factory function or an nn.Module class.")
    return target


def config_input_shape(model: nn.Module) -> tuple[int, ...] | None:
    """The per-sample input shape a model's own configuration declares, if any."""
    for name in ("pretrained_cfg", "default_cfg"):  # timm
        config = getattr(model, name, None)
        if isinstance(config, dict) and isinstance(config.get("input_size"), (tuple, list)):
            return tuple(int(d) for d in config["input_size"])
    return None


def load_factory(spec: str, options: OpenOptions) -> EventStream[ModelFile]:
    module_name, attribute, weights = parse_factory(spec)
    kwargs = options.model_args or {}
    asked = [key for key in DOWNLOADS if kwargs.get(key) not in (None, False)]
    if asked:
        raise ModelError(f"--model-args asks for downloaded weights ({', '.join(asked)}): "
                         "QuantGUI never downloads.",
                         f"Give a local weights file instead: {PREFIX}{module_name}:{attribute}"
                         ":weights.pth (or .safetensors).")
    yield from begin("importing code", options.cancel)
    factory = _resolve(import_module(module_name), attribute, spec)
    yield from begin("building model", options.cancel)
    try:
        model = factory(**kwargs)
    except Exception as error:
        try:
            parameters = f" {inspect.signature(factory)}"
        except (TypeError, ValueError):
            parameters = ""
        raise ModelError(f"{module_name}.{attribute}(**{kwargs}) failed: "
                         f"{type(error).__name__}: {first_line(error)}",
                         f"Check --model-args against its parameters{parameters}.") from error
    if not isinstance(model, nn.Module):
        raise ModelError(f"{module_name}.{attribute} returned a {type(model).__name__}, not an "
                         "nn.Module.", "Give a factory that builds the model.")
    name = f"{module_name}.{attribute}"
    details: dict[str, Any] = {"factory": name}
    if weights is not None:
        yield from begin("loading weights", options.cancel)
        apply_weights(model, load_state_dict_file(weights, options.memory), weights, name)
        description = texts.MODEL_FACTORY_WEIGHTS.format(name=name, weights=weights.name)
        details["weights"] = str(weights)
    else:
        description = texts.MODEL_FACTORY_RANDOM.format(name=name)
        details["weights"] = RANDOM_NOTE
    signature, note = None, ""
    config = getattr(model, "config", None)
    if config is not None and hasattr(model, "main_input_name"):  # a transformers model
        yield from begin("checking model", options.cancel)
        model, signature, hf_details, note = huggingface.wrap(model, config, options.input_shape)
        details.update(hf_details)
        note += texts.MODEL_PARTS + texts.MODEL_COMPARES.format(
            output=hf_details["compared_output"])
    shape = signature.sample_shape if signature is not None and signature.is_float \
        else config_input_shape(model)
    if options.input_shape is not None and signature is None:
        shape = options.input_shape  # what the user gives wins over a default configuration
    return ModelFile(model.eval(), shape, description + note, "factory",
                     signature=signature, details=details)


def _claims(spec: str) -> bool:
    return spec.startswith(PREFIX)


def _input_files(spec: str) -> list[Path]:
    weights = parse_factory(spec)[2]
    return [weights] if weights is not None else []


def _display_name(spec: str) -> str:
    module, attribute, _ = parse_factory(spec)
    return f"{attribute} ({module})"


SOURCE = register(ModelSource(kind="factory", title=TITLE, open=load_factory, claims=_claims,
                              runs_code=True, takes_args=True, input_files=_input_files,
                              display_name=_display_name))
