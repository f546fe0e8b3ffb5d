"""Where the shipped demo weights and data live."""

from __future__ import annotations

import os
from pathlib import Path


def resources_dir() -> Path:
    """``resources/`` at the top of the repository, or ``$QUANTGUI_RESOURCES``."""
    override = os.environ.get("QUANTGUI_RESOURCES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "resources"
