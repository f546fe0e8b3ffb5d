"""The Layers tab: see inside the model — which layers are quantized, which ones hurt — and
what-if re-runs with chosen layers kept in float.

Before a run the tab shows the plan (``LayerPlanner``) for the chosen technique and backend;
every layer planned int8 has a "keep float" check box whose names go into the recipe's
``keep_float`` when Quantize is pressed (they are also the state's ``keep_float``, which the
Code tab and Save recipe use). After a run the layers gain the per-layer SQNR columns, the worst
layers are highlighted and a bar chart shows SQNR by layer (``SqnrChart``). Selecting a layer
draws its weights against the int8 grid (``LayerDetail``). "Rank layers" runs the sensitivity
ranking (``SensitivityView``).

``LayersPanel`` composes these parts and observes the window's state (``WindowState``): a new
model, the settings, the runs. The window only creates it, adds its keep-float choices to the
recipe (``recipe_for_run``), hands it the run cache and shows its ``previous_box`` in Comparison.
"""

from __future__ import annotations

import weakref
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from quantgui.ui.i18n import tr_core
from quantgui.ui.layers.chart import SqnrChart
from quantgui.ui.layers.detail import LayerDetail
from quantgui.ui.layers.plan import LayerPlanner
from quantgui.ui.layers.ranking import SensitivityView, sensitivity_job
from quantgui.ui.layers.rows import VIEW_KEY, VIEWS, WORST_DB, LayerRow, status_of, worst_names
from quantgui.ui.layers.table import LayerTable
from quantgui.ui.layers.whatif import PreviousRunBox
from quantgui.ui.preferences import app_settings
from quantgui.ui.state import WindowHost, WindowState
from quantgui.ui.wording import plural


