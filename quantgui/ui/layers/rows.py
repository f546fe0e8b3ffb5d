"""The Layers tab's data: its constants and one leaf layer's row (the plan, and the last run's
measurements when there is one). No widgets here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

# Highlighted in red: the quantized layers whose own output SQNR is below this, and only those
# (about 5.6 % RMS error). A layer above it is not poor even when it is the lowest of the model.
WORST_DB = 25.0
BAR_LABEL_CHARS = 18  # longer layer names are shortened on the bar chart's axis
NAME_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

COLUMNS = ("layer", "type", "parameters", "shape", "status", "reason", "weight_sqnr",
           "output_sqnr", "accumulated_sqnr")
SQNR_COLUMNS = (6, 7, 8)
REASON_COLUMN = 5
VIEW_KEY = "layers/view"  # QSettings: "tree" or "flat"
VIEWS = ("tree", "flat")


@dataclass
class LayerRow:
    """One leaf layer's row: the plan, and the last run's measurements when there is one."""

    name: str
    type: str
    parameters: int | None
    shape: tuple[int, ...] | None
    status: str  # "int8", "fused" or "float"
    reason: str
    sqnr: tuple[float | None, float | None, float | None]  # weight, output, accumulated
    planned_int8: bool
    measured: bool = False  # the row shows a run's record (not the plan)


def short_label(name: str, width: int = BAR_LABEL_CHARS) -> str:
    """A long qualified name cut from the left, where names of a deep model repeat
    themselves ("encoder.0.attention.query" -> "…0.attention.query")."""
    return name if len(name) <= width else "…" + name[-(width - 1):]


def db(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def status_of(layer: Any) -> str:
    """A run's LayerRecord as "int8", "fused" or "float"."""
    if layer.quantized:
        return "int8"
    return "fused" if layer.note.startswith("fused into") else "float"


def worst_names(records: list[Any]) -> list[str]:
    """The quantized layers whose own output SQNR is below WORST_DB."""
    return [r.name for r in records if r.quantized and r.output_sqnr_db is not None
            and r.output_sqnr_db < WORST_DB]
