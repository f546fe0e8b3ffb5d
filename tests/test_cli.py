"""The command line, run as a user runs it: a separate process."""

import json
import subprocess
import sys

import pytest


def cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quantgui.cli", *args], capture_output=True,
                          text=True, timeout=timeout)


@pytest.mark.slow
def test_demos_lists_every_demo_with_its_description():
    from quantgui.core.demos import DEMOS

    result = cli("demos")
    assert result.returncode == 0
    for name, demo in DEMOS.items():
        assert f"{name}" in result.stdout and demo.description[:30] in result.stdout


@pytest.mark.slow
def test_quantize_prints_a_table_and_writes_the_report(tmp_path):
    report_path = tmp_path / "report.json"
    saved = tmp_path / "quantized.pt"
    result = cli("quantize", "--model", "demo:digits-mlp", "--method", "qat", "--epochs", "2",
                 "--threads", "1", "--report", str(report_path), "--save", str(saved))
    assert result.returncode == 0, result.stderr
    assert "Original" in result.stdout and "Quantized" in result.stdout
    report = json.loads(report_path.read_text())
    # the table says how many runs the median is of, and how many samples the layer errors
    runs = report["quantized"]["latency_ms"]["repeats"]
    assert f"Latency median (1 thr, {runs} runs)" in result.stdout
    sampling = report["layer_error_samples"]
    assert f"per-layer errors on all {sampling['samples']} validation samples" in result.stdout
    assert "QAT" in result.stderr and "100%" in result.stderr  # the progress bar
    report = json.loads(report_path.read_text())
    assert report["method"] == "qat" and report["backend"] == "x86" and report["threads"] == 1
    assert report["quantized"]["size_bytes"] < 0.3 * report["original"]["size_bytes"]
    assert report["quantized"]["latency_ms"]["median"] > 0
    assert len(report["training"]) == 2
    assert {"name", "original_type", "quantized_type", "quantized", "note", "weight_sqnr_db",
            "output_sqnr_db", "accumulated_sqnr_db", "error_source"} == set(report["layers"][0])
    import torch

    payload = torch.load(saved, weights_only=True)
    assert any(key.endswith("_packed_params") for key in payload["state_dict"])
    assert "loaded back: identical outputs" in result.stdout


@pytest.mark.parametrize("args, message", [
    (("quantize", "--model", "demo:nope", "--method", "static"), "no demo called 'nope'"),
    (("quantize", "--model", "model.bin", "--method", "static"), "model.bin does not exist"),
    (("quantize", "--model", "demo:seed-linear", "--method", "dynamic", "--backend", "qnnpack",
      "--set", "dtype=float16"), "no kernel in the qnnpack backend"),
    (("quantize", "--model", "demo:seed-linear", "--method", "static", "--epochs", "2"),
     "apply to --method qat only"),
    (("quantize", "--model", "demo:seed-linear", "--method", "static", "--threads", "0"),
     "threads=0 is out of range"),
    (("quantize", "--model", "demo:seed-linear", "--method", "sparse"), "invalid choice"),
])
@pytest.mark.slow
def test_bad_arguments_exit_non_zero_with_one_clear_line(args, message):
    result = cli(*args)
    assert result.returncode == 2
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("quantgui-cli") and message in last_line
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_inspect_prints_plan_errors_and_sensitivity(tmp_path):
    report_path = tmp_path / "inspect.json"
    result = cli("inspect", "--model", "demo:digits-mlp", "--method", "static", "--sensitivity",
                 "--report", str(report_path))
    assert result.returncode == 0, result.stderr
    assert "fused: fused into fc1" in result.stdout  # the plan
    assert "w dB" in result.stdout and "Sensitivity" in result.stdout
    report = json.loads(report_path.read_text())
    layers = {layer["name"]: layer for layer in report["layers"]}
    assert layers["fc1"]["weight_sqnr_db"] > 30 and layers["fc1"]["output_sqnr_db"] > 20
    assert layers["relu1"]["weight_sqnr_db"] is None
    assert layers["fc1"]["error_source"] == "torch.ao.ns + forward hooks"
    assert "(measured with torch.ao.ns + forward hooks)" in result.stdout
    names = [entry["name"] for entry in report["sensitivity"]]
    assert sorted(names) == ["fc1", "fc2", "fc3"]
    assert report["suggested_keep_float"] == names[:1]


