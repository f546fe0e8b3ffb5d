"""The engine registry: built-ins listed with their availability, a plug-in engine registered
from a test module runs through the pipeline and the command line with no other edit."""

from __future__ import annotations

import json

import pytest

from quantgui.core import engines as registry
from quantgui.core.demos import load_demo
from quantgui.core.errors import RecipeError
from quantgui.core.events import drive
from quantgui.core.pipeline import run
from quantgui.core.recipes import recipe_for


@pytest.fixture
def plugin():
    from tests import engine_plugin

    registry.register_engine(engine_plugin.ENGINE)  # again, in case a test removed it
    yield engine_plugin.ENGINE
    registry._registry.pop(engine_plugin.ENGINE.name, None)


def test_builtin_engines_are_listed_in_order():
    names = registry.engine_names()
    assert names[0] == "torch_ao"
    assert "onnxruntime" in names


def test_unknown_engine_is_a_clear_recipe_error():
    with pytest.raises(RecipeError, match="Unknown engine 'tensorrt'"):
        recipe_for("dynamic", engine="tensorrt")


def test_a_plugin_engine_runs_through_the_pipeline(plugin):
    loaded = load_demo("digits-mlp")
    result = drive(run(loaded, recipe_for("dynamic", engine=plugin.name)))
    assert result.engine == plugin.name
    assert result.to_report()["engine_title"] == plugin.title
    assert result.agreement.sqnr_db > 20  # bfloat16 keeps about 8 bits of mantissa
    assert result.quantized.latency.interleaved


def test_a_plugin_engine_refuses_a_technique_it_does_not_offer(plugin):
    with pytest.raises(RecipeError, match="does not offer Static"):
        recipe_for("static", engine=plugin.name).check_runnable()


def test_the_cli_lists_and_runs_a_plugin_engine(plugin, tmp_path, capsys):
    from quantgui.cli import main

    assert main(["engines"]) == 0
    listing = capsys.readouterr().out
    assert plugin.name in listing and "torch_ao" in listing
    report = tmp_path / "report.json"
    assert main(["quantize", "--model", "demo:digits-mlp", "--method", "dynamic", "--engine",
                 plugin.name, "--no-history", "--no-progress", "--report", str(report)]) == 0
    assert json.loads(report.read_text())["engine"] == plugin.name


def test_compare_engines_times_every_engine_together_and_recommends_one(plugin, tmp_path,
                                                                        capsys):
    from quantgui.cli import main

    report_path = tmp_path / "engines.json"
    assert main(["compare-engines", "--model", "demo:digits-mlp", "--method", "dynamic",
                 "--engines", f"torch_ao,{plugin.name}", "--report", str(report_path)]) == 0
    out = capsys.readouterr().out
    assert "Recommended:" in out
    report = json.loads(report_path.read_text())
    assert [row["engine"] for row in report["engines"]] == ["torch_ao", plugin.name]
    assert report["recommended"] in ("torch_ao", plugin.name)
    assert sum(row["recommended"] for row in report["engines"]) == 1
    for row in report["engines"]:
        assert row["latency_ms"]["interleaved"] and row["speedup_vs_eager_float32"] > 0
    # each engine's run is kept in the history as a run of its own
    assert main(["history"]) == 0
    assert capsys.readouterr().out.count("digits-mlp") == 2


def test_recommendation_is_the_fastest_within_tolerance_of_the_best_agreement():
    from types import SimpleNamespace

    from quantgui.core.compare import recommend

    def fake_result(sqnr: float, median: float):  # plain records: recommend reads two numbers
        latency = SimpleNamespace(median_ms=median)
        return SimpleNamespace(agreement=SimpleNamespace(sqnr_db=sqnr),
                               quantized=SimpleNamespace(latency=latency),
                               original=SimpleNamespace(latency=SimpleNamespace(median_ms=10.0)))

    results = {"torch_ao": fake_result(40.0, 2.0), "onnxruntime": fake_result(38.0, 1.0),
               "pt2e": fake_result(20.0, 0.5)}
    name, why = recommend(results)
    assert name == "onnxruntime"  # pt2e is faster but 20 dB worse
    assert "Left out for agreement" in why
    # 55 dB against 47 dB is no reason to take a slower engine: above 30 dB agreement is kept
    name, _ = recommend({"weight_only": fake_result(55.0, 100.0),
                         "torch_ao": fake_result(47.0, 0.35)})
    assert name == "torch_ao"
    # within 3 dB of a poor best, the fastest wins; further away it does not
    from quantgui.core.compare import pick_engine

    assert pick_engine({"a": (2.0, 20.0), "b": (1.0, 17.5)}) == "b"
    assert pick_engine({"a": (2.0, 20.0), "b": (1.0, 16.0)}) == "a"


def test_the_cli_saves_each_engine_in_its_own_format_and_loads_it_back(tmp_path, capsys):
    from quantgui.cli import main

    target, page = tmp_path / "model.onnx", tmp_path / "report.html"
    assert main(["quantize", "--model", "demo:digits-mlp", "--method", "static", "--engine",
                 "onnxruntime", "--no-history", "--no-progress", "--save", str(target),
                 "--html", str(page)]) == 0
    html = page.read_text()  # the report follows the engine: its float32 beside its int8
    assert "ONNX Runtime</b> engine" in html and "engine float32 latency" in html
    out = capsys.readouterr().out
    assert "Saved onnx" in out and "identical outputs" in out
    import onnx

    onnx.checker.check_model(onnx.load(str(target)))
    # a format the engine does not write is refused before anything is written
    assert main(["quantize", "--model", "demo:digits-mlp", "--method", "static", "--engine",
                 "onnxruntime", "--no-history", "--no-progress", "--save",
                 str(tmp_path / "m.pt"), "--format", "state_dict"]) == 2
    assert not (tmp_path / "m.pt").exists()


def test_the_script_follows_the_engine_and_refuses_one_without_a_script(plugin):
    from quantgui.core.errors import QuantGUIError
    from quantgui.core.script import generate_script

    loaded = load_demo("digits-mlp")
    assert "quantize_dynamic(copy.deepcopy(model)" in generate_script(loaded, recipe_for("dynamic"))
    assert "from onnxruntime.quantization import QuantType, quantize_dynamic" in generate_script(
        loaded, recipe_for("dynamic", engine="onnxruntime"))
    # a script for another engine would rebuild a different model: an engine without one says so
    with pytest.raises(QuantGUIError, match="does not write a standalone script"):
        generate_script(loaded, recipe_for("dynamic", engine=plugin.name))