class LayersPanel(QWidget):
    def __init__(self, state: WindowState, host: WindowHost,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._host = weakref.ref(host)  # no cycle: the window must die when deleted
        self.cache: Any = None  # core.pipeline.RunCache, one per loaded model
        self.keep: list[str] = []  # layers ticked "keep float", in model order
        view = str(app_settings().value(VIEW_KEY, "tree"))
        self.view = view if view in VIEWS else "tree"  # "tree" or "flat"

        self.planner = LayerPlanner(state, self)
        self.planner.planning.connect(self._on_planning)
        self.planner.planned.connect(self._on_planned)
        self.planner.unavailable.connect(self._on_plan_unavailable)
        self.planner.failed.connect(self._on_plan_failed)
        self.planner.ended.connect(self._update_buttons)
        self._build()
        self.previous_box = PreviousRunBox()  # the window shows it in Comparison

        state.model_changed.connect(self._on_model_loaded)
        state.recipe_changed.connect(self._on_recipe_changed)
        state.running_changed.connect(self._on_running_changed)
        state.run_completed.connect(self._on_run_completed)
        state.run_shown.connect(self._on_run_shown)

    @property
    def host(self) -> WindowHost:
        host = self._host()
        assert host is not None, "the window is gone"
        return host

    # --- what the parts hold --------------------------------------------------------------
    @property
    def plan(self) -> list | None:
        return self.planner.plan

    @property
    def plan_key(self) -> tuple | None:
        return self.planner.key

    @property
    def result(self) -> Any:
        """The last finished run on the loaded model (also while a re-run goes)."""
        return self.state.last_run

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.status_label = QLabel(self.tr("Load a model to see its layers."), self)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Layer plan status"))
        top.addWidget(self.status_label, 1)
        self.view_group = QButtonGroup(self)
        self.view_group.setExclusive(True)
        self.view_buttons: dict[str, QToolButton] = {}
        for view, text, accessible, tip in (
                ("tree", self.tr("Tree"), self.tr("Show the layers as a tree"),
                 self.tr("Group the layers under the modules that contain them; sorting "
                         "orders the layers inside each module.")),
                ("flat", self.tr("Flat list"), self.tr("Show the layers as a flat list"),
                 self.tr("List every layer by its full name; sorting orders all layers "
                         "together."))):
            button = QToolButton(self)
            button.setText(text)
            button.setCheckable(True)
            button.setAccessibleName(accessible)
            button.setToolTip(tip)
            button.setChecked(view == self.view)
            button.clicked.connect(lambda _=False, v=view: self.set_view(v))
            self.view_group.addButton(button)
            self.view_buttons[view] = button
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.table = LayerTable(self.view, splitter)
        self.table.keep_toggled.connect(self.set_keep_float)
        self.table.layer_selected.connect(lambda _: self._show_detail())
        bottom = QSplitter(Qt.Orientation.Horizontal, splitter)
        self.lower_tabs = QTabWidget(bottom)
        self.chart = SqnrChart(self.lower_tabs)
        self.ranking = SensitivityView(self.lower_tabs)
        self.ranking.rank_requested.connect(self.start_ranking)
        self.ranking.keep_requested.connect(self.keep_suggested)
        self.ranking.failed.connect(lambda message: self.host.log_line(message, "error"))
        self.lower_tabs.addTab(self.chart, self.tr("SQNR by layer"))
        self.lower_tabs.addTab(self.ranking, self.tr("Sensitivity"))
        self.weights = LayerDetail(bottom)
        bottom.addWidget(self.lower_tabs)
        bottom.addWidget(self.weights)
        bottom.setSizes([420, 520])
        splitter.addWidget(self.table)
        splitter.addWidget(bottom)
        splitter.setSizes([330, 400])
        layout.addWidget(splitter, 1)

    # --- the window's state ---------------------------------------------------------------
    def stop_jobs(self) -> None:
        """Stop the plan and the ranking (a run starts, a model loads, the window closes)."""
        self.planner.stop()
        self.ranking.ranker.stop_and_wait()

    def busy(self) -> bool:
        return self.planner.runner.is_running() or self.ranking.is_running()

    def _on_model_loaded(self, _loaded: Any) -> None:
        from quantgui.core.pipeline import RunCache

        self.stop_jobs()
        self.planner.reset()
        self.cache = RunCache()
        self.keep = []
        self.ranking.clear()
        self.previous_box.hide()
        self.table.forget()
        self.table.show_result_columns(False)
        self.weights.clear()  # no layer of the previous model described
        self.chart.show_result(None, [])
        self.status_label.setText(self.tr("Planning…"))
        self.planner.replan()
        self._update_buttons()

    def _on_recipe_changed(self) -> None:
        self.planner.schedule()
        self.ranking.drop_stale(self.planner.current_key())

    def _on_running_changed(self, job: str) -> None:
        self._update_buttons()
        if not job and self.planner.key != self.planner.current_key():
            self.planner.replan()

    def retranslate(self) -> None:
        """View > Language (``retranslate.retranslate_window`` calls it after the walk): the
        status line is made of several texts (the run, the worst layers, the error sources),
        so it is written again in the new language, with the rows."""
        if self.plan is None and self.result is None:
            return
        self._fill()
        if self.keep:
            self._show_keep(self.keep[-1])

    def recipe_for_run(self, recipe: Any) -> Any:
        """The recipe Quantize runs: the settings plus the layers ticked "keep float". Stops
        the panel's own jobs first: a run and a dry run must not share torch's settings."""
        self.stop_jobs()
        self._update_buttons(running=True)
        keep = list(recipe.keep_float) + [n for n in self.keep if n not in recipe.keep_float]
        return recipe.replace(keep_float=tuple(keep)) if keep else recipe

    def _on_run_completed(self, result: Any) -> None:
        self._fill()
        previous = self.state.previous_run
        if previous is not None:
            self.previous_box.show_runs(previous, result, {
                method: self.host.technique_title(method)
                for method in (previous.recipe.method, result.recipe.method)})
        if result.reused:
            self.host.log_line(self.tr("Reused from the previous run: {items}.").format(
                items=", ".join(result.reused)))

    def _on_run_shown(self, _result: Any) -> None:
        """A run of a comparison is shown: its layers, and no what-if (no previous run)."""
        self.previous_box.hide()
        self._fill()
        self._show_detail()

    # --- the plan -------------------------------------------------------------------------
    def _recipe(self) -> Any | None:
        return self.state.recipe if self.state.runnable else None

    def _on_planning(self, recipe: Any) -> None:
        self.status_label.setText(self.tr("Planning {method} quantization on the {backend} "
                                          "backend…").format(
            method=self.host.technique_title(recipe.method), backend=recipe.backend))
        self._update_buttons()

    def _on_planned(self, _plan: list) -> None:
        self._fill()
        self.ranking.drop_stale(self.planner.current_key())

    def _on_plan_unavailable(self, problem: str) -> None:
        self._fill()
        self.status_label.setText(self.tr("No plan: {problem}").format(problem=problem))

    def _on_plan_failed(self, message: str) -> None:
        self.status_label.setText(self.tr("The plan could not be made: {message}").format(
            message=message))

    def _plan_text(self) -> str:
        """'Plan for Static quantization on the x86 backend: 3 layers int8, …', counting the
        layers ticked "keep float" as float."""
        rows = self.table.rows
        counts = {status: sum(1 for row in rows if row.status == status)
                  for status in ("int8", "fused", "float")}
        kept = [row.name for row in rows if row.planned_int8 and row.name in self.keep]
        recipe = self._recipe()
        key = self.plan_key
        method = key[1] if key else ""
        text = self.tr("Plan for {method} quantization on the {backend} backend: {int8}, "
                       "{fused}, {float}.").format(
            method=self.host.technique_title(method),
            backend=recipe.backend if recipe else "",
            int8=plural(counts["int8"], self.tr("1 layer int8"), self.tr("{count} layers int8")),
            fused=plural(counts["fused"], self.tr("1 fused"), self.tr("{count} fused")),
            float=plural(counts["float"], self.tr("1 float"), self.tr("{count} float")))
        if kept:
            return text + " " + self.tr("Kept in float by you: {names}.").format(
                names=", ".join(kept))
        return text + " " + self.tr("Tick “Keep float” to leave a layer in float.")

    # --- the layers -----------------------------------------------------------------------
    def _result_matches_plan(self) -> bool:
        result = self.result
        if result is None:
            return False
        if self.plan_key is None:
            return True
        recipe = self._recipe()
        return recipe is not None and (result.recipe.method, result.recipe.backend) == (
            recipe.method, recipe.backend)

    def _shown_result(self) -> Any:
        return self.result if self._result_matches_plan() else None

    def _fill(self) -> None:
        """Work out every leaf layer's row from the plan and the last run, then show them."""
        plan = {p.name: p for p in self.plan or []}
        result = self._shown_result()
        records = {layer.name: layer for layer in result.layers} if result else {}
        names = list(plan) or list(records)
        worst = worst_names(list(records.values()))
        rows = []
        for name in names:
            planned, record = plan.get(name), records.get(name)
            planned_int8 = planned is not None and planned.status == "int8"
            if record is not None:
                status, reason = status_of(record), tr_core("note", record.note)
            elif planned is not None:
                status, reason = self._planned(planned_int8, planned.status, planned.reason, name)
            else:
                status, reason = "float", ""
            rows.append(LayerRow(
                name=name,
                type=planned.type if planned else record.original_type,
                parameters=planned.parameters if planned else None,
                shape=planned.output_shape if planned else None,
                status=status, reason=reason,
                sqnr=(record.weight_sqnr_db, record.output_sqnr_db, record.accumulated_sqnr_db)
                if record else (None, None, None),
                planned_int8=planned_int8, measured=record is not None))
        loaded = self.state.loaded
        self.table.set_rows(rows, worst, self.keep, loaded.model if loaded is not None else None)
        self.table.show_result_columns(result is not None)
        if result is not None:
            if worst:
                worst_text = self.tr("Highlighted in red: {names}, below {limit:.0f} dB output "
                                     "SQNR (the layer's own error is large).").format(
                    names=", ".join(worst), limit=WORST_DB)
            else:
                worst_text = self.tr("No layer is below {limit:.0f} dB output SQNR, so none is "
                                     "highlighted.").format(limit=WORST_DB)
            self.status_label.setText(self.tr(
                "Last run: {method} on the {backend} backend, {count} of {total} layers int8, "
                "output SQNR {sqnr:.1f} dB. {worst} Measured with {sources}.").format(
                method=self.host.technique_title(result.recipe.method),
                backend=result.recipe.backend, count=result.quantized_layer_count,
                total=len(result.layers), sqnr=result.agreement.sqnr_db,
                worst=worst_text, sources=self._error_sources(result)))
        elif self.plan is not None:
            self.status_label.setText(self._plan_text())
        self.chart.show_result(result, worst)
        self._update_buttons()

    def _planned(self, planned_int8: bool, status: str, reason: str,
                 name: str) -> tuple[str, str]:
        """A layer's status and reason in the plan, with the user's "keep float" tick."""
        if planned_int8 and name in self.keep:
            return "float", self.tr("kept in float: ticked “Keep float” (the plan would make "
                                    "it int8)")
        return status, reason

    def _error_sources(self, result: Any) -> str:
        words = {"torch.ao.ns": self.tr("torch.ao.ns (PyTorch's numeric suite)"),
                 "torch.ao.ns + forward hooks": self.tr("torch.ao.ns (PyTorch's numeric "
                                                        "suite) and forward hooks"),
                 "forward hooks": self.tr("forward hooks")}
        sources = sorted({layer.error_source for layer in result.layers if layer.error_source})
        return self.tr(" and ").join(words.get(source, source) for source in sources) or "—"

    def set_view(self, view: str) -> None:
        """Show the layers as a "tree" of the model's modules or as a "flat" list; the choice
        is remembered. The keep-float ticks live in ``self.keep``, so they survive."""
        if view not in VIEWS:
            raise ValueError(f"unknown view {view!r}")
        self.view_buttons[view].setChecked(True)
        if view == self.view:
            return
        self.view = view
        app_settings().setValue(VIEW_KEY, view)
        self.table.set_view(view)

    # --- keep float -----------------------------------------------------------------------
    def set_keep_float(self, name: str, keep: bool) -> None:
        order = [p.name for p in self.plan or []]
        chosen = set(self.keep)
        if keep:
            chosen.add(name)
        else:
            chosen.discard(name)
        self.keep = sorted(chosen, key=lambda n: order.index(n) if n in order else len(order))
        self.table.tick(name, self.keep)
        self.state.set_keep_float(self.keep)
        self._show_keep(name)

    def _show_keep(self, name: str) -> None:
        """The plan shows a ticked layer as float at once (its row, the modules holding it and
        the counts above); after a run, the status line says what the next run keeps."""
        plan = {p.name: p for p in self.plan or []}
        row = next((r for r in self.table.rows if r.name == name), None)
        if row is not None and not row.measured and name in plan:
            planned = plan[name]
            status, reason = self._planned(row.planned_int8, planned.status, planned.reason,
                                           name)
            self.table.update_row(replace(row, status=status, reason=reason))
        if any(r.measured for r in self.table.rows):
            text = self.status_label.text().split(" " + self.tr("Next run:"))[0]
            if self.keep:
                text += " " + self.tr("Next run: {names} kept in float.").format(
                    names=", ".join(self.keep))
            self.status_label.setText(text)
        elif self.plan is not None:
            self.status_label.setText(self._plan_text())

    def keep_suggested(self, names: list[str]) -> None:
        for name in names:
            self.set_keep_float(name, True)
        if names:
            self.host.show_status(self.tr(
                "Kept in float in the next run: {names}. Press Quantize to compare.").format(
                names=", ".join(self.keep)), 8000)

    # --- the selected layer ---------------------------------------------------------------
    def selected_name(self) -> str | None:
        return self.table.selected_name()

    def select_layer(self, name: str) -> None:
        self.table.select_layer(name)

    def _show_detail(self) -> None:
        name = self.table.selected_name()
        loaded = self.state.loaded
        if name is None or loaded is None:  # e.g. another model was loaded
            self.weights.clear()
        elif self.table.is_container(name):  # a module: its layers have the weights
            item = self.table.item_of(name)
            self.weights.show_module(name, item.text(1) if item is not None else "",
                                     self.table.inside(name))
        else:
            self.weights.show_layer(name, loaded, self._shown_result(), self.result is not None)

    # --- sensitivity ----------------------------------------------------------------------
    def _update_buttons(self, running: bool | None = None) -> None:
        state = self.state
        if running is None:
            running = state.job in ("quantize", "engines", "techniques")
        ready = (state.loaded is not None and not running and state.job != "load"
                 and not state.technique_problem())
        self.ranking.update_buttons(ready)

    def start_ranking(self) -> None:
        state = self.state
        if self.ranking.is_running() or state.busy or state.loaded is None:
            return
        recipe = self._recipe()
        if recipe is None:
            self.ranking.say(self.tr("Fix the settings first."))
            return
        if state.technique_problem(recipe.method):
            return
        self.planner.stop()
        keep = list(recipe.keep_float) + [n for n in self.keep if n not in recipe.keep_float]
        recipe = recipe.replace(keep_float=tuple(keep))
        layers = None
        if self.plan is not None and self.planner.is_current():
            layers = [p.name for p in self.plan if p.status == "int8" and p.name not in keep]
        self.cache.bind(state.loaded)
        title = self.tr("{method} on the {backend} backend").format(
            method=self.host.technique_title(recipe.method), backend=recipe.backend)
        self.lower_tabs.setCurrentIndex(1)
        self.ranking.start(sensitivity_job(state.loaded, recipe, layers,
                                           self.cache.original_outputs, self.cache.calibration),
                           self.planner.current_key(), title)
