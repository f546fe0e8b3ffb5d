"""The Training tab's plots: axes that stay within what their figures can be."""

from __future__ import annotations

from quantgui.core.events import EpochEnd, TrainStep
from quantgui.ui.training_plots import TrainingPlots


def _epochs(plots: TrainingPlots, accuracies: list[float]) -> None:
    epochs = len(accuracies)
    plots.prepare(epochs, 2, 1e-3)
    events: list = []
    for epoch, accuracy in enumerate(accuracies, start=1):
        events += [TrainStep(epoch, epochs, step, 2, 0.5 / epoch, 1e-3) for step in (1, 2)]
        events.append(EpochEnd(epoch, epochs, 0.5 / epoch, 0.4 / epoch, accuracy))
    plots.add_events(events)
    plots.redraw()


def test_the_accuracy_axis_stays_within_0_and_100_percent(qtbot):
    # issue 17: a model reaching 100 % drew its validation accuracy on an axis up to 100.5 %
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.reset(original_accuracy=0.9944)
    _epochs(plots, [0.9972, 1.0, 1.0])
    low, high = plots.acc_plot.viewRange()[1]
    assert high <= 1.0 and low >= 0.0 and high - low >= 0.005
    assert low <= 0.9944  # the original's line stays in view

    plots.reset(original_accuracy=0.1)
    _epochs(plots, [0.0, 0.05])
    low, high = plots.acc_plot.viewRange()[1]
    assert low >= 0.0 and 0.1 < high <= 1.0
