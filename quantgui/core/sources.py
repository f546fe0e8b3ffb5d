"""The user's own model files, opened safely.

Formats, detected from the file's content (not its name):

- ``export``: a ``torch.export`` program (``.pt2``). Its ATen graph is turned back into
  ``nn.Linear``/``nn.Conv2d``/... modules so that dynamic and static quantization find layers.
- ``python``: ``model.py:ClassName[:weights.pt]``, the class built with JSON keyword arguments and
  a state_dict loaded with ``weights_only=True``.
- ``torchscript``: a ``torch.jit.save`` file. It runs, but none of the three techniques can
  quantize it here (see ``check_method``).
- ``pickle``: a whole model saved with ``torch.save(model)``. Unpickling runs code from the file,
  so it is refused unless the user trusts the file.

Nothing here writes to the user's files (no ``__pycache__`` either).
"""

from __future__ import annotations

import hashlib
import importlib.util
import inspect
import json
import math
import operator
import pickle
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import torch
from torch import fx, nn

from quantgui.core.errors import ModelError
from quantgui.core.limits import available_memory, check_allocation, check_regular_file, fmt_size

KIND_NAMES = {
    "export": "torch.export program",
    "python": "Python class",
    "torchscript": "TorchScript model",
    "pickle": "pickled model",
    "state_dict": "state_dict (weights only)",
}

SAFE_FORMATS = ("a torch.export program (.pt2, saved with torch.export.save), or a Python file "
                "and class with state_dict weights (--model model.py:ClassName:weights.pt)")

# What each kind can go through, as measured with torch 2.13 (see check_method).
METHODS_BY_KIND = {
    "export": ("dynamic", "static", "qat"),
    "python": ("dynamic", "static", "qat"),
    "pickle": ("dynamic", "static", "qat"),
    "torchscript": (),
}

MemoryProbe = Callable[[], "int | None"]


class ModelFile(NamedTuple):
    model: nn.Module
    input_shape: tuple[int, ...] | None
    description: str
    kind: str


# ----------------------------------------------------------------------------- memory and files

def _fmt_size(count: float) -> str:
    return fmt_size(count)


def check_file(path: Path, what: str, memory: MemoryProbe | None = None) -> int:
    """The file exists, is a regular file (never a FIFO or a device, which would block or never
    end), and fits in the memory available; returns its size. Nothing is opened."""
    size = check_regular_file(path, what)
    if size == 0:
        raise ModelError(f"The {what} {path} is empty (0 bytes).",
                         "Save the model again; the file was probably not written completely.")
    free = (memory or available_memory)()
    if free is not None and size > free:
        raise ModelError(
            f"The {what} {path} is {_fmt_size(size)}, more than the {_fmt_size(free)} of memory "
            "available now.", "Close other programs, or use a machine with more memory.")
    return size


_MAGIC = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"%PDF": "a PDF document", b"\x93NUMPY": "a NumPy array (.npy)", b"\x1f\x8b": "a gzip file",
}


def detect_kind(path: Path) -> str:
    """'export', 'torchscript', 'torch_save' (a pickle, maybe only weights) or 'python'.

    Raises a ModelError for anything else, naming what the file looks like.
    """
    if path.suffix == ".py":
        return "python"
    with open(path, "rb") as handle:
        head = handle.read(8)
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError) as error:
            raise _corrupt(path, "zip archive", error) from error
        tails = {name.split("/", 1)[1] if "/" in name else name for name in names}
        if "archive_format" in tails or any(t.startswith("models/") for t in tails):
            return "export"
        if "constants.pkl" in tails or any(t.startswith("code/") for t in tails):
            return "torchscript"
        if "data.pkl" in tails:
            return "torch_save"
        raise ModelError(f"{path} is a zip archive but not a PyTorch file.",
                         f"Give {SAFE_FORMATS}.")
    if head.startswith(b"PK"):
        raise ModelError(f"{path} starts like a zip archive (the PyTorch format) but cannot be "
                         "read as one: it is truncated or corrupt.",
                         "Save or copy the model file again.")
    if head[:1] == b"\x80":  # pickle protocol 2+: torch.save's legacy format
        return "torch_save"
    for magic, name in _MAGIC.items():
        if head.startswith(magic):
            raise ModelError(f"{path} is {name}, not a PyTorch model "
                             f"(whatever its extension '{path.suffix}' says).",
                             f"Give {SAFE_FORMATS}.")
    raise ModelError(f"{path} is not a file PyTorch wrote (its first bytes are {head!r}).",
                     f"Give {SAFE_FORMATS}.")


