"""Per-layer error from torch's own numeric suite (``torch.ao.ns``), where it applies.

- Static quantization of a model FX traced as a whole: ``_numeric_suite_fx`` compares the
  calibrated (observed) graph with the converted one. ``extract_weights`` gives the weight SQNR
  (batch-norm folded, as FX fused it), shadow loggers feed every int8 layer the float layer's
  input (its own error) and plain loggers compare the two models' activations (the accumulated
  error).
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
from typing import Any

import torch
from torch import fx, nn

from quantgui.core import metrics

NUMERIC_SUITE = "torch.ao.ns"
HOOKS = "forward hooks"
BOTH = "torch.ao.ns + forward hooks"

_A, _B = "float", "int8"


def _sqnr(reference: Any, actual: Any) -> float | None:
    if not isinstance(reference, torch.Tensor) or not isinstance(actual, torch.Tensor):
        return None
    reference = reference.dequantize() if reference.is_quantized else reference
    actual = actual.dequantize() if actual.is_quantized else actual
    if reference.shape != actual.shape:
        return None
    value = metrics.sqnr_db(reference.detach().float(), actual.detach().float())
    return None if math.isnan(value) else value


def _layer_values(results: dict, kind: str, quantized: fx.GraphModule) -> dict[str, float]:
    """``{layer: SQNR}`` from a numeric-suite results dict of ``kind`` ("weight"/"node_output").

    Layers are named by the int8 graph's module targets: the suite's own ``fqn`` field is wrong
    for shadowed float graphs (every entry names the last layer, torch 2.13)."""
    targets = {node.name: str(node.target) for node in quantized.graph.nodes
               if node.op == "call_module"}
    values: dict[str, float] = {}
    for by_kind in results.values():
        logged = by_kind.get(kind, {})
        for entry_a, entry_b in zip(logged.get(_A, []), logged.get(_B, []), strict=False):
            node_name = re.sub(r"_shadow_copy_\d+$", "", entry_b.get("ref_node_name") or "")
            name = targets.get(node_name)
            if name is None or name in values:
                continue
            sqnr = _sqnr(entry_a["values"][0] if entry_a["values"] else None,
                         entry_b["values"][0] if entry_b["values"] else None)
            if sqnr is not None:
                values[name] = sqnr
    return values


def fx_errors(observed: fx.GraphModule, quantized: fx.GraphModule, batch: torch.Tensor
              ) -> dict[str, tuple[float | None, float | None, float | None]]:
    """``{layer: (weight, own output, accumulated) SQNR}`` for a model FX converted whole."""
    import torch.ao.ns._numeric_suite_fx as ns

    with contextlib.redirect_stdout(io.StringIO()):  # the suite prints each op it skips
        return _fx_errors(ns, observed, quantized, batch)


def _fx_errors(ns: Any, observed: fx.GraphModule, quantized: fx.GraphModule,
               batch: torch.Tensor) -> dict[str, tuple[float | None, float | None, float | None]]:
    weights = _layer_values(ns.extract_weights(_A, observed, _B, quantized), "weight", quantized)
    # The float graph runs and each int8 layer shadows it: fed the float input, quantized with
    # the scale that layer's input has in the int8 graph, so the error is the layer's own.
    shadow = ns.add_shadow_loggers(_B, copy.deepcopy(quantized), _A, copy.deepcopy(observed),
                                   ns.OutputLogger)
    with torch.inference_mode():
        shadow(batch)
    own = _layer_values(ns.extract_shadow_logger_info(shadow, ns.OutputLogger, _B),
                        "node_output", quantized)
    logged_a, logged_b = ns.add_loggers(_A, copy.deepcopy(observed), _B,
                                        copy.deepcopy(quantized), ns.OutputLogger)
    with torch.inference_mode():
        logged_a(batch)
        logged_b(batch)
    activations = ns.extract_logger_info(logged_a, logged_b, ns.OutputLogger, _B)
    accumulated = _layer_values(activations, "node_output", quantized)
    return {name: (weights.get(name), own.get(name), accumulated.get(name))
            for name in {*weights, *own, *accumulated}}


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
