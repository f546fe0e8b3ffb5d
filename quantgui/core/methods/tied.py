"""Tied weights: one weight that two layers share (a language model's output head and its
token embedding, GPT-2's ``lm_head`` and ``wte``).

Quantizing only the head gives it an int8 copy of the weight while the embedding keeps the
float one: two tensors where the float model saves one, so the "quantized" model is larger
(measured: a 4-layer, 256-wide GPT-2 came out at 1.05x dynamic, 1.07x static). Every engine
keeps such a layer float, says so in its note (``texts.NOTE_TIED``), and keeps the weight
shared in the model it builds (``retie``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TYPE_CHECKING

import torch
from torch import nn

from quantgui.core import texts
from quantgui.core.events import LogMessage

if TYPE_CHECKING:
    from quantgui.core.engines.base import EngineBuild
    from quantgui.core.recipes import Recipe

# the layers every engine makes int8 (weights of these types are quantized)
QUANTIZED_TYPES = (nn.Linear, nn.Conv1d, nn.Conv2d, nn.Conv3d)


def _kept(name: str, keep_float: Iterable[str]) -> bool:
    return any(name == k or name.startswith(k + ".") for k in keep_float)


def _owners(model: nn.Module) -> list[list[tuple[str, str, nn.Module]]]:
    """The parameters held by more than one module: (module name, attribute, module) each."""
    groups: dict[int, list[tuple[str, str, nn.Module]]] = {}
    for name, module in model.named_modules(remove_duplicate=False):
        for attribute, parameter in module._parameters.items():
            if parameter is None:
                continue
            owners = groups.setdefault(id(parameter), [])
            if not any(other is module for _, _, other in owners):  # one module, two names
                owners.append((name, attribute, module))
    return [owners for owners in groups.values() if len(owners) > 1]


def tied_layers(model: nn.Module, keep_float: Iterable[str] = ()) -> dict[str, str]:
    """``{layer: the module it shares its weight with}`` for each Linear or convolution whose
    weight is also the weight of a module no engine makes int8 (an ``nn.Embedding``). Layers
    the user keeps float already are left out."""
    keep_float = tuple(keep_float)
    tied: dict[str, str] = {}
    for owners in _owners(model):
        others = [name for name, _, module in owners if not isinstance(module, QUANTIZED_TYPES)]
        if not others:
            continue  # shared between int8 layers: each gets int8 weights, still smaller
        for name, attribute, module in owners:
            if (attribute == "weight" and isinstance(module, QUANTIZED_TYPES)
                    and not _kept(name, keep_float)):
                tied[name] = others[0]
    return tied


def tied_notes(tied: dict[str, str]) -> dict[str, str]:
    """The layer notes of the tied layers kept float."""
    return {name: texts.NOTE_TIED.format(other=other) for name, other in tied.items()}


def tied_log(tied: dict[str, str]) -> list[LogMessage]:
    """One Log line per tied layer kept float."""
    return [LogMessage(texts.LOG_TIED.format(layer=name, other=other))
            for name, other in tied.items()]


def _get(model: nn.Module, name: str) -> nn.Module | None:
    try:
        return model.get_submodule(name) if name else model
    except AttributeError:
        return None


def retie(original: nn.Module, built: nn.Module) -> int:
    """Share again in ``built`` the float parameters that ``original`` shares: a layer put back
    float from a copy (keep_float) holds a copy of the weight it shared, saved twice. Returns
    how many parameters were shared again."""
    count = 0
    for owners in _owners(original):
        found = []
        for name, attribute, _ in owners:
            module = _get(built, name)
            parameter = None if module is None else module._parameters.get(attribute)
            if isinstance(parameter, nn.Parameter) and parameter.is_floating_point():
                found.append((module, attribute, parameter))
        if len(found) < 2:
            continue
        _, _, first = found[0]
        for module, attribute, parameter in found[1:]:
            if parameter is not first and parameter.shape == first.shape and torch.equal(
                    parameter.detach(), first.detach()):
                module._parameters[attribute] = first
                count += 1
    return count


def with_tied_float(recipe: Recipe, tied: dict[str, str]) -> Recipe:
    """``recipe`` with the tied layers among the layers kept float (for an engine that keeps
    layers float by name); its results then get ``note_tied``."""
    if not tied:
        return recipe
    return dataclasses.replace(recipe, keep_float=(*recipe.keep_float, *tied))


def note_tied(build: EngineBuild, tied: dict[str, str]) -> EngineBuild:
    """The tied layers' notes in an engine's build made with ``with_tied_float``."""
    notes = tied_notes(tied)
    build.notes.update(notes)
    for record in build.layers or ():
        if record.name in notes:
            record.note = notes[record.name]
    return build
