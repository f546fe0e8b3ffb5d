"""What a model takes: named inputs with shapes, dtypes and value ranges.

The pipeline and every engine feed a model one tensor (one batch of samples). A model with
several inputs (``input_ids`` and ``attention_mask``) gets them packed side by side in one
tensor, flattened per sample, and ``PackedInputs`` unpacks them before calling it: so data,
calibration, latency, saving and every engine handle it like any single-input model. Integer
inputs stay integers (packed as int64, or as float32 when mixed with float inputs: exact for
the value ranges checked here).
"""

from __future__ import annotations

import inspect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

from quantgui.core.errors import DataError, ModelError

DTYPES: dict[str, torch.dtype] = {
    "float32": torch.float32, "float": torch.float32, "float64": torch.float64,
    "float16": torch.float16, "bfloat16": torch.bfloat16, "int64": torch.int64,
    "long": torch.int64, "int32": torch.int32, "int": torch.int32, "int16": torch.int16,
    "int8": torch.int8, "uint8": torch.uint8, "bool": torch.bool,
}
DTYPE_NAMES = {dtype: name for name, dtype in reversed(DTYPES.items())}
FLOAT_EXACT = 2**24  # integers up to this are exact in float32
INPUT_SYNTAX = "NAME:DTYPE[D,D,...][:LOW..HIGH], e.g. input_ids:int64[128]:0..30521"
_INPUT = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*):(?P<dtype>[a-z0-9]+)"
                    r"\[(?P<shape>[0-9, ]*)\](?::(?P<low>-?[0-9.e+]+)\.\.(?P<high>-?[0-9.e+]+))?$")
MAX_ELEMENTS = 2**28  # one sample: beyond this it is a typing error, not a model


@dataclass(frozen=True)
class InputSpec:
    """One input: its name, per-sample shape, dtype and (inclusive) value range.

    Integer inputs need a range (token ids: 0..vocabulary size - 1); float inputs without one
    get Gaussian random data, with one uniform data in it.
    """

    name: str
    shape: tuple[int, ...]
    dtype: torch.dtype = torch.float32
    low: float | None = None
    high: float | None = None

    @property
    def is_integer(self) -> bool:
        return not self.dtype.is_floating_point

    @property
    def numel(self) -> int:
        return math.prod(self.shape)

    def describe(self) -> str:
        shape = ",".join(str(d) for d in self.shape)
        text = f"{self.name} {DTYPE_NAMES.get(self.dtype, str(self.dtype))}[{shape}]"
        if self.low is not None and self.high is not None:
            text += f" in {_number(self.low)}..{_number(self.high)}"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "shape": list(self.shape),
                "dtype": DTYPE_NAMES.get(self.dtype, str(self.dtype)),
                "range": None if self.low is None else [self.low, self.high]}

    def random(self, count: int, generator: torch.Generator) -> torch.Tensor:
        if self.is_integer:
            low, high = int(self.low or 0), int(1 if self.high is None else self.high)
            return torch.randint(low, high + 1, (count, *self.shape), generator=generator
                                 ).to(self.dtype)
        if self.low is not None and self.high is not None:
            values = torch.rand(count, *self.shape, generator=generator)
            return (self.low + values * (self.high - self.low)).to(self.dtype)
        return torch.randn(count, *self.shape, generator=generator).to(self.dtype)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def parse_input(text: str) -> InputSpec:
    """``input_ids:int64[128]:0..30521`` -> InputSpec; a ModelError says what is wrong."""
    match = _INPUT.match(text.strip()) if len(text) < 300 else None
    if match is None:
        raise ModelError(f"--input '{text[:80]}' is not of the form {INPUT_SYNTAX}.",
                         "Give one --input per model input, in the order the model takes them.")
    dtype = DTYPES.get(match["dtype"])
    if dtype is None:
        raise ModelError(f"--input '{text[:80]}': unknown dtype '{match['dtype']}'.",
                         f"Use one of {', '.join(sorted(set(DTYPE_NAMES.values())))}.")
    try:
        shape = tuple(int(d) for d in match["shape"].split(",") if d.strip())
    except ValueError:
        shape = (0,)
    if not shape or any(d <= 0 for d in shape) or math.prod(shape) > MAX_ELEMENTS:
        raise ModelError(f"--input '{text[:80]}': the shape is not a list of positive integers "
                         "of a sensible size.", "Write it per sample, e.g. [128] or [3,224,224].")
    low = high = None
    if match["low"] is not None:
        try:
            low, high = float(match["low"]), float(match["high"])
        except ValueError:
            raise ModelError(f"--input '{text[:80]}': the range is not LOW..HIGH.",
                             "Write it like 0..30521 (both ends included).") from None
        if not (math.isfinite(low) and math.isfinite(high)) or low > high:
            raise ModelError(f"--input '{text[:80]}': the range {match['low']}..{match['high']} "
                             "is empty or not finite.", "Write LOW..HIGH with LOW <= HIGH.")
    if dtype == torch.bool:
        low, high = 0, 1
    elif not dtype.is_floating_point:
        if low is None:
            raise ModelError(f"--input '{text[:80]}': an integer input needs its range.",
                             "Add it, e.g. input_ids:int64[128]:0..30521 (both ends included).")
        info = torch.iinfo(dtype)
        if low != int(low) or high != int(high) or low < info.min or high > info.max:
            raise ModelError(f"--input '{text[:80]}': the range is not whole numbers within "
                             f"{DTYPE_NAMES[dtype]}.", "Give whole numbers, e.g. 0..30521.")
        low, high = int(low), int(high)
    return InputSpec(match["name"], shape, dtype, low, high)