def _corrupt(path: Path, kind: str, error: BaseException) -> ModelError:
    detail = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
    return ModelError(f"{path} looks like a {kind} but cannot be read: it is truncated, corrupt "
                      f"or written by an incompatible PyTorch ({type(error).__name__}: {detail}).",
                      "Save the model again with this PyTorch version and retry.")


# ----------------------------------------------------------------------------- torch.export

def _export_input_shape(program: Any) -> tuple[int, ...] | None:
    example = getattr(program, "example_inputs", None)
    shapes: list[tuple[int, ...]] = []
    if example:
        args, kwargs = example
        shapes = [tuple(a.shape) for a in (*args, *kwargs.values()) if isinstance(a, torch.Tensor)]
    if not shapes:
        user = set(program.graph_signature.user_inputs)
        for node in program.graph.nodes:
            value = node.meta.get("val")
            if node.op == "placeholder" and node.name in user and isinstance(value, torch.Tensor):
                shapes.append(tuple(value.shape))
    if len(shapes) != 1:
        return None
    try:
        return tuple(int(d) for d in shapes[0][1:])
    except (TypeError, ValueError):  # a symbolic non-batch dimension
        return None


def _attr(gm: nn.Module, node: Any) -> torch.Tensor | None:
    if node is None:
        return None
    if not isinstance(node, fx.Node) or node.op != "get_attr":
        raise LookupError
    owner, _, name = node.target.rpartition(".")
    return getattr(gm.get_submodule(owner) if owner else gm, name)


def _owner(target: str) -> str:
    return target.rpartition(".")[0]


def _module_for(gm: nn.Module, node: fx.Node) -> tuple[str, nn.Module] | None:
    """An nn module equivalent to one ATen call on parameters, or None."""
    aten = torch.ops.aten
    args = list(node.args)
    if node.kwargs:
        return None
    if node.target == aten.linear.default:
        weight, bias = _attr(gm, args[1]), _attr(gm, args[2] if len(args) > 2 else None)
        layer = nn.Linear(weight.shape[1], weight.shape[0], bias=bias is not None)
    elif node.target in (aten.conv1d.default, aten.conv2d.default):
        weight = _attr(gm, args[1])
        rest = args[2:] + [None, 1, 0, 1, 1][len(args) - 2:]
        bias, stride, padding, dilation, groups = _attr(gm, rest[0]), *rest[1:5]
        if isinstance(padding, str):
            return None
        conv = nn.Conv1d if node.target == aten.conv1d.default else nn.Conv2d
        layer = conv(weight.shape[1] * groups, weight.shape[0], tuple(weight.shape[2:]),
                     stride=stride, padding=padding, dilation=dilation, groups=groups,
                     bias=bias is not None)
    elif node.target == aten.batch_norm.default and args[5] is False:
        rank = node.args[0].meta["val"].ndim if "val" in node.args[0].meta else 0
        if rank not in (2, 3, 4):
            return None
        weight, bias = _attr(gm, args[1]), _attr(gm, args[2])
        mean, var = _attr(gm, args[3]), _attr(gm, args[4])
        if weight is None or bias is None or mean is None or var is None:
            return None
        norm = nn.BatchNorm2d if rank == 4 else nn.BatchNorm1d
        layer = norm(weight.shape[0], eps=args[7], momentum=args[6]).eval()
        layer.running_mean, layer.running_var = mean, var
    else:
        return None
    layer.weight = weight
    if bias is not None:
        layer.bias = bias
    names = {_owner(a.target) for a in node.args if isinstance(a, fx.Node) and a.op == "get_attr"}
    if len(names) != 1:
        return None
    return names.pop(), layer


