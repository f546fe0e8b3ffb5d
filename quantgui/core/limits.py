"""Checks made before the application opens a file or allocates memory for the user.

Shared by the model loaders (sources.py), the data loaders (datasets.py) and the .pt2 checks
(pt2_safety.py), so that every refusal names the same things: the path, the kind of file, the
bytes asked for and the bytes available.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from quantgui.core.errors import ModelError, QuantGUIError

MemoryProbe = Callable[[], "int | None"]

# What os.stat says a path is, for the ones that are not regular files.
_FILE_TYPES = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def available_memory() -> int | None:
    """Bytes of memory available now (MemAvailable on Linux), or None if unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def fmt_size(count: float) -> str:
    """1536 -> '1.5 KiB'; bytes below 1 KiB are whole numbers."""
    for unit in ("B", "KiB", "MiB", "GiB", "TiB", "PiB"):
        if count < 1024 or unit == "PiB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1024
    return f"{count:.1f} PiB"  # pragma: no cover - the loop always returns


def check_allocation(nbytes: int, what: str, *, memory: MemoryProbe | None = None,
                     error: type[QuantGUIError] = ModelError,
                     hint: str = "") -> None:
    """Refuse to allocate ``nbytes`` for ``what`` when they exceed the memory available now.

    Called with the size computed from shapes/headers, before anything is allocated: numpy and
    torch would otherwise ask the kernel for terabytes and be killed, or swap the machine to a
    halt. ``memory`` returns the bytes available (injectable for tests); unknown memory lets
    anything through, as there is nothing to compare with.
    """
    if nbytes < 0:
        raise error(f"The {what} would need a negative size ({nbytes} bytes).",
                    hint or "Check the shape you gave.")
    free = (memory or available_memory)()
    if free is not None and nbytes > free:
        raise error(f"The {what} would need {fmt_size(nbytes)} ({nbytes:,} bytes) of memory, "
                    f"more than the {fmt_size(free)} available now.",
                    hint or "Use a smaller size, close other programs, or use a machine with "
                            "more memory.")


def check_regular_file(path: Path | str, what: str, *,
                       error: type[QuantGUIError] = ModelError) -> int:
    """The path is an existing regular file; returns its size. Never opens it.

    A FIFO would block the first read forever, /dev/zero never ends, and a directory or socket
    fails deep inside a loader with an unhelpful message: os.stat tells them apart without
    opening anything.
    """
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise error(f"The {what} {path} does not exist.",
                    "Check the path and its spelling.") from None
    except OSError as exc:
        raise error(f"The {what} {path} cannot be examined: {exc.strerror or exc}.",
                    "Check the path and its permissions.") from exc
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _FILE_TYPES if test(info.st_mode)),
                    "not a regular file")
        raise error(f"The {what} {path} is {kind}, not a regular file.",
                    "Give the path of a file saved on disk.")
    return info.st_size
