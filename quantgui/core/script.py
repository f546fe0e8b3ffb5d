"""Reproduce a run in code: a standalone, commented script that rebuilds the same quantized model.

The script is the teaching view of what the buttons do. It uses only torch and what the run's
engine needs (torchao, onnxruntime; numpy to read the demo data) and the user's model file where
there is one, and follows the same steps as the engine (``Engine.script_section``) so that its
outputs match the application's.
"""

from __future__ import annotations

import ast
import contextlib
import inspect
import json
import textwrap
from dataclasses import dataclass
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


_HERE_COMMENT = ("# The files this script reads lie beside it (copied there when it was exported), "
                 "so that the\n# folder runs wherever it is copied.")


def _model_section(loaded: LoadedModel, files: ScriptFiles) -> tuple[str, str]:
    """Code that defines ``build_float_model(weights)``, and the imports it needs. Every file it
    reads lies beside the script (``HERE``), or is given on the command line."""
    kind, _, spec = loaded.source.partition(":")
    if kind == "demo":
        demo = DEMOS[spec]
        source = _zoo_sources(demo.build)
        return "import math\n", f'''{source}


{_HERE_COMMENT}
HERE = Path(__file__).resolve().parent
WEIGHTS = HERE / {files.weights.name!r}  # the demo's trained float weights (--weights)


def build_float_model(weights: Path = WEIGHTS) -> nn.Module:
    """The demo's trained float model (weights shipped with QuantGUI)."""
    model = {demo.build.__name__}()
    model.load_state_dict(torch.load(weights, map_location="cpu", weights_only=True))
    return model.eval()
'''
    if kind == "python":
        from quantgui.core.sources import parse_spec

        path, class_name, _ = parse_spec(spec)
        args = json.dumps(loaded.model_args or {})
        _, module_name = _import_root(Path(path).resolve())
        imports = "import importlib\nimport json\nimport sys\n"
        return imports, f'''{_HERE_COMMENT}
HERE = Path(__file__).resolve().parent
# a copy of your model's source files (--model-code)
MODEL_CODE = HERE / {files.code_folder.name!r}
MODEL_MODULE = {module_name!r}
MODEL_ARGS = json.loads({args!r})
# the float weights as they were in the run: the same even if the model had no weights file
# (random initialisation) or its file changes later (--weights)
WEIGHTS = HERE / {files.weights.name!r}


def build_float_model(weights: Path = WEIGHTS, code: Path = MODEL_CODE) -> nn.Module:
    """Your model class, imported from the copy of your file (its folder on the import path,
    so that the modules beside it import too), with the run's float weights."""
    sys.path.insert(0, str(code))
    module = importlib.import_module(MODEL_MODULE)
    model = module.{class_name}(**MODEL_ARGS)
    model.load_state_dict(torch.load(weights, map_location="cpu", weights_only=True))
    return model.eval()
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


def _data_section(loaded: LoadedModel, files: ScriptFiles) -> str:
    kind, _, spec = loaded.source.partition(":")
    if kind == "demo" and DEMOS[spec].dataset == "digits":
        return f'''DATA = HERE / {files.data.name!r}  # the demo's data, beside this script (--data)


def load_data(path: Path = DATA):
    """The UCI digits shipped with QuantGUI, with its fixed split; pixels 0..16 -> 0..1."""
    archive = np.load(path)
    inputs = torch.from_numpy(archive["inputs"].astype(np.float32)).reshape(-1, 1, 8, 8) / 16.0
    labels = torch.from_numpy(archive["labels"].astype(np.int64))
    train, val = torch.from_numpy(archive["train_idx"]), torch.from_numpy(archive["val_idx"])
    return inputs[train], labels[train], inputs[val], labels[val]
'''
    if kind == "demo":
        return f'''DATA = HERE / {files.data.name!r}  # the demo's data, beside this script (--data)


