"""``quantgui --run --epochs N`` without ``--screenshot``: the flags act in the window a user
gets (they were only read in screenshot mode). ``quantgui.app.main`` runs in-process, with its
own event loop, and a timer watches the real window it opens."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .conftest import delete_now
from .helpers import RUN_TIMEOUT_MS


def _run_main(argv: list[str]) -> dict:
    """Run ``quantgui.app.main(argv)``; once its window's run ends, note what it ran and close
    the window (which ends main)."""
    from quantgui.app import main
    from quantgui.ui.main_window import MainWindow

    seen: dict = {}
    app = QApplication.instance()

    def watch() -> None:
        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or "window" in seen:
            return
        window = seen["window"] = windows[0]

        def ended(outcome: str) -> None:
            seen["outcome"] = outcome
            seen["result"] = window.result
            seen["epochs_field"] = window.settings_panel.values().get("epochs")
            seen["tab"] = window.tabs.currentWidget()
            QTimer.singleShot(0, window.close)

        window.run_finished.connect(ended)

    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(watch)
    poll.start()
    guard = QTimer()  # a run that never starts must not hang the suite
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: [w.close() for w in app.topLevelWidgets()])
    guard.start(RUN_TIMEOUT_MS)
    seen["code"] = main(argv)
    poll.stop()
    guard.stop()
    return seen


def test_run_and_epochs_without_screenshot(qtbot, isolated_settings):
    seen = _run_main(["--model", "demo:digits-mlp", "--method", "qat", "--epochs", "1",
                      "--run", "--tab", "layers"])
    window = seen["window"]
    try:
        assert seen["outcome"] == "finished"
        assert seen["result"].recipe.method == "qat"
        assert seen["result"].recipe.epochs == 1
        assert seen["epochs_field"] == 1
        assert [e["epoch"] for e in seen["result"].training] == [1]
        assert window.tab_names["layers"] == window.tabs.tabText(window.tabs.currentIndex())
        assert seen["code"] == 0
    finally:
        delete_now(window)


def test_epochs_for_a_technique_without_epochs_is_said_not_dropped(qtbot, isolated_settings,
                                                                    capfd):
    seen = _run_main(["--model", "demo:digits-mlp", "--method", "dynamic", "--epochs", "3",
                      "--run"])
    try:
        assert seen["outcome"] == "finished"
        assert seen["result"].recipe.method == "dynamic"
        assert "--epochs applies to QAT only" in capfd.readouterr().err
    finally:
        delete_now(seen["window"])


def test_every_tab_of_the_window_can_be_named_with_tab(window):
    """``--tab`` offers each tab the window has (Start, Engines and Techniques were missing)."""
    from quantgui.app import TABS, parse_args

    assert set(TABS) == set(window.tab_names)
    assert len(window.tab_names) == window.tabs.count()
    for key in TABS:
        assert parse_args(["--tab", key]).tab == key
        window.set_tab(key)
        assert window.tabs.tabText(window.tabs.currentIndex()) == window.tab_names[key]
