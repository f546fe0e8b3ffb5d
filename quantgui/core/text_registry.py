"""Every text of the core that the window shows, by translation context (see
``quantgui.core.texts``): the fixed texts listed there and those of the registries (settings'
labels, help and choices, engines, techniques, demo models).

For tools and tests: it imports the recipes, techniques, engines and demos (torch among them),
and nothing in the core imports it.
"""

from __future__ import annotations

import dataclasses

from quantgui.core import texts
from quantgui.core.demos import DEMOS
from quantgui.core.engines import engines
from quantgui.core.recipes import Recipe
from quantgui.core.techniques import techniques


def _recipe_texts() -> list[str]:
    found: list[str] = []
    for recipe_type in (Recipe, *(t.recipe_type for t in techniques())):
        for field in dataclasses.fields(recipe_type):
            found += [field.metadata.get("label") or "", field.metadata.get("help") or ""]
            found += [str(choice) for choice in field.metadata.get("choices") or ()]
    return found


def core_texts() -> dict[str, list[str]]:
    """Every text of the core that the window shows, by context, in a stable order, each once."""
    found = {
        "recipe": [*_recipe_texts(), *(text for e in engines() for text in (e.title,
                                                                             e.description))],
        "technique": [text for t in techniques() for text in (t.title, t.summary)],
        "model": [*(demo.description for demo in DEMOS.values()), *texts.MODELS],
        "note": [*texts.NOTES, *(text for t in techniques() for text in (t.int8_note,
                                                                          t.float_note))],
        "log": list(texts.LOGS),
        "message": list(texts.MESSAGES),
    }
    return {context: list(dict.fromkeys(t for t in listed if t.strip()))
            for context, listed in found.items()}
