"""FX graph mode on models that FX cannot trace as a whole.

FX inserts the quant/dequant stubs and fuses Conv-BN-ReLU by itself, but fails on data-dependent
control flow. We find the submodules that cannot be traced, keep them float (recording why), and
quantize every traceable part around and inside them: each maximal traceable subtree is a
"unit" prepared and converted on its own.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import torch
from torch import fx, nn
from torch.ao.quantization import QConfigMapping
from torch.ao.quantization.fx.custom_config import PrepareCustomConfig
from torch.ao.quantization.quantize_fx import convert_fx, prepare_fx, prepare_qat_fx


@dataclass
class FxUnit:
    name: str  # qualified name of the unit's root, "" for the whole model
    non_traceable: list[str] = field(default_factory=list)  # names relative to the unit

    @property
    def depth(self) -> int:
        return 0 if not self.name else self.name.count(".") + 1


@dataclass
class FxPlan:
    units: list[FxUnit]
    untraceable: dict[str, str]  # qualified name -> why FX could not trace it


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


class _Tracer(fx.Tracer):
    def __init__(self, extra_leaves: set[int]) -> None:
        super().__init__()
        self.extra_leaves = extra_leaves

    def is_leaf_module(self, m: nn.Module, module_qualified_name: str) -> bool:
        return id(m) in self.extra_leaves or super().is_leaf_module(m, module_qualified_name)


def is_default_leaf(module: nn.Module) -> bool:
    # torch's own layers are leaves for FX (it never traces into them); Sequential is not.
    return fx.Tracer().is_leaf_module(module, "")


_is_default_leaf = is_default_leaf


def plan_units(model: nn.Module) -> FxPlan:
    warm_up()
    untraceable: dict[str, str] = {}
    untraceable_ids: set[int] = set()

    def visit(module: nn.Module, name: str) -> None:
        for child_name, child in module.named_children():
            visit(child, _join(name, child_name))
        if name and _is_default_leaf(module):
            return
        try:
            _Tracer(untraceable_ids).trace(module)
        except Exception as error:  # FX raises TraceError, TypeError, AttributeError, ...
            untraceable[name] = f"{type(error).__name__}: {error}".strip()
            untraceable_ids.add(id(module))

    visit(model, "")
    units: list[FxUnit] = []

    def topmost_untraceable_below(module: nn.Module, name: str, unit_name: str) -> list[str]:
        found = []
        for child_name, child in module.named_children():
            full = _join(name, child_name)
            if full in untraceable:
                found.append(full)
            else:
                found.extend(topmost_untraceable_below(child, full, unit_name))
        return found

    def collect(module: nn.Module, name: str) -> None:
        if name in untraceable:
            for child_name, child in module.named_children():
                collect(child, _join(name, child_name))
            return
        if name and _is_default_leaf(module) and not _has_weights(module):
            return  # a lone ReLU or pooling inside float code: nothing to quantize
        inner = topmost_untraceable_below(module, name, name)
        offset = len(name) + 1 if name else 0
        units.append(FxUnit(name, [full[offset:] for full in inner]))
        for full in inner:
            for child_name, child in module.get_submodule(full[offset:]).named_children():
                collect(child, _join(full, child_name))

    collect(model, "")
    return FxPlan(units, untraceable)


_warm = threading.Event()
_warm_lock = threading.Lock()


def warm_up() -> None:
    """Run FX quantization once on a tiny model. torch's first FX trace in a process imports
    torch._inductor, torch._dynamo, sympy and networkx (measured: 1,220 modules, about 2 s,
    torch 2.13). An application calls this ahead of the user's first run, in the background;
    every FX path calls it too, so two threads never run those imports at the same time (a
    run started meanwhile waits here, in its worker, until the imports are done)."""
    if _warm.is_set():
        return
    with _warm_lock:
        if _warm.is_set():
            return
        from torch.ao.quantization import get_default_qat_qconfig_mapping

        tiny = nn.Sequential(nn.Linear(2, 2), nn.ReLU()).train()
        example = torch.zeros(2, 2)
        prepared = prepare_qat_fx(tiny, get_default_qat_qconfig_mapping("x86"), (example,))
        optimizer = torch.optim.Adam(prepared.parameters())
        prepared(example).sum().backward()
        optimizer.step()
        convert_fx(prepared.eval())
        _warm.set()


def _has_weights(module: nn.Module) -> bool:
    return any(True for _ in module.parameters(recurse=True))


def capture_unit_inputs(model: nn.Module, units: Iterable[FxUnit],
                        batch: torch.Tensor) -> dict[str, tuple[Any, ...]]:
    """The positional inputs each unit receives on one forward pass of ``batch``."""
    captured: dict[str, tuple[Any, ...]] = {}
    handles = []
    units = list(units)
    if all(not unit.name for unit in units):
        return {"": (batch,)}  # the whole model is one unit: no forward pass needed
    for unit in units:
        if not unit.name:
            captured[""] = (batch,)
            continue

        def hook(_module: nn.Module, args: tuple[Any, ...], unit_name: str = unit.name) -> None:
            captured.setdefault(unit_name, tuple(
                a.detach() if isinstance(a, torch.Tensor) else a for a in args))

        handles.append(model.get_submodule(unit.name).register_forward_pre_hook(hook))
    was_training = model.training
    try:
        with torch.no_grad():
            model.eval()(batch)  # eval: a look must not move batch-norm statistics
    finally:
        model.train(was_training)
        for handle in handles:
            handle.remove()
    return captured


def _set_submodule(model: nn.Module, name: str, module: nn.Module) -> nn.Module:
    if not name:
        return module
    parent_name, _, child = name.rpartition(".")
    setattr(model.get_submodule(parent_name) if parent_name else model, child, module)
    return model


class LeafUnit(nn.Module):
    """Holds a lone layer (say, a Linear inside untraceable code) so FX keeps it a module."""

    def __init__(self, layer: nn.Module) -> None:
        super().__init__()
        self.layer = layer

    def forward(self, x: torch.Tensor) -> Any:
        return self.layer(x)


def unwrap(module: nn.Module) -> nn.Module:
    """The quantized layer inside a converted LeafUnit, or the module itself."""
    inner = getattr(module, "layer", None)
    if isinstance(module, fx.GraphModule) and isinstance(inner, nn.Module):
        return inner
    return module


def prepare(model: nn.Module, plan: FxPlan,
            mapping_for: Callable[[str], QConfigMapping | None],
            example_batch: torch.Tensor, qat: bool) -> tuple[nn.Module, list[FxUnit]]:
    """Prepare every unit in place of its float original; returns the model and units used.
    A unit whose mapping is None (kept float as a whole) stays as it is."""
    inputs = capture_unit_inputs(model, plan.units, example_batch)
    mappings = {unit.name: mapping_for(unit.name) for unit in plan.units}
    used = [unit for unit in plan.units
            if unit.name in inputs and mappings[unit.name] is not None]
    prepare_fn = prepare_qat_fx if qat else prepare_fx
    for unit in sorted(used, key=lambda u: u.depth, reverse=True):
        module = model.get_submodule(unit.name) if unit.name else model
        if unit.name and _is_default_leaf(module) and len(inputs[unit.name]) == 1:
            module = LeafUnit(module)
        config = PrepareCustomConfig().set_non_traceable_module_names(unit.non_traceable)
        prepared = prepare_fn(module, mappings[unit.name], inputs[unit.name],
                              prepare_custom_config=config)
        model = _set_submodule(model, unit.name, prepared)
    return model, used


def convert(model: nn.Module, units: list[FxUnit]) -> nn.Module:
    for unit in sorted(units, key=lambda u: u.depth, reverse=True):
        module = model.get_submodule(unit.name) if unit.name else model
        model = _set_submodule(model, unit.name, convert_fx(module))
    return model


def relative_names(names: Iterable[str], unit_name: str) -> list[str]:
    if not unit_name:
        return list(names)
    prefix = unit_name + "."
    return [n[len(prefix):] for n in names if n.startswith(prefix)]


def keep_float_mapping(base: QConfigMapping, keep_float: Iterable[str], unit_name: str
                       ) -> QConfigMapping | None:
    """``base`` with the layers kept float inside the unit set to float; None where the unit
    itself is kept float (a lone layer inside untraceable code, say a language model's head)."""
    keep_float = list(keep_float)
    if unit_name and any(unit_name == k or unit_name.startswith(k + ".") for k in keep_float):
        return None
    mapping = copy.deepcopy(base)
    for name in relative_names(keep_float, unit_name):
        mapping.set_module_name(name, None)
    return mapping


def observers(model: nn.Module, units: list[FxUnit]
              ) -> list[tuple[tuple[str, str, int], fx.GraphModule, str]]:
    """Every activation observer of the prepared units, keyed by what it observes.

    The key (unit, observed node, occurrence) is the same for every preparation of the same
    model: calibration runs in float, so what an observer sees does not depend on which other
    layers are kept float. That is what lets a what-if re-run reuse the calibration.
    """
    found = []
    for unit in units:
        module = model.get_submodule(unit.name) if unit.name else model
        if not isinstance(module, fx.GraphModule):
            continue
        seen: dict[str, int] = {}
        for node in module.graph.nodes:
            if node.op != "call_module" or "activation_post_process" not in str(node.target):
                continue
            source = node.args[0].name if node.args and isinstance(node.args[0], fx.Node) else ""
            seen[source] = seen.get(source, 0) + 1
            found.append(((unit.name, source, seen[source]), module, str(node.target)))
    return found
