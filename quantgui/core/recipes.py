"""Recipes: the settings of one quantization run, validated and serialisable.

One dataclass per technique. Field metadata (label, help, choices, limits, advanced) is what the
window builds its settings form from, so a setting is described in exactly one place.
"""

from __future__ import annotations

import dataclasses
import json
import math
import numbers
import os
import reprlib
import stat
import sys
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import torch

from quantgui.core import texts
from quantgui.core.errors import RecipeError

BACKENDS = ("x86", "fbgemm", "onednn", "qnnpack")
OBSERVERS = ("minmax", "moving_average_minmax", "histogram")
DYNAMIC_LAYER_TYPES = ("Linear", "LSTM", "GRU", "LSTMCell", "GRUCell", "RNNCell")
SHOWN_CHARS = 80  # a bad value is quoted up to this length: a megabyte string stays one line
TRUE_WORDS = ("true", "yes", "1")
FALSE_WORDS = ("false", "no", "0")
_REPR = reprlib.Repr()  # Python 3.11's Repr takes no keyword arguments
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother = 3, SHOWN_CHARS, SHOWN_CHARS
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = 6


def shown(value: Any, limit: int = SHOWN_CHARS) -> str:
    """A bad value as the user should see it: short, one line, never an exception (reprlib
    stops at deep nesting; ints over Python's digit limit cannot even be printed)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 256:
        return f"a number of about {int(value.bit_length() * math.log10(2)) + 1} digits"
    try:
        text = _REPR.repr(value)
    except Exception:  # noqa: BLE001 - a value's own __repr__ may fail in any way
        text = f"a {type(value).__name__}"
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _is_optional(hint: Any) -> bool:
    return (typing.get_origin(hint) in (typing.Union, types.UnionType)
            and type(None) in typing.get_args(hint))


def coerce_setting(name: str, value: Any, hint: Any) -> Any:
    """Check ``value`` against the field type ``hint`` (int, float, bool, str, tuple[str, ...]
    or X | None) and return it in that type; anything else is a RecipeError that quotes it."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        inner = [arg for arg in args if arg is not type(None)]
        for arg in inner[:-1]:
            try:
                return coerce_setting(name, value, arg)
            except RecipeError:
                continue
        return coerce_setting(name, value, inner[-1])
    if hint is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        word = value.strip().lower() if isinstance(value, str) else None
        if word in TRUE_WORDS or word in FALSE_WORDS:
            return word in TRUE_WORDS
        # "no" used to count as true (a non-empty string): only explicit words are accepted
        raise RecipeError(texts.MESSAGE_SETTING_BOOL.format(name=name, value=shown(value)),
                          texts.MESSAGE_SETTING_BOOL_HINT)
    if hint is int:
        if isinstance(value, numbers.Integral) and not isinstance(value, bool):
            return int(value)  # NumPy integers from a caller's arithmetic are fine
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            return int(value)  # 3.0 from a JSON writer means 3
        raise RecipeError(texts.MESSAGE_SETTING_INT.format(name=name, value=shown(value)),
                          texts.MESSAGE_SETTING_INT_HINT)
    if hint is float:
        number = None
        if isinstance(value, numbers.Real) and not isinstance(value, bool):
            try:
                number = float(value)
            except OverflowError:  # an int too large for a float
                number = None
        if number is None or not math.isfinite(number):
            raise RecipeError(texts.MESSAGE_SETTING_FLOAT.format(name=name, value=shown(value)),
                              texts.MESSAGE_SETTING_FLOAT_HINT)
        return number
    if hint is str:
        if not isinstance(value, str):
            raise RecipeError(texts.MESSAGE_SETTING_TEXT.format(name=name, value=shown(value)),
                              texts.MESSAGE_SETTING_TEXT_HINT)
        return value
    if origin is tuple:
        if isinstance(value, str) or not isinstance(value, (list, tuple)):
            # a string here used to be split into letters
            raise RecipeError(texts.MESSAGE_SETTING_LIST.format(name=name, value=shown(value)),
                              texts.MESSAGE_SETTING_LIST_HINT)
        element = args[0] if args else Any
        return tuple(coerce_setting(f"{name} (each item)", item, element) for item in value)
    return value  # a type this function does not know: left to the recipe's validate()


