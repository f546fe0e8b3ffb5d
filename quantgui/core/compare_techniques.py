"""Compare all three: run Dynamic, Static and QAT (optionally on several engines) on one model,
time every result and the float32 original together, and mark the Pareto front.

The presenter's view of quantization: one table and one chart of size, latency, accuracy and
agreement, and which results no other result beats on all of them at once. Every quantized
model is timed again in the same interleaved rounds as the others and the original, so a busy
moment on the machine cannot favour one technique.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any

from quantgui.core import texts
from quantgui.core.compare import time_together
from quantgui.core.demos import LoadedModel
from quantgui.core.engines import get_engine
from quantgui.core.errors import Cancelled, QuantGUIError
from quantgui.core.events import CancelToken, EventStream, LogMessage, Progress
from quantgui.core.pipeline import RunCache, RunResult, model_details, run
from quantgui.core.recipes import Recipe, recipe_for
from quantgui.core.techniques import get_technique, technique_names
from quantgui.core.timing import interval, latencies_tie

ORIGINAL = "float32"  # the original's label in the table and on the chart


@dataclass(frozen=True)
class Point:
    """One result on the chart: lower latency and size are better, higher quality is."""

    latency_ms: float
    size_bytes: float
    quality: float  # validation accuracy where there are labels, else SQNR against float32
    # the latency's spread (p10, p90); None: the median alone
    latency_spread: tuple[float, float] | None = None

    @property
    def spread(self) -> tuple[float, float]:
        return self.latency_spread or (self.latency_ms, self.latency_ms)


def same_latency(a: Point, b: Point) -> bool:
    """Their p10-p90 intervals intersect: neither is faster (``timing.latencies_tie``)."""
    return latencies_tie(a.spread, b.spread)


def dominates(a: Point, b: Point) -> bool:
    """``a`` is at least as good as ``b`` on every axis and better on one. Two latencies whose
    p10-p90 intervals intersect are equal: a difference inside the spread is no win."""
    tie = same_latency(a, b)
    no_worse = ((tie or a.latency_ms <= b.latency_ms) and a.size_bytes <= b.size_bytes
                and a.quality >= b.quality)
    better = ((not tie and a.latency_ms < b.latency_ms) or a.size_bytes < b.size_bytes
              or a.quality > b.quality)
    return no_worse and better


def latency_ties(points: dict[str, Point]) -> dict[str, list[str]]:
    """label -> the other labels whose latency is the same within p10-p90 (those with a tie
    only)."""
    ties = {label: [other for other, q in points.items()
                    if other != label and same_latency(p, q)]
            for label, p in points.items()}
    return {label: others for label, others in ties.items() if others}


def pareto_front(points: dict[str, Point]) -> list[str]:
    """The labels no other point dominates, in the order given (NaN quality never counts)."""
    valid = {label: p for label, p in points.items() if not math.isnan(p.quality)}
    return [label for label, point in valid.items()
            if not any(dominates(other, point) for name, other in valid.items()
                       if name != label)]


@dataclass
class TechniqueComparison:
    model_name: str
    results: dict[str, RunResult]  # label ("static", or "static · pt2e") -> its run
    skipped: dict[str, str] = field(default_factory=dict)  # label -> why it did not run
    quality: str = "sqnr_db"  # what the quality axis is: "accuracy" or "sqnr_db"
    front: list[str] = field(default_factory=list)  # labels on the Pareto front
    details: dict[str, Any] | None = None  # LoadedModel.details, for the report

    def points(self) -> dict[str, Point]:
        first = next(iter(self.results.values()), None)
        points: dict[str, Point] = {}
        if first is not None:
            original_quality = (first.original.accuracy if self.quality == "accuracy"
                                else math.inf)
            points[ORIGINAL] = Point(first.original.latency.median_ms,
                                     first.original.size_bytes, original_quality,
                                     interval(first.original.latency))
        for label, result in self.results.items():
            quality = (result.quantized.accuracy if self.quality == "accuracy"
                       else result.agreement.sqnr_db)
            points[label] = Point(result.quantized.latency.median_ms,
                                  result.quantized.size_bytes,
                                  math.nan if quality is None else quality,
                                  interval(result.quantized.latency))
        return points

    def rows(self) -> list[dict[str, Any]]:
        """One row per result, the original first. ``settings``: what each run used (its
        engine, epochs, calibration batches: Compare all three may train QAT for fewer epochs
        than a QAT run alone); ``latency_ties``: the rows whose latency is the same within
        p10-p90."""
        rows = []
        ties = latency_ties(self.points())
        first = next(iter(self.results.values()), None)
        if first is not None:
            rows.append({"label": ORIGINAL, "technique": None, "engine": None,
                         "size_bytes": first.original.size_bytes,
                         "latency_ms": first.original.latency.to_dict(),
                         "accuracy": first.original.accuracy, "sqnr_db": None,
                         "top1_agreement": None, "size_ratio": 1.0, "speedup": 1.0,
                         "quantized_layers": 0, "layers": len(first.layers),
                         "duration_s": None, "pareto": ORIGINAL in self.front,
                         "settings": None, "latency_ties": ties.get(ORIGINAL, [])})
        for label, result in self.results.items():
            original = result.original
            rows.append({
                "label": label, "technique": result.recipe.method, "engine": result.engine,
                "technique_title": result.technique.title,
                "engine_title": get_engine(result.engine).title,
                "size_bytes": result.quantized.size_bytes,
                "latency_ms": result.quantized.latency.to_dict(),
                "accuracy": result.quantized.accuracy,
                "sqnr_db": result.agreement.sqnr_db,
                "top1_agreement": result.agreement.top1_agreement,
                "size_ratio": result.quantized.size_bytes / original.size_bytes,
                "speedup": original.latency.median_ms / result.quantized.latency.median_ms,
                "quantized_layers": result.quantized_layer_count, "layers": len(result.layers),
                "duration_s": result.duration_s, "pareto": label in self.front,
                "settings": run_settings(result.recipe),
                "latency_ties": ties.get(label, []),
                "warnings": list(result.warnings),  # what the figures do not say alone
            })
        return rows

    def to_report(self) -> dict[str, Any]:
        first = next(iter(self.results.values()), None)
        return {
            "model": self.model_name,
            "threads": None if first is None else first.recipe.threads,
            "batch_size": None if first is None else first.recipe.batch_size,
            "quality_axis": self.quality,
            "rows": self.rows(),
            "pareto_front": self.front,
            "skipped": self.skipped,
            "environment": {} if first is None else first.environment,
            **model_details(self.details),
        }


RUN_SETTINGS = ("epochs", "calibration_batches")  # the settings a row of the table shows


def run_settings(recipe: Recipe) -> dict[str, Any]:
    """What a run used that the table shows beside it: its engine, and its epochs or
    calibration batches where the technique has them."""
    settings: dict[str, Any] = {"engine": recipe.engine}
    for name in RUN_SETTINGS:
        if hasattr(recipe, name):
            settings[name] = getattr(recipe, name)
    return settings


def label_for(technique: str, engine: str, several_engines: bool) -> str:
    return f"{technique} · {engine}" if several_engines else technique


def plan_recipes(techniques: list[str] | None = None, engine_names: list[str] | None = None,
                 **settings: Any) -> dict[str, Recipe]:
    """One recipe per (technique, engine), label -> recipe; ``settings`` apply where the
    technique has them (QAT's epochs are not a Dynamic setting)."""
    techniques = techniques or technique_names()
    engine_names = engine_names or [settings.pop("engine", None) or "torch_ao"]
    settings.pop("engine", None)
    several = len(engine_names) > 1
    recipes = {}
    for technique in techniques:
        fields = {f.name for f in dataclasses.fields(get_technique(technique).recipe_type)}
        own = {name: value for name, value in settings.items() if name in fields}
        for engine in engine_names:
            recipes[label_for(technique, engine, several)] = recipe_for(technique,
                                                                        engine=engine, **own)
    return recipes


def compare_techniques(loaded: LoadedModel, recipes: dict[str, Recipe],
                       cancel: CancelToken | None = None
                       ) -> EventStream[TechniqueComparison]:
    """Run each recipe on ``loaded`` (a failure is reported and skipped), time them together
    with the original, and find the Pareto front of latency, size and quality."""
    cancel = cancel or CancelToken()
    cache = RunCache()  # the original's outputs and size are measured once
    results: dict[str, RunResult] = {}
    skipped: dict[str, str] = {}
    for index, (label, recipe) in enumerate(recipes.items()):
        cancel.raise_if_cancelled()
        yield Progress("techniques", index, len(recipes))
        try:
            recipe.check_runnable()
            reason = get_engine(recipe.engine).unsupported_reason(loaded.model, recipe.method)
            if reason:
                raise QuantGUIError(reason)
            yield LogMessage(texts.LOG_STEP_QUANTIZING.format(name=label))
            results[label] = yield from run(loaded, recipe, cancel, cache)
        except Cancelled:
            raise
        except Exception as error:  # noqa: BLE001 - one failure must not lose the others
            reason = (error.message if isinstance(error, QuantGUIError)
                      else f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
                      if str(error) else type(error).__name__)
            skipped[label] = reason
            yield LogMessage(texts.LOG_STEP_NOT_RUN.format(name=label, reason=reason), "warning")
    yield Progress("techniques", len(recipes), len(recipes))
    if results:
        cancel.raise_if_cancelled()
        yield Progress("measuring", 0, 1)
        first = next(iter(results.values()))
        time_together(loaded, first.recipe, results)
        yield Progress("measuring", 1, 1)
    has_accuracy = bool(results) and all(
        r.quantized.accuracy is not None and r.original.accuracy is not None
        for r in results.values())
    comparison = TechniqueComparison(loaded.name, results, skipped,
                                     "accuracy" if has_accuracy else "sqnr_db",
                                     details=getattr(loaded, "details", None))
    comparison.front = pareto_front(comparison.points())
    return comparison