def modularize(gm: fx.GraphModule) -> tuple[fx.GraphModule, int]:
    """Replace ATen linear/conv/batch-norm calls on parameters with the nn modules they came
    from, and relu/add/flatten with the torch functions FX quantization knows.

    ``torch.export`` keeps each parameter under its original owner's name (``fc.weight``), in an
    empty module: that owner becomes an ``nn.Linear`` again, so layer names match the user's.
    The batch-size guards are dropped; the caller checks that other batch sizes work.
    """
    aten = torch.ops.aten
    functions = {aten.relu.default: torch.relu, aten.add.Tensor: operator.add,
                 aten.flatten.using_ints: torch.flatten}
    graph = gm.graph
    used: dict[str, int] = {}
    for node in graph.nodes:
        if node.op == "get_attr":
            owner = _owner(node.target)
            used[owner] = used.get(owner, 0) + len(node.users)
    count = 0
    for node in list(graph.nodes):
        if node.op == "call_module" and str(node.target) == "_guards_fn":
            graph.erase_node(node)
            continue
        if node.op != "call_function":
            continue
        if node.target in functions and not node.kwargs:
            node.target = functions[node.target]
            continue
        try:
            found = _module_for(gm, node)
        except (LookupError, AttributeError, IndexError, TypeError, ValueError):
            found = None
        if found is None:
            continue
        owner, layer = found
        params = [a for a in node.args if isinstance(a, fx.Node) and a.op == "get_attr"]
        if not owner or used.get(owner, 0) != len(params):
            continue  # the parameters are shared with other ops: leave the call as it is
        gm.set_submodule(owner, layer)
        with graph.inserting_before(node):
            new = graph.call_module(owner, (node.args[0],))
        new.meta = dict(node.meta)
        node.replace_all_uses_with(new)
        graph.erase_node(node)
        count += 1
    # A plain GraphModule with a plain signature: forward(x) -> tensor. The unlifted module
    # refuses .eval()/.train(), which every technique calls.
    graph._codegen = fx.graph.CodeGen()
    output = next(n for n in reversed(graph.nodes) if n.op == "output")
    result = output.args[0]
    if isinstance(result, (tuple, list)) and len(result) == 1:
        output.args = (result[0],)
    graph.eliminate_dead_code()
    graph.lint()
    plain = fx.GraphModule(gm, graph, class_name="ExportedModel")
    return plain, count


def _load_export(path: Path, trust: bool = False, memory: MemoryProbe | None = None) -> ModelFile:
    from quantgui.core.pt2_safety import load_pt2, quiet_torch_loading

    # Checked member by member before torch reads it: torch.export.load can unpickle members,
    # evaluate expressions and load shared libraries from the file (see pt2_safety).
    program = load_pt2(path, trust=trust, memory=memory)
    shape = _export_input_shape(program)
    try:
        with quiet_torch_loading(trust):
            module = program.module()
    except Exception as error:
        raise _corrupt(path, KIND_NAMES["export"], error) from error
    try:
        module, layers = modularize(module)
    except Exception as error:
        raise ModelError(f"The {KIND_NAMES['export']} {path} could not be prepared for "
                         f"quantization ({type(error).__name__}: {error}).",
                         "Give the Python class and its weights instead "
                         "(--model model.py:Class:weights.pt).") from error
    note = f"; {layers} layer(s) recovered from its graph"
    return ModelFile(module.eval(), shape, f"{KIND_NAMES['export']} {path.name}{note}", "export")


