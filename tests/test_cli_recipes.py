"""--recipe with files that are not recipes (issue 17): each is one line on stderr that names the
file and what is wrong, exit 2, before any model is opened; the file is checked as a whole,
whatever flags given beside it replace."""

from __future__ import annotations

import json
import os

import pytest

from quantgui.cli import main


def run_recipe(capsys, path, *flags: str) -> tuple[int, str]:
    code = main(["quantize", "--recipe", str(path), "--no-history", "--no-progress", *flags])
    return code, capsys.readouterr().err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and "Check the installation" not in err
    return lines[0]


def test_a_recipe_that_is_not_utf8_text_is_named_as_not_a_json_recipe(capsys, tmp_path):
    path = tmp_path / "recipe.json"
    path.write_bytes(b"\xff\xfe{\"method\": \"dynamic\"}")
    code, err = run_recipe(capsys, path, "--model", "demo:seed-linear")
    line = one_line(err)
    assert code == 2 and str(path) in line and "is not a JSON recipe" in line
    assert "not UTF-8 text" in line and "codec" not in line


def test_a_recipe_nested_100000_deep_is_a_bad_file_not_a_broken_installation(capsys, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    code, err = run_recipe(capsys, path, "--model", "demo:seed-linear")
    line = one_line(err)
    assert code == 2 and str(path) in line and "nests too deeply" in line
    assert "RecursionError" not in line


def test_a_5000_digit_number_in_a_recipe_names_the_file_and_the_setting(capsys, tmp_path):
    path = tmp_path / "digits.json"
    path.write_text('{"method": "dynamic", "seed": 1, "threads": ' + "9" * 5000 + "}")
    code, err = run_recipe(capsys, path, "--model", "demo:seed-linear")
    line = one_line(err)
    assert code == 2 and str(path) in line and "the setting threads" in line
    assert "5000 digits" in line and "4300" not in line and "set_int_max_str_digits" not in line


def test_model_args_of_the_wrong_type_are_refused_even_when_model_is_given(capsys, tmp_path):
    path = tmp_path / "recipe.json"
    path.write_text(json.dumps({"method": "dynamic", "model": "demo:seed-linear",
                                "model_args": [1, 2]}))
    code, err = run_recipe(capsys, path, "--model", "demo:seed-linear")
    line = one_line(err)
    assert code == 2 and str(path) in line
    assert "The setting model_args must be a JSON object" in line and "[1, 2]" in line


@pytest.mark.parametrize("saved, flags, words", [
    # a flag replaces the setting, but the file is still wrong
    ({"method": "dynamic", "threads": "many"}, ["--threads", "1"],
     "The setting threads must be a whole number, not 'many'"),
    ({"method": "static", "calibration_batches": -3}, ["--set", "calibration_batches=2"],
     "The setting calibration_batches=-3 is out of range"),
    # another technique's recipe: its settings do not apply, but it must be a recipe
    ({"method": "static", "observer": 5}, ["--method", "dynamic"],
     "The setting observer must be text, not 5"),
    ({"method": "dynamic", "model": ["demo:seed-linear"]}, [],
     "The setting model must be text"),
])
def test_a_recipe_is_checked_as_a_whole_whatever_the_flags(capsys, tmp_path, saved, flags,
                                                           words):
    path = tmp_path / "recipe.json"
    path.write_text(json.dumps(saved))
    code, err = run_recipe(capsys, path, "--model", "demo:seed-linear", *flags)
    line = one_line(err)
    assert code == 2 and str(path) in line and words in line


@pytest.mark.parametrize("content, words", [
    ("", "is empty"),
    ('[{"method": "dynamic"}]', "not a JSON object of settings"),
    ('{"method": "qat", "learning_rate": NaN}', "the setting learning_rate holds NaN"),
    ('{"method": "qat", "learning_rate": Infinity}', "holds Infinity"),
    ('{"method": "dynamic", "method": "static"}', "gives method twice"),
    ('{"method": "dynamic"', "not valid JSON"),
    (None, "is a folder, not a recipe file"),
    ("fifo", "not a regular file"),
    ("x" * (5 * 1024 * 1024), "far more than a recipe"),
])
def test_other_hostile_recipe_files_are_one_clear_line(capsys, tmp_path, content, words):
    path = tmp_path / "hostile.json"
    if content is None:
        path.mkdir()
    elif content == "fifo":
        os.mkfifo(path)  # reading it would block for ever
    else:
        path.write_text(content)
    code, err = run_recipe(capsys, path, "--model", "demo:seed-linear")
    line = one_line(err)
    assert code == 2 and str(path) in line and words in line


def test_a_good_recipe_still_runs_with_its_flags(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("QUANTGUI_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "recipe.json"
    path.write_text(json.dumps({"method": "static", "observer": "minmax", "threads": 2,
                                "model": "demo:seed-linear"}))
    report = tmp_path / "report.json"
    code, err = run_recipe(capsys, path, "--threads", "1", "--report", str(report))
    assert code == 0, err
    saved = json.loads(report.read_text())
    assert saved["recipe"]["observer"] == "minmax" and saved["threads"] == 1
    assert saved["model"] == "seed-linear"
