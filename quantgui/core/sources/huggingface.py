"""Hugging Face folders: ``config.json`` with ``model.safetensors`` (or ``pytorch_model.bin``,
read with ``weights_only=True``), opened offline with ``transformers``' Auto classes.

The model is wrapped so that it takes positional tensors (or the pipeline's one packed tensor)
and returns one tensor: its ``logits``, else its ``last_hidden_state``; the output compared is
named in the report. Its inputs come from the model and its config: ``pixel_values`` of
``num_channels`` x ``image_size``, or ``input_ids`` and ``attention_mask`` over the vocabulary.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import threading
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import torch
from torch import nn

from quantgui.core import texts
from quantgui.core.errors import Cancelled, ModelError, NeedsTrust
from quantgui.core.events import CancelToken, EventStream
from quantgui.core.signature import InputSignature, InputSpec, unpack
from quantgui.core.sources.base import ModelFile, OpenOptions, begin, check_file, first_line
from quantgui.core.sources.registry import ModelSource, register

TITLE = "Hugging Face model"
WEIGHT_FILES = ("model.safetensors", "model.safetensors.index.json", "pytorch_model.bin",
                "pytorch_model.bin.index.json")
TOKENIZER_FILES = ("tokenizer.json", "vocab.txt", "vocab.json", "spiece.model",
                   "tokenizer.model", "sentencepiece.bpe.model")
DEFAULT_SEQUENCE = 128  # tokens, capped by the model's max_position_embeddings
DEFAULT_IMAGE = 224  # pixels, for vision configs without an image_size (ResNet)
OUTPUT_NAMES = ("logits", "last_hidden_state")
# The Auto class for each ending of config.architectures[0]; AutoModel otherwise.
AUTO_CLASSES = (("ForImageClassification", "AutoModelForImageClassification"),
                ("ForSequenceClassification", "AutoModelForSequenceClassification"),
                ("ForCausalLM", "AutoModelForCausalLM"), ("LMHeadModel", "AutoModelForCausalLM"))


def transformers_module() -> Any:
    try:
        import transformers
    except ImportError as error:
        raise ModelError("Opening Hugging Face models needs the transformers package, which is "
                         f"not installed ({first_line(error)}).",
                         "Install it: pip install 'quantgui[models]' (transformers and "
                         "safetensors).") from error
    return transformers


@contextmanager
def offline() -> Any:
    """Nothing is downloaded: the hub is told it is offline for the time of the load."""
    saved = {name: os.environ.get(name) for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")}
    os.environ.update({name: "1" for name in saved})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


# transformers loads a model's weights in one call, iterating over them inside a progress bar
# (tqdm). A hook on that bar checks the opening's cancel at each weight, so a large model can
# be cancelled while its weights load, not only before or after. The hook is installed once
# and passes through for any thread that is not opening a model.
_OPENING = threading.local()


class _CheckedBar:
    """A transformers progress bar whose iteration stops at a cancel."""

    def __init__(self, bar: Any, cancel: CancelToken) -> None:
        self._bar, self._cancel = bar, cancel

    def __iter__(self) -> Any:
        for item in self._bar:
            self._cancel.raise_if_cancelled()
            yield item

    def __enter__(self) -> _CheckedBar:
        self._bar.__enter__()
        return self

    def __exit__(self, *exc: Any) -> Any:
        return self._bar.__exit__(*exc)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._bar, name)


def _install_bar_hook(transformers: Any) -> bool:
    """Install the checking hook (once); False where this transformers has no such hook."""
    logging_module = getattr(getattr(transformers, "utils", None), "logging", None)
    set_hook = getattr(logging_module, "set_tqdm_hook", None)
    if set_hook is None:
        return False
    if not getattr(_install_bar_hook, "installed", False):
        previous = None

        def hook(factory: Any, args: tuple, kwargs: dict) -> Any:
            bar = (previous(factory, args, kwargs) if previous is not None
                   else factory(*args, **kwargs))
            cancel = getattr(_OPENING, "cancel", None)
            return bar if cancel is None else _CheckedBar(bar, cancel)

        previous = set_hook(hook)
        _install_bar_hook.installed = True
    return True


@contextmanager
def cancellable_loading(transformers: Any, cancel: CancelToken | None) -> Any:
    """While transformers loads in this thread, its weight loop stops at ``cancel``."""
    if cancel is None or not _install_bar_hook(transformers):
        yield
        return
    _OPENING.cancel = cancel
    try:
        yield
    finally:
        _OPENING.cancel = None


class HFModel(nn.Module):
    """A transformers model that takes tensors and returns one tensor (``output_name``).

    ``forward`` takes the pipeline's one tensor: the single input, or several inputs packed
    side by side (see ``signature``), unpacked here and passed by keyword in the order of
    ``input_names``; one argument keeps it traceable by torch.export. ``call`` takes the
    inputs as positional tensors.
    """

    def __init__(self, model: nn.Module, signature: InputSignature, output_name: str) -> None:
        super().__init__()
        self.model = model
        self.output_name = output_name
        self.use_signature(signature)

    def use_signature(self, signature: InputSignature) -> None:
        self.input_names = signature.names
        self.layout = signature.layout()

    def forward(self, inputs: torch.Tensor) -> torch.Tensor:
        return self.call(*unpack(inputs, self.layout))

    def call(self, *inputs: torch.Tensor) -> torch.Tensor:
        outputs = self.model(**dict(zip(self.input_names, inputs, strict=True)),
                             return_dict=True)
        return outputs[self.output_name]


def output_name(model: nn.Module, signature: InputSignature) -> str:
    """The output compared: logits where the model has a head, else the last hidden state."""
    with torch.inference_mode():
        example = signature.random(1)
        was_training = model.training
        model.eval()
        try:
            outputs = model(**dict(zip(signature.names, signature.unpack(example), strict=True)),
                            return_dict=True)
        except Exception as error:
            raise ModelError(f"The model does not run on {signature.describe()}: "
                             f"{type(error).__name__}: {first_line(error)}",
                             "Give its inputs with --input (see --help).") from error
        finally:
            model.train(was_training)
    for name in OUTPUT_NAMES:
        if isinstance(outputs.get(name), torch.Tensor):
            return name
    names = [name for name, value in outputs.items() if isinstance(value, torch.Tensor)]
    if not names:
        raise ModelError("The model returns no tensor QuantGUI can compare.",
                         "Use a model with logits or a last hidden state.")
    return names[0]


def config_signature(model: nn.Module, config: Any, shape: tuple[int, ...] | None
                     ) -> tuple[InputSignature | None, str]:
    """The inputs the model's config declares, and a note on what was assumed."""
    main = getattr(model, "main_input_name", None)
    if main == "pixel_values":
        channels = int(getattr(config, "num_channels", 3))
        size = getattr(config, "image_size", None)
        note = ""
        if size is None:
            size, note = DEFAULT_IMAGE, texts.MODEL_PARTS + texts.MODEL_IMAGES_ASSUMED.format(
                size=DEFAULT_IMAGE)
        height, width = (size, size) if isinstance(size, int) else tuple(size)
        pixel_shape = tuple(shape) if shape is not None else (channels, height, width)
        if shape is not None:
            note = ""
        return InputSignature((InputSpec("pixel_values", pixel_shape),)), note
    vocabulary = getattr(config, "vocab_size", None)
    if main == "input_ids" and vocabulary:
        limit = getattr(config, "max_position_embeddings", None) or getattr(
            config, "n_positions", None)
        length = min(DEFAULT_SEQUENCE, limit) if limit else DEFAULT_SEQUENCE
        if shape is not None:
            if len(shape) != 1:
                raise ModelError(f"--input-shape {','.join(map(str, shape))} is not a sequence "
                                 "length for a text model.", "Give one number, e.g. 64.")
            length = shape[0]
            if limit and length > limit:
                raise ModelError(f"The sequence length {length} is longer than the model's "
                                 f"{limit} positions.", f"Give at most {limit}.")
        return InputSignature((InputSpec("input_ids", (length,), torch.int64, 0, vocabulary - 1),
                               InputSpec("attention_mask", (length,), torch.int64, 0, 1))), \
            texts.MODEL_PARTS + texts.MODEL_SEQUENCES.format(length=length)
    return None, ""


