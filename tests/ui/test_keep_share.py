"""Keep and share results from the window: save the quantized model in each format, the Code tab
and the exported script, recipes (the window's and the command line's), the HTML report, and the
history with its comparison and Pareto charts. Real window, real torch."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import shiboken6
from PySide6.QtCore import Qt

from .conftest import delete_now
from .helpers import LOAD_TIMEOUT_MS, run_to_end

WRITE_TIMEOUT_MS = 120_000


@pytest.fixture
def open_window(qtbot):
    windows = []

    def make(demo: str = "digits-mlp", method: str = "dynamic"):
        from quantgui.ui.main_window import MainWindow

        win = MainWindow(demo=demo, method=method)
        qtbot.addWidget(win)
        win.resize(1280, 800)
        with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
            win.show()
        windows.append(win)
        return win

    yield make
    for win in windows:
        win.close()
        assert not win.runner.is_running() and not win.results_io.writer.is_running()
        assert not win.code_view.runner.is_running()
    for win in windows:
        if shiboken6.isValid(win):  # deleting one processes every pending deferred delete
            delete_now(win)


def wait_code(qtbot, win, change) -> str:
    """Apply ``change`` and return the Code tab's text once it has followed."""
    with qtbot.waitSignal(win.code_view.updated, timeout=30_000):
        change()
    return win.code_view.editor.toPlainText()


def test_save_each_format_and_the_html_report(qtbot, open_window, tmp_path):
    win = open_window()
    io = win.results_io
    io.update_actions()
    assert not io.save_model_action.isEnabled() and not io.save_report_action.isEnabled()
    assert run_to_end(qtbot, win, "dynamic") == "finished"
    assert io.save_model_action.isEnabled() and io.save_report_action.isEnabled()

    for fmt in ("state_dict", "torchscript"):
        path = tmp_path / f"model_{fmt}.pt"
        with qtbot.waitSignal(io.written, timeout=WRITE_TIMEOUT_MS) as blocker:
            assert io.save_quantized_to(path, fmt)
        kind, check = blocker.args
        assert kind == "model" and check.identical and path.stat().st_size > 0
        assert "identical" in win.statusBar().currentMessage()
        assert str(path) in win.log.lines()[-1] and "identical" in win.log.lines()[-1]

    path = tmp_path / "model.pt2"
    with qtbot.waitSignal(io.write_failed, timeout=WRITE_TIMEOUT_MS):
        assert io.save_quantized_to(path, "export")
    assert win.error_dialog is not None
    assert "torch.export" in win.error_dialog.text()
    assert "state_dict" in win.error_dialog.informativeText()
    assert not path.exists()
    win.error_dialog.close()

    html = tmp_path / "report.html"
    with qtbot.waitSignal(io.written, timeout=WRITE_TIMEOUT_MS):
        assert io.save_html_to(html)
    text = html.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") or "<html" in text[:200]
    assert "data:image/svg+xml;base64," in text and "digits-mlp" in text
    assert "HTML report written" in win.statusBar().currentMessage()


