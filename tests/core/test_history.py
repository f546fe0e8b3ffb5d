"""The history of runs survives a restart; runs can be deleted; the Pareto front is right."""

import json

import pytest

from quantgui.core.history import History, HistoryEntry, pareto_front


def report(accuracy, size, latency, method="static", model="m"):
    return {"model": model, "method": method, "backend": "x86", "threads": 2,
            "recipe": {"method": method, "observer": "minmax", "keep_float": ["fc"]},
            "original": {"size_bytes": 1000, "latency_ms": {"median": 2.0}, "accuracy": 0.9},
            "quantized": {"size_bytes": size, "latency_ms": {"median": latency},
                          "accuracy": accuracy},
            "agreement": {"sqnr_db": float("inf")}}


def test_history_survives_a_restart_and_deletes(tmp_path):
    path = tmp_path / "h.json"
    history = History(path)
    first = history.add(report(0.9, 300, 1.0))
    second = history.add(report(0.8, 250, 0.5, method="dynamic"))
    again = History(path)  # a new process reads the same file
    assert [e.id for e in again.entries()] == [first.id, second.id]
    entry = again.get(first.id)
    assert entry.settings == "observer=minmax, float: fc" and entry.sqnr_db is None
    again.delete(first.id)
    assert [e.id for e in History(path).entries()] == [second.id]
    with pytest.raises(KeyError):
        again.delete("nope")


def test_an_unreadable_history_is_set_aside_not_lost(tmp_path):
    path = tmp_path / "h.json"
    path.write_text("{not json")
    history = History(path)
    assert history.entries() == [] and "could not be read" in history.warning
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("h.json.unreadable")]
    assert kept and kept[0].read_text() == "{not json"
    history.add(report(0.5, 10, 1.0))
    assert json.loads(path.read_text())["runs"][0]["accuracy"] == 0.5


def _entry(name, quality, size, latency):
    return HistoryEntry(name, 0, "m", "static", "x86", "", size, 1, latency, 1, 2, quality,
                        None, None)


def test_pareto_front_keeps_only_the_best_trade_offs():
    entries = [_entry("a", 0.99, 100, 5), _entry("b", 0.98, 50, 4), _entry("c", 0.97, 60, 1),
               _entry("d", 0.90, 40, 9), _entry("e", 0.96, 70, 6)]
    assert pareto_front(entries, "size") == ["a", "b", "d"]
    assert pareto_front(entries, "latency") == ["a", "b", "c"]


def test_latencies_within_each_others_p10_p90_tie_on_the_latency_front():
    def spread(entry, p10, p90):
        entry.report = {"quantized": {"latency_ms": {"median": entry.latency_ms, "p10": p10,
                                                     "p90": p90}}}
        return entry

    static = spread(_entry("static", 0.98, 50, 0.50), 0.45, 0.62)
    qat = spread(_entry("qat", 0.98, 50, 0.45), 0.41, 0.58)  # inside static's spread
    assert pareto_front([static, qat], "latency") == ["static", "qat"]
    faster = spread(_entry("faster", 0.98, 50, 0.30), 0.28, 0.33)
    assert pareto_front([static, faster], "latency") == ["faster"]
    # a run saved without p10/p90 is its median alone
    assert pareto_front([_entry("x", 0.9, 1, 1.0), _entry("y", 0.9, 1, 1.1)],
                        "latency") == ["x"]


def test_two_unreadable_histories_set_aside_in_the_same_second_are_both_kept(tmp_path):
    path = tmp_path / "h.json"
    for text in ("{first", "{second", "{third"):
        path.write_text(text)
        assert "could not be read" in History(path).warning
    kept = sorted(p.read_text() for p in tmp_path.iterdir()
                  if p.name.startswith("h.json.unreadable"))
    assert kept == ["{first", "{second", "{third"]


ADDER = """
import sys
from quantgui.core.history import History
sys.path.insert(0, {tests!r})
from test_history import report

name, count = sys.argv[1], int(sys.argv[2])
history = History()
print("ready", flush=True)
sys.stdin.readline()  # both writers start together
for index in range(count):
    history.add(report(0.5, index + 1, 1.0, model=name))
"""


def test_two_processes_adding_runs_at_once_lose_none(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = dict(os.environ, QUANTGUI_DATA_DIR=str(tmp_path))
    code = ADDER.format(tests=str(Path(__file__).parent))
    count = 40
    writers = [subprocess.Popen([sys.executable, "-c", code, name, str(count)], env=env,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
               for name in ("window", "cli")]
    for writer in writers:
        assert writer.stdout.readline().strip() == "ready"
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        writer.communicate(timeout=120)
        assert writer.returncode == 0
    entries = History(tmp_path / "history.json").entries()
    assert len(entries) == 2 * count and len({e.id for e in entries}) == 2 * count
    for name in ("window", "cli"):
        sizes = [e.size_bytes for e in entries if e.model == name]
        assert sizes == list(range(1, count + 1))  # every run, in each writer's order