def wrap(model: nn.Module, config: Any, shape: tuple[int, ...] | None
         ) -> tuple[HFModel | nn.Module, InputSignature | None, dict[str, Any], str]:
    """A transformers model wrapped to take positional tensors and return one."""
    if hasattr(config, "use_cache"):
        config.use_cache = False  # no key/value cache: one tensor out, less memory
    signature, note = config_signature(model, config, shape)
    if signature is None:
        raise ModelError(f"The inputs of this {type(model).__name__} are not known from its "
                         "config.", "Give them with --input NAME:DTYPE[SHAPE][:LOW..HIGH], one "
                                    "per input.")
    name = output_name(model, signature)
    details = {"architecture": type(model).__name__, "compared_output": name}
    converted = linear_conv1d(model)
    if converted:
        details["conv1d_as_linear"] = converted
        note += texts.MODEL_PARTS + texts.MODEL_CONV1D.format(count=converted)
    return HFModel(model.eval(), signature, name), signature, details, note


def linear_conv1d(model: nn.Module) -> int:
    """GPT-2's attention and MLP layers are transformers' ``Conv1D``: a Linear layer with its
    weight stored transposed (``x @ W + b``), which no engine's Linear quantization takes
    (torch.ao, PT2E and weight-only made GPT-2's LM head alone int8, 1 of 49 layers). Each
    becomes the ``nn.Linear`` it is, with the same weights (transposed) and outputs; returns
    how many."""
    count = 0
    for name, module in list(model.named_modules()):
        weight = getattr(module, "weight", None)
        if (type(module).__name__ != "Conv1D" or not isinstance(weight, torch.Tensor)
                or weight.ndim != 2 or getattr(module, "nf", None) != weight.shape[1]):
            continue
        bias = getattr(module, "bias", None)
        linear = nn.Linear(weight.shape[0], weight.shape[1], bias=bias is not None,
                           device=weight.device, dtype=weight.dtype)
        with torch.no_grad():
            linear.weight.copy_(weight.t())
            if bias is not None:
                linear.bias.copy_(bias)
        linear.train(module.training)
        parent, _, child = name.rpartition(".")
        setattr(model.get_submodule(parent) if parent else model, child, linear)
        count += 1
    return count


