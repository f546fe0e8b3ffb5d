"""Recipes: the settings of one quantization run, validated and serialisable.

One dataclass per technique. Field metadata (label, help, choices, limits, advanced) is what the
window builds its settings form from, so a setting is described in exactly one place.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
from dataclasses import dataclass, field
from typing import Any, ClassVar

import torch

from quantgui.core.errors import RecipeError

BACKENDS = ("x86", "fbgemm", "onednn", "qnnpack")
OBSERVERS = ("minmax", "moving_average_minmax", "histogram")
DYNAMIC_LAYER_TYPES = ("Linear", "LSTM", "GRU", "LSTMCell", "GRUCell", "RNNCell")


def default_threads() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def vnni_supported() -> bool:
    """With VNNI the full 8-bit activation range is safe (about 8 dB better SQNR)."""
    check = getattr(torch.cpu, "_is_vnni_supported", None)
    return bool(check()) if check is not None else False


def setting(default: Any, label: str, help: str, *, choices: tuple | None = None,
            minimum: float | None = None, maximum: float | None = None,
            advanced: bool = False) -> Any:
    meta = {"label": label, "help": help, "choices": choices, "minimum": minimum,
            "maximum": maximum, "advanced": advanced}
    if isinstance(default, (list, tuple)):
        return field(default_factory=lambda: tuple(default), metadata=meta)
    return field(default=default, metadata=meta)


@dataclass
class Recipe:
    """Settings shared by every technique."""

    method: ClassVar[str] = ""
    title: ClassVar[str] = ""

    backend: str = setting(
        "x86", "Backend",
        "Which int8 kernels run the model. x86 is best on Intel/AMD CPUs; onednn is close; "
        "fbgemm is slower on convolutions; qnnpack is for ARM (about 20x slower on x86).",
        choices=BACKENDS)
    threads: int = setting(
        default_threads(), "Threads",
        "CPU threads used for calibration, training and the latency measurement.",
        minimum=1, maximum=256, advanced=True)
    batch_size: int = setting(
        32, "Batch size", "Samples per batch for calibration, training and latency.",
        minimum=1, maximum=65536, advanced=True)
    keep_float: tuple[str, ...] = setting(
        (), "Keep in float", "Names of layers to leave in float32.", advanced=True)

    def __post_init__(self) -> None:
        self.keep_float = tuple(self.keep_float)
        self._check_choice("backend", BACKENDS)
        self._check_range("threads")
        self._check_range("batch_size")
        self.validate()

    def validate(self) -> None:
        """Technique-specific checks; subclasses extend."""

    def check_runnable(self) -> None:
        """Checks that depend on this machine (engines, CUDA), made just before a run."""
        engines = torch.backends.quantized.supported_engines
        if self.backend not in engines:
            raise RecipeError(
                f"The backend '{self.backend}' is not available in this build of torch.",
                f"Choose one of: {', '.join(e for e in engines if e != 'none')}.")

    def _check_choice(self, name: str, choices: tuple) -> None:
        value = getattr(self, name)
        if value not in choices:
            raise RecipeError(f"Unknown {name} '{value}'.", f"Choose one of: {', '.join(choices)}.")

    def _check_range(self, name: str) -> None:
        meta = {f.name: f.metadata for f in dataclasses.fields(self)}[name]
        value = getattr(self, name)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise RecipeError(f"The setting {name} must be a number, not {value!r}.")
        low, high = meta.get("minimum"), meta.get("maximum")
        if (low is not None and value < low) or (high is not None and value > high):
            raise RecipeError(f"The setting {name}={value} is out of range.",
                              f"Use a value from {low} to {high}.")

    # --- serialisation -------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"method": self.method}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            data[f.name] = list(value) if isinstance(value, tuple) else value
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    @staticmethod
    def from_dict(data: dict[str, Any]) -> Recipe:
        if not isinstance(data, dict):
            raise RecipeError("A recipe must be a JSON object.")
        method = data.get("method")
        recipe_type = RECIPE_TYPES.get(str(method))
        if recipe_type is None:
            raise RecipeError(f"Unknown method '{method}'.",
                              f"Choose one of: {', '.join(RECIPE_TYPES)}.")
        known = {f.name: f for f in dataclasses.fields(recipe_type)}
        unknown = sorted(set(data) - set(known) - {"method"})
        if unknown:
            raise RecipeError(f"Unknown setting(s) for {method}: {', '.join(unknown)}.")
        values = {}
        for name, value in data.items():
            if name == "method":
                continue
            values[name] = tuple(value) if isinstance(value, list) else value
        try:
            return recipe_type(**values)
        except TypeError as error:
            raise RecipeError(f"Invalid recipe: {error}.") from error

    @staticmethod
    def from_json(text: str) -> Recipe:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise RecipeError(f"The recipe is not valid JSON: {error}.") from error
        return Recipe.from_dict(data)

    def replace(self, **changes: Any) -> Recipe:
        return dataclasses.replace(self, **changes)


@dataclass
class DynamicRecipe(Recipe):
    method: ClassVar[str] = "dynamic"
    title: ClassVar[str] = "Dynamic"

    layer_types: tuple[str, ...] = setting(
        ("Linear", "LSTM", "GRU"), "Layer types",
        "Layer types whose weights are stored in int8. Activations are quantized on the fly "
        "at each call, so no calibration data is needed.", choices=DYNAMIC_LAYER_TYPES)
    dtype: str = setting(
        "int8", "Weight type",
        "int8 stores weights in a quarter of the space and runs faster on CPU. float16 is "
        "offered for completeness: on CPU it saves neither time nor disk.",
        choices=("int8", "float16"))

    def validate(self) -> None:
        self.layer_types = tuple(self.layer_types)
        self._check_choice("dtype", ("int8", "float16"))
        if not self.layer_types:
            raise RecipeError("Dynamic quantization needs at least one layer type.",
                              "Select Linear, for example.")
        for name in self.layer_types:
            if name not in DYNAMIC_LAYER_TYPES:
                raise RecipeError(f"Dynamic quantization does not support layer type '{name}'.",
                                  f"Choose from: {', '.join(DYNAMIC_LAYER_TYPES)}.")

    def check_runnable(self) -> None:
        super().check_runnable()
        if self.dtype == "float16" and self.backend in ("qnnpack", "onednn"):
            raise RecipeError(
                f"float16 dynamic quantization has no kernel in the {self.backend} backend.",
                "Choose the x86 or fbgemm backend, or the int8 weight type.")


@dataclass
class StaticRecipe(Recipe):
    method: ClassVar[str] = "static"
    title: ClassVar[str] = "Static"

    observer: str = setting(
        "histogram", "Observer",
        "How activation ranges are learned from calibration data. MinMax is fast but an outlier "
        "stretches the range; moving-average MinMax resists outliers; Histogram chooses the "
        "range that minimises the error (slowest, usually best).", choices=OBSERVERS)
    per_channel: bool = setting(
        True, "Per-channel weights",
        "One scale per output channel instead of one per tensor: more accurate, same speed.")
    calibration_batches: int = setting(
        32, "Calibration batches",
        "How many batches of training data are run through the model to learn activation "
        "ranges.", minimum=1, maximum=100000)
    reduce_range: bool | None = setting(
        None, "Reduce range",
        "Use 7-bit activations to avoid overflow on CPUs without VNNI. Automatic by default: "
        "off when this CPU has VNNI.", advanced=True)

    def validate(self) -> None:
        self._check_choice("observer", OBSERVERS)
        self._check_range("calibration_batches")
        if self.reduce_range not in (None, True, False):
            raise RecipeError("reduce_range must be true, false or null (automatic).")

    @property
    def effective_reduce_range(self) -> bool:
        if self.reduce_range is None:
            return self.backend in ("x86", "fbgemm") and not vnni_supported()
        return bool(self.reduce_range)


@dataclass
class QatRecipe(Recipe):
    method: ClassVar[str] = "qat"
    title: ClassVar[str] = "QAT"

    epochs: int = setting(3, "Epochs", "Passes over the training data with fake quantization.",
                          minimum=1, maximum=10000)
    learning_rate: float = setting(
        1e-4, "Learning rate",
        "Step size of fine-tuning. QAT starts from a trained model: keep it small.",
        minimum=1e-8, maximum=10.0)
    optimizer: str = setting("adam", "Optimizer", "Adam adapts step sizes; SGD uses momentum 0.9.",
                             choices=("adam", "sgd"))
    lr_schedule: str = setting(
        "cosine", "Learning-rate schedule", "Cosine decays the learning rate to zero.",
        choices=("constant", "cosine"), advanced=True)
    freeze_observers_epoch: int | None = setting(
        None, "Freeze observers after epoch",
        "After this epoch the quantization ranges stop moving, so the last epochs fine-tune "
        "against fixed ranges. Empty: never freeze.", minimum=1, maximum=10000, advanced=True)
    freeze_bn_epoch: int | None = setting(
        None, "Freeze batch-norm after epoch",
        "After this epoch batch-norm statistics stop updating. Empty: never freeze.",
        minimum=1, maximum=10000, advanced=True)
    device: str = setting("cpu", "Device",
                          "Where training runs. The model always moves to the CPU to convert.",
                          choices=("cpu", "cuda"))
    loss: str = setting(
        "auto", "Loss",
        "cross_entropy on the labels, or distillation: match the original model's outputs "
        "(needs no labels). auto picks cross_entropy when labels exist.",
        choices=("auto", "cross_entropy", "distillation"))
    seed: int = setting(0, "Random seed", "Seed for the order of training batches.",
                        minimum=0, maximum=2**31 - 1, advanced=True)

    def validate(self) -> None:
        self._check_range("epochs")
        self._check_range("learning_rate")
        self._check_choice("optimizer", ("adam", "sgd"))
        self._check_choice("lr_schedule", ("constant", "cosine"))
        self._check_choice("device", ("cpu", "cuda"))
        self._check_choice("loss", ("auto", "cross_entropy", "distillation"))
        for name in ("freeze_observers_epoch", "freeze_bn_epoch"):
            if getattr(self, name) is not None:
                self._check_range(name)

    def steps_per_epoch(self, train_count: int) -> int:
        """Optimizer steps in one pass over ``train_count`` samples (the last batch may be
        short)."""
        return math.ceil(train_count / self.batch_size)

    def check_runnable(self) -> None:
        super().check_runnable()
        if self.device == "cuda" and not torch.cuda.is_available():
            raise RecipeError("QAT on cuda was chosen, but this machine has no usable CUDA GPU.",
                              "Choose the cpu device.")

    @property
    def effective_reduce_range(self) -> bool:
        return self.backend in ("x86", "fbgemm") and not vnni_supported()

    def as_static(self, **settings: Any) -> StaticRecipe:
        """Static quantization with the same shared settings: QAT converts to the same int8
        modules, so planning, ranking and rebuilding use it instead of training."""
        return StaticRecipe(backend=self.backend, threads=self.threads,
                            batch_size=self.batch_size, keep_float=self.keep_float, **settings)


RECIPE_TYPES: dict[str, type[Recipe]] = {
    DynamicRecipe.method: DynamicRecipe,
    StaticRecipe.method: StaticRecipe,
    QatRecipe.method: QatRecipe,
}


def recipe_for(method: str, **settings: Any) -> Recipe:
    """Build a recipe from a method name and settings; unknown names give a clear error."""
    return Recipe.from_dict({"method": method, **settings})