def check_batch_sizes(model: nn.Module, input_shape: tuple[int, ...], kind: str,
                      memory: MemoryProbe | None = None) -> None:
    """Exported programs may be specialised to their example's batch size: try others."""
    # The shape may come from the file's graph: never allocate what it declares unchecked.
    check_allocation(3 * math.prod(input_shape) * 4, f"test batch of shape {_shape(input_shape)}",
                     memory=memory)
    for batch in (1, 3):
        try:
            with torch.inference_mode():
                output = model.eval()(torch.zeros(batch, *input_shape))
        except Exception as error:
            raise ModelError(
                f"The {KIND_NAMES[kind]} does not run with a batch of {batch} "
                f"({type(error).__name__}: {str(error).splitlines()[0][:200] if str(error) else ''}"
                "): it was probably exported for one batch size only.",
                "Export it with a dynamic batch dimension: torch.export.export(model, (x,), "
                "dynamic_shapes=({0: torch.export.Dim('batch')},)).") from error
        if isinstance(output, torch.Tensor) and (output.ndim == 0 or output.shape[0] != batch):
            raise ModelError(
                f"The {KIND_NAMES[kind]} returns shape {tuple(output.shape)} for a batch of "
                f"{batch}: its batch size is fixed inside the graph.",
                "Export it with a dynamic batch dimension: dynamic_shapes=({0: "
                "torch.export.Dim('batch')},).")


# ----------------------------------------------------------------------------- Python class

def parse_model_args(model_args: str | dict[str, Any] | None) -> dict[str, Any]:
    if model_args is None:
        return {}
    if isinstance(model_args, str):
        try:
            model_args = json.loads(model_args)
        except json.JSONDecodeError as error:
            raise ModelError(f"The model arguments are not valid JSON: {error.msg} at character "
                             f"{error.pos} of {model_args!r}.",
                             "Give a JSON object, e.g. --model-args '{\"hidden\": 64}'.") from error
    if not isinstance(model_args, dict):
        raise ModelError(f"The model arguments must be a JSON object, not "
                         f"{type(model_args).__name__}.",
                         "Give keyword arguments, e.g. --model-args '{\"hidden\": 64}'.")
    return model_args


def _import_file(path: Path) -> Any:
    digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:10]
    name = f"quantgui_user_{digest}_{''.join(c if c.isalnum() else '_' for c in path.stem)}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ModelError(f"{path} cannot be imported as Python.", "Give a .py file.")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    previous = sys.dont_write_bytecode
    sys.dont_write_bytecode = True  # never write __pycache__ beside the user's file
    try:
        spec.loader.exec_module(module)
    except BaseException as error:
        sys.modules.pop(name, None)
        if isinstance(error, KeyboardInterrupt):
            raise
        raise ModelError(f"Importing {path} failed: {type(error).__name__}: {error}",
                         "Fix the error in the file (run `python " + str(path) + "` to see it), "
                         "then retry.") from error
    finally:
        sys.dont_write_bytecode = previous
    return module


def load_state_dict_file(path: Path, memory: MemoryProbe | None = None) -> dict[str, Any]:
    """A state_dict, loaded with weights_only=True (no code from the file runs)."""
    check_file(path, "weights file", memory)
    detected = detect_kind(path)
    if detected != "torch_save":
        raise ModelError(f"The weights file {path} holds a {KIND_NAMES.get(detected, detected)}, "
                         "not a state_dict.",
                         "Save the weights with torch.save(model.state_dict(), 'weights.pt'), or "
                         "give the model file itself as --model.")
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as error:
        if "Unsupported global" not in str(error):
            raise _corrupt(path, "PyTorch weights file", error) from error
        raise ModelError(f"The weights file {path} holds more than tensors (it would run code "
                         "from the file to load).",
                         "Save only the weights: torch.save(model.state_dict(), 'weights.pt')."
                         ) from error
    except Exception as error:
        raise _corrupt(path, "PyTorch weights file", error) from error
    if isinstance(state, dict):
        for key in ("state_dict", "model_state_dict", "model"):
            if isinstance(state.get(key), dict):
                state = state[key]
                break
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        raise ModelError(f"The weights file {path} holds a {type(state).__name__}, not a "
                         "state_dict of tensors.",
                         "Save the weights with torch.save(model.state_dict(), 'weights.pt').")
    return state