@pytest.mark.parametrize("demo", ["digits-cnn", "digits-transformer"])
@pytest.mark.slow
def test_inspect_reports_every_layer_and_ranks_them_on_the_issue_demos(tmp_path, demo):
    report_path = tmp_path / "inspect.json"
    result = cli("inspect", "--model", f"demo:{demo}", "--method", "static",
                 "--set", "calibration_batches=4", "--no-history", "--sensitivity", "--report",
                 str(report_path))
    assert result.returncode == 0, result.stderr
    assert "Sensitivity" in result.stdout
    report = json.loads(report_path.read_text())
    int8 = [layer["name"] for layer in report["layers"] if layer["quantized"]]
    assert len(int8) >= 4
    for layer in report["layers"]:
        if layer["quantized"]:
            assert layer["output_sqnr_db"] > 15 and layer["accumulated_sqnr_db"] > 15
            assert layer["name"] in result.stdout
    ranked = [entry["name"] for entry in report["sensitivity"]]
    assert sorted(ranked) == sorted(int8)  # every int8 layer ranked once
    gains = [entry["sqnr_gain_db"] for entry in report["sensitivity"]]
    assert gains == sorted(gains, reverse=True)


@pytest.mark.slow
def test_keep_float_flag(tmp_path):
    report_path = tmp_path / "r.json"
    result = cli("quantize", "--model", "demo:digits-mlp", "--method", "dynamic",
                 "--keep-float", "fc3", "--report", str(report_path))
    assert result.returncode == 0, result.stderr
    layers = {layer["name"]: layer for layer in json.loads(report_path.read_text())["layers"]}
    assert not layers["fc3"]["quantized"] and layers["fc3"]["note"] == "kept in float by request"
    bad = cli("quantize", "--model", "demo:digits-mlp", "--method", "dynamic",
              "--keep-float", "fc9")
    assert bad.returncode == 2 and "names no layer of the model: fc9" in bad.stderr


@pytest.mark.slow
def test_save_script_html_recipe_and_history(tmp_path):
    recipe = tmp_path / "recipe.json"
    result = cli("quantize", "--model", "demo:seed-linear", "--method", "static", "--save",
                 str(tmp_path / "q.pt"), "--export-script", str(tmp_path / "s.py"), "--html",
                 str(tmp_path / "r.html"), "--save-recipe", str(recipe))
    assert result.returncode == 0, result.stderr
    assert "loaded back: identical outputs" in result.stdout
    assert (tmp_path / "s.py").exists() and (tmp_path / "r.html").exists()
    saved = json.loads(recipe.read_text())
    assert saved["method"] == "static" and saved["model"] == "demo:seed-linear"
    # run the recipe again, with a flag overriding one of its values
    again = cli("quantize", "--recipe", str(recipe), "--set", "observer=minmax",
                "--report", str(tmp_path / "again.json"))
    assert again.returncode == 0, again.stderr
    report = json.loads((tmp_path / "again.json").read_text())
    assert report["recipe"]["observer"] == "minmax" and report["model"] == "seed-linear"
    history = cli("history")
    assert history.returncode == 0 and history.stdout.count("seed-linear") == 2
    run_id = history.stdout.splitlines()[1].split()[0]
    assert cli("history", "--delete", run_id).returncode == 0
    assert cli("history").stdout.count("seed-linear") == 1


@pytest.mark.slow
def test_identical_outputs_print_inf_instead_of_crashing():
    result = cli("quantize", "--model", "demo:seed-linear", "--method", "dynamic",
                 "--sensitivity", "--no-history")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "Suggested to keep in float: fc" in result.stdout
    nothing = cli("quantize", "--model", "demo:seed-linear", "--method", "dynamic", "--set",
                  'layer_types=["LSTM"]', "--no-history")
    assert nothing.returncode == 0 and "SQNR inf dB" in nothing.stdout


MODEL_PY = '''
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 3)

    def forward(self, x):
        return self.fc(x)
'''


@pytest.fixture
def user_model(tmp_path):
    """model.py:Net with weights.pt and data.pt in tmp_path."""
    import torch

    (tmp_path / "model.py").write_text(MODEL_PY)
    torch.manual_seed(0)
    torch.save({"fc.weight": torch.randn(3, 8), "fc.bias": torch.zeros(3)},
               tmp_path / "weights.pt")
    torch.save((torch.randn(64, 8), torch.randint(0, 3, (64,))), tmp_path / "data.pt")
    return tmp_path