def _weights(folder: Path) -> Path | None:
    return next((folder / name for name in WEIGHT_FILES if (folder / name).is_file()), None)


def weights_file(folder: Path) -> Path:
    """The folder's weights file, or a ModelError that says how to save one."""
    weights = _weights(folder)
    if weights is None:
        raise ModelError(f"The Hugging Face folder {folder} has a config.json but no weights "
                         f"({', '.join(WEIGHT_FILES[::2])}).",
                         "Save the model with model.save_pretrained(folder).")
    return weights


def read_config(transformers: Any, folder: Path) -> Any:
    """The folder's config, read offline with no remote code, or a ModelError."""
    try:
        with offline():
            return transformers.AutoConfig.from_pretrained(
                str(folder), local_files_only=True, trust_remote_code=False)
    except Exception as error:
        raise ModelError(f"The config.json in {folder} cannot be read by transformers "
                         f"{transformers.__version__}: {type(error).__name__}: "
                         f"{first_line(error)}",
                         "Check that it is a transformers config of a model this version knows "
                         "(models that need their own code are not run).") from error


def auto_class(transformers: Any, config: Any) -> Any:
    architectures = getattr(config, "architectures", None) or []
    architecture = architectures[0] if architectures else ""
    for ending, auto in AUTO_CLASSES:
        if architecture.endswith(ending):
            return getattr(transformers, auto)
    return transformers.AutoModel