def _apply_weights(model: nn.Module, state: dict[str, torch.Tensor], path: Path,
                   class_name: str) -> None:
    own = model.state_dict()
    missing = [k for k in own if k not in state]
    unexpected = [k for k in state if k not in own]
    shapes = [f"{k} (file {tuple(state[k].shape)}, model {tuple(own[k].shape)})"
              for k in own if k in state and tuple(state[k].shape) != tuple(own[k].shape)]
    if missing or unexpected or shapes:
        def listed(keys: list[str]) -> str:
            return ", ".join(keys[:8]) + (f" and {len(keys) - 8} more" if len(keys) > 8 else "")

        parts = []
        if missing:
            parts.append(f"missing keys: {listed(missing)}")
        if unexpected:
            parts.append(f"unexpected keys: {listed(unexpected)}")
        if shapes:
            parts.append(f"shape mismatches: {listed(shapes)}")
        raise ModelError(f"The weights in {path} do not match {class_name}: {'; '.join(parts)}.",
                         "Use the weights saved from this class with the same --model-args.")
    try:
        model.load_state_dict(state)
    except RuntimeError as error:
        raise ModelError(f"Loading the weights in {path} into {class_name} failed: "
                         f"{str(error).splitlines()[0]}",
                         "Use the weights saved from this class with the same --model-args."
                         ) from error


def _load_python(path: Path, class_name: str, weights: Path | None,
                 model_args: str | dict[str, Any] | None, memory: MemoryProbe | None) -> ModelFile:
    kwargs = parse_model_args(model_args)
    module = _import_file(path)
    cls = getattr(module, class_name, None)
    if cls is None:
        found = sorted(n for n, v in vars(module).items()
                       if inspect.isclass(v) and issubclass(v, nn.Module)
                       and v.__module__ == module.__name__)
        raise ModelError(f"{path} has no class '{class_name}'.",
                         f"Classes of nn.Module defined there: {', '.join(found) or 'none'}.")
    if not (inspect.isclass(cls) and issubclass(cls, nn.Module)):
        raise ModelError(f"'{class_name}' in {path} is not an nn.Module subclass.",
                         "Give the name of the model's class.")
    try:
        model = cls(**kwargs)
    except Exception as error:
        raise ModelError(f"Creating {class_name}(**{kwargs}) failed: {type(error).__name__}: "
                         f"{error}",
                         "Check --model-args against the class's __init__ parameters "
                         f"{inspect.signature(cls.__init__)}.") from error
    description = f"{KIND_NAMES['python']} {class_name} from {path.name}"
    if weights is not None:
        _apply_weights(model, load_state_dict_file(weights, memory), weights, class_name)
        description += f" with weights {weights.name}"
    else:
        description += " (random weights: no weights file given)"
    return ModelFile(model.eval(), None, description, "python")


# ----------------------------------------------------------------------------- other formats

def _load_torchscript(path: Path) -> ModelFile:
    try:
        model = torch.jit.load(str(path), map_location="cpu")
    except Exception as error:
        raise _corrupt(path, KIND_NAMES["torchscript"], error) from error
    return ModelFile(model.eval(), None, f"{KIND_NAMES['torchscript']} {path.name}",
                     "torchscript")


