"""The generated script reproduces the application's quantized model, for each technique."""

import subprocess
import sys

import pytest
import torch

from quantgui.core.demos import load_demo
from quantgui.core.errors import QuantGUIError
from quantgui.core.events import drive
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for
from quantgui.core.script import generate_script, write_script

from .helpers import PartlyTraceable, random_loaded


@pytest.mark.parametrize("demo, method, settings", [
    ("digits-cnn", "static", {"keep_float": ["classifier"]}),
    ("digits-lstm", "dynamic", {}),
    ("digits-mlp", "qat", {"epochs": 1, "freeze_observers_epoch": 1}),
    ("digits-transformer", "static", {"observer": "minmax"}),
])
@pytest.mark.slow
def test_generated_script_reproduces_the_outputs(tmp_path, demo, method, settings):
    loaded = load_demo(demo)
    recipe = recipe_for(method, **settings)
    result = drive(run(loaded, recipe))
    script = tmp_path / "reproduce.py"
    write_script(script, loaded, recipe)
    text = script.read_text()
    assert "import quantgui" not in text and "from quantgui" not in text  # standalone
    compile(text, str(script), "exec")
    outputs = tmp_path / "outputs.pt"
    done = subprocess.run([sys.executable, str(script), "--outputs", str(outputs)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "validation accuracy of the quantized model" in done.stdout
    assert torch.equal(torch.load(outputs), result.quantized_outputs)


@pytest.mark.slow
def test_script_for_a_users_python_model_and_data(tmp_path):
    model_file = tmp_path / "tiny.py"
    model_file.write_text(
        "import torch\nfrom torch import nn\n\n"
        "class Tiny(nn.Module):\n"
        "    def __init__(self, hidden=16):\n"
        "        super().__init__()\n"
        "        self.fc1 = nn.Linear(8, hidden)\n"
        "        self.fc2 = nn.Linear(hidden, 3)\n\n"
        "    def forward(self, x):\n"
        "        return self.fc2(torch.relu(self.fc1(x)))\n")
    from quantgui.core.sources import open_user_model

    loaded = open_user_model(f"{model_file}:Tiny", model_args='{"hidden": 12}',
                             input_shape=(8,))
    recipe = recipe_for("static")
    result = drive(run(loaded, recipe))
    written = write_script(tmp_path / "s.py", loaded, recipe)
    assert [p.name for p in written[1:]] == ["s_float_weights.pt", "s_data.pt",
                                             "tiny.py"]
    assert written[3] == tmp_path / "s_model" / "tiny.py"
    outputs = tmp_path / "o.pt"
    done = subprocess.run([sys.executable, str(written[0]), "--outputs", str(outputs)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert torch.equal(torch.load(outputs), result.quantized_outputs)


def test_untraceable_models_get_a_clear_message():
    loaded = random_loaded(PartlyTraceable(), (8,), classes=3)
    loaded.source = "demo:seed-linear"
    with pytest.raises(QuantGUIError, match="FX cannot trace 'gate'"):
        generate_script(loaded, recipe_for("static"))


def _every_script(tmp_path) -> list:
    """A script for each technique on each engine that offers it, for a demo convnet and a
    user's model file, and QAT with its freezing epochs."""
    from quantgui.core.engines import engines
    from quantgui.core.sources import open_user_model

    model_file = tmp_path / "tiny.py"
    model_file.write_text(
        "import torch\nfrom torch import nn\n\n"
        "class Tiny(nn.Module):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.fc1 = nn.Linear(8, 16)\n"
        "        self.fc2 = nn.Linear(16, 3)\n\n"
        "    def forward(self, x):\n"
        "        return self.fc2(torch.relu(self.fc1(x)))\n")
    models = [load_demo("digits-cnn"),
              open_user_model(f"{model_file}:Tiny", input_shape=(8,))]
    written = []
    for index, loaded in enumerate(models):
        recipes = [recipe_for(technique, engine=engine.name)
                   for engine in engines() for technique in engine.techniques]
        recipes.append(recipe_for("qat", freeze_observers_epoch=2, freeze_bn_epoch=1))
        for number, recipe in enumerate(recipes):
            path = tmp_path / f"m{index}_{number}_{recipe.engine}_{recipe.method}.py"
            write_script(path, loaded, recipe)
            written.append(path)
    return written


def test_every_generated_script_imports_what_it_uses_and_nothing_else(tmp_path):
    """pyflakes' checks (ruff's F rules) on every script: no unused or redefined import, no
    undefined name (scripts used ``Any`` without importing it and imported math, F, onnx
    whether or not their section used them)."""
    scripts = _every_script(tmp_path)
    assert len(scripts) >= 10
    checked = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--isolated", "--select", "F,E9",
         "--output-format", "concise", *map(str, scripts)],
        capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0, checked.stdout[-3000:]