def _engine_choices() -> list[tuple[str, str, str | None]]:
    from quantgui.core.engines import engines

    return [(engine.name, engine.title, engine.unavailable_reason()) for engine in engines()]


def default_threads() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def vnni_supported() -> bool:
    """With VNNI the full 8-bit activation range is safe (about 8 dB better SQNR)."""
    check = getattr(torch.cpu, "_is_vnni_supported", None)
    return bool(check()) if check is not None else False


def setting(default: Any, label: str, help: str, *, choices: tuple | None = None,
            minimum: float | None = None, maximum: float | None = None,
            advanced: bool = False, choices_from: Any = None) -> Any:
    """``choices_from``: a function giving (value, title, why unavailable or None) triples,
    for choices that come from a registry (engines) rather than a fixed list."""
    meta = {"label": label, "help": help, "choices": choices, "minimum": minimum,
            "maximum": maximum, "advanced": advanced, "choices_from": choices_from}
    if isinstance(default, (list, tuple)):
        return field(default_factory=lambda: tuple(default), metadata=meta)
    return field(default=default, metadata=meta)


@dataclass
class Recipe:
    """Settings shared by every technique."""

    method: ClassVar[str] = ""
    title: ClassVar[str] = ""

    engine: str = setting(
        "torch_ao", "Engine",
        "Where the quantized model runs: PyTorch eager (torch.ao int8 kernels), PyTorch "
        "compiled (torchao PT2E + inductor), ONNX Runtime, or torchao weight-only int8. Each "
        "is compared with its own float32 and with float32 in eager PyTorch.",
        choices_from=lambda: _engine_choices())
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
        # Every field is checked from its declared type and metadata, so a new setting is
        # validated without code of its own; validate() adds the technique's own rules.
        hints = typing.get_type_hints(type(self))
        for f in dataclasses.fields(self):
            setattr(self, f.name, coerce_setting(f.name, getattr(self, f.name), hints[f.name]))
        self._check_engine()
        self.validate()
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.metadata.get("choices") is not None and value is not None:
                items = value if isinstance(value, tuple) else (value,)
                for item in items:
                    if item not in f.metadata["choices"]:
                        raise RecipeError(
                            texts.MESSAGE_SETTING_UNKNOWN_CHOICE.format(name=f.name,
                                                                        value=shown(item)),
                            texts.MESSAGE_SETTING_CHOOSE.format(
                                choices=", ".join(f.metadata["choices"])))
            if (isinstance(value, (int, float)) and not isinstance(value, bool)
                    and (f.metadata.get("minimum") is not None
                         or f.metadata.get("maximum") is not None)):
                self._check_range(f.name)

    def validate(self) -> None:
        """Technique-specific checks; subclasses extend."""

    def _check_engine(self) -> None:
        # the registry, not a list here: an engine added by a plug-in is a valid choice
        from quantgui.core.engines import engine_names

        self._check_choice("engine", tuple(engine_names()))

    def check_runnable(self) -> None:
        """Checks that depend on this machine (engines, CUDA), made just before a run."""
        from quantgui.core.engines import get_engine

        engine = get_engine(self.engine)
        reason = engine.unavailable_reason()
        if reason is None and self.method not in engine.techniques:
            reason = (f"The {engine.title} engine does not offer {self.title} quantization "
                      f"(it offers {', '.join(engine.techniques)}).")
        if reason:
            raise RecipeError(reason, "Choose another engine: PyTorch eager runs every "
                                      "technique.")
        engines = torch.backends.quantized.supported_engines
        if self.backend not in engines:
            raise RecipeError(
                f"The backend '{self.backend}' is not available in this build of torch.",
                f"Choose one of: {', '.join(e for e in engines if e != 'none')}.")

    def _check_choice(self, name: str, choices: tuple) -> None:
        value = getattr(self, name)
        if value not in choices:
            raise RecipeError(texts.MESSAGE_SETTING_UNKNOWN_CHOICE.format(name=name,
                                                                          value=shown(value)),
                              texts.MESSAGE_SETTING_CHOOSE.format(choices=", ".join(choices)))

    def _check_range(self, name: str) -> None:
        meta = {f.name: f.metadata for f in dataclasses.fields(self)}[name]
        value = getattr(self, name)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise RecipeError(texts.MESSAGE_SETTING_NUMBER.format(name=name, value=shown(value)))
        low, high = meta.get("minimum"), meta.get("maximum")
        if (low is not None and value < low) or (high is not None and value > high):
            raise RecipeError(texts.MESSAGE_SETTING_RANGE.format(name=name, value=shown(value)),
                              texts.MESSAGE_SETTING_RANGE_HINT.format(low=low, high=high))

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
        recipe_type = RECIPE_TYPES.get(method) if isinstance(method, str) else None
        if recipe_type is None:
            raise RecipeError(texts.MESSAGE_SETTING_UNKNOWN_METHOD.format(value=shown(method)),
                              texts.MESSAGE_SETTING_CHOOSE.format(choices=", ".join(RECIPE_TYPES)))
        known = {f.name for f in dataclasses.fields(recipe_type)}
        unknown = [name for name in data if name not in known and name != "method"]
        if unknown:
            listed = ", ".join(shown(name, 40) for name in unknown[:5])
            more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
            raise RecipeError(
                texts.MESSAGE_SETTING_UNKNOWN.format(method=method, names=listed + more),
                texts.MESSAGE_SETTING_KNOWN.format(names=", ".join(sorted(known))))
        values = {name: value for name, value in data.items() if name != "method"}
        return recipe_type(**values)

    @staticmethod
    def from_json(text: str) -> Recipe:
        try:
            data = json.loads(text)
        except RecursionError:
            raise RecipeError("The recipe is not valid: its JSON nests too deeply.",
                              "A recipe is one flat JSON object of settings.") from None
        except json.JSONDecodeError as error:
            raise RecipeError(f"The recipe is not valid JSON: {error}.",
                              "Save the recipe again, or fix the file.") from error
        except ValueError as error:  # e.g. a number over Python's 4300-digit limit
            raise RecipeError(f"The recipe is not valid: {str(error)[:SHOWN_CHARS]}.",
                              "Use ordinary numbers and text.") from None
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
            raise RecipeError(texts.MESSAGE_SETTING_NO_LAYER_TYPE,
                              texts.MESSAGE_SETTING_SELECT_LINEAR)
        for name in self.layer_types:
            if name not in DYNAMIC_LAYER_TYPES:
                raise RecipeError(
                    texts.MESSAGE_SETTING_LAYER_TYPE.format(value=shown(name)),
                    texts.MESSAGE_SETTING_CHOOSE_FROM.format(
                        choices=", ".join(DYNAMIC_LAYER_TYPES)))

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


