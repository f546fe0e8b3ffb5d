"""Which engine, before the run: the default engine (torch.ao) or the one that can quantize
the model.

torch.ao's FX graph mode rewrites a model only where FX can trace it. On Hugging Face models
it often cannot: a ResNet ends with 2 of its convolution and linear layers in int8 and the rest
float, a BERT is refused outright (4-43 s into a run). Both are known before the run from the
layer plan (``core.analysis.plan_layers``, a dry run of the same code path with one calibration
batch): the plan either fails inside torch.ao/FX, or says that fewer than half of the weighted
layers would be int8 (``core.analysis.few_quantized``, the rule of the run's own warning).
Then the PT2E engine is the one to use, where torch.export captures the model (one real
export, about a second: the engine's first step).

``choose_engine`` gives the engine and one sentence why. An engine the user chose is kept; the
sentence is then a warning said before the run.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import torch

from quantgui.core import analysis, texts
from quantgui.core.demos import LoadedModel
from quantgui.core.engines import DEFAULT_ENGINE, get_engine
from quantgui.core.errors import Cancelled, QuantGUIError
from quantgui.core.methods.common import evaluating
from quantgui.core.recipes import Recipe
from quantgui.core.techniques import get_technique

ALTERNATIVE_ENGINE = "pt2e"  # captures the whole model with torch.export


@dataclass(frozen=True)
class EngineChoice:
    """The engine a run should use, the one its recipe named, and why they differ (or why
    the named one is a poor choice: a warning)."""

    engine: str  # the engine to run on
    requested: str  # the recipe's engine (the default, or the user's choice)
    reason: str = ""  # one sentence; "" when the requested engine is fine
    explicit: bool = False  # the user chose ``requested``: it is kept
    detail: str = ""  # what torch.ao/FX or torch.export said, for the log

    @property
    def switched(self) -> bool:
        return self.engine != self.requested

    @property
    def warning(self) -> bool:
        """The run stays on an engine known to quantize little or none of the model."""
        return bool(self.reason) and not self.switched


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return f"{type(error).__name__}: {text.splitlines()[0][:200]}" if text \
        else type(error).__name__


def _export_problem(loaded: LoadedModel, recipe: Recipe) -> str | None:
    """Why torch.export cannot capture the model as the PT2E engine does (non-strict, the
    batch dimension dynamic where the model allows), or None. On a copy, with a copy of the
    data: the user's model and data are left as they are."""
    example = loaded.data.example_batch(max(2, recipe.batch_size)).clone()
    work = copy.deepcopy(loaded.model)
    try:
        with evaluating(work), torch.no_grad():
            torch.export.export(work, (example,), dynamic_shapes=({0: torch.export.Dim.AUTO},),
                                strict=False)
    except Cancelled:
        raise
    except Exception as error:  # noqa: BLE001 - any failure: this engine cannot take it
        return f"torch.export could not capture the model: {_first_line(error)}"
    return None


def _alternative_problem(loaded: LoadedModel, recipe: Recipe) -> tuple[str, str | None]:
    """The engine to turn to, and why it cannot run ``recipe`` on the model (None: it can)."""
    try:
        engine = get_engine(ALTERNATIVE_ENGINE)
    except QuantGUIError as error:
        return ALTERNATIVE_ENGINE, error.message
    reason = engine.unavailable_reason() or engine.unsupported_reason(loaded.model,
                                                                       recipe.method)
    if reason:
        return engine.name, reason.rstrip(".")
    return engine.name, _export_problem(loaded, recipe)


def _torch_ao_refuses(error: BaseException) -> bool:
    from quantgui.core.engines.torch_ao import _raised_by_torch_ao

    return _raised_by_torch_ao(error)


def choose_engine(loaded: LoadedModel, recipe: Recipe, explicit: bool = False,
                  plan: list[analysis.PlannedLayer] | None = None) -> EngineChoice:
    """The engine ``recipe`` should run on for ``loaded``, decided before the run.

    Only the default engine is judged (what the plan knows is torch.ao's), and only for the
    techniques that rewrite the graph (static, QAT): dynamic quantization needs no FX. When
    the plan fails inside torch.ao/FX or leaves most weighted layers float and PT2E can take
    the model, the choice is PT2E, unless ``explicit`` (the user chose the engine): then the
    engine is kept and ``reason`` is the warning. ``plan``: the plan of ``recipe``, if made."""
    requested = recipe.engine
    keep = EngineChoice(requested, requested, explicit=explicit)
    technique = get_technique(recipe.method)
    if requested != DEFAULT_ENGINE or not technique.converts_convolutions:
        return keep
    try:
        recipe.check_runnable()
    except QuantGUIError:
        return keep  # the run says what is wrong with the settings
    refused = ""
    few = None
    if plan is None:
        try:
            plan = analysis.plan_layers(loaded, recipe.replace(keep_float=()))
        except Cancelled:
            raise
        except QuantGUIError:
            return keep  # a refusal of QuantGUI's own: the run says it, with its way out
        except Exception as error:  # noqa: BLE001 - judged below: torch.ao's, or not ours
            if not _torch_ao_refuses(error):
                return keep  # a problem of the model or the data: the run reports it
            refused = _first_line(error)
    if not refused:
        few = analysis.few_quantized(loaded.model, plan)
        if few is None:
            return keep
    alternative, problem = _alternative_problem(loaded, recipe)
    values = {"technique": technique.title, "model": loaded.name,
              "default": get_engine(requested).title, "engine": _title(alternative)}
    if few is not None:
        values.update(quantized=few[0], weighted=few[1])
    if problem is not None:
        template = (texts.MESSAGE_ENGINE_NO_OTHER_REFUSED if refused
                    else texts.MESSAGE_ENGINE_NO_OTHER_FEW)
        return EngineChoice(requested, requested, template.format(why=problem, **values),
                            explicit, refused)
    if explicit:
        template = texts.MESSAGE_ENGINE_KEPT_REFUSED if refused else texts.MESSAGE_ENGINE_KEPT_FEW
        return EngineChoice(requested, requested, template.format(**values), True, refused)
    template = texts.MESSAGE_ENGINE_CHOSEN_REFUSED if refused else texts.MESSAGE_ENGINE_CHOSEN_FEW
    return EngineChoice(alternative, requested, template.format(**values), False, refused)


def _title(name: str) -> str:
    try:
        return get_engine(name).title
    except QuantGUIError:  # not registered in this checkout: its name
        return name
