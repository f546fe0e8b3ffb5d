"""PyTorch compiled: torchao PT2E quantization, lowered by torch.compile (inductor, freezing).

The model is captured with ``torch.export``, quantized with torchao's ``X86InductorQuantizer``
(static and QAT) or torchao's ``Int8DynamicActivationInt8WeightConfig`` (dynamic), and compiled
by inductor with freezing, which turns the quantize/dequantize patterns into oneDNN int8
kernels. Without freezing there is no gain, and uncompiled PT2E is slower than float32
(docs/quantization-notes). The engine's float32 reference is the same export, compiled the
same way, so "what int8 gives on this runtime" is measured against its own float32.

torchao is imported only inside functions: the registry imports this module to list engines.
"""

from __future__ import annotations

import contextlib
import copy
import importlib.metadata
import importlib.util
import logging
import os
import shutil
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import torch
from torch import nn

from quantgui.core import texts
from quantgui.core.engines.base import Engine, EngineBuild, ScriptSection
from quantgui.core.errors import Cancelled, ModelError, QuantGUIError, RecipeError
from quantgui.core.events import CancelToken, EventStream, LogMessage, Progress
from quantgui.core.layers import LayerRecord, leaf_modules, type_name
from quantgui.core.methods import training
from quantgui.core.methods.common import evaluating
from quantgui.core.methods.tied import note_tied, tied_layers, tied_log, with_tied_float
from quantgui.core.recipes import DynamicRecipe, QatRecipe, Recipe, StaticRecipe
from quantgui.core.techniques.qat import DISTRIBUTED_IMPORTS, DISTRIBUTED_SETUP

if TYPE_CHECKING:
    from quantgui.core.analysis import ErrorSampling
    from quantgui.core.demos import LoadedModel
    from quantgui.core.techniques import Technique

TORCHAO_SERIES = "0.18."  # torchao breaks APIs between minor releases: pinned to one
EAGER_HINT = "Try the PyTorch eager engine (torch_ao), which does not need torch.export."

# Dynamic technique: torchao's Int8DynamicActivationInt8WeightConfig (quantize_ + compile), not
# the X86InductorQuantizer's dynamic config. Measured (2 threads, AVX512-VNNI, interleaved
# rounds, torch 2.13 / torchao 0.18), latency against compiled float32 and SQNR against float:
#   4 x Linear(1024), batch 1:  quantize_ 11.9x (35.4 dB), PT2E dynamic 1.4x (38.2 dB)
#   4 x Linear(1024), batch 32: quantize_  8.8x (36.1 dB), PT2E dynamic 5.1x (37.7 dB)
#   digits-mlp, batch 32:       quantize_ 0.83x (48.0 dB), PT2E dynamic 0.69x (52.5 dB)
# Both are far above 20 dB; quantize_ is faster everywhere, and its per-row activation scales
# keep each sample independent of the rest of its batch. It exports and saves as .pt2 too.
DYNAMIC_PATH = "torchao Int8DynamicActivationInt8WeightConfig (quantize_) + torch.compile"

_WEIGHTED_OPS = ("conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
                 "conv_transpose3d", "linear", "matmul", "mm", "addmm", "bmm")


def _unavailable() -> str | None:
    """Cheap checks only (no torchao import): the registry calls this when menus are built."""
    if importlib.util.find_spec("torchao") is None:
        return ("torchao is not installed. Install it with: pip install 'torchao~=0.18.0' "
                "(the version QuantGUI is tested with).")
    try:
        version = importlib.metadata.version("torchao")
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    if not version.startswith(TORCHAO_SERIES):
        return (f"torchao {version} is installed, but this engine is written for torchao "
                f"{TORCHAO_SERIES}x (its APIs change between minor releases). Install it with: "
                "pip install 'torchao~=0.18.0'.")
    major_minor = tuple(int(p) for p in torch.__version__.split(".")[:2] if p.isdigit())
    if major_minor < (2, 11):
        return (f"torchao 0.18 needs torch 2.11 or newer for its kernels; this is torch "
                f"{torch.__version__}. Upgrade torch.")
    # inductor compiles C++ on the CPU; torch._inductor.config.cpp.cxx looks for $CXX or g++
    compiler = os.environ.get("CXX") or "g++"
    if shutil.which(compiler) is None:
        return (f"torch.compile (inductor) needs a C++ compiler, and '{compiler}' was not "
                "found. Install one (for example: apt install g++) or set CXX to its path.")
    return None


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """torchao logs a warning per CUDA-only extension it cannot load on a CPU machine, and
    torch.ao/torchao warn about deprecations on every call: none of it is the user's concern."""
    logger = logging.getLogger("torchao")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            warnings.simplefilter("ignore", FutureWarning)
            warnings.filterwarnings("ignore", category=UserWarning)
            yield
    finally:
        logger.setLevel(level)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return f"{type(error).__name__}: {text.splitlines()[0][:300] if text else ''}"


@contextlib.contextmanager
def _stage(what: str, hint: str, error_type: type[QuantGUIError] = QuantGUIError
           ) -> Iterator[None]:
    """Turn a failure of torch.export/torchao/inductor into an error naming the stage."""
    try:
        yield
    except (QuantGUIError, Cancelled):
        raise
    except Exception as error:
        raise error_type(f"{what}: {_first_line(error)}", hint) from error


class FixedBatch(nn.Module):
    """Runs a model compiled for one batch size on batches of any size.

    inductor's int8 convolution breaks with a dynamic batch dimension in torch 2.13 (a stride
    assertion in the qconv lowering on any batch but the first), and a compile per batch size
    costs seconds. So each model is compiled once, for the recipe's batch size (the one latency
    is measured at): a shorter batch is padded with zeros and the padding's outputs dropped, a
    longer one runs in chunks. Samples do not interact: static scales are fixed, dynamic
    activation scales are per row, batch-norm is folded. Calls run under inference_mode, so
    the grad mode of the caller cannot trigger a recompilation either.
    """

    def __init__(self, compiled: nn.Module, batch_size: int) -> None:
        super().__init__()
        self.compiled = compiled
        self.batch_size = batch_size

    def forward(self, x: torch.Tensor) -> Any:
        if x.shape[0] == self.batch_size and not x.is_inference():
            with torch.inference_mode():
                return self.compiled(x)
        # dynamo guards on the input's dispatch keys: an inference tensor (made under
        # inference_mode, as padding would be) recompiles, so chunks are made as normal tensors
        with torch.inference_mode(False), torch.no_grad():
            chunks = self._normal_batches(x)
        with torch.inference_mode():
            outputs = [_tree_map(lambda t, n=count: t[:n], self.compiled(chunk))
                       for chunk, count in chunks]
            if len(outputs) == 1:
                return outputs[0]
            return torch.utils._pytree.tree_map(
                lambda *ts: torch.cat(ts) if isinstance(ts[0], torch.Tensor) else ts[0],
                *outputs)

    def _normal_batches(self, x: torch.Tensor) -> list[tuple[torch.Tensor, int]]:
        """Chunks of exactly ``batch_size`` samples (the last padded with zeros) as normal
        tensors, each with its count of real samples."""
        size = self.batch_size
        chunks = []
        for start in range(0, max(1, x.shape[0]), size):
            chunk = x[start:start + size]
            count = chunk.shape[0]
            if count < size:
                chunk = torch.cat([chunk, chunk.new_zeros((size - count, *chunk.shape[1:]))])
            else:
                chunk = chunk.clone()
            chunks.append((chunk, count))
        return chunks


def _tree_map(function: Any, value: Any) -> Any:
    return torch.utils._pytree.tree_map(
        lambda t: function(t) if isinstance(t, torch.Tensor) else t, value)


def _batch_is_dynamic(program: torch.export.ExportedProgram) -> bool:
    inputs = [n for n in program.graph.nodes if n.op == "placeholder"
              and n.name in program.graph_signature.user_inputs]
    value = inputs[0].meta.get("val") if inputs else None
    return value is not None and value.ndim > 0 and isinstance(value.shape[0], torch.SymInt)


def _export(model: nn.Module, example: torch.Tensor, strict: bool
            ) -> torch.export.ExportedProgram:
    """Export with the batch dimension dynamic where the model allows it (Dim.AUTO keeps it
    fixed, without failing, where the model specialises on it)."""
    batch = torch.export.Dim.AUTO
    with _stage("torch.export could not capture the model", EAGER_HINT, ModelError):
        return torch.export.export(model, (example,), dynamic_shapes=({0: batch},),
                                   strict=strict)


