"""ONNX Runtime: the model exported to ONNX, quantized by ``onnxruntime.quantization``, run in
an ``InferenceSession``.

Export uses the TorchScript-based exporter (``dynamo=False``): it is 10-100x faster than the
``torch.export`` one on the demos, names every node after its module (``/fc1/Gemm``), and writes
an LSTM as one ONNX ``LSTM`` node that ``quantize_dynamic`` turns into ``DynamicQuantizeLSTM``.
Where it fails, the ``torch.export`` exporter is tried, and its nodes are renamed the same way
from the module scopes it records. ``onnxruntime`` and ``onnx`` are imported inside functions
only, so the engine registry stays cheap to load.
"""

from __future__ import annotations

import ast
import copy
import importlib.util
import io
import itertools
import math
import queue
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Container, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import torch
from torch import nn

from quantgui.core import metrics, texts
from quantgui.core.engines.base import Engine, EngineBuild, ScriptSection
from quantgui.core.errors import Cancelled, ModelError, QuantGUIError, RecipeError
from quantgui.core.events import CancelToken, EventStream, LogMessage, Progress
from quantgui.core.layers import LayerRecord, leaf_modules, type_name
from quantgui.core.methods.tied import tied_layers

if TYPE_CHECKING:
    from quantgui.core.analysis import ErrorSampling
    from quantgui.core.demos import LoadedModel
    from quantgui.core.recipes import Recipe
    from quantgui.core.techniques import Technique

INPUT_NAME = "input"
OUTPUT_NAME = "output"
OPSET = 17  # LayerNormalization is a single node from 17; ORT's quantizers handle it well
EXPORT_BATCH = 2  # a batch of 1 lets the tracer fold the batch size into reshapes

# recipe observer -> ORT calibration method and extra options. Histogram: Percentile measured
# 38.1 dB on the digits CNN against 37.8 dB for Entropy and MinMax (equal on the other demos).
CALIBRATION: dict[str, tuple[str, dict[str, Any]]] = {
    "minmax": ("MinMax", {}),
    "moving_average_minmax": ("MinMax", {"CalibMovingAverage": True,
                                         "CalibMovingAverageConstant": 0.01}),
    "histogram": ("Percentile", {}),
}
# recipe layer types -> ONNX ops quantize_dynamic should touch (GRU/RNN have no ORT kernel)
DYNAMIC_OPS = {"Linear": ("MatMul", "Gemm"), "LSTM": ("LSTM",)}
WEIGHT_OPS = {"Conv", "ConvTranspose", "Gemm", "MatMul", "LSTM", "GRU", "RNN"}
INT8_OPS = {  # ops that compute in int8, before and after ORT's graph optimizations
    "QLinearConv", "QGemm", "QLinearMatMul", "MatMulInteger", "ConvInteger",
    "DynamicQuantizeMatMul", "DynamicQuantizeLSTM", "MatMulIntegerToFloat", "QAttention",
    "QLinearAdd", "QLinearMul", "QLinearGlobalAveragePool", "QLinearConvTranspose",
}
CACHE_KEY = "onnxruntime:float-onnx"  # in the caller's what-if cache: (bytes, exporter, skipped)
# validation samples offered to the per-layer error; it measures fewer where the activations
# are large (``layer_errors``)
ERROR_SAMPLES = 32
ERROR_SOURCE = "onnxruntime qdq_loss_debug"


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return f"{type(error).__name__}: {text.splitlines()[0] if text else ''}"[:300]


# --- sessions as modules ------------------------------------------------------------------

def as_feed(x: torch.Tensor) -> np.ndarray:
    """A batch as ONNX Runtime takes it: float32, or the integers (token ids) it holds (the
    exported graph's input has the example's dtype)."""
    array = x.detach().cpu().numpy()
    return np.ascontiguousarray(array, dtype=np.float32 if x.is_floating_point() else None)


def _session(model_bytes: bytes, threads: int, optimized_path: Path | None = None) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # idle pool threads sleep instead of spinning: on a shared CPU spinning workers of every open
    # session steal the cores from the GUI and from the model being timed beside them
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3  # errors only: no warning about saving the optimized graph
    if optimized_path is not None:
        options.optimized_model_filepath = str(optimized_path)
    # WeightBiasQuantization quantizes float weights that sit between a DequantizeLinear and a
    # QuantizeLinear at load time: it would run a layer kept in float (keep_float) in int8
    return ort.InferenceSession(model_bytes, options, providers=["CPUExecutionProvider"],
                                disabled_optimizers=["WeightBiasQuantization"])


