"""Reproduce a run in code: a standalone, commented script that rebuilds the same quantized model.

The script is the teaching view of what the buttons do. It uses only torch and what the run's
engine needs (torchao, onnxruntime; numpy to read the demo data) and the user's model file where
there is one, and follows the same steps as the engine (``Engine.script_section``) so that its
outputs match the application's.
"""

from __future__ import annotations

import ast
import inspect
import json
import textwrap
from datetime import datetime, timezone
from pathlib import Path

import torch

from quantgui import __version__
from quantgui.core import zoo
from quantgui.core.demos import DEMOS, LoadedModel
from quantgui.core.engines import get_engine
from quantgui.core.errors import QuantGUIError
from quantgui.core.files import OutputBatch
from quantgui.core.recipes import Recipe
from quantgui.core.resources import resources_dir
from quantgui.core.techniques import get_technique


def _zoo_sources(root: type) -> str:
    """The demo class and the zoo helpers it uses, in definition order."""
    members = {name: obj for name, obj in vars(zoo).items()
               if (inspect.isclass(obj) or inspect.isfunction(obj))
               and getattr(obj, "__module__", "") == zoo.__name__}
    wanted, queue = set(), [root.__name__]
    while queue:
        name = queue.pop()
        if name in wanted:
            continue
        wanted.add(name)
        tree = ast.parse(textwrap.dedent(inspect.getsource(members[name])))
        queue.extend(node.id for node in ast.walk(tree)
                     if isinstance(node, ast.Name) and node.id in members)
    ordered = [name for name in members if name in wanted]
    return "\n\n".join(inspect.getsource(members[name]).rstrip() for name in ordered)


def _model_section(loaded: LoadedModel, weights_path: Path | None) -> tuple[str, str]:
    """Code that defines ``build_float_model()``, and the imports it needs."""
    kind, _, spec = loaded.source.partition(":")
    if kind == "demo":
        demo = DEMOS[spec]
        weights = resources_dir() / "models" / f"{spec}.pt"
        source = _zoo_sources(demo.build)
        return "import math\n", f'''{source}


WEIGHTS = Path({str(weights)!r})


def build_float_model() -> nn.Module:
    """The demo's trained float model (weights shipped with QuantGUI)."""
    model = {demo.build.__name__}()
    model.load_state_dict(torch.load(WEIGHTS, map_location="cpu", weights_only=True))
    return model.eval()
'''
    if kind == "python":
        from quantgui.core.sources import parse_spec

        path, class_name, _ = parse_spec(spec)
        args = json.dumps(loaded.model_args or {})
        # The float weights as they were in the run, saved beside the script: the same even if
        # the model had no weights file (random initialisation) or the file changes later.
        weights_code = ("" if weights_path is None else
                        f"    state = torch.load({str(weights_path.resolve())!r}, "
                        "map_location=\"cpu\", weights_only=True)\n"
                        "    model.load_state_dict(state)\n")
        root, module_name = _import_root(Path(path).resolve())
        return "import importlib\nimport json\nimport sys\n", f'''MODEL_ROOT = Path({str(root)!r})
MODEL_MODULE = {module_name!r}
MODEL_ARGS = json.loads({args!r})


def build_float_model() -> nn.Module:
    """Your model class, imported from your file (its folder on the import path, so that the
    modules beside it import too), with its trained weights."""
    sys.path.insert(0, str(MODEL_ROOT))
    module = importlib.import_module(MODEL_MODULE)
    model = module.{class_name}(**MODEL_ARGS)
{weights_code}    return model.eval()
'''
    raise QuantGUIError(
        f"A script can be written for demo models and Python-file models, not for a {kind} "
        "model.", "Open the model as model.py:Class:weights.pt to get a script.")