def tokenizer_encoder(folder: Path, signature: InputSignature
                      ) -> Callable[[list[str]], torch.Tensor] | None:
    """Texts -> the packed inputs, with the tokenizer in the folder (None if it has none)."""
    if not any((folder / name).is_file() for name in TOKENIZER_FILES):
        return None
    transformers = transformers_module()
    try:
        with offline():
            tokenizer = transformers.AutoTokenizer.from_pretrained(
                str(folder), local_files_only=True, trust_remote_code=False)
    except Exception as error:  # noqa: BLE001 - a bad tokenizer only loses real text data
        raise ModelError(f"The tokenizer in {folder} cannot be loaded: {type(error).__name__}: "
                         f"{first_line(error)}", "Fix or remove its files.") from error
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token or tokenizer.unk_token
    length = signature.inputs[0].shape[0]

    def encode(texts: list[str]) -> torch.Tensor:
        encoded = tokenizer(texts, padding="max_length", truncation=True, max_length=length,
                            return_tensors="pt")
        missing = [name for name in signature.names if name not in encoded]
        if missing:
            raise ValueError(f"the tokenizer gives no {', '.join(missing)}")
        return signature.pack([encoded[name] for name in signature.names])

    return encode


def image_normalisation(folder: Path) -> dict[str, Any] | None:
    """The mean and std the model's image processor normalises pixels (0..1) with, from its
    preprocessor_config.json; None where it has none."""
    path = folder / "preprocessor_config.json"
    if not path.is_file() or path.stat().st_size > 1_000_000:
        return None
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(config, dict) or config.get("do_normalize") is False:
        return None
    mean, std = config.get("image_mean"), config.get("image_std")
    numbers = all(isinstance(v, list) and v and all(isinstance(x, (int, float)) for x in v)
                  for v in (mean, std))
    if not numbers or not all(x > 0 for x in std):
        return None
    return {"mean": tuple(float(x) for x in mean), "std": tuple(float(x) for x in std)}


_ANSI = re.compile(r"\x1b\[[0-9;]*m")  # torch's message has bold on and off in it


def is_pickle(weights: Path) -> bool:
    return weights.name.endswith((".bin", ".bin.index.json"))


def refused_global(error: BaseException) -> str | None:
    """What torch's weights-only unpickler refused to rebuild ("argparse.Namespace"), when
    that is why the weights did not load: the pickle holds more than tensors. None otherwise
    (a damaged file, say, which trusting would not open either)."""
    chain: BaseException | None = error
    for _ in range(10):
        if chain is None:
            break
        if isinstance(chain, pickle.UnpicklingError):
            match = re.search(r"Unsupported global: GLOBAL ([\w.]+)", str(chain))
            if match:
                return match.group(1)
        chain = chain.__cause__ or chain.__context__
    return None


def _pickle_files(weights: Path) -> list[Path]:
    if not weights.name.endswith(".index.json"):
        return [weights]
    try:
        names = set(json.loads(weights.read_text(encoding="utf-8"))["weight_map"].values())
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ModelError(f"The weights index {weights} cannot be read: {error}.",
                         "Save the model again with save_pretrained.") from None
    if not all(isinstance(name, str) and Path(name).name == name for name in names):
        raise ModelError(f"The weights index {weights} names files outside its folder.",
                         "Save the model again with save_pretrained.")
    return [weights.parent / name for name in sorted(names)]