def _program_bytes(program: torch.export.ExportedProgram) -> bytes:
    from quantgui.core.pt2_safety import program_bytes

    with _stage("torch.export.save could not write the program",
                "Report this model; the quantized model itself still runs."):
        return program_bytes(program)


def _no_sum_into_graph_inputs() -> None:
    """Inductor must not write into the inputs it is called with.

    In an int8 graph, inductor (torch 2.13) fuses ``linear(x) + other`` into a oneDNN qlinear
    whose "sum" post-op accumulates into ``other`` in place, and its check
    (``mkldnn_fusion._qlinear_binary_can_be_inplace``) takes a graph input for ``other`` as
    readily as a buffer of its own. A transformer block's residual ``x + proj(y)`` then wrote
    its result into the caller's tensor at every call: the batch compiled with, timed and
    predicted on was a view of the validation data, which changed under every later
    figure. Patched once per process, for recompilations too: a graph input (or a constant,
    an input too) is never accumulated into; the out-of-place add is used instead."""
    try:
        from torch._inductor import ir
        from torch._inductor.fx_passes import mkldnn_fusion
    except ImportError:  # an inductor without these internals has its own rules
        return
    check = getattr(mkldnn_fusion, "_qlinear_binary_can_be_inplace", None)
    if check is None or getattr(check, "inputs_kept", False):
        return

    def storage(value: Any) -> Any:
        while True:
            if isinstance(value, ir.MutableBox):
                value = value.data
            elif isinstance(value, ir.BaseView):
                value = value.unwrap_view()
            else:
                return value

    def can_be_inplace(other: Any) -> bool:
        return not isinstance(storage(other), ir.InputBuffer) and check(other)

    can_be_inplace.inputs_kept = True  # type: ignore[attr-defined]
    mkldnn_fusion._qlinear_binary_can_be_inplace = can_be_inplace


def _compile(module: nn.Module, batch: torch.Tensor) -> tuple[FixedBatch, float]:
    """Compile with inductor freezing (weights become constants; the int8 patterns are fused
    into oneDNN kernels) and run once, which is when compilation happens, so the config patch
    must cover that call. (``torch.compile(options={"freezing": True})`` fails on the int8
    patterns in torch 2.13: UnsupportedOperatorException onednn.qlinear_prepack.)"""
    import torch._inductor.config as inductor_config

    if isinstance(module, torch.fx.GraphModule):
        # ExportedProgram.module() checks every call's inputs against the export's pytree
        # spec in Python hooks that run outside the compiled code: 35 of the 70 us a digits-MLP
        # call took (measured). The compiled model's own guards check the input instead.
        for hooks in (module._forward_pre_hooks, module._forward_pre_hooks_with_kwargs,
                      module._forward_hooks, module._forward_hooks_always_called):
            hooks.clear()
    with _stage("torch.compile (inductor) could not compile the model",
                "Try the PyTorch eager engine (torch_ao), or check that a C++ compiler works."), \
            inductor_config.patch(freezing=True):
        _no_sum_into_graph_inputs()
        compiled = torch.compile(module, dynamic=False)
        wrapped = FixedBatch(compiled, batch.shape[0])
        started = time.perf_counter()
        wrapped(batch)
        return wrapped, time.perf_counter() - started


def _drop_unused_state(graph: torch.fx.GraphModule) -> torch.fx.GraphModule:
    """convert_pt2e folds int8 weights into new constants but keeps the float originals as
    unused parameters, which torch.export would save too (the .pt2 came out larger than the
    float one): drop every parameter and buffer no node reads."""
    used = {str(node.target) for node in graph.graph.nodes if node.op == "get_attr"}
    for kind in ("parameters", "buffers"):
        for name, _ in list(getattr(graph, f"named_{kind}")()):
            if name not in used:
                owner_name, _, attribute = name.rpartition(".")
                delattr(graph.get_submodule(owner_name) if owner_name else graph, attribute)
    graph.delete_all_unused_submodules()
    return graph


def _leaf_names(model: nn.Module) -> set[str]:
    return {name for name, _ in leaf_modules(model)}


def _module_of(node: torch.fx.Node, names: set[str]) -> str | None:
    """The innermost original module a graph node came from (``nn_module_stack``)."""
    stack = node.meta.get("nn_module_stack")
    if not stack:
        return None
    for path, _ in reversed(list(stack.values())):
        name = _normalise_path(str(path))
        if name in names:
            return name
    return None


def _normalise_path(path: str) -> str:
    # strict export writes "L['self'].block1[0]" or "L__self___block1_0"; non-strict "block1.0"
    if path.startswith("L['self']"):
        path = path[len("L['self']"):].lstrip(".")
        for old, new in (("['", "."), ("']", ""), ("[", "."), ("]", "")):
            path = path.replace(old, new)
        path = path.replace("._modules.", ".").lstrip(".")
    return path


def _is_dequantize(node: Any) -> bool:
    return (isinstance(node, torch.fx.Node) and node.op == "call_function"
            and "dequantize" in str(node.target))


def _parent_with_ops(name: str, ops: dict[str, list[tuple[str, bool, bool]]]) -> str | None:
    """The nearest enclosing module that has ops of its own in the graph."""
    while "." in name:
        name = name.rsplit(".", 1)[0]
        if name in ops:
            return name
    return None


def _graph_layer_records(original: nn.Module, graph: torch.fx.GraphModule, method: str,
                         keep_float: tuple[str, ...]) -> list[LayerRecord]:
    """One record per original leaf with weights: int8 when its op's weight is dequantized
    from int8 (and, for static/QAT, its input too) in the converted graph."""
    # leaves, and modules with weights of their own that compute with them in their forward
    # (MultiheadAttention's in_proj_weight), so that an op is not lost to an outer module
    names = _leaf_names(original) | {
        name for name, module in original.named_modules()
        if any(True for _ in module.parameters(recurse=False))}
    ops: dict[str, list[tuple[str, bool, bool]]] = {}
    for node in graph.graph.nodes:
        if node.op != "call_function":
            continue
        op = str(node.target).split(".")[-2] if "." in str(node.target) else str(node.target)
        owner = _module_of(node, names)
        if owner is None:
            continue
        weighted = op in _WEIGHTED_OPS
        weight_int8 = weighted and len(node.args) > 1 and _is_dequantize(node.args[1])
        input_int8 = weighted and bool(node.args) and _is_dequantize(node.args[0])
        ops.setdefault(owner, []).append((op, weight_int8, input_int8))
    records = []
    previous_weighted: str | None = None
    kept_names: set[str] = set()
    for name, module in leaf_modules(original):
        if not any(True for _ in module.parameters(recurse=False)):
            continue
        found = ops.get(name, [])
        weighted = [entry for entry in found if entry[0] in _WEIGHTED_OPS]
        int8 = [entry for entry in weighted if entry[1]]
        kept = any(name == k or name.startswith(k + ".") for k in keep_float)
        if kept:
            kept_names.add(name)
        if int8:
            op, _, input_int8 = int8[0]
            quantized_type = f"int8 aten.{op}"
            note = texts.NOTE_PT2E_INT8 if input_int8 else texts.NOTE_PT2E_INT8_WEIGHTS
            if method == "qat":
                note = texts.NOTE_PT2E_TRAINED.format(note=note)
            note = texts.NOTE_PT2E_FUSED.format(note=note)
            records.append(LayerRecord(name, type_name(module), quantized_type, True, note))
            previous_weighted = name
            continue
        if kept:
            note = texts.NOTE_KEPT
        elif not found and isinstance(module, nn.modules.batchnorm._BatchNorm):
            if previous_weighted is not None and previous_weighted in kept_names:
                note = texts.NOTE_PT2E_BN_WITH_KEPT.format(layer=previous_weighted)
            else:
                note = (texts.NOTE_FOLDED_INTO.format(layer=previous_weighted)
                        if previous_weighted else texts.NOTE_FOLDED_INTO_CONV)
        elif not found and _parent_with_ops(name, ops):
            parent = _parent_with_ops(name, ops)
            weighted_parent = [e for e in ops[parent] if e[0] in _WEIGHTED_OPS]
            state = ("int8" if weighted_parent and all(e[1] for e in weighted_parent)
                     else "float32")
            note = texts.NOTE_PT2E_INSIDE_PARENT.format(parent=parent, state=state)
        elif not found:
            note = texts.NOTE_PT2E_NOT_IN_GRAPH
        elif weighted:
            note = texts.NOTE_PT2E_NO_PATTERN.format(type=type(module).__name__, method=method)
        else:
            note = texts.NOTE_PT2E_NO_KERNEL.format(type=type(module).__name__)
        op_type = f"float32 aten.{weighted[0][0]}" if weighted else (
            f"float32 aten.{found[0][0]}" if found else None)
        records.append(LayerRecord(name, type_name(module), op_type, False, note))
        if weighted:
            previous_weighted = name
    return records