def merge_imports(*blocks: str) -> str:
    """The import statements of every section once each, grouped as a person writes them:
    ``__future__``, the standard library, then third-party packages, each group sorted. A
    section's lines from its first line that is not an import (code that must run before the
    imports after it, such as quieting a logger) stay after the groups, in their order."""
    import sys

    merged: list[str] = []
    tails: list[str] = []
    for block in blocks:
        statements = _statements(block)
        for index, statement in enumerate(statements):
            if not statement.startswith(("import ", "from ")):
                tails.extend(s for s in statements[index:] if s not in merged)
                break
            if statement not in merged:
                merged.append(statement)
    groups: dict[int, list[str]] = {0: [], 1: [], 2: []}
    for statement in merged:
        module = statement.split()[1].split(".")[0]
        group = 0 if module == "__future__" else 1 if module in sys.stdlib_module_names else 2
        groups[group].append(statement)

    def key(statement: str) -> tuple[bool, str]:  # as isort: plain imports, then from-imports
        return statement.startswith("from"), statement.split()[1].lower()

    parts = ["\n".join(sorted(group, key=key)) for group in groups.values() if group]
    if tails:
        parts.append("\n".join(tails))
    return "\n\n".join(parts) + "\n"


def _names_used(code: str) -> set[str]:
    """The names ``code`` reads from the module's namespace: a name that a function imports
    for itself (``import onnxruntime as ort`` inside it) is that function's, not a use of the
    module's import."""
    used: set[str] = set()

    def visit(node: ast.AST, local: frozenset[str]) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            imported = {alias.asname or alias.name.split(".")[0]
                        for statement in ast.walk(node)
                        if isinstance(statement, (ast.Import, ast.ImportFrom))
                        for alias in statement.names}
            local = local | imported
        if isinstance(node, ast.Name) and node.id not in local:
            used.add(node.id)
        for child in ast.iter_child_nodes(node):
            visit(child, local)

    visit(ast.parse(code), frozenset())
    return used


def drop_unused_imports(imports: str, code: str) -> str:
    """``imports`` (a ``merge_imports`` block) without the names ``code`` never uses, so that
    the script a user reads imports what it needs and nothing else (sections share a common
    header). A statement marked ``# noqa`` is kept: it is imported for its side effects."""
    # code among the imports (quieting a logger before an import) uses names too
    tails = [statement for block in imports.split("\n\n") for statement in _statements(block)
             if not statement.startswith(("import ", "from "))]
    used = _names_used(code + "\n" + "\n".join(tails))
    kept: list[str] = []
    for block in imports.split("\n\n"):
        statements: list[str] = []
        for statement in _statements(block):
            if "noqa" in statement or not statement.startswith(("import ", "from ")):
                statements.append(statement)
                continue
            node = ast.parse(statement).body[0]
            if isinstance(node, ast.ImportFrom) and node.module == "__future__":
                statements.append(statement)
                continue
            names = [alias for alias in node.names
                     if (alias.asname or alias.name.split(".")[0]) in used]
            if len(names) == len(node.names):
                statements.append(statement)
            elif names:
                node.names = names
                statements.append(_wrapped(node))
        if statements:
            kept.append("\n".join(statements))
    return "\n\n".join(kept) + "\n"


def _wrapped(node: ast.Import | ast.ImportFrom) -> str:
    """An import statement within 100 columns, its names in brackets where they wrap."""
    line = ast.unparse(node)
    if len(line) <= 99 or not isinstance(node, ast.ImportFrom):
        return line
    names = [ast.unparse(alias) for alias in node.names]
    wrapped = textwrap.fill(", ".join(names), width=94, initial_indent=" " * 4,
                            subsequent_indent=" " * 4, break_on_hyphens=False)
    return f"from {node.module} import (\n{wrapped})"


def _statements(block: str) -> list[str]:
    """The statements of a block of imports, a bracketed one on several lines as one."""
    statements, current = [], ""
    for line in block.splitlines():
        if not line.strip() and not current:
            continue
        current = f"{current}\n{line}" if current else line
        if current.count("(") == current.count(")"):  # a whole statement
            statements.append(current)
            current = ""
    return statements


def _import_root(path: Path) -> tuple[Path, str]:
    """The folder to put on the import path and the dotted module to import, for a model file
    (inside a package: the package's parent and package.module) or a package folder."""
    if path.is_dir():
        return path.parent, path.name
    parts, folder = [path.stem], path.parent
    while (folder / "__init__.py").is_file():
        parts.insert(0, folder.name)
        folder = folder.parent
    return folder, ".".join(parts)


