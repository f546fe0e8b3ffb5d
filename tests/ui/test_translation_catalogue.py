"""The .ts files are the single source of the translations: every text of the window and every
text of the core that the window shows is in them, translated, and the shipped .qm is compiled
from them (tools/update_translations.py runs Qt's lupdate and lrelease)."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations",
                                                  ROOT / "tools" / "update_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_translations_live_in_ts_files_only(tool):
    assert [ts.name for ts in tool.ts_files()] == ["quantgui_es.ts"]
    source = (ROOT / "tools" / "update_translations.py").read_text(encoding="utf-8")
    assert "Cuantizar" not in source  # no dictionary of Spanish texts beside the catalogue
    assert shutil.which(tool.tool("pyside6-lupdate")) or Path(tool.tool("pyside6-lupdate")).exists()


def test_the_shipped_qm_is_compiled_from_the_ts(tool, tmp_path):
    for ts in tool.ts_files():
        fresh = tmp_path / ts.with_suffix(".qm").name
        tool.lrelease(ts, fresh)
        assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
            f"run {sys.executable} tools/update_translations.py")


def test_the_catalogue_has_every_text_of_the_window(tool, tmp_path):
    """lupdate over the sources finds nothing the .ts lacks, and nothing it no longer needs."""
    for ts in tool.ts_files():
        copy = tmp_path / ts.name
        shutil.copy(ts, copy)
        tool.lupdate(copy)
        before = {(c, s) for c, s, _ in tool.messages(ts)}
        after = {(c, s) for c, s, _ in tool.messages(copy)}
        assert sorted(after - before) == [], "texts missing from the catalogue: run the tool"
        assert sorted(before - after) == [], "texts no longer in the sources: run the tool"


def test_core_strings_lists_every_core_text_the_window_shows(tool):
    """quantgui/ui/core_strings.py is what the core's registries give (technique titles,
    settings' labels and help, engines, model descriptions, layer notes, log lines, messages)."""
    written = (ROOT / "quantgui" / "ui" / "core_strings.py").read_text(encoding="utf-8")
    assert written == tool.core_strings_text(), "run tools/update_translations.py"
    from quantgui.core.text_registry import core_texts

    catalogue = {(c, s) for c, s, _ in tool.messages(tool.ts_files()[0])}
    texts = core_texts()
    assert {"recipe", "technique", "model", "note", "log", "message"} <= set(texts)
    for context, listed in texts.items():
        missing = [text for text in listed if (context, text) not in catalogue]
        assert missing == [], f"{context} texts missing from the catalogue"
