"""Bad input of every kind gets a clear error, and nothing is changed."""

import pytest
import torch
from torch import nn

from quantgui.core.demos import load_demo
from quantgui.core.errors import Cancelled, DataError, ModelError, RecipeError
from quantgui.core.events import CancelToken, TrainStep, drive
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for

from .helpers import assert_state_equal, state_snapshot, with_data


@pytest.fixture(scope="module")
def mlp():
    return load_demo("digits-mlp")


def test_unknown_demo():
    with pytest.raises(ModelError, match="no demo called 'nope'.*digits-cnn"):
        load_demo("nope")


def test_wrong_input_shape(mlp):
    wrong = with_data(mlp, train_inputs=torch.rand(40, 1, 7, 7), val_inputs=torch.rand(10, 1, 7, 7),
                      train_labels=mlp.data.train_labels[:40], val_labels=mlp.data.val_labels[:10])
    with pytest.raises(ModelError, match=r"does not accept inputs of shape \(2, 1, 7, 7\)"):
        drive(run(wrong, recipe_for("static")))


def test_nan_in_calibration_data(mlp):
    poisoned = mlp.data.train_inputs.clone()
    poisoned[3, 0, 2, 2] = float("nan")
    poisoned[5, 0, 1, 1] = float("inf")
    with pytest.raises(DataError, match="training inputs contain 2 NaN or infinite"):
        drive(run(with_data(mlp, train_inputs=poisoned), recipe_for("static")))


def test_technique_backend_combination_that_cannot_work(mlp):
    with pytest.raises(RecipeError, match="float16 dynamic quantization has no kernel in the "
                                          "qnnpack backend"):
        drive(run(mlp, recipe_for("dynamic", backend="qnnpack", dtype="float16")))


def test_empty_dataset(mlp):
    empty = with_data(mlp, train_inputs=torch.empty(0, 1, 8, 8),
                      train_labels=torch.empty(0, dtype=torch.long))
    with pytest.raises(DataError, match="training data is empty"):
        drive(run(empty, recipe_for("static")))


def test_labels_out_of_range(mlp):
    labels = mlp.data.val_labels.clone()
    labels[0] = 12
    with pytest.raises(DataError, match="outside 0..9"):
        drive(run(with_data(mlp, val_labels=labels), recipe_for("qat", epochs=1)))


def test_label_count_differs_from_input_count(mlp):
    with pytest.raises(DataError, match="inputs but .* labels"):
        drive(run(with_data(mlp, val_labels=mlp.data.val_labels[:-3]), recipe_for("dynamic")))


def test_cross_entropy_without_labels(mlp):
    unlabelled = with_data(mlp, train_labels=None, val_labels=None)
    with pytest.raises(DataError, match="needs labels"):
        drive(run(unlabelled, recipe_for("qat", loss="cross_entropy", epochs=1)))


