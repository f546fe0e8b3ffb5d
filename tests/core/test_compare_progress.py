"""Compare engines counts the engines that run: one that cannot run the technique is said
and skipped first, and "engines" progress goes 0/N .. N/N over the others only."""

from __future__ import annotations

from quantgui.core.compare import compare_engines
from quantgui.core.demos import load_demo
from quantgui.core.events import LogMessage, Progress, drive
from quantgui.core.recipes import recipe_for

# weight_only offers Dynamic only: with Static it is skipped, known before anything runs
CHOSEN = ["weight_only", "torch_ao"]


def test_the_engine_count_leaves_out_the_engines_skipped():
    events: list = []
    comparison = drive(compare_engines(load_demo("digits-mlp"), recipe_for("static"),
                                       names=CHOSEN), events.append)
    assert list(comparison.results) == ["torch_ao"]
    assert list(comparison.skipped) == ["weight_only"]
    counts = [(e.current, e.total, e.item) for e in events
              if isinstance(e, Progress) and e.stage == "engines"]
    assert counts == [(0, 1, "torch_ao"), (1, 1, "")]
    # the skipped engine is said before the count starts, and never counted
    first_count = next(i for i, e in enumerate(events)
                       if isinstance(e, Progress) and e.stage == "engines")
    said = [e.text for e in events[:first_count] if isinstance(e, LogMessage)]
    assert any("skipped" in text for text in said), said


def test_the_cli_says_the_skipped_engine_and_runs_the_others(capsys):
    from quantgui.cli import main

    assert main(["compare-engines", "--model", "demo:digits-mlp", "--method", "static",
                 "--engines", ",".join(CHOSEN), "--no-history"]) == 0
    captured = capsys.readouterr()
    # the command line shows no "Engine i/N" count; its lines name what ran and what did not
    assert "skipped" in captured.err and "quantizing" in captured.err
    assert not any(line.startswith("Engine ") and "/" in line
                   for line in captured.err.splitlines())
    table = captured.out
    assert "PyTorch eager" in table
