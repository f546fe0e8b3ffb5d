"""torch.export programs (``.pt2``): checked member by member before torch reads them, then the
ATen graph is turned back into ``nn.Linear``/``nn.Conv2d``/... modules so that dynamic and static
quantization find layers."""

from __future__ import annotations

import math
import operator
from pathlib import Path
from typing import Any

import torch
from torch import fx, nn

from quantgui.core import texts
from quantgui.core.errors import ModelError
from quantgui.core.limits import check_allocation
from quantgui.core.signature import InputSignature, InputSpec, PackedInputs
from quantgui.core.sources.base import MemoryProbe, ModelFile, OpenOptions, corrupt, fmt_shape
from quantgui.core.sources.registry import ModelSource, kind_title, register

TITLE = "torch.export program"


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


def _export_signature(program: Any) -> InputSignature | None:
    """The program's inputs, where they are not one float tensor: names, shapes and dtypes
    from its graph; an integer input's range from the embedding it indexes. None when they are
    one float tensor, or when an integer input's range is unknown (--input gives it)."""
    user = list(program.graph_signature.user_inputs)
    nodes = {node.name: node for node in program.graph.nodes if node.op == "placeholder"}
    specs = []
    for name in user:
        node = nodes.get(name)
        value = node.meta.get("val") if node is not None else None
        if not isinstance(value, torch.Tensor):
            return None
        try:
            shape = tuple(int(d) for d in value.shape[1:])
        except (TypeError, ValueError):  # a symbolic non-batch dimension
            return None
        low = high = None
        if not value.dtype.is_floating_point:
            rows = [use.args[0].meta["val"].shape[0] for use in node.users
                    if use.target == torch.ops.aten.embedding.default and len(use.args) > 1
                    and use.args[1] is node and "val" in use.args[0].meta]
            if not rows:
                return None
            low, high = 0, int(min(rows)) - 1
        specs.append(InputSpec(name, shape, value.dtype, low, high))
    if not specs or (len(specs) == 1 and specs[0].dtype.is_floating_point):
        return None
    return InputSignature(tuple(specs))


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


def load_export(path: Path, trust: bool = False, memory: MemoryProbe | None = None) -> ModelFile:
    from quantgui.core.pt2_safety import load_pt2, quiet_torch_loading

    # Checked member by member before torch reads it: torch.export.load can unpickle members,
    # evaluate expressions and load shared libraries from the file (see pt2_safety).
    program = load_pt2(path, trust=trust, memory=memory)
    shape = _export_input_shape(program)
    signature = _export_signature(program)
    try:
        with quiet_torch_loading(trust):
            module = program.module()
    except Exception as error:
        raise corrupt(path, TITLE, error) from error
    try:
        module, layers = modularize(module)
    except Exception as error:
        raise ModelError(f"The {TITLE} {path} could not be prepared for "
                         f"quantization ({type(error).__name__}: {error}).",
                         "Give the Python class and its weights instead "
                         "(--model model.py:Class:weights.pt).") from error
    description = texts.MODEL_PARTS.join((texts.MODEL_EXPORT.format(file=path.name),
                                          texts.MODEL_EXPORT_LAYERS.format(count=layers)))
    if signature is not None:
        # zeros are in every range it infers: the batch sizes are checked on the inputs
        packed = PackedInputs(module, signature) if signature.packed else module
        check_batch_sizes(packed, signature.sample_shape, "export", memory, signature)
        return ModelFile(module.eval(), None, description, "export",
                         signature=signature)
    return ModelFile(module.eval(), shape, description, "export")


def check_batch_sizes(model: nn.Module, input_shape: tuple[int, ...], kind: str,
                      memory: MemoryProbe | None = None,
                      signature: InputSignature | None = None) -> None:
    """Exported programs may be specialised to their example's batch size: try others.

    ``signature``: the program's inputs where they are not one float tensor (zeros are in
    every integer range it infers)."""
    # The shape may come from the file's graph: never allocate what it declares unchecked.
    dtype = torch.float32 if signature is None else signature.dtype
    check_allocation(3 * math.prod(input_shape) * dtype.itemsize,
                     f"test batch of shape {fmt_shape(input_shape)}", memory=memory)
    for batch in (1, 3):
        try:
            with torch.inference_mode():
                output = model.eval()(torch.zeros(batch, *input_shape, dtype=dtype))
        except Exception as error:
            raise ModelError(
                f"The {kind_title(kind)} does not run with a batch of {batch} "
                f"({type(error).__name__}: {str(error).splitlines()[0][:200] if str(error) else ''}"
                "): it was probably exported for one batch size only.",
                "Export it with a dynamic batch dimension: torch.export.export(model, (x,), "
                "dynamic_shapes=({0: torch.export.Dim('batch')},)).") from error
        if isinstance(output, torch.Tensor) and (output.ndim == 0 or output.shape[0] != batch):
            raise ModelError(
                f"The {kind_title(kind)} returns shape {tuple(output.shape)} for a batch of "
                f"{batch}: its batch size is fixed inside the graph.",
                "Export it with a dynamic batch dimension: dynamic_shapes=({0: "
                "torch.export.Dim('batch')},).")




def _open(spec: str, options: OpenOptions) -> ModelFile:
    return load_export(Path(spec), options.trust, options.memory)


SOURCE = register(ModelSource(kind="export", title=TITLE, open=_open, file_kinds=("export",)))
