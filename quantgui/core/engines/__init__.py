"""The engines a quantized model can run on, behind one registry.

Built-in engines are imported on first use (``onnxruntime`` and ``torchao`` are heavy); any
other module may add one with ``register_engine``. Everything else (the pipeline, the command
line, the window) finds engines only through ``engines()`` and ``get_engine(name)``.
"""

from __future__ import annotations

import importlib

from quantgui.core.engines.base import Engine, EngineBuild
from quantgui.core.errors import RecipeError

__all__ = ["Engine", "EngineBuild", "engine_names", "engines", "get_engine", "register_engine"]

DEFAULT_ENGINE = "torch_ao"

# "module:Class" of each built-in engine, in the order menus show them
BUILTIN_ENGINES = (
    "quantgui.core.engines.torch_ao:TorchAoEngine",
    "quantgui.core.engines.pt2e:Pt2eEngine",
    "quantgui.core.engines.ort:OnnxRuntimeEngine",
    "quantgui.core.engines.weight_only:WeightOnlyEngine",
)

_registry: dict[str, Engine] = {}
_builtins_loaded = False


def register_engine(engine: Engine) -> Engine:
    """Add (or replace) an engine; returns it, so it can decorate an instance's creation."""
    if not engine.name:
        raise ValueError("an engine needs a name")
    _registry[engine.name] = engine
    return engine


def _load_builtins() -> None:
    global _builtins_loaded
    if _builtins_loaded:
        return
    _builtins_loaded = True
    for spec in BUILTIN_ENGINES:
        module_name, _, class_name = spec.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name == module_name:  # not written yet in this checkout
                continue
            raise
        engine = getattr(module, class_name)()
        _registry.setdefault(engine.name, engine)
    # built-ins first, in menu order, even when a plug-in registered before they were loaded
    def is_builtin(engine: Engine) -> bool:
        return f"{type(engine).__module__}:{type(engine).__name__}" in BUILTIN_ENGINES

    ordered = sorted(_registry.items(), key=lambda item: not is_builtin(item[1]))
    _registry.clear()
    _registry.update(ordered)


def engines() -> list[Engine]:
    """Every registered engine, built-ins first, available or not."""
    _load_builtins()
    return list(_registry.values())


def engine_names() -> list[str]:
    return [engine.name for engine in engines()]


def get_engine(name: str) -> Engine:
    _load_builtins()
    engine = _registry.get(name)
    if engine is None:
        raise RecipeError(f"Unknown engine '{name}'.", f"Choose one of: {', '.join(_registry)}.")
    return engine
