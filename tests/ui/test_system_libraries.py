"""scripts/setup.sh finds the system libraries Qt's xcb platform plugin needs to open a window,
installs them where it can (root, or sudo without a password) and otherwise stops with the
command to run. The real script runs against the real PySide6; only the system's answers are
changed, by putting small stand-ins for ``ldd``, ``id``, ``sudo`` and ``apt-get`` first on PATH,
so nothing is ever installed here."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETUP = ROOT / "scripts" / "setup.sh"

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("ldd") is None,
    reason="the xcb platform plugin and ldd are Linux's")


def _stand_in(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o755)


def _fake_system(tmp_path: Path, *, hide: tuple[str, ...] = (), uid: int | None = None,
                 sudo_works: bool = False) -> Path:
    """A folder of stand-ins: ldd answers "not found" for the libraries in ``hide``;
    ``id -u`` prints ``uid``; sudo -n succeeds only when ``sudo_works``; apt-get records its
    arguments in calls.log and succeeds."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    real_ldd = shutil.which("ldd")
    script = "|".join(h.replace(".", r"\.") for h in hide)
    sed = (f" | sed -E 's#^([[:space:]]*({script})) => .*#\\1 => not found#'" if hide else "")
    _stand_in(bin_dir, "ldd", f'{real_ldd} "$@"{sed}')
    if uid is not None:
        _stand_in(bin_dir, "id", f'[ "$1" = -u ] && echo {uid} && exit 0; exec /usr/bin/id "$@"')
    log = tmp_path / "calls.log"
    then = 'exec "$@"' if sudo_works else "exit 1"
    _stand_in(bin_dir, "sudo", f'echo "sudo $*" >> {log}; [ "$1" = -n ] && shift; {then}')
    _stand_in(bin_dir, "apt-get", f'echo "apt-get $*" >> {log}; exit 0')
    return bin_dir


def _setup(mode: str, bin_dir: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, QUANTGUI_QT_PYTHON=sys.executable)
    env.pop("QT_QPA_PLATFORM", None)  # the tests' offscreen would skip --display-libs
    if bin_dir is not None:
        env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    return subprocess.run(["bash", str(SETUP), mode], env=env, capture_output=True, text=True,
                          timeout=120, check=False)


def _calls(tmp_path: Path) -> list[str]:
    log = tmp_path / "calls.log"
    return log.read_text().splitlines() if log.exists() else []


def test_check_lists_what_the_linker_cannot_find(tmp_path):
    bin_dir = _fake_system(tmp_path, hide=("libxcb-icccm.so.4", "libxkbcommon-x11.so.0",
                                           "libdbus-1.so.3", "libEGL.so.1"))
    done = _setup("--check-display", bin_dir)
    assert done.returncode == 1, done.stderr
    packages = set(done.stdout.split())
    assert {"libxcb-icccm4", "libxkbcommon-x11-0", "libdbus-1-3", "libegl1"} <= packages
    assert "libxcb-icccm4" in done.stderr
    assert _calls(tmp_path) == []  # a check installs nothing


def test_check_agrees_with_the_real_linker():
    """Unfaked: the packages listed are exactly the missing ones, by the exit status too."""
    done = _setup("--check-display")
    assert done.returncode in (0, 1), done.stderr
    assert (done.returncode == 1) == bool(done.stdout.strip())
    for package in done.stdout.split():
        assert package.replace("-", "").replace(".", "").isalnum()


def test_installs_as_root_with_apt_get(tmp_path):
    bin_dir = _fake_system(tmp_path, hide=("libxcb-keysyms.so.1",), uid=0)
    done = _setup("--display-libs", bin_dir)
    calls = _calls(tmp_path)
    assert any(c.startswith("apt-get update") for c in calls), calls
    install = [c for c in calls if c.startswith("apt-get install")]
    assert install and "libxcb-keysyms1" in install[0].split(), calls
    assert not any(c.startswith("sudo") for c in calls)
    # the stand-in apt-get installs nothing: the script looks again and says so
    assert done.returncode == 1
    assert "still missing after apt-get: libxcb-keysyms1" in done.stderr


def test_installs_with_sudo_when_it_needs_no_password(tmp_path):
    bin_dir = _fake_system(tmp_path, hide=("libxcb-image.so.0",), uid=1000, sudo_works=True)
    _setup("--display-libs", bin_dir)
    calls = _calls(tmp_path)
    assert any(c.startswith("sudo -n apt-get update") for c in calls), calls
    assert any(c.startswith("sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install")
               and "libxcb-image0" in c.split() for c in calls), calls


def test_without_root_it_stops_with_the_exact_command(tmp_path):
    bin_dir = _fake_system(tmp_path, hide=("libxcb-icccm.so.4", "libxcb-keysyms.so.1"),
                           uid=1000, sudo_works=False)
    done = _setup("--display-libs", bin_dir)
    assert done.returncode == 1
    assert ("sudo apt-get update && sudo apt-get install -y --no-install-recommends "
            "libxcb-icccm4 libxcb-keysyms1") in done.stderr
    assert _calls(tmp_path) == ["sudo -n true"]  # asked, and nothing installed


def test_nothing_to_do_when_nothing_is_missing(tmp_path):
    """When the real linker finds everything, --display-libs neither asks nor installs."""
    if _setup("--check-display").returncode != 0:
        pytest.skip("this machine lacks some of the libraries")
    bin_dir = _fake_system(tmp_path, uid=1000)
    done = _setup("--display-libs", bin_dir)
    assert done.returncode == 0, done.stderr
    assert _calls(tmp_path) == []


def test_offscreen_needs_no_system_libraries(tmp_path):
    """The offscreen tests (scripts/test.sh, .ci/run) never need root."""
    bin_dir = _fake_system(tmp_path, hide=("libxcb-icccm.so.4",), uid=1000)
    env = dict(os.environ, QUANTGUI_QT_PYTHON=sys.executable, QT_QPA_PLATFORM="offscreen",
               PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    done = subprocess.run(["bash", str(SETUP), "--display-libs"], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert _calls(tmp_path) == []
    assert "--display" not in (ROOT / "scripts" / "test.sh").read_text()