def load_data(path: Path = DATA):
    archive = np.load(path)
    inputs = torch.from_numpy(archive["inputs"].astype(np.float32))
    labels = torch.from_numpy(archive["labels"].astype(np.int64))
    train, val = torch.from_numpy(archive["train_idx"]), torch.from_numpy(archive["val_idx"])
    return inputs[train], labels[train], inputs[val], labels[val]
'''
    return f'''DATA = HERE / {files.data.name!r}  # the run's data, beside this script (--data)


def load_data(path: Path = DATA):
    """The exact training and validation tensors of the QuantGUI run."""
    data = torch.load(path, weights_only=True)
    return data["train_inputs"], data["train_labels"], data["val_inputs"], data["val_labels"]
'''


def generate_script(loaded: LoadedModel, recipe: Recipe, path: Path | str | None = None
                    ) -> str:
    """The standalone script for ``recipe`` on ``loaded``, following the recipe's engine, as
    ``write_script`` writes it to ``path`` (default ``DEFAULT_SCRIPT``): it names the files
    written beside it relative to its own folder, never by an absolute path."""
    technique = get_technique(recipe.method)
    engine = get_engine(recipe.engine)
    # the engine's steps: it refuses what its script could not rebuild
    section = engine.script_section(technique, recipe, loaded.model)
    files = script_files(path or DEFAULT_SCRIPT, loaded)
    from quantgui.core.methods.tied import tied_layers

    tied = tied_layers(loaded.model, recipe.keep_float)
    model_imports, model_code = _model_section(loaded, files)
    data_code = _data_section(loaded, files)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    beside = "\n".join(f"    {line}" for line in files.describe())
    options = ("--weights, --data and --model-code" if files.code_folder is not None
               else "--weights and --data")
    header = f'''"""Rebuild the quantized model of a QuantGUI run, step by step.

Model: {loaded.name} ({_portable_source(loaded)})
Technique: {recipe.title} on the {engine.title} engine, {recipe.threads} thread(s)
Recipe (QuantGUI settings): {json.dumps(recipe.to_dict())}

Generated by QuantGUI {__version__} on {stamp} with torch {torch.__version__}.
{section.needs}
It reads these files, which lie beside it: keep them together, and the folder runs wherever
it is copied, from any working folder ({options} read others):

{beside}

Run it as it is:

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
    if tied and recipe.engine != "onnxruntime":  # ONNX Runtime makes both int8 instead
        settings += (f"# share their weight with an embedding: kept float, so that the weight "
                     f"is stored once\nKEEP_FLOAT += {sorted(tied)!r}\n")
    setup = "".join(f"    {line}\n" if line else "\n" for line in section.setup.splitlines())
    code_option, code_argument = "", ""
    if files.code_folder is not None:
        code_option = (
            '    parser.add_argument("--model-code", type=Path, default=MODEL_CODE,\n'
            '                        help="the folder with the model\'s source files "\n'
            '                             "(default: %(default)s, beside this script)")\n')
        code_argument = ", args.model_code"
    main = f'''

def main() -> None:
    parser = argparse.ArgumentParser(description="Rebuild the quantized model.")
    parser.add_argument("--save", help="save the quantized model ({section.saves_as}) here")
    parser.add_argument("--outputs", help="save the validation outputs here (a .pt file)")
    parser.add_argument("--data", type=Path, default=DATA,
                        help="the data (default: %(default)s, beside this script)")
    parser.add_argument("--weights", type=Path, default=WEIGHTS,
                        help="the float weights (default: %(default)s, beside this script)")
{code_option}    args = parser.parse_args()
{setup}    torch.set_num_threads(THREADS)
    data = load_data(args.data)
    model = build_float_model(args.weights{code_argument})
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


def _portable_source(loaded: LoadedModel) -> str:
    """The model's source spec with file names instead of paths: the script says where the
    model came from without the user's folders (it may be handed out)."""
    kind, _, spec = loaded.source.partition(":")
    if kind != "python":
        return loaded.source
    from quantgui.core.sources import parse_spec

    path, class_name, weights = parse_spec(spec)
    return ":".join([kind, Path(path).name, class_name]
                    + ([Path(weights).name] if weights is not None else []))