def cli_in(folder, *args: str) -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ, QUANTGUI_DATA_DIR=str(folder / "qdata"))
    return subprocess.run([sys.executable, "-m", "quantgui.cli", *args], capture_output=True,
                          text=True, timeout=300, cwd=folder, env=env)


def snapshot(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.mark.parametrize("option, target", [
    ("--save", "weights.pt"), ("--report", "./sub/../data.pt"), ("--html", "model.py"),
    ("--export-script", "model.py"), ("--save-recipe", "recipe.json"),
    ("--report", "link-to-weights.pt")])
@pytest.mark.slow
def test_an_output_never_replaces_an_input_of_the_run(user_model, option, target):
    (user_model / "sub").mkdir()
    (user_model / "link-to-weights.pt").symlink_to(user_model / "weights.pt")
    (user_model / "recipe.json").write_text('{"method": "dynamic"}')
    before = snapshot(user_model)
    result = cli_in(user_model, "quantize", "--model", "model.py:Net:weights.pt", "--data",
                    "data.pt", "--recipe", "recipe.json", option, target, "--no-history")
    assert result.returncode == 2, result.stderr
    line = result.stderr.strip().splitlines()[-1]
    assert "also an input of this run" in line and "Traceback" not in result.stderr
    assert "Quantizing" not in result.stderr  # refused before any work
    assert snapshot(user_model) == before


@pytest.mark.slow
def test_the_script_export_never_silently_replaces_the_files_beside_it(user_model):
    spec = ["quantize", "--model", "model.py:Net:weights.pt", "--data", "data.pt", "--method",
            "dynamic", "--no-history"]
    (user_model / "s_data.pt").write_bytes(b"someone's data")
    result = cli_in(user_model, *spec, "--export-script", "s.py", "--report", "r.json")
    assert result.returncode == 2 and "would replace" in result.stderr
    assert str(user_model / "s_data.pt") in result.stderr or "s_data.pt" in result.stderr
    assert (user_model / "s_data.pt").read_bytes() == b"someone's data"
    assert not (user_model / "s.py").exists() and not (user_model / "r.json").exists()
    result = cli_in(user_model, *spec, "--export-script", "s.py", "--overwrite")
    assert result.returncode == 0, result.stderr
    assert (user_model / "s.py").exists() and (user_model / "s_float_weights.pt").exists()
    assert (user_model / "s_data.pt").read_bytes() != b"someone's data"
    # a file beside the script that is an input of the run: refused even with --overwrite
    (user_model / "x_data.pt").write_bytes((user_model / "data.pt").read_bytes())
    before = snapshot(user_model)
    result = cli_in(user_model, "quantize", "--model", "model.py:Net:weights.pt", "--data",
                    "x_data.pt", "--method", "dynamic", "--no-history", "--export-script",
                    "x.py", "--overwrite")
    assert result.returncode == 2 and "also an input of this run" in result.stderr
    assert snapshot(user_model) == before


@pytest.mark.slow
def test_outputs_are_checked_before_the_run_starts(tmp_path):
    (tmp_path / "folder").mkdir()
    for option, target, message in [
            ("--save", "missing/q.pt", "does not exist"),
            ("--report", "folder", "is a folder"),
            ("--html", "r.json", "are the same file")]:
        result = cli_in(tmp_path, "quantize", "--model", "demo:digits-mlp", "--method", "qat",
                        "--epochs", "50", "--report", "r.json", option, target)
        assert result.returncode == 2, result.stderr
        assert message in result.stderr and "Traceback" not in result.stderr
        assert "Quantizing" not in result.stderr and "QAT" not in result.stderr  # no training
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder"]


def test_new_outputs_follow_the_umask_and_replaced_ones_keep_their_mode(tmp_path):
    import os

    (tmp_path / "r.json").write_text("{}")
    os.chmod(tmp_path / "r.json", 0o600)
    previous = os.umask(0o022)
    try:
        result = cli_in(tmp_path, "quantize", "--model", "demo:seed-linear", "--method",
                        "dynamic", "--report", "r.json", "--html", "r.html", "--save", "q.pt")
    finally:
        os.umask(previous)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "r.json").stat().st_mode & 0o777 == 0o600
    for name in ("r.html", "q.pt", "qdata/history.json"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o644, name


BOOM_PY = '''
from torch import nn


class Boom(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 3)

    def forward(self, x):
        return self.fc(x)

    def state_dict(self, *args, **kwargs):  # a bug in the user's class, met mid-run
        raise LookupError("boom " + "y" * 5000)
'''


@pytest.mark.slow
def test_an_unexpected_error_says_where_in_one_line_and_logs_the_traceback(tmp_path):
    (tmp_path / "boom.py").write_text(BOOM_PY)
    args = ["quantize", "--model", "boom.py:Boom", "--input-shape", "8", "--method", "dynamic",
            "--no-history", "--report", "r.json"]
    result = cli_in(tmp_path, *args)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith("quantgui-cli: error: dynamic quantization failed while quantizing: "
                           "LookupError: boom")
    assert "y" * 300 not in line and "--method" in line  # cut, and says what to try
    logs = list((tmp_path / "qdata" / "logs").iterdir())
    assert len(logs) == 1 and str(logs[0]) in line
    assert "Traceback" in logs[0].read_text() and "y" * 5000 in logs[0].read_text()
    assert not (tmp_path / "r.json").exists()
    debug = cli_in(tmp_path, *args, "--debug")
    assert debug.returncode == 1 and "Traceback" in debug.stderr
    assert "in state_dict" in debug.stderr
    assert len(list((tmp_path / "qdata" / "logs").iterdir())) == 1  # printed, not logged


def test_a_quantgui_error_is_one_line_with_its_hint_and_exit_2(tmp_path):
    result = cli_in(tmp_path, "quantize", "--model", "demo:" + "n" * 3000, "--method", "static")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and len(lines[0]) < 700 and "Available demos" in lines[0]


def test_a_5000_digit_set_value_is_one_clear_line(capsys):
    from quantgui.cli import main

    code = main(["quantize", "--model", "demo:seed-linear", "--method", "dynamic",
                 "--set", "seed=" + "9" * 5000, "--no-history"])
    err = capsys.readouterr().err
    assert code == 2
    assert "--set seed: the value cannot be read" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


# ------------------------------------------------------------------ the models people bring
# (issue 12): architectures by name, Hugging Face folders, neighbours, several inputs

def cli_models(folder, *args: str, pythonpath: str | None = None) -> subprocess.CompletedProcess:
    """The command line run from the repository root (so ``py:tests.fixtures.models:...``
    imports), offline, with its history in ``folder``."""
    import os
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, QUANTGUI_DATA_DIR=str(folder / "qdata"), HF_HUB_OFFLINE="1")
    if pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [pythonpath, env.get("PYTHONPATH")]))
    return subprocess.run([sys.executable, "-m", "quantgui.cli", *args, "--threads", "1"],
                          capture_output=True, text=True, timeout=300, cwd=root, env=env)


