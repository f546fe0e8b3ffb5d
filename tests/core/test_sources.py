"""The user's own model files, written for real by the tests, opened safely."""

from __future__ import annotations

import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import torch

from quantgui.core.errors import DataError, ModelError
from quantgui.core.events import drive
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for
from quantgui.core.sources import check_method, load_model_file, open_user_model

MODEL_PY = textwrap.dedent("""
    import torch
    from torch import nn


    class TinyNet(nn.Module):
        def __init__(self, channels=4, classes=3):
            super().__init__()
            self.conv = nn.Conv2d(1, channels, 3, padding=1)
            self.bn = nn.BatchNorm2d(channels)
            self.fc = nn.Linear(channels * 8 * 8, classes)

        def forward(self, x):
            return self.fc(torch.relu(self.bn(self.conv(x))).flatten(1))


    class Broken(nn.Module):
        def __init__(self):
            raise RuntimeError("cannot build")
""")
SHAPE = (1, 8, 8)


class Evil:
    """Unpickling this creates a marker file: proof that code from the file ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    root = tmp_path_factory.mktemp("user")
    (root / "tinynet.py").write_text(MODEL_PY)
    sys.path.insert(0, str(root))
    try:
        import tinynet
    finally:
        sys.path.remove(str(root))
    torch.manual_seed(0)
    model = tinynet.TinyNet().eval()
    example = torch.randn(2, *SHAPE)
    torch.save(model.state_dict(), root / "weights.pt")
    torch.export.save(torch.export.export(
        model, (example,), dynamic_shapes=({0: torch.export.Dim("batch")},)), root / "dyn.pt2")
    torch.export.save(torch.export.export(model, (example,)), root / "fixed.pt2")
    torch.jit.save(torch.jit.script(model), root / "script.ts")
    torch.save(model, root / "whole.pt")
    files = {p.name: p for p in root.iterdir() if p.is_file()}
    files["root"] = root
    files["model"] = model
    yield files
    sys.modules.pop("tinynet", None)


def _snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


def _run(loaded, method):
    settings = {"epochs": 1} if method == "qat" else {}
    return drive(run(loaded, recipe_for(method, threads=1, batch_size=16, **settings)))


@pytest.mark.parametrize("spec, kind, methods", [
    ("dyn.pt2", "export", ("dynamic", "static", "qat")),
    ("fixed.pt2", "export", ("static",)),
    ("tinynet.py:TinyNet:weights.pt", "python", ("dynamic", "static", "qat")),
])
def test_each_format_runs_each_technique(files, spec, kind, methods):
    root = files["root"]
    before = _snapshot(root)
    for method in methods:
        loaded = open_user_model(str(root / spec), method=method, input_shape=SHAPE)
        assert loaded.source.startswith(kind)
        assert "good for calibration only" in loaded.description
        expected = files["model"](loaded.data.val_inputs)
        assert torch.allclose(loaded.model(loaded.data.val_inputs), expected, atol=1e-5)
        result = _run(loaded, method)
        layers = {layer.name: layer for layer in result.layers}
        assert layers["fc"].quantized, (method, layers)
        if method != "dynamic":
            assert layers["conv"].quantized
        assert result.agreement.sqnr_db > (5 if method == "qat" else 15)
    assert _snapshot(root) == before  # nothing written beside the user's files, no __pycache__


def test_export_program_stores_its_input_shape(files):
    loaded = load_model_file(str(files["dyn.pt2"]))
    assert loaded.input_shape == SHAPE and loaded.kind == "export"
    assert "3 layer(s) recovered" in loaded.description


def test_trusted_pickle_runs_and_untrusted_is_refused(files, monkeypatch):
    monkeypatch.syspath_prepend(str(files["root"]))
    path = str(files["whole.pt"])
    with pytest.raises(ModelError, match="can run any code.*--trust"):
        load_model_file(path, input_shape=SHAPE)
    loaded = open_user_model(path, trust=True, input_shape=SHAPE, method="dynamic")
    assert loaded.source.startswith("pickle")
    assert {layer.name: layer for layer in _run(loaded, "dynamic").layers}["fc"].quantized


def test_torchscript_loads_but_no_technique_is_offered(files):
    loaded = open_user_model(str(files["script.ts"]), input_shape=SHAPE)
    assert loaded.source.startswith("torchscript")
    with pytest.raises(ModelError, match="quantize_dynamic returns an unchanged copy"):
        check_method("torchscript", "dynamic")
    for method in ("static", "qat"):
        with pytest.raises(ModelError, match="cannot be traced by FX.*torch.export"):
            open_user_model(str(files["script.ts"]), input_shape=SHAPE, method=method)


def test_quantize_dynamic_really_leaves_torchscript_unchanged(files):
    """The measurement behind check_method's message (torch 2.13)."""
    from torch.ao.quantization import quantize_dynamic

    scripted = torch.jit.load(str(files["script.ts"]))
    quantized = quantize_dynamic(scripted, {torch.nn.Linear}, dtype=torch.qint8)
    x = torch.randn(4, *SHAPE)
    assert torch.equal(quantized(x), scripted(x))
    assert "linear_dynamic" not in quantized.inlined_graph.str()