def load_trusted(transformers: Any, auto: Any, config: Any, weights: Path,
                 cancel: CancelToken | None) -> nn.Module:
    """The user trusts the pickle: it is unpickled (weights_only=False; transformers 5 reads
    .bin files weights-only whatever it is told) and only its tensors go to the model."""
    state: dict[str, torch.Tensor] = {}
    for path in _pickle_files(weights):
        if cancel is not None:
            cancel.raise_if_cancelled()
        try:
            content = torch.load(path, map_location="cpu", weights_only=False)
        except Exception as error:
            raise ModelError(f"Unpickling {path} failed: {type(error).__name__}: "
                             f"{_ANSI.sub('', first_line(error))[:200]}",
                             "Pickles need the code of their classes importable under the same "
                             "module names; save the model with save_pretrained.") from error
        if isinstance(content, nn.Module):
            content = content.state_dict()
        if isinstance(content, dict):
            state.update({k: v for k, v in content.items() if isinstance(v, torch.Tensor)})
    model_class = getattr(auto, "_model_mapping", {}).get(type(config), None)
    if model_class is None or not state:
        raise ModelError(f"{weights} holds no weights {auto.__name__} can use.",
                         "Save the model with save_pretrained from the same architecture.")
    try:
        with offline(), cancellable_loading(transformers, cancel):
            return model_class.from_pretrained(None, config=config, state_dict=state)
    except Cancelled:
        raise
    except Exception as error:
        raise ModelError(f"Loading the {getattr(config, 'model_type', '?')} model from the "
                         f"trusted {weights} failed: {type(error).__name__}: "
                         f"{_ANSI.sub('', first_line(error))}",
                         "Check that its weights were saved with save_pretrained from the same "
                         "architecture.") from error


def load_folder(folder: Path, options: OpenOptions) -> EventStream[ModelFile]:
    transformers = transformers_module()
    weights = weights_file(folder)
    check_file(weights, "weights file", options.memory)
    yield from begin("building model", options.cancel)
    config = read_config(transformers, folder)
    auto = auto_class(transformers, config)
    yield from begin("loading weights", options.cancel)
    try:
        with offline(), cancellable_loading(transformers, options.cancel):
            model = auto.from_pretrained(str(folder), config=config, local_files_only=True,
                                         trust_remote_code=False, use_safetensors=None,
                                         weights_only=True)
    except Cancelled:
        raise
    except Exception as error:
        found = refused_global(error) if is_pickle(weights) else None
        if found is None:
            raise ModelError(f"Loading the {getattr(config, 'model_type', '?')} model in "
                             f"{folder} with {auto.__name__} failed: {type(error).__name__}: "
                             f"{_ANSI.sub('', first_line(error))}",
                             "Check that its weights were saved with save_pretrained from the "
                             "same architecture.") from error
        if not options.trust:  # torch's own words end mid-sentence and name torch.load
            raise NeedsTrust(texts.MESSAGE_HF_PICKLE.format(folder=folder, file=weights.name,
                                                            found=found),
                             texts.MESSAGE_HF_PICKLE_HINT) from None
        model = load_trusted(transformers, auto, config, weights, options.cancel)
    yield from begin("checking model", options.cancel)  # a forward pass finds its output
    wrapped, signature, details, note = wrap(model, config, options.input_shape)
    details["weights"] = weights.name
    description = (texts.MODEL_HUGGING_FACE.format(architecture=details["architecture"],
                                                   folder=folder.name, weights=weights.name)
                   + texts.MODEL_PARTS + texts.MODEL_COMPARES.format(
                       output=details["compared_output"]) + note)
    encoder = None
    if not signature.is_float and any((folder / name).is_file() for name in TOKENIZER_FILES):
        yield from begin("loading tokenizer", options.cancel)
        encoder = tokenizer_encoder(folder, signature)
    return ModelFile(wrapped, signature.sample_shape if signature.is_float else None,
                     description, "huggingface", signature=signature, details=details,
                     text_encoder=encoder, image_options=image_normalisation(folder))


def _claims(spec: str) -> bool:
    path = Path(spec)
    return path.is_dir() and (path / "config.json").is_file()


def _open(spec: str, options: OpenOptions) -> EventStream[ModelFile]:
    return (yield from load_folder(Path(spec), options))


def _input_files(spec: str) -> list[Path]:
    folder = Path(spec)
    return [folder / "config.json"] + [p for p in (_weights(folder),) if p is not None]


SOURCE = register(ModelSource(kind="huggingface", title=TITLE, open=_open, claims=_claims,
                              input_files=_input_files))
