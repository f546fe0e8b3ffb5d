"""The demo models' descriptions promise only what the recorded measurements show."""

from __future__ import annotations

import re
from pathlib import Path

from quantgui.core.demos import DEMOS

BENCH = Path(__file__).resolve().parents[2] / "bench" / "results" / "engines-2026-11-27.txt"
HEADING = re.compile(r"^(\S+): (dynamic|static), batch \d+")
ROW = re.compile(r"^\s+torch_ao\s+\S+\s+\S+\s+(\d+\.\d+)x")
# words that promise int8 is fast ("no faster" promises nothing)
PROMISE = re.compile(r"(?<!no )faster|speeds? (?:\w+ )?up|speed-ups?|home ground", re.I)


def measured() -> dict[str, dict[str, float]]:
    """demo -> technique -> int8 speed-up over float32 on the default engine, as recorded."""
    found: dict[str, dict[str, float]] = {}
    current = None
    for line in BENCH.read_text(encoding="utf-8").splitlines():
        heading = HEADING.match(line)
        if heading:
            current = heading.groups()
            continue
        row = ROW.match(line)
        if row and current is not None:
            found.setdefault(current[0], {})[current[1]] = float(row.group(1))
    return found


def test_no_demo_promises_a_speed_up_the_measurements_do_not_show():
    # issue 17: digits-lstm was "dynamic quantization's home ground" and ran 1.44x slower
    speedups = measured()
    assert set(DEMOS) - set(speedups) == {"seed-linear"}  # every digits demo was measured
    for name, demo in DEMOS.items():
        figures = speedups.get(name, {})
        if not figures or max(figures.values()) < 1.5:
            assert not PROMISE.search(demo.description), (name, demo.description, figures)
        if not figures or min(figures.values()) < 0.9:
            assert "slower" in demo.description, (name, demo.description, figures)
    assert "faster" in DEMOS["digits-wide"].description  # where int8 does pay off, it says so