def test_malicious_pickle_never_runs(tmp_path):
    marker = tmp_path / "marker"
    evil = tmp_path / "evil.pt"
    torch.save(Evil(marker), evil)
    with pytest.raises(ModelError, match="pickled model.*can run any code"):
        load_model_file(str(evil), input_shape=SHAPE)
    with pytest.raises(pickle.UnpicklingError):
        torch.load(evil, weights_only=True)
    assert not marker.exists()
    # As weights for a class, it is refused too, still without running.
    (tmp_path / "m.py").write_text(MODEL_PY)
    with pytest.raises(ModelError, match="more than tensors"):
        load_model_file(f"{tmp_path / 'm.py'}:TinyNet:{evil}")
    assert not marker.exists()
    # The marker is real: trusting the file does run its code (and it is not a model).
    with pytest.raises(ModelError, match="not an nn.Module"):
        load_model_file(str(evil), trust=True)
    assert marker.exists()


def test_state_dict_given_as_model_points_to_the_class(files):
    with pytest.raises(ModelError, match=r"holds only weights.*path.py:Class:weights.pt"):
        load_model_file(str(files["weights.pt"]))


@pytest.mark.parametrize("suffix, args, message", [
    (":Missing", None, "has no class 'Missing'.*TinyNet"),
    (":Broken", None, "Creating Broken.*cannot build"),
    (":TinyNet", "{hidden: 3}", "not valid JSON"),
    (":TinyNet", "[1, 2]", "must be a JSON object"),
    (":TinyNet", '{"hidden": 3}', "unexpected keyword argument 'hidden'"),
    (":TinyNet:weights.pt", '{"channels": 5}', "shape mismatches: conv.weight"),
])
def test_python_class_errors(files, suffix, args, message):
    with pytest.raises(ModelError, match=message):
        load_model_file(str(files["tinynet.py"]) + suffix, model_args=args)


def test_weights_with_other_keys_are_listed(files, tmp_path):
    state = torch.load(files["weights.pt"], weights_only=True)
    state["extra.weight"] = state.pop("fc.weight")
    torch.save(state, tmp_path / "other.pt")
    with pytest.raises(ModelError, match=r"missing keys: fc.weight; unexpected keys: extra.weight"):
        load_model_file(f"{files['tinynet.py']}:TinyNet:{tmp_path / 'other.pt'}")


def test_file_that_raises_on_import(tmp_path):
    (tmp_path / "bad.py").write_text("raise ImportError('no such thing')\n")
    with pytest.raises(ModelError, match="Importing .*bad.py failed: ImportError"):
        load_model_file(f"{tmp_path / 'bad.py'}:Net")


def test_wrong_input_shape_is_named(files):
    with pytest.raises(ModelError, match=r"does not accept inputs of shape \(2, 3, 8, 8\)"):
        open_user_model(f"{files['tinynet.py']}:TinyNet", input_shape=(3, 8, 8))
    with pytest.raises(ModelError, match="differs from the shape 1,8,8 stored"):
        load_model_file(str(files["dyn.pt2"]), input_shape=(3, 8, 8))
    with pytest.raises(ModelError, match="input shape .* is not stored"):
        open_user_model(str(files["script.ts"]))


def test_corrupt_truncated_and_lying_files(files, tmp_path):
    truncated = tmp_path / "cut.pt2"
    truncated.write_bytes(files["dyn.pt2"].read_bytes()[:2000])
    with pytest.raises(ModelError, match="truncated or corrupt"):
        load_model_file(str(truncated))
    png = tmp_path / "picture.pt2"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with pytest.raises(ModelError, match=r"is a PNG image, not a PyTorch model.*'\.pt2'"):
        load_model_file(str(png))
    script_named_pt2 = tmp_path / "script.pt2"
    script_named_pt2.write_bytes(files["script.ts"].read_bytes())
    with pytest.raises(ModelError, match="named .pt2 but holds a TorchScript model"):
        load_model_file(str(script_named_pt2))
    garbage = tmp_path / "garbage.pt"
    garbage.write_bytes(b"\x80\x02garbage")  # a pickle header, then nonsense
    with pytest.raises(ModelError, match="garbage.pt looks like a PyTorch file.*cannot be read"):
        load_model_file(str(garbage))
    with pytest.raises(ModelError, match="does not exist"):
        load_model_file(str(tmp_path / "nope.pt2"))


