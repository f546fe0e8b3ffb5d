"""The generated script imports each name once, grouped as a person writes them."""

from __future__ import annotations

import ast
import sys

import pytest

from quantgui.core.demos import load_demo
from quantgui.core.recipes import recipe_for
from quantgui.core.script import generate_script, merge_imports

CASES = [("torch_ao", "dynamic"), ("torch_ao", "static"), ("torch_ao", "qat"),
         ("pt2e", "static"), ("pt2e", "qat"), ("onnxruntime", "static")]


@pytest.mark.parametrize("engine, technique", CASES)
def test_every_import_once_and_grouped(engine, technique):
    text = generate_script(load_demo("digits-mlp"), recipe_for(technique, engine=engine))
    tree = ast.parse(text)
    imports = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    seen = [ast.unparse(node) for node in imports]
    assert len(seen) == len(set(seen)), [s for s in seen if seen.count(s) > 1]
    names = [alias.asname or alias.name for node in imports for alias in node.names]
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]
    # the imports open the script: future, standard library, third party (a section's code
    # that must run between imports, such as quieting torchao's logger, follows them)
    leading = []
    for node in tree.body[1:]:  # after the docstring
        if not isinstance(node, (ast.Import, ast.ImportFrom)):
            break
        leading.append(node)
    modules = [(node.module if isinstance(node, ast.ImportFrom) else node.names[0].name)
               for node in leading]
    groups = [0 if m == "__future__" else 1 if m.split(".")[0] in sys.stdlib_module_names
              else 2 for m in modules]
    assert groups == sorted(groups)


def test_code_between_imports_keeps_its_place_after_them():
    merged = merge_imports("import logging\n\nlogging.getLogger('x').setLevel(40)\n"
                           "import torchao\n", "import argparse\n")
    assert merged == ("import argparse\nimport logging\n\n"
                      "logging.getLogger('x').setLevel(40)\nimport torchao\n")


def test_merge_keeps_multi_line_statements_whole():
    merged = merge_imports("import torch\nfrom torch.ao.quantization import (A,\n    B)\n",
                           "import math\nimport torch\n")
    assert merged == ("import math\n\nimport torch\nfrom torch.ao.quantization import (A,\n"
                      "    B)\n")
