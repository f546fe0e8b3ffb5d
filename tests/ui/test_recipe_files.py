"""File > Open recipe with files that are not recipes (issue 17), on the real window: the core
reads the file as the command line's --recipe does, the error box names the file and what is
wrong (in Spanish too), the settings are left alone and the file is never changed."""

from __future__ import annotations

import json

HOSTILE = [
    (b"\xff\xfe{\"method\": \"dynamic\"}", "is not a JSON recipe: it is not UTF-8 text",
     "no es una receta JSON: no es texto UTF-8"),
    (("[" * 100_000 + "]" * 100_000).encode(), "nests too deeply", "se anida demasiado"),
    (('{"method": "static", "calibration_batches": ' + "9" * 5000 + "}").encode(),
     "the setting calibration_batches holds a number of 5000 digits",
     "el ajuste calibration_batches tiene un número de 5000 cifras"),
    (json.dumps({"method": "static", "model_args": [1, 2]}).encode(),
     "The setting model_args must be a JSON object",
     "El ajuste model_args debe ser un objeto JSON"),
    (json.dumps({"method": "static", "observer": 5}).encode(),
     "The setting observer must be text, not 5", "El ajuste observer debe ser texto, no 5"),
    (b'{"method": "static", "method": "dynamic"}', "gives method twice", "da method dos veces"),
]


def test_open_recipe_refuses_hostile_files_naming_them(qtbot, window, qapp, tmp_path):
    from quantgui.ui.i18n import install_translator

    io = window.results_io
    window.select_method("static")
    window.settings_panel.set_values({"observer": "minmax"})
    hints = {}
    for index, (content, english, _) in enumerate(HOSTILE):
        path = tmp_path / f"shared{index}.json"
        path.write_bytes(content)
        assert not io.open_recipe_from(path)
        box = window.error_dialog
        assert box is not None and str(path) in box.text() and english in box.text()
        hints[index] = box.informativeText()
        assert hints[index] and "This looks like a bug" not in hints[index]
        box.close()
        assert window.settings_panel.method == "static"
        assert window.settings_panel.values()["observer"] == "minmax"
        assert path.read_bytes() == content
    try:
        window.set_language("es")
        for index, (_, _, spanish) in enumerate(HOSTILE):
            path = tmp_path / f"shared{index}.json"
            assert not io.open_recipe_from(path)
            box = window.error_dialog
            assert str(path) in box.text() and spanish in box.text(), box.text()
            assert box.informativeText() and box.informativeText() != hints[index]  # the hint
            box.close()
    finally:
        install_translator(qapp, "en")
