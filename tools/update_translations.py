"""Update the translations from the sources with Qt's tools.

The .ts files in resources/translations/ are the single source of the translations: edit them
with Qt Linguist (``pyside6-linguist resources/translations/quantgui_es.ts``) or any editor.
This tool

1. regenerates ``quantgui/ui/core_strings.py``, the list of the core's texts that the window
   shows (``quantgui.core`` cannot import Qt, so lupdate finds its texts there);
2. runs ``pyside6-lupdate`` over ``quantgui/ui``, which adds new texts to every .ts file as
   unfinished, keeps the existing translations and drops texts no longer in the sources;
3. runs ``pyside6-lrelease`` to compile each .ts into the .qm the application loads (the .qm
   files are committed, and a test checks they match their .ts).

Run from the repository root with the virtual environment:
    .venv/bin/python tools/update_translations.py           # update, report what is unfinished
    .venv/bin/python tools/update_translations.py --check   # change nothing; fail if out of date
The exit status is 1 when a text has no translation (or, with --check, anything is out of date).
"""

from __future__ import annotations

import argparse
import filecmp
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
CORE_STRINGS = ROOT / "quantgui" / "ui" / "core_strings.py"


def tool(name: str) -> str:
    """A PySide6 tool from the virtual environment this Python runs in, else from PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else name


def ts_files() -> list[Path]:
    return sorted(TRANSLATIONS.glob("quantgui_*.ts"))


def sources() -> list[str]:
    """Every Python file of the window, relative to the repository root."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "quantgui" / "ui").rglob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-source-language", "en",
                    "-silent", "-ts", str(ts)], cwd=ROOT, check=True)


def carry_over(ts: Path, previous: dict[str, set[str]]) -> list[tuple[str, str]]:
    """Finish the unfinished messages whose source text had one translation before lupdate ran:
    a text that moved to another class (context) keeps its translation (lupdate proposes it
    but leaves it unfinished, or drops it). Returns (context, source) of each one finished."""
    tree = ET.parse(ts)
    filled = []
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source", "")
            known = previous.get(source, set())
            if (translation is not None and translation.get("type") == "unfinished"
                    and len(known) == 1 and (translation.text or "") in ("", *known)):
                translation.text = next(iter(known))
                del translation.attrib["type"]
                filled.append((context.findtext("name", ""), source))
    if filled:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
        lupdate(ts)  # back to lupdate's own layout
    return filled


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT,
                   check=True)


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished, non-empty translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if (translation is None or translation.get("type") == "unfinished"
                    or not "".join(translation.itertext()).strip()):
                missing.append((context.findtext("name", ""), message.findtext("source", "")))
    return missing


def wrapped(text: str, indent: str, width: int = 96) -> list[str]:
    """``text`` as Python string literals of at most ``width`` characters, split after spaces
    and newlines (implicit concatenation gives the text back)."""
    pieces = re.findall(r"[^ \n]*(?:[ \n]+|$)", text)
    lines: list[str] = []
    current = ""
    for piece in pieces:
        if current and len(indent) + len(_literal(current + piece)) > width:
            lines.append(current)
            current = ""
        current += piece
    if current or not lines:
        lines.append(current)
    return [indent + _literal(line) for line in lines]


def _literal(text: str) -> str:
    """A double-quoted Python literal, the style of the sources (JSON's escapes are Python's)."""
    return json.dumps(text, ensure_ascii=False)


def core_strings_text() -> str:
    """The source of quantgui/ui/core_strings.py, from the core's registries."""
    sys.path.insert(0, str(ROOT))
    from quantgui.core.text_registry import core_texts

    out = [
        '"""The core\'s texts that the window shows, listed so that pyside6-lupdate extracts '
        'them.',
        "",
        "Written by tools/update_translations.py from quantgui.core.text_registry.core_texts(): do "
        "not edit;",
        "run the tool after changing a text of the core. The window translates them with",
        "``quantgui.ui.i18n.tr_core(context, text)``, which also fills templates ({fields}).",
        '"""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
    ]
    for context, texts in core_texts().items():
        out += ["", f"{context.upper()} = ("]
        for text in texts:
            literals = wrapped(text, " " * 8)
            if len(literals) == 1 and len(literals[0]) + len(context) + 28 <= 100:
                out.append(f'    QT_TRANSLATE_NOOP("{context}", {literals[0].strip()}),')
            else:
                out += [f'    QT_TRANSLATE_NOOP(\n        "{context}",', *literals[:-1],
                        literals[-1] + "),"]
        out.append(")")
    return "\n".join(out) + "\n"


def check() -> list[str]:
    """What is out of date, changing nothing."""
    problems = []
    if CORE_STRINGS.read_text(encoding="utf-8") != core_strings_text():
        problems.append(f"{CORE_STRINGS.relative_to(ROOT)} is not the one the core's registries "
                        "give")
    with tempfile.TemporaryDirectory() as folder:
        for ts in ts_files():
            copy = Path(folder) / ts.name
            shutil.copy(ts, copy)
            before = {(c, s) for c, s, _ in messages(copy)}
            lupdate(copy)
            after = {(c, s) for c, s, _ in messages(copy)}
            for context, source in sorted(after - before):
                problems.append(f"{ts.name}: not in the catalogue: {context}: {source!r}")
            for context, source in sorted(before - after):
                problems.append(f"{ts.name}: no longer in the sources: {context}: {source!r}")
            qm = Path(folder) / ts.with_suffix(".qm").name
            lrelease(ts, qm)
            if not ts.with_suffix(".qm").exists() or not filecmp.cmp(qm, ts.with_suffix(".qm"),
                                                                     shallow=False):
                problems.append(f"{ts.with_suffix('.qm').name} is not compiled from {ts.name}")
            for context, source in unfinished(ts):
                problems.append(f"{ts.name}: unfinished: {context}: {source!r}")
    return problems


def messages(ts: Path) -> list[tuple[str, str, str]]:
    """(context, source, translation) of every message of a .ts file."""
    rows = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "" if translation is None else "".join(translation.itertext())
            rows.append((context.findtext("name", ""), message.findtext("source", ""), text))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if a file is out of date or untranslated")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    text = core_strings_text()
    if CORE_STRINGS.read_text(encoding="utf-8") != text:
        CORE_STRINGS.write_text(text, encoding="utf-8")
        print(f"updated {CORE_STRINGS.relative_to(ROOT)}")
    status = 0
    for ts in ts_files():
        previous: dict[str, set[str]] = {}
        for _, source, translation in messages(ts):
            if translation.strip():
                previous.setdefault(source, set()).add(translation)
        lupdate(ts)
        for context, source in carry_over(ts, previous):
            print(f"{ts.name}: kept the translation of a text now in {context}: {source!r}")
        lrelease(ts, ts.with_suffix(".qm"))
        missing = unfinished(ts)
        for context, source in missing:
            print(f"{ts.name}: untranslated: {context}: {source!r}", file=sys.stderr)
        print(f"{ts.name}: {len(messages(ts))} texts, {len(missing)} untranslated")
        status = status or (1 if missing else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
