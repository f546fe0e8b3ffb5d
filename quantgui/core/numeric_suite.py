"""Per-layer error from torch's own numeric suite (``torch.ao.ns``), where it applies.

- Static quantization of a model FX traced as a whole: ``_numeric_suite_fx`` compares the
  calibrated (observed) graph with the converted one. ``extract_weights`` gives the weight SQNR
  (batch-norm folded, as FX fused it) and shadow loggers feed every int8 layer the float
  layer's input (its own error). The accumulated error comes from the hooks: the suite's plain
  loggers gave identical figures at the cost of a third pass of its graph matcher.
- Dynamic quantization: the eager ``_numeric_suite``'s ``compare_weights`` gives the weight
  SQNR; the outputs are measured with hooks (see ``dynamic_errors``).

Elsewhere (QAT, whose "float" side would be the trained fake-quant model rather than the
original; models FX splits into units around untraceable code) ``core.analysis.layer_errors``
measures the same three numbers with forward hooks. Both paths are checked against each other
in the tests.
"""

from __future__ import annotations

import contextlib
import copy
import io
import math
import re
import weakref
from collections.abc import Iterator
from typing import Any

import torch
from torch import fx, nn
from torch.ao.quantization.observer import ObserverBase

from quantgui.core import metrics

NUMERIC_SUITE = "torch.ao.ns"
HOOKS = "forward hooks"
BOTH = "torch.ao.ns + forward hooks"

_A, _B = "float", "int8"


def _sqnr(reference: Any, actual: Any) -> float | None:
    if not isinstance(reference, torch.Tensor) or not isinstance(actual, torch.Tensor):
        return None
    sums = metrics.SqnrSum()  # block by block: no float64 or dequantized copy of a weight
    if not sums.add(reference, actual):
        return None
    value = sums.db()
    return None if math.isnan(value) else value


def _layer_sums(results: dict, kind: str, quantized: fx.GraphModule,
                sums: dict[str, metrics.SqnrSum]) -> None:
    """Add each layer's signal and noise from a numeric-suite results dict of ``kind``
    ("weight"/"node_output") to ``sums``, per layer.

    Layers are named by the int8 graph's module targets: the suite's own ``fqn`` field is wrong
    for shadowed float graphs (every entry names the last layer, torch 2.13)."""
    targets = {node.name: str(node.target) for node in quantized.graph.nodes
               if node.op == "call_module"}
    added: set[str] = set()
    for by_kind in results.values():
        logged = by_kind.get(kind, {})
        for entry_a, entry_b in zip(logged.get(_A, []), logged.get(_B, []), strict=False):
            node_name = re.sub(r"_shadow_copy_\d+$", "", entry_b.get("ref_node_name") or "")
            name = targets.get(node_name)
            if name is None or name in added:
                continue
            reference = entry_a["values"][0] if entry_a["values"] else None
            actual = entry_b["values"][0] if entry_b["values"] else None
            if not isinstance(reference, torch.Tensor) or not isinstance(actual, torch.Tensor):
                continue
            layer = sums.setdefault(name, metrics.SqnrSum())  # dequantizes block by block
            if layer.add(reference, actual):
                added.add(name)
            elif not layer.signal and not layer.noise:
                del sums[name]


def _layer_values(results: dict, kind: str, quantized: fx.GraphModule) -> dict[str, float]:
    """``{layer: SQNR}`` from one numeric-suite results dict (see ``_layer_sums``)."""
    sums: dict[str, metrics.SqnrSum] = {}
    _layer_sums(results, kind, quantized, sums)
    return {name: value for name, value in ((n, s.db()) for n, s in sums.items())
            if not math.isnan(value)}


_DISPOSABLE: weakref.WeakSet[nn.Module] = weakref.WeakSet()


def dispose_after_use(observed: nn.Module) -> None:
    """``observed`` is not needed after the next ``fx_errors`` on it: the suite may change it
    instead of working on a copy (the caller must not use it afterwards)."""
    _DISPOSABLE.add(observed)


def fx_errors(observed: fx.GraphModule, quantized: fx.GraphModule, batch: torch.Tensor
              ) -> dict[str, tuple[float | None, float | None, float | None]]:
    """``{layer: (weight, own output, None)}`` SQNR for a model FX converted whole."""
    import torch.ao.ns._numeric_suite_fx as ns

    with contextlib.redirect_stdout(io.StringIO()), _fusions_computed_once():
        # (the suite prints each op it skips)
        return _fx_errors(ns, observed, quantized, batch)


