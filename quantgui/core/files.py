"""Writing the user's files safely: atomically, never over an input, all or nothing.

No torch here: the history and the command line's start-up use it before torch is imported.

- ``write_atomically`` writes a temporary file beside the target, fsyncs it and renames it over
  the target: a crash or a kill leaves the old file or the new one, never half of one. A file
  written over an existing one keeps its permissions; a new file follows the umask.
- ``OutputBatch`` stages several outputs as temporary files and renames them into place only
  when all of them are ready (``commit``), or removes them all (``discard``).
- ``check_output`` refuses, before any work starts, an output that is a folder, whose folder
  is missing or not writable, or that is one of the run's inputs (compared as files, not names).
- Temporary files are named ``.NAME.PID-RANDOM.tmp``; ones left by a killed writer (its process
  gone, or older than ``STALE_SECONDS``) are removed the next time NAME is written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import time
from collections.abc import Iterable
from pathlib import Path

from quantgui.core.errors import QuantGUIError

STALE_SECONDS = 15 * 60  # a temporary file this old is a leftover even if its pid is reused


class OutputError(QuantGUIError, OSError):
    """A file of the user's that cannot be written (also an OSError, for older callers)."""

    def __init__(self, message: str, hint: str = "") -> None:
        QuantGUIError.__init__(self, message, hint)

    def __str__(self) -> str:
        return QuantGUIError.__str__(self)


def describe_os_error(path: Path | str, error: OSError) -> OutputError:
    """What went wrong writing ``path`` (the user's name, never the temporary file's)."""
    code = error.errno
    reason = error.strerror or type(error).__name__
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return OutputError(f"There is not enough disk space to write {path}.",
                           "Free some space on that disk or choose another folder.")
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError(f"{path} cannot be written: {reason.lower()}.",
                           "Choose a folder you can write to.")
    if code == errno.EISDIR:
        return OutputError(f"{path} is a folder, not a file.", "Give a file name.")
    if code in (errno.ENOENT, errno.ENOTDIR):
        return OutputError(f"{path} cannot be written: its folder does not exist.",
                           "Create the folder first or choose another one.")
    if code == errno.ENAMETOOLONG:
        return OutputError(f"{path} cannot be written: the name is too long.",
                           "Choose a shorter name.")
    return OutputError(f"{path} cannot be written: {reason}.",
                       "Check the disk and the folder, or choose another one.")


def same_file(a: Path | str, b: Path | str) -> bool:
    """True when both names reach the same existing file (links, relative paths, ``..``)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def check_output(path: Path | str, inputs: Iterable[Path | str] = (), *,
                 what: str = "output") -> Path:
    """Refuse, before the run, an output that cannot be written or would replace an input."""
    path = Path(path)
    for source in inputs:
        if same_file(path, source):
            raise OutputError(f"The {what} {path} is also an input of this run ({source}); "
                              "writing it would destroy that input.",
                              "Choose another file name.")
    if path.is_dir():
        raise OutputError(f"The {what} {path} is a folder, not a file.",
                          "Give a file name inside it.")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"The {what} {path} cannot be written: the folder {parent} does not "
                          "exist.", "Create it first or choose another folder.")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"The {what} {path} cannot be written: the folder {parent} is not "
                          "writable.", "Choose a folder you can write to.")
    if path.exists() and not path.is_file():
        raise OutputError(f"The {what} {path} exists and is not a regular file.",
                          "Choose another file name.")
    return path


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's live process, or a platform that cannot tell
    return True


def remove_stale_temporaries(path: Path | str) -> list[Path]:
    """Remove ``.NAME.*.tmp`` beside ``path`` left by a writer that died; returns them."""
    path = Path(path)
    removed = []
    try:
        candidates = list(path.parent.glob(f".{path.name}.*.tmp"))
    except OSError:
        return removed
    now = time.time()
    for candidate in candidates:
        middle = candidate.name[len(path.name) + 2:-len(".tmp")]
        pid_text = middle.split("-", 1)[0]
        try:
            age = now - candidate.lstat().st_mtime
        except OSError:
            continue
        if pid_text.isdigit():
            pid = int(pid_text)
            stale = (pid != os.getpid() and not _pid_alive(pid)) or age > STALE_SECONDS
        else:
            stale = age > STALE_SECONDS  # older naming (tempfile's random suffix)
        if stale and candidate.is_file():
            with contextlib.suppress(OSError):
                candidate.unlink()
                removed.append(candidate)
    return removed


def _temporary_beside(path: Path) -> tuple[int, Path]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
        try:
            # 0o666 and the umask, as a plain open() would give; mkstemp's 0600 is not wanted
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue


def write_temporary(path: Path | str, data: bytes) -> Path:
    """Write ``data`` to a new temporary file beside ``path`` (fsynced, with the mode ``path``
    has or will have) and return its name; errors name ``path``."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path} is a folder, not a file.", "Give a file name.")
    remove_stale_temporaries(path)
    try:
        fd, tmp = _temporary_beside(path)
    except OSError as error:
        raise describe_os_error(path, error) from error
    try:
        with os.fdopen(fd, "wb") as handle:
            try:
                mode = os.stat(path).st_mode & 0o7777
            except OSError:
                mode = None
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), mode)  # replacing a file keeps its permissions
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException as error:
        tmp.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise describe_os_error(path, error) from error
        raise
    return tmp


def _replace(tmp: Path, path: Path) -> None:
    try:
        os.replace(tmp, path)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise describe_os_error(path, error) from error


def write_atomically(path: Path | str, data: bytes) -> None:
    """Write to a temporary file beside ``path``, fsync, then rename over it: a crash or a kill
    at any moment leaves either the previous file or the new one, never half of one. Raises
    ``OutputError`` (a QuantGUIError and an OSError) that names ``path``."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise describe_os_error(path, error) from error
    _replace(write_temporary(path, data), path)


class OutputBatch:
    """Outputs staged as temporary files, renamed into place together by ``commit``.

    A cancelled or failed run calls ``discard``: nothing the user has is created or changed.
    """

    def __init__(self) -> None:
        self._staged: list[tuple[Path, Path]] = []

    @property
    def paths(self) -> list[Path]:
        return [path for path, _ in self._staged]

    def stage(self, path: Path | str, data: bytes) -> Path:
        """Write ``data`` for ``path``; returns the temporary file (it can be read back)."""
        path = Path(path)
        tmp = write_temporary(path, data)
        self._staged.append((path, tmp))
        return tmp

    def commit(self) -> list[Path]:
        done = []
        try:
            while self._staged:
                path, tmp = self._staged[0]
                _replace(tmp, path)
                self._staged.pop(0)
                done.append(path)
        finally:
            self.discard()
        return done

    def discard(self) -> None:
        for _, tmp in self._staged:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
        self._staged.clear()