def _module_layer_records(original: nn.Module, quantized: nn.Module,
                          keep_float: tuple[str, ...]) -> list[LayerRecord]:
    """Records for a ``quantize_``d module: int8 where the weight became a torchao tensor."""
    records = []
    for name, module in leaf_modules(original):
        if not any(True for _ in module.parameters(recurse=False)):
            continue
        after = quantized.get_submodule(name) if name else quantized
        weight = getattr(after, "weight", None)
        int8 = isinstance(weight, torch.Tensor) and type(weight).__module__.startswith("torchao")
        if int8:
            records.append(LayerRecord(
                name, type_name(module), f"{type_name(after)} ({type(weight).__name__})", True,
                texts.NOTE_PT2E_DYNAMIC_INT8))
            continue
        if any(name == k or name.startswith(k + ".") for k in keep_float):
            note = texts.NOTE_KEPT
        elif isinstance(module, nn.Linear):
            note = texts.NOTE_PT2E_NOT_QUANTIZED
        else:
            note = texts.NOTE_PT2E_DYNAMIC_LINEAR_ONLY.format(type=type(module).__name__)
        records.append(LayerRecord(name, type_name(module), type_name(after), False, note))
    return records


_pattern_cache: dict[tuple, torch.fx.GraphModule] = {}
_patch_lock = threading.Lock()


@contextlib.contextmanager
def _fast_conv_bn_patterns() -> Iterator[None]:
    """torchao's QAT conv-bn fusion (prepare) and folding (convert) strictly export its
    replacement patterns for conv1d, conv2d and both transposed convs, on CPU and CUDA, at
    every call: 96 exports in convert alone, measured 43 s for the digits CNN. Skip the conv
    kinds the graph does not contain (and CUDA patterns unless the graph is on CUDA), and keep
    each pattern graph for the rest of the process (they depend only on their arguments).
    One build patches at a time (the lock), so each restores torchao's own functions."""
    from torchao.quantization.pt2e import qat_utils

    names = ("_fuse_conv_bn_qat_helper", "_fold_conv_bn_qat_helper",
             "_get_aten_graph_module_for_pattern")
    with _patch_lock:
        originals = {name: getattr(qat_utils, name, None) for name in names}
        if any(value is None for value in originals.values()):
            yield  # a torchao without these internals: run it as it is
            return
        build_pattern = originals["_get_aten_graph_module_for_pattern"]

        def only_present(helper: Any) -> Any:
            def run(m: torch.fx.GraphModule, conv_fn: Any, example_inputs: tuple,
                    is_cuda: bool) -> torch.fx.GraphModule:
                ops = {str(n.target).split(".")[1] for n in m.graph.nodes
                       if n.op == "call_function" and str(n.target).startswith("aten.")}
                on_cuda = any(t.is_cuda for t in (*m.parameters(), *m.buffers()))
                if conv_fn.__name__ not in ops or (is_cuda and not on_cuda):
                    return m
                return helper(m, conv_fn, example_inputs, is_cuda=is_cuda)
            return run

        def cached_pattern(pattern: Any, example_inputs: tuple, is_cuda: bool = False,
                           **kwargs: Any) -> torch.fx.GraphModule:
            def describe(value: Any) -> Any:
                return ((tuple(value.shape), value.dtype) if isinstance(value, torch.Tensor)
                        else value)
            function = getattr(pattern, "fn", pattern)  # torchao wraps some in a WrapperModule
            code = getattr(function, "__code__", None)
            if code is None:
                return build_pattern(pattern, example_inputs, is_cuda, **kwargs)
            cells = tuple(describe(c.cell_contents) for c in function.__closure__ or ())
            key = (code, cells, tuple(describe(x) for x in example_inputs), is_cuda,
                   tuple(sorted((k, describe(v)) for k, v in kwargs.items())))
            if key not in _pattern_cache:
                _pattern_cache[key] = build_pattern(pattern, example_inputs, is_cuda, **kwargs)
            return copy.deepcopy(_pattern_cache[key])

        qat_utils._fuse_conv_bn_qat_helper = only_present(originals[names[0]])
        qat_utils._fold_conv_bn_qat_helper = only_present(originals[names[1]])
        qat_utils._get_aten_graph_module_for_pattern = cached_pattern
        try:
            yield
        finally:
            for name, value in originals.items():
                setattr(qat_utils, name, value)


ERROR_SAMPLES = 256  # validation samples for the per-layer error, as in the pipeline
NUMERIC_DEBUGGER = "torchao numeric debugger"


def _generate_debug_handles(program: torch.export.ExportedProgram) -> None:
    from torchao.quantization.pt2e import generate_numeric_debug_handle

    generate_numeric_debug_handle(program)


def _weighted_op(name: object) -> bool:
    return str(name).rstrip("0123456789").rstrip("_") in _WEIGHTED_OPS


def _keep_weighted_loggers(graph: torch.fx.GraphModule) -> list[Any]:
    """The numeric debugger logs the output of every node; only the weighted ops' are
    compared, so the other loggers go before anything runs (a transformer's attention scores,
    GELUs and layer norms were most of what it held). The loggers left, in graph order."""
    kept = []
    for node in list(graph.graph.nodes):
        logger = (getattr(graph, str(node.target), None) if node.op == "call_module"
                  else None)
        if type(logger).__name__ != "OutputLogger":
            continue
        if _weighted_op(logger.node_name):
            kept.append(logger)
            continue
        node.replace_all_uses_with(node.args[0])
        graph.graph.erase_node(node)
    graph.delete_all_unused_submodules()
    graph.recompile()
    return kept


def _stack_name(stack: object) -> str:
    """The innermost module of a node's nn_module_stack, as the numeric debugger names it."""
    if isinstance(stack, dict) and stack:
        return str(list(stack.values())[-1][0])
    return str(stack)


def _held(values: list[Any]) -> tuple[int, int]:
    """(values, bytes) of the tensors in ``values``."""
    tensors = [v for v in values if isinstance(v, torch.Tensor)]
    return (sum(t.numel() for t in tensors),
            sum(t.numel() * t.element_size() for t in tensors))


def _propagated_errors(reference: torch.fx.GraphModule, converted: torch.fx.GraphModule,
                       inputs: torch.Tensor, batch_size: int | None = None
                       ) -> tuple[dict[str, float], ErrorSampling]:
    """SQNR of each weighted op's output in the int8 graph (fed by the int8 layers before it,
    so the error accumulated up to that layer) against the float graph, by module name, from
    torchao's numeric debugger. It runs the uncompiled q/dq graph: inductor's int8 kernels
    round the same way up to an output step. Only the weighted ops are logged, and the inputs
    pass in chunks whose signal and noise are summed (``analysis.sampled_passes``): memory is
    bounded, and large models are measured on fewer samples, as the sampling returned says."""
    import torchao.quantization.pt2e.quantizer.x86_inductor_quantizer as xiq
    from torchao.quantization.pt2e import prepare_for_propagation_comparison
    from torchao.quantization.pt2e.quantize_pt2e import prepare_pt2e

    from quantgui.core.analysis import sampled_passes
    from quantgui.core.metrics import SqnrSum

    # prepare folds batch-norm into the convolutions; with a quantizer that annotates
    # nothing, the float graph's conv outputs then match the int8 graph's folded ones
    reference = prepare_pt2e(reference, xiq.X86InductorQuantizer())
    logged_reference = prepare_for_propagation_comparison(reference)
    logged_quantized = prepare_for_propagation_comparison(converted)
    reference_loggers = _keep_weighted_loggers(logged_reference)
    quantized_loggers = {logger.debug_info: logger
                         for logger in _keep_weighted_loggers(logged_quantized)}
    sums: dict[Any, SqnrSum] = {}

    def one_pass(chunk: torch.Tensor) -> tuple[int, int]:
        logged_reference(chunk)
        logged_quantized(chunk)
        values, held = _held([s for logger in reference_loggers for s in logger.stats])
        held += _held([s for logger in quantized_loggers.values() for s in logger.stats])[1]
        for logger in reference_loggers:
            actual = quantized_loggers.get(logger.debug_info)
            # a symbolic size node (a transformer's reshapes) logs an int: tensors only
            if (actual is not None and logger.stats and actual.stats
                    and isinstance(logger.stats[0], torch.Tensor)
                    and isinstance(actual.stats[0], torch.Tensor)):
                sums.setdefault(logger.debug_info, SqnrSum()).add(logger.stats[0],
                                                                   actual.stats[0])
        for logger in (*reference_loggers, *quantized_loggers.values()):
            logger.stats.clear()
        return values, held

    sampling = sampled_passes(inputs, batch_size, one_pass)
    errors: dict[str, float] = {}
    for logger in reference_loggers:
        summed = sums.get(logger.debug_info)
        if summed is not None:
            # in graph order: the last weighted op of a module is its output (a module may
            # hold several)
            errors[_normalise_path(_stack_name(logger.nn_module_stack))] = summed.db()
    return errors, sampling


