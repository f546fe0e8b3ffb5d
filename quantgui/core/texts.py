"""The core's texts that a front end shows, by context, so that the window can translate them.

The core never imports Qt, so it cannot mark texts for translation itself. Instead every text
it hands to the window is listed here, grouped by translation context:

- ``recipe``: the settings' labels and help, the engines' titles and descriptions;
- ``technique``: the techniques' titles and summaries;
- ``model``: the demo models' descriptions;
- ``note``: layer notes (why a layer is int8, fused or float);
- ``log``: lines of the Log tab;
- ``message``: common messages of errors and checks.

A text with ``{fields}`` is a template: the core formats it (``NOTE_FUSED_INTO.format(layer=
"block1.0")``) and the window recognises the formatted text by its template, translates the
template and fills it again with the same values (``quantgui.ui.i18n.tr_core``). So a note
made by the core in English, saved in a results file and opened later, still reads in Spanish.

``tools/update_translations.py`` writes ``core_texts()`` into ``quantgui/ui/core_strings.py``
for pyside6-lupdate; a test fails when that file is out of date.
"""

from __future__ import annotations

import dataclasses

# ---- layer notes (context "note") ---------------------------------------------------------
NOTE_KEPT = "kept in float by request"
NOTE_FUSED_INTO = "fused into {layer}"
NOTE_FOLDED_AWAY = "folded away by graph rewriting"
NOTE_FLOAT16 = "float16 weights (no speed or size gain on CPU)"
NOTE_INT8_FUSED = "{note} (fused {type})"
NOTE_REFERENCE = ("simulated only: FX left a reference module (float weights between quantize "
                  "and dequantize) because no int8 kernel pattern matched its neighbours")
NOTE_NO_WEIGHTS = "no weights to quantize"

NOTES: tuple[str, ...] = (
    NOTE_KEPT, NOTE_FUSED_INTO, NOTE_FOLDED_AWAY, NOTE_FLOAT16, NOTE_INT8_FUSED, NOTE_REFERENCE,
    NOTE_NO_WEIGHTS,
)

# ---- lines of the Log tab (context "log") -------------------------------------------------
LOGS: tuple[str, ...] = ()

# ---- messages of errors and checks (context "message") ------------------------------------
MESSAGES: tuple[str, ...] = ()


def _recipe_texts() -> list[str]:
    from quantgui.core.recipes import Recipe
    from quantgui.core.techniques import techniques

    texts: list[str] = []
    for recipe_type in (Recipe, *(t.recipe_type for t in techniques())):
        for field in dataclasses.fields(recipe_type):
            texts += [field.metadata.get("label") or "", field.metadata.get("help") or ""]
    return texts


def _engine_texts() -> list[str]:
    from quantgui.core.engines import engines

    texts: list[str] = []
    for engine in engines():
        texts += [engine.title, engine.description]
    return texts


def core_texts() -> dict[str, list[str]]:
    """Every text of the core that the window shows, by context, in a stable order, each once.

    Imports the recipes, techniques, engines and demos (torch among them): for tools and
    tests, not for a window that is starting."""
    from quantgui.core.demos import DEMOS
    from quantgui.core.techniques import techniques

    found = {
        "recipe": _recipe_texts() + _engine_texts(),
        "technique": [text for t in techniques() for text in (t.title, t.summary)],
        "model": [demo.description for demo in DEMOS.values()],
        "note": [*NOTES, *(text for t in techniques() for text in (t.int8_note, t.float_note))],
        "log": list(LOGS),
        "message": list(MESSAGES),
    }
    return {context: list(dict.fromkeys(t for t in texts if t.strip()))
            for context, texts in found.items()}
