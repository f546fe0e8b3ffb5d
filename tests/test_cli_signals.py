"""Ctrl-C and SIGTERM at each moment of a command-line run: exit 130 (or 128 + the signal), one
"cancelled" line, no traceback, and no output file created or changed. Real processes, real
signals; the child says where it is (QUANTGUI_TEST_MARK / QUANTGUI_TEST_PAUSE_AT), the test
reads its stderr up to that line before signalling: no sleeps."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

OLD_REPORT = b'{"kept": "the report of an earlier run"}\n'


def start(tmp_path, stage: str, *args: str, pause: bool = True) -> subprocess.Popen:
    env = dict(os.environ, QUANTGUI_DATA_DIR=str(tmp_path / "data"))
    env["QUANTGUI_TEST_MARK" if not pause else "QUANTGUI_TEST_PAUSE_AT"] = "1" if not pause \
        else stage
    return subprocess.Popen([sys.executable, "-m", "quantgui.cli", *args], env=env,
                            cwd=tmp_path, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def read_until(child: subprocess.Popen, marker: str) -> list[str]:
    lines = []
    for line in child.stderr:
        lines.append(line)
        if marker in line:
            return lines
    raise AssertionError(f"the child ended before '{marker}':\n{''.join(lines)}")


@pytest.mark.parametrize("stage, method, signum, pause", [
    ("importing", "static", signal.SIGINT, False),  # during torch's imports
    ("loading", "static", signal.SIGTERM, True),
    ("calibrating", "static", signal.SIGINT, True),
    ("training", "qat", signal.SIGTERM, True),
    ("measuring", "dynamic", signal.SIGINT, True),  # the comparison
    ("committing", "static", signal.SIGTERM, True),  # every output staged, none renamed yet
])
@pytest.mark.slow
def test_a_signal_at_any_stage_cancels_cleanly_and_writes_nothing(tmp_path, stage, method,
                                                                  signum, pause):
    report = tmp_path / "report.json"
    report.write_bytes(OLD_REPORT)
    os.chmod(report, 0o640)
    before = report.stat()
    args = ["quantize", "--model", "demo:seed-linear", "--method", method, "--no-progress",
            "--report", "report.json", "--save", "q.pt", "--html", "r.html",
            "--export-script", "s.py", "--save-recipe", "recipe.json"]
    if method == "qat":
        args += ["--epochs", "1"]
    child = start(tmp_path, stage, *args, pause=pause)
    marker = f"paused at {stage}" if pause else f"stage {stage}"
    read_until(child, marker)
    if stage == "committing":  # the outputs exist as temporary files at this moment
        # the five outputs, and the files the script reads beside it, staged; none renamed
        staged = {path.name[1:].rsplit(".", 2)[0] for path in tmp_path.glob(".*.tmp")}
        assert {"report.json", "q.pt", "r.html", "s.py", "recipe.json"} < staged, staged
    child.send_signal(signum)
    _, stderr = child.communicate(timeout=120)
    assert child.returncode == 128 + signum, stderr
    assert stderr.strip().splitlines()[-1] == "quantgui-cli: cancelled"
    assert stderr.count("cancelled") == 1 and "Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]  # nothing new
    assert report.read_bytes() == OLD_REPORT and report.stat().st_mtime_ns == before.st_mtime_ns
    assert not (tmp_path / "data" / "history.json").exists()  # --no-history not given


@pytest.mark.slow
def test_ctrl_c_while_ranking_layers_of_inspect(tmp_path):
    child = start(tmp_path, "sensitivity", "inspect", "--model", "demo:digits-mlp", "--method",
                  "static", "--sensitivity", "--report", "i.json")
    read_until(child, "paused at sensitivity")
    child.send_signal(signal.SIGINT)
    stdout, stderr = child.communicate(timeout=120)
    assert child.returncode == 130 and "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1] == "quantgui-cli: cancelled"
    assert "Layer" in stdout  # the plan was printed before; the report was not written
    assert not (tmp_path / "i.json").exists()