# --- recipe files ----------------------------------------------------------------------------
# A recipe is a file people share, so anything may be in it: it is checked as a whole, before
# any flag of the command line or field of the window replaces one of its settings.
RECIPE_FILE_LIMIT = 4 * 1024 * 1024  # a recipe is about 1 KB; a long keep_float list some 100 KB
RECIPE_DEPTH_LIMIT = 32  # a recipe is flat; model_args may nest a little
FILE_KEYS = ("model", "model_args")  # written beside the settings by Save recipe/--save-recipe


@dataclass(frozen=True)
class RecipeFile:
    """A recipe file, checked as a whole: its recipe, the settings the file itself gives (less
    ``method``, in their checked types) and the model it was saved for."""

    path: str
    recipe: Recipe
    settings: dict[str, Any]
    model: str | None = None
    model_args: dict[str, Any] | None = None


class _Odd:
    """What the JSON parser found in place of a value this module refuses: a number too long
    for Python to convert, NaN or infinity, or a key given twice."""

    def __init__(self, text: str, message: str, **values: Any) -> None:
        self.text, self.message, self.values = text, message, values


class _Twice(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _parse_int(text: str) -> int | _Odd:
    digits = len(text.lstrip("-"))
    limit = sys.get_int_max_str_digits()  # 4300: Python refuses to convert longer numbers
    if limit and digits > limit:
        return _Odd(text, texts.MESSAGE_RECIPE_LONG_NUMBER, digits=digits)
    return int(text)


def _parse_float(text: str) -> float | _Odd:
    number = float(text)  # 1e999 is infinity, a 5000-digit mantissa is fine
    if not math.isfinite(number):
        return _Odd(text, texts.MESSAGE_RECIPE_NOT_FINITE, value=text[:40])
    return number


def _parse_constant(text: str) -> _Odd:  # NaN, Infinity, -Infinity: not JSON, Python reads them
    return _Odd(text, texts.MESSAGE_RECIPE_NOT_FINITE, value=text)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _Twice(key)
        found[key] = value
    return found


def _key(key: str) -> str:
    """A key of the file as messages name it: as is when it is a setting's kind of name."""
    return key if key.isidentifier() and len(key) <= 40 else shown(key, 40)


def _first_odd(value: Any) -> _Odd | None:
    """The first refused value inside ``value``; RecursionError past RECIPE_DEPTH_LIMIT levels
    (iterative: a deep value never reaches Python's own recursion limit here)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, _Odd):
            return item
        if isinstance(item, (dict, list)):
            if depth > RECIPE_DEPTH_LIMIT:
                raise RecursionError
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in reversed(list(children)))
    return None


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise RecipeError(texts.MESSAGE_RECIPE_MISSING.format(path=name),
                          texts.MESSAGE_RECIPE_MISSING_HINT) from None
    except (OSError, ValueError) as error:  # ValueError: a NUL in the name
        reason = getattr(error, "strerror", None) or str(error)
        raise RecipeError(texts.MESSAGE_RECIPE_UNREADABLE.format(path=name, reason=reason),
                          texts.MESSAGE_RECIPE_UNREADABLE_HINT) from None
    if stat.S_ISDIR(info.st_mode):
        raise RecipeError(texts.MESSAGE_RECIPE_FOLDER.format(path=name),
                          texts.MESSAGE_RECIPE_CHOOSE)
    if not stat.S_ISREG(info.st_mode):  # a FIFO would block the read, /dev/zero never ends
        raise RecipeError(texts.MESSAGE_RECIPE_NOT_REGULAR.format(path=name),
                          texts.MESSAGE_RECIPE_CHOOSE)
    from quantgui.core.limits import fmt_size

    too_large = RecipeError(texts.MESSAGE_RECIPE_TOO_LARGE.format(
        path=name, size=fmt_size(info.st_size), limit=fmt_size(RECIPE_FILE_LIMIT)),
        texts.MESSAGE_RECIPE_CHOOSE)
    if info.st_size > RECIPE_FILE_LIMIT:
        raise too_large
    try:
        with open(path, "rb") as handle:
            data = handle.read(RECIPE_FILE_LIMIT + 1)  # the file may grow after the stat
    except OSError as error:
        raise RecipeError(texts.MESSAGE_RECIPE_UNREADABLE.format(
            path=name, reason=error.strerror or type(error).__name__),
            texts.MESSAGE_RECIPE_UNREADABLE_HINT) from None
    if len(data) > RECIPE_FILE_LIMIT:
        raise too_large
    return data


def parse_recipe_json(data: bytes | str, name: str = "The text") -> dict[str, Any]:
    """The JSON object of a recipe (``name``: how messages call it, e.g. its path), refusing
    with one RecipeError what a recipe cannot be: not UTF-8 text, not JSON, nested too deep,
    not an object, a key given twice, numbers Python cannot convert, NaN or infinity."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")  # a byte-order mark (Windows Notepad) is fine
        except UnicodeDecodeError as error:
            raise RecipeError(texts.MESSAGE_RECIPE_NOT_TEXT.format(
                path=name, byte=f"0x{data[error.start]:02x}", position=error.start),
                texts.MESSAGE_RECIPE_CHOOSE) from None
    else:
        text = data
    if not text.strip():
        raise RecipeError(texts.MESSAGE_RECIPE_EMPTY.format(path=name),
                          texts.MESSAGE_RECIPE_CHOOSE)
    too_deep = RecipeError(texts.MESSAGE_RECIPE_TOO_DEEP.format(path=name),
                           texts.MESSAGE_RECIPE_CHOOSE)
    try:
        found = json.loads(text, object_pairs_hook=_pairs, parse_int=_parse_int,
                           parse_float=_parse_float, parse_constant=_parse_constant)
    except RecursionError:
        raise too_deep from None
    except _Twice as twice:
        raise RecipeError(texts.MESSAGE_RECIPE_TWICE.format(path=name, name=_key(twice.key)),
                          texts.MESSAGE_RECIPE_TWICE_HINT) from None
    except json.JSONDecodeError as error:
        raise RecipeError(texts.MESSAGE_RECIPE_NOT_JSON.format(
            path=name, reason=error.msg, line=error.lineno, column=error.colno),
            texts.MESSAGE_RECIPE_CHOOSE) from None
    except ValueError as error:  # anything else the parser refuses: never Python's wording
        raise RecipeError(texts.MESSAGE_RECIPE_NOT_JSON.format(
            path=name, reason=type(error).__name__, line="?", column="?"),
            texts.MESSAGE_RECIPE_CHOOSE) from None
    if not isinstance(found, dict):
        raise RecipeError(texts.MESSAGE_RECIPE_NOT_OBJECT.format(path=name),
                          texts.MESSAGE_RECIPE_CHOOSE)
    for key, value in found.items():
        try:
            odd = _first_odd(value)
        except RecursionError:
            raise too_deep from None
        if odd is not None:
            raise RecipeError(odd.message.format(path=name, name=_key(key), **odd.values),
                              texts.MESSAGE_RECIPE_NUMBER_HINT)
    return found


