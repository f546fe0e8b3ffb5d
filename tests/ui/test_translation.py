"""Spanish ships with QuantGUI: the compiled catalogue loads and the window speaks it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from .conftest import delete_now
from .helpers import LOAD_TIMEOUT_MS


@pytest.fixture
def spanish(qapp):
    from quantgui.ui.i18n import install_translator

    assert install_translator(qapp, "es") == "es"
    yield
    assert install_translator(qapp, "en") == "en"


def test_window_in_spanish(qtbot, spanish):
    from quantgui.ui.main_window import MainWindow

    win = MainWindow(method="qat")
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
        win.show()
    assert win.quantize_button.text() == "Cuantizar"
    assert win.cancel_button.text() == "Cancelar"
    assert [win.tabs.tabText(i) for i in range(win.tabs.count())] == [
        "Inicio", "Entrenamiento", "Comparación", "Capas", "Salidas", "Registro", "Código",
        "Historial", "Motores", "Técnicas"]
    assert win.method_buttons["dynamic"].text() == "Dinámica"
    assert win.settings_panel.fields["epochs"].label == "Épocas"
    assert "fake quantization" not in win.method_explanation.text()
    win.close()
    delete_now(win)


def test_language_choice_is_stored_and_applied(qtbot, window, qapp):
    from quantgui.ui.i18n import chosen_language, install_translator

    assert chosen_language() == ""
    try:
        window.set_language("es")
        assert chosen_language() == "es"
        assert QApplication.translate("MainWindow", "Quantize") == "Cuantizar"
        assert window.quantize_button.text() == "Cuantizar"
    finally:
        install_translator(qapp, "en")
