"""The standalone script rebuilds a model whose file imports a module beside it."""

from __future__ import annotations

import subprocess
import sys

import torch

from quantgui.core.events import drive
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for
from quantgui.core.script import write_script
from quantgui.core.sources import open_user_model

LAYERS = """import torch
from torch import nn


class Block(nn.Module):
    def __init__(self, width: int) -> None:
        super().__init__()
        self.fc = nn.Linear(width, width)

    def forward(self, x):
        return torch.relu(self.fc(x))
"""

MODEL = """from torch import nn

from layers import Block


class Net(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.block = Block(8)
        self.head = nn.Linear(8, 3)

    def forward(self, x):
        return self.head(self.block(x))
"""


def test_the_script_imports_the_models_neighbours(tmp_path):
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "layers.py").write_text(LAYERS)
    (folder / "model.py").write_text(MODEL)
    loaded = open_user_model(f"{folder / 'model.py'}:Net", input_shape=(8,))
    recipe = recipe_for("dynamic")
    result = drive(run(loaded, recipe))
    out = tmp_path / "out"
    out.mkdir()
    written = write_script(out / "rebuild.py", loaded, recipe)
    outputs = out / "o.pt"
    done = subprocess.run([sys.executable, str(written[0]), "--outputs", str(outputs)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert torch.equal(torch.load(outputs), result.quantized_outputs)