def test_file_larger_than_available_memory(files):
    with pytest.raises(ModelError, match="more than the 1.0 KiB of memory available"):
        load_model_file(str(files["dyn.pt2"]), memory=lambda: 1024)
    with pytest.raises(ModelError, match="weights file .* more than the"):
        size = files["tinynet.py"].stat().st_size
        load_model_file(f"{files['tinynet.py']}:TinyNet:{files['weights.pt']}",
                        memory=lambda: size + 1)


def test_data_of_the_wrong_classes_is_refused(files, tmp_path):
    torch.save((torch.randn(20, *SHAPE), torch.arange(20) % 7), tmp_path / "d.pt")
    with pytest.raises(DataError, match="7 classes"):
        open_user_model(str(files["dyn.pt2"]), data=str(tmp_path / "d.pt"))


# ------------------------------------------------------------------ command line, end to end

def cli(*args: str, cwd: Path | None = None, env_path: Path | None = None):
    import os

    env = dict(os.environ)
    if env_path is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(env_path),
                                                          env.get("PYTHONPATH", "")]))
    return subprocess.run([sys.executable, "-m", "quantgui.cli", *args], capture_output=True,
                          text=True, timeout=120, cwd=cwd, env=env)


@pytest.mark.slow
def test_cli_runs_user_models(files, tmp_path):
    root = files["root"]
    before = _snapshot(root)
    result = cli("quantize", "--model", str(root / "dyn.pt2"), "--method", "static",
                 "--threads", "1", "--report", str(tmp_path / "r.json"))
    assert result.returncode == 0, result.stderr
    assert "dyn.pt2: static" in result.stdout
    result = cli("quantize", "--model", f"{root / 'tinynet.py'}:TinyNet:{root / 'weights.pt'}",
                 "--model-args", '{"channels": 4}', "--input-shape", "1,8,8",
                 "--method", "dynamic", "--threads", "1")
    assert result.returncode == 0, result.stderr
    assert "torch.ao.nn.quantized.dynamic.Linear" in result.stdout
    result = cli("quantize", "--model", str(root / "whole.pt"), "--trust", "--input-shape",
                 "1,8,8", "--method", "dynamic", "--threads", "1", env_path=root)
    assert result.returncode == 0, result.stderr
    assert _snapshot(root) == before


@pytest.mark.parametrize("args, message", [
    (("--model", "{root}/whole.pt", "--input-shape", "1,8,8", "--method", "dynamic"),
     "can run any code"),
    (("--model", "{root}/script.ts", "--input-shape", "1,8,8", "--method", "static"),
     "cannot be traced by FX"),
    (("--model", "{root}/tinynet.py:TinyNet", "--method", "dynamic"), "--input-shape"),
    (("--model", "{root}/tinynet.py:TinyNet", "--input-shape", "1,x", "--method", "dynamic"),
     "not a list of positive integers"),
    (("--model", "demo:seed-linear", "--trust", "--method", "dynamic"), "not demos"),
])
def test_cli_bad_user_input_exits_2_with_one_line(files, args, message):
    result = cli("quantize", *(a.format(root=files["root"]) for a in args))
    assert result.returncode == 2, result.stdout
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("quantgui-cli: error:") and message in lines[-1], result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_readme_example_runs(tmp_path):
    """The exact files of README's "Bring your own model" section, through the CLI."""
    import re

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    section = readme.split("## Bring your own model", 1)[1].split("\n## ", 1)[0]
    script = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    command = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    (tmp_path / "make_model.py").write_text(script)
    made = subprocess.run([sys.executable, "make_model.py"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    import shlex

    lines = command.replace("\\\n", " ").strip().splitlines()
    assert lines[0] == "python make_model.py"
    words = shlex.split(lines[1])
    assert words[0] == ".venv/bin/quantgui-cli"
    result = cli(*words[1:], "--threads", "1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Net (model.py): static" in result.stdout and "2 of 2" in result.stdout
