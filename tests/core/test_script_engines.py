"""The generated script follows the run's engine: run on its own, it rebuilds the model the
application built on PT2E + inductor, ONNX Runtime or torchao weight-only, and saves the file
that engine saves (loaded back by the engine itself)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import onnx
import pytest
import torch

from quantgui.core.demos import LoadedModel, load_demo
from quantgui.core.engines import get_engine
from quantgui.core.errors import RecipeError
from quantgui.core.events import drive
from quantgui.core.metrics import predict, sqnr_db
from quantgui.core.pipeline import RunResult, run
from quantgui.core.recipes import Recipe, recipe_for
from quantgui.core.script import generate_script, write_script

# engine, technique, settings, what the header says must be installed, file --save writes
CASES = [
    ("pt2e", "static", {}, "torchao", "model.pt2"),
    ("pt2e", "dynamic", {}, "torchao", "model.pt2"),
    ("pt2e", "qat", {"epochs": 1}, "torchao", "model.pt2"),
    ("onnxruntime", "static", {"keep_float": ("fc2",)}, "onnxruntime", "model.onnx"),
    ("onnxruntime", "dynamic", {}, "onnxruntime", "model.onnx"),
    ("weight_only", "dynamic", {}, "torchao", "model.pt"),
]


@dataclass
class ScriptRun:
    loaded: LoadedModel
    recipe: Recipe
    result: RunResult
    text: str
    stdout: str
    outputs: torch.Tensor
    saved: Path


def _script_run(tmp: Path, engine: str, method: str, settings: dict, saved_name: str
                ) -> ScriptRun:
    loaded = load_demo("digits-mlp")
    recipe = recipe_for(method, engine=engine, threads=2, **settings)
    result = drive(run(loaded, recipe))
    script = tmp / "reproduce.py"
    write_script(script, loaded, recipe)
    outputs, saved = tmp / "outputs.pt", tmp / saved_name
    done = subprocess.run([sys.executable, str(script), "--outputs", str(outputs),
                           "--save", str(saved)],
                          capture_output=True, text=True, timeout=300, cwd=tmp)
    assert done.returncode == 0, done.stderr[-3000:]
    return ScriptRun(loaded, recipe, result, script.read_text(), done.stdout,
                     torch.load(outputs, weights_only=True), saved)


@pytest.fixture(scope="module")
def script_run(tmp_path_factory):
    """One application run and one script run per case, shared by the tests below."""
    runs: dict[tuple[str, str], ScriptRun] = {}

    def get(engine: str, method: str) -> ScriptRun:
        if (engine, method) not in runs:
            _, _, settings, _, saved_name = next(c for c in CASES if c[:2] == (engine, method))
            tmp = tmp_path_factory.mktemp(f"{engine}-{method}")
            runs[engine, method] = _script_run(tmp, engine, method, settings, saved_name)
        return runs[engine, method]
    return get


@pytest.mark.parametrize("engine, method, settings, needs, saved_name", CASES)
@pytest.mark.slow
def test_script_rebuilds_the_engines_quantized_model(script_run, engine, method, settings,
                                                     needs, saved_name):
    done = script_run(engine, method)
    assert "import quantgui" not in done.text and "from quantgui" not in done.text
    header = done.text.split('"""', 2)[1]
    assert f"on the {get_engine(engine).title} engine" in header
    assert needs in next(line for line in header.splitlines() if line.startswith("Needs "))
    assert "validation accuracy of the quantized model" in done.stdout
    expected = done.result.quantized_outputs
    assert done.outputs.shape == expected.shape
    agreement = sqnr_db(expected, done.outputs)
    # the script's model is the app's: its difference is far below the quantization error (a
    # float model, or another engine's int8 model, would be as far as the quantization error)
    quantization_error = sqnr_db(done.result.original_outputs, expected)
    assert agreement >= 30.0 and agreement >= quantization_error + 10.0, \
        f"{agreement:.1f} dB from the app's model; quantization {quantization_error:.1f} dB"


@pytest.mark.parametrize("engine, method, settings, needs, saved_name", CASES)
def test_saved_file_loads_back_through_the_engine(script_run, engine, method, settings, needs,
                                                  saved_name):
    done = script_run(engine, method)
    engine_ = get_engine(engine)
    reloaded = engine_.load_saved(done.saved, engine_.save_formats[0], build=done.result.build)
    inputs = done.loaded.data.val_inputs
    with torch.inference_mode():
        outputs = predict(reloaded, inputs, done.recipe.batch_size)
    expected = done.result.quantized_outputs
    assert sqnr_db(expected, outputs) >= max(30.0, sqnr_db(done.result.original_outputs,
                                                           expected) + 10.0)


def test_onnx_script_keeps_the_named_layer_float(script_run):
    graph = onnx.load(str(script_run("onnxruntime", "static").saved)).graph
    weights = {i.name: i.data_type for i in graph.initializer}
    assert weights["fc2.weight"] == onnx.TensorProto.FLOAT
    assert weights["fc1.weight_quantized"] == onnx.TensorProto.INT8


def test_qat_script_trains_as_the_app_does(script_run):
    done = script_run("pt2e", "qat")
    assert "epoch 1/1" in done.stdout and "prepare_qat_pt2e" in done.text


def test_a_technique_the_engine_lacks_gets_no_script():
    with pytest.raises(RecipeError, match="does not implement qat"):
        generate_script(load_demo("digits-mlp"), recipe_for("qat", engine="onnxruntime"))
