"""A .pt2 holds the model, not the batch it was captured with: torch.export.save stores the
example inputs by default (a 32-image batch at 224x224 is 19 MB of the user's data), which made
PT2E results look larger than the float model and put data in every saved file."""

from __future__ import annotations

import io
import zipfile

import torch
from torch import nn

from quantgui.core.engines import get_engine
from quantgui.core.events import CancelToken, drive
from quantgui.core.metrics import state_dict_size_bytes
from quantgui.core.pt2_safety import program_bytes
from quantgui.core.recipes import recipe_for

from .helpers import random_loaded


def _small_weights_large_inputs() -> nn.Module:
    return nn.Sequential(nn.Conv2d(3, 4, 3, stride=4), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
                         nn.Flatten(), nn.Linear(4, 3)).eval()


def test_program_bytes_leave_the_example_batch_out_and_keep_it_on_the_program():
    model = _small_weights_large_inputs()
    example = torch.randn(32, 3, 64, 64)  # 1.5 MB
    program = torch.export.export(model, (example,))
    data = program_bytes(program)
    assert len(data) < 200_000
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    sample = [name for name in names if "sample_inputs" in name]
    assert all(zipfile.ZipFile(io.BytesIO(data)).getinfo(name).file_size < 10_000
               for name in sample)
    assert program.example_inputs is not None  # the program itself is left as it was
    loaded = torch.export.load(io.BytesIO(data)).module()
    assert torch.equal(loaded(example), model(example))


def test_a_pt2e_result_is_sized_without_its_example_batch():
    model = _small_weights_large_inputs()
    loaded = random_loaded(model, (3, 64, 64), classes=3, count=64)
    recipe = recipe_for("static", engine="pt2e", threads=1, calibration_batches=1)
    build = drive(get_engine("pt2e").build(loaded, recipe, CancelToken()))
    # before: the quantized and the float .pt2 each held the 1.5 MB batch
    assert build.size_bytes < 200_000
    assert build.reference_size_bytes < 200_000
    assert state_dict_size_bytes(model) < 10_000