def _load_torch_save(path: Path, trust: bool) -> ModelFile:
    try:
        content = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as error:
        if "Unsupported global" not in str(error):
            raise _corrupt(path, "PyTorch file (torch.save)", error) from error
        content = None  # holds objects other than tensors: a whole model (or worse)
    except Exception as error:
        raise _corrupt(path, "PyTorch file (torch.save)", error) from error
    if content is not None:
        if isinstance(content, dict) and any(isinstance(v, (torch.Tensor, dict))
                                             for v in content.values()):
            raise ModelError(f"{path} holds only weights (a state_dict), not a model.",
                             "Give the Python class with --model path.py:Class:"
                             f"{path.name}.")
        raise ModelError(f"{path} holds a {type(content).__name__}, not a model.",
                         f"Give {SAFE_FORMATS}.")
    if not trust:
        raise ModelError(
            f"{path} is a whole pickled model: loading it unpickles the file, which can run any "
            "code it contains.",
            f"Only if you trust where it came from, pass --trust. Safer: {SAFE_FORMATS}.")
    try:
        model = torch.load(path, map_location="cpu", weights_only=False)
    except Exception as error:
        raise ModelError(f"Unpickling {path} failed: {type(error).__name__}: "
                         f"{str(error).splitlines()[0][:200] if str(error) else ''}",
                         "Pickled models need the code of their classes importable under the same "
                         f"module names; prefer {SAFE_FORMATS}.") from error
    if not isinstance(model, nn.Module):
        raise ModelError(f"{path} holds a {type(model).__name__}, not an nn.Module.",
                         f"Give {SAFE_FORMATS}.")
    return ModelFile(model.eval(), None, f"{KIND_NAMES['pickle']} {path.name} (trusted)",
                     "pickle")


# ----------------------------------------------------------------------------- entry points

def parse_spec(spec: str) -> tuple[Path, str | None, Path | None]:
    """``path``, or ``path.py:Class[:weights]`` -> (path, class name, weights path)."""
    marker = spec.find(".py:")
    if marker < 0:
        if spec.endswith(".py"):
            raise ModelError(f"'{spec}' names a Python file but no class.",
                             "Write path.py:ClassName (and :weights.pt for trained weights).")
        return Path(spec), None, None
    path = Path(spec[:marker + 3])
    class_name, _, weights = spec[marker + 4:].partition(":")
    if weights and not Path(weights).is_absolute() and not Path(weights).exists() \
            and (path.parent / weights).exists():
        weights = str(path.parent / weights)  # relative to the Python file
    if not class_name.isidentifier():
        raise ModelError(f"'{class_name}' in '{spec}' is not a class name.",
                         "Write path.py:ClassName[:weights.pt].")
    return path, class_name, Path(weights) if weights else None


def load_model_file(spec: str, *, model_args: str | dict[str, Any] | None = None,
                    trust: bool = False, input_shape: tuple[int, ...] | None = None,
                    memory: MemoryProbe | None = None) -> ModelFile:
    """Open a user's model; ``input_shape`` (per sample) is the file's own where it has one.

    ``memory`` returns the bytes of memory available (injectable for tests).
    """
    path, class_name, weights = parse_spec(spec)
    check_file(path, "model file", memory)
    kind = detect_kind(path)
    if model_args is not None and kind != "python":
        raise ModelError("--model-args applies to a Python class only.",
                         "Give the model as path.py:ClassName, or leave out --model-args.")
    if kind == "python":
        if class_name is None:
            raise ModelError(f"'{spec}' names a Python file but no class.",
                             "Write path.py:ClassName[:weights.pt].")
        loaded = _load_python(path, class_name, weights, model_args, memory)
    elif kind == "export":
        loaded = _load_export(path, trust, memory)
    elif kind == "torchscript":
        loaded = _load_torchscript(path)
    else:
        loaded = _load_torch_save(path, trust)
    if path.suffix == ".pt2" and kind != "export":
        raise ModelError(f"{path} is named .pt2 but holds a {KIND_NAMES[loaded.kind]}.",
                         "Rename it, or save a real program with torch.export.save.")
    shape = loaded.input_shape
    if input_shape is not None:
        input_shape = tuple(input_shape)
        if shape is not None and shape != input_shape:
            raise ModelError(f"--input-shape {_shape(input_shape)} differs from the shape "
                             f"{_shape(shape)} stored in {path.name}.",
                             "Leave out --input-shape, or export the program with the other "
                             "shape.")
        shape = input_shape
    if kind == "export" and shape is not None:
        check_batch_sizes(loaded.model, shape, kind, memory)
    return loaded._replace(input_shape=shape)


