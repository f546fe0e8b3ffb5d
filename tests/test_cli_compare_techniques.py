"""quantgui-cli compare-techniques: the three techniques side by side, from the command line."""

from __future__ import annotations

import json

from quantgui.cli import main


def test_compare_techniques_prints_the_table_writes_the_report_and_keeps_each_run(
        tmp_path, capsys):
    report_path = tmp_path / "techniques.json"
    assert main(["compare-techniques", "--model", "demo:digits-mlp", "--epochs", "1",
                 "--threads", "1", "--no-progress", "--report", str(report_path)]) == 0
    out = capsys.readouterr().out
    assert "Pareto front" in out
    for label in ("float32", "dynamic", "static", "qat"):
        assert any(line.startswith(label) for line in out.splitlines()), out
    # each row says what its run used (--epochs 1 for QAT, the default calibration)
    assert any(line.startswith("qat") and line.rstrip().endswith("torch_ao, 1 epoch")
               for line in out.splitlines()), out
    assert any(line.startswith("static") and line.rstrip().endswith(
        "torch_ao, 32 calibration batches") for line in out.splitlines()), out
    report = json.loads(report_path.read_text())
    assert [row["label"] for row in report["rows"]] == ["float32", "dynamic", "static", "qat"]
    assert report["threads"] == 1 and report["quality_axis"] == "accuracy"
    assert report["pareto_front"] and all(
        row["pareto"] == (row["label"] in report["pareto_front"]) for row in report["rows"])
    qat = next(row for row in report["rows"] if row["label"] == "qat")
    assert qat["accuracy"] > 0.9 and qat["sqnr_db"] > 15
    assert main(["history"]) == 0  # each technique is a run of its own in the history
    listing = capsys.readouterr().out
    assert listing.count("digits-mlp") == 3


def test_compare_techniques_on_several_engines_labels_each_pair(tmp_path, capsys):
    report_path = tmp_path / "techniques.json"
    assert main(["compare-techniques", "--model", "demo:digits-mlp", "--techniques",
                 "dynamic,static", "--engines", "torch_ao,onnxruntime", "--no-history",
                 "--no-progress", "--report", str(report_path)]) == 0
    report = json.loads(report_path.read_text())
    labels = [row["label"] for row in report["rows"]]
    assert labels == ["float32", "dynamic · torch_ao", "dynamic · onnxruntime",
                      "static · torch_ao", "static · onnxruntime"]
    assert {row["engine"] for row in report["rows"][1:]} == {"torch_ao", "onnxruntime"}