LAYER_HOOKS = "forward hooks (eager torchao model)"


def _op_name(node: torch.fx.Node) -> str:
    """"conv2d" for aten.conv2d.default, as the layer records name ops."""
    target = str(node.target)
    return target.split(".")[-2] if "." in target else target
GRAPH_INTERPRETER = "graph interpreter (float and int8 graphs)"


def _weighted_outputs(graph: torch.fx.GraphModule, batch: torch.Tensor, names: set[str]
                      ) -> dict[str, torch.Tensor]:
    """The output of each module's last weighted op when ``graph`` runs ``batch``, by module
    name, read from the graph's own nodes (an exported graph has no submodules to hook)."""
    last: dict[str, torch.fx.Node] = {}
    for node in graph.graph.nodes:
        if node.op == "call_function" and _op_name(node) in _WEIGHTED_OPS:
            owner = _module_of(node, names)
            if owner is not None:
                last[owner] = node
    wanted = {node: owner for owner, node in last.items()}
    captured: dict[str, torch.Tensor] = {}

    class Recorder(torch.fx.Interpreter):
        def run_node(self, node: torch.fx.Node) -> Any:
            value = super().run_node(node)
            if node in wanted and isinstance(value, torch.Tensor):
                captured[wanted[node]] = value.detach().float()
            return value

    Recorder(graph).run(batch)
    return captured


def _graph_errors(reference: torch.fx.GraphModule, converted: torch.fx.GraphModule,
                  inputs: torch.Tensor, original: nn.Module, batch_size: int | None = None
                  ) -> tuple[dict[str, float], ErrorSampling]:
    """SQNR of each module's output in the int8 graph (errors accumulated from the input)
    against the float graph, matched by module name; for QAT, whose training-mode capture has
    no debug handles in common with the float one. Batch-norm is folded into the float graph
    first, as convert folds it into the int8 one. In chunks, on as many samples as
    ``analysis.sampled_passes`` allows (bounded memory)."""
    import torchao.quantization.pt2e.quantizer.x86_inductor_quantizer as xiq
    from torchao.quantization.pt2e.quantize_pt2e import prepare_pt2e

    from quantgui.core.analysis import sampled_passes
    from quantgui.core.metrics import SqnrSum

    names = _leaf_names(original) | {
        name for name, module in original.named_modules()
        if any(True for _ in module.parameters(recurse=False))}
    folded = prepare_pt2e(reference, xiq.X86InductorQuantizer())
    sums: dict[str, SqnrSum] = {}

    def one_pass(chunk: torch.Tensor) -> tuple[int, int]:
        float_outputs = _weighted_outputs(folded, chunk, names)
        int8_outputs = _weighted_outputs(converted, chunk, names)
        for name, out in int8_outputs.items():
            if name in float_outputs:
                sums.setdefault(name, SqnrSum()).add(float_outputs[name], out)
        values, held = _held(list(float_outputs.values()))
        return values, held + _held(list(int8_outputs.values()))[1]

    sampling = sampled_passes(inputs, batch_size, one_pass)
    # a module whose outputs never matched in shape has an empty sum: no figure
    return {name: s.db() for name, s in sums.items() if s.signal or s.noise}, sampling


def _hooked_errors(original: nn.Module, quantized: nn.Module, inputs: torch.Tensor,
                   records: list[LayerRecord], batch_size: int | None = None
                   ) -> ErrorSampling:
    """Weight and accumulated output SQNR of each int8 layer of a ``quantize_``d module (it
    keeps the module tree): forward hooks on both models, weights dequantized from torchao's
    tensors. In chunks, on as many samples as ``analysis.sampled_passes`` allows."""
    from quantgui.core.analysis import sampled_passes
    from quantgui.core.metrics import SqnrSum, sqnr_db

    wanted = [r.name for r in records if r.quantized and r.name]
    outputs: dict[str, dict[str, torch.Tensor]] = {"float": {}, "int8": {}}
    sums: dict[str, SqnrSum] = {}
    handles = []
    for label, model in (("float", original), ("int8", quantized)):
        for name in wanted:
            def hook(_module: nn.Module, _inputs: Any, output: Any, name: str = name,
                     label: str = label) -> None:
                if isinstance(output, torch.Tensor):
                    outputs[label][name] = output.detach().float()
            handles.append(model.get_submodule(name).register_forward_hook(hook))

    def one_pass(chunk: torch.Tensor) -> tuple[int, int]:
        with torch.inference_mode():
            original(chunk)
            quantized(chunk)
        for name, out in outputs["int8"].items():
            if name in outputs["float"]:
                sums.setdefault(name, SqnrSum()).add(outputs["float"][name], out)
        values, held = _held(list(outputs["float"].values()))
        held += _held(list(outputs["int8"].values()))[1]
        outputs["float"].clear()
        outputs["int8"].clear()
        return values, held

    try:
        sampling = sampled_passes(inputs, batch_size, one_pass)
    finally:
        for handle in handles:
            handle.remove()
    for record in records:
        if record.name not in wanted:
            continue
        weight = getattr(quantized.get_submodule(record.name), "weight", None)
        float_weight = getattr(original.get_submodule(record.name), "weight", None)
        if hasattr(weight, "dequantize") and isinstance(float_weight, torch.Tensor):
            record.weight_sqnr_db = sqnr_db(float_weight.detach(), weight.dequantize())
        summed = sums.get(record.name)
        if summed is not None and (summed.signal or summed.noise):
            record.accumulated_sqnr_db = summed.db()
        record.error_source = LAYER_HOOKS
    return sampling


def _quantizer(recipe: Recipe, qat: bool) -> Any:
    """An X86InductorQuantizer set up from the recipe."""
    import dataclasses

    import torchao.quantization.pt2e as pt2e
    import torchao.quantization.pt2e.quantizer.x86_inductor_quantizer as xiq

    class Quantizer(xiq.X86InductorQuantizer):
        def annotate(self, model: torch.fx.GraphModule) -> torch.fx.GraphModule:
            # A module set to None (keep float) keeps an empty annotation, which makes
            # prepare_qat_pt2e's conv-bn fusion fail with an IndexError (torchao 0.18): an
            # empty annotation means "not quantized", as does none.
            model = super().annotate(model)
            for node in model.graph.nodes:
                annotation = node.meta.get("quantization_annotation")
                if (annotation is not None and not annotation.input_qspec_map
                        and annotation.output_qspec is None):
                    del node.meta["quantization_annotation"]
            return model

    reduce_range = bool(getattr(recipe, "effective_reduce_range", False))
    config = xiq.get_default_x86_inductor_quantization_config(is_qat=qat,
                                                              reduce_range=reduce_range)
    if isinstance(recipe, StaticRecipe):
        observer = {"minmax": pt2e.MinMaxObserver,
                    "moving_average_minmax": pt2e.MovingAverageMinMaxObserver,
                    "histogram": pt2e.HistogramObserver}[recipe.observer]
        activation = dataclasses.replace(
            config.input_activation,
            observer_or_fake_quant_ctr=observer.with_args(eps=2**-12))
        weight = config.weight
        if not recipe.per_channel:
            weight = dataclasses.replace(
                weight, qscheme=torch.per_tensor_symmetric, ch_axis=None,
                observer_or_fake_quant_ctr=pt2e.MinMaxObserver.with_args(eps=2**-12))
        config = dataclasses.replace(config, input_activation=activation,
                                     output_activation=activation, weight=weight)
    quantizer = Quantizer()
    quantizer.set_global(config)
    for name in recipe.keep_float:
        quantizer.set_module_name_qconfig(name, None)
    return quantizer