def _source_of(loaded: LoadedModel | str) -> str:
    return loaded if isinstance(loaded, str) else loaded.source


DEFAULT_SCRIPT = Path("quantgui_script.py")  # the name the Code tab's preview assumes


@dataclass(frozen=True)
class ScriptFiles:
    """What a script exported to ``script`` reads, all beside it: the float weights, the data
    and, for a model from a Python file, a folder with copies of its source files."""

    script: Path
    weights: Path
    data: Path
    code_folder: Path | None = None
    code: tuple[tuple[Path, Path], ...] = ()  # (the user's source file, its copy)

    @property
    def side(self) -> list[Path]:
        """Every file written beside the script."""
        return [self.weights, self.data, *(copy for _, copy in self.code)]

    def describe(self) -> list[str]:
        lines = [(self.weights.name, "the float weights"), (self.data.name, "the data")]
        if self.code_folder is not None:
            lines.append((f"{self.code_folder.name}/", "copies of the model's source files"))
        width = max(len(name) for name, _ in lines)
        return [f"{name.ljust(width)}  {what}" for name, what in lines]


def script_files(path: Path | str, loaded: LoadedModel | str) -> ScriptFiles:
    """The files a script exported to ``path`` reads, named after it (``s.py``: ``s_data.pt``,
    ``s_float_weights.pt``, ``s_model/``). ``loaded`` may be the model's source spec; a spec
    that names no Python file (``file:``) gives the data and weights only."""
    path = Path(path)
    kind, _, spec = _source_of(loaded).partition(":")
    weights = path.with_name(path.stem + "_float_weights.pt")
    if kind == "demo":
        return ScriptFiles(path, weights, path.with_name(path.stem + "_data.npz"))
    data = path.with_name(path.stem + "_data.pt")
    if kind != "python" or not spec:
        return ScriptFiles(path, weights, data)
    from quantgui.core.sources import parse_spec

    model_file = Path(parse_spec(spec)[0]).resolve()
    root, module = _import_root(model_file)
    folder = path.with_name(path.stem + "_model")
    code = tuple((source, folder / source.relative_to(root))
                 for source in model_source_files(root, module))
    return ScriptFiles(path, weights, data, folder, code)


def model_source_files(root: Path, module: str) -> list[Path]:
    """The source files of ``module`` (under ``root``, the folder on the import path) and of
    every module it imports from ``root``, with the packages' ``__init__.py`` on the way: what
    a copy of the model needs to import as it did."""
    found: list[Path] = []
    queue = [module]
    seen: set[str] = set()
    while queue:
        name = queue.pop(0)
        if name in seen or not name:
            continue
        seen.add(name)
        parts = name.split(".")
        for depth in range(1, len(parts) + 1):  # the packages on the way, then the module
            base = root.joinpath(*parts[:depth])
            for candidate in (base.with_suffix(".py"), base / "__init__.py"):
                if candidate.is_file() and candidate not in found:
                    found.append(candidate)
                    queue.extend(_imported_modules(candidate, root))
    return found