def _data_section(loaded: LoadedModel, data_path: Path) -> str:
    kind, _, spec = loaded.source.partition(":")
    if kind == "demo" and DEMOS[spec].dataset == "digits":
        return f'''DATA = Path({str(resources_dir() / "data" / "digits.npz")!r})


def load_data():
    """The UCI digits shipped with QuantGUI, with its fixed split; pixels 0..16 -> 0..1."""
    archive = np.load(DATA)
    inputs = torch.from_numpy(archive["inputs"].astype(np.float32)).reshape(-1, 1, 8, 8) / 16.0
    labels = torch.from_numpy(archive["labels"].astype(np.int64))
    train, val = torch.from_numpy(archive["train_idx"]), torch.from_numpy(archive["val_idx"])
    return inputs[train], labels[train], inputs[val], labels[val]
'''
    if kind == "demo":
        return f'''DATA = Path({str(resources_dir() / "data" / (DEMOS[spec].dataset + ".npz"))!r})


def load_data():
    archive = np.load(DATA)
    inputs = torch.from_numpy(archive["inputs"].astype(np.float32))
    labels = torch.from_numpy(archive["labels"].astype(np.int64))
    train, val = torch.from_numpy(archive["train_idx"]), torch.from_numpy(archive["val_idx"])
    return inputs[train], labels[train], inputs[val], labels[val]
'''
    return f'''DATA = Path({str(data_path.resolve())!r})


def load_data():
    """The exact training and validation tensors of the QuantGUI run, saved beside this script."""
    data = torch.load(DATA, weights_only=True)
    return data["train_inputs"], data["train_labels"], data["val_inputs"], data["val_labels"]
'''


def generate_script(loaded: LoadedModel, recipe: Recipe, data_path: Path | None = None,
                    weights_path: Path | None = None) -> str:
    """The standalone script for ``recipe`` on ``loaded``, following the recipe's engine. For a
    model that is not a demo, ``data_path`` and ``weights_path`` name the tensors and float
    weights written beside the script (see ``write_script``)."""
    technique = get_technique(recipe.method)
    engine = get_engine(recipe.engine)
    # the engine's steps: it refuses what its script could not rebuild
    section = engine.script_section(technique, recipe, loaded.model)
    model_imports, model_code = _model_section(loaded, weights_path)
    data_code = _data_section(loaded, data_path or Path("data.pt"))
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    header = f'''"""Rebuild the quantized model of a QuantGUI run, step by step.

Model: {loaded.name} ({loaded.source})
Technique: {recipe.title} on the {engine.title} engine, {recipe.threads} thread(s)
Recipe (QuantGUI settings): {json.dumps(recipe.to_dict())}

Generated by QuantGUI {__version__} on {stamp} with torch {torch.__version__}.
{section.needs} Run it as it is:

    python {{this file}} [--save {section.save_example}] [--outputs outputs.pt]
"""
'''
    imports = merge_imports(
        # the common ones; those the script does not use are dropped below
        "from __future__ import annotations\nimport argparse\nimport copy\nimport math\n"
        "import warnings\nfrom pathlib import Path\nfrom typing import Any\n", model_imports,
        "import numpy as np\nimport torch\nimport torch.nn.functional as F\nfrom torch import nn\n",
        section.imports)
    settings = f'''
{section.settings}THREADS = {recipe.threads}
BATCH_SIZE = {recipe.batch_size}
KEEP_FLOAT = {list(recipe.keep_float)!r}  # layers left in float32
'''
    setup = "".join(f"    {line}\n" if line else "\n" for line in section.setup.splitlines())
    main = f'''

def main() -> None:
    parser = argparse.ArgumentParser(description="Rebuild the quantized model.")
    parser.add_argument("--save", help="save the quantized model ({section.saves_as}) here")
    parser.add_argument("--outputs", help="save the validation outputs here (a .pt file)")
    args = parser.parse_args()
{setup}    torch.set_num_threads(THREADS)
    data = load_data()
    model = build_float_model()
    quantized = quantize(model, data)
    if quantized is None:  # another process of a distributed run: rank 0 reports and saves
        return
    val_inputs, val_labels = data[2], data[3]
    with torch.inference_mode():
        outputs = torch.cat([quantized(val_inputs[i:i + BATCH_SIZE])
                             for i in range(0, len(val_inputs), BATCH_SIZE)])
    if val_labels is not None:
        accuracy = (outputs.argmax(1) == val_labels).float().mean().item()
        print(f"validation accuracy of the quantized model: {{accuracy:.2%}}")
    if args.outputs:
        torch.save(outputs, args.outputs)
    if args.save:
        save_quantized(quantized, args.save, data)
        print(f"saved {{args.save}}")


if __name__ == "__main__":
    main()
'''
    def title(text: str) -> str:
        return f"\n\n# --- {text} " + "-" * (94 - len(text)) + "\n\n"

    sections = [settings, title("1. The float model"), model_code,
                title("2. The data"), data_code, title(f"3. Quantization ({engine.title})"),
                section.code, main]
    body = "".join(sections)
    return header + drop_unused_imports(imports, body) + body