class Pt2eEngine(Engine):
    name = "pt2e"
    title = "PyTorch compiled (PT2E + inductor)"
    description = ("torchao PT2E quantization, compiled by torch.compile (inductor, freezing) "
                   "into oneDNN int8 kernels: where PyTorch users deploy. Compilation takes "
                   "seconds and is reported apart from latency.")
    techniques = ("dynamic", "static", "qat")
    save_formats = ("pt2",)

    def unavailable_reason(self) -> str | None:
        return _unavailable()

    def build(self, loaded: LoadedModel, recipe: Recipe, cancel: CancelToken,
              cache: dict | None = None) -> EventStream[EngineBuild]:
        reason = _unavailable()
        if reason is not None:
            raise RecipeError(f"The {self.title} engine is not available: {reason}")
        tied = tied_layers(loaded.model, recipe.keep_float)  # kept float, the weight shared
        yield from tied_log(tied)
        recipe = with_tied_float(recipe, tied)
        threads = torch.get_num_threads()
        # inductor's C++ kernels are generated for the thread count at compile time
        torch.set_num_threads(recipe.threads)
        try:
            with _quiet():
                import torchao.quantization.pt2e  # noqa: F401 - registers the q/dq ops
            if isinstance(recipe, DynamicRecipe):
                built = yield from self._dynamic(loaded, recipe, cancel)
            elif isinstance(recipe, QatRecipe):
                built = yield from self._qat(loaded, recipe, cancel)
            elif isinstance(recipe, StaticRecipe):
                built = yield from self._static(loaded, recipe, cancel)
            else:
                raise RecipeError(f"The {self.title} engine does not implement "
                                  f"{recipe.method} quantization.",
                                  f"Choose one of: {', '.join(self.techniques)}.")
        finally:
            torch.set_num_threads(threads)
        return note_tied(built, tied)

    # --- shared steps ---------------------------------------------------------------------
    def _float_reference(self, program: torch.export.ExportedProgram, batch: torch.Tensor,
                         seconds: dict[str, float]) -> tuple[FixedBatch, int]:
        with _quiet():
            reference, seconds["compile_float"] = _compile(program.module(), batch)
        return reference, len(_program_bytes(program))

    def _export_eval(self, model: nn.Module, example: torch.Tensor, seconds: dict[str, float],
                     strict: bool = False) -> torch.export.ExportedProgram:
        started = time.perf_counter()
        with _quiet():
            program = _export(model.eval(), example, strict)
        seconds["export"] = seconds.get("export", 0.0) + time.perf_counter() - started
        return program

    def _finish(self, loaded: LoadedModel, recipe: Recipe, converted: nn.Module,
                program: torch.export.ExportedProgram, batch: torch.Tensor,
                example: torch.Tensor, seconds: dict[str, float], strict: bool,
                layers: list[LayerRecord], extra: dict[str, Any]
                ) -> EventStream[EngineBuild]:
        """Compile the quantized model and its float32 reference, measure their .pt2 sizes."""
        yield Progress("compiling", 0, 2)
        with _quiet():
            quantized, seconds["compile"] = _compile(converted, batch)
        yield Progress("compiling", 1, 2)
        reference, reference_size = self._float_reference(program, batch, seconds)
        yield Progress("compiling", 2, 2)
        with _quiet():
            artifact = _export(converted, example, strict)
        size = len(_program_bytes(artifact))
        dynamic = _batch_is_dynamic(artifact)
        notes = {name: texts.NOTE_KEPT for name in recipe.keep_float}
        if strict:
            yield LogMessage(texts.LOG_PT2E_STRICT)
        yield LogMessage(
            (texts.LOG_PT2E_COMPILED_ANY if dynamic else texts.LOG_PT2E_COMPILED_FIXED).format(
                compile=seconds["compile"], compile_float=seconds["compile_float"],
                batch=batch.shape[0], fixed=example.shape[0]))
        extra = {"compiled_batch_size": int(batch.shape[0]), "dynamic_batch": dynamic,
                 "export_strict": strict, "threads": recipe.threads, **extra}
        return EngineBuild(quantized=quantized, size_bytes=size, reference=reference,
                           reference_size_bytes=reference_size, prepare_seconds=seconds,
                           notes=notes, layers=layers, artifact=artifact, extra=extra)

    @staticmethod
    def _examples(loaded: LoadedModel, recipe: Recipe) -> tuple[torch.Tensor, torch.Tensor]:
        """The latency batch (compiled for) and an export example of at least 2 samples, so
        that export does not specialise the batch dimension to 1."""
        data = loaded.data
        return data.example_batch(recipe.batch_size), data.example_batch(
            max(2, recipe.batch_size))

    def _prepare(self, work: nn.Module, example: torch.Tensor, recipe: Recipe, qat: bool,
                 seconds: dict[str, float]
                 ) -> tuple[torch.fx.GraphModule, bool, torch.export.ExportedProgram]:
        """Export and prepare; some convnets only prepare from a strict export ("Input
        partition has more than one output node"), so a failed prepare retries strict."""
        from torchao.quantization.pt2e.quantize_pt2e import prepare_pt2e, prepare_qat_pt2e

        prepare = prepare_qat_pt2e if qat else prepare_pt2e
        failure: BaseException | None = None
        for strict in (False, True):
            started = time.perf_counter()
            try:
                with _quiet():
                    program = _export(copy.deepcopy(work), example, strict)
            except ModelError:
                if failure is None:
                    raise
                break  # report why the non-strict capture could not be prepared
            finally:
                seconds["export"] = seconds.get("export", 0.0) + time.perf_counter() - started
            try:
                with _quiet(), _fast_conv_bn_patterns():
                    if not qat:  # marks each node, for the per-layer error after convert
                        _generate_debug_handles(program)
                    return prepare(program.module(), _quantizer(recipe, qat)), strict, program
            except Exception as error:  # noqa: BLE001 - retried strict, then reported
                failure = error
        assert failure is not None
        raise QuantGUIError(
            f"torchao could not prepare the exported model for quantization: "
            f"{_first_line(failure)}", EAGER_HINT) from failure

    # --- techniques ------------------------------------------------------------------------
    def _static(self, loaded: LoadedModel, recipe: StaticRecipe, cancel: CancelToken
                ) -> EventStream[EngineBuild]:
        from torchao.quantization.pt2e.quantize_pt2e import convert_pt2e

        cancel.raise_if_cancelled()
        seconds: dict[str, float] = {}
        batch, example = self._examples(loaded, recipe)
        batches = list(loaded.data.train_batches(recipe.batch_size))[:recipe.calibration_batches]
        yield Progress("preparing", 0, len(batches))
        work = copy.deepcopy(loaded.model).cpu().eval()
        prepared, strict, program = self._prepare(work, example, recipe, False, seconds)
        started = time.perf_counter()
        with torch.no_grad(), _quiet(), _stage("Calibration failed", EAGER_HINT):
            for index, calibration in enumerate(batches, start=1):
                cancel.raise_if_cancelled()
                prepared(calibration)
                yield Progress("calibrating", index, len(batches))
        seconds["calibrate"] = time.perf_counter() - started
        cancel.raise_if_cancelled()
        yield Progress("converting", 0, 1)
        started = time.perf_counter()
        with _quiet(), _stage("torchao could not convert the calibrated model", EAGER_HINT):
            converted = _drop_unused_state(convert_pt2e(prepared))
        seconds["convert"] = time.perf_counter() - started
        yield Progress("converting", 1, 1)
        layers = _graph_layer_records(loaded.model, converted, "static", recipe.keep_float)
        cancel.raise_if_cancelled()
        started = time.perf_counter()
        try:
            with _quiet(), torch.no_grad():
                errors, sampling = _propagated_errors(
                    program.module(), converted, loaded.data.val_inputs[:ERROR_SAMPLES],
                    recipe.batch_size)
        except Exception as error:  # noqa: BLE001 - the figures are extra; the build stands
            errors, sampling = {}, None
            yield LogMessage(texts.LOG_PT2E_DEBUGGER_FAILED.format(error=_first_line(error)))
        seconds["layer_errors"] = time.perf_counter() - started
        if sampling is not None and sampling.subsampled:
            yield LogMessage(sampling.describe())
        for record in layers:
            if record.name in errors:
                record.accumulated_sqnr_db = errors[record.name]
                record.error_source = NUMERIC_DEBUGGER
        # the float reference comes from the same capture as the quantized model
        return (yield from self._finish(loaded, recipe, converted, program, batch,
                                        example, seconds, strict, layers,
                                        {"quantizer": "X86InductorQuantizer",
                                         "error_sampling": sampling}))

    def _dynamic(self, loaded: LoadedModel, recipe: DynamicRecipe, cancel: CancelToken
                 ) -> EventStream[EngineBuild]:
        from torchao.quantization import Int8DynamicActivationInt8WeightConfig, quantize_

        if recipe.dtype != "int8":
            raise RecipeError(f"The {self.title} engine quantizes dynamically to int8 only.",
                              "Choose the int8 weight type, or the PyTorch eager engine.")
        cancel.raise_if_cancelled()
        seconds: dict[str, float] = {}
        batch, example = self._examples(loaded, recipe)
        yield Progress("converting", 0, 1)
        work = copy.deepcopy(loaded.model).cpu().eval()
        program = self._export_eval(copy.deepcopy(work), example, seconds)
        present = {type(module).__name__ for module in work.modules()}
        skipped = [t for t in recipe.layer_types if t != "Linear" and t in present]
        if skipped:
            yield LogMessage(texts.LOG_PT2E_DYNAMIC_LINEAR.format(
                engine=self.title, types=", ".join(skipped)), "warning")

        def chosen(module: nn.Module, name: str) -> bool:
            return ("Linear" in recipe.layer_types and isinstance(module, nn.Linear)
                    and not any(name == k or name.startswith(k + ".")
                                for k in recipe.keep_float))

        started = time.perf_counter()
        with _quiet(), _stage("torchao could not quantize the model", EAGER_HINT):
            quantize_(work, Int8DynamicActivationInt8WeightConfig(), filter_fn=chosen)
        seconds["convert"] = time.perf_counter() - started
        yield Progress("converting", 1, 1)
        layers = _module_layer_records(loaded.model, work, recipe.keep_float)
        cancel.raise_if_cancelled()
        started = time.perf_counter()
        try:
            with _quiet(), torch.no_grad(), evaluating(loaded.model):
                sampling = _hooked_errors(loaded.model, work,
                                          loaded.data.val_inputs[:ERROR_SAMPLES], layers,
                                          recipe.batch_size)
        except Exception as error:  # noqa: BLE001 - the figures are extra; the build stands
            sampling = None
            yield LogMessage(texts.LOG_LAYER_COMPARISON_FAILED.format(error=_first_line(error)))
        seconds["layer_errors"] = time.perf_counter() - started
        if sampling is not None and sampling.subsampled:
            yield LogMessage(sampling.describe())
        return (yield from self._finish(loaded, recipe, work, program, batch, example, seconds,
                                        False, layers, {"dynamic_path": DYNAMIC_PATH,
                                                        "error_sampling": sampling}))

    def _qat(self, loaded: LoadedModel, recipe: QatRecipe, cancel: CancelToken
             ) -> EventStream[EngineBuild]:
        import torchao.quantization.pt2e as pt2e
        from torchao.quantization.pt2e import export_utils
        from torchao.quantization.pt2e.quantize_pt2e import convert_pt2e

        cancel.raise_if_cancelled()
        data = loaded.data
        kind = training.loss_kind(recipe, data)
        device = torch.device(recipe.device)
        if device.type == "cuda" and not torch.cuda.is_available():
            raise RecipeError("QAT on cuda was chosen, but this machine has no usable CUDA GPU.",
                              "Choose the cpu device.")
        seconds: dict[str, float] = {}
        batch, example = self._examples(loaded, recipe)
        yield Progress("preparing", 0, 1)
        original = copy.deepcopy(loaded.model).cpu().eval()
        teacher = training.Teacher.of(original, data, recipe.batch_size) \
            if kind == "distillation" else None
        reference_program = self._export_eval(original, example, seconds)
        # QAT captures the model in training mode: batch-norm and dropout as they train
        work = copy.deepcopy(loaded.model).cpu().train()
        prepared, strict, _ = self._prepare(work, example, recipe, True, seconds)
        prepared.to(device)
        pt2e.move_exported_model_to_train(prepared)
        yield Progress("preparing", 1, 1)
        if device.type == "cuda":
            yield LogMessage(texts.LOG_TRAINING_ON.format(
                device=torch.cuda.get_device_name(device)))
        # torchao has no public freeze_bn_stats for exported graphs: its private rewrite puts
        # batch-norm alone in eval mode (the next move to train undoes it, as at epoch start)
        replace_bn = getattr(export_utils, "_replace_batchnorm", None)
        hooks = training.TrainingHooks(
            train=pt2e.move_exported_model_to_train, eval=pt2e.move_exported_model_to_eval,
            enable_observers=lambda m: m.apply(pt2e.enable_observer),
            disable_observers=lambda m: m.apply(pt2e.disable_observer),
            freeze_bn=None if replace_bn is None else
            lambda m: replace_bn(m, train_to_eval=True))
        if recipe.freeze_bn_epoch is not None and replace_bn is None:
            yield LogMessage(texts.LOG_PT2E_NO_FREEZE_BN, "warning")
        parameters = [p for p in prepared.parameters() if p.requires_grad]
        optimizer = training.make_optimizer(parameters, recipe)
        started = time.perf_counter()
        with _quiet(), _stage("QAT training failed", EAGER_HINT):
            history = yield from training.fine_tune(prepared, data, recipe, cancel, device,
                                                    kind, teacher, hooks, optimizer)
        seconds["train"] = time.perf_counter() - started
        cancel.raise_if_cancelled()
        yield Progress("converting", 0, 1)
        started = time.perf_counter()
        # convert on CUDA fails (Unsupported qscheme: per_channel_affine): move to the CPU first
        prepared = prepared.cpu()
        pt2e.move_exported_model_to_eval(prepared)
        with _quiet(), _fast_conv_bn_patterns(), \
                _stage("torchao could not convert the trained model", EAGER_HINT):
            converted = _drop_unused_state(convert_pt2e(prepared))
            pt2e.move_exported_model_to_eval(converted)
        seconds["convert"] = time.perf_counter() - started
        yield Progress("converting", 1, 1)
        layers = _graph_layer_records(loaded.model, converted, "qat", recipe.keep_float)
        started = time.perf_counter()
        try:
            with _quiet(), torch.no_grad():
                errors, sampling = _graph_errors(reference_program.module(), converted,
                                                 data.val_inputs[:ERROR_SAMPLES], loaded.model,
                                                 recipe.batch_size)
        except Exception as error:  # noqa: BLE001 - the figures are extra; the build stands
            errors, sampling = {}, None
            yield LogMessage(texts.LOG_LAYER_COMPARISON_FAILED.format(error=_first_line(error)))
        seconds["layer_errors"] = time.perf_counter() - started
        if sampling is not None and sampling.subsampled:
            yield LogMessage(sampling.describe())
        for record in layers:
            # int8 layers only: a layer kept float keeps its batch-norm apart in the QAT
            # graph, while the float graph's is folded, so their outputs differ by design
            if record.quantized and record.name in errors:
                record.accumulated_sqnr_db = errors[record.name]
                record.error_source = GRAPH_INTERPRETER
        built = yield from self._finish(loaded, recipe, converted, reference_program, batch,
                                        example, seconds, strict, layers,
                                        {"quantizer": "X86InductorQuantizer (QAT)",
                                         "error_sampling": sampling})
        built.training = history
        return built

    # --- saving ----------------------------------------------------------------------------
    def save_bytes(self, build: EngineBuild, format: str) -> bytes:
        if format != "pt2":
            raise RecipeError(f"The {self.title} engine saves .pt2 programs, not '{format}'.",
                              "Choose the pt2 format.")
        if not isinstance(build.artifact, torch.export.ExportedProgram):
            raise QuantGUIError("This result has no exported program to save.",
                                "Run the quantization again with this engine.")
        return _program_bytes(build.artifact)

    def load_saved(self, path: Path, format: str, *, build: EngineBuild | None = None
                   ) -> nn.Module:
        """Only for files QuantGUI wrote: ``torch.export.load`` unpickles parts of the archive
        and is not safe on files from elsewhere (torch 2.13)."""
        if format != "pt2":
            raise RecipeError(f"The {self.title} engine loads .pt2 programs, not '{format}'.")
        with _quiet():
            import torchao.quantization  # noqa: F401 - registers the ops the program calls
            import torchao.quantization.pt2e  # noqa: F401

            with _stage(f"torch.export.load could not read {path}",
                        "Save the model again; the file may be incomplete or from another "
                        "torch version."):
                program = torch.export.load(path)
        module = program.module()
        if _batch_is_dynamic(program):
            return module
        inputs = [n for n in program.graph.nodes if n.op == "placeholder"
                  and n.name in program.graph_signature.user_inputs]
        return FixedBatch(module, int(inputs[0].meta["val"].shape[0]))


    # --- the standalone script ---------------------------------------------------------------
    def script_section(self, technique: Technique, recipe: Recipe, model: nn.Module
                       ) -> ScriptSection:
        """The same steps as ``build``: export, the same quantizer or config, calibration or
        the QAT loop of ``training.fine_tune``, convert, compile with freezing for the recipe's
        batch size; ``--save`` writes the .pt2 program, as the engine saves it."""
        from quantgui.core.engines.base import SCRIPT_EXAMPLE_BATCH, script_source

        if isinstance(recipe, DynamicRecipe):
            if recipe.dtype != "int8":
                raise RecipeError(f"The {self.title} engine quantizes dynamically to int8 only.",
                                  "Choose the int8 weight type, or the PyTorch eager engine.")
            imports, quantize = _SCRIPT_DYNAMIC_IMPORTS, _script_dynamic(recipe)
        elif isinstance(recipe, (StaticRecipe, QatRecipe)):
            imports = _SCRIPT_PT2E_IMPORTS + (
                "from torchao.quantization.pt2e.export_utils import _replace_batchnorm\n"
                if isinstance(recipe, QatRecipe) and recipe.freeze_bn_epoch is not None else "")
            if isinstance(recipe, QatRecipe):  # runs under torchrun too (techniques.qat)
                imports += DISTRIBUTED_IMPORTS
            quantize = (_script_quantizer(recipe) + _SCRIPT_PREPARE
                        + script_source(_drop_unused_state) + "\n\n"
                        + (_script_qat(recipe) if isinstance(recipe, QatRecipe)
                           else _script_static(recipe)))
        else:
            raise RecipeError(f"The {self.title} engine does not implement {recipe.method} "
                              "quantization.", f"Choose one of: {', '.join(self.techniques)}.")
        try:
            version = importlib.metadata.version("torchao")
        except importlib.metadata.PackageNotFoundError:
            version = "0.18.0"
        code = "\n\n".join([SCRIPT_EXAMPLE_BATCH.rstrip(), _SCRIPT_EXPORT.rstrip(),
                            script_source(FixedBatch, _tree_map,
                                          _no_sum_into_graph_inputs).rstrip(),
                            _SCRIPT_LOWER.rstrip(), quantize.rstrip(), _SCRIPT_SAVE])
        return ScriptSection(
            imports=imports, code=code, saves_as=".pt2 program, torch.export.save",
            save_example="quantized.pt2",
            needs=(f"Needs torch and torchao {version} (pip install 'torchao~=0.18.0'; its APIs "
                   "change between minor releases), a C++ compiler for torch.compile's inductor "
                   "(g++), and numpy."),
            settings=(
                "# torch.export, torchao and inductor warn about deprecations on every call\n"
                'warnings.filterwarnings("ignore")\n\n'
                f"EXPORT_BATCH = {max(2, recipe.batch_size)}  # export sees 2+ samples, so "
                "the batch dimension stays dynamic\n"))


