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
