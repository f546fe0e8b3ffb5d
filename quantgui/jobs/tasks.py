"""The jobs the window runs: load a model and summarise it, quantize it.

Each function returns a ``JobFn`` for ``JobRunner.start``. torch and the core are imported inside
the job, in the worker thread, so that the window can show before torch is loaded.
"""

from __future__ import annotations

import collections
from dataclasses import dataclass, field
from typing import Any

from quantgui.core.events import CancelToken
from quantgui.jobs.worker import JobFn


@dataclass
class ModelSummary:
    """What the window shows about a loaded model and its data."""

    layer_types: dict[str, int] = field(default_factory=dict)
    layer_count: int = 0
    parameter_count: int = 0
    size_bytes: int = 0
    input_shape: tuple[int, ...] = ()
    train_count: int = 0
    val_count: int = 0
    has_labels: bool = False
    num_classes: int | None = None
    kind: str = "vector"
    accuracy: float | None = None
    data_description: str = ""
    # a model of several or integer inputs: each as "input_ids int64 [128]" (empty: one float
    # tensor of input_shape)
    inputs: list[str] = field(default_factory=list)


@dataclass
class Loaded:
    """Result of a load job: the core's ``LoadedModel`` and its summary."""

    model: Any  # quantgui.core.demos.LoadedModel
    summary: ModelSummary


def summarize(loaded: Any) -> ModelSummary:
    from quantgui.core import metrics
    from quantgui.core.layers import leaf_modules
    from quantgui.core.signature import DTYPE_NAMES

    model, data = loaded.model, loaded.data
    leaves = leaf_modules(model)
    types = collections.Counter(type(module).__name__ for _, module in leaves)
    signature = getattr(data, "signature", None)
    inputs = [] if signature is None else [
        f"{spec.name} {DTYPE_NAMES.get(spec.dtype, str(spec.dtype))} "
        f"[{', '.join(str(d) for d in spec.shape)}]" for spec in signature.inputs]
    accuracy = None
    if data.has_labels:
        outputs = metrics.predict(model.eval(), data.val_inputs, 256)
        accuracy = metrics.accuracy(outputs, data.val_labels)
    return ModelSummary(
        layer_types=dict(types.most_common()), layer_count=len(leaves),
        parameter_count=sum(p.numel() for p in model.parameters()),
        size_bytes=metrics.state_dict_size_bytes(model), input_shape=data.input_shape,
        train_count=int(data.train_inputs.shape[0]), val_count=int(data.val_inputs.shape[0]),
        has_labels=data.has_labels, num_classes=data.num_classes, kind=data.kind,
        accuracy=accuracy, data_description=data.description, inputs=inputs)


def warm_up_job() -> JobFn:
    """The one-time imports of torch's FX machinery (see ``core.methods.fx_units.warm_up``)."""
    def job(cancel: CancelToken) -> None:
        from quantgui.core.methods.fx_units import warm_up

        warm_up()

    return job


def load_demo_job(name: str) -> JobFn:
    def job(cancel: CancelToken) -> Loaded:
        from quantgui.core.demos import load_demo

        loaded = load_demo(name)
        cancel.raise_if_cancelled()
        return Loaded(loaded, summarize(loaded))

    return job


def load_user_model_job(spec: str, **options: Any) -> JobFn:
    """The user's model file and data (``quantgui.core.sources.stream_user_model`` options):
    an event stream of the stages of opening it (``Progress``), stopped by the job's cancel."""
    def job(cancel: CancelToken):  # noqa: ANN202 - an EventStream[Loaded]
        from quantgui.core.sources import stream_user_model

        loaded = yield from stream_user_model(spec, cancel=cancel, **options)
        cancel.raise_if_cancelled()
        return Loaded(loaded, summarize(loaded))

    return job


def quantize_job(loaded: Any, recipe: Any, cache: Any = None) -> JobFn:
    """``cache``: a ``quantgui.core.pipeline.RunCache`` kept per loaded model (what-if re-runs)."""
    def job(cancel: CancelToken):
        from quantgui.core import pipeline

        return pipeline.run(loaded, recipe, cancel, cache=cache)

    return job


def compare_engines_job(loaded: Any, recipe: Any, names: list[str] | None = None) -> JobFn:
    """``recipe`` on every engine (or ``names``); returns a ``core.compare.EngineComparison``."""
    def job(cancel: CancelToken):
        from quantgui.core.compare import compare_engines
        from quantgui.core.methods.fx_units import warm_up

        # torch's one-time imports may still be running in the warm-up job: an ONNX export or
        # trace meanwhile fails ("module is not installed as a submodule"); wait for them here
        warm_up()
        cancel.raise_if_cancelled()
        return compare_engines(loaded, recipe, cancel, names)

    return job


def compare_techniques_job(loaded: Any, recipes: dict[str, Any]) -> JobFn:
    """Compare all three: every recipe (label -> recipe, ``core.compare_techniques.
    plan_recipes``) on ``loaded``, timed together; returns a ``TechniqueComparison``."""
    def job(cancel: CancelToken):
        from quantgui.core.compare_techniques import compare_techniques
        from quantgui.core.methods.fx_units import warm_up

        warm_up()  # as in compare_engines_job: torch's one-time imports finish first
        cancel.raise_if_cancelled()
        return compare_techniques(loaded, recipes, cancel)

    return job
