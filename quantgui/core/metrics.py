"""Honest measurements: bytes on disk, median latency with threads stated, agreement."""

from __future__ import annotations

import io
import math
import statistics
import time
from dataclasses import asdict, dataclass
from typing import Any

import torch
from torch import nn

from quantgui.core import texts
from quantgui.core.events import CancelToken, EventStream, Progress
from quantgui.core.timing import LoadMeter


class _ByteCounter(io.RawIOBase):
    """A write-only file that keeps nothing but the number of bytes written to it."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        size = memoryview(data).nbytes
        self.count += size
        return size


def state_dict_size_bytes(model: nn.Module) -> int:
    """Bytes of ``torch.save(model.state_dict())``: packed int8 weights are not Parameters.
    Counted as they are written, not kept: a copy of a large model in memory just to measure
    it was the largest step of a run's peak memory (measured: +200 MB on a 200 MB MLP)."""
    counter = _ByteCounter()
    torch.save(model.state_dict(), counter)
    return counter.count


@dataclass
class LatencyStats:
    median_ms: float
    p90_ms: float
    repeats: int
    threads: int
    batch_size: int
    p10_ms: float | None = None  # with p90: the spread of the runs
    interleaved: bool = False  # measured in rounds with the models it is compared with
    # the share of the whole CPU (0-100) other processes used meanwhile (core.timing); None:
    # not measured (not Linux)
    other_cpu_percent: float | None = None

    def to_dict(self) -> dict:
        return {"median": self.median_ms, "p10": self.p10_ms, "p90": self.p90_ms,
                "repeats": self.repeats, "threads": self.threads,
                "batch_size": self.batch_size, "interleaved": self.interleaved,
                "other_cpu_percent": self.other_cpu_percent}


def _percentile(ordered: list[float], fraction: float) -> float:
    return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]


LATENCY_SECONDS = 2.0  # time budget of one interleaved measurement, warm-up included
MIN_ROUNDS = 5  # a slow model is still timed this many times


def measure_latencies(models: dict[str, nn.Module], batch: torch.Tensor, threads: int,
                      rounds: int = 30, warmup: int = 3, max_seconds: float = LATENCY_SECONDS,
                      min_rounds: int = MIN_ROUNDS) -> dict[str, LatencyStats]:
    """``stream_latencies`` run to its end."""
    from quantgui.core.events import drive

    return drive(stream_latencies(models, batch, threads, rounds=rounds, warmup=warmup,
                                  max_seconds=max_seconds, min_rounds=min_rounds))


def plan_rounds(round_seconds: float, rounds: int, warmup: int, max_seconds: float,
                min_rounds: int) -> tuple[int, int]:
    """(warm-up runs, timed rounds) that fit ``max_seconds`` for a round of
    ``round_seconds``, one warm-up already done: at least one warm-up and ``min_rounds``
    rounds, at most ``warmup`` and ``rounds``."""
    if round_seconds <= 0:
        return warmup, rounds
    affordable = int(max_seconds / round_seconds)  # rounds the budget pays for, warm-ups too
    if affordable >= warmup + rounds:
        return warmup, rounds
    # a slow model: one warm-up (its first run), then as many rounds as the budget allows
    return 1, max(min(rounds, min_rounds), min(rounds, affordable - 1))


def stream_latencies(models: dict[str, nn.Module], batch: torch.Tensor, threads: int,
                     cancel: CancelToken | None = None, rounds: int = 30, warmup: int = 3,
                     max_seconds: float = LATENCY_SECONDS, min_rounds: int = MIN_ROUNDS
                     ) -> EventStream[dict[str, LatencyStats]]:
    """Latency of several models on the same batch, measured in interleaved rounds: each round
    runs every model once, in an order that rotates, so a busy moment on a shared machine
    slows them all alike instead of faking a ratio. Median, p10 and p90 of warm runs under
    inference_mode with an explicit thread count.

    The number of rounds adapts to the models: a first warm-up round is timed, and the
    warm-ups and rounds are what fits ``max_seconds`` (at least ``min_rounds``, at most
    ``rounds``), so a large model is not measured for minutes; ``LatencyStats.repeats`` says
    how many were timed. Yields ``Progress("measuring", round, rounds)``; checks ``cancel``
    between two runs."""
    cancel = cancel or CancelToken()
    previous = torch.get_num_threads()
    torch.set_num_threads(threads)
    names = list(models)
    times: dict[str, list[float]] = {name: [] for name in names}
    def one_round(order: list[str], timed: bool) -> None:
        # inference_mode for the runs only, not across the yields: the caller's code between
        # two events must not run in it
        with torch.inference_mode():
            for name in order:
                cancel.raise_if_cancelled()
                start = time.perf_counter()
                models[name](batch)
                if timed:
                    times[name].append((time.perf_counter() - start) * 1000.0)

    load = LoadMeter()  # other programs' CPU use while this runs
    try:
        started = time.perf_counter()
        one_round(names, timed=False)
        first_round = time.perf_counter() - started
        warm, planned = plan_rounds(first_round, rounds, warmup, max_seconds, min_rounds)
        yield Progress("measuring", 0, planned)
        for _ in range(warm - 1):
            one_round(names, timed=False)
        budget_end = started + max_seconds
        for index in range(planned):
            shift = index % len(names)
            one_round(names[shift:] + names[:shift], timed=True)
            yield Progress("measuring", index + 1, planned)
            if index + 1 >= min_rounds and time.perf_counter() > budget_end:
                break
    finally:
        torch.set_num_threads(previous)
    others = load.stop()
    stats = {}
    for name, values in times.items():
        ordered = sorted(values)
        stats[name] = LatencyStats(statistics.median(ordered), _percentile(ordered, 0.9),
                                   len(ordered), threads, batch.shape[0],
                                   p10_ms=_percentile(ordered, 0.1), interleaved=True,
                                   other_cpu_percent=others)
    if len(next(iter(times.values()), [])) < planned:
        yield Progress("measuring", planned, planned)
    return stats


