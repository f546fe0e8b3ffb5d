"""The main window: pick a model and a technique, quantize, and see what changed."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QElapsedTimer,
    QEvent,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from quantgui import __version__
from quantgui.core.techniques import get_technique, technique_names, techniques
from quantgui.jobs.worker import JobFailure, JobRunner
from quantgui.ui import gc_guard, theme
from quantgui.ui.code_view import CodeView
from quantgui.ui.comparison_panel import ComparisonPanel, format_bytes
from quantgui.ui.elided_label import ElidedLabel
from quantgui.ui.engine_advisor import EngineAdvisor
from quantgui.ui.engines_panel import EnginesPanel, tr_engine
from quantgui.ui.history_panel import HistoryPanel
from quantgui.ui.i18n import LANGUAGES, tr_core
from quantgui.ui.layers import LayersPanel
from quantgui.ui.log_panel import LogPanel
from quantgui.ui.preferences import app_settings
from quantgui.ui.results_io import ResultsIO
from quantgui.ui.samples_panel import SamplesPanel
from quantgui.ui.settings_panel import SettingsPanel
from quantgui.ui.start_page import StartPage, TechniqueAdvisor
from quantgui.ui.state import WindowState
from quantgui.ui.techniques_panel import TechniquesPanel
from quantgui.ui.training_plots import TrainingPlots
from quantgui.ui.user_models import UserModels
from quantgui.ui.wording import fit_title, window_words


def tr_technique(text: str) -> str:
    return QCoreApplication.translate("technique", text)


STAGE_QUIET_MS = 2000  # a stage without news this long shows the seconds it has lasted
LEFT_WIDTH = 350  # the settings panel's width, when the window has room for it
LEFT_LEAST = 300  # and the least it takes, to give the tab bar room at 1024x768
DEFAULT_DEMO = "digits-cnn"  # mirrors quantgui.core.demos.DEFAULT_DEMO (kept torch-free here)
OPEN_MODEL = "__open__"
MENU_CLOSED_MS = 30  # View > Language applies this long after its menu closed (it repaints first)


class _ResizeWatch(QObject):
    """Calls ``callback`` when ``watched`` is resized or its layout changes (a child of it;
    weak, so the window it belongs to is freed when closed)."""

    def __init__(self, watched: QWidget, callback: Callable[[], Any]) -> None:
        super().__init__(watched)
        self._callback = weakref.WeakMethod(callback)
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            callback = self._callback()
            if callback is not None:
                callback()
        return False


class MainWindow(QMainWindow):
    model_loaded = Signal()
    # "finished", "cancelled" or "failed"; "compared" ends a Compare engines or Compare all
    # three job (whose runs are not self.result: listeners acting on "finished" must not see
    # them)
    run_finished = Signal(str)

    def __init__(self, demo: str | None = None, method: str | None = None,
                 load_now: bool = False) -> None:
        super().__init__()
        gc_guard.install()  # cycles collected on the GUI thread only (see gc_guard)
        self.setObjectName("QuantGUIMainWindow")
        self.setWindowTitle(self.tr("QuantGUI — PyTorch quantization"))
        self.settings = app_settings()
        # the loaded model, the runs on it, the recipe and the job running: one owner that the
        # panels observe (a cancelled or failed re-run shows the last completed result again)
        self.state = WindowState(self)
        self.state.result_changed.connect(self._show_result)
        self.state.running_changed.connect(lambda _: self._update_controls())
        stored = str(self.settings.value(theme.THEME_KEY, "system"))
        # the theme chosen in View > Theme, before any plot is made (pyqtgraph's colours)
        self.theme = theme.apply_theme(stored) if stored in ("light", "dark") else "system"
        self.error_dialog: QMessageBox | None = None
        self.close_question: QMessageBox | None = None  # "a run is going: stop it and quit?"
        self.error_retry_button: QPushButton | None = None  # "Change and try again…"
        self._close_confirmed = False
        self._recipe_error = ""
        self._demo = demo or str(self.settings.value("demo", DEFAULT_DEMO))
        self._method = method or str(self.settings.value("method", ""))
        # no technique asked for (command line) nor chosen before: each model loaded opens on
        # the technique that shows the most on it, until one is chosen by hand
        self._auto_method = self._method not in technique_names()
        if self._method not in technique_names():
            self._method = technique_names()[0]
        self.advisor = TechniqueAdvisor(self.state, self)
        self.advisor.enabled = self._auto_method
        self.advisor.advised.connect(self._on_advised)
        self._progress_total_steps = 0
        self._stage_clock = QElapsedTimer()  # since the stage shown began (its last event)
        self._job_kind = "quantize"  # or "engines": what self.runner is running
        # the engine a comparison runs now, its place and how many run: from its "engines"
        # progress, which counts only the engines that do run (not those skipped)
        self._engine_name = ""
        self._engine_count: int | None = None
        self._engine_index = 0
        self.comparison_report: dict | None = None  # the last engine comparison
        self.techniques_report: dict | None = None  # the last Compare all three
        self._technique_titles: list[str] = []  # the techniques it goes through, in order
        self._technique_training_shown = False  # QAT's live curves taken over in this job
        # the runs of the last comparison on this model (Compare engines: by engine; Compare
        # all three: by label), one of which Comparison, Layers and Outputs can show
        self._compared_runs: dict[str, Any] = {}
        self._compared_kind = ""  # "engines" or "techniques"
        self._focus_before_run: QWidget | None = None  # see _park_focus

        self.loader = JobRunner(self, "load")
        self.loader.events.connect(self._on_load_events)
        self.loader.finished.connect(self._on_loaded)
        self.loader.failed.connect(self._on_load_failed)
        self.loader.cancelled.connect(self._on_load_cancelled)
        # torch's first FX trace imports a large part of torch (1-3 s holding the interpreter
        # lock): done once, in the background, after the first model is loaded
        self.warm = False
        self.warmer = JobRunner(self, "warm-up")
        self.warmer.finished.connect(self._on_warmed_up)
        self.runner = JobRunner(self, "quantize")
        self.runner.events.connect(self._on_events)
        self.runner.finished.connect(self._on_run_finished)
        self.runner.failed.connect(self._on_run_failed)
        self.runner.cancelled.connect(self._on_run_cancelled)

        self._build_left()
        self._build_tabs()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.left_panel)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([LEFT_WIDTH, 930])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.splitter = splitter
        self._left_given = 0  # px the settings gave up so that every tab shows (_fit_tabs)
        self._tabs_fitter = QTimer(self)  # after the resize or the new titles, once
        self._tabs_fitter.setSingleShot(True)
        self._tabs_fitter.setInterval(0)
        self._tabs_fitter.timeout.connect(self._fit_tabs)
        _ResizeWatch(self.tabs, self._fit_tabs_soon)
        self._build_menus()
        # the engine box: the engine that can quantize the model, said before the run
        self.engine_advisor = EngineAdvisor(self.state, self.settings_panel, self, self)
        self.state.run_shown.connect(lambda _: self.results_io.update_actions())
        self.engines_panel.run_selected.connect(lambda name: self.show_compared_run(name))
        self.techniques_panel.run_selected.connect(lambda label: self.show_compared_run(label))
        self.statusBar().showMessage(self.tr("Loading {name}…").format(name=self._demo))
        self._elapsed = QElapsedTimer()
        self._clock = QTimer(self)
        self._clock.setInterval(200)
        self._clock.timeout.connect(self._update_elapsed)
        self._update_controls()
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(self._first_size())
        if load_now:
            self.load_model(self._demo)
        else:
            # with the window as context: no load once it is deleted (closed before it began)
            QTimer.singleShot(0, self, lambda: self.load_model(self._demo))

    # --- construction ---------------------------------------------------------------------
    def _first_size(self) -> QSize:
        """1280x800, or the screen's free area less room for the title bar on a smaller
        screen (at 1280x800 the status bar fell below the screen's edge). The offscreen
        platform's fixed 800x800 is no screen to fit."""
        size = QSize(1280, 800)
        screen = self.screen()
        if screen is not None and QGuiApplication.platformName() != "offscreen":
            free = screen.availableGeometry().size()
            size = size.boundedTo(QSize(free.width(), free.height() - 40))
        return size

    def _build_left(self) -> None:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(8, 8, 8, 8)

        model_box = QGroupBox(self.tr("Model"), panel)
        model_layout = QVBoxLayout(model_box)
        self.model_combo = QComboBox(model_box)
        self.model_combo.setAccessibleName(self.tr("Model"))
        self.model_combo.setToolTip(self.tr("A demo model with its data, ready to quantize."))
        self.model_combo.addItem(self._demo, self._demo)
        self.model_combo.activated.connect(self._on_model_chosen)
        self.description = QLabel(model_box)
        self.description.setWordWrap(True)
        self.description.setAccessibleName(self.tr("Model description"))
        self.model_summary = QLabel(self.tr("Loading…"), model_box)
        self.model_summary.setWordWrap(True)
        self.model_summary.setTextFormat(Qt.TextFormat.RichText)
        self.model_summary.setAccessibleName(self.tr("Model summary"))
        self.model_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        model_layout.addWidget(self.model_combo)
        model_layout.addWidget(self.description)
        model_layout.addWidget(self.model_summary)
        layout.addWidget(model_box)

        technique_box = QGroupBox(self.tr("Technique"), panel)
        technique_layout = QVBoxLayout(technique_box)
        row = QHBoxLayout()
        self.method_group = QButtonGroup(self)
        # every technique of the registry gets a button (a plug-in's too)
        self.method_titles = {t.name: tr_technique(t.title) for t in techniques()}
        self.method_help = {t.name: tr_technique(t.summary) for t in techniques()}
        self.method_buttons: dict[str, QRadioButton] = {}
        for method in technique_names():
            button = QRadioButton(self.method_titles[method], technique_box)
            # Tab reaches the group (its checked button; the arrows move within it), also
            # where the style gives buttons Tab focus only (macOS: Tab then skips them)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setToolTip(self.method_help[method])
            button.setAccessibleName(self.tr("{title} quantization").format(
                title=self.method_titles[method]))
            button.setAccessibleDescription(self.method_help[method])
            self.method_group.addButton(button)
            self.method_buttons[method] = button
            row.addWidget(button)
            button.toggled.connect(lambda checked, m=method: checked and self._on_method(m))
            button.clicked.connect(lambda _=False: self._chosen_by_hand())
        technique_layout.addLayout(row)
        self.method_explanation = QLabel(technique_box)
        self.method_explanation.setWordWrap(True)
        self.method_explanation.setAccessibleName(self.tr("Technique explanation"))
        technique_layout.addWidget(self.method_explanation)
        layout.addWidget(technique_box)

        settings_box = QGroupBox(self.tr("Settings"), panel)
        settings_layout = QVBoxLayout(settings_box)
        self.settings_panel = SettingsPanel(settings_box)
        self.settings_panel.changed.connect(self._validate)
        self.recipe_error = QLabel(settings_box)
        self.recipe_error.setWordWrap(True)
        self.recipe_error.setAccessibleName(self.tr("Settings problem"))
        self.recipe_error.hide()
        self.reset_button = QPushButton(self.tr("Reset to defaults"), settings_box)
        self.reset_button.setAccessibleName(self.tr("Reset the settings to their defaults"))
        self.reset_button.setToolTip(self.tr("Every technique's settings back to their "
                                             "defaults (the technique stays chosen)."))
        self.reset_button.clicked.connect(self.reset_settings)
        reset_row = QHBoxLayout()
        reset_row.addStretch(1)
        reset_row.addWidget(self.reset_button)
        settings_layout.addWidget(self.settings_panel)
        settings_layout.addWidget(self.recipe_error)
        settings_layout.addLayout(reset_row)
        layout.addWidget(settings_box)
        layout.addStretch(1)

        # the action area below the scrolling settings: Quantize, Cancel and the progress stay
        # in view whatever the window's height or the Advanced settings shown
        actions = QWidget(self)
        actions.setObjectName("actionArea")
        self.action_area = actions
        actions_layout = QVBoxLayout(actions)
        actions_layout.setContentsMargins(8, 4, 8, 8)
        buttons = QHBoxLayout()
        self.quantize_button = QPushButton(self.tr("Quantize"), panel)
        self.quantize_button.setDefault(True)
        self.quantize_button.setAccessibleName(self.tr("Quantize"))
        self.quantize_button.setToolTip(self.tr("Quantize a copy of the model with these "
                                                "settings and compare it (Ctrl+R)."))
        self.quantize_button.clicked.connect(self.start_run)
        self.cancel_button = QPushButton(self.tr("Cancel"), panel)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the run; the model is left as it was (Esc)."))
        self.cancel_button.clicked.connect(self.cancel_run)
        self.compare_button = QPushButton(self.tr("Compare engines"), panel)
        self.compare_button.setAccessibleName(self.tr("Compare engines"))
        self.compare_button.setToolTip(self.tr("Quantize with these settings on every engine "
                                               "available here, time them together and "
                                               "recommend one (Ctrl+Shift+R)."))
        self.compare_button.clicked.connect(lambda: self.compare_engines())
        buttons.addWidget(self.quantize_button, 2)
        buttons.addWidget(self.cancel_button, 1)
        actions_layout.addLayout(buttons)
        comparisons = QHBoxLayout()
        self.techniques_button = QPushButton(self.tr("Compare all three"), panel)
        self.techniques_button.setAccessibleName(self.tr("Compare all three"))
        self.techniques_button.setToolTip(self.tr(
            "Quantize with Dynamic, Static and QAT with the settings they share, time them "
            "together with the original and mark the best trade-offs (Ctrl+Shift+A)."))
        self.techniques_button.clicked.connect(lambda: self.compare_all_three())
        comparisons.addWidget(self.compare_button, 1)
        comparisons.addWidget(self.techniques_button, 1)
        actions_layout.addLayout(comparisons)

        self.progress = QProgressBar(panel)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setMinimumHeight(max(self.progress.sizeHint().height(), 12))
        progress_row = QHBoxLayout()
        # one line, elided: "Engine 2/3: <long title> — …" neither widens the panel nor pushes
        # Quantize and Cancel up; the whole text is its tooltip
        self.stage_label = ElidedLabel(self.tr("Ready"), panel)
        self.stage_label.setAccessibleName(self.tr("Stage"))
        self.elapsed_label = QLabel("", panel)
        self.elapsed_label.setAccessibleName(self.tr("Elapsed time"))
        self.elapsed_label.setAlignment(Qt.AlignmentFlag.AlignRight
                                        | Qt.AlignmentFlag.AlignTop)
        progress_row.addWidget(self.stage_label, 1)
        progress_row.addWidget(self.elapsed_label)
        actions_layout.addWidget(self.progress)
        actions_layout.addLayout(progress_row)

        self.left_scroll = QScrollArea(self)
        self.left_scroll.setWidgetResizable(True)
        self.left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.left_scroll.setWidget(panel)
        self.left_panel = QWidget(self)
        self.left_panel.setMinimumWidth(LEFT_LEAST)
        left = QVBoxLayout(self.left_panel)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(0)
        left.addWidget(self.left_scroll, 1)
        line = QFrame(self.left_panel)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        left.addWidget(line)
        left.addWidget(actions)
        self.method_buttons[self._method].setChecked(True)
        self.settings_panel.built.connect(self._order_tabs)
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab goes down the settings panel as it reads, from the model to the last button
        under it; each new settings form is put back in its place (made after the tabs, its
        controls came last: Shift+Tab from the Engine box went to the Start tab's Compare all
        three, and Space there started a comparison)."""
        chain: list[QWidget] = [self.model_combo, *self.method_buttons.values(),
                                *self.settings_panel.focus_chain(), self.reset_button,
                                self.quantize_button, self.cancel_button, self.compare_button,
                                self.techniques_button]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def _build_tabs(self) -> None:
        theme.configure_pyqtgraph()
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Results"))
        self.training = TrainingPlots(self.tabs)
        self.comparison = ComparisonPanel(self.tabs)
        self.outputs = SamplesPanel(self.tabs)
        self.log = LogPanel(self.tabs)
        self.layers_panel = LayersPanel(self.state, self, self.tabs)
        self.comparison.add_section(self.layers_panel.previous_box)  # what-if: previous run
        self.start_page = StartPage(self.tabs)  # the first view: what to do, which technique
        self.start_page.quantize_requested.connect(self.start_run)
        self.start_page.compare_requested.connect(lambda: self.compare_all_three())
        self.tab_names = {"start": self.tr("Start"), "training": self.tr("Training"),
                          "comparison": self.tr("Comparison"), "layers": self.tr("Layers"),
                          "outputs": self.tr("Outputs"), "log": self.tr("Log")}
        for key, widget in (("start", self.start_page), ("training", self.training),
                            ("comparison", self.comparison),
                            ("layers", self.layers_panel),
                            ("outputs", self.outputs), ("log", self.log)):
            self.tabs.addTab(widget, self.tab_names[key])
        self.code_view = CodeView(self.tabs)  # the script for these settings (results_io)
        self.history_panel = HistoryPanel(self.tabs)  # every finished run (results_io)
        self.tab_names["code"] = self.tr("Code")
        self.tab_names["history"] = self.tr("History")
        self.tabs.addTab(self.code_view, self.tab_names["code"])
        self.tabs.addTab(self.history_panel, self.tab_names["history"])
        self.engines_panel = EnginesPanel(self.tabs)  # Compare engines: one row per engine
        self.tab_names["engines"] = self.tr("Engines")
        self.tabs.addTab(self.engines_panel, self.tab_names["engines"])
        self.techniques_panel = TechniquesPanel(self.tabs)  # Compare all three
        self.tab_names["techniques"] = self.tr("Techniques")
        self.tabs.addTab(self.techniques_panel, self.tab_names["techniques"])

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.open_action = QAction(self.tr("&Open model…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_model)
        file_menu.addAction(self.open_action)
        # the Open model dialog, Open Recent, drag and drop
        self.user_models = UserModels(self.state, self)
        self.setAcceptDrops(True)
        file_menu.addMenu(self.user_models.recent_menu)
        # save model/script/recipe/report, Code, History
        self.results_io = ResultsIO(self.state, self, self.code_view, self.history_panel,
                                    self.training)
        self.results_io.add_to_menu(file_menu)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        run_menu = bar.addMenu(self.tr("&Run"))
        self.quantize_action = QAction(self.tr("&Quantize"), self)
        self.quantize_action.setShortcut(QKeySequence("Ctrl+R"))
        self.quantize_action.triggered.connect(self.start_run)
        self.cancel_action = QAction(self.tr("&Cancel"), self)
        self.cancel_action.setShortcut(QKeySequence("Esc"))
        self.cancel_action.triggered.connect(self.cancel_run)
        self.compare_action = QAction(self.tr("Compare &engines"), self)
        self.compare_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.compare_action.setToolTip(self.tr("Run these settings on every engine and "
                                               "recommend the fastest that keeps agreement."))
        self.compare_action.setStatusTip(self.compare_action.toolTip())
        self.compare_action.triggered.connect(lambda: self.compare_engines())
        self.techniques_action = QAction(self.tr("Compare &all three"), self)
        self.techniques_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.techniques_action.setToolTip(self.tr("Run Dynamic, Static and QAT on this model "
                                                  "and show them side by side."))
        self.techniques_action.setStatusTip(self.techniques_action.toolTip())
        self.techniques_action.triggered.connect(lambda: self.compare_all_three())
        run_menu.addAction(self.quantize_action)
        run_menu.addAction(self.compare_action)
        run_menu.addAction(self.techniques_action)
        run_menu.addAction(self.cancel_action)
        run_menu.addSeparator()
        self.reset_action = QAction(self.tr("&Reset settings to defaults"), self)
        self.reset_action.setToolTip(self.reset_button.toolTip())
        self.reset_action.triggered.connect(self.reset_settings)
        run_menu.addAction(self.reset_action)

        view_menu = bar.addMenu(self.tr("&View"))
        for index, key in enumerate(self.tab_names):
            action = QAction(self.tab_names[key], self)
            if index < 10:  # Ctrl+1 … Ctrl+9, and Ctrl+0 for the tenth ("Ctrl+10" is no key)
                action.setShortcut(QKeySequence(f"Ctrl+{(index + 1) % 10}"))
            action.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            view_menu.addAction(action)
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = str(self.settings.value("language", ""))
        for code, name in (("", self.tr("System")), *LANGUAGES.items()):
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            # after the menu has closed and the window repainted: the switch takes a moment
            action.triggered.connect(lambda _=False, c=code: QTimer.singleShot(
                MENU_CLOSED_MS, self, lambda: self.set_language(c)))
            group.addAction(action)
            language_menu.addAction(action)
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        self.theme_actions: dict[str, QAction] = {}
        themes = QActionGroup(self)
        for name, title in (("system", self.tr("System")), ("light", self.tr("Light")),
                            ("dark", self.tr("Dark"))):
            action = QAction(title, self)
            action.setCheckable(True)
            action.setChecked(name == self.theme)
            action.triggered.connect(lambda _=False, n=name: self.set_theme(n))
            themes.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[name] = action

        help_menu = bar.addMenu(self.tr("&Help"))
        self.guide_action = QAction(self.tr("&Guide"), self)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        self.guide_action.setToolTip(self.tr("What each technique, engine and number means."))
        self.guide_action.triggered.connect(lambda: self.show_guide())
        help_menu.addAction(self.guide_action)
        about = QAction(self.tr("&About QuantGUI"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    # --- model ----------------------------------------------------------------------------
    def _fill_model_combo(self) -> None:
        from quantgui.core.demos import DEMOS

        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        for name, demo in DEMOS.items():
            self.model_combo.addItem(name, name)
            self.model_combo.setItemData(self.model_combo.count() - 1,
                                         tr_core("model", demo.description),
                                         Qt.ItemDataRole.ToolTipRole)
        self.model_combo.insertSeparator(self.model_combo.count())
        self.model_combo.addItem(self.tr("Open model…"), OPEN_MODEL)
        self.model_combo.setItemData(self.model_combo.count() - 1,
                                     self.tr("Open a model file of your own, with its data."),
                                     Qt.ItemDataRole.ToolTipRole)
        index = self.model_combo.findData(self._demo)
        self.model_combo.setCurrentIndex(max(index, 0))
        self.model_combo.blockSignals(False)

    def _on_model_chosen(self, index: int) -> None:
        name = self.model_combo.itemData(index)
        if self.user_models.handle_choice(name):
            return
        if name == OPEN_MODEL:
            self.model_combo.setCurrentIndex(max(self.model_combo.findData(self._demo), 0))
            self.open_model()
        elif name and (self.loaded is None or name != self.loaded.name):
            self.load_model(name)

    def load_model(self, name: str) -> None:
        from quantgui.jobs.tasks import load_demo_job

        if self.state.busy:
            return
        self._demo = name
        self.statusBar().showMessage(self.tr("Loading {name}…").format(name=name))
        self.start_loading(load_demo_job(name))

    def start_loading(self, job: Callable[[Any], Any]) -> None:
        """Load a model in the loader (a demo, or a file of the user's from UserModels); its
        stages show in the progress bar, and Cancel stops it (the model loaded before stays)."""
        self.state.start_job("load")
        self.model_summary.setText(self.tr("Loading…"))
        self.progress.setRange(0, 0)
        self._set_stage(self.tr("Opening…"))
        self._elapsed.start()
        self._clock.start()
        self.loader.start(job)

    def _on_load_events(self, events: list) -> None:
        """The stages of opening a model: one step each, or images and texts counted."""
        from quantgui.core.events import LogMessage, Progress

        last = None
        for event in events:
            if isinstance(event, LogMessage):
                self.log.append(tr_core("log", event.text), event.level)
            elif isinstance(event, Progress):
                last = event
        if last is None or not self.loader.is_running():
            return
        word = self._stage_word(last.stage)
        if last.total > 1:
            self.progress.setRange(0, last.total)
            self.progress.setValue(last.current)
            word = f"{word} {last.current}/{last.total}"
        else:
            self.progress.setRange(0, 0)
        self._set_stage(self.tr("Opening: {stage}").format(stage=word))

    def _end_load(self) -> None:
        """A load ended without a new model: the progress and the model shown are the previous
        model's again."""
        self._clock.stop()
        self._reset_progress()
        self.user_models.after_load_failed()
        if self.loaded is not None:  # the previous model stays loaded and usable
            self.model_summary.setText(self._summary_html())
            self.description.setText(tr_core("model", self.loaded.description))
            self._validate()

    def _on_load_cancelled(self) -> None:
        self.state.end_job()
        self._end_load()
        if self.loaded is not None:
            message = self.tr("Opening cancelled; {name} is still loaded.").format(
                name=self.loaded.name)
        else:
            self.model_summary.setText(self.tr("No model is loaded."))
            message = self.tr("Opening cancelled; no model is loaded.")
        self.statusBar().showMessage(message, 8000)
        self.log.append(message, "warning")

    def _on_loaded(self, loaded: Any) -> None:
        first = self.loaded is None
        if first:
            self._fill_model_combo()
            self.settings_panel.set_method(self._method)
        if str(loaded.model.source).startswith("demo:"):
            self.settings.setValue("demo", loaded.model.name)
        # the panels observe the state: the previous model's runs, plan and ranking go
        self.state.set_model(loaded.model, loaded.summary)
        if not self.warm and not self.warmer.is_running():
            from quantgui.jobs.tasks import warm_up_job

            self.warmer.start(warm_up_job())
        self.description.setText(tr_core("model", self.loaded.description))
        self.model_summary.setText(self._summary_html())
        self.engines_panel.clear()
        self.comparison_report = None
        self.techniques_panel.clear()
        self.techniques_report = None
        self._compared_runs, self._compared_kind = {}, ""
        self.training.reset(self.summary.accuracy)
        self._clock.stop()
        self._reset_progress()
        self.log.append(self.tr("Loaded {name}: {source}.").format(name=self.loaded.name,
                                                                 source=self.loaded.source))
        self.statusBar().showMessage(self.tr("{name} loaded.").format(name=self.loaded.name),
                                     5000)
        self._validate()
        self._show_start()
        self.model_loaded.emit()

    def _on_load_failed(self, failure: JobFailure) -> None:
        self.state.end_job()
        self.model_summary.setText(self.tr("The model could not be loaded."))
        self.statusBar().showMessage(self.tr("The model could not be loaded: {message}").format(
            message=window_words(failure.message)))
        request = self.user_models.pending
        user_file = request is not None
        self._end_load()
        if self.user_models.ask_trust_after(request, failure):
            return  # a pickle that opens only if trusted: the trust question instead
        # a file of the user's: one click back to the Open dialog, every field as it was
        self.show_error(self.tr("The model could not be loaded"), failure,
                        retry=self.user_models.open_dialog if user_file else None)

    def _summary_html(self) -> str:
        s = self.summary
        types = ", ".join(f"{count} {name}" for name, count in s.layer_types.items())
        yes_no = self.tr("yes") if s.has_labels else self.tr("no")
        rows = [
            (self.tr("Layers"), f"{s.layer_count} ({types})"),
            (self.tr("Parameters"), f"{s.parameter_count:,}"),
            (self.tr("Size"), format_bytes(s.size_bytes)),
            # several or integer inputs: each named, not the shape they are packed into
            (self.tr("Inputs"), ", ".join(s.inputs)) if s.inputs else
            (self.tr("Input shape"), " × ".join(str(d) for d in s.input_shape)),
            (self.tr("Data"), self.tr("{train} training, {val} validation samples").format(
                train=s.train_count, val=s.val_count)),
            (self.tr("Labels"), self.tr("{answer} ({count} classes)").format(
                answer=yes_no, count=s.num_classes) if s.num_classes else yes_no),
        ]
        if s.accuracy is not None:
            rows.append((self.tr("Accuracy"), f"{s.accuracy:.2%}"))
        muted = theme.muted_color()
        body = "".join(f"<tr><td style='color:{muted}; padding-right:8px'>{k}</td>"
                       f"<td>{v}</td></tr>" for k, v in rows)
        return f"<table>{body}</table>"

    def open_model(self) -> None:
        self.user_models.open_dialog()

    # --- technique and settings -------------------------------------------------------------
    def _on_method(self, method: str) -> None:
        self._method = method
        # Tab enters the group at the checked button, however it was checked (Qt moves it
        # only when a button takes the focus: Shift+Tab from the settings went to the one
        # checked before)
        for name, button in self.method_buttons.items():
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus if name == method
                                  else Qt.FocusPolicy.ClickFocus)
        self.method_explanation.setText(self.method_help[method])
        if not self._auto_method:
            self.settings.setValue("method", method)
        if self.loaded is not None:
            self.settings_panel.set_method(method)
        start = getattr(self, "start_page", None)  # None while the window is being built
        if start is not None:
            start.show_technique(method, False)
            if not self._auto_method:
                start.show_chosen(method)

    def select_method(self, method: str) -> None:
        """Choose ``method``, as a click on its button does: the window no longer picks the
        technique for the models loaded next."""
        self._chosen_by_hand()
        self.method_buttons[method].setChecked(True)

    def _chosen_by_hand(self) -> None:
        if self._auto_method:
            self._auto_method = self.advisor.enabled = False
            self.advisor.stop()
        self.settings.setValue("method", self._method)

    def _on_advised(self, method: str, coverages: list) -> None:
        """The plans are made: the technique that quantizes the most of the model is
        selected (unless one was chosen by hand or a run started meanwhile)."""
        if not self._auto_method or self.state.busy or method not in self.method_buttons:
            return
        self.method_buttons[method].setChecked(True)
        self.start_page.show_advice(method, coverages)
        self.log.append(self.tr("{technique} selected: it quantizes the most of "
                                "{name}.").format(technique=self.method_titles[method],
                                                  name=self.loaded.name))

    def _show_start(self) -> None:
        """A model is loaded: the Start tab says what to do with it, and is shown whichever
        tab was current (a demo and a file of the user's alike; the panels a new model leaves
        empty are not left on screen)."""
        self.start_page.show_model(self.loaded.name, self.loaded.description)
        advising = self._auto_method and self.advisor.runner.is_running()
        self.start_page.show_technique(self._method, advising)
        if not advising:
            self.start_page.show_chosen(self._method)
        self.tabs.setCurrentWidget(self.start_page)

    def _validate(self) -> None:
        """The form's recipe into the state, and what is wrong with it under the form."""
        from quantgui.core.errors import QuantGUIError

        message = ""
        recipe, runnable = None, False
        if self.settings_panel.method:
            try:
                recipe = self.settings_panel.recipe()
                recipe.check_runnable()
                runnable = True
            except QuantGUIError as error:
                message = f"{error.message} {error.hint}".strip()
            except ValueError as error:
                message = self.tr("{field}: enter a number.").format(field=error.args[0])
        self.state.set_recipe(recipe, runnable, message)
        if not message and self.loaded is not None and recipe is not None:
            message = self.state.technique_problem(recipe.method)
        self._recipe_error = message
        self.recipe_error.setText(f"<span style='color:{theme.error_color()}'>⚠ {message}</span>")
        self.recipe_error.setVisible(bool(message))
        self._update_controls()

    # --- the state ------------------------------------------------------------------------
    @property
    def loaded(self) -> Any:
        """The loaded model (``quantgui.core.demos.LoadedModel``), from the state."""
        return self.state.loaded

    @property
    def summary(self) -> Any:
        return self.state.summary

    @property
    def result(self) -> Any:
        """The result shown: the last completed run (None while a quantize run goes)."""
        return self.state.result

    def _show_result(self, result: Any) -> None:
        """The state's result in Comparison and Outputs (cleared while a run goes)."""
        key = next((k for k, run in self._compared_runs.items() if run is result), "")
        if self._compared_kind == "engines":
            self.engines_panel.mark_shown(key)
        elif self._compared_kind == "techniques":
            self.techniques_panel.mark_shown(key)
        if result is None or self.loaded is None:
            self.comparison.clear()
            self.outputs.clear()
            return
        self.comparison.show_result(result, self.method_titles.get(result.recipe.method,
                                                                   result.recipe.method))
        self.outputs.show_result(result, self.loaded.data)

    # --- what the window does for its helpers (quantgui.ui.state.WindowHost) --------------
    def dialog_parent(self) -> QWidget:
        return self

    def show_status(self, text: str, timeout_ms: int = 0) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def log_line(self, text: str, level: str = "info") -> None:
        self.log.append(text, level)

    def technique_title(self, method: str) -> str:
        return self.method_titles.get(method, method)

    def apply_recipe(self, recipe: Any) -> None:
        """Select the recipe's technique and fill in its settings."""
        self.select_method(recipe.method)
        values = recipe.to_dict()
        values.pop("method")
        self.settings_panel.set_values(values)

    def add_model_entry(self, key: str, title: str, tip: str) -> None:
        """A model of the user's in the model list (before "Open model…"), selected."""
        combo = self.model_combo
        combo.blockSignals(True)
        index = combo.findData(key)
        if index < 0:
            opener = combo.findData(OPEN_MODEL)
            index = opener - 1 if opener > 0 else combo.count()  # before the separator
            combo.insertItem(index, title, key)
        combo.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)

    def select_model_entry(self, key: str) -> None:
        index = self.model_combo.findData(key)
        if index >= 0:
            self.model_combo.blockSignals(True)
            self.model_combo.setCurrentIndex(index)
            self.model_combo.blockSignals(False)

    # --- running --------------------------------------------------------------------------
    def _update_controls(self) -> None:
        """Buttons and actions for the state: what can start now, what can be cancelled."""
        job = self.state.job
        running = job in ("quantize", "engines", "techniques")
        ready = self.loaded is not None and job != "load"
        can_run = ready and not running and not self._recipe_error
        self.quantize_button.setEnabled(can_run)
        self.quantize_action.setEnabled(can_run)
        self.compare_button.setEnabled(can_run)
        self.compare_action.setEnabled(can_run)
        self.techniques_button.setEnabled(can_run)
        self.techniques_action.setEnabled(can_run)
        # a run, or opening a model of the user's (a demo loads in a moment, and the first
        # one must load): Cancel stops either
        opening = job == "load" and self.user_models.pending is not None
        self.cancel_button.setEnabled(running or opening)
        self.cancel_action.setEnabled(running or opening)
        if self.state.busy:
            self._park_focus()
        self.model_combo.setEnabled(not self.state.busy)
        self.open_action.setEnabled(not running)
        for button in self.method_buttons.values():
            button.setEnabled(not running)
        self.settings_panel.setEnabled(not running)
        self.reset_button.setEnabled(not running)
        self.reset_action.setEnabled(not running)
        self.start_page.quantize_button.setEnabled(can_run)
        self.start_page.compare_button.setEnabled(can_run)
        if not self.state.busy:
            self._unpark_focus()

    def _park_focus(self) -> None:
        """A run locks the settings: the focus on a control about to be disabled goes to Cancel
        first, and comes back when the run ends (``_unpark_focus``). Left to Qt, it moves on
        to the next control still enabled, inside the settings' scroll area, which scrolls to
        show it (the model selector went out of view and the next click landed on another
        control)."""
        focused = QApplication.focusWidget()
        # Cancel, or (opening a demo, which cannot be cancelled) the scroll area itself
        target = self.cancel_button if self.cancel_button.isEnabled() else self.left_scroll
        if (focused is not None and focused is not target
                and self.left_panel.isAncestorOf(focused)):
            self._focus_before_run = focused
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _unpark_focus(self) -> None:
        """The run ended: the control that had the focus before it has it again, unless the
        user put the focus elsewhere meanwhile."""
        import shiboken6

        before, self._focus_before_run = getattr(self, "_focus_before_run", None), None
        focused = QApplication.focusWidget()
        if (before is not None and shiboken6.isValid(before) and before.isVisible()
                and before.isEnabled()
                and (focused is None or focused is self.left_scroll
                     or self.action_area.isAncestorOf(focused))):
            before.setFocus(Qt.FocusReason.OtherFocusReason)

    def _recipe_to_run(self):  # noqa: ANN202 - a core Recipe, or None
        """The settings' recipe with the layers ticked "keep float", or None when nothing
        can start now (a job running, no model, or settings the form shows as invalid)."""
        from quantgui.core.errors import QuantGUIError

        if self.state.busy or self.loaded is None:
            return None
        try:
            recipe = self.settings_panel.recipe()
            recipe.check_runnable()
        except (QuantGUIError, ValueError):
            self._validate()
            return None
        return self.layers_panel.recipe_for_run(recipe)

    def start_run(self) -> None:
        from quantgui.jobs.tasks import quantize_job

        recipe = self._recipe_to_run()
        if recipe is None:
            return
        self._run_method = recipe.method
        self.training.reset(self.summary.accuracy if self.summary else None)
        self._progress_total_steps = 0
        self.progress.setRange(0, 0)
        self._set_stage(self.tr("Starting…"))
        if get_technique(recipe.method).trains:
            self.training.prepare(recipe.epochs,
                                  recipe.steps_per_epoch(self.loaded.data.train_inputs.shape[0]),
                                  recipe.learning_rate)
            self.training.start()
            self.tabs.setCurrentWidget(self.training)
        self.log.append(self.tr("Run: {recipe}").format(recipe=recipe.to_json().replace(
            "\n", " ")))
        self.statusBar().showMessage(self.tr("Quantizing {name} ({method})…").format(
            name=self.loaded.name, method=self.method_titles[recipe.method]))
        self._elapsed.start()
        self._clock.start()
        # A full garbage collection walks every object alive (torch modules, plot items) while
        # holding the GIL: 50-200 ms in which the window cannot repaint. Objects alive now are
        # moved out of the collector's way for the duration of the run.
        gc.freeze()
        self.runner.start(quantize_job(self.loaded, recipe, cache=self.layers_panel.cache))
        self.state.start_job("quantize")  # the last result stays kept until this one ends

    def compare_engines(self, names: list[str] | None = None) -> None:
        """The settings' technique on every engine (or ``names``), in the worker thread."""
        from quantgui.jobs.tasks import compare_engines_job

        recipe = self._recipe_to_run()
        if recipe is None:
            return
        # the last quantize result and comparison stay shown until this one finishes
        self._job_kind = "engines"
        self._engine_name, self._engine_count, self._engine_index = "", None, 0
        self.progress.setRange(0, 0)
        self._set_stage(self.tr("Starting…"))
        self.log.append(self.tr("Compare engines: {recipe}").format(
            recipe=recipe.to_json().replace("\n", " ")))
        self.statusBar().showMessage(self.tr("Comparing engines on {name} ({method})…").format(
            name=self.loaded.name, method=self.method_titles[recipe.method]))
        self._elapsed.start()
        self._clock.start()
        self.tabs.setCurrentWidget(self.log)  # each engine's lines; the Engines tab at the end
        gc.freeze()  # as in start_run: no full collections while the job runs
        self.runner.start(compare_engines_job(self.loaded, recipe, names))
        self.state.start_job("engines")

    def _engine_progress(self, last: Any) -> None:
        """'Engine 2/3: ONNX Runtime — Calibrating 3/8', and one bar over all engines."""
        if self._engine_count is None:  # no engine started yet: "Starting…" stays
            return
        count = self._engine_count
        index = min(self._engine_index, count)
        if index >= count:  # every engine built: the common timing rounds
            self.progress.setRange(0, 0)
            self._set_stage(self.tr("Timing all engines together…"))
            return
        from quantgui.core.events import Progress, TrainStep

        fraction = 0.0
        text = self.tr("Engine {index}/{count}: {engine}").format(
            index=index + 1, count=count,
            engine=tr_engine(self._engine_title(self._engine_name)))
        if isinstance(last, TrainStep):  # QAT: the steps of all epochs
            steps = max(last.epochs * last.steps_per_epoch, 1)
            fraction = min(((last.epoch - 1) * last.steps_per_epoch + last.step) / steps, 1.0)
            text += " — " + self.tr("epoch {epoch}/{epochs}").format(epoch=last.epoch,
                                                                     epochs=last.epochs)
        elif isinstance(last, Progress) and last.stage != "engines":
            fraction = min(last.current / last.total, 1.0) if last.total else 0.0
            text += f" — {self._stage_word(last.stage).lower()} {last.current}/{last.total}"
        self.progress.setRange(0, 100 * count)
        self.progress.setValue(int(100 * (index + fraction)))
        self._set_stage(text)

    @staticmethod
    def _engine_title(name: str) -> str:
        from quantgui.core.engines import get_engine

        try:
            return get_engine(name).title
        except Exception:  # noqa: BLE001 - the core reports an unknown engine itself
            return name

    def _on_engines_compared(self, comparison: Any) -> None:
        from quantgui.core.history import json_safe

        self._end_run(self.tr("Done"))
        report = json_safe(comparison.to_report())
        self.comparison_report = report
        self.engines_panel.show_comparison(report, self.method_titles[comparison.method])
        self.tabs.setCurrentWidget(self.engines_panel)
        self._keep_compared("engines", comparison.results, [
            comparison.recommended, getattr(self.state.recipe, "engine", None)])
        added = 0
        for result in comparison.results.values():  # each engine is a run of its own
            try:
                self.history_panel.add_report(result.to_report())
            except OSError as error:
                self.log.append(self.tr("A run could not be added to the history: "
                                        "{reason}.").format(reason=error), "warning")
            else:
                added += 1
        message = self.tr("Compared {count} engine(s) in {seconds:.1f} s; {added} run(s) "
                          "added to the history.").format(
            count=len(comparison.results), seconds=self._elapsed.elapsed() / 1000.0,
            added=added)
        if comparison.recommendation:
            self.log.append(tr_core("message", comparison.recommendation))
        self.statusBar().showMessage(self._warned_message(comparison.results.values(), message))
        self.log.append(message)
        self.run_finished.emit("compared")

    # --- Compare all three (the Techniques tab) ---------------------------------------------
    def compare_all_three(self, techniques: list[str] | None = None) -> None:
        """Dynamic, Static and QAT (or ``techniques``) on the loaded model with the settings
        they share, in the worker thread; the Techniques tab shows them when they are done."""
        from quantgui.core.errors import QuantGUIError
        from quantgui.jobs.tasks import compare_techniques_job
        from quantgui.ui.techniques_panel import window_recipes

        if self.state.busy or self.loaded is None:
            return
        try:  # the form keeps what was typed for each technique: QAT's epochs, for one
            recipes = window_recipes(self.settings_panel.recipe(), self.settings_panel._saved,
                                     techniques)
        except (QuantGUIError, ValueError) as error:
            if isinstance(error, QuantGUIError):
                message = f"{error.message} {error.hint}".strip()
                self.statusBar().showMessage(message)
                self.log.append(message, "error")
            self._validate()
            return
        recipe = self._recipe_to_run()  # the layers ticked "keep float" apply to all three
        if recipe is None:
            return
        recipes = {label: planned.replace(keep_float=recipe.keep_float)
                   for label, planned in recipes.items()}
        # the last result, comparisons and training curves stay shown until this one finishes
        self._job_kind = "techniques"
        self._technique_titles = [self.method_titles.get(r.method, r.method)
                                  for r in recipes.values()]
        self._engine_index = 0
        self._technique_training_shown = False
        self.progress.setRange(0, 0)
        self._set_stage(self.tr("Starting…"))
        for label, planned in recipes.items():
            self.log.append(self.tr("Compare all three, {label}: {recipe}").format(
                label=label, recipe=planned.to_json().replace("\n", " ")))
        self.statusBar().showMessage(self.tr("Comparing {techniques} on {name}…").format(
            techniques=", ".join(self._technique_titles), name=self.loaded.name))
        self._elapsed.start()
        self._clock.start()
        self.tabs.setCurrentWidget(self.log)  # each technique's lines; QAT's curves; the tab
        gc.freeze()  # as in start_run: no full collections while the job runs
        self.runner.start(compare_techniques_job(self.loaded, recipes))
        self.state.start_job("techniques")

    def _technique_training(self, events: list) -> None:
        """QAT's first step in a comparison: its live curves replace the last ones."""
        from quantgui.core.events import TrainStep

        step = next((e for e in events if isinstance(e, TrainStep)), None)
        if step is None or self._technique_training_shown:
            return
        self._technique_training_shown = True
        self.training.reset(self.summary.accuracy if self.summary else None)
        self.training.prepare(step.epochs, step.steps_per_epoch, step.learning_rate)
        self.training.start()
        self.tabs.setCurrentWidget(self.training)

    def _technique_progress(self, events: list, last: Any) -> None:
        """'Technique 2/3: Static — calibrating 3/32', and one bar over all techniques."""
        from quantgui.core.events import Progress, TrainStep

        for event in events:
            if isinstance(event, Progress) and event.stage == "techniques":
                self._engine_index = event.current
        count = max(len(self._technique_titles), 1)
        index = min(self._engine_index, count)
        if index >= count:  # every technique done: the common timing rounds
            self.progress.setRange(0, 0)
            self._set_stage(self.tr("Timing all results together…"))
            return
        fraction = 0.0
        text = self.tr("Technique {index}/{count}: {technique}").format(
            index=index + 1, count=count, technique=self._technique_titles[index])
        if isinstance(last, TrainStep):
            steps = max(last.epochs * last.steps_per_epoch, 1)
            fraction = min(((last.epoch - 1) * last.steps_per_epoch + last.step) / steps, 1.0)
            text += " — " + self.tr("epoch {epoch}/{epochs}, step {step}/{steps}").format(
                epoch=last.epoch, epochs=last.epochs, step=last.step,
                steps=last.steps_per_epoch)
        elif isinstance(last, Progress) and last.stage != "techniques":
            fraction = min(last.current / last.total, 1.0) if last.total else 0.0
            text += f" — {self._stage_word(last.stage).lower()} {last.current}/{last.total}"
        self.progress.setRange(0, 100 * count)
        self.progress.setValue(int(100 * (index + fraction)))
        self._set_stage(text)

    def _on_techniques_compared(self, comparison: Any) -> None:
        from quantgui.core.history import json_safe

        self._end_run(self.tr("Done"))
        report = json_safe(comparison.to_report())
        self.techniques_report = report
        self.techniques_panel.show_comparison(report)
        self.tabs.setCurrentWidget(self.techniques_panel)
        chosen = [label for label, run in comparison.results.items()
                  if run.recipe.method == self._method]
        self._keep_compared("techniques", comparison.results, [*chosen, *report["pareto_front"]])
        added = 0
        for result in comparison.results.values():  # each technique is a run of its own
            try:
                self.history_panel.add_report(result.to_report())
            except OSError as error:
                self.log.append(self.tr("A run could not be added to the history: "
                                        "{reason}.").format(reason=error), "warning")
            else:
                added += 1
        for label, reason in comparison.skipped.items():
            self.log.append(self.tr("{label} was not run: {reason}").format(
                label=self.techniques_panel.title_for(label), reason=reason), "warning")
        front = ", ".join(self.techniques_panel.title_for(label)
                          for label in report["pareto_front"]) or "—"
        message = self.tr("Compared {count} technique(s) in {seconds:.1f} s; Pareto front: "
                          "{front}; {added} run(s) added to the history.").format(
            count=len(comparison.results), seconds=self._elapsed.elapsed() / 1000.0,
            front=front, added=added)
        self.statusBar().showMessage(self._warned_message(comparison.results.values(), message))
        self.log.append(message)
        self.run_finished.emit("compared")

    # --- the runs of a comparison in Comparison, Layers and Outputs ---------------------------
    def _keep_compared(self, kind: str, runs: dict[str, Any], preferred: list[Any]) -> None:
        """A comparison ended: its runs are kept (until the next one or another model) and the
        first of ``preferred`` that ran (else the first run) is shown and can be saved."""
        self._compared_runs, self._compared_kind = dict(runs), kind
        key = next((k for k in preferred if k in runs), next(iter(runs), None))
        if key is not None:
            self.show_compared_run(key)

    def show_compared_run(self, key: str) -> None:
        """Show the comparison's run ``key`` (an engine, or a Compare all three label) in
        Comparison, Layers and Outputs, as the result File ▸ Save saves; a run of another
        technique selects that technique on the left (the Layers tab shows its plan)."""
        result = self._compared_runs.get(key)
        if result is None or self.state.busy:
            return
        if result.recipe.method != self._method and result.recipe.method in self.method_buttons:
            self.select_method(result.recipe.method)
        self.state.show_run(result)
        title = self.method_titles.get(result.recipe.method, result.recipe.method)
        if self._compared_kind == "engines":
            title = f"{title} · {tr_engine(self._engine_title(result.engine))}"
        self.statusBar().showMessage(self.tr("Comparison, Layers and Outputs show {run}."
                                             ).format(run=title), 8000)

    def cancel_run(self) -> None:
        if self.runner.is_running():
            self.runner.cancel()
            self._set_stage(self.tr("Cancelling…"))
        elif self.loader.is_running():
            self.loader.cancel()
            self._set_stage(self.tr("Cancelling…"))

    def _stage_word(self, stage: str) -> str:
        return {"preparing": self.tr("Preparing"), "calibrating": self.tr("Calibrating"),
                "quantizing": self.tr("Quantizing"), "converting": self.tr("Converting"),
                "measuring": self.tr("Measuring"), "predicting": self.tr("Predicting"),
                "layer errors": self.tr("Per-layer error"), "training": self.tr("Training"),
                "exporting": self.tr("Exporting"), "compiling": self.tr("Compiling"),
                "session": self.tr("Opening the ONNX Runtime session"),
                "checks": self.tr("Checking the data"),
                "sensitivity": self.tr("Ranking layers"),
                # opening a model (core.sources.OPEN_STAGES)
                "reading model": self.tr("Reading the model"),
                "importing code": self.tr("Importing its code"),
                "building model": self.tr("Building the model"),
                "loading weights": self.tr("Loading the weights"),
                "loading tokenizer": self.tr("Loading the tokenizer"),
                "reading data": self.tr("Reading the data"),
                "reading images": self.tr("Reading images"),
                "tokenizing": self.tr("Tokenizing"),
                "checking model": self.tr("Checking the model")}.get(stage, stage)

    def _on_events(self, events: list) -> None:
        from quantgui.core.events import EpochEnd, LogMessage, Progress, TrainStep

        if self._job_kind == "techniques":
            self._technique_training(events)  # QAT's live curves, from its first step
        self.training.add_events(events)
        last_progress = None
        for event in events:
            if isinstance(event, LogMessage):
                self.log.append(tr_core("log", event.text), event.level)
            elif isinstance(event, EpochEnd):
                accuracy = ("—" if event.val_accuracy is None
                            else f"{event.val_accuracy:.2%}")
                self.log.append(self.tr("Epoch {epoch}/{epochs}: train loss {loss:.4f}, "
                                        "validation accuracy {accuracy}").format(
                    epoch=event.epoch, epochs=event.epochs, loss=event.train_loss,
                    accuracy=accuracy))
            if isinstance(event, (Progress, TrainStep)):
                last_progress = event
            if isinstance(event, Progress) and event.stage == "engines":
                self._engine_index, self._engine_count = event.current, event.total
                self._engine_name = event.item or self._engine_name
        if last_progress is None:  # only log lines: the stage and its seconds go on
            return
        if self._job_kind == "engines":
            self._engine_progress(last_progress)
        elif self._job_kind == "techniques":
            self._technique_progress(events, last_progress)
        elif isinstance(last_progress, TrainStep):
            e = last_progress
            self.progress.setRange(0, e.epochs * e.steps_per_epoch)
            self.progress.setValue((e.epoch - 1) * e.steps_per_epoch + e.step)
            self._set_stage(self.tr("Epoch {epoch}/{epochs}, step {step}/{steps}").format(
                epoch=e.epoch, epochs=e.epochs, step=e.step, steps=e.steps_per_epoch))
        elif isinstance(last_progress, Progress):
            e = last_progress
            self.progress.setRange(0, max(e.total, 1))
            self.progress.setValue(e.current)
            self._set_stage(f"{self._stage_word(e.stage)} {e.current}/{e.total}")

    def _set_stage(self, text: str) -> None:
        """The stage under way, from its latest event: its seconds are counted from now."""
        self._stage_clock.start()
        self.stage_label.set_suffix("")
        self.stage_label.setText(text)

    def _update_elapsed(self) -> None:
        seconds = self._elapsed.elapsed() / 1000.0
        self.elapsed_label.setText(self.tr("{seconds:.1f} s").format(seconds=seconds))
        # a stage that sends no event for a while ("compiling 0/2" for 25 s) shows it is alive
        if self._clock.isActive() and self._stage_clock.isValid():
            quiet = self._stage_clock.elapsed()
            self.stage_label.set_suffix(
                "" if quiet < STAGE_QUIET_MS else " · " + self.tr("{seconds} s").format(
                    seconds=quiet // 1000))

    def _reset_progress(self) -> None:
        """No run yet on this model: no "Done 5.3 s" or full bar from the previous one."""
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self._set_stage(self.tr("Ready"))
        self.elapsed_label.setText("")

    def _end_run(self, stage_text: str, result: Any = None) -> None:
        """The run ended: ``result`` when a quantize run finished (the state shows it), else
        the state shows the last completed result again (a cancelled or failed re-run)."""
        gc.unfreeze()
        self._clock.stop()
        self._update_elapsed()
        self.training.stop()
        self.progress.setRange(0, 1)
        self.progress.setValue(1 if stage_text == self.tr("Done") else 0)
        self._set_stage(stage_text)
        self._job_kind = "quantize"
        if result is not None:
            self.state.complete_run(result)
        else:
            self.state.end_job()

    def _on_run_finished(self, result: Any) -> None:
        if self._job_kind == "engines":
            self._on_engines_compared(result)
            return
        if self._job_kind == "techniques":
            self._on_techniques_compared(result)
            return
        self._end_run(self.tr("Done"), result)  # Comparison, Outputs, History, Layers follow
        self.tabs.setCurrentWidget(self.comparison)
        # the whole wait since Quantize was pressed, the figure beside the bar too (the core's
        # duration_s leaves out the job's start and the result's way back to the window)
        seconds = self._elapsed.elapsed() / 1000.0
        self.elapsed_label.setText(self.tr("{seconds:.1f} s").format(seconds=seconds))
        o, q = result.original, result.quantized
        message = self.tr("Done in {seconds:.1f} s: {size:.2f}× the size, {latency:.2f}× the "
                          "latency, {count} of {total} layers quantized.").format(
            seconds=seconds, size=q.size_bytes / o.size_bytes,
            latency=q.latency.median_ms / o.latency.median_ms,
            count=result.quantized_layer_count, total=len(result.layers))
        few = self._few_quantized(result)  # in the status bar too, not only in the log
        # what the figures do not say by themselves (unusable or near-zero outputs) comes first
        warned = [tr_core("log", warning) for warning in getattr(result, "warnings", ())]
        self.statusBar().showMessage(" ".join([*warned, *([few] if few else []), message]))
        self.log.append(message)
        self.run_finished.emit("finished")

    def _warned_message(self, results: Any, message: str) -> str:
        """``message``, after a sentence naming how many compared runs carry a warning."""
        warned = sum(1 for result in results if getattr(result, "warnings", None))
        if not warned:
            return message
        return self.tr("{count} of the runs carry a warning (see the Log): do not rely on "
                       "their figures.").format(count=warned) + " " + message

    def _few_quantized(self, result: Any) -> str:
        """The run's warning when most convolution and linear layers stayed float, or ""."""
        from quantgui.core import analysis, texts
        from quantgui.core.engines import get_engine

        technique = result.technique
        if self.loaded is None or not technique.converts_convolutions:
            return ""
        few = analysis.few_quantized(self.loaded.model, result.layers)
        if few is None:
            return ""
        return tr_core("log", texts.LOG_FEW_QUANTIZED.format(
            quantized=few[0], weighted=few[1], model=result.model_name,
            technique=technique.title, engine=get_engine(result.engine).title))

    def _on_run_cancelled(self) -> None:
        rerun = self._job_kind == "quantize" and self.state.last_run is not None
        self._end_run(self.tr("Cancelled"))
        if rerun:  # a quantize re-run: the last completed result shows again
            self.statusBar().showMessage(self.tr("Cancelled; the last completed run is shown."))
        else:
            self.statusBar().showMessage(self.tr("Cancelled"))
        self.log.append(self.tr("Cancelled; the model is unchanged."), "warning")
        self.run_finished.emit("cancelled")

    def _on_run_failed(self, failure: JobFailure) -> None:
        engines = self._job_kind == "engines"
        title = (self.tr("Compare all three failed") if self._job_kind == "techniques"
                 else self.tr("The engine comparison failed") if engines
                 else self.tr("Quantization failed"))
        self._end_run(self.tr("Failed"))  # a re-run: the last completed result shows again
        self.statusBar().showMessage(self.tr("The run failed: {message}").format(
            message=failure.message))
        self.log.append(tr_core("message", failure.message)
                        + (" " + failure.hint if failure.hint else ""), "error")
        self.show_error(title, failure)
        self.run_finished.emit("failed")

    def show_error(self, title: str, failure: JobFailure,
                   retry: Callable[[], Any] | None = None) -> None:
        """A non-blocking error box; with ``retry``, a "Change and try again…" button too."""
        from quantgui.core.errors import QuantGUIError

        if self.error_dialog is not None:
            self.error_dialog.close()
        box = QMessageBox(QMessageBox.Icon.Warning, title, window_words(failure.message),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("errorDialog")
        if failure.hint:
            box.setInformativeText(window_words(failure.hint))
        if not isinstance(failure.error, QuantGUIError):
            box.setInformativeText(self.tr("This looks like a bug in QuantGUI or in torch; "
                                           "the details below help to report it."))
        box.setDetailedText(failure.details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.error_retry_button = None
        if retry is not None:
            self.error_retry_button = box.addButton(self.tr("Change and try again…"),
                                                    QMessageBox.ButtonRole.ActionRole)
            box.setDefaultButton(self.error_retry_button)
            box.setEscapeButton(QMessageBox.StandardButton.Ok)  # Esc and close() still close
            retry_button = self.error_retry_button
            box.buttonClicked.connect(lambda button: button is retry_button and retry())
        box.finished.connect(lambda _: setattr(self, "error_dialog", None))
        fit_title(box)
        self.error_dialog = box
        box.open()  # non-blocking: the event loop (and the tests) keep running

    # --- misc -----------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        """View > Language: kept for the next start and applied now to every text shown (the
        model, the last result and the settings stay)."""
        from quantgui.ui.i18n import current_language, install_translator
        from quantgui.ui.retranslate import retranslate_window

        self.settings.setValue("language", code)
        old = current_language()
        new = install_translator(QCoreApplication.instance(), code)
        retranslate_window(self, old, new)
        self.statusBar().showMessage(self.tr("Language: {language}").format(
            language=LANGUAGES.get(new, new)), 8000)

    def set_theme(self, name: str) -> None:
        """View > Theme: the system's look, or light or dark; kept for the next start and
        applied now, plots included."""
        self.theme = theme.apply_theme(name)
        self.settings.setValue(theme.THEME_KEY, self.theme)
        self.theme_actions[self.theme].setChecked(True)
        theme.restyle_window(self)
        if self.summary is not None:
            self.model_summary.setText(self._summary_html())  # its colours are in the text
        self._validate()
        if self.loaded is not None:
            self.start_page.show_technique(self._method, False)

    def reset_settings(self) -> None:
        """Reset to defaults: every technique's settings as they ship (the technique stays)."""
        if self.state.busy:
            return
        self.settings_panel.reset_to_defaults()
        self.statusBar().showMessage(self.tr("The settings are back to their defaults."), 5000)

    def about_text(self) -> str:
        """The About box's text: what QuantGUI does, the versions in use, the licence."""
        import platform

        import PySide6
        import torch
        from PySide6.QtCore import qVersion

        techniques_html = "".join(
            f"<li><b>{self.method_titles[t.name]}</b>: {self.method_help[t.name]}</li>"
            for t in techniques())
        versions = self.tr("QuantGUI {version} · PyTorch {torch} (quantized engine {engine}) · "
                           "PySide6 {pyside} (Qt {qt}) · Python {python}").format(
            version=__version__, torch=torch.__version__,
            engine=torch.backends.quantized.engine, pyside=PySide6.__version__, qt=qVersion(),
            python=platform.python_version())
        return (f"<h3>QuantGUI {__version__}</h3>"
                + "<p>" + self.tr("See and do PyTorch quantization: load a model, quantize a "
                                  "copy, and compare size, latency, accuracy and how far the "
                                  "outputs agree, layer by layer.") + "</p>"
                + f"<ul>{techniques_html}</ul>"
                + f"<p style='color:{theme.muted_color()}'>{versions}</p>"
                + "<p>" + self.tr("MIT licence. The README beside the program explains every "
                                  "number; the same pipeline runs without a screen as "
                                  "quantgui-cli.") + "</p>")

    def show_guide(self, anchor: str = "") -> None:
        """Help > Guide (F1): the offline guide in the window's language, at ``anchor``."""
        from quantgui.ui.help import GuideDialog

        if getattr(self, "guide", None) is None:
            self.guide = GuideDialog(self)
        else:
            self.guide.load()  # the language may have changed since it was opened
        if anchor:
            self.guide.show_section(anchor)
        self.guide.show()
        self.guide.raise_()

    def show_about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("About QuantGUI"), "",
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("aboutBox")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.about_text())
        box.setIconPixmap(self.style().standardIcon(
            self.style().StandardPixmap.SP_ComputerIcon).pixmap(48, 48))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_box = box
        box.open()

    def _fit_tabs_soon(self) -> None:
        self._tabs_fitter.start()

    def _fit_tabs(self) -> None:
        """Every tab in the tab bar, without scroll buttons: the settings panel gives up width
        (down to LEFT_LEAST) when the tabs need it, and takes it back when the window grows.
        A language whose titles need more still reaches each tab with the scroll buttons and
        Ctrl+1…Ctrl+0."""
        sizes = self.splitter.sizes()
        if len(sizes) != 2 or not self.isVisible():
            return
        left, right = sizes
        needed = self.tabs.tabBar().sizeHint().width() + 8  # the tab widget's frame
        if right < needed and left > LEFT_LEAST:
            give = min(needed - right, left - LEFT_LEAST)
        elif right > needed and self._left_given > 0:
            give = -min(right - needed, self._left_given)
        else:
            return
        self._left_given += give
        self.splitter.setSizes([left - give, right + give])

    def set_tab(self, key: str) -> None:
        keys = list(self.tab_names)
        if key in keys:
            self.tabs.setCurrentIndex(keys.index(key))

    def _on_warmed_up(self, _value: Any) -> None:
        self.warm = True
        if not self.runner.is_running():
            # the modules just imported live for the whole session: out of the collector's way
            gc.freeze()

    def work_in_progress(self) -> str:
        """What closing the window now would stop, in words; "" when nothing runs."""
        if self.runner.is_running():
            if self._job_kind == "engines":
                return self.tr("An engine comparison is running.")
            if self._job_kind == "techniques":
                return self.tr("Compare all three is running.")
            return self.tr("A {method} run is in progress.").format(
                method=self.method_titles.get(getattr(self, "_run_method", ""), ""))
        if self.layers_panel.ranking.is_running():
            return self.tr("The layers are being ranked (Layers tab).")
        return ""

    def close_without_asking(self) -> bool:
        """Close now; a run in progress is cancelled (for --screenshot and scripts)."""
        self._close_confirmed = True
        return self.close()

    def _ask_to_close(self, work: str) -> None:
        if self.close_question is not None:
            self.close_question.raise_()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Quit QuantGUI?"),
                          work, QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("closeQuestion")
        box.setInformativeText(self.tr("Quitting stops it, and its result is lost. Keep it "
                                       "running to see the result."))
        self.close_stop_button = box.addButton(self.tr("Stop and quit"),
                                               QMessageBox.ButtonRole.DestructiveRole)
        self.close_keep_button = box.addButton(self.tr("Keep running"),
                                               QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.close_keep_button)
        box.setEscapeButton(self.close_keep_button)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _: self._on_close_answer(
            box, box.clickedButton() is self.close_stop_button))
        self.close_question = box
        fit_title(box)
        box.open()  # window-modal, non-blocking: the run goes on while the question waits

    def _on_close_answer(self, box: QMessageBox, stop: bool) -> None:
        if self.close_question is box:
            self.close_question = None
        if stop:
            self.close_without_asking()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        work = "" if self._close_confirmed else self.work_in_progress()
        if work:
            event.ignore()  # asked first; "Keep running" leaves everything as it is
            self._ask_to_close(work)
            return
        self.settings.setValue("geometry", self.saveGeometry())
        if not self._auto_method:
            self.settings.setValue("method", self._method)
        if self.close_question is not None:
            self.close_question.close()
        if self.runner.is_running():
            self.runner.stop_and_wait()
            gc.unfreeze()
            self.log.append(self.tr("Cancelled; the window is closing."), "warning")
        self.layers_panel.stop_jobs()
        self.advisor.stop()
        self.engine_advisor.stop()
        self.results_io.shutdown()
        self.user_models.shutdown()
        self.loader.stop_and_wait()
        self.warmer.stop_and_wait()  # an import cannot be interrupted: at most a few seconds
        if self.error_dialog is not None:
            self.error_dialog.close()
        super().closeEvent(event)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.user_models.drag_enter(event)  # a model file: Open model… pre-filled on drop

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.user_models.drop(event)


def current_app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app
