"""In Spanish, what the core writes about an opened model and about a run's settings reads in
Spanish: the model's description (built by the core from the templates of
``quantgui.core.texts``) and the History's settings column (the settings' own labels and the
titles of their choices, not ``engine=torch_ao, observer=histogram``), also after a live
switch of the language, both ways."""

from __future__ import annotations

import pytest

from tests.fixtures import hf

from .helpers import LOAD_TIMEOUT_MS, run_to_end
from .test_translation_complete import spanish  # noqa: F401 - a fixture


@pytest.fixture
def back_to_english(qapp):
    yield
    from quantgui.ui.i18n import install_translator

    install_translator(qapp, "en")


def open_folder(qtbot, window, folder) -> None:
    from quantgui.ui.open_dialog import OpenRequest

    with qtbot.waitSignal(window.model_loaded, timeout=LOAD_TIMEOUT_MS):
        assert window.user_models.load(OpenRequest(model=str(folder), data="random"))


def test_a_hugging_face_models_description_in_spanish_and_back(qtbot, window, tmp_path,
                                                               back_to_english):
    open_folder(qtbot, window, hf.gpt2(tmp_path / "tiny-gpt2"))
    english = window.loaded.description
    assert english.startswith("Hugging Face model GPT2LMHeadModel from tiny-gpt2/ with weights "
                              "model.safetensors; compares its logits; sequences of 16 tokens; "
                              "its 4 Conv1D layers run as the Linear layers they are; data: "
                              "random data (")
    assert english.endswith("): good for calibration only, no accuracy")
    assert window.description.text() == english
    window.set_language("es")
    spanish_text = window.description.text()
    assert spanish_text.startswith(
        "Modelo de Hugging Face GPT2LMHeadModel de tiny-gpt2/ con los pesos model.safetensors; "
        "compara sus logits; secuencias de 16 tokens; sus 4 capas Conv1D se ejecutan como las "
        "capas Linear que son; datos: datos aleatorios ("), spanish_text
    assert spanish_text.endswith("): solo sirven para calibrar, sin exactitud"), spanish_text
    assert "good for" not in window.start_page.heading.text()
    window.set_language("en")
    assert window.description.text() == english
    window.set_language("es")
    assert window.description.text() == spanish_text


def test_a_python_models_description_opened_in_spanish(qtbot, spanish, tmp_path):  # noqa: F811
    from quantgui.ui.main_window import MainWindow

    from .conftest import delete_now

    source = tmp_path / "tiny.py"
    source.write_text("import torch\n\nclass Tiny(torch.nn.Module):\n"
                      "    def __init__(self):\n        super().__init__()\n"
                      "        self.fc = torch.nn.Linear(4, 3)\n\n"
                      "    def forward(self, x):\n        return self.fc(x)\n")
    win = MainWindow(method="dynamic")
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
        win.show()
    from quantgui.ui.open_dialog import OpenRequest

    with qtbot.waitSignal(win.model_loaded, timeout=LOAD_TIMEOUT_MS):
        assert win.user_models.load(OpenRequest(model=str(source), class_name="Tiny",
                                                input_shape="4", data="random"))
    assert win.description.text() == (
        "clase de Python Tiny de tiny.py (pesos aleatorios: no se dio un archivo de pesos); "
        "datos: datos aleatorios (256 muestras gaussianas de forma (4,)): solo sirven para "
        "calibrar, sin exactitud"), win.description.text()
    win.close()
    delete_now(win)


def test_the_history_says_each_setting_by_its_name_in_spanish(qtbot, window, tmp_path,
                                                              monkeypatch, back_to_english):
    monkeypatch.setenv("QUANTGUI_DATA_DIR", str(tmp_path / "data"))  # these runs only
    window.history_panel.history = None
    assert run_to_end(qtbot, window, "static", observer="histogram",
                      calibration_batches=2) == "finished"
    table = window.history_panel.table
    english = table.item(0, 3).text()
    assert english.startswith("Engine: PyTorch eager"), english
    assert "Observer: histogram" in english and "Calibration batches: 2" in english
    assert "=" not in english
    window.set_language("es")
    spanish_text = table.item(0, 3).text()
    assert spanish_text.startswith("Motor: PyTorch eager"), spanish_text
    assert "Observador: histograma" in spanish_text and "=" not in spanish_text
    assert "Pesos por canal: sí" in spanish_text, spanish_text
    assert table.item(0, 0).toolTip().endswith(spanish_text)
    window.set_language("en")
    assert table.item(0, 3).text() == english
