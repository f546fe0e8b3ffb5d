"""Writing the user's files: modes, inputs never replaced, errors that name the user's path,
leftover temporary files of a killed writer removed, outputs committed all or nothing."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from quantgui.core.errors import QuantGUIError
from quantgui.core.files import (
    OutputBatch,
    OutputError,
    check_output,
    describe_os_error,
    write_atomically,
)


def _mode(path) -> int:
    return path.stat().st_mode & 0o777


def test_a_replaced_file_keeps_its_mode_and_a_new_one_follows_the_umask(tmp_path):
    kept = tmp_path / "kept.json"
    kept.write_text("old")
    os.chmod(kept, 0o640)
    write_atomically(kept, b"new")
    assert kept.read_bytes() == b"new" and _mode(kept) == 0o640
    previous = os.umask(0o022)
    try:
        write_atomically(tmp_path / "open.json", b"x")
        os.umask(0o027)
        write_atomically(tmp_path / "group.json", b"x")
    finally:
        os.umask(previous)
    assert _mode(tmp_path / "open.json") == 0o644  # not mkstemp's 0600
    assert _mode(tmp_path / "group.json") == 0o640
    assert not list(tmp_path.glob(".*.tmp"))


def test_an_input_is_refused_by_file_not_by_name(tmp_path):
    data = tmp_path / "data.pt"
    data.write_bytes(b"precious")
    (tmp_path / "sub").mkdir()
    link = tmp_path / "link.pt"
    link.symlink_to(data)
    for alias in (data, tmp_path / "sub" / ".." / "data.pt", link):
        with pytest.raises(QuantGUIError, match="also an input"):
            check_output(alias, [data])
    check_output(tmp_path / "other.pt", [data])  # another file is fine
    with pytest.raises(QuantGUIError, match="is a folder"):
        check_output(tmp_path / "sub", [])
    with pytest.raises(QuantGUIError, match="does not exist"):
        check_output(tmp_path / "missing" / "r.json", [])
    assert data.read_bytes() == b"precious"


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "not enough disk space"),
                                         (errno.EROFS, "cannot be written"),
                                         (errno.EACCES, "cannot be written")])
def test_os_errors_name_the_users_path_and_say_what_to_do(tmp_path, code, words):
    user = tmp_path / "report.json"
    error = describe_os_error(user, OSError(code, os.strerror(code), str(tmp_path / ".x.tmp")))
    assert isinstance(error, OutputError) and isinstance(error, OSError)
    assert str(user) in str(error) and words in str(error) and ".tmp" not in str(error)
    assert error.hint


def test_a_real_write_failure_names_the_users_file_and_leaves_no_temporary(tmp_path):
    # A file size limit makes the kernel refuse the write itself (EFBIG), like a full disk.
    target = tmp_path / "big.bin"
    code = textwrap.dedent(f"""
        import resource, signal
        from quantgui.core.files import write_atomically
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))
        try:
            write_atomically({str(target)!r}, b"x" * 100_000)
        except OSError as error:
            print(error)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert str(target) in out.stdout and ".tmp" not in out.stdout, out.stdout
    assert not target.exists() and not list(tmp_path.glob(".*.tmp"))


def test_a_killed_writers_temporary_file_is_removed_by_the_next_write(tmp_path):
    target = tmp_path / "q.pt"
    target.write_bytes(b"old")
    code = textwrap.dedent(f"""
        import sys
        from quantgui.core.files import write_temporary
        print(write_temporary({str(target)!r}, b"half"), flush=True)
        sys.stdin.readline()  # killed here, before the rename
    """)
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    leftover = child.stdout.readline().strip()
    assert leftover.startswith(str(tmp_path / ".q.pt.")) and leftover.endswith(".tmp")
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert os.path.exists(leftover) and target.read_bytes() == b"old"
    live = tmp_path / f".q.pt.{os.getpid()}-feedbeef.tmp"  # our own process: still writing
    live.write_bytes(b"busy")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert not os.path.exists(leftover) and live.exists()


def test_a_batch_writes_all_outputs_or_none(tmp_path):
    old = tmp_path / "old.json"
    old.write_text("old")
    batch = OutputBatch()
    batch.stage(old, b"new")
    staged = batch.stage(tmp_path / "fresh.json", b"fresh")
    assert staged.read_bytes() == b"fresh"  # readable before the commit (the load-back check)
    batch.discard()
    assert old.read_text() == "old" and not (tmp_path / "fresh.json").exists()
    assert not list(tmp_path.glob(".*.tmp"))
    batch = OutputBatch()
    batch.stage(old, b"new")
    batch.stage(tmp_path / "fresh.json", b"fresh")
    batch.commit()
    assert old.read_text() == "new" and (tmp_path / "fresh.json").read_text() == "fresh"
    assert not list(tmp_path.glob(".*.tmp"))
