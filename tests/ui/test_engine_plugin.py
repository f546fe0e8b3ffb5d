"""An engine registered from a test file shows up in the window and runs, with no other edit."""

from __future__ import annotations

import pytest

from quantgui.core import engines as registry

from .helpers import run_to_end


@pytest.fixture
def plugin():
    from tests import engine_plugin

    registry.register_engine(engine_plugin.ENGINE)  # again, in case a test removed it
    yield engine_plugin.ENGINE
    registry._registry.pop(engine_plugin.ENGINE.name, None)


def _engine_combo(window):
    return window.settings_panel.fields["engine"].widget


def test_a_plugin_engine_is_offered_and_runs_in_the_window(qtbot, plugin):
    from quantgui.ui.main_window import MainWindow

    from .conftest import delete_now
    from .helpers import LOAD_TIMEOUT_MS

    window = MainWindow(method="dynamic")  # built after the plug-in registered itself
    with qtbot.waitSignal(window.model_loaded, timeout=LOAD_TIMEOUT_MS):
        window.show()
    try:
        combo = _engine_combo(window)
        offered = [combo.itemData(i) for i in range(combo.count())]
        assert offered[0] == "torch_ao" and plugin.name in offered
        assert combo.itemText(offered.index(plugin.name)) == plugin.title
        ended = run_to_end(qtbot, window, "dynamic", engine=plugin.name)
        assert ended == "finished", window.log.lines()[-3:]
        assert window.result.engine == plugin.name
        # the Comparison tab names the engine the model ran on
        summary = window.comparison.summary
        rows = {summary.item(r, 0).text(): summary.item(r, 2).text()
                for r in range(summary.rowCount())}
        assert rows["Engine"] == plugin.title
    finally:
        window.close()
        delete_now(window)