@dataclass(frozen=True)
class InputSignature:
    """The inputs of a model, in the order it takes them."""

    inputs: tuple[InputSpec, ...]

    def __post_init__(self) -> None:
        names = [spec.name for spec in self.inputs]
        if not names:
            raise ModelError("A model needs at least one input.", f"Give {INPUT_SYNTAX}.")
        if len(set(names)) != len(names):
            raise ModelError(f"The inputs {', '.join(names)} repeat a name.",
                             "Give each --input its own name.")

    @classmethod
    def of_shape(cls, shape: Sequence[int], name: str = "x") -> InputSignature:
        return cls((InputSpec(name, tuple(shape)),))

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.inputs)

    @property
    def packed(self) -> bool:
        """Several inputs travel as one tensor through the pipeline."""
        return len(self.inputs) > 1

    @property
    def dtype(self) -> torch.dtype:
        """The dtype of the tensor the pipeline carries."""
        if not self.packed:
            return self.inputs[0].dtype
        if all(spec.is_integer for spec in self.inputs):
            return torch.int64
        return torch.float32

    @property
    def sample_shape(self) -> tuple[int, ...]:
        """Per-sample shape of the tensor the pipeline carries."""
        if not self.packed:
            return self.inputs[0].shape
        return (sum(spec.numel for spec in self.inputs),)

    @property
    def is_float(self) -> bool:
        return not self.packed and self.inputs[0].dtype.is_floating_point

    @property
    def data_kind(self) -> str:
        """How the window shows a sample: 'tokens' (integer sequences) or 'inputs' (several)."""
        return "inputs" if self.packed else "tokens"

    def check_packable(self) -> None:
        if self.packed and self.dtype == torch.float32:
            for spec in self.inputs:
                if spec.is_integer and max(abs(spec.low or 0), abs(spec.high or 0)) > FLOAT_EXACT:
                    raise ModelError(
                        f"The input {spec.describe()} is carried with float inputs as float32, "
                        f"which is exact only up to {FLOAT_EXACT}.",
                        "Give integer inputs of a smaller range, or inputs of one kind.")

    def pack(self, tensors: Sequence[torch.Tensor]) -> torch.Tensor:
        """The inputs (each batch first) side by side in one tensor."""
        if not self.packed:
            return tensors[0]
        count = tensors[0].shape[0]
        return torch.cat([t.reshape(count, -1).to(self.dtype) for t in tensors], dim=1)

    def unpack(self, packed: torch.Tensor) -> tuple[torch.Tensor, ...]:
        return unpack(packed, self.layout())

    def layout(self) -> tuple[tuple[int, int, tuple[int, ...], torch.dtype], ...]:
        """(start, end, shape, dtype) of each input in the packed tensor."""
        parts, start = [], 0
        for spec in self.inputs:
            parts.append((start, start + spec.numel, spec.shape, spec.dtype))
            start += spec.numel
        return tuple(parts)

    def random(self, count: int, seed: int = 0) -> torch.Tensor:
        generator = torch.Generator().manual_seed(seed)
        return self.pack([spec.random(count, generator) for spec in self.inputs])

    def check_data(self, inputs: torch.Tensor, part: str) -> None:
        """Data of the signature's dtype, with integers in range (a DataError otherwise)."""
        for spec, value in zip(self.inputs, self.unpack(inputs), strict=True):
            if spec.is_integer and value.is_floating_point() and not torch.equal(
                    value, value.round()):
                raise DataError(f"The {part} values of input {spec.name} are not whole numbers.",
                                f"It takes {spec.describe()}.")
            if spec.low is not None and value.numel() and (
                    value.min().item() < spec.low or value.max().item() > spec.high):
                raise DataError(
                    f"The {part} values of input {spec.name} range from "
                    f"{_number(value.min().item())} to {_number(value.max().item())}, outside "
                    f"{_number(spec.low)}..{_number(spec.high)}.",
                    f"It takes {spec.describe()}: check the data or the --input range.")

    def describe(self) -> str:
        return ", ".join(spec.describe() for spec in self.inputs)

    def to_dict(self) -> list[dict[str, Any]]:
        return [spec.to_dict() for spec in self.inputs]

    def with_shape(self, shape: tuple[int, ...]) -> InputSignature:
        """The same inputs at another per-sample shape (--input-shape beside a known signature):
        one input gets it, or every input when they all share one shape."""
        shapes = {spec.shape for spec in self.inputs}
        if len(shapes) != 1:
            raise ModelError(f"--input-shape cannot say which of the inputs ({self.describe()}) "
                             "it is for.", "Give each input with --input instead.")
        return InputSignature(tuple(InputSpec(s.name, tuple(shape), s.dtype, s.low, s.high)
                                    for s in self.inputs))


