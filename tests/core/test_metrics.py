"""Agreement figures: what they are on outputs near zero, and when a result must say, in words,
that its figures cannot be used."""

from __future__ import annotations

import math

import torch

from quantgui.core import metrics, texts


def _pair(scale: float) -> tuple[torch.Tensor, torch.Tensor]:
    generator = torch.Generator().manual_seed(0)
    reference = torch.randn(64, 10, generator=generator)
    noisy = reference + 0.1 * torch.randn(64, 10, generator=generator)
    return reference * scale, noisy * scale


def test_sqnr_is_the_same_on_outputs_near_zero_or_huge():
    """SQNR is a ratio: the logits of a random MobileNetV2 (about 1e-26) have squares below
    float32's range, which made the signal and the noise 0 and the SQNR infinite (identical
    outputs) for outputs that differ by 10 %."""
    expected = metrics.sqnr_db(*_pair(1.0))
    assert 19 < expected < 21
    for scale in (1e-26, 1e-40, 1e25):
        reference, test = _pair(scale)
        assert math.isclose(metrics.sqnr_db(reference, test), expected, abs_tol=0.01), scale
        summed = metrics.SqnrSum()
        summed.add(reference, test)
        assert math.isclose(summed.db(), expected, abs_tol=0.01), scale
    same = _pair(1e-26)[0]
    assert metrics.sqnr_db(same, same.clone()) == math.inf  # identical is still identical


def test_outputs_near_zero_and_outputs_that_do_not_follow_are_said_in_words():
    near_zero = metrics.agreement(*_pair(1e-26))
    assert near_zero.near_zero and not near_zero.unusable
    assert near_zero.reference_rms < metrics.NEAR_ZERO_RMS
    assert near_zero.warnings("E") == [texts.LOG_NEAR_ZERO_OUTPUTS.format(
        rms=f"{near_zero.reference_rms:.1e}", eps=f"{metrics.NEAR_ZERO_RMS:.1e}")]

    reference, _ = _pair(1.0)
    unrelated = metrics.agreement(reference, torch.randn(64, 10))
    assert unrelated.sqnr_db < metrics.USABLE_SQNR_DB and unrelated.unusable
    (said,) = unrelated.warnings("Some engine")
    assert "do not use this model" in said and "Some engine" in said
    assert f"SQNR {unrelated.sqnr_db:.1f} dB" in said

    assert metrics.agreement(*_pair(1.0)).warnings("E") == []
    assert metrics.agreement(reference, torch.full_like(reference, math.nan)).unusable