@pytest.mark.slow
def test_code_view_follows_the_settings_and_the_script_reproduces_the_run(qtbot, open_window,
                                                                         tmp_path):
    win = open_window(method="static")
    view = win.code_view
    first = wait_code(qtbot, win, lambda: win.set_tab("code"))
    assert "def quantize(" in first and "digits-mlp" in first and not view.problem
    assert "activation = HistogramObserver" in first  # the default observer

    minmax = wait_code(qtbot, win, lambda: win.settings_panel.set_value("observer", "minmax"))
    assert "activation = MinMaxObserver" in minmax and "activation = Histogram" not in minmax

    dynamic = wait_code(qtbot, win, lambda: win.select_method("dynamic"))
    assert "quantize_dynamic" in dynamic and dynamic != minmax

    # A setting that is not a number: its problem is shown in place of the code.
    wait_code(qtbot, win, lambda: win.select_method("qat"))
    problem = wait_code(qtbot, win,
                        lambda: win.settings_panel.fields["learning_rate"].widget.setText("x"))
    assert view.problem and "enter a number" in problem and view.code() == ""
    assert not view.export_button.isEnabled()
    win.settings_panel.fields["learning_rate"].widget.setText("0.001")

    wait_code(qtbot, win, lambda: win.select_method("static"))
    assert run_to_end(qtbot, win, "static", calibration_batches=3) == "finished"
    script = tmp_path / "rebuild.py"
    with qtbot.waitSignal(win.results_io.written, timeout=WRITE_TIMEOUT_MS) as blocker:
        assert win.results_io.export_script_to(script)
    # the files it reads lie beside it, named after it
    assert blocker.args[0] == "script" and blocker.args[1] == [
        script, tmp_path / "rebuild_float_weights.pt", tmp_path / "rebuild_data.npz"]
    def body(text: str) -> list[str]:  # without the line stamped with the time
        return [line for line in text.splitlines() if not line.startswith("Generated by")]

    written = body(script.read_text(encoding="utf-8"))  # what the Code tab shows, once it
    win.set_tab("code")
    qtbot.waitUntil(lambda: body(view.code()) == written, timeout=30_000)  # has followed

    import torch

    outputs = tmp_path / "outputs.pt"
    done = subprocess.run([sys.executable, str(script), "--outputs", str(outputs)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    assert torch.equal(torch.load(outputs), win.result.quantized_outputs)


@pytest.mark.slow
def test_recipe_round_trip_and_a_recipe_from_the_command_line(qtbot, open_window, tmp_path):
    win = open_window()
    io = win.results_io
    win.select_method("static")
    win.settings_panel.set_values({"observer": "histogram", "calibration_batches": 3,
                                   "per_channel": False})
    path = tmp_path / "recipe.json"
    assert io.save_recipe_to(path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["method"] == "static" and saved["model"] == "demo:digits-mlp"

    win.settings_panel.set_values({"observer": "minmax", "calibration_batches": 7})
    win.select_method("dynamic")
    assert io.open_recipe_from(path)
    assert win.settings_panel.method == "static" and win.method_buttons["static"].isChecked()
    values = win.settings_panel.values()
    assert (values["observer"], values["calibration_batches"], values["per_channel"]) == (
        "histogram", 3, False)

    # Not a recipe: a clear error, and the settings are left alone.
    for text, words in (("{not json", "not valid JSON"), ('{"method": "magic"}', "magic"),
                        ('{"model": "demo:digits-mlp"}', "no technique")):
        bad = tmp_path / "bad.json"
        bad.write_text(text, encoding="utf-8")
        assert not io.open_recipe_from(bad)
        assert win.error_dialog is not None and words in win.error_dialog.text()
        win.error_dialog.close()
    assert win.settings_panel.values()["observer"] == "histogram"

    # A recipe the command line saved for another demo: its model loads, its settings apply.
    cli_recipe = tmp_path / "cli.json"
    done = subprocess.run(
        [sys.executable, "-m", "quantgui.cli", "quantize", "--model", "demo:seed-linear",
         "--method", "static", "--set", "observer=moving_average_minmax",
         "--set", "calibration_batches=2", "--save-recipe", str(cli_recipe), "--no-history",
         "--no-progress"], cwd=tmp_path, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
        assert io.open_recipe_from(cli_recipe)
    assert win.loaded.name == "seed-linear"
    values = win.settings_panel.values()
    assert win.settings_panel.method == "static"
    assert (values["observer"], values["calibration_batches"]) == ("moving_average_minmax", 2)


def test_history_survives_a_restart_compares_and_deletes(qtbot, open_window):
    win = open_window()
    panel = win.history_panel
    assert run_to_end(qtbot, win, "dynamic") == "finished"
    assert run_to_end(qtbot, win, "static", calibration_batches=2) == "finished"
    assert panel.table.rowCount() == 2
    assert any("Added to the history as run" in line for line in win.log.lines())
    win.set_tab("history")
    assert len(panel.size_scatter.points()) == 2 and len(panel.latency_scatter.points()) == 2
    front_x, _ = panel.size_front.getData()
    assert front_x is not None and 1 <= len(front_x) <= 2
    assert panel.front_ids("size")
    ids = [e.id for e in panel.entries()]
    win.close()

    again = open_window()  # a restart: the history is a file
    panel = again.history_panel
    assert panel.table.rowCount() == 2
    assert sorted(e.id for e in panel.entries()) == sorted(ids)
    again.set_tab("history")
    panel.select_ids(ids)
    assert panel.compare_button.isEnabled()
    qtbot.mouseClick(panel.compare_button, Qt.MouseButton.LeftButton)
    assert panel.compare_box.isVisible()
    headers = [panel.compare_table.horizontalHeaderItem(c).text() for c in range(2)]
    assert headers == [f"Run {i}" for i in ids]
    labels = [panel.compare_table.verticalHeaderItem(r).text()
              for r in range(panel.compare_table.rowCount())]
    technique = panel.compare_table.item(labels.index("Technique"), 0).text(), \
        panel.compare_table.item(labels.index("Technique"), 1).text()
    assert technique == ("Dynamic", "Static")
    assert "Size" in labels and "Latency" in labels and "Accuracy" in labels

    panel.select_ids(ids[:1])
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert panel.table.rowCount() == 1 and [e.id for e in panel.entries()] == ids[1:]
    assert not panel.compare_box.isVisible()  # one of the compared runs is gone
    from quantgui.core.history import History

    assert [e.id for e in History().entries()] == ids[1:]


def test_an_unreadable_history_is_set_aside_with_a_warning(qtbot, open_window):
    from quantgui.core.history import data_dir

    data_dir().mkdir(parents=True, exist_ok=True)
    (data_dir() / "history.json").write_text("{broken", encoding="utf-8")
    win = open_window()
    assert any("could not be read" in line and "[warning]" in line for line in win.log.lines())
    assert win.history_panel.table.rowCount() == 0
    assert list(data_dir().glob("history.json.unreadable-*"))