def unpack(packed: torch.Tensor,
           layout: tuple[tuple[int, int, tuple[int, ...], torch.dtype], ...]
           ) -> tuple[torch.Tensor, ...]:
    if len(layout) == 1:
        return (packed,)
    return tuple(packed[:, start:end].reshape(-1, *shape).to(dtype)
                 for start, end, shape, dtype in layout)


class PackedInputs(nn.Module):
    """Calls a model of several inputs with the pipeline's one tensor: unpacks it first.

    Its forward takes one tensor, so that FX can trace it (and the model inside, where it can).
    """

    def __init__(self, model: nn.Module, signature: InputSignature) -> None:
        super().__init__()
        self.model = model
        self.layout = signature.layout()
        self.input_names = signature.names

    def forward(self, packed: torch.Tensor) -> Any:
        return self.model(*unpack(packed, self.layout))


def first_leaf(model: nn.Module) -> nn.Module | None:
    """The first module without children, in the order they were registered."""
    for module in model.modules():
        if not list(module.children()):
            return module
    return None


def embedding_signature(model: nn.Module, shape: tuple[int, ...] | None
                        ) -> InputSignature | None:
    """An ``nn.Embedding``-first model takes token ids: int64 in 0..num_embeddings-1."""
    leaf = first_leaf(model)
    if not isinstance(leaf, (nn.Embedding, nn.EmbeddingBag)):
        return None
    if shape is None:
        raise ModelError(
            f"The model starts with an embedding of {leaf.num_embeddings} tokens: it takes "
            "token ids, and their sequence length is not known.",
            "Give it with --input-shape, e.g. --input-shape 128 (or --input "
            f"'ids:int64[128]:0..{leaf.num_embeddings - 1}').")
    return InputSignature((InputSpec("ids", tuple(shape), torch.int64, 0,
                                     leaf.num_embeddings - 1),))


def forward_inputs(model: nn.Module) -> list[str]:
    """The names of the positional inputs ``model.forward`` requires."""
    try:
        parameters = inspect.signature(model.forward).parameters.values()
    except (TypeError, ValueError):
        return []
    return [p.name for p in parameters if p.default is inspect.Parameter.empty
            and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
