"""ONNX Runtime runs models whose input is token ids (int64), not only float batches."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from quantgui.core.engines import get_engine
from quantgui.core.events import CancelToken, drive
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for
from quantgui.core.sources import open_user_model

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "models.py"

pytestmark = pytest.mark.skipif(get_engine("onnxruntime").unavailable_reason() is not None,
                                reason="onnxruntime is not installed")


@pytest.mark.parametrize("technique", ["dynamic", "static"])
def test_token_ids_reach_onnx_runtime_as_integers(technique):
    loaded = open_user_model(f"{FIXTURES}:TokenClassifier", input_shape=(12,))
    assert loaded.data.val_inputs.dtype == torch.int64  # an embedding-first model: ids
    result = drive(run(loaded, recipe_for(technique, engine="onnxruntime",
                                          calibration_batches=2) if technique == "static"
                       else recipe_for(technique, engine="onnxruntime"), CancelToken()))
    assert result.engine == "onnxruntime"
    assert result.agreement.sqnr_db > 25
    assert any(layer.quantized for layer in result.layers)
