"""The HTML report is one self-contained file: settings, environment, tables, embedded charts."""

import base64
import re
import xml.etree.ElementTree as ET

from quantgui.core.demos import load_demo
from quantgui.core.events import TrainStep, drive
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for
from quantgui.core.report_html import render


def test_report_has_tables_and_valid_embedded_images():
    steps = []

    def keep(event):
        if isinstance(event, TrainStep):
            steps.append(((event.epoch - 1) * event.steps_per_epoch + event.step, event.loss))

    result = drive(run(load_demo("digits-mlp"), recipe_for("qat", epochs=2)), keep)
    page = render(result.to_report(), steps=steps)
    assert page.startswith("<!DOCTYPE html>")
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")  # opens offline
    assert "https://" not in page
    for text in ("Original | Quantized", "torch", "x86", "Learning rate", "fc1"):
        assert text in page
    images = re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', page)
    svgs = [base64.b64decode(data).decode() for data in images]
    titles = " ".join(svgs)
    for title in ("Size (KiB)", "Latency median", "Per-layer output SQNR", "QAT loss per step",
                  "QAT loss per epoch", "Validation accuracy"):
        assert title in titles
    for svg in svgs:
        root = ET.fromstring(svg)
        assert root.tag.endswith("svg")
        assert root.findall(".//{http://www.w3.org/2000/svg}rect") or root.findall(
            ".//{http://www.w3.org/2000/svg}polyline")


def test_report_speaks_in_words_not_python():
    import html as html_module

    result = drive(run(load_demo("digits-mlp"), recipe_for("static", calibration_batches=2)))
    page = render(result.to_report())
    text = html_module.unescape(re.sub(r"<[^>]+>", " ", re.sub(
        r"<(style|script)[^>]*>.*?</\1>", "", page, flags=re.S)))
    # no raw keys or Python values where a person reads the settings and figures
    for raw in ("sqnr_db", "top1_agreement", "max_abs_error", "keep_float", "batch_size",
                "None", "True", "False", "[]", "['"):
        assert raw not in text, raw
    for words in ("Cosine similarity", "Top-1 agreement", "Keep in float", "Batch size",
                  "Per-channel weights", "PyTorch eager (torch.ao)", "CPU flags"):
        assert words in text, words
    assert re.search(r"SQNR \(signal to quantization noise\)\s+\d+\.\d dB", text)
