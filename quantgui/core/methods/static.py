"""Post-training static quantization in FX graph mode, calibrated on training data."""

from __future__ import annotations

import copy

import torch
from torch import nn
from torch.ao.quantization import QConfig, QConfigMapping, get_default_qconfig_mapping
from torch.ao.quantization.observer import (
    FixedQParamsObserver,
    HistogramObserver,
    MinMaxObserver,
    MovingAverageMinMaxObserver,
    PerChannelMinMaxObserver,
)

from quantgui.core import texts
from quantgui.core.data import DataBundle
from quantgui.core.events import CancelToken, EventStream, Progress
from quantgui.core.methods import fx_units
from quantgui.core.methods.common import MethodResult
from quantgui.core.methods.tied import retie, tied_layers, tied_log, tied_notes
from quantgui.core.recipes import StaticRecipe

ACTIVATION_OBSERVERS = {
    "minmax": MinMaxObserver,
    "moving_average_minmax": MovingAverageMinMaxObserver,
    "histogram": HistogramObserver,
}


def qconfig_mapping(recipe: StaticRecipe) -> QConfigMapping:
    activation = ACTIVATION_OBSERVERS[recipe.observer].with_args(
        dtype=torch.quint8, reduce_range=recipe.effective_reduce_range)
    if recipe.per_channel:
        weight = PerChannelMinMaxObserver.with_args(dtype=torch.qint8,
                                                    qscheme=torch.per_channel_symmetric)
    else:
        weight = MinMaxObserver.with_args(dtype=torch.qint8, qscheme=torch.per_tensor_symmetric)
    # Start from the backend's default mapping: it keeps the fixed-range settings that ops
    # such as sigmoid and softmax need.
    return float_softmax(get_default_qconfig_mapping(recipe.backend).set_global(
        QConfig(activation=activation, weight=weight)))


SOFTMAX_NOTE = texts.NOTE_SOFTMAX


def float_softmax(mapping: QConfigMapping) -> QConfigMapping:
    """Keep softmax in float: with torch's fixed-range qconfig the scores feeding it are
    quantized to [0, 1), which destroys attention (found on the digits transformer)."""
    for softmax in (nn.Softmax, torch.nn.functional.softmax, torch.softmax):
        mapping.set_object_type(softmax, None)
    return mapping


def softmax_notes(model: nn.Module) -> dict[str, str]:
    return {name: SOFTMAX_NOTE for name, m in model.named_modules() if isinstance(m, nn.Softmax)}


def untraceable_notes(plan: fx_units.FxPlan, model: nn.Module) -> dict[str, str]:
    notes = {}
    for name, reason in plan.untraceable.items():
        module = model.get_submodule(name) if name else model
        for sub_name, _ in module.named_modules():
            full = fx_units._join(name, sub_name)
            notes.setdefault(full, texts.NOTE_UNTRACEABLE.format(
                module=name or texts.NOTE_THE_MODEL, reason=reason.splitlines()[0][:200]))
    return notes


def frozen_observer(observer: nn.Module) -> nn.Module:
    """The calibrated observer's result, kept as fixed scale and zero point: a re-run then
    skips both calibration and the histogram search at convert (most of convert's time)."""
    qscheme = getattr(observer, "qscheme", None)
    if qscheme not in (torch.per_tensor_affine, torch.per_tensor_symmetric):
        return copy.deepcopy(observer)
    scale, zero_point = observer.calculate_qparams()
    return FixedQParamsObserver(
        scale=float(scale), zero_point=int(zero_point), dtype=observer.dtype, qscheme=qscheme,
        quant_min=observer.quant_min, quant_max=observer.quant_max)


def calibration_key(recipe: StaticRecipe) -> tuple:
    """Settings that change what activation observers learn (keep_float does not)."""
    return (recipe.backend, recipe.observer, recipe.calibration_batches, recipe.batch_size,
            recipe.effective_reduce_range)


def quantize(model: nn.Module, data: DataBundle, recipe: StaticRecipe, cancel: CancelToken,
             calibration_cache: dict | None = None, keep_observed: bool = False
             ) -> EventStream[MethodResult]:
    """``calibration_cache`` (a dict owned by the caller, for one model and one dataset) keeps
    calibrated observers between runs: a what-if re-run with other layers kept float reuses
    them and skips calibration. ``keep_observed`` keeps a copy of the calibrated graph for the
    numeric suite (``MethodResult.observed_model``)."""
    cancel.raise_if_cancelled()
    work = copy.deepcopy(model).cpu().eval()
    plan = fx_units.plan_units(work)
    tied = tied_layers(model, recipe.keep_float)
    yield from tied_log(tied)
    keep = (*recipe.keep_float, *tied)
    base = qconfig_mapping(recipe)
    batches = list(data.train_batches(recipe.batch_size))[:recipe.calibration_batches]
    yield Progress("preparing", 0, len(batches))
    prepared, units = fx_units.prepare(
        work, plan, lambda unit: fx_units.keep_float_mapping(base, keep, unit),
        batches[0], qat=False)
    stored = None if calibration_cache is None else calibration_cache.get(calibration_key(recipe))
    found = fx_units.observers(prepared, units)
    if stored is not None and all(key in stored for key, _, _ in found):
        for key, owner, target in found:
            setattr(owner, target, copy.deepcopy(stored[key]))
        yield Progress("calibrating", len(batches), len(batches))
    else:
        for index, batch in enumerate(batches, start=1):
            cancel.raise_if_cancelled()
            with torch.no_grad():  # not across the yield: the caller's code runs with grad
                prepared(batch)
            yield Progress("calibrating", index, len(batches))
        if calibration_cache is not None:
            stored = calibration_cache.setdefault(calibration_key(recipe), {})
            for key, owner, target in found:
                stored[key] = frozen_observer(owner.get_submodule(target))
    cancel.raise_if_cancelled()
    yield Progress("converting", 0, 1)
    whole = len(units) == 1 and not units[0].name and not units[0].non_traceable
    observed = copy.deepcopy(prepared) if whole and keep_observed else None
    quantized = fx_units.convert(prepared, units)
    retie(model, quantized)
    notes = {**softmax_notes(model), **untraceable_notes(plan, model), **tied_notes(tied)}
    for name in recipe.keep_float:
        notes[name] = texts.NOTE_KEPT
    yield Progress("converting", 1, 1)
    return MethodResult(quantized, notes, observed_model=observed)