def measure_latency(model: nn.Module, batch: torch.Tensor, threads: int, repeats: int = 50,
                    warmup: int = 5, max_seconds: float = 5.0) -> LatencyStats:
    """Median and p90 of warm runs under inference_mode, with an explicit thread count."""
    previous = torch.get_num_threads()
    torch.set_num_threads(threads)
    times: list[float] = []
    try:
        with torch.inference_mode():
            for _ in range(warmup):
                model(batch)
            budget_end = time.perf_counter() + max_seconds
            while len(times) < repeats:
                start = time.perf_counter()
                model(batch)
                times.append((time.perf_counter() - start) * 1000.0)
                if len(times) >= 10 and time.perf_counter() > budget_end:
                    break
    finally:
        torch.set_num_threads(previous)
    ordered = sorted(times)
    p90 = ordered[min(len(ordered) - 1, math.ceil(0.9 * len(ordered)) - 1)]
    return LatencyStats(statistics.median(ordered), p90, len(ordered), threads, batch.shape[0])


def stream_predict(model: nn.Module, inputs: torch.Tensor, batch_size: int,
                   cancel: CancelToken | None = None, stage: str = "predicting"
                   ) -> EventStream[torch.Tensor]:
    """``predict`` batch by batch, yielding ``Progress(stage, batch, batches)`` and checking
    ``cancel`` between two batches."""
    cancel = cancel or CancelToken()
    total = -(-inputs.shape[0] // batch_size)
    outputs = []
    yield Progress(stage, 0, total)
    for index, start in enumerate(range(0, inputs.shape[0], batch_size), start=1):
        cancel.raise_if_cancelled()
        with torch.inference_mode():
            output = model(inputs[start:start + batch_size])
            outputs.append((output.dequantize() if output.is_quantized else output).float())
        yield Progress(stage, index, total)
    return torch.cat(outputs)


@torch.inference_mode()
def predict(model: nn.Module, inputs: torch.Tensor, batch_size: int) -> torch.Tensor:
    outputs = [model(inputs[i:i + batch_size]) for i in range(0, inputs.shape[0], batch_size)]
    return torch.cat([o.dequantize() if o.is_quantized else o for o in outputs]).float()


def accuracy(outputs: torch.Tensor, labels: torch.Tensor | None) -> float | None:
    if labels is None or outputs.ndim != 2:
        return None
    return (outputs.argmax(dim=1) == labels).float().mean().item()


@dataclass
class Agreement:
    cosine: float
    sqnr_db: float
    mse: float
    max_abs_error: float
    top1_agreement: float | None
    reference_rms: float | None = None  # of the original's outputs (None: not measured)

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def near_zero(self) -> bool:
        """The original's outputs are too close to zero for agreement figures to mean
        anything (``NEAR_ZERO_RMS``)."""
        return self.reference_rms is not None and self.reference_rms < NEAR_ZERO_RMS

    @property
    def unusable(self) -> bool:
        """The quantized outputs do not follow the original's: SQNR below ``USABLE_SQNR_DB``
        (or none: NaN), on outputs that are not near zero."""
        return not self.near_zero and not self.sqnr_db >= USABLE_SQNR_DB

    def warnings(self, engine: str) -> list[str]:
        """What a result must say in words about these figures (texts of context "log")."""
        if self.near_zero:
            return [texts.LOG_NEAR_ZERO_OUTPUTS.format(rms=f"{self.reference_rms:.1e}",
                                                       eps=f"{NEAR_ZERO_RMS:.1e}")]
        if self.unusable:
            return [texts.LOG_UNUSABLE_OUTPUTS.format(sqnr=f"{self.sqnr_db:.1f}",
                                                      floor=f"{USABLE_SQNR_DB:g}",
                                                      engine=engine)]
        return []


# Below this SQNR the error carries half the outputs' energy or more: the quantized model does
# not follow the original, whatever the technique (a working int8 model gives 20-50 dB; a
# result near 0 dB was a bug, e.g. the data changed under the comparison, not a data point).
USABLE_SQNR_DB = 3.0
# Outputs whose RMS is below float32's epsilon (1.2e-7): no quantizer's step is that fine
# (torch.ao's observers floor their scales at it, the PT2E engine's at 2**-12), so int8
# outputs round to zero and SQNR, cosine and top-1 measure that floor, not the model. A
# randomly initialised MobileNetV2 gives logits of about 1e-26.
NEAR_ZERO_RMS = float(torch.finfo(torch.float32).eps)



def _rescale(reference: torch.Tensor, test: torch.Tensor
             ) -> tuple[torch.Tensor, torch.Tensor, float]:
    """Both divided by their largest magnitude, and the square of the factor, where their
    squares would leave float32's range: squares of values near 1e-26 (a random MobileNetV2's
    logits) underflow to 0, and 0 / 0 read as identical outputs (inf dB); values past 1e19
    overflow. SQNR is a ratio: the same divisor on both sides leaves it as it is."""
    if not reference.numel():
        return reference, test, 1.0
    peak = max(reference.abs().max().item(), test.abs().max().item())
    if not math.isfinite(peak) or peak == 0.0 or SAFE_PEAKS[0] <= peak <= SAFE_PEAKS[1]:
        return reference, test, 1.0
    return reference / peak, test / peak, peak * peak


# magnitudes whose squares (and sums of millions of them) stay well inside float32's range
SAFE_PEAKS = (1e-15, 1e15)


def sqnr_db(reference: torch.Tensor, test: torch.Tensor) -> float:
    """10·log10(‖y‖² / ‖y − ŷ‖²); infinite when the outputs are identical."""
    reference, test, _ = _rescale(reference.float(), test.float())
    signal = reference.pow(2).sum(dtype=torch.float64).item()
    noise = (reference - test).pow(2).sum(dtype=torch.float64).item()
    if not (math.isfinite(noise) and math.isfinite(signal)):
        return math.nan  # overflow or NaN in the outputs: no meaningful ratio
    if noise == 0.0:
        return math.inf
    if signal == 0.0:
        return -math.inf
    return 10.0 * math.log10(signal / noise)


def _plain(tensor: torch.Tensor) -> torch.Tensor:
    return (tensor.dequantize() if tensor.is_quantized else tensor).float()


class SqnrSum:
    """Signal and noise energy summed over chunks of a larger tensor: the SQNR of the whole
    without holding it. Float32 dot products (BLAS-blocked, 25x quicker than a float64 sum on
    large activations; within 0.01 dB of it), summed in Python floats."""

    __slots__ = ("noise", "signal")
    SLICE = 2**22  # values a step (16 MB in float32)

    def __init__(self) -> None:
        self.signal = 0.0
        self.noise = 0.0

    def add(self, reference: torch.Tensor, test: torch.Tensor) -> bool:
        """Add one chunk; False (nothing added) when the shapes differ."""
        if reference.shape != test.shape:
            return False
        reference, test = reference.detach(), test.detach()
        if reference.ndim == 0:
            reference, test = reference.reshape(1), test.reshape(1)
        # in blocks of rows: the difference of two large tensors (or a quantized one's float
        # values) is never held whole
        rows = max(1, self.SLICE // max(1, reference[0].numel()))
        for start in range(0, reference.shape[0], rows):
            part, other, factor = _rescale(_plain(reference[start:start + rows]).reshape(-1),
                                           _plain(test[start:start + rows]).reshape(-1))
            difference = part - other
            self.signal += torch.dot(part, part).item() * factor
            self.noise += torch.dot(difference, difference).item() * factor
        return True

    def db(self) -> float:
        """As ``sqnr_db`` of the whole."""
        if not (math.isfinite(self.noise) and math.isfinite(self.signal)):
            return math.nan
        if self.noise == 0.0:
            return math.inf
        if self.signal == 0.0:
            return -math.inf
        return 10.0 * math.log10(self.signal / self.noise)


def agreement(reference: torch.Tensor, test: torch.Tensor) -> Agreement:
    ref, out = reference.flatten().double(), test.flatten().double()
    cosine = torch.nn.functional.cosine_similarity(ref, out, dim=0).item()
    diff = ref - out
    top1 = None
    if reference.ndim == 2 and reference.shape[1] > 1:
        top1 = (reference.argmax(1) == test.argmax(1)).float().mean().item()
    return Agreement(cosine=cosine, sqnr_db=sqnr_db(reference, test),
                     mse=diff.pow(2).mean().item(), max_abs_error=diff.abs().max().item(),
                     top1_agreement=top1,
                     # in float64: the squares of values near 1e-26 underflow float32
                     reference_rms=math.sqrt(torch.dot(ref, ref).item() / max(1, ref.numel())))
