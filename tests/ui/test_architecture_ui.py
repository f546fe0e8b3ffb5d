"""The window's house: its state has one owner (quantgui.ui.state) that the helpers take, so no
module of the window imports the main window back, and the ui package has no import cycle,
counting the imports made only for type checking."""

from __future__ import annotations

import grimp
import pytest

from tests.import_cycles import import_cycles

HELPERS = ("quantgui.ui.results_io", "quantgui.ui.user_models", "quantgui.ui.state")


def _graph(root: str = "quantgui") -> grimp.ImportGraph:
    # no cache: a stale one would hide an import just added
    return grimp.build_graph(root, exclude_type_checking_imports=False, cache_dir=None)


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return _graph()


@pytest.mark.parametrize("helper", HELPERS)
def test_the_window_helpers_do_not_import_the_main_window(graph, helper):
    assert helper in graph.modules
    chains = graph.find_shortest_chains(importer=helper, imported="quantgui.ui.main_window")
    assert chains == set(), f"{helper} reaches the main window: {sorted(chains)}"


def test_the_ui_package_has_no_import_cycle(graph):
    assert import_cycles(graph, "quantgui.ui") == []


def test_the_cycle_finder_finds_a_type_checking_cycle(tmp_path, monkeypatch):
    # the checks above must be able to fail: a package whose helper imports its window back for
    # type checking only, as results_io and user_models did
    package = tmp_path / "quantgui_house_probe"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "window.py").write_text("from quantgui_house_probe import helper\n")
    (package / "helper.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from quantgui_house_probe.window import Window\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    probe = _graph("quantgui_house_probe")
    assert import_cycles(probe, "quantgui_house_probe") == [
        ["quantgui_house_probe.helper", "quantgui_house_probe.window"]]
    assert probe.find_shortest_chains(importer="quantgui_house_probe.helper",
                                      imported="quantgui_house_probe.window")