def recipe_from_object(found: dict[str, Any], name: str) -> RecipeFile:
    """A parsed recipe file checked as a whole: every setting, and the model and model_args
    saved beside them, whatever later replaces them; errors name ``name`` and the setting."""
    if "method" not in found:
        raise RecipeError(texts.MESSAGE_RECIPE_NO_METHOD.format(path=name),
                          texts.MESSAGE_RECIPE_CHOOSE)
    settings = {key: value for key, value in found.items() if key not in FILE_KEYS}
    model, model_args = found.get("model"), found.get("model_args")
    try:
        if model is not None and not isinstance(model, str):
            raise RecipeError(texts.MESSAGE_SETTING_MODEL.format(value=shown(model)),
                              texts.MESSAGE_SETTING_MODEL_HINT)
        if model_args is not None and not isinstance(model_args, dict):
            raise RecipeError(texts.MESSAGE_SETTING_MODEL_ARGS.format(value=shown(model_args)),
                              texts.MESSAGE_SETTING_MODEL_ARGS_HINT)
        recipe = Recipe.from_dict(settings)
    except RecipeError as error:
        raise RecipeError(texts.MESSAGE_RECIPE_INVALID.format(path=name, reason=error.message),
                          error.hint) from None
    given = {key: getattr(recipe, key) for key in settings if key != "method"}
    return RecipeFile(name, recipe, given, model, model_args)


def read_recipe_file(path: os.PathLike[str] | str) -> RecipeFile:
    """Read and check the recipe file ``path`` (written by Save recipe… or --save-recipe).

    Every refusal is one RecipeError that names the file, says what is wrong (not a file, too
    large, not UTF-8, not JSON, too deep, a setting of the wrong type, ...) and what to do."""
    name = str(path)
    return recipe_from_object(parse_recipe_json(_read_bytes(Path(path), name), name), name)
