"""The history of runs: kept in the user's data folder, survives restarts, runs can be deleted.

One JSON file, rewritten atomically on each change. The window and the command line may write
it at the same time: each change takes a lock (a sidecar ``history.json.lock``, ``flock`` on
POSIX), re-reads the file and merges before writing, so no run is lost. A file that cannot be
read is set aside under a name no earlier set-aside file has (renamed, never deleted) and a new
history starts, so nothing is lost silently.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import math
import os
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from quantgui.core.files import write_atomically
from quantgui.core.timing import interval, latencies_tie

FILE_NAME = "history.json"
VERSION = 1


def data_dir() -> Path:
    """``$QUANTGUI_DATA_DIR``, else the platform's user data folder."""
    override = os.environ.get("QUANTGUI_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / "QuantGUI"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "QuantGUI"
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "quantgui"


@dataclass
class HistoryEntry:
    id: str
    timestamp: float
    model: str
    method: str
    backend: str
    settings: str  # a one-line summary of the recipe
    size_bytes: int
    original_size_bytes: int
    latency_ms: float
    original_latency_ms: float
    threads: int
    accuracy: float | None
    original_accuracy: float | None
    sqnr_db: float | None
    keep_float: list[str] = field(default_factory=list)
    report: dict[str, Any] = field(default_factory=dict)

    @property
    def quality(self) -> float | None:
        """Accuracy where there are labels, else output agreement (SQNR)."""
        return self.accuracy if self.accuracy is not None else self.sqnr_db


def settings_summary(recipe: dict[str, Any]) -> str:
    skip = {"method", "backend", "threads", "batch_size", "keep_float"}
    parts = [f"{k}={v}" for k, v in recipe.items() if k not in skip and v not in (None, [], ())]
    if recipe.get("keep_float"):
        parts.append(f"float: {','.join(recipe['keep_float'])}")
    return ", ".join(parts)


def _has_type(value: Any, hint: str) -> bool:
    """``value`` matches a HistoryEntry field annotation (as written, a string)."""
    if hint.endswith(" | None"):
        return value is None or _has_type(value, hint[:-len(" | None")])
    if hint == "str":
        return isinstance(value, str)
    if hint in ("int", "float"):
        numeric = (int,) if hint == "int" else (int, float)
        return (isinstance(value, numeric) and not isinstance(value, bool)
                and math.isfinite(value) and abs(value) < 2**63)
    if hint == "list[str]":
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    if hint == "dict[str, Any]":
        return isinstance(value, dict)
    return False


def entry_from_dict(item: Any) -> HistoryEntry | None:
    """One run read from the file, or None when it is not a run of this version (not an
    object, a field missing or of the wrong type): one bad run must not hide the others, nor
    reach code that formats its numbers. Unknown extra fields are ignored."""
    if not isinstance(item, dict):
        return None
    values = {}
    for f in dataclasses.fields(HistoryEntry):
        if f.name not in item:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                return None
            continue
        if not _has_type(item[f.name], str(f.type)):
            return None
        values[f.name] = item[f.name]
    return HistoryEntry(**values)


def entry_from_report(report: dict[str, Any]) -> HistoryEntry:
    sqnr = report["agreement"].get("sqnr_db")
    return HistoryEntry(
        id=uuid.uuid4().hex[:8], timestamp=time.time(), model=str(report.get("model", "")),
        method=report["method"], backend=report["backend"],
        settings=settings_summary(report.get("recipe", {})),
        size_bytes=report["quantized"]["size_bytes"],
        original_size_bytes=report["original"]["size_bytes"],
        latency_ms=report["quantized"]["latency_ms"]["median"],
        original_latency_ms=report["original"]["latency_ms"]["median"],
        threads=report["threads"], accuracy=report["quantized"]["accuracy"],
        original_accuracy=report["original"]["accuracy"],
        sqnr_db=sqnr if isinstance(sqnr, (int, float)) else None,
        keep_float=list(report.get("recipe", {}).get("keep_float", [])), report=report)


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if missing) between processes. POSIX uses
    ``flock``, Windows ``msvcrt.locking``; elsewhere it does nothing (re-reading before each
    write still keeps most runs)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+b")  # noqa: SIM115 - held for the duration of the lock
    try:
        try:
            import fcntl
        except ImportError:
            fcntl = None
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            return
        try:
            import msvcrt
        except ImportError:
            yield
            return
        handle.seek(0)
        while True:
            try:
                msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)  # retries for 10 s itself
                break
            except OSError:
                continue
        try:
            yield
        finally:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    finally:
        handle.close()