def _source_of(loaded: LoadedModel | str) -> str:
    return loaded if isinstance(loaded, str) else loaded.source


def script_side_files(path: Path | str, loaded: LoadedModel | str) -> list[Path]:
    """The files ``write_script`` writes beside the script: the data and the float weights, for
    a model that is not a demo (none for a demo). ``loaded`` may be the model's source spec."""
    path = Path(path)
    if _source_of(loaded).startswith("demo:"):
        return []
    return [path.with_name(path.stem + "_data.pt"),
            path.with_name(path.stem + "_float_weights.pt")]


def model_input_files(loaded: LoadedModel | str) -> list[Path]:
    """The user's files a loaded model came from (model file, weights file)."""
    kind, _, spec = _source_of(loaded).partition(":")
    if kind == "demo" or not spec:
        return []
    try:
        from quantgui.core.sources import parse_spec

        path, _, weights = parse_spec(spec)
    except QuantGUIError:
        return [Path(spec)]
    return [path] + ([weights] if weights is not None else [])


def check_script_targets(path: Path | str, loaded: LoadedModel | str, *, overwrite: bool = False,
                         inputs: list[Path | str] | tuple[Path | str, ...] = ()) -> list[Path]:
    """Refuse a script export that would replace an input (always) or a file beside the script
    (unless ``overwrite``); returns every path it would write, the script first."""
    from quantgui.core.files import check_output

    path = Path(path)
    inputs = [*inputs, *model_input_files(loaded)]
    check_output(path, inputs, what="script")
    side = script_side_files(path, loaded)
    for target in side:
        check_output(target, inputs, what="script's data file")
    existing = [target for target in side if target.exists()]
    if existing and not overwrite:
        raise QuantGUIError(
            f"Exporting the script to {path} would replace {', '.join(map(str, existing))}.",
            "Choose another script name or move that file away (quantgui-cli's --overwrite "
            "replaces it).")
    return [path, *side]


def write_script(path: Path | str, loaded: LoadedModel, recipe: Recipe, *,
                 overwrite: bool = False, inputs: list[Path | str] | tuple[Path | str, ...] = (),
                 staging: OutputBatch | None = None) -> list[Path]:
    """Write the script (and, for data that is not a demo's, its tensors beside it).

    Files beside the script that exist already are not replaced unless ``overwrite``; an input
    (the model's files, and ``inputs``) never is. With ``staging`` the files are only staged in
    that batch, for the caller to commit with its other outputs; without it, all of them are
    written or none.
    """
    import io

    path = Path(path)
    check_script_targets(path, loaded, overwrite=overwrite, inputs=inputs)
    batch = staging if staging is not None else OutputBatch()
    written = []
    text = None
    try:
        side = script_side_files(path, loaded)
        if side:
            data_path, weights_path = side
            text = generate_script(loaded, recipe, data_path, weights_path)  # checks it can
            data = loaded.data
            for target, payload in (
                    (data_path, {"train_inputs": data.train_inputs,
                                 "train_labels": data.train_labels,
                                 "val_inputs": data.val_inputs, "val_labels": data.val_labels}),
                    (weights_path, loaded.model.state_dict())):
                buffer = io.BytesIO()
                torch.save(payload, buffer)
                batch.stage(target, buffer.getvalue())
                written.append(target)
        batch.stage(path, (text or generate_script(loaded, recipe)).encode())
    except BaseException:
        if staging is None:
            batch.discard()
        raise
    if staging is None:
        batch.commit()
    written.insert(0, path)
    return written