def test_cli_opens_a_factory_by_name_and_says_its_weights_are_random(tmp_path):
    report = tmp_path / "r.json"
    result = cli_models(tmp_path, "quantize", "--model", "py:tests.fixtures.models:make_mlp",
                        "--model-args", '{"width": 12}', "--input-shape", "8",
                        "--method", "dynamic", "--report", str(report))
    assert result.returncode == 0, result.stderr
    assert "random initialisation: no weights file given" in result.stderr
    saved = json.loads(report.read_text())
    assert saved["model"] == "make_mlp (tests.fixtures.models)"
    assert "random initialisation" in saved["model_details"]["weights"]
    assert sum(layer["quantized"] for layer in saved["layers"]) == 2


@pytest.mark.slow
def test_cli_runs_a_hugging_face_folder_and_reports_the_output_compared(tmp_path):
    from tests.fixtures import hf

    folder = hf.bert_classifier(tmp_path / "bert")
    report = tmp_path / "r.json"
    result = cli_models(tmp_path, "quantize", "--model", str(folder), "--method", "dynamic",
                        "--report", str(report))
    assert result.returncode == 0, result.stderr
    saved = json.loads(report.read_text())
    details = saved["model_details"]
    assert details["compared_output"] == "logits"
    assert details["architecture"] == "BertForSequenceClassification"
    assert [spec["name"] for spec in details["inputs"]] == ["input_ids", "attention_mask"]
    assert details["inputs"][0]["range"] == [0, 19]
    assert "model.bert.encoder.layer.0.attention.self.query" in {
        layer["name"] for layer in saved["layers"] if layer["quantized"]}
    # static on the engine that captures it, with the inputs given by hand
    result = cli_models(tmp_path, "quantize", "--model", str(folder), "--method", "static",
                        "--engine", "pt2e", "--input", "input_ids:int64[8]:0..19",
                        "--input", "attention_mask:int64[8]:0..1", "--report", str(report))
    assert result.returncode == 0, result.stderr
    saved = json.loads(report.read_text())
    assert saved["engine"] == "pt2e" and saved["model_details"]["inputs"][0]["shape"] == [8]
    assert sum(layer["quantized"] for layer in saved["layers"]) >= 10