@contextlib.contextmanager
def _fusions_computed_once() -> Iterator[None]:
    """The suite's graph matcher rebuilds torch's whole fusion-pattern table for every node it
    visits (measured: 57 % of its time on the digits CNN); the table is the same every time,
    so it is built once while the suite runs, then torch's own function is put back."""
    from torch.ao.ns.fx import graph_matcher

    original = graph_matcher.get_reversed_fusions
    table = original()
    graph_matcher.get_reversed_fusions = lambda: table
    try:
        yield
    finally:
        graph_matcher.get_reversed_fusions = original


SHADOW_CHUNK_BYTES = 64 * 2**20  # the loggers' tensors held at once (one chunk of samples)


def _fx_errors(ns: Any, observed: fx.GraphModule, quantized: fx.GraphModule,
               batch: torch.Tensor) -> dict[str, tuple[float | None, float | None, float | None]]:
    weights = _layer_values(ns.extract_weights(_A, observed, _B, quantized), "weight", quantized)
    # The float graph runs and each int8 layer shadows it: fed the float input, quantized with
    # the scale that layer's input has in the int8 graph, so the error is the layer's own.
    # The loggers keep every layer's output: the batch passes in chunks (a one-sample probe
    # first says how large a sample's outputs are), each chunk's figures are summed and the
    # loggers emptied, so memory does not grow with the data. An empty batch: weights only.
    if batch.shape[0] == 0:
        _DISPOSABLE.discard(observed)
        return {name: (value, None, None) for name, value in weights.items()}
    try:
        # the suite adds its shadows and loggers to the float graph: a copy, unless its owner
        # gave it up (the pipeline does: a large model's copy was the run's peak memory)
        float_copy = observed if observed in _DISPOSABLE else copy.deepcopy(observed)
        _DISPOSABLE.discard(observed)
        for module in float_copy.modules():
            if isinstance(module, ObserverBase):  # calibration is over: observers only cost
                module.forward = _unchanged
        # the suite adds its loggers and shadows to the float graph (a copy) and only reads
        # the int8 one: no copy of it (a copy would prepack every int8 weight again)
        shadow = ns.add_shadow_loggers(_B, quantized, _A, float_copy, ns.OutputLogger)
        del float_copy
        loggers = [m for m in shadow.modules() if isinstance(m, ns.OutputLogger)]
        sums: dict[str, metrics.SqnrSum] = {}
        start, chunk = 0, 1
        with torch.inference_mode():
            while start < batch.shape[0]:
                shadow(batch[start:start + chunk])
                if start == 0:
                    held = sum(t.numel() * t.element_size() for logger in loggers
                               for t in logger.stats if isinstance(t, torch.Tensor))
                    chunk_next = max(1, SHADOW_CHUNK_BYTES // max(held, 1))
                start += chunk
                _layer_sums(ns.extract_shadow_logger_info(shadow, ns.OutputLogger, _B),
                            "node_output", quantized, sums)
                for logger in loggers:
                    logger.stats, logger.stats_rnn = [], []
                chunk = chunk_next
        own = {name: value for name, value in ((n, s.db()) for n, s in sums.items())
               if not math.isnan(value)}
    except Exception:  # noqa: BLE001 - some graphs cannot be shadowed (measured: the
        own = {}  # transformer's int8 LayerNorm); the weights still come from the suite
    return {name: (weights.get(name), own.get(name), None) for name in {*weights, *own}}


def _unchanged(x: Any) -> Any:
    return x


def dynamic_errors(original: nn.Module, quantized: nn.Module
                   ) -> dict[str, tuple[float | None, float | None, float | None]]:
    """``{layer: (weight SQNR, None, None)}`` for a dynamically quantized (eager) model.

    Only the weights: the eager suite's shadow (``compare_model_stub``) feeds each layer the
    int8 model's own activations, not the float input this tool's "own error" is defined on
    (measured: up to 3 dB apart on the transformer), so the hooks measure the outputs."""
    import torch.ao.ns._numeric_suite as ens

    weights: dict[str, float] = {}
    compared = ens.compare_weights(original.state_dict(), quantized.state_dict())
    suffix = "._packed_params._packed_params"
    for key, pair in compared.items():
        if key.endswith(suffix):  # Linear; RNNs pack several weights under one key: skipped
            sqnr = _sqnr(pair["float"], pair["quantized"])
            if sqnr is not None:
                weights[key[:-len(suffix)]] = sqnr
    return {name: (sqnr, None, None) for name, sqnr in weights.items()}