# --- the script's code (see Pt2eEngine.script_section) ------------------------------------------

_SCRIPT_PT2E_IMPORTS = '''import dataclasses
import logging

# torchao logs a warning per CUDA-only extension it cannot load on a CPU machine
logging.getLogger("torchao").setLevel(logging.ERROR)
import torch._inductor.config as inductor_config
import torchao.quantization.pt2e as pt2e
import torchao.quantization.pt2e.quantizer.x86_inductor_quantizer as xiq
from torchao.quantization.pt2e.quantize_pt2e import convert_pt2e, prepare_pt2e, prepare_qat_pt2e
'''

_SCRIPT_DYNAMIC_IMPORTS = '''import logging

# torchao logs a warning per CUDA-only extension it cannot load on a CPU machine
logging.getLogger("torchao").setLevel(logging.ERROR)
import torch._inductor.config as inductor_config
import torchao.quantization.pt2e  # registers the quantize/dequantize ops
from torchao.quantization import Int8DynamicActivationInt8WeightConfig, quantize_
'''

_SCRIPT_EXPORT = '''def export(model: nn.Module, example: torch.Tensor, strict: bool
           ) -> torch.export.ExportedProgram:
    """torch.export: the model as an ATen graph, with the batch dimension dynamic where the
    model allows it (Dim.AUTO keeps it fixed, without failing, where the model fixes it)."""
    return torch.export.export(model, (example,),
                               dynamic_shapes=({0: torch.export.Dim.AUTO},), strict=strict)
'''

