"""The quantization techniques (how the int8 model is made), behind one registry.

Each technique is one module here that owns what is true of it on every engine: its recipe
type, its explanation, the notes its layers get, the stand-in used to plan and rank layers,
and its section of the generated script. The pipeline, the command line and the window find
techniques only through ``techniques()`` and ``get_technique(name)``; how each engine runs a
technique is the engine's business (``quantgui.core.engines``).
"""

from __future__ import annotations

from quantgui.core.errors import RecipeError
from quantgui.core.techniques.base import Technique

__all__ = ["Technique", "get_technique", "register_technique", "technique_names", "techniques"]

_registry: dict[str, Technique] = {}


def register_technique(technique: Technique) -> Technique:
    _registry[technique.name] = technique
    return technique


def _load_builtins() -> None:
    if _registry:
        return
    # imported here: the technique modules import torch.ao, which this module must not need
    from quantgui.core.techniques import dynamic, qat, static

    for module in (dynamic, static, qat):
        _registry.setdefault(module.TECHNIQUE.name, module.TECHNIQUE)


def techniques() -> list[Technique]:
    _load_builtins()
    return list(_registry.values())


def technique_names() -> list[str]:
    return [technique.name for technique in techniques()]


def get_technique(name: str) -> Technique:
    _load_builtins()
    technique = _registry.get(name)
    if technique is None:
        raise RecipeError(f"Unknown technique '{name}'.",
                          f"Choose one of: {', '.join(_registry)}.")
    return technique
