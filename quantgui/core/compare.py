"""Which engine? Run one technique on every engine that can take it, time them all together,
and recommend the fastest that keeps agreement.

Every engine's build is timed again in the same interleaved rounds as the others (and the
float32 eager original), so a busy moment on the machine cannot favour one engine.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from quantgui.core import metrics, texts
from quantgui.core.demos import LoadedModel
from quantgui.core.engines import engines, get_engine
from quantgui.core.errors import Cancelled, QuantGUIError
from quantgui.core.events import CancelToken, EventStream, LogMessage, Progress
from quantgui.core.methods.common import engine_and_threads, evaluating
from quantgui.core.pipeline import RunCache, RunResult, model_details, run
from quantgui.core.recipes import Recipe

SQNR_TOLERANCE_DB = 3.0  # an engine within this of the best agreement "keeps agreement"...
GOOD_ENOUGH_DB = 30.0  # ...and so does any above this: outputs differ by about 3 % or less


def agreement_floor(best_sqnr_db: float, tolerance_db: float = SQNR_TOLERANCE_DB) -> float:
    """The SQNR an engine needs to count as keeping agreement: within ``tolerance_db`` of the
    best engine, but never more than GOOD_ENOUGH_DB (55 dB against 47 dB is no reason to
    choose a slower engine)."""
    return min(best_sqnr_db - tolerance_db, GOOD_ENOUGH_DB)


def pick_engine(figures: dict[str, tuple[float, float]],
                tolerance_db: float = SQNR_TOLERANCE_DB) -> str | None:
    """The fastest engine that keeps agreement; ``figures``: name -> (median ms, SQNR dB)."""
    scored = {name: sqnr for name, (_, sqnr) in figures.items() if not math.isnan(sqnr)}
    if not scored:
        return None
    floor = agreement_floor(max(scored.values()), tolerance_db)
    keeping = [name for name, sqnr in scored.items() if sqnr >= floor]
    return min(keeping, key=lambda name: figures[name][0])


@dataclass
class EngineComparison:
    model_name: str
    method: str
    results: dict[str, RunResult]  # engine name -> its run, latencies from the common rounds
    skipped: dict[str, str] = field(default_factory=dict)  # engine name -> why it did not run
    recommended: str | None = None
    recommendation: str = ""  # one sentence: why that engine
    details: dict[str, Any] | None = None  # LoadedModel.details, for the report

    def rows(self) -> list[dict[str, Any]]:
        """One row per engine that ran, in registry order: the figures the table shows."""
        rows = []
        for name, result in self.results.items():
            eager = result.original.latency.median_ms
            quantized = result.quantized.latency
            reference = result.reference
            rows.append({
                "engine": name,
                "engine_title": get_engine(name).title,
                "recommended": name == self.recommended,
                "latency_ms": quantized.to_dict(),
                "speedup_vs_eager_float32": eager / quantized.median_ms,
                "speedup_vs_engine_float32": (None if reference is None
                                              else reference.latency.median_ms
                                              / quantized.median_ms),
                "engine_float32_latency_ms": (None if reference is None
                                              else reference.latency.to_dict()),
                "prepare_seconds": result.prepare_seconds,
                "size_bytes": result.quantized.size_bytes,
                "accuracy": result.quantized.accuracy,
                "sqnr_db": result.agreement.sqnr_db,
                "top1_agreement": result.agreement.top1_agreement,
                "warnings": list(result.warnings),  # what the figures do not say alone
            })
        return rows

    def to_report(self) -> dict[str, Any]:
        first = next(iter(self.results.values()), None)
        return {
            "model": self.model_name,
            "method": self.method,
            "threads": None if first is None else first.recipe.threads,
            "batch_size": None if first is None else first.recipe.batch_size,
            "original": None if first is None else first.original.to_dict(),
            "engines": self.rows(),
            "skipped": self.skipped,
            "recommended": self.recommended,
            "recommendation": self.recommendation,
            "sqnr_tolerance_db": SQNR_TOLERANCE_DB,
            "environment": {} if first is None else first.environment,
            **model_details(self.details),
        }


def recommend(results: dict[str, RunResult], tolerance_db: float = SQNR_TOLERANCE_DB
              ) -> tuple[str | None, str]:
    """The fastest engine whose agreement is within ``tolerance_db`` of the best one."""
    figures = {name: (r.quantized.latency.median_ms, r.agreement.sqnr_db)
               for name, r in results.items()}
    fastest = pick_engine(figures, tolerance_db)
    if fastest is None:
        return None, texts.MESSAGE_NO_ENGINE_COMPARED
    scored = {name: sqnr for name, (_, sqnr) in figures.items() if not math.isnan(sqnr)}
    floor = agreement_floor(max(scored.values()), tolerance_db)
    keeping = [name for name, sqnr in scored.items() if sqnr >= floor]
    result = results[fastest]
    speedup = result.original.latency.median_ms / result.quantized.latency.median_ms
    dropped = sorted(set(scored) - set(keeping))
    why = texts.MESSAGE_RECOMMENDED.format(
        engine=get_engine(fastest).title, speedup=speedup, sqnr=result.agreement.sqnr_db,
        tolerance=tolerance_db, floor=GOOD_ENOUGH_DB)
    if dropped:
        why = texts.MESSAGE_LEFT_OUT.format(
            recommendation=why, engines=", ".join(get_engine(n).title for n in dropped))
    return fastest, why


def compare_engines(loaded: LoadedModel, recipe: Recipe, cancel: CancelToken | None = None,
                    names: list[str] | None = None) -> EventStream[EngineComparison]:
    """``recipe`` on each engine (all registered, or ``names``) that can run it here."""
    cancel = cancel or CancelToken()
    cache = RunCache()  # the original's outputs and size are measured once
    results: dict[str, RunResult] = {}
    skipped: dict[str, str] = {}
    chosen = [get_engine(name) for name in names] if names else engines()
    # the engines that cannot run here are said first and left out of the count: "Engine 2/3"
    # counts the engines that do run
    runnable = []
    for engine in chosen:
        reason = engine.unavailable_reason() or engine.unsupported_reason(
            loaded.model, recipe.method)
        if reason:
            skipped[engine.name] = reason
            yield LogMessage(texts.LOG_STEP_SKIPPED.format(name=engine.title, reason=reason))
        else:
            runnable.append(engine)
    for index, engine in enumerate(runnable):
        cancel.raise_if_cancelled()
        yield Progress("engines", index, len(runnable), engine.name)
        yield LogMessage(texts.LOG_STEP_QUANTIZING.format(name=engine.title))
        try:
            results[engine.name] = yield from run(loaded, recipe.replace(engine=engine.name),
                                                  cancel, cache)
        except Cancelled:
            raise
        except Exception as error:  # noqa: BLE001 - one engine failing must not lose the others
            reason = (str(error) if isinstance(error, QuantGUIError)
                      else f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
                      if str(error) else type(error).__name__)
            skipped[engine.name] = reason
            yield LogMessage(texts.LOG_STEP_FAILED.format(name=engine.title, reason=reason),
                             "warning")
    yield Progress("engines", len(runnable), len(runnable))
    if results:
        cancel.raise_if_cancelled()
        yield Progress("measuring", 0, 1)
        time_together(loaded, recipe, results)
        yield Progress("measuring", 1, 1)
    recommended, why = recommend(results)
    return EngineComparison(loaded.name, recipe.method, results, skipped, recommended, why,
                            details=getattr(loaded, "details", None))


def time_together(loaded: LoadedModel, recipe: Recipe, results: dict[str, RunResult]) -> None:
    """Every engine's int8 and float32 models and the eager original, in the same rounds."""
    models = {"original": loaded.model}
    for name, result in results.items():
        models[f"{name}:quantized"] = result.quantized_model
        if result.build is not None and result.build.reference is not None:
            models[f"{name}:reference"] = result.build.reference
    batch = loaded.data.example_batch(recipe.batch_size)
    with engine_and_threads(recipe), evaluating(loaded.model):
        latencies = metrics.measure_latencies(models, batch, recipe.threads,
                                              rounds=40, max_seconds=4.0 + 2.0 * len(models))
    for name, result in results.items():
        result.original.latency = latencies["original"]
        result.quantized.latency = latencies[f"{name}:quantized"]
        if result.reference is not None:
            result.reference.latency = latencies[f"{name}:reference"]
