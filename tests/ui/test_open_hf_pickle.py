"""A Hugging Face folder whose pytorch_model.bin is a pickle holding more than tensors (issue
17), opened in the real window: the trust question comes up with the core's reason in the
window's words; declined, the error box says it and nothing was unpickled; "Trust and open"
opens it."""

from __future__ import annotations

import pytest

from .helpers import LOAD_TIMEOUT_MS


@pytest.mark.slow  # transformers' import and two openings of a folder: about 15 s
def test_hf_pickle_weights_ask_for_trust_and_open_when_trusted(qtbot, window, tmp_path):
    from quantgui.ui.open_dialog import OpenRequest
    from tests.core.test_bad_files import _Opens, pickled_hf_folder

    marker = tmp_path / "ran"
    folder, _ = pickled_hf_folder(tmp_path / "bert", _Opens(str(marker)))
    models = window.user_models
    demo = window.loaded.name

    assert models.load(OpenRequest(model=str(folder)))
    qtbot.waitUntil(lambda: models.trust_box is not None, timeout=LOAD_TIMEOUT_MS)
    text = models.trust_box.informativeText()
    assert "pickle" in text and "can run any code" in text and "save_pretrained" in text
    assert "Trust and open" in text and "--trust" not in text  # the window's words
    assert window.error_dialog is None and not marker.exists()
    models.trust_box.reject()  # Cancel
    qtbot.waitUntil(lambda: window.error_dialog is not None, timeout=LOAD_TIMEOUT_MS)
    assert "pickle" in window.error_dialog.text()
    assert "Trust and open" in window.error_dialog.informativeText()
    window.error_dialog.close()
    assert window.loaded.name == demo and not marker.exists()

    assert models.load(OpenRequest(model=str(folder)))
    qtbot.waitUntil(lambda: models.trust_box is not None, timeout=LOAD_TIMEOUT_MS)
    with qtbot.waitSignal(window.model_loaded, timeout=LOAD_TIMEOUT_MS):
        models.trust_button.click()
    assert window.loaded.name == "bert" and marker.exists()  # the user trusted it
    assert window.error_dialog is None