class OrtSessionModule(nn.Module):
    """An ONNX Runtime session behind ``nn.Module``: a float batch of any size in, a float
    tensor out, so the pipeline's predict and latency code call it like any model. Copying or
    pickling it rebuilds the session from the model bytes."""

    def __init__(self, model_bytes: bytes, threads: int, label: str = "ONNX",
                 optimized_path: Path | None = None) -> None:
        super().__init__()
        self.model_bytes = model_bytes
        self.threads = threads
        self.label = label
        self.session = _session(model_bytes, threads, optimized_path)
        self.input_name = self.session.get_inputs()[0].name

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.from_numpy(self.session.run(None, {self.input_name: as_feed(x)})[0])

    def extra_repr(self) -> str:
        return f"{self.label}, {len(self.model_bytes)} bytes, {self.threads} threads"

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state.pop("session", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.session = _session(self.model_bytes, self.threads)

    def __deepcopy__(self, memo: dict[int, Any]) -> OrtSessionModule:
        clone = OrtSessionModule.__new__(OrtSessionModule)
        clone.__setstate__(copy.deepcopy(self.__getstate__(), memo))
        return clone


# --- export and module names ------------------------------------------------------------

def _unqualified(name: str) -> str:
    """The TorchScript exporter's scope atom: the last non-numeric atom onwards
    ("block1.0" stays "block1.0", "encoder.0.attention" becomes "attention")."""
    atoms = name.split(".")
    for index in range(len(atoms) - 1, -1, -1):
        if not atoms[index].isnumeric():
            return ".".join(atoms[index:])
    return name


class ModuleScopes:
    """Which module an ONNX node came from, from its name. The TorchScript exporter names a
    node after the chain of modules *called* around it, each by its last non-numeric atom
    ("/encoder/encoder.0/attention/key/MatMul"); containers that are only iterated (a
    ModuleList) leave no atom, so each atom is looked up among the descendants of the module
    found so far."""

    def __init__(self, model: nn.Module) -> None:
        self.names = [name for name, _ in model.named_modules() if name]
        self._found: dict[str, str | None] = {}

    def module(self, node_name: str) -> str | None:
        """The module's name ("" for the root), or None for a node without a scope."""
        if not node_name.startswith("/"):
            return None
        prefix = node_name.rsplit("/", 1)[0]
        if prefix not in self._found:
            self._found[prefix] = self._resolve(prefix)
        return self._found[prefix]

    def _resolve(self, prefix: str) -> str:
        current = ""
        for atom in prefix.split("/")[1:]:
            base = f"{current}." if current else ""
            found = [n for n in self.names if n.startswith(base) and _unqualified(n) == atom]
            if not found:
                break  # a scope this model does not have: the deepest module found owns it
            current = min(found, key=lambda n: n.count("."))
        return current

    def path(self, name: str) -> str:
        """The name prefix the TorchScript exporter would give ``name``'s nodes."""
        if not name:
            return ""
        parts = name.split(".")
        prefixes = [".".join(parts[:i]) for i in range(1, len(parts) + 1)]
        known = set(self.names)
        return "/" + "/".join(_unqualified(p) for p in prefixes if p in known)


def _rename_dynamo_nodes(proto: Any, model: nn.Module) -> None:
    """Name torch.export-based nodes like the TorchScript exporter does, from the module scope
    each records, so one mapping serves both exporters."""
    scopes = ModuleScopes(model)
    modules = dict(model.named_modules())
    order = list(modules)
    for index, node in enumerate(proto.graph.node):
        recorded = next((p.value for p in node.metadata_props
                         if p.key == "pkg.torch.onnx.name_scopes"), None)
        if recorded is None:
            continue
        try:
            names = [str(s) for s in ast.literal_eval(recorded)]
        except (ValueError, SyntaxError, TypeError):  # the node only loses its layer
            continue
        module = names[-2] if len(names) >= 2 else ""
        if node.op_type in ("Conv", "ConvTranspose") and isinstance(
                modules.get(module), nn.modules.batchnorm._BatchNorm):
            # the exporter folds BatchNorm into the Conv before it and keeps the BN's scope
            before = order[order.index(module) - 1]
            if isinstance(modules[before], nn.modules.conv._ConvNd):
                module = before
        if module in modules:
            node.name = f"{scopes.path(module)}/{node.op_type}_{index}"


def export_onnx(model: nn.Module, example: torch.Tensor) -> tuple[bytes, str]:
    """The float model as ONNX bytes with a dynamic batch axis, and the exporter used."""
    failures = []
    # MultiheadAttention's fast path (one fused op per encoder layer) has no ONNX function;
    # the regular path exports as MatMul/Softmax nodes that ORT quantizes
    fastpath = torch.backends.mha.get_fastpath_enabled()
    torch.backends.mha.set_fastpath_enabled(False)
    try:
        return _export_onnx(model, example, failures)
    finally:
        torch.backends.mha.set_fastpath_enabled(fastpath)


def _export_onnx(model: nn.Module, example: torch.Tensor, failures: list[str]
                 ) -> tuple[bytes, str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the TorchScript exporter's deprecation notice
        try:
            buffer = io.BytesIO()
            with torch.no_grad():
                torch.onnx.export(model, (example,), buffer, dynamo=False,
                                  input_names=[INPUT_NAME], output_names=[OUTPUT_NAME],
                                  dynamic_axes={INPUT_NAME: {0: "batch"},
                                                OUTPUT_NAME: {0: "batch"}},
                                  opset_version=OPSET, do_constant_folding=True)
            return buffer.getvalue(), "torch.onnx.export (TorchScript)"
        except Exception as error:  # noqa: BLE001 - the torch.export-based exporter is next
            failures.append(f"TorchScript exporter: {_first_line(error)}")
        try:
            with torch.no_grad():
                program = torch.onnx.export(
                    model, (example,), None, dynamo=True, verbose=False,
                    input_names=[INPUT_NAME], output_names=[OUTPUT_NAME],
                    dynamic_shapes=({0: torch.export.Dim("batch")},), opset_version=max(OPSET, 18))
            proto = program.model_proto
            _rename_dynamo_nodes(proto, model)
            return proto.SerializeToString(), "torch.onnx.export (dynamo)"
        except Exception as error:  # noqa: BLE001 - both failures are reported together
            failures.append(f"torch.export-based exporter: {_first_line(error)}")
    raise ModelError("torch.onnx.export could not export the model to ONNX ("
                     + "; ".join(failures) + ").",
                     "Try the PyTorch eager (torch_ao) engine, which needs no export.")


def _pre_process(float_path: Path, out_path: Path) -> str | None:
    """ORT's shape inference and basic graph optimizations before quantization; returns why it
    was skipped, or None."""
    from onnxruntime.quantization.shape_inference import quant_pre_process

    try:
        quant_pre_process(str(float_path), str(out_path))
        return None
    except Exception:  # noqa: BLE001 - retry without symbolic shape inference (sympy)
        pass
    try:
        quant_pre_process(str(float_path), str(out_path), skip_symbolic_shape=True)
        return None
    except Exception as error:  # noqa: BLE001 - quantization works on the raw export too
        return _first_line(error)


# --- calibration in a worker thread ----------------------------------------------------

def _reader(batches: Iterator[torch.Tensor], total: int, events: queue.Queue,
            acks: queue.Queue, cancel: CancelToken, stop: threading.Event) -> Any:
    """A CalibrationDataReader that reports each batch and waits for the event stream to pass
    it on, so a cancel made while handling the event stops calibration at the next batch."""
    from onnxruntime.quantization import CalibrationDataReader

    class Reader(CalibrationDataReader):
        def __init__(self) -> None:
            self.count = 0

        def get_next(self) -> dict[str, np.ndarray] | None:
            if stop.is_set():
                raise Cancelled("the event stream was closed")
            cancel.raise_if_cancelled()
            if self.count >= total:
                return None
            batch = next(batches, None)
            if batch is None:
                return None
            self.count += 1
            events.put(("progress", self.count))
            acks.get()
            if stop.is_set():
                raise Cancelled("the event stream was closed")
            cancel.raise_if_cancelled()
            return {INPUT_NAME: as_feed(batch)}

    return Reader()


class _QuietThread:
    """stdout that drops what one thread writes: ORT's calibrators print() their progress,
    which would land in the command line's JSON output."""

    def __init__(self, target: Any, ident: int) -> None:
        self._target, self._ident = target, ident

    def write(self, text: str) -> int:
        if threading.get_ident() == self._ident:
            return len(text)
        return self._target.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._target, name)


def _calibrate_and_quantize(work: Any, batches: Iterator[torch.Tensor], total: int,
                            cancel: CancelToken) -> EventStream[None]:
    """Run ``work(reader)`` (a blocking quantize_static call) in a thread, yielding
    Progress("calibrating") per batch the reader hands out."""
    events: queue.Queue = queue.Queue()
    acks: queue.Queue = queue.Queue()
    stop = threading.Event()
    reader = _reader(batches, total, events, acks, cancel, stop)

    def target() -> None:
        original = sys.stdout
        sys.stdout = _QuietThread(original, threading.get_ident())
        try:
            work(reader)
            events.put(("done", None))
        except BaseException as error:  # noqa: BLE001 - handed to the event stream
            events.put(("error", error))
        finally:
            if isinstance(sys.stdout, _QuietThread):
                sys.stdout = original

    thread = threading.Thread(target=target, name="quantgui-ort-calibration", daemon=True)
    thread.start()
    try:
        while True:
            kind, value = events.get()
            if kind == "progress":
                yield Progress("calibrating", value, total)
                acks.put(None)
            elif kind == "error":
                raise value
            else:
                return
    finally:
        stop.set()
        acks.put(None)  # release a reader waiting for the event to be consumed
        thread.join()


# --- what runs in int8 -----------------------------------------------------------------

def _graph_nodes_by_module(graph: Any, scopes: ModuleScopes) -> dict[str, list[Any]]:
    nodes: dict[str, list[Any]] = {}
    for node in graph.node:
        module = scopes.module(node.name)
        if module is not None:
            nodes.setdefault(module, []).append(node)
    return nodes


def _is_qdq_node(node: Any, producers: dict[str, Any], initializers: dict[str, Any]) -> bool:
    """Weight from a DequantizeLinear of an int8 initializer, activation through Q -> DQ."""
    if len(node.input) < 2:
        return False
    weight_dq, act_dq = producers.get(node.input[1]), producers.get(node.input[0])
    if weight_dq is None or act_dq is None or "DequantizeLinear" not in (
            weight_dq.op_type, act_dq.op_type) or weight_dq.op_type != act_dq.op_type:
        return False
    weight = initializers.get(weight_dq.input[0])
    activation_q = producers.get(act_dq.input[0])
    return (weight is not None and weight.data_type in (2, 3)  # UINT8, INT8
            and activation_q is not None and activation_q.op_type == "QuantizeLinear")


def layer_records(model: nn.Module, quantized_graph: Any, optimized_graph: Any | None,
                  technique: str, keep_float: tuple[str, ...]) -> list[LayerRecord]:
    """One record per leaf module with weights: is its ONNX node int8 in the quantized graph,
    and which op ONNX Runtime runs for it after its graph optimizations."""
    scopes = ModuleScopes(model)
    quantized_nodes = _graph_nodes_by_module(quantized_graph, scopes)
    optimized_nodes = (_graph_nodes_by_module(optimized_graph, scopes)
                       if optimized_graph is not None else {})
    producers = {out: node for node in quantized_graph.node for out in node.output}
    initializers = {init.name: init for init in quantized_graph.initializer}
    records = []
    previous: str | None = None
    for name, module in leaf_modules(model):
        if not any(True for _ in module.parameters(recurse=False)):
            continue
        nodes = quantized_nodes.get(name, [])
        ran = [n.op_type for n in optimized_nodes.get(name, [])]
        compute = [n for n in nodes if n.op_type in WEIGHT_OPS | INT8_OPS
                   or n.op_type == "DynamicQuantizeLSTM"]
        if not nodes:
            parent = name.rpartition(".")[0]
            if isinstance(module, nn.modules.batchnorm._BatchNorm) and previous:
                note = texts.NOTE_ORT_FOLDED_INTO.format(layer=previous)
            elif parent and quantized_nodes.get(parent):
                # e.g. MultiheadAttention's out_proj: the parent calls its weight functionally
                note = texts.NOTE_ORT_IN_PARENT.format(parent=parent)
            else:
                note = texts.NOTE_ORT_FOLDED_AWAY
            records.append(LayerRecord(name, type_name(module), None, False, note))
            continue
        previous = name
        kept = any(name == k or name.startswith(k + ".") for k in keep_float)
        if technique == "static":
            int8 = [n for n in compute if _is_qdq_node(n, producers, initializers)]
        else:
            int8 = [n for n in nodes if n.op_type in INT8_OPS]
        ran_int8 = [op for op in ran if op in INT8_OPS]
        if optimized_graph is not None and int8 and not ran_int8:
            ops = ", ".join(sorted({n.op_type for n in int8}))
            note = texts.NOTE_ORT_SIMULATED.format(ops=ops)
            records.append(LayerRecord(name, type_name(module), f"onnx::{ops}", False, note))
            continue
        op = (ran_int8 or [n.op_type for n in int8] or [n.op_type for n in compute]
              or [nodes[0].op_type])[0]
        if kept and ran_int8:
            note = texts.NOTE_ORT_ASKED_FLOAT.format(op=op)
            records.append(LayerRecord(name, type_name(module), f"onnx::{op}", True, note))
            continue
        if kept:
            note = texts.NOTE_KEPT
        elif int8 and technique == "static":
            note = texts.NOTE_ORT_STATIC_INT8.format(node=int8[0].op_type, op=op)
        elif int8:
            note = texts.NOTE_ORT_DYNAMIC_INT8.format(node=int8[0].op_type, op=op)
        elif technique == "dynamic":
            note = texts.NOTE_ORT_DYNAMIC_FLOAT.format(op=op)
        else:
            note = texts.NOTE_ORT_STATIC_FLOAT.format(op=op)
        records.append(LayerRecord(name, type_name(module), f"onnx::{op}", bool(int8), note))
    return records


def _note_tied_embeddings(records: list[LayerRecord], tied: dict[str, str]) -> None:
    """An embedding whose table dynamic made int8 with the head tied to it says so."""
    heads = {embedding: layer for layer, embedding in tied.items()}
    for record in records:
        if record.name in heads:
            record.quantized = True
            record.note = texts.NOTE_ORT_TIED.format(other=heads[record.name])


def _dequantized_weights(qdq_graph: Any) -> dict[str, np.ndarray]:
    """Each weighted node's weight (its second input) dequantized from the QDQ graph, by node
    name (quantize_static keeps the float graph's node names).

    Matched by node, not by tensor name as qdq_loss_debug.create_weight_matching does: the
    TorchScript exporter gives identical folded constants one initializer (the zero biases of
    batch-norms folded into convolutions), and quantize_static gives each node using a shared
    bias a copy of its own ("onnx::Conv_194" becomes "onnx::Conv_1940"), a name the float model
    lacks: create_weight_matching logged an error for every such copy of every convnet."""
    from onnx import numpy_helper

    initializers = {init.name: init for init in qdq_graph.initializer}
    producers = {out: node for node in qdq_graph.node for out in node.output}
    weights = {}
    for node in qdq_graph.node:
        if node.op_type not in WEIGHT_OPS or len(node.input) < 2:
            continue
        dequantize = producers.get(node.input[1])
        if (dequantize is None or dequantize.op_type != "DequantizeLinear"
                or any(name not in initializers for name in dequantize.input if name)
                or any(a.name == "block_size" and a.i for a in dequantize.attribute)):
            continue  # a float weight, or one this check does not dequantize (blocked)
        values, scale, *zero = (numpy_helper.to_array(initializers[name]).astype(np.float64)
                                for name in dequantize.input if name)
        zero_point = zero[0] if zero else np.zeros_like(scale)
        if scale.size > 1:  # per channel, along the node's axis (ONNX's default is 1)
            axis = next((a.i for a in dequantize.attribute if a.name == "axis"), 1)
            shape = [1] * values.ndim
            shape[axis] = -1
            scale, zero_point = scale.reshape(shape), zero_point.reshape(shape)
        weights[node.name] = (values - zero_point) * scale
    return weights


def layer_errors(model: nn.Module, float_path: Path, qdq_path: Path, records: list[LayerRecord],
                 inputs: torch.Tensor, directory: Path, batch_size: int | None = None
                 ) -> ErrorSampling:
    """Fill weight and accumulated SQNR with onnxruntime's qdq_loss_debug: weights dequantized
    from the QDQ graph against the float ones, each layer's output in the QDQ graph (float
    inputs at the model's input, errors accumulated) against the float graph's. The debug
    graphs output every intermediate tensor: the inputs pass in chunks whose signal and noise
    are summed (``analysis.sampled_passes``), so memory is bounded and large models are
    measured on fewer samples, as the sampling returned says."""
    import onnx
    import onnxruntime as ort
    from onnxruntime.quantization import qdq_loss_debug as debug

    from quantgui.core.analysis import sampled_passes

    float_graph = onnx.load(str(float_path)).graph
    by_module = _graph_nodes_by_module(float_graph, ModuleScopes(model))
    float_weights = {init.name: init for init in float_graph.initializer}
    float_nodes = {node.name: node for node in float_graph.node}
    weight_errors = {}
    for name, dequantized in _dequantized_weights(onnx.load(str(qdq_path)).graph).items():
        float_node = float_nodes.get(name)
        if float_node is None or float_node.input[1] not in float_weights:
            continue
        # one by one, at least 1-d: compute_weight_error fails on a 0-d value
        weight_errors[name] = debug.compute_signal_to_quantization_noice_ratio(
            np.atleast_1d(onnx.numpy_helper.to_array(float_weights[float_node.input[1]])),
            np.atleast_1d(dequantized))
    sessions = {}
    for label, path in (("float", float_path), ("qdq", qdq_path)):
        augmented = directory / f"{label}.debug.onnx"
        debug.modify_model_output_intermediate_tensors(str(path), str(augmented))
        options = ort.SessionOptions()  # as debug.collect_activations runs it
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
        sessions[label] = ort.InferenceSession(str(augmented), sess_options=options,
                                               providers=["CPUExecutionProvider"])
        augmented.unlink()
    sums: dict[str, metrics.SqnrSum] = {}

    def saved(label: str, chunk: torch.Tensor) -> dict[str, list[np.ndarray]]:
        session = sessions[label]
        names = [output.name for output in session.get_outputs()]
        values = session.run(None, {INPUT_NAME: as_feed(chunk)})
        suffix = debug._TENSOR_SAVE_POSTFIX
        return {name[:-len(suffix)]: [value] for name, value in zip(names, values, strict=True)
                if name.endswith(suffix)}

    def one_pass(chunk: torch.Tensor) -> tuple[int, int]:
        float_values, qdq_values = saved("float", chunk), saved("qdq", chunk)
        # float activation against the QDQ graph's after its QuantizeLinear/DequantizeLinear
        # pair
        for name, match in debug.create_activation_matching(qdq_values, float_values).items():
            if match.get("float"):
                sums.setdefault(name, metrics.SqnrSum()).add(
                    torch.from_numpy(np.ascontiguousarray(match["float"][0])).float(),
                    torch.from_numpy(np.ascontiguousarray(match["post_qdq"][0])).float())
        values = sum(v[0].size for v in float_values.values())
        held = sum(v[0].nbytes for part in (float_values, qdq_values) for v in part.values())
        return values, held

    sampling = sampled_passes(inputs, batch_size, one_pass)
    sessions.clear()
    activation_errors = {name: {"xmodel_err": summed.db()} for name, summed in sums.items()}
    consumers: dict[str, list[Any]] = {}
    constants = {out for node in float_graph.node if node.op_type == "Constant"
                 for out in node.output}
    for node in float_graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    for record in records:
        compute = [n for n in by_module.get(record.name, []) if n.op_type in WEIGHT_OPS]
        if not compute:
            continue
        node = compute[0]
        if node.name in weight_errors:
            record.weight_sqnr_db = float(weight_errors[node.name])
        error = _output_error(node.output[0], consumers, activation_errors,
                              set(float_weights) | constants)
        if error is not None:
            record.accumulated_sqnr_db = error
        if record.weight_sqnr_db is not None or record.accumulated_sqnr_db is not None:
            record.error_source = ERROR_SOURCE
    return sampling


UNBOUNDED = 1e30  # a value no activation reaches: a mask, not a signal
CALIBRATION_BYTES = 2**30  # float activations ONNX Runtime's calibration may hold at once


def probe_float_graph(float_path: Path, inputs: torch.Tensor, directory: Path
                      ) -> tuple[dict[str, str], int]:
    """The nodes that produce or take a tensor holding infinities, NaN or values near the
    float32 limit on ``inputs``, one sample at a time: a transformer's attention mask is
    finfo.min (-3.4e38) where masked, -inf once added to the scores, and ONNX Runtime's
    calibration cannot give such a tensor a range ("autodetected range ... is not finite"), so
    these nodes stay float: by node name, their op types. And the bytes of the graph's float
    tensors for one sample (the most of them a sample gives), which static calibration holds
    for every sample it runs."""
    import onnx
    import onnxruntime as ort
    from onnxruntime.quantization import qdq_loss_debug as debug

    augmented = directory / "ranges.debug.onnx"
    debug.modify_model_output_intermediate_tensors(str(float_path), str(augmented))
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    session = ort.InferenceSession(str(augmented), sess_options=options,
                                   providers=["CPUExecutionProvider"])
    augmented.unlink()
    suffix = debug._TENSOR_SAVE_POSTFIX
    names = [output.name for output in session.get_outputs()]
    unbounded: set[str] = set()
    sample_bytes = 0
    for index in range(inputs.shape[0]):
        values = session.run(None, {INPUT_NAME: as_feed(inputs[index:index + 1])})
        held = 0
        for name, value in zip(names, values, strict=True):
            if name.endswith(suffix) and np.issubdtype(value.dtype, np.floating):
                held += value.nbytes
                if value.size and not np.abs(value).max() < UNBOUNDED:
                    unbounded.add(name[:-len(suffix)])
        sample_bytes = max(sample_bytes, held)
        del values
    del session
    graph = onnx.load(str(float_path), load_external_data=False).graph
    return {node.name: node.op_type for node in graph.node
            if unbounded & (set(node.input) | set(node.output))}, sample_bytes


def _output_error(tensor: str, consumers: dict[str, list[Any]],
                  errors: dict[str, dict[str, float]], constants: Container[str] = frozenset()
                  ) -> float | None:
    """The error where a layer's output is quantized: its own output, or the first tensor after
    it along ops with one input that is not a constant (the quantizer puts the pair after a
    ReLU, or a ReLU6 exported as Clip with constant bounds, and folds it into the layer)."""
    for _ in range(4):
        error = errors.get(tensor, {}).get("xmodel_err")
        if error is not None:
            return float(error)
        following = consumers.get(tensor, [])
        if len(following) != 1 or len([i for i in following[0].input
                                       if i and i not in constants]) != 1:
            return None
        tensor = following[0].output[0]
    return None


# --- the engine -------------------------------------------------------------------------

class OnnxRuntimeEngine(Engine):
    name = "onnxruntime"
    title = "ONNX Runtime"
    description = ("Exports the model to ONNX, quantizes it with onnxruntime.quantization "
                   "(static QDQ calibrated on your data, or dynamic) and runs it in an ONNX "
                   "Runtime session; compared against the float32 model in ONNX Runtime.")
    techniques = ("static", "dynamic")
    save_formats = ("onnx",)

    def unavailable_reason(self) -> str | None:
        missing = [name for name in ("onnxruntime", "onnx")
                   if importlib.util.find_spec(name) is None]
        if missing:
            return (f"The ONNX Runtime engine needs the {' and '.join(missing)} package(s): "
                    f"pip install {' '.join(missing)}")
        return None

    def build(self, loaded: LoadedModel, recipe: Recipe, cancel: CancelToken,
              cache: dict | None = None) -> EventStream[EngineBuild]:
        reason = self.unavailable_reason() or self.unsupported_reason(loaded.model, recipe.method)
        if reason:
            raise RecipeError(reason, "Choose another engine.")
        if getattr(recipe, "dtype", "int8") != "int8":
            raise RecipeError("The ONNX Runtime engine has no float16 dynamic quantization.",
                              "Choose the int8 weight type, or the PyTorch eager engine.")
        model = copy.deepcopy(loaded.model).cpu().eval()
        names = dict(model.named_modules())
        unknown = [k for k in recipe.keep_float if k not in names]
        if unknown:
            raise RecipeError(f"The model has no layer named {', '.join(map(repr, unknown))} "
                              "to keep in float.", "Use names from the Layers table.")
        data = loaded.data
        seconds: dict[str, float] = {}
        with tempfile.TemporaryDirectory(prefix="quantgui-ort-") as tmp:
            directory = Path(tmp)
            yield Progress("exporting", 0, 1)
            started = time.perf_counter()
            float_path = directory / "float.onnx"
            reused = cache is not None and CACHE_KEY in cache
            if reused:  # a what-if re-run on the same model: the float ONNX model is the same
                float_bytes, exporter, skipped = cache[CACHE_KEY]
                float_path.write_bytes(float_bytes)
            else:
                float_bytes, exporter = export_onnx(model, data.example_batch(EXPORT_BATCH))
                raw_path = directory / "exported.onnx"
                raw_path.write_bytes(float_bytes)
                skipped = _pre_process(raw_path, float_path)
                if skipped:
                    float_path = raw_path
                if cache is not None:
                    cache[CACHE_KEY] = (float_path.read_bytes(), exporter, skipped)
            seconds["export"] = time.perf_counter() - started
            yield Progress("exporting", 1, 1)
            line = ((texts.LOG_ORT_REUSED_SKIPPED if skipped else texts.LOG_ORT_REUSED) if reused
                    else texts.LOG_ORT_EXPORTED_SKIPPED if skipped else texts.LOG_ORT_EXPORTED)
            yield LogMessage(line.format(exporter=exporter, opset=OPSET, skipped=skipped))
            cancel.raise_if_cancelled()
            excluded = self._excluded_nodes(model, float_path, recipe.keep_float)
            # a head tied to its embedding: the ONNX file holds the weight twice (the lookup's,
            # and transposed for the product), so dynamic makes both int8 (static does)
            tied = tied_layers(model, recipe.keep_float) if recipe.method == "dynamic" else {}
            other_gathers = self._other_gathers(model, float_path, set(tied.values()))
            for layer, embedding in tied.items():
                yield LogMessage(texts.LOG_ORT_TIED.format(layer=layer, other=embedding))
            qdq_path = directory / "quantized.onnx"
            started = time.perf_counter()
            try:
                if recipe.method == "static":
                    # the float graph's tensors, one sample at a time: those without a range
                    # (a transformer's attention mask) and the bytes calibration holds a sample
                    try:
                        unbounded, sample_bytes = probe_float_graph(
                            float_path, data.train_inputs[:recipe.batch_size], directory)
                    except Exception:  # noqa: BLE001 - calibration runs as it would without
                        unbounded, sample_bytes = {}, 0
                    # calibration ranges every tensor of the op types it quantizes, whatever
                    # nodes are excluded: those op types are not quantized
                    skip_types = set(unbounded.values())
                    if unbounded:
                        excluded = sorted(set(excluded) | set(unbounded))
                        yield LogMessage(texts.LOG_ORT_NON_FINITE.format(
                            count=len(unbounded), types=", ".join(sorted(skip_types))),
                            "warning")
                    yield from self._static(float_path, qdq_path, recipe, data, excluded,
                                            cancel, skip_types, sample_bytes)
                    seconds["calibrate"] = time.perf_counter() - started
                else:
                    yield Progress("quantizing", 0, 1)
                    self._dynamic(float_path, qdq_path, recipe,
                                  sorted(set(excluded) | set(other_gathers)), bool(tied))
                    yield Progress("quantizing", 1, 1)
                    seconds["quantize"] = time.perf_counter() - started
            except (Cancelled, QuantGUIError):
                raise
            except Exception as error:
                raise QuantGUIError(
                    f"ONNX Runtime's {recipe.method} quantization failed: {_first_line(error)}",
                    "Keep the failing layer in float, try the other technique, or use the "
                    "PyTorch eager engine.") from error
            cancel.raise_if_cancelled()
            yield Progress("session", 0, 1)
            started = time.perf_counter()
            quantized_bytes = qdq_path.read_bytes()
            reference_bytes = float_path.read_bytes()
            optimized_path = directory / "optimized.onnx"
            try:
                quantized = OrtSessionModule(quantized_bytes, recipe.threads, "int8",
                                             optimized_path)
                reference = OrtSessionModule(reference_bytes, recipe.threads, "float32")
            except Exception as error:
                raise QuantGUIError(
                    f"ONNX Runtime could not open the {recipe.method} model: "
                    f"{_first_line(error)}",
                    "Keep the failing layer in float, or use another engine.") from error
            seconds["session"] = time.perf_counter() - started
            yield Progress("session", 1, 1)
            self._check_reference(model, reference, data.val_inputs[:3])
            import onnx

            optimized_graph = (onnx.load(str(optimized_path)).graph
                               if optimized_path.is_file() else None)
            records = layer_records(model, onnx.load(str(qdq_path)).graph, optimized_graph,
                                    recipe.method, recipe.keep_float)
            _note_tied_embeddings(records, tied)
            sampling = None
            if recipe.method == "static":
                try:
                    sampling = layer_errors(model, float_path, qdq_path, records,
                                            data.val_inputs[:ERROR_SAMPLES], directory,
                                            recipe.batch_size)
                except Exception as error:  # noqa: BLE001 - the records stay without errors
                    yield LogMessage(texts.LOG_ORT_DEBUG_FAILED.format(
                        error=_first_line(error)), "warning")
                if sampling is not None and sampling.subsampled:
                    yield LogMessage(sampling.describe())
        notes = {r.name: r.note for r in records if not r.quantized}
        return EngineBuild(
            quantized=quantized, size_bytes=len(quantized_bytes), reference=reference,
            reference_size_bytes=len(reference_bytes), prepare_seconds=seconds, notes=notes,
            layers=records, artifact=quantized_bytes,
            extra={"exporter": exporter, "opset": OPSET, "onnx_runtime": _ort_version(),
                   "calibration_method": CALIBRATION[recipe.observer][0]
                   if recipe.method == "static" else None,
                   "excluded_nodes": excluded, "error_sampling": sampling})

    # -- steps --------------------------------------------------------------------------
    @staticmethod
    def _excluded_nodes(model: nn.Module, float_path: Path, keep_float: tuple[str, ...]
                        ) -> list[str]:
        """Every ONNX node that came from a module kept in float (or from its children)."""
        if not keep_float:
            return []
        import onnx

        scopes = ModuleScopes(model)
        excluded = []
        for node in onnx.load(str(float_path)).graph.node:
            module = scopes.module(node.name)
            if module is not None and any(module == k or module.startswith(k + ".")
                                          for k in keep_float):
                excluded.append(node.name)
        return excluded

    @staticmethod
    def _other_gathers(model: nn.Module, float_path: Path, embeddings: set[str]) -> list[str]:
        """The Gather nodes that are not a lookup in one of ``embeddings`` (none when there
        are no embeddings to quantize)."""
        if not embeddings:
            return []
        import onnx

        scopes = ModuleScopes(model)
        return [node.name for node in onnx.load(str(float_path)).graph.node
                if node.op_type == "Gather" and scopes.module(node.name) not in embeddings]

    @staticmethod
    def _static(float_path: Path, qdq_path: Path, recipe: Recipe, data: Any,
                excluded: list[str], cancel: CancelToken, skip_types: set[str] | None = None,
                sample_bytes: int = 0) -> EventStream[None]:
        from onnxruntime.quantization import (
            CalibrationMethod,
            QuantFormat,
            QuantType,
            quantize_static,
        )
        from onnxruntime.quantization.registry import QDQRegistry, QLinearOpsRegistry

        # ONNX Runtime's own default (every op type it quantizes), less ``skip_types``
        op_types = (sorted((set(QLinearOpsRegistry) | set(QDQRegistry)) - skip_types)
                    if skip_types else None)

        method, options = CALIBRATION[recipe.observer]
        samples = data.train_inputs.shape[0]
        # ORT's histogram calibrators stack the batches' activations into one array: a last,
        # shorter batch makes it fail ("inhomogeneous shape"), so only full batches calibrate
        # when there is at least one
        full = samples // recipe.batch_size
        total = min(recipe.calibration_batches,
                    full or math.ceil(samples / recipe.batch_size))
        # ORT's calibrators hold every calibrated tensor of every batch until the end (a
        # BERT-base took 12 GB on 4 batches of 8): fewer batches where that passes the budget
        affordable = max(1, CALIBRATION_BYTES // max(1, sample_bytes * recipe.batch_size))
        if affordable < total:
            yield LogMessage(texts.LOG_ORT_FEWER_BATCHES.format(
                used=affordable, total=total, mib=sample_bytes / 2**20,
                budget=CALIBRATION_BYTES / 2**30))
            total = affordable
        batches = itertools.islice(data.train_batches(recipe.batch_size), total)

        def work(reader: Any) -> None:
            quantize_static(
                str(float_path), str(qdq_path), reader, quant_format=QuantFormat.QDQ,
                per_channel=recipe.per_channel, reduce_range=recipe.effective_reduce_range,
                activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
                calibrate_method=getattr(CalibrationMethod, method),
                nodes_to_exclude=excluded, op_types_to_quantize=op_types,
                extra_options=dict(options))

        yield from _calibrate_and_quantize(work, batches, total, cancel)

    @staticmethod
    def _dynamic(float_path: Path, qdq_path: Path, recipe: Recipe, excluded: list[str],
                 gather: bool = False) -> None:
        """``gather``: the lookups not in ``excluded`` (tied embeddings) get int8 tables."""
        from onnxruntime.quantization import QuantType, quantize_dynamic

        ops = sorted({op for layer in recipe.layer_types for op in DYNAMIC_OPS.get(layer, ())})
        if not ops:
            raise RecipeError(
                "ONNX Runtime has no dynamic int8 kernel for the selected layer types "
                f"({', '.join(recipe.layer_types)}).", "Select Linear or LSTM.")
        if gather:
            ops.append("Gather")
        quantize_dynamic(str(float_path), str(qdq_path), weight_type=QuantType.QInt8,
                         per_channel=False, op_types_to_quantize=ops, nodes_to_exclude=excluded)

    @staticmethod
    def _check_reference(model: nn.Module, reference: OrtSessionModule,
                         inputs: torch.Tensor) -> None:
        """The float32 ONNX model must reproduce the PyTorch model (at a batch size other than
        the export's): a tracer that froze a shape or a branch shows up here."""
        from quantgui.core.metrics import sqnr_db

        with torch.inference_mode():
            expected = model(inputs)
            try:
                got = reference(inputs)
            except Exception as error:
                raise ModelError(
                    f"The exported ONNX model fails at batch size {inputs.shape[0]}: "
                    f"{_first_line(error)}",
                    "The model probably fixes its batch size in reshapes; use x.shape[0] or "
                    "-1, or use the PyTorch eager engine.") from error
        expected = expected[0] if isinstance(expected, (tuple, list)) else expected
        quality = sqnr_db(expected.float(), got.float()) if expected.shape == got.shape else None
        if quality is None or quality < 40.0:
            raise ModelError(
                "The exported ONNX model does not reproduce the PyTorch model "
                f"({'shape ' + str(tuple(got.shape)) if quality is None else f'{quality:.1f} dB'}"
                "): the tracer froze a data-dependent branch or shape.",
                "Use the PyTorch eager engine for this model.")

    # -- save and load back -----------------------------------------------------------
    def save_bytes(self, build: EngineBuild, format: str) -> bytes:
        if format not in self.save_formats:
            raise RecipeError(f"The ONNX Runtime engine cannot save as '{format}'.",
                              "Save as onnx.")
        if not isinstance(build.artifact, bytes):
            raise QuantGUIError("This result holds no ONNX model to save.",
                                "Run the quantization again with the ONNX Runtime engine.")
        return build.artifact

    def load_saved(self, path: Path, format: str, *, build: EngineBuild | None = None
                   ) -> nn.Module:
        from quantgui.core.limits import check_regular_file
        from quantgui.core.recipes import default_threads

        check_regular_file(path, "ONNX model")
        try:
            return OrtSessionModule(Path(path).read_bytes(), default_threads(), "int8")
        except Exception as error:
            raise ModelError(f"ONNX Runtime cannot open {path}: {_first_line(error)}",
                             "Save the model again; the file may be damaged.") from error

    # -- the standalone script ------------------------------------------------------------
    def script_section(self, technique: Technique, recipe: Recipe, model: nn.Module
                       ) -> ScriptSection:
        """The same steps as ``build``: the same export, ORT's pre-processing, the same
        quantize_static/quantize_dynamic call, a session with the same options; ``--save``
        writes the quantized .onnx model, as the engine saves it."""
        from quantgui.core.engines.base import SCRIPT_EXAMPLE_BATCH, script_source

        reason = self.unsupported_reason(model, recipe.method)
        if reason:
            raise RecipeError(reason, "Choose another engine.")
        if getattr(recipe, "dtype", "int8") != "int8":
            raise RecipeError("The ONNX Runtime engine has no float16 dynamic quantization.",
                              "Choose the int8 weight type, or the PyTorch eager engine.")
        keep = bool(recipe.keep_float)
        if recipe.method == "static":
            method, options = CALIBRATION[recipe.observer]
            quantize = _SCRIPT_STATIC.format(
                batches=recipe.calibration_batches, per_channel=recipe.per_channel,
                reduce_range=recipe.effective_reduce_range, method=method, options=options)
            imports = ("from onnxruntime.quantization import (CalibrationDataReader, "
                       "CalibrationMethod, QuantFormat,\n    QuantType, quantize_static)\n")
        else:
            ops = sorted({op for layer in recipe.layer_types for op in DYNAMIC_OPS.get(layer, ())})
            if not ops:
                raise RecipeError(
                    "ONNX Runtime has no dynamic int8 kernel for the selected layer types "
                    f"({', '.join(recipe.layer_types)}).", "Select Linear or LSTM.")
            quantize = _SCRIPT_DYNAMIC.format(ops=ops)
            imports = "from onnxruntime.quantization import QuantType, quantize_dynamic\n"
        imports = ("import io\nimport tempfile\n"
                   + ("import ast\n" if keep else "")
                   + "\nimport onnx\nimport onnxruntime as ort\n" + imports
                   + "from onnxruntime.quantization.shape_inference import quant_pre_process\n")
        exclusion = (script_source(_unqualified, ModuleScopes, _rename_dynamo_nodes)
                     + _SCRIPT_EXCLUDED) if keep else _SCRIPT_NOTHING_EXCLUDED
        code = "\n\n".join([
            SCRIPT_EXAMPLE_BATCH.rstrip(), exclusion.rstrip(),
            # the torch.export exporter's nodes are named after their modules, as the engine
            # does, where layers kept in float are found by name
            _SCRIPT_EXPORT.format(rename="        _rename_dynamo_nodes(proto, model)\n"
                                  if keep else "").rstrip(),
            script_source(_session).rstrip(), _SCRIPT_SESSION.rstrip(),
            quantize.rstrip(), _SCRIPT_SAVE])
        return ScriptSection(
            imports=imports, code=code, saves_as="ONNX, runs in onnxruntime",
            save_example="quantized.onnx",
            needs=(f"Needs torch, onnxruntime {_ort_version()} and onnx {_onnx_version()} "
                   "(pip install onnxruntime onnx), and numpy."),
            settings=(
                "# the TorchScript-based ONNX exporter announces its deprecation on every call\n"
                'warnings.filterwarnings("ignore")\n\n'
                f'INPUT_NAME, OUTPUT_NAME = {INPUT_NAME!r}, {OUTPUT_NAME!r}\n'
                f"OPSET = {OPSET}  # LayerNormalization is one node from opset 17\n"
                f"EXPORT_BATCH = {EXPORT_BATCH}  # a batch of 1 lets the tracer fold the batch "
                "size into reshapes\n"))


def _ort_version() -> str:
    import onnxruntime

    return onnxruntime.__version__


def _onnx_version() -> str:
    import onnx

    return onnx.__version__


# --- the script's code (see OnnxRuntimeEngine.script_section) --------------------------------

_SCRIPT_NOTHING_EXCLUDED = '''def excluded_nodes(model: nn.Module, onnx_path: Path) -> list[str]:
    """The ONNX nodes to keep in float: none (KEEP_FLOAT is empty)."""
    return []
'''

_SCRIPT_EXCLUDED = '''

def excluded_nodes(model: nn.Module, onnx_path: Path) -> list[str]:
    """Every ONNX node that came from a layer in KEEP_FLOAT (or from inside one), found by the
    module scope the exporter wrote into each node's name."""
    scopes = ModuleScopes(model)
    excluded = []
    for node in onnx.load(str(onnx_path)).graph.node:
        module = scopes.module(node.name)
        if module is not None and any(module == k or module.startswith(k + ".")
                                      for k in KEEP_FLOAT):
            excluded.append(node.name)
    return excluded
'''

_SCRIPT_EXPORT = '''def export_onnx(model: nn.Module, example: torch.Tensor) -> bytes:
    """The float model as ONNX with a dynamic batch axis. The TorchScript-based exporter
    (dynamo=False) names every node after its module ("/fc1/Gemm") and writes an LSTM as one
    node; where it fails, the torch.export-based one is used."""
    # MultiheadAttention's fast path (one fused op) has no ONNX function; the regular path
    # exports as MatMul/Softmax nodes that ONNX Runtime quantizes
    torch.backends.mha.set_fastpath_enabled(False)
    try:
        buffer = io.BytesIO()
        with torch.no_grad():
            torch.onnx.export(model, (example,), buffer, dynamo=False,
                              input_names=[INPUT_NAME], output_names=[OUTPUT_NAME],
                              dynamic_axes={{INPUT_NAME: {{0: "batch"}},
                                            OUTPUT_NAME: {{0: "batch"}}}},
                              opset_version=OPSET, do_constant_folding=True)
        return buffer.getvalue()
    except Exception as error:
        print(f"the TorchScript exporter failed ({{error}}); using the torch.export one")
    with torch.no_grad():
        program = torch.onnx.export(
            model, (example,), None, dynamo=True, verbose=False,
            input_names=[INPUT_NAME], output_names=[OUTPUT_NAME],
            dynamic_shapes=({{0: torch.export.Dim("batch")}},), opset_version=max(OPSET, 18))
        proto = program.model_proto
{rename}    return proto.SerializeToString()


def pre_process(raw_path: Path, out_path: Path) -> Path:
    """ONNX Runtime's shape inference and basic graph optimizations before quantization
    (without symbolic shape inference where that fails); the raw export where both fail."""
    for options in ({{}}, {{"skip_symbolic_shape": True}}):
        try:
            quant_pre_process(str(raw_path), str(out_path), **options)
            return out_path
        except Exception:
            pass
    return raw_path


def export_float(model: nn.Module, val_inputs: torch.Tensor, directory: Path) -> Path:
    """Export and pre-process the float model into ``directory``; returns its path."""
    raw_path = directory / "exported.onnx"
    raw_path.write_bytes(export_onnx(model, example_batch(val_inputs, EXPORT_BATCH)))
    return pre_process(raw_path, directory / "float.onnx")
'''

_SCRIPT_SESSION = '''def as_feed(x: torch.Tensor) -> np.ndarray:
    """A batch as ONNX Runtime takes it: float32, or the integers (token ids) it holds."""
    array = x.detach().cpu().numpy()
    return np.ascontiguousarray(array, dtype=np.float32 if x.is_floating_point() else None)


class OrtModel(nn.Module):
    """An ONNX Runtime session behind nn.Module: a float batch of any size in, a float tensor
    out. ``model_bytes`` is the .onnx file."""

    def __init__(self, model_bytes: bytes) -> None:
        super().__init__()
        self.model_bytes = model_bytes
        self.session = _session(model_bytes, THREADS)
        self.input_name = self.session.get_inputs()[0].name

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.from_numpy(self.session.run(None, {self.input_name: as_feed(x)})[0])
'''

_SCRIPT_STATIC = '''CALIBRATION_BATCHES = {batches}


class Batches(CalibrationDataReader):
    """The first CALIBRATION_BATCHES training batches, fed to ONNX Runtime's calibrator. Only
    full batches where there is one: the histogram calibrators stack the batches' activations
    into one array, which a shorter last batch breaks."""

    def __init__(self, inputs: torch.Tensor) -> None:
        batches = [inputs[i:i + BATCH_SIZE] for i in range(0, len(inputs), BATCH_SIZE)]
        full = [batch for batch in batches if len(batch) == BATCH_SIZE]
        self.batches = iter((full or batches)[:CALIBRATION_BATCHES])

    def get_next(self) -> dict | None:
        batch = next(self.batches, None)
        if batch is None:
            return None
        return {{INPUT_NAME: as_feed(batch)}}


def quantize(model: nn.Module, data) -> OrtModel:
    """ONNX Runtime static quantization: export to ONNX, calibrate activation ranges on the
    training batches ({method}), and write a QDQ model (QuantizeLinear/DequantizeLinear
    around each int8 op) that ONNX Runtime fuses into int8 kernels when it loads it."""
    model = copy.deepcopy(model).eval()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        float_path = export_float(model, data[2], directory)
        quantized_path = directory / "quantized.onnx"
        quantize_static(
            str(float_path), str(quantized_path), Batches(data[0]),
            quant_format=QuantFormat.QDQ, per_channel={per_channel}, reduce_range={reduce_range},
            activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
            calibrate_method=CalibrationMethod.{method},
            nodes_to_exclude=excluded_nodes(model, float_path), extra_options={options!r})
        return OrtModel(quantized_path.read_bytes())
'''

_SCRIPT_DYNAMIC = '''def quantize(model: nn.Module, data) -> OrtModel:
    """ONNX Runtime dynamic quantization: export to ONNX, store the weights of these ops in
    int8; activations are quantized at each call, so no calibration is needed."""
    model = copy.deepcopy(model).eval()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        float_path = export_float(model, data[2], directory)
        quantized_path = directory / "quantized.onnx"
        quantize_dynamic(str(float_path), str(quantized_path), weight_type=QuantType.QInt8,
                         per_channel=False, op_types_to_quantize={ops!r},
                         nodes_to_exclude=excluded_nodes(model, float_path))
        return OrtModel(quantized_path.read_bytes())
'''

_SCRIPT_SAVE = '''

def save_quantized(quantized: OrtModel, path: str, data) -> None:
    """The quantized ONNX model, as QuantGUI saves it: open it with onnxruntime's
    InferenceSession (or the OrtModel above)."""
    Path(path).write_bytes(quantized.model_bytes)
'''