def _imported_modules(path: Path, root: Path) -> list[str]:
    """The dotted modules ``path`` imports (relative imports resolved against its package)."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        return []
    package = list(path.relative_to(root).with_suffix("").parts)
    if package and package[-1] == "__init__":
        package = package[:-1] + ["__init__"]
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:-node.level] if node.level <= len(package) else []
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            names.append(prefix)
            names.extend(f"{prefix}.{alias.name}" if prefix else alias.name
                         for alias in node.names)
    return names


def script_side_files(path: Path | str, loaded: LoadedModel | str) -> list[Path]:
    """The files ``write_script`` writes beside the script: the float weights and the data
    (copied from QuantGUI's own for a demo) and copies of a Python model's source files.
    ``loaded`` may be the model's source spec."""
    return script_files(path, loaded).side


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
    files = script_files(path, loaded)
    inputs = [*inputs, *model_input_files(loaded), *(source for source, _ in files.code)]
    check_output(path, inputs, what="script")
    side = files.side
    if files.code_folder is not None and files.code_folder.exists() and \
            not files.code_folder.is_dir():
        raise QuantGUIError(
            f"Exporting the script to {path} needs the folder {files.code_folder} for the "
            "model's source files, and a file has that name.",
            "Choose another script name or move that file away.")
    for target in side:
        if target.parent.is_dir():  # the model's source folder is created when written
            check_output(target, inputs, what="script's data file")
    existing = [target for target in side if target.exists()]
    if existing and not overwrite:
        raise QuantGUIError(
            f"Exporting the script to {path} would replace {', '.join(map(str, existing))}.",
            "Choose another script name or move that file away (quantgui-cli's --overwrite "
            "replaces it).")
    return [path, *side]


def _side_payloads(files: ScriptFiles, loaded: LoadedModel) -> list[tuple[Path, bytes]]:
    """What is written beside the script, file by file."""
    import io

    kind, _, spec = loaded.source.partition(":")
    if kind == "demo":
        dataset = DEMOS[spec].dataset
        return [(files.weights, (resources_dir() / "models" / f"{spec}.pt").read_bytes()),
                (files.data, (resources_dir() / "data" / f"{dataset}.npz").read_bytes())]
    data = loaded.data
    payloads = []
    for target, payload in (
            (files.weights, loaded.model.state_dict()),
            (files.data, {"train_inputs": data.train_inputs, "train_labels": data.train_labels,
                          "val_inputs": data.val_inputs, "val_labels": data.val_labels})):
        buffer = io.BytesIO()
        torch.save(payload, buffer)
        payloads.append((target, buffer.getvalue()))
    for source, copy in files.code:
        try:
            payloads.append((copy, source.read_bytes()))
        except OSError as error:
            raise QuantGUIError(f"The model's source file {source} cannot be read for the "
                                f"script ({error.strerror or error}).",
                                "Check that it is still there and readable.") from error
    return payloads


def write_script(path: Path | str, loaded: LoadedModel, recipe: Recipe, *,
                 overwrite: bool = False, inputs: list[Path | str] | tuple[Path | str, ...] = (),
                 staging: OutputBatch | None = None) -> list[Path]:
    """Write the script and the files it reads beside it (``script_files``): the float
    weights, the data and, for a Python model, copies of its source files, so that the folder
    runs wherever it is copied.

    Files beside the script that exist already are not replaced unless ``overwrite``; an input
    (the model's files, and ``inputs``) never is. With ``staging`` the files are only staged in
    that batch, for the caller to commit with its other outputs; without it, all of them are
    written or none.
    """
    path = Path(path)
    check_script_targets(path, loaded, overwrite=overwrite, inputs=inputs)
    files = script_files(path, loaded)
    batch = staging if staging is not None else OutputBatch()
    created: list[Path] = []
    try:
        text = generate_script(loaded, recipe, path)  # checks that it can be written
        for target, payload in _side_payloads(files, loaded):
            _make_folders(target.parent, created)
            batch.stage(target, payload)
        batch.stage(path, text.encode())
    except BaseException:
        if staging is None:
            batch.discard()
            for folder in reversed(created):
                with contextlib.suppress(OSError):
                    folder.rmdir()  # only if still empty
        raise
    if staging is None:
        batch.commit()
    return [path, *files.side]


def _make_folders(folder: Path, created: list[Path]) -> None:
    """Create ``folder`` and its missing parents, noting each one created."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        try:
            folder.mkdir()
        except OSError as error:
            from quantgui.core.files import describe_os_error

            raise describe_os_error(folder, error) from error
        created.append(folder)