def set_aside(path: Path) -> Path:
    """Rename an unreadable ``path`` to a name not taken yet (an earlier set-aside history is
    never replaced); returns the new name, or ``path`` when it cannot be renamed."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for count in range(1000):
        aside = path.with_name(f"{path.name}.unreadable-{stamp}"
                               + ("" if count == 0 else f"-{count}"))
        if aside.exists():
            continue
        try:
            os.link(path, aside)  # fails if the name was taken meanwhile, unlike rename
        except FileExistsError:
            continue
        except OSError:
            try:  # no hard links here (some file systems): rename, checked above
                path.rename(aside)
            except OSError:
                return path
            return aside
        path.unlink(missing_ok=True)
        return aside
    return path


class History:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / FILE_NAME
        self.warning = ""
        with self._locked():
            self._entries = self._read()

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            lock = file_lock(self.lock_path)
            lock.__enter__()
        except OSError:
            yield  # a read-only data folder: reading still works, writing will say why not
            return
        try:
            yield
        finally:
            lock.__exit__(None, None, None)

    def _read(self) -> list[HistoryEntry]:
        if not self.path.exists():
            return []
        self._unparsed: list[Any] = []
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            runs = data.get("runs") if isinstance(data, dict) else None
            if not isinstance(runs, list):
                raise TypeError("the file holds no list of runs")
            entries = []
            for item in runs:
                entry = entry_from_dict(item)
                if entry is None:
                    self._unparsed.append(json_safe(item))  # written back unchanged
                else:
                    entries.append(entry)
            if self._unparsed:
                self.warning = (f"{len(self._unparsed)} run(s) in {self.path} have fields of "
                                "the wrong types and are not shown; they stay in the file "
                                "unchanged.")
            return entries
        except (OSError, ValueError, KeyError, TypeError, RecursionError) as error:
            self._unparsed = []
            aside = set_aside(self.path)
            self.warning = (f"The history file could not be read ({type(error).__name__}); it "
                            f"was kept as {aside} and a new history started.")
            return []

    def _write(self) -> None:
        data = {"version": VERSION, "runs": [asdict(entry) for entry in self._entries]
                + getattr(self, "_unparsed", [])}
        write_atomically(self.path, json.dumps(data, indent=1, allow_nan=False,
                                               default=str).encode("utf-8"))

    def entries(self) -> list[HistoryEntry]:
        return list(self._entries)

    def reload(self) -> list[HistoryEntry]:
        """Re-read the file (another process may have added runs)."""
        with self._locked():
            self._entries = self._read()
        return self.entries()

    def add(self, report: dict[str, Any]) -> HistoryEntry:
        entry = entry_from_report(json_safe(report))
        with self._locked():
            # Another writer may have added or deleted runs since we read: theirs count.
            self._entries = [e for e in self._read() if e.id != entry.id] + [entry]
            self._write()
        return entry

    def get(self, entry_id: str) -> HistoryEntry:
        for entry in self._entries:
            if entry.id == entry_id:
                return entry
        raise KeyError(entry_id)

    def delete(self, entry_id: str) -> None:
        with self._locked():
            current = self._read()
            kept = [e for e in current if e.id != entry_id]
            if len(kept) == len(current):
                self._entries = current
                raise KeyError(entry_id)
            self._entries = kept
            self._write()


def json_safe(value: Any) -> Any:
    """JSON has no infinity or NaN: they are written as null (an infinite SQNR means identical
    outputs)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value


def latency_spread(entry: HistoryEntry) -> tuple[float, float]:
    """(p10, p90) of a run's quantized latency, as its report has them (the median alone for
    a run saved without them)."""
    latency = (entry.report.get("quantized") or {}).get("latency_ms")
    if not isinstance(latency, dict) or not isinstance(latency.get("median"), (int, float)):
        return entry.latency_ms, entry.latency_ms
    try:
        return interval(latency)
    except (TypeError, ValueError):
        return entry.latency_ms, entry.latency_ms


def pareto_front(entries: list[HistoryEntry], cost: str = "size") -> list[str]:
    """Ids of the runs no other run beats on both quality (higher) and cost (lower): the best
    trade-offs. ``cost`` is "size" or "latency"; two latencies whose p10-p90 intervals
    intersect are equal (``timing.latencies_tie``): a difference inside the spread beats
    nothing."""
    def cost_of(entry: HistoryEntry) -> float:
        return entry.size_bytes if cost == "size" else entry.latency_ms

    def same_cost(a: HistoryEntry, b: HistoryEntry) -> bool:
        if cost == "size":
            return a.size_bytes == b.size_bytes
        return latencies_tie(latency_spread(a), latency_spread(b))

    scored = [e for e in entries if e.quality is not None]
    front = []
    for entry in scored:
        dominated = any(
            other is not entry and other.quality >= entry.quality
            and (same_cost(other, entry) or cost_of(other) <= cost_of(entry))
            and (other.quality > entry.quality
                 or (not same_cost(other, entry) and cost_of(other) < cost_of(entry)))
            for other in scored)
        if not dominated:
            front.append(entry.id)
    return front
