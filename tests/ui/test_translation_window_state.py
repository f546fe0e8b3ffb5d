"""Spanish for issue 13's new texts: the catalogue has every text of the window's own panels
(the engines tab has its own owner), and the window speaks them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .conftest import delete_now
from .helpers import LOAD_TIMEOUT_MS

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "quantgui_es.ts"
PANELS = ("main_window.py", "history_panel.py", "comparison_panel.py",
          "samples_panel.py", "open_dialog.py", "user_models.py", "wording.py", "results_io.py",
          "training_plots.py", "settings_panel.py", "log_panel.py", "code_view.py",
          # the Layers tab's parts (quantgui/ui/layers/)
          "panel.py", "plan.py", "table.py", "chart.py", "detail.py", "ranking.py", "whatif.py")


def test_every_text_of_the_panels_has_spanish():
    missing = []
    for message in ET.parse(TS).getroot().iter("message"):
        files = {Path(loc.get("filename", "")).name for loc in message.iter("location")}
        translation = message.find("translation")
        if files & set(PANELS) and (translation.get("type") == "unfinished"
                                    or not (translation.text or "").strip()):
            missing.append(message.findtext("source"))
    assert missing == []


@pytest.fixture
def spanish(qapp):
    from quantgui.ui.i18n import install_translator

    assert install_translator(qapp, "es") == "es"
    yield
    assert install_translator(qapp, "en") == "en"


def test_new_texts_in_spanish(qtbot, spanish):
    from quantgui.ui.main_window import MainWindow
    from quantgui.ui.wording import window_words

    win = MainWindow(demo="seed-linear", method="dynamic")
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
        win.show()
    panel = win.layers_panel
    qtbot.waitUntil(lambda: panel.plan is not None, timeout=LOAD_TIMEOUT_MS)
    assert "1 capa int8" in panel.status_label.text()
    assert win.stage_label.text() == "Listo"
    assert "el campo «Argumentos (JSON)»" in window_words("Check --model-args against it.")
    win.show_about()
    assert "Licencia MIT" in win.about_box.text()
    win.about_box.close()
    win.close()
    delete_now(win)
