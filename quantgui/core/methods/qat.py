"""Quantization-aware training in FX graph mode: fine-tune with fake quantization, then convert."""

from __future__ import annotations

import copy

import torch
from torch import nn
from torch.ao.nn.intrinsic.qat import freeze_bn_stats
from torch.ao.quantization import (
    FusedMovingAvgObsFakeQuantize,
    MovingAverageMinMaxObserver,
    QConfig,
    QConfigMapping,
    default_fused_per_channel_wt_fake_quant,
    disable_observer,
    enable_observer,
    get_default_qat_qconfig_mapping,
)

from quantgui.core import texts
from quantgui.core.data import DataBundle
from quantgui.core.events import CancelToken, EventStream, LogMessage, Progress
from quantgui.core.methods import fx_units, training
from quantgui.core.methods.common import MethodResult, evaluating
from quantgui.core.methods.static import float_softmax, softmax_notes, untraceable_notes
from quantgui.core.methods.tied import retie, tied_layers, tied_log, tied_notes
from quantgui.core.recipes import QatRecipe


def qconfig_mapping(recipe: QatRecipe) -> QConfigMapping:
    activation = FusedMovingAvgObsFakeQuantize.with_args(
        observer=MovingAverageMinMaxObserver, quant_min=0, quant_max=255,
        reduce_range=recipe.effective_reduce_range)
    mapping = float_softmax(get_default_qat_qconfig_mapping(recipe.backend).set_global(
        QConfig(activation=activation, weight=default_fused_per_channel_wt_fake_quant)))
    # torch.ao's QAT embeddings need float_qparams weights, which the global per-channel
    # symmetric fake-quant is not (prepare asserts): embeddings train and stay in float
    return mapping.set_object_type(nn.Embedding, None)


def composite_leaf_types(model: nn.Module) -> set[type[nn.Module]]:
    """torch.nn modules that FX runs as one float module although they hold layers
    (nn.TransformerEncoder, nn.MultiheadAttention...). prepare_qat would still swap the layers
    inside for QAT modules, which convert cannot reach and leaves broken ("no attribute
    activation_post_process" at the first call, measured on a TransformerEncoder): they train
    in float, as static quantization leaves them."""
    return {type(module) for module in model.modules()
            if fx_units.is_default_leaf(module) and any(True for _ in module.children())}


FX_HOOKS = training.TrainingHooks(
    train=lambda m: m.train(), eval=lambda m: m.eval(),
    enable_observers=lambda m: m.apply(enable_observer),
    disable_observers=lambda m: m.apply(disable_observer),
    freeze_bn=lambda m: m.apply(freeze_bn_stats))


def quantize(model: nn.Module, data: DataBundle, recipe: QatRecipe,
             cancel: CancelToken) -> EventStream[MethodResult]:
    cancel.raise_if_cancelled()
    loss_kind = training.loss_kind(recipe, data)
    device = torch.device(recipe.device)
    # preparing: the teacher's outputs (distillation: a pass over all the data), then FX
    steps = 1 + (training.Teacher.batches(data, recipe.batch_size)
                 if loss_kind == "distillation" else 0)
    yield Progress("preparing", 0, steps)
    teacher = None
    if loss_kind == "distillation":
        with evaluating(model):  # the model itself, not a copy: its modes are put back
            teacher = yield from training.Teacher.stream(model, data, recipe.batch_size, cancel,
                                                         total=steps)

    work = copy.deepcopy(model).cpu().train()
    plan = fx_units.plan_units(work)
    tied = tied_layers(model, recipe.keep_float)
    yield from tied_log(tied)
    keep = (*recipe.keep_float, *tied)
    base = qconfig_mapping(recipe)
    for kind in composite_leaf_types(work):
        base.set_object_type(kind, None)
    prepared, units = fx_units.prepare(
        work, plan, lambda unit: fx_units.keep_float_mapping(base, keep, unit),
        data.train_inputs[:recipe.batch_size], qat=True)
    prepared.to(device).train()
    yield Progress("preparing", steps, steps)
    if device.type == "cuda":
        yield LogMessage(texts.LOG_TRAINING_ON.format(
            device=torch.cuda.get_device_name(device)))

    parameters = [p for p in prepared.parameters() if p.requires_grad]
    optimizer = training.make_optimizer(parameters, recipe)
    history = yield from training.fine_tune(prepared, data, recipe, cancel, device, loss_kind,
                                            teacher, FX_HOOKS, optimizer)

    cancel.raise_if_cancelled()
    yield Progress("converting", 0, 1)
    # convert on CUDA fails (Unsupported qscheme: per_channel_affine): move to the CPU first.
    prepared = prepared.cpu().eval()
    quantized = fx_units.convert(prepared, units)
    retie(model, quantized)
    notes = {**softmax_notes(model), **untraceable_notes(plan, model), **tied_notes(tied)}
    for name in recipe.keep_float:
        notes[name] = texts.NOTE_KEPT
    yield Progress("converting", 1, 1)
    return MethodResult(quantized, notes, history)