def test_model_returning_non_tensor():
    class Pair(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(8, 2)

        def forward(self, x):
            return self.fc(x), x

    from .helpers import random_loaded

    with pytest.raises(ModelError, match="returns a tuple"):
        drive(run(random_loaded(Pair(), (8,)), recipe_for("dynamic")))


def test_cancel_in_the_middle_of_qat_changes_nothing(mlp):
    before = state_snapshot(mlp.model)
    cancel = CancelToken()
    seen = []

    def on_event(event):
        if isinstance(event, TrainStep):
            seen.append(event)
            if len(seen) == 10:
                cancel.cancel()

    with pytest.raises(Cancelled):
        drive(run(mlp, recipe_for("qat", epochs=3), cancel), on_event)
    assert len(seen) == 10  # stopped at the very next step
    assert_state_equal(mlp.model, before)
    assert not mlp.model.training


def test_a_run_gives_the_model_back_in_its_own_modes_and_restores_torch_settings(mlp):
    import torch

    mlp.model.train()
    mlp.model.fc2.eval()  # a mixed model: each module keeps its own mode
    fastpath = torch.backends.mha.get_fastpath_enabled()
    engine, threads = torch.backends.quantized.engine, torch.get_num_threads()
    try:
        drive(run(mlp, recipe_for("static", backend="onednn", threads=1)))
        assert mlp.model.training and not mlp.model.fc2.training and mlp.model.fc1.training
        assert torch.backends.mha.get_fastpath_enabled() == fastpath
        assert torch.backends.quantized.engine == engine
        assert torch.get_num_threads() == threads
    finally:
        mlp.model.eval()


def test_nothing_quantized_gives_infinite_agreement_not_a_crash(mlp):
    result = drive(run(mlp, recipe_for("dynamic", layer_types=["LSTM"])))
    assert result.quantized_layer_count == 0
    assert result.agreement.sqnr_db == float("inf")


def test_sqnr_of_overflowing_outputs_is_nan_not_an_exception():
    import math

    from quantgui.core.metrics import sqnr_db

    assert math.isnan(sqnr_db(torch.ones(3), torch.tensor([1.0, float("inf"), 1.0])))


# --- issue 10: a history with runs of the wrong types ---------------------------------------
def _run(**changes):
    run = {"id": "good0001", "timestamp": 1.0, "model": "demo:digits-mlp", "method": "static",
           "backend": "x86", "settings": "", "size_bytes": 1000, "original_size_bytes": 4000,
           "latency_ms": 1.5, "original_latency_ms": 3.0, "threads": 2, "accuracy": 0.9,
           "original_accuracy": 0.95, "sqnr_db": 20.0, "keep_float": [], "report": {}}
    return {**run, **changes}


BAD_RUNS = ["a string", 42, None, [1, 2], _run(id="bad00001", size_bytes="big"),
            _run(id="bad00002", latency_ms=None), _run(id="bad00003", threads=True),
            _run(id="bad00004", keep_float="fc1"), _run(id="bad00005", report=[]),
            _run(id="bad00006", accuracy="high"), _run(id="bad00007", timestamp=1e400)]


def test_history_runs_of_the_wrong_types_are_set_aside_and_kept(tmp_path):
    import json as json_module

    from quantgui.core.history import History

    path = tmp_path / "history.json"
    runs = [_run(), *BAD_RUNS]
    runs[-1] = {**runs[-1], "timestamp": "later"}  # JSON cannot hold 1e400 literally
    path.write_text(json_module.dumps({"version": 1, "runs": runs}))
    history = History(path)
    assert [entry.id for entry in history.entries()] == ["good0001"]
    assert f"{len(BAD_RUNS)} run(s)" in history.warning and "unchanged" in history.warning
    history.delete("good0001")  # a write keeps the runs it could not read
    assert json_module.loads(path.read_text())["runs"] == runs[1:]


@pytest.mark.parametrize("content", ['{"version": 1, "runs": "abc"}', "[1, 2]",
                                     "[" * 100_000 + "]" * 100_000, '{"runs": {"a": 1}}'])
def test_history_files_that_are_not_histories_are_set_aside(tmp_path, content):
    from quantgui.core.history import History

    path = tmp_path / "history.json"
    path.write_text(content)
    history = History(path)
    assert history.entries() == [] and "could not be read" in history.warning
    assert not path.exists() and len(list(tmp_path.glob("history.json.unreadable-*"))) == 1


def test_cli_history_with_runs_of_the_wrong_types(tmp_path):
    import json as json_module
    import os
    import subprocess
    import sys

    (tmp_path / "history.json").write_text(json_module.dumps(
        {"version": 1, "runs": [_run(), *BAD_RUNS[:-1]]}))
    result = subprocess.run([sys.executable, "-m", "quantgui.cli", "history"],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QUANTGUI_DATA_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "good0001" in result.stdout


# --- issue 10: models that cannot take this technique or this data --------------------------
class _NoParameters(nn.Module):
    def forward(self, x):
        return torch.relu(x).flatten(1)


class _TokenModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(16, 4)
        self.head = nn.Linear(4 * 6, 3)

    def forward(self, ids):
        return self.head(self.embed(ids).flatten(1))


def test_qat_on_a_model_without_parameters():
    from .helpers import random_loaded

    with pytest.raises(ModelError, match="QAT needs a model with trainable parameters"):
        drive(run(random_loaded(_NoParameters(), (8,)), recipe_for("qat", epochs=1)))


def test_integer_input_model_given_float_data_names_the_dtype():
    from .helpers import random_loaded

    with pytest.raises(ModelError, match=r"takes integer token ids \(its embedding layer 'embed' "
                                         r"needs int64 indices\), but the data is torch.float32"
                       ) as error:
        drive(run(random_loaded(_TokenModel(), (6,)), recipe_for("dynamic")))
    assert "input shape" not in str(error.value)


def test_double_model_given_float32_data_names_the_dtype():
    from .helpers import random_loaded

    model = nn.Sequential(nn.Linear(8, 3)).double()
    with pytest.raises(ModelError, match="does not accept torch.float32 inputs") as error:
        drive(run(random_loaded(model, (8,)), recipe_for("dynamic")))
    assert "model.float()" in error.value.hint