def _shape(shape: tuple[int, ...]) -> str:
    return ",".join(str(d) for d in shape)


def parse_shape(text: str, what: str = "--input-shape",
                memory: MemoryProbe | None = None) -> tuple[int, ...]:
    """``3,32,32`` -> (3, 32, 32); one float32 sample of it must fit in the memory available."""
    try:
        shape = tuple(int(part) for part in text.split(",")) if len(text) < 200 else ()
    except ValueError:
        shape = ()
    if not shape or any(d <= 0 for d in shape):
        raise ModelError(f"{what} '{text[:80]}' is not a list of positive integers.",
                         "Write it like 3,32,32 (per sample, without the batch dimension).")
    check_allocation(math.prod(shape) * 4, f"{what} {text} (one sample of float32)",
                     memory=memory, hint=f"Check {what}: it is per sample, e.g. 3,32,32.")
    return shape


def check_method(kind: str, method: str) -> None:
    """Refuse a technique that cannot work on this kind of model, before anything runs."""
    if method in METHODS_BY_KIND.get(kind, ("dynamic", "static", "qat")):
        return
    if kind == "torchscript" and method == "dynamic":
        raise ModelError(
            "Dynamic quantization cannot change a TorchScript model: torch 2.13's quantize_dynamic "
            "returns an unchanged copy (measured: no layer replaced, identical outputs).",
            "Export the model with torch.export (.pt2) or give the Python class "
            "(--model model.py:Class:weights.pt).")
    if kind == "torchscript":
        raise ModelError(
            f"TorchScript models cannot be traced by FX, which {method} quantization needs.",
            "Export the model with torch.export or give the Python class "
            "(--model model.py:Class:weights.pt).")
    raise ModelError(f"{method} quantization does not apply to a {KIND_NAMES.get(kind, kind)}.",
                     "Use dynamic quantization.")


def open_user_model(spec: str, *, data: str = "random", method: str | None = None,
                    model_args: str | dict[str, Any] | None = None, trust: bool = False,
                    input_shape: tuple[int, ...] | None = None, label_column: str | None = None,
                    image_size: tuple[int, int] | None = None, val_fraction: float = 0.2,
                    num_classes: int | None = None, seed: int = 0,
                    memory: MemoryProbe | None = None) -> Any:
    """The model file and its data as a LoadedModel, checked with a forward pass.

    ``method``, if given, is checked against what this kind of model supports.
    """
    from quantgui.core.datasets import load_data
    from quantgui.core.demos import LoadedModel
    from quantgui.core.pipeline import check_model

    loaded = load_model_file(spec, model_args=model_args, trust=trust, input_shape=input_shape,
                             memory=memory)
    if method is not None:
        check_method(loaded.kind, method)
    shape = loaded.input_shape
    if shape is None and str(data) == "random":
        raise ModelError(f"The input shape of {spec} is not stored in the file.",
                         "Give it with --input-shape, e.g. 3,32,32 (per sample, without the "
                         "batch dimension).")
    bundle = load_data(data, input_shape=shape, label_column=label_column, image_size=image_size,
                       val_fraction=val_fraction, num_classes=num_classes, seed=seed)
    check_model(loaded.model, bundle)
    name = Path(parse_spec(spec)[0]).name
    if loaded.kind == "python":
        name = f"{parse_spec(spec)[1]} ({name})"
    return LoadedModel(name=name, description=f"{loaded.description}; data: "
                                              f"{bundle.description}",
                       model=loaded.model, data=bundle, source=f"{loaded.kind}:{spec}",
                       model_args=parse_model_args(model_args) or None)
