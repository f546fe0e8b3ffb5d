"""The first view: what to do with the loaded model, and which technique shows the most on it.

``TechniqueAdvisor`` observes the window's state: when a model is loaded (and the window is
choosing the technique itself) it plans every technique that does not train (a dry run each,
``core.analysis.plan_layers``, in a worker job) and advises the one that quantizes the most
weight bytes; ties go to the simpler technique (the registry's order: Dynamic before Static).
A technique that trains is never the opening choice: it takes minutes, and it quantizes the
same layers as static.

``StartPage`` is the Start tab: the model, the technique and why, and the two things to press.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from quantgui.jobs.worker import JobRunner
from quantgui.ui import theme
from quantgui.ui.i18n import tr_core
from quantgui.ui.state import WindowState
from quantgui.ui.wording import plural


@dataclass(frozen=True)
class Coverage:
    """What one technique's plan quantizes: int8 layers and their parameters, of the model's."""

    method: str
    layers: int
    parameters: int
    total_parameters: int

    @property
    def share(self) -> float:
        return self.parameters / self.total_parameters if self.total_parameters else 0.0


def best_technique(coverages: list[Coverage]) -> str:
    """The technique that quantizes the most weights; the first of the list on a tie."""
    best = max(coverages, key=lambda c: c.parameters)  # max keeps the first of equals
    return best.method


def advice_job(loaded: Any, methods: list[str]):  # noqa: ANN201 - a worker job
    def job(cancel):  # noqa: ANN001, ANN202
        from quantgui.core import analysis
        from quantgui.core.errors import QuantGUIError
        from quantgui.core.recipes import recipe_for

        coverages = []
        for method in methods:
            cancel.raise_if_cancelled()
            try:
                plan = analysis.plan_layers(loaded, recipe_for(method))
            except QuantGUIError:
                continue  # this technique cannot work on this model: never advised
            coverages.append(Coverage(
                method, sum(1 for p in plan if p.status == "int8"),
                sum(p.parameters for p in plan if p.status == "int8"),
                sum(p.parameters for p in plan)))
        return loaded, coverages

    return job


class TechniqueAdvisor(QObject):
    """``advised(method, coverages)`` once the plans of a newly loaded model are made."""

    advised = Signal(str, list)

    def __init__(self, state: WindowState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.enabled = True  # off once the technique was chosen by hand
        self.coverages: list[Coverage] = []
        self.runner = JobRunner(self, "advice")
        self.runner.finished.connect(self._on_planned)
        state.model_changed.connect(self._on_model)
        state.running_changed.connect(self._on_running)

    def _on_model(self, loaded: Any) -> None:
        from quantgui.core.techniques import techniques

        self.coverages = []
        self.runner.stop_and_wait()
        if not self.enabled:
            return
        methods = [t.name for t in techniques() if not t.trains
                   and not self.state.technique_problem(t.name)]
        if len(methods) > 1:
            self.runner.start(advice_job(loaded, methods))

    def _on_running(self, job: str) -> None:
        if job and job != "load":  # a run decides the technique: no advice after it
            self.stop()

    def stop(self) -> None:
        self.runner.stop_and_wait()

    def _on_planned(self, payload: Any) -> None:
        loaded, coverages = payload
        if loaded is not self.state.loaded or not coverages:
            return
        self.coverages = coverages
        self.advised.emit(best_technique(coverages), coverages)


class StartPage(QWidget):
    """The Start tab. ``quantize_requested`` and ``compare_requested``: its two buttons."""

    quantize_requested = Signal()
    compare_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setAccessibleName(self.tr("Start"))
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.RichText)
        self.advice.setAccessibleName(self.tr("Suggested technique"))
        self.steps = QLabel(self)
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setAccessibleName(self.tr("What to do"))
        buttons = QHBoxLayout()
        self.quantize_button = QPushButton(self.tr("Quantize"), self)
        self.quantize_button.setAccessibleName(self.tr("Quantize from the Start tab"))
        self.quantize_button.clicked.connect(lambda: self.quantize_requested.emit())
        self.compare_button = QPushButton(self.tr("Compare all three"), self)
        self.compare_button.setAccessibleName(self.tr("Compare all three from the Start tab"))
        self.compare_button.clicked.connect(lambda: self.compare_requested.emit())
        buttons.addWidget(self.quantize_button)
        buttons.addWidget(self.compare_button)
        buttons.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.advice)
        layout.addSpacing(8)
        layout.addWidget(self.steps)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.heading.setText(self.tr("<h2>Loading a model…</h2>"))
        self._model: tuple[str, str] | None = None  # what is shown, to write it again
        self._method = ""
        self._advice: tuple[str, list[Coverage] | None] | None = None

    def _title(self, method: str) -> str:
        from quantgui.core.techniques import get_technique

        try:
            return QCoreApplication.translate("technique", get_technique(method).title)
        except Exception:  # noqa: BLE001 - a technique no longer registered: its name
            return method

    def show_model(self, name: str, description: str) -> None:
        """``description``: as the core gives it (English), translated here."""
        self._model = (name, description)
        self.heading.setText(f"<h2>{name}</h2><p>{tr_core('model', description)}</p>")

    def show_technique(self, method: str, advising: bool) -> None:
        """The technique selected now; ``advising``: the plans are being made."""
        self._method = method
        title = self._title(method)
        self.quantize_button.setText(self.tr("Quantize with {technique}").format(
            technique=title))
        if advising:
            self._advice = None
            self.advice.setText(self.tr("Working out which technique quantizes the most of "
                                        "this model…"))
        self._show_steps(title)

    def show_advice(self, chosen: str, coverages: list[Coverage]) -> None:
        """Why ``chosen`` was selected: what each technique's plan quantizes."""
        self._advice = (chosen, coverages)
        parts = [self.tr("{technique}: {layers}, {share:.0%} of the weights").format(
            technique=self._title(c.method), share=c.share,
            layers=plural(c.layers, self.tr("1 layer"), self.tr("{count} layers")))
            for c in coverages]
        self.advice.setText(self.tr(
            "<b>{technique}</b> is selected: of the techniques that need no training, it "
            "quantizes the most of this model ({plans}).").format(
            technique=self._title(chosen), plans="; ".join(parts)))

    def show_chosen(self, method: str) -> None:
        self._advice = (method, None)
        self.advice.setText(self.tr("<b>{technique}</b> is selected.").format(
            technique=self._title(method)))

    def retranslate(self) -> None:
        """View > Language: every text again, in the language installed now (the window's
        language switch calls it after its walk over the widgets)."""
        self.compare_button.setText(self.tr("Compare all three"))
        if self._model is not None:
            self.show_model(*self._model)
        if self._method:
            self.show_technique(self._method, False)
        if self._advice is not None:
            method, coverages = self._advice
            if coverages is None:
                self.show_chosen(method)
            else:
                self.show_advice(method, coverages)

    def _show_steps(self, title: str) -> None:
        muted = theme.muted_color()
        self.steps.setText(
            "<ol>"
            + "<li>" + self.tr("Check the technique and its settings on the left (the "
                               "tooltips say what each one does).") + "</li>"
            + "<li>" + self.tr("Press <b>Quantize</b> (Ctrl+R) to quantize a copy with "
                               "{technique}: Comparison shows the size, the latency and the "
                               "accuracy, Layers each layer's error, Outputs the "
                               "predictions.").format(technique=title) + "</li>"
            + "<li>" + self.tr("Or press <b>Compare all three</b> (Ctrl+Shift+A): Dynamic, "
                               "Static and QAT side by side in the Techniques tab.") + "</li>"
            + "</ol>"
            + f"<p style='color:{muted}'>" + self.tr("Help > Guide (F1) explains each "
                                                    "technique and each number.") + "</p>")