@pytest.mark.slow
def test_cli_opens_a_model_file_that_imports_its_neighbour(tmp_path):
    (tmp_path / "layers.py").write_text(
        "from torch import nn\n\n\nclass Block(nn.Sequential):\n"
        "    def __init__(self):\n        super().__init__(nn.Linear(8, 8), nn.ReLU())\n")
    (tmp_path / "model.py").write_text(
        "from torch import nn\n\nfrom layers import Block\n\n\nclass Net(nn.Module):\n"
        "    def __init__(self):\n        super().__init__()\n        self.block = Block()\n"
        "        self.head = nn.Linear(8, 2)\n\n    def forward(self, x):\n"
        "        return self.head(self.block(x))\n")
    before = snapshot(tmp_path)
    result = cli_models(tmp_path, "quantize", "--model", f"{tmp_path / 'model.py'}:Net",
                        "--input-shape", "8", "--method", "static", "--no-history")
    assert result.returncode == 0, result.stderr
    assert "block.0  int8" in result.stdout and "head     int8" in result.stdout
    assert snapshot(tmp_path) == before and not (tmp_path / "__pycache__").exists()


@pytest.mark.slow
def test_cli_runs_a_two_input_model_and_an_embedding_model(tmp_path):
    report = tmp_path / "r.json"
    result = cli_models(tmp_path, "quantize", "--model", "py:tests.fixtures.models:TwoInputNet",
                        "--input", "features:float32[6]", "--input", "category:int64[1]:0..4",
                        "--method", "static", "--report", str(report), "--no-history")
    assert result.returncode == 0, result.stderr
    saved = json.loads(report.read_text())
    assert [spec["dtype"] for spec in saved["model_details"]["inputs"]] == ["float32", "int64"]
    assert {"model.features", "model.head"} <= {
        layer["name"] for layer in saved["layers"] if layer["quantized"]}
    result = cli_models(tmp_path, "quantize", "--model",
                        "py:tests.fixtures.models:TokenClassifier", "--input-shape", "12",
                        "--method", "dynamic", "--report", str(report), "--no-history")
    assert result.returncode == 0, result.stderr
    saved = json.loads(report.read_text())
    assert saved["model_details"]["inputs"] == [
        {"name": "ids", "shape": [12], "dtype": "int64", "range": [0, 49]}]


@pytest.mark.parametrize("args, message", [
    (("--model", "py:torchvision.models:resnet18", "--input-shape", "3,8,8"),
     "built against another torch"),
    (("--model", "py:tests.fixtures.models:TwoInputNet", "--input-shape", "6"),
     "takes 2 inputs (features, category)"),
    (("--model", "py:tests.fixtures.models:TokenClassifier"), "embedding of 50 tokens"),
    (("--model", "py:tests.fixtures.models:make_mlp", "--input", "x:int64[8]"),
     "integer input needs its range"),
    (("--model", "py:tests.fixtures.models:make_mlp", "--model-args", '{"pretrained": true}',
      "--input-shape", "8"), "never downloads"),
])
@pytest.mark.slow
def test_cli_model_opening_errors_are_one_line(tmp_path, args, message):
    fake = tmp_path / "site"
    (fake / "torchvision").mkdir(parents=True)
    (fake / "torchvision" / "__init__.py").write_text(
        "raise RuntimeError('operator torchvision::nms does not exist')\n")
    result = cli_models(tmp_path, "quantize", *args, "--method", "dynamic", "--no-history",
                        pythonpath=str(fake))
    assert result.returncode == 2, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_a_recipe_cannot_name_a_factory(tmp_path):
    recipe = tmp_path / "recipe.json"
    recipe.write_text(json.dumps({"method": "dynamic",
                                  "model": "py:tests.fixtures.models:make_mlp"}))
    result = cli_models(tmp_path, "quantize", "--recipe", str(recipe), "--input-shape", "8",
                        "--no-history")
    assert result.returncode == 2
    assert "imports and runs Python code" in result.stderr and "A recipe" in result.stderr
