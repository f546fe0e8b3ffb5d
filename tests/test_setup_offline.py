"""./scripts/run.sh starts with no package index: scripts/setup.sh installs only when the record
of the last complete install no longer matches (pyproject.toml, the torch pin, the extras), and
a failed install with a usable .venv warns and goes on, while a missing .venv still fails.

The real scripts run against the real .venv, through a copy of the project in tmp_path whose
.venv is a link to it; the record and pip's log are kept in tmp_path (QUANTGUI_SETUP_STAMP).
The shared .venv cannot change: every pip configuration is replaced by one with no index at
all (PIP_NO_INDEX, a closed port as the index, no find-links, no config file), so an editable
install of the copy fails at its build dependencies (setuptools from the index) before pip
touches anything; a test also checks that the installed packages are exactly as before."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(sys.prefix)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.prefix == sys.base_prefix or not (VENV / "bin" / "quantgui").exists(),
                       reason="needs the tests to run from a complete .venv"),
]


def _project(tmp_path: Path, venv: bool = True) -> Path:
    """scripts/ and pyproject.toml of this checkout, with .venv a link to the real one."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(ROOT / "scripts", project / "scripts")
    shutil.copy2(ROOT / "pyproject.toml", project / "pyproject.toml")
    if venv:
        (project / ".venv").symlink_to(VENV, target_is_directory=True)
    return project


def _offline_env(tmp_path: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.upper().startswith("PIP_")}
    env.update(
        PIP_CONFIG_FILE=os.devnull,  # no pip.conf: its find-links and extra index are gone too
        PIP_NO_INDEX="1",
        PIP_INDEX_URL="http://127.0.0.1:9/simple",  # the discard port: nothing answers
        PIP_RETRIES="0", PIP_TIMEOUT="2",
        PIP_LOG=str(tmp_path / "pip-calls.log"),  # written by every pip that runs
        QUANTGUI_SETUP_STAMP=str(tmp_path / "state" / "quantgui-setup.stamp"),
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "settings"),
        PYTHON=getattr(sys, "_base_executable", sys.executable),
    )
    return env


def _installed() -> dict[str, int]:
    """The real .venv's packages and the modification times of their records."""
    site = Path(next(p for p in sys.path if p.startswith(str(VENV)) and p.endswith("packages")))
    return {entry.name: entry.stat().st_mtime_ns for entry in site.iterdir()} | {
        f"{record.parent.name}/RECORD": record.stat().st_mtime_ns
        for record in site.glob("*.dist-info/RECORD")}


def _run(project: Path, env: dict[str, str], *args: str,
         script: str = "setup.sh") -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(project / "scripts" / script), *args], cwd=project,
                          env=env, capture_output=True, text=True, timeout=600)


def _record_complete(project: Path, env: dict[str, str]) -> None:
    """The record a complete install of this project leaves, written where the test keeps it."""
    stamp = _run(project, env, "--stamp")
    assert stamp.returncode == 0, stamp.stderr
    assert "torch==" in stamp.stdout and "[project]" in stamp.stdout
    path = Path(env["QUANTGUI_SETUP_STAMP"])
    path.parent.mkdir(parents=True)
    path.write_text(stamp.stdout)


def test_a_complete_venv_starts_the_window_offline_without_pip(tmp_path):
    project = _project(tmp_path)
    env = _offline_env(tmp_path)
    _record_complete(project, env)
    shot = tmp_path / "window.png"
    done = _run(project, env, "--screenshot", str(shot), "--model", "demo:digits-mlp",
                script="run.sh")
    assert done.returncode == 0, done.stderr[-3000:]
    assert shot.stat().st_size > 0  # the window opened
    assert not Path(env["PIP_LOG"]).exists(), "pip ran although .venv is complete"
    for noise in ("pip", "setuptools", "Editable", "installing", "updating"):
        assert noise not in done.stderr, done.stderr[-3000:]
    # the Python part alone: silent and successful
    again = _run(project, env)
    assert (again.returncode, again.stdout, again.stderr) == (0, "", "")
    assert not Path(env["PIP_LOG"]).exists()


def test_a_changed_pyproject_offline_warns_in_one_line_and_starts(tmp_path):
    project = _project(tmp_path)
    env = _offline_env(tmp_path)
    _record_complete(project, env)
    # pyproject.toml changed since the install: an install is due, and the index is unreachable
    with (project / "pyproject.toml").open("a") as file:
        file.write("\n# a change since .venv was installed\n")
    before = _installed()
    shot = tmp_path / "window.png"
    done = _run(project, env, "--screenshot", str(shot), "--model", "demo:digits-mlp",
                script="run.sh")
    assert _installed() == before, "the shared .venv changed"
    assert done.returncode == 0, done.stderr[-3000:]
    assert shot.stat().st_size > 0  # started anyway
    assert Path(env["PIP_LOG"]).exists()  # pip was tried...
    warnings = [line for line in done.stderr.splitlines() if "could not update .venv" in line]
    assert len(warnings) == 1, done.stderr[-3000:]
    assert "going on with what is installed" in warnings[0]
    # ...quietly: its output is in the log, not on the terminal
    assert "Editable" not in done.stderr and "subprocess-exited-with-error" not in done.stderr
    log = Path(env["QUANTGUI_SETUP_STAMP"]).with_suffix(".log")
    assert "setuptools" in log.read_text()
    # the record still says what was installed: the next start tries again
    stamp = Path(env["QUANTGUI_SETUP_STAMP"]).read_text()
    assert "a change since .venv was installed" not in stamp


def test_no_venv_and_no_index_fails(tmp_path):
    project = _project(tmp_path, venv=False)
    env = _offline_env(tmp_path)
    done = _run(project, env)
    assert done.returncode != 0
    assert "installing into .venv failed and .venv is not usable" in done.stderr, done.stderr
    assert not Path(env["QUANTGUI_SETUP_STAMP"]).exists()
    # run.sh stops there too: no window from a broken environment
    started = _run(project, env, "--screenshot", str(tmp_path / "window.png"), script="run.sh")
    assert started.returncode != 0
    assert not (tmp_path / "window.png").exists()
