"""Opening a model reports its stages and stops at a cancel: between two stages (reading the
file, importing its code, building it, loading its weights and tokenizer, reading the data,
checking the model) and inside the loops over images and texts. A cancelled open leaves no
module of the user's behind in sys.modules and raises Cancelled, never a half-opened model.

Real files: a model file importing a neighbour with safetensors weights and a folder of
images, a tiny BERT folder (tests/fixtures/hf.py) with a text file, a factory by name."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image
from safetensors.torch import save_file

from quantgui.core.errors import Cancelled
from quantgui.core.events import CancelToken, Event, Progress, drive
from quantgui.core.sources import OPEN_STAGES, stream_user_model

LAYERS_PY = textwrap.dedent("""
    from torch import nn


    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2d(3, 4, 3, padding=1)

        def forward(self, x):
            return self.conv(x).relu()
""")
NET_PY = textwrap.dedent("""
    from torch import nn

    from cancel_layers import Block


    class Net(nn.Module):
        def __init__(self, classes=2):
            super().__init__()
            self.block = Block()
            self.head = nn.Linear(4 * 8 * 8, classes)

        def forward(self, x):
            return self.head(self.block(x).flatten(1))
""")


@pytest.fixture(autouse=True)
def _offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="module")
def python_model(tmp_path_factory) -> tuple[str, str]:
    """model.py:Net:weights.safetensors (importing layers from beside it) and 12 images."""
    folder = tmp_path_factory.mktemp("pymodel")
    (folder / "cancel_layers.py").write_text(LAYERS_PY)
    (folder / "model.py").write_text(NET_PY)
    torch.manual_seed(0)
    save_file({"block.conv.weight": torch.randn(4, 3, 3, 3), "block.conv.bias": torch.zeros(4),
               "head.weight": torch.randn(2, 256), "head.bias": torch.zeros(2)},
              folder / "weights.safetensors")
    images = folder / "images"
    rng = np.random.default_rng(0)
    for label in ("cats", "dogs"):
        (images / label).mkdir(parents=True)
        for index in range(6):
            pixels = rng.integers(0, 255, (8, 8, 3), dtype=np.uint8)
            Image.fromarray(pixels).save(images / label / f"{index}.png")
    return f"{folder / 'model.py'}:Net:weights.safetensors", str(images)


@pytest.fixture(scope="module")
def bert_model(tmp_path_factory) -> tuple[str, str]:
    """A tiny BERT folder with its tokenizer, and a text file of 600 lines (three chunks)."""
    from tests.fixtures import hf

    folder = tmp_path_factory.mktemp("bert")
    hf.bert_classifier(folder / "bert")
    lines = ["the cat sat on a mat", "the dog ran", "a quick brown fox jumps over the lazy dog"]
    text = folder / "texts.txt"
    text.write_text("\n".join(lines * 200) + "\n")
    return str(folder / "bert"), str(text)


def _stages(events: list[Event]) -> list[str]:
    stages: list[str] = []
    for event in events:
        if isinstance(event, Progress) and (not stages or stages[-1] != event.stage):
            stages.append(event.stage)
    return stages


def _user_modules(root: Path) -> list[str]:
    found = []
    for name, module in list(sys.modules.items()):
        place = getattr(module, "__file__", None)
        if isinstance(place, str) and Path(place).resolve().is_relative_to(root.resolve()):
            found.append(name)
    return found


def _cancel_at(spec: str, data: str, stage: str, skip: int = 0) -> int:
    """Open ``spec``, cancelling at the ``skip``-th event of ``stage``; the events after it."""
    cancel = CancelToken()
    seen = {"stage": 0, "after": 0}

    def on_event(event: Event) -> None:
        if cancel.cancelled:
            seen["after"] += 1
        elif isinstance(event, Progress) and event.stage == stage:
            if seen["stage"] == skip:
                cancel.cancel()
            seen["stage"] += 1

    with pytest.raises(Cancelled):
        drive(stream_user_model(spec, data=data, cancel=cancel), on_event)
    assert seen["stage"] > skip, f"no {stage} event number {skip} was seen"
    return seen["after"]


PYTHON_STAGES = ["reading model", "importing code", "building model", "loading weights",
                 "reading data", "reading images", "checking model"]
BERT_STAGES = ["reading model", "building model", "loading weights", "checking model",
               "loading tokenizer", "reading data", "tokenizing", "checking model"]


def test_opening_reports_its_stages_in_order(python_model, bert_model):
    for (spec, data), expected in ((python_model, PYTHON_STAGES), (bert_model, BERT_STAGES)):
        events: list[Event] = []
        loaded = drive(stream_user_model(spec, data=data), events.append)
        assert _stages(events) == expected
        assert set(expected) <= set(OPEN_STAGES)
        assert loaded.data.train_inputs.shape[0] > 0
    tokenized = [e for e in events if isinstance(e, Progress) and e.stage == "tokenizing"]
    assert tokenized[-1].current == tokenized[-1].total == 600 and len(tokenized) >= 3


@pytest.mark.parametrize("stage", PYTHON_STAGES)
def test_a_cancel_at_each_stage_of_a_python_model_stops_it(python_model, stage):
    spec, data = python_model
    root = Path(spec.split(".py:")[0]).parent
    modules = set(sys.modules)
    assert _cancel_at(spec, data, stage) == 0
    assert not _user_modules(root)
    assert not [name for name in set(sys.modules) - modules if "cancel_layers" in name]
    assert str(root) not in sys.path


@pytest.mark.parametrize("stage", sorted(set(BERT_STAGES)))
def test_a_cancel_at_each_stage_of_a_hugging_face_folder_stops_it(bert_model, stage):
    spec, data = bert_model
    assert _cancel_at(spec, data, stage) == 0
    assert not _user_modules(Path(spec))


def test_a_cancel_inside_the_loops_over_images_and_texts_stops_them(python_model, bert_model):
    assert _cancel_at(*python_model, "reading images", skip=2) == 0
    assert _cancel_at(*bert_model, "tokenizing", skip=1) == 0


def test_a_factory_by_name_cancelled_before_its_import_imports_nothing(monkeypatch):
    name = "tests.fixtures.models"
    monkeypatch.delitem(sys.modules, name, raising=False)  # put back afterwards
    assert _cancel_at(f"py:{name}:make_mlp", "random", "importing code") == 0
    assert name not in sys.modules


class _CancelAtCheck(CancelToken):
    """A cancel that arrives at its ``checks``-th check once armed, remembering where it was
    checked: here, while transformers iterates over the weights it loads."""

    def __init__(self, checks: int) -> None:
        super().__init__()
        self.armed, self.left, self.where = False, checks, ""

    def raise_if_cancelled(self) -> None:
        if self.armed and not self.cancelled:
            self.left -= 1
            if self.left == 0:
                self.cancel()
                import traceback

                self.where = "".join(traceback.format_stack())
        super().raise_if_cancelled()


def test_a_cancel_while_transformers_loads_the_weights_stops_it(bert_model):
    """Not only before or after: the weight loop inside from_pretrained stops at a cancel."""
    spec, data = bert_model
    cancel = _CancelAtCheck(checks=3)  # the stage's own check, then the second weight

    def on_event(event: Event) -> None:
        if isinstance(event, Progress) and event.stage == "loading weights":
            cancel.armed = True

    with pytest.raises(Cancelled):
        drive(stream_user_model(spec, data=data, cancel=cancel), on_event)
    assert "from_pretrained" in cancel.where
    # the hook passes through once the opening is over: another open runs to its end
    assert drive(stream_user_model(spec, data=data)).model is not None
