"""The core never imports Qt: checked in a fresh interpreter, and by import-linter."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.import_cycles import import_cycles

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_core_and_cli_import_no_qt():
    code = (
        "import pkgutil, importlib, sys\n"
        "import quantgui.core, quantgui.cli\n"
        "for m in pkgutil.walk_packages(quantgui.core.__path__, 'quantgui.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "qt = sorted(n for n in sys.modules if n.split('.')[0] in "
        "('PySide6', 'pyqtgraph', 'shiboken6', 'PyQt5', 'PyQt6'))\n"
        "assert not qt, qt\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_import_linter_contracts_hold():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if lint is None:
        pytest.fail("import-linter is not installed; install the [test] extra")
    result = subprocess.run([lint], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().replace("0 broken", "")


def _import_cycles(package: str, root: str = "quantgui") -> list[list[str]]:
    """Groups of modules that import each other (imports only needed for type checking
    excluded), over grimp's import graph."""
    import grimp

    return import_cycles(grimp.build_graph(root, exclude_type_checking_imports=True), package)


def test_no_import_cycles_in_the_core():
    assert _import_cycles("quantgui.core") == []


def test_the_cycle_finder_finds_a_cycle(tmp_path, monkeypatch):
    # the check above must be able to fail: a two-module package that imports itself in a circle
    package = tmp_path / "quantgui_cycle_probe"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from quantgui_cycle_probe import b\n")
    (package / "b.py").write_text("def f():\n    from quantgui_cycle_probe import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _import_cycles("quantgui_cycle_probe", root="quantgui_cycle_probe") == [
        ["quantgui_cycle_probe.a", "quantgui_cycle_probe.b"]]