_SCRIPT_LOWER = '''def lower(module: nn.Module, batch: torch.Tensor, strict: bool) -> FixedBatch:
    """torch.compile with inductor freezing: the weights become constants and the int8
    quantize/dequantize patterns are fused into oneDNN int8 kernels (without freezing there
    is no gain). Compiled once, for BATCH_SIZE samples; FixedBatch pads or splits the rest."""
    if isinstance(module, torch.fx.GraphModule):
        # an exported module checks every call's inputs in Python hooks outside the compiled
        # code; the compiled model's own guards check the input instead
        for hooks in (module._forward_pre_hooks, module._forward_pre_hooks_with_kwargs,
                      module._forward_hooks, module._forward_hooks_always_called):
            hooks.clear()
    with inductor_config.patch(freezing=True):
        _no_sum_into_graph_inputs()  # the compiled model must not write into its input
        runner = FixedBatch(torch.compile(module, dynamic=False), batch.shape[0])
        runner(batch)  # compilation happens at the first call: inside the freezing patch
    runner.export_strict = strict  # how save_quantized captures the module again
    return runner
'''

_SCRIPT_PREPARE = '''

class Quantizer(xiq.X86InductorQuantizer):
    """X86InductorQuantizer, where a layer kept in float (an empty annotation) carries no
    annotation at all: prepare_qat_pt2e's conv-bn fusion fails on empty ones (torchao 0.18)."""

    def annotate(self, model: torch.fx.GraphModule) -> torch.fx.GraphModule:
        model = super().annotate(model)
        for node in model.graph.nodes:
            annotation = node.meta.get("quantization_annotation")
            if (annotation is not None and not annotation.input_qspec_map
                    and annotation.output_qspec is None):
                del node.meta["quantization_annotation"]
        return model


def prepare(model: nn.Module, example: torch.Tensor, qat: bool
            ) -> tuple[torch.fx.GraphModule, bool]:
    """Export, then insert observers (or fake quantization for QAT) where the quantizer
    annotated the graph. Some convnets prepare only from a strict (TorchDynamo) capture, so a
    failed prepare is retried strict. Returns the prepared graph and whether it was strict."""
    failure = None
    for strict in (False, True):
        try:
            program = export(copy.deepcopy(model), example, strict)
        except Exception:
            if failure is None:
                raise
            break  # the non-strict capture's prepare failure says more
        try:
            return (prepare_qat_pt2e if qat else prepare_pt2e)(program.module(),
                                                               quantizer(qat)), strict
        except Exception as error:  # retried strict, then reported
            failure = error
    raise failure


'''

_SCRIPT_SAVE = '''

def save_quantized(quantized: FixedBatch, path: str, data) -> None:
    """The quantized program as QuantGUI saves it: the converted module captured again with
    torch.export and written by torch.export.save (.pt2). Load it with torch.export.load after
    importing torchao.quantization, which registers the ops it calls."""
    module = quantized.compiled._orig_mod  # the module torch.compile wraps
    program = export(module, example_batch(data[2], EXPORT_BATCH), quantized.export_strict)
    program.example_inputs = None  # the batch it was captured with is not part of the model
    torch.export.save(program, path)
'''


def _script_quantizer(recipe: StaticRecipe | QatRecipe) -> str:
    """``quantizer(qat)``: the X86InductorQuantizer ``_quantizer`` builds for this recipe."""
    qat = isinstance(recipe, QatRecipe)
    lines = [f"    config = xiq.get_default_x86_inductor_quantization_config(\n"
             f"        is_qat=qat, reduce_range={bool(recipe.effective_reduce_range)})\n"]
    if isinstance(recipe, StaticRecipe):
        observer = {"minmax": "MinMaxObserver", "moving_average_minmax":
                    "MovingAverageMinMaxObserver", "histogram": "HistogramObserver"}[
                        recipe.observer]
        lines.append(
            "    # activations: the recipe's observer (a floor on the scale for flat inputs)\n"
            "    activation = dataclasses.replace(\n"
            "        config.input_activation,\n"
            f"        observer_or_fake_quant_ctr=pt2e.{observer}.with_args(eps=2**-12))\n")
        if recipe.per_channel:
            lines.append("    weight = config.weight  # per-channel symmetric int8\n")
        else:
            lines.append(
                "    weight = dataclasses.replace(  # one scale per weight tensor\n"
                "        config.weight, qscheme=torch.per_tensor_symmetric, ch_axis=None,\n"
                "        observer_or_fake_quant_ctr=pt2e.MinMaxObserver.with_args(eps=2**-12))\n")
        lines.append("    config = dataclasses.replace(config, input_activation=activation,\n"
                     "                                 output_activation=activation, "
                     "weight=weight)\n")
    what = ("fake quantization learned in training" if qat
            else "observers calibrated on data")
    return (f'''def quantizer(qat: bool) -> Quantizer:
    """torchao's X86InductorQuantizer: int8 patterns that inductor lowers to oneDNN kernels,
    with {what}; layers in KEEP_FLOAT are left out."""
''' + "".join(lines) + '''    chosen = Quantizer()
    chosen.set_global(config)
    for name in KEEP_FLOAT:
        chosen.set_module_name_qconfig(name, None)
    return chosen
''')


