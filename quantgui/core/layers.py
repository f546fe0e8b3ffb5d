"""Which layers were really quantized: a record per leaf module, before and after."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from torch import nn

from quantgui.core import texts

if TYPE_CHECKING:
    from quantgui.core.techniques import Technique

_QUANTIZED_PACKAGES = ("torch.ao.nn.quantized", "torch.ao.nn.intrinsic.quantized",
                       "torch.ao.nn.quantized.dynamic", "torch.nn.quantized")


@dataclass
class LayerRecord:
    name: str
    original_type: str
    quantized_type: str | None
    quantized: bool
    note: str
    weight_sqnr_db: float | None = None  # filled in after a run, see core.analysis
    output_sqnr_db: float | None = None
    accumulated_sqnr_db: float | None = None
    error_source: str | None = None  # "torch.ao.ns" (numeric suite) or "forward hooks"

    def to_dict(self) -> dict:
        return asdict(self)


def type_name(module: nn.Module) -> str:
    """``torch.nn.modules.linear.Linear`` -> ``torch.nn.Linear``, as users write it."""
    cls = type(module)
    return re.sub(r"\.modules\.[A-Za-z_]+", "", f"{cls.__module__}.{cls.__qualname__}")


def is_reference_module(module: nn.Module) -> bool:
    """FX leaves "reference" modules where no int8 kernel pattern matched: float weights with
    quantize/dequantize around them, which simulate int8 but run in float."""
    return ".quantized.reference" in type(module).__module__


def is_quantized_module(module: nn.Module) -> bool:
    return (type(module).__module__.startswith(_QUANTIZED_PACKAGES)
            and not is_reference_module(module))


def leaf_modules(model: nn.Module) -> list[tuple[str, nn.Module]]:
    leaves = [(name, m) for name, m in model.named_modules() if not any(m.children())]
    return leaves or [("", model)]


def find_module(model: nn.Module, name: str) -> nn.Module | None:
    from quantgui.core.methods.fx_units import unwrap

    try:
        return unwrap(model.get_submodule(name) if name else model)
    except AttributeError:
        return None


def layer_records(original: nn.Module, quantized: nn.Module, technique: Technique,
                  notes: dict[str, str]) -> list[LayerRecord]:
    records = []
    previous_fused: str | None = None
    for name, module in leaf_modules(original):
        after = find_module(quantized, name)
        has_weights = any(True for _ in module.parameters(recurse=False))
        if after is None:
            note = (texts.NOTE_FUSED_INTO.format(layer=previous_fused) if previous_fused
                    else texts.NOTE_FOLDED_AWAY)
            records.append(LayerRecord(name, type_name(module), None, False, note))
            continue
        quantized_flag = is_quantized_module(after)
        fused = ".intrinsic." in type(after).__module__
        previous_fused = name if fused else previous_fused if not has_weights else None
        # ``notes`` say why a layer stayed float (kept float, FX could not trace its parent):
        # a layer converted all the same (a unit of its own inside untraceable code) is int8,
        # and its note says so, not why it is not
        if name in notes and not quantized_flag:
            note = notes[name]
        elif quantized_flag:
            note = technique.int8_note
            if type(after).__name__.startswith("Linear") and "float16" in repr(after):
                note = texts.NOTE_FLOAT16
            if fused:
                note = texts.NOTE_INT8_FUSED.format(note=note, type=type(after).__name__)
        elif is_reference_module(after):
            note = texts.NOTE_REFERENCE
        elif not has_weights:
            note = texts.NOTE_NO_WEIGHTS
        else:
            note = technique.float_note.format(type=type(module).__name__)
        records.append(LayerRecord(name, type_name(module), type_name(after), quantized_flag, note))
    return records
