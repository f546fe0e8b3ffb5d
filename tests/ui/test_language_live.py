"""View > Language applies at once: with a result on screen, every text of the window turns
Spanish (buttons, tabs, menus, tables, layer notes, log lines, chart titles), the model, the
result and the settings stay, the next run speaks Spanish, and switching back gives every text
back exactly as it was."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QApplication

from .conftest import delete_now
from .helpers import LOAD_TIMEOUT_MS, run_to_end
from .test_translation_complete import english_sentences, visible_texts


def language_action(window, code: str):
    for action in window.menuBar().actions():
        menu = action.menu()
        for sub in menu.actions() if menu is not None else ():
            if sub.menu() is not None:
                for choice in sub.menu().actions():
                    if choice.isCheckable() and choice.data() == code:
                        return choice
    raise AssertionError(f"no View > Language action for {code!r}")


def plot_texts(window) -> list[str]:
    texts = []
    for view in window.findChildren(pg.GraphicsView):
        for item in view.scene().items():
            if isinstance(item, pg.PlotItem):
                texts.append(item.titleLabel.text)
                texts += [item.getAxis(a).labelText for a in ("left", "bottom")]
    return texts


@pytest.fixture
def back_to_english(qapp):
    yield
    from quantgui.ui.i18n import install_translator

    install_translator(qapp, "en")


@pytest.mark.slow
def test_switch_to_spanish_with_a_result_and_back(qtbot, back_to_english):
    from quantgui.ui.i18n import chosen_language, current_language
    from quantgui.ui.main_window import MainWindow

    win = MainWindow(demo="digits-cnn", method="static")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
        win.show()
    win.settings_panel.set_values({"calibration_batches": 3})
    assert run_to_end(qtbot, win, "static") == "finished"
    result, loaded = win.result, win.loaded
    rows = win.comparison.summary.rowCount()
    english = visible_texts(win)
    english_plots = plot_texts(win)
    assert "Quantize" in english and any("fused into " in t for t in english)

    language_action(win, "es").trigger()  # applied once the menu has closed
    qtbot.waitUntil(lambda: current_language() == "es")
    assert chosen_language() == "es" and current_language() == "es"
    assert win.quantize_button.text() == "Cuantizar"
    assert [win.tabs.tabText(i) for i in range(win.tabs.count())][:6] == [
        "Inicio", "Entrenamiento", "Comparación", "Capas", "Salidas", "Registro"]
    assert win.method_buttons["dynamic"].text() == "Dinámica"
    assert win.settings_panel.fields["calibration_batches"].widget.value() == 3
    # the result, the model and the tables stay, in Spanish
    assert win.result is result and win.loaded is loaded
    assert win.comparison.summary.rowCount() == rows
    spanish = visible_texts(win)
    assert any(t.startswith("fusionada en block") for t in spanish)
    assert any("Cuantizando digits-cnn con Estática" in line for line in win.log.lines())
    assert "Tamaño (KiB)" in plot_texts(win) or "Tamaño (MiB)" in plot_texts(win)
    history = win.history_panel.table
    cells = [history.item(0, c).text() for c in range(history.columnCount())]
    assert "Estática" in cells and any(c.endswith(" puntos)") for c in cells)
    sentences = english_sentences()
    assert sorted({p for t in spanish for p in sentences if p in t}) == []
    # later texts come from tr() in Spanish, and the technique titles kept for them too
    win.select_method("dynamic")
    assert "Dinámica" in win.method_titles.values()
    assert run_to_end(qtbot, win, "dynamic") == "finished"
    assert win.stage_label.text() == "Hecho"
    assert sorted({p for t in visible_texts(win) for p in sentences if p in t}) == []

    language_action(win, "en").trigger()
    qtbot.waitUntil(lambda: current_language() == "en")
    assert current_language() == "en"
    assert win.quantize_button.text() == "Quantize"
    assert win.result is not None and win.method_titles["dynamic"] == "Dynamic"
    assert QApplication.translate("MainWindow", "Quantize") == "Quantize"
    back = visible_texts(win)
    assert "Quantize" in back and not any("fusionada" in t for t in back)
    assert sorted({t for t in back if "Cuantiz" in t or "capa" in t}) == []
    assert set(english_plots) <= set(plot_texts(win)) | {""}
    win.close()
    delete_now(win)


def test_a_round_trip_gives_every_text_back(qtbot, window, back_to_english):
    before = visible_texts(window)[2:]  # not the title and the status bar's message
    plots = plot_texts(window)
    window.set_language("es")
    assert visible_texts(window)[2:] != before
    window.set_language("en")
    assert visible_texts(window)[2:] == before
    assert plot_texts(window) == plots