def _script_static(recipe: StaticRecipe) -> str:
    return f'''CALIBRATION_BATCHES = {recipe.calibration_batches}


def quantize(model: nn.Module, data) -> FixedBatch:
    """PT2E static quantization: export, insert observers, run calibration batches so they
    learn activation ranges, convert to int8 quantize/dequantize patterns, compile."""
    train_inputs, val_inputs = data[0], data[2]
    batches = [train_inputs[i:i + BATCH_SIZE]
               for i in range(0, len(train_inputs), BATCH_SIZE)][:CALIBRATION_BATCHES]
    prepared, strict = prepare(copy.deepcopy(model).eval(),
                               example_batch(val_inputs, EXPORT_BATCH), qat=False)
    with torch.no_grad():
        for batch in batches:  # calibration: the observers record ranges
            prepared(batch)
    converted = _drop_unused_state(convert_pt2e(prepared))
    return lower(converted, example_batch(val_inputs, BATCH_SIZE), strict)
'''


def _script_dynamic(recipe: DynamicRecipe) -> str:
    linear = "Linear" in recipe.layer_types
    return f'''def quantize(model: nn.Module, data) -> FixedBatch:
    """Dynamic int8 with torchao's quantize_: Linear weights become int8 tensors, activations
    are quantized per row at each call (so samples stay independent of their batch); then the
    model is compiled. Other layer types stay float32 on this engine."""
    work = copy.deepcopy(model).eval()

    def chosen(module: nn.Module, name: str) -> bool:
        return ({linear} and isinstance(module, nn.Linear)
                and not any(name == k or name.startswith(k + ".") for k in KEEP_FLOAT))

    quantize_(work, Int8DynamicActivationInt8WeightConfig(), filter_fn=chosen)
    return lower(work, example_batch(data[2], BATCH_SIZE), strict=False)
'''


def _script_qat(recipe: QatRecipe) -> str:
    """The loop of ``training.fine_tune`` with the PT2E hooks the engine gives it."""
    optimizer = ("torch.optim.Adam(parameters, lr=LEARNING_RATE)" if recipe.optimizer == "adam"
                 else "torch.optim.SGD(parameters, lr=LEARNING_RATE, momentum=0.9)")
    lr_line = ("LEARNING_RATE * 0.5 * (1 + math.cos(math.pi * step_index / total_steps))"
               if recipe.lr_schedule == "cosine" else "LEARNING_RATE")
    freeze = ""
    if recipe.freeze_observers_epoch is not None:
        freeze += (f"        if epoch > {recipe.freeze_observers_epoch}:  # ranges stop moving\n"
                   "            prepared.apply(pt2e.disable_observer)\n")
    if recipe.freeze_bn_epoch is not None:
        freeze += (f"        if epoch > {recipe.freeze_bn_epoch}:  # batch-norm in eval mode "
                   "(torchao has no public freeze_bn_stats for graphs)\n"
                   "            _replace_batchnorm(prepared, train_to_eval=True)\n")
    observers_back = ("        prepared.apply(pt2e.enable_observer)\n"
                      if recipe.freeze_observers_epoch is None else
                      f"        if epoch <= {recipe.freeze_observers_epoch}:\n"
                      "            prepared.apply(pt2e.enable_observer)\n")
    return f'''EPOCHS = {recipe.epochs}
LEARNING_RATE = {recipe.learning_rate!r}
SEED = {recipe.seed}
LOSS = {recipe.loss!r}  # auto: cross-entropy with labels, else distillation from the float model
DEVICE = torch.device({recipe.device!r})


''' + DISTRIBUTED_SETUP + f'''

def quantize(model: nn.Module, data) -> FixedBatch | None:
    """PT2E quantization-aware training: export the model in training mode, fine-tune it with
    fake quantization so the weights adapt to int8 rounding, convert to int8, compile. Under
    torchrun every process trains its share of each epoch; rank 0 returns the model (the
    others None)."""
    train_inputs, train_labels, val_inputs, val_labels = data
    count = len(train_inputs)
    rank, processes, device = setup_distributed()
    kind = LOSS if LOSS != "auto" else (
        "cross_entropy" if train_labels is not None and val_labels is not None
        else "distillation")
    teacher = None
    if kind == "distillation":  # the float model's outputs are the targets
        original = copy.deepcopy(model).eval()
        with torch.no_grad():
            teacher = [torch.cat([original(inputs[i:i + BATCH_SIZE]).float()
                                  for i in range(0, len(inputs), BATCH_SIZE)])
                       for inputs in (train_inputs, val_inputs)]

    def loss_of(outputs: torch.Tensor, idx: torch.Tensor, val: bool) -> torch.Tensor:
        if kind == "cross_entropy":
            return F.cross_entropy(outputs, (val_labels if val else train_labels)[idx].to(device))
        return F.mse_loss(outputs.float(), teacher[1 if val else 0][idx].to(device))

    # QAT captures the model in training mode: batch-norm and dropout as they train
    prepared, strict = prepare(copy.deepcopy(model).train(),
                               example_batch(val_inputs, EXPORT_BATCH), qat=True)
    prepared.to(device)
    pt2e.move_exported_model_to_train(prepared)
    # several processes: gradients are averaged across them at every step
    trained = prepared if processes == 1 else DistributedDataParallel(
        prepared, device_ids=[device.index] if device.type == "cuda" else None)
    parameters = [p for p in prepared.parameters() if p.requires_grad]
    optimizer = {optimizer}
    # several processes: each takes its share of a shuffle that all of them agree on
    sampler = None if processes == 1 else DistributedSampler(
        range(count), num_replicas=processes, rank=rank, shuffle=True, seed=SEED)
    steps_per_epoch = math.ceil((count if sampler is None else len(sampler)) / BATCH_SIZE)
    total_steps = steps_per_epoch * EPOCHS
    generator = torch.Generator().manual_seed(SEED)
    step_index = 0
    for epoch in range(1, EPOCHS + 1):
        pt2e.move_exported_model_to_train(prepared)
{freeze}        if sampler is None:
            order = torch.randperm(count, generator=generator)
        else:
            sampler.set_epoch(epoch)
            order = torch.tensor(list(sampler))
        for step in range(steps_per_epoch):
            for group in optimizer.param_groups:
                group["lr"] = {lr_line}
            idx = order[step * BATCH_SIZE:(step + 1) * BATCH_SIZE]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_of(trained(train_inputs[idx].to(device)), idx, val=False)
            loss.backward()
            optimizer.step()
            step_index += 1
        # validation must not teach the observers: they update even in eval mode
        prepared.apply(pt2e.disable_observer)
        pt2e.move_exported_model_to_eval(prepared)
        with torch.no_grad():
            val_loss = sum(loss_of(prepared(val_inputs[i:i + BATCH_SIZE].to(device)),
                                   torch.arange(i, min(i + BATCH_SIZE, len(val_inputs))),
                                   val=True).item() * len(val_inputs[i:i + BATCH_SIZE])
                           for i in range(0, len(val_inputs), BATCH_SIZE)) / len(val_inputs)
        pt2e.move_exported_model_to_train(prepared)
{observers_back}        if rank == 0:
            print(f"epoch {{epoch}}/{{EPOCHS}}: last loss {{loss.item():.4f}}, "
                  f"validation loss {{val_loss:.4f}}")
    if processes > 1:
        # all processes finish their last step, and DDP (which holds the group and its
        # gloo threads) goes, before the group is destroyed: otherwise a process that
        # leaves first can abort the other at exit
        dist.barrier()
        del trained
        dist.destroy_process_group()
        if rank != 0:
            return None  # rank 0 converts, compiles, reports and saves
    # int8 kernels run on the CPU, and convert on CUDA fails: move to the CPU first
    prepared = prepared.cpu()
    pt2e.move_exported_model_to_eval(prepared)
    # on a convnet this takes tens of seconds: torchao exports its conv-bn folding patterns
    # for every kind of convolution (QuantGUI skips the kinds the graph lacks and keeps them)
    converted = _drop_unused_state(convert_pt2e(prepared))
    pt2e.move_exported_model_to_eval(converted)
    return lower(converted, example_batch(val_inputs, BATCH_SIZE), strict)
'''
