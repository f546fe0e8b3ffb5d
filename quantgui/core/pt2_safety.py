"""Check a ``torch.export`` archive (.pt2) before torch reads it.

``torch.export.load`` (torch 2.13) runs code from the file in several ways, none of which its
callers can turn off:

- weights and tensor constants whose payload config says ``use_pickle`` go through
  ``torch.load(weights_only=False)``; ``custom_obj_*`` constants through
  ``torch._C._pickle_load_obj`` and ``opaque_obj_*`` constants through ``pickle.loads``;
- the sample inputs, and the legacy ``data/weights/<model>.pt`` / ``data/constants/<model>.pt``
  members, go through ``deserialize_torch_artifact``, which retries with ``weights_only=False``
  when the safe load fails;
- when ``load_pt2`` raises a RuntimeError, the pre-2.8 layout (root-level ``version`` and
  ``serialized_*.pt`` members) is read the same way;
- members under ``data/aotinductor/`` are extracted and loaded as a shared library;
- in the program's JSON, symbolic expressions (``expr_str``) are parsed by ``sympy.sympify``
  (which evaluates Python), ``guards_code`` is compiled with ``exec`` when the module is built,
  node targets are resolved by attribute lookups from ``torch``/``operator``/``math`` (any
  callable reachable from there is called when the model runs), and node names become Python
  variable names in the generated ``forward``.

``check_pt2`` reads the zip's central directory and the JSON configs itself and refuses all of
these, naming the member and the risk, unless the user trusts the file (``trust=True``: the same
consent as ``--trust`` for a pickle). Sizes are checked from the central directory before any
member is read: what torch will allocate, not the size on disk. Nothing here runs code from the
file: the configs are parsed with ``json`` and expressions with ``ast``; only the sample inputs
are opened, with ``torch.load(weights_only=True)`` exactly as torch first tries them.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import keyword
import logging
import os
import re
import threading
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quantgui.core.errors import ModelError
from quantgui.core.limits import MemoryProbe, check_allocation, check_regular_file, fmt_size

# Names as in torch._C._export.pt2_archive_constants (torch 2.13).
ARCHIVE_FORMAT = "archive_format"
AOTI_DIR = "data/aotinductor/"
MODELS_DIR = "models/"
MODELS_SUFFIX = ".json"
SAMPLE_INPUTS = "data/sample_inputs/{}.pt"
WEIGHTS_DIR = "data/weights/"
WEIGHTS_CONFIG = "data/weights/{}_weights_config.json"
CONSTANTS_DIR = "data/constants/"
CONSTANTS_CONFIG = "data/constants/{}_constants_config.json"
TENSOR_PREFIX = "tensor_"
CUSTOM_OBJ_PREFIX = "custom_obj_"
OPAQUE_OBJ_PREFIX = "opaque_obj_"

# A member this much larger than its compressed bytes is a decompression bomb (torch.export.save
# stores members uncompressed; a re-zipped real model compresses about 1.1x, zeros far more).
MAX_RATIO = 100
RATIO_FLOOR = 1 << 20  # members that inflate to under 1 MiB are not worth refusing
MAX_EXPRESSION = 2000  # characters of one symbolic expression or guard

TRUST_HINT = ("Re-export the model with torch.export.save from code you trust. Only if you trust "
              "where this file came from, open it with --trust (command line).")
REEXPORT_HINT = "Save or copy the model again with torch.export.save."

# Functions a symbolic expression may call: sympy's own and torch's (serialize.py's table).
_SYMPY_FUNCTIONS = frozenset({"Symbol", "Integer", "Float", "Rational", "Add", "Mul", "Pow",
                              "Mod", "Max", "Min", "Abs", "floor", "ceiling", "sqrt", "Piecewise",
                              "ExprCondPair", "Eq", "Ne", "Lt", "Le", "Gt", "Ge", "Equality",
                              "Unequality", "StrictLessThan", "StrictGreaterThan", "LessThan",
                              "GreaterThan", "And", "Or", "Not", "Xor", "ITE", "BooleanTrue",
                              "BooleanFalse", "FloorDiv", "ModularIndexing", "Where", "PythonMod",
                              "CleanDiv", "CeilToInt", "FloorToInt", "CeilDiv", "LShift",
                              "RShift", "PowByNatural", "FloatPow", "FloatTrueDiv", "IntTrueDiv",
                              "IsNonOverlappingAndDenseIndicator", "TruncToFloat", "TruncToInt",
                              "RoundToInt", "RoundDecimal", "ToFloat", "Identity"})
_GUARD_NAMES = frozenset({"L", "math", "inf", "IsNonOverlappingAndDenseIndicator",
                          "cast_symbool_to_symint_guardless"}) | _SYMPY_FUNCTIONS
_GUARD_ATTRIBUTES = frozenset({"size", "stride", "storage_offset", "dim"})
_MATH_FUNCTIONS = frozenset({"floor", "ceil", "trunc", "sqrt", "log2", "inf"})
# Higher-order operators that only call sub-graphs of the same program.
_SAFE_HIGHER_ORDER = frozenset({"cond", "while_loop", "map_impl", "scan", "associative_scan",
                                "wrap_with_set_grad_enabled", "wrap_with_autocast",
                                "auto_functionalized", "auto_functionalized_v2",
                                "invoke_subgraph"})
_PLAIN_STRING = re.compile(r"[A-Za-z0-9_]*\Z")
_OPERATORS = (ast.operator, ast.unaryop, ast.cmpop, ast.boolop, ast.expr_context)

_LOG_LOCK = threading.Lock()
_QUIET_LOGGERS = ("torch.export", "torch.export.pt2_archive._package", "torch._export",
                  "torch._export.serde.serialize", "torch.export._unlift",
                  "torch._export.serde.schema_check")


@dataclass
class Pt2Check:
    """What the check found: the risks (empty for a clean file) and the bytes torch will read."""

    risks: list[str] = field(default_factory=list)
    total_bytes: int = 0
    members: int = 0


# ----------------------------------------------------------------------------- the zip itself

def _refuse(path: Path, what: str, hint: str = REEXPORT_HINT) -> ModelError:
    return ModelError(f"The torch.export program {path.name} {what}", hint)


def _members(path: Path, archive: zipfile.ZipFile) -> tuple[str, dict[str, zipfile.ZipInfo]]:
    """(prefix, {name without the prefix: info}) as torch's reader sees them.

    torch's reader (miniz) takes the prefix from the first entry, finds records
    case-insensitively and returns the FIRST of two entries with the same name, while Python's
    zipfile returns the last: such archives are refused, so both read the same bytes.
    """
    infos = archive.infolist()
    if not infos:
        raise _refuse(path, "is an empty zip archive.")
    prefix = infos[0].filename.split("/", 1)[0]
    members: dict[str, zipfile.ZipInfo] = {}
    seen: set[str] = set()
    for info in infos:
        head, slash, tail = info.filename.partition("/")
        if not slash or head != prefix:
            raise _refuse(path, f"has the member '{info.filename[:200]}' outside its folder "
                                f"'{prefix}/': torch would fall back to its legacy reader, "
                                "which unpickles members without checks.", TRUST_HINT)
        folded = tail.casefold()
        if folded in seen:
            raise _refuse(path, f"has two members named '{info.filename[:200]}': torch and "
                                "this check would read different ones.")
        seen.add(folded)
        if info.flag_bits & 0x1:
            raise _refuse(path, f"has an encrypted member '{tail[:200]}'.")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _refuse(path, f"has a member '{tail[:200]}' compressed with method "
                                f"{info.compress_type}, which torch cannot read.")
        members[tail] = info
    return prefix, members


def _check_sizes(path: Path, members: dict[str, zipfile.ZipInfo], where: str = "") -> int:
    """Refuse decompression bombs from the declared sizes; returns the bytes they inflate to."""
    total = 0
    for name, info in members.items():
        declared, packed = info.file_size, info.compress_size
        if declared > RATIO_FLOOR and declared > MAX_RATIO * max(packed, 1):
            raise _refuse(
                path, f"has a member '{where}{name[:200]}' of {fmt_size(packed)} that inflates "
                      f"to {fmt_size(declared)} ({declared // max(packed, 1):,} times larger): "
                      "a decompression bomb, not a model torch.export.save wrote.")
        total += declared
    return total


def _find(members: dict[str, Any], name: str) -> str | None:
    """The member torch's case-insensitive lookup finds for ``name``."""
    if name in members:
        return name
    folded = name.casefold()
    return next((m for m in members if m.casefold() == folded), None)


# ----------------------------------------------------------------------------- the program JSON

def _plain_constant(node: ast.Constant) -> bool:
    value = node.value
    if isinstance(value, bool) or value is None:
        return True
    if isinstance(value, int):
        return abs(value) < 2 ** 63
    if isinstance(value, float):
        return True
    return isinstance(value, str) and bool(_PLAIN_STRING.match(value))


def _expression_problem(text: str, guard: bool) -> str:
    """Why ``text`` is not a plain symbolic expression (sympify) or guard (exec), or ""."""
    if len(text) > MAX_EXPRESSION:
        return f"is {len(text)} characters long"
    if any(ord(c) < 32 or c in "\\\"" for c in text):
        return "holds control characters, quotes or backslashes"
    try:
        tree = ast.parse(text, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return "is not a plain expression"
    for node in ast.walk(tree):
        if isinstance(node, (ast.Expression, ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare,
                             *_OPERATORS)):
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
                exponent = node.right
                small = (isinstance(exponent, ast.Constant) and isinstance(exponent.value, int)
                         and abs(exponent.value) <= 64)
                if not (small or isinstance(exponent, ast.Name)):
                    return "raises to a power that is not a small number"
            continue
        if isinstance(node, ast.Constant):
            if not _plain_constant(node):
                return f"holds the constant {str(node.value)[:40]!r}"
        elif isinstance(node, ast.Name):
            if node.id.startswith("_") or not node.id.isidentifier():
                return f"uses the name '{node.id[:40]}'"
            if guard and node.id not in _GUARD_NAMES:
                return f"uses the name '{node.id[:40]}'"
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                allowed = func.id in (_GUARD_NAMES if guard else _SYMPY_FUNCTIONS)
            else:
                allowed = guard and isinstance(func, ast.Attribute) and (
                    func.attr in _GUARD_ATTRIBUTES
                    or (isinstance(func.value, ast.Name) and func.value.id == "math"
                        and func.attr in _MATH_FUNCTIONS))
            if not allowed:
                return f"calls '{ast.unparse(func)[:40]}'"
            if guard and node.keywords:
                return "passes keyword arguments"
        elif isinstance(node, ast.keyword):
            if node.arg is None or not isinstance(node.value, ast.Constant):
                return "passes computed keyword arguments"
        elif guard and isinstance(node, ast.Attribute):
            if node.attr not in _GUARD_ATTRIBUTES and not (
                    isinstance(node.value, ast.Name) and node.value.id == "math"
                    and node.attr in _MATH_FUNCTIONS):
                return f"reads the attribute '{node.attr[:40]}'"
        elif guard and isinstance(node, ast.Subscript):
            if not isinstance(node.slice, ast.Constant):
                return "indexes with a computed value"
        else:
            return f"uses Python syntax ({type(node).__name__}) no symbolic expression has"
    return ""


def _allowed_targets() -> frozenset[str]:
    from torch._export.serde.serialize import _SYM_OPS

    return frozenset(f"{op.__module__}.{op.__name__}" for op in _SYM_OPS)


def _target_problem(target: str, sym_ops: frozenset[str]) -> str:
    """Why a graph node's target is not a registered operator, or ""."""
    import torch

    if target in sym_ops:
        return ""
    parts = target.split(".")
    if parts[:2] != ["torch", "ops"] or len(parts) < 4 or any(p.startswith("__") for p in parts):
        return f"calls the Python function '{target[:120]}' when the model runs"
    # The lookup torch's deserializer makes (attributes of torch.ops: the operator registry).
    resolved: Any = torch
    for name in parts[1:]:
        if not hasattr(resolved, name):
            return ""  # torch refuses an unknown operator itself, without calling anything
        resolved = getattr(resolved, name)
    if isinstance(resolved, torch._ops.OpOverload):
        return ""
    if isinstance(resolved, torch._ops.HigherOrderOperator) and parts[-1] in _SAFE_HIGHER_ORDER:
        return ""
    return f"calls '{target[:120]}', which is not an ATen operator, when the model runs"


def _json_problems(document: Any, member: str) -> list[str]:
    """Risks in a program's JSON: code torch would evaluate, exec or call."""
    problems: list[str] = []
    sym_ops = _allowed_targets()

    def note(text: str) -> None:
        if len(problems) < 20:
            problems.append(f"{member}: {text}")

    def walk(value: Any, depth: int) -> None:
        if depth > 200:
            note("nests deeper than any program torch writes")
            return
        if isinstance(value, list):
            for item in value:
                walk(item, depth + 1)
            return
        if not isinstance(value, dict):
            return
        target = value.get("target")
        if isinstance(target, str) and "inputs" in value:
            problem = _target_problem(target, sym_ops)
            if problem:
                note(f"a graph node {problem}")
        for key, item in value.items():
            if key in ("name", "as_name") and isinstance(item, str) and (
                    not item.isidentifier() or keyword.iskeyword(item)):
                note(f"the name {item[:80]!r} is not a Python identifier (it would be pasted "
                     "into the code torch generates for the model)")
            elif key == "expr_str" and isinstance(item, str):
                problem = _expression_problem(item, guard=False)
                if problem:
                    note(f"the symbolic expression {item[:80]!r} {problem} (torch evaluates it "
                         "with sympy.sympify, which runs Python)")
            elif key == "guards_code" and depth == 0:
                guards = item if isinstance(item, list) else [item]
                for guard in guards:
                    problem = (_expression_problem(guard, guard=True)
                               if isinstance(guard, str) else "is not text")
                    if problem:
                        note(f"the guard {str(guard)[:80]!r} {problem} (torch compiles the "
                             "guards with exec)")
            walk(item, depth + 1)

    walk(document, 0)
    return problems


# ----------------------------------------------------------------------------- payload configs

def _tensor_bytes(meta: Any) -> int:
    """Bytes ``torch.zeros(sizes, dtype)`` allocates for an empty record (at most 16 a number)."""
    if not isinstance(meta, dict):
        return 0
    numel = 1
    for size in meta.get("sizes") or []:
        value = size.get("as_int") if isinstance(size, dict) else None
        if isinstance(value, int) and value >= 0:
            numel *= value
    return numel * _element_size(meta.get("dtype"))


def _element_size(code: Any) -> int:
    try:
        from torch._export.serde.serialize import _SERIALIZE_TO_TORCH_DTYPE, ScalarType

        return _SERIALIZE_TO_TORCH_DTYPE[ScalarType(code)].itemsize
    except Exception:  # noqa: BLE001 - an unknown dtype: assume the widest
        return 16


def _config(reader: Any, members: dict[str, zipfile.ZipInfo], name: str,
            path: Path) -> dict[str, Any] | None:
    found = _find(members, name)
    if found is None:
        return None
    try:
        document = json.loads(reader.get_record(found))
    except (ValueError, RecursionError, RuntimeError) as error:
        raise _refuse(path, f"has a member '{name}' that is not valid JSON "
                            f"({type(error).__name__}).") from error
    entries = document.get("config") if isinstance(document, dict) else None
    if not isinstance(entries, dict):
        raise _refuse(path, f"has a member '{name}' without a payload table.")
    return entries


def _payload_risks(path: Path, reader: Any, members: dict[str, zipfile.ZipInfo], model: str,
                   check: Pt2Check, memory: MemoryProbe | None) -> None:
    """Risks and zero-record allocations of one model's weights and constants."""
    for kind, legacy, config_name, base in (
            ("weight", f"{WEIGHTS_DIR}{model}.pt", WEIGHTS_CONFIG.format(model), WEIGHTS_DIR),
            ("constant", f"{CONSTANTS_DIR}{model}.pt", CONSTANTS_CONFIG.format(model),
             CONSTANTS_DIR)):
        if legacy in members:  # torch's exact-name test: the legacy whole-dict pickle
            check.risks.extend(_artifact_risks(path, reader, members, legacy, check, memory))
            continue
        entries = _config(reader, members, config_name, path)
        if entries is None:
            continue  # torch refuses the file itself (AssertionError), nothing unpickled
        for fqn, meta in entries.items():
            if not isinstance(meta, dict):
                check.risks.append(f"{config_name}: the entry for '{str(fqn)[:80]}' is not a "
                                   "table")
                continue
            name = meta.get("path_name")
            use_pickle = meta.get("use_pickle", False)
            member = f"{base}{name}" if isinstance(name, str) else f"{base}?"
            if not isinstance(name, str) or not isinstance(use_pickle, bool):
                check.risks.append(f"{config_name}: the entry for '{str(fqn)[:80]}' is "
                                   "malformed")
            elif kind == "constant" and name.startswith(OPAQUE_OBJ_PREFIX):
                check.risks.append(f"{member} (constant '{fqn}') is an opaque object torch "
                                   "loads with pickle.loads, which runs code from the file")
            elif kind == "constant" and name.startswith(CUSTOM_OBJ_PREFIX):
                check.risks.append(f"{member} (constant '{fqn}') is a custom object torch "
                                   "unpickles with torch._C._pickle_load_obj")
            elif kind == "constant" and not name.startswith(TENSOR_PREFIX):
                check.risks.append(f"{member} (constant '{fqn}') is of a kind torch does not "
                                   "document")
            elif use_pickle:
                check.risks.append(f"{member} ({kind} '{fqn}') is pickled: torch loads it with "
                                   "torch.load(weights_only=False), which runs code from the "
                                   "file")
            else:
                found = _find(members, os.path.join(base, name))
                if found is not None and members[found].file_size == 0:
                    check.total_bytes += _tensor_bytes(meta.get("tensor_meta"))


def _artifact_risks(path: Path, reader: Any, members: dict[str, zipfile.ZipInfo], name: str,
                    check: Pt2Check, memory: MemoryProbe | None) -> list[str]:
    """A member torch reads with torch.load(weights_only=True), retrying with
    weights_only=False when that fails: refuse it unless the safe load succeeds here."""
    import torch

    found = _find(members, name)
    if found is None or members[found].file_size == 0:
        return []
    data = reader.get_record(found)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as inner:
            _, nested = _members(path, inner)
            inner_bytes = _check_sizes(path, nested, where=f"{name}/")
    except zipfile.BadZipFile:
        return [f"{name} is not in the zip format of torch.save: torch would load it in the "
                "legacy format, and with weights_only=False if that fails"]
    except ModelError as error:
        return [f"{name}: {error.message}"]
    check.total_bytes += inner_bytes
    _memory_check(path, check, memory)
    try:
        # Exactly torch's first try (no map_location): if it fails, torch retries unsafely.
        torch.load(io.BytesIO(data), weights_only=True)
    except Exception as error:  # noqa: BLE001 - any failure sends torch to weights_only=False
        reason = str(error).splitlines()[0][:160] if str(error) else type(error).__name__
        return [f"{name} holds more than tensors ({reason}): torch would load it with "
                "torch.load(weights_only=False), which runs code from the file"]
    return []


# ----------------------------------------------------------------------------- entry points

def program_bytes(program: Any) -> bytes:
    """``torch.export.save``'s bytes for ``program``, without the example batch it was captured
    with: torch.export stores that batch in every .pt2 by default (a 32-image batch at 224x224
    is 19 MB of the user's data, counted in the model's size), and the model does not need it.
    """
    import torch

    buffer = io.BytesIO()
    examples = program.example_inputs
    program.example_inputs = None
    try:
        torch.export.save(program, buffer)
    finally:
        program.example_inputs = examples
    return buffer.getvalue()


def check_pt2(path: Path | str, *, trust: bool = False,
              memory: MemoryProbe | None = None) -> Pt2Check:
    """Refuse a .pt2 archive that would run code (unless ``trust``) or exhaust memory.

    Raises ModelError naming the member and the risk. Returns what was found (risks only when
    trusted).
    """
    import torch

    path = Path(path)
    check_regular_file(path, "model file")
    check = Pt2Check()
    try:
        with zipfile.ZipFile(path) as archive:
            prefix, members = _members(path, archive)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise ModelError(f"{path} is not a readable zip archive, so not a torch.export program "
                         f"({type(error).__name__}).", REEXPORT_HINT) from error
    check.members = len(members)
    check.total_bytes = _check_sizes(path, members)
    _memory_check(path, check, memory)
    aoti = [name for name in members if name.casefold().startswith(AOTI_DIR)]
    if aoti:
        raise _refuse(path, f"holds AOTInductor code ({aoti[0][:120]}): torch would load it as "
                            "a shared library, running native code from the file.",
                      "Give a program saved with torch.export.save, without AOTInductor.")
    try:
        reader = torch._C.PyTorchFileReader(str(path))
        records = reader.get_all_records()
    except Exception as error:  # noqa: BLE001 - torch's reader rejects the layout
        detail = str(error).splitlines()[0][:160] if str(error) else ""
        raise _refuse(path, f"cannot be read by torch's archive reader ({type(error).__name__}: "
                            f"{detail}).") from error
    if sorted(records) != sorted(members) or any(
            reader.get_record_size(name) != members[name].file_size for name in records):
        raise _refuse(path, "lists different members to torch and to Python's zip reader.")
    if ARCHIVE_FORMAT not in members or reader.get_record(ARCHIVE_FORMAT) != b"pt2":
        raise _refuse(path, "has no 'archive_format' member saying 'pt2'.")
    models = [name for name in members if name.startswith(MODELS_DIR)]
    if not models:
        raise _refuse(path, "holds no program (no member under models/).")
    for member in models:
        model = member[len(MODELS_DIR):-len(MODELS_SUFFIX)]
        try:
            document = json.loads(reader.get_record(member))
        except (ValueError, RecursionError) as error:
            raise _refuse(path, f"has a program '{member}' that is not valid JSON "
                                f"({type(error).__name__}).") from error
        check.risks.extend(_json_problems(document, member))
        _payload_risks(path, reader, members, model, check, memory)
        _memory_check(path, check, memory)
        if not trust:
            check.risks.extend(_artifact_risks(path, reader, members,
                                               SAMPLE_INPUTS.format(model), check, memory))
    _memory_check(path, check, memory)
    if check.risks and not trust:
        first, more = check.risks[0], len(check.risks) - 1
        others = f" (and {more} more such problem{'s' if more > 1 else ''})" if more else ""
        raise ModelError(f"The torch.export program {path.name} could run code from the file "
                         f"when loaded: {first}{others}.", TRUST_HINT)
    return check


def _memory_check(path: Path, check: Pt2Check, memory: MemoryProbe | None) -> None:
    check_allocation(check.total_bytes, f"torch.export program {path.name} (its members as "
                                        "torch will inflate them)", memory=memory,
                     hint="This is not what torch.export.save writes for a model that fits: "
                          "use a smaller model, or a machine with more memory.")


@contextlib.contextmanager
def quiet_torch_loading(trust: bool = False) -> Iterator[None]:
    """Around torch.export.load: torch's own warnings and logged tracebacks stay off the user's
    screen (the caller reports one clear error), and, unless trusted, every torch.load inside
    is forced to weights_only=True (a second guard behind ``check_pt2``)."""
    with _LOG_LOCK:
        loggers = [logging.getLogger(name) for name in _QUIET_LOGGERS]
        loggers += [logging.getLogger(name) for name in list(logging.root.manager.loggerDict)
                    if name.startswith(("torch.export", "torch._export"))]
        previous = [(logger, logger.disabled) for logger in loggers]
        forced = os.environ.get("TORCH_FORCE_WEIGHTS_ONLY_LOAD")
        for logger in loggers:
            logger.disabled = True
        if not trust:
            os.environ["TORCH_FORCE_WEIGHTS_ONLY_LOAD"] = "1"
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                yield
        finally:
            for logger, disabled in previous:
                logger.disabled = disabled
            if not trust:
                if forced is None:
                    os.environ.pop("TORCH_FORCE_WEIGHTS_ONLY_LOAD", None)
                else:
                    os.environ["TORCH_FORCE_WEIGHTS_ONLY_LOAD"] = forced


def load_pt2(path: Path | str, *, trust: bool = False,
             memory: MemoryProbe | None = None) -> Any:
    """``torch.export.load`` of a checked archive; every failure is a ModelError."""
    import torch

    path = Path(path)
    check_pt2(path, trust=trust, memory=memory)
    try:
        with quiet_torch_loading(trust):
            return torch.export.load(str(path))
    except ModelError:
        raise
    except Exception as error:  # torch raises RuntimeError, KeyError, AssertionError, ...
        detail = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
        raise ModelError(f"{path} looks like a torch.export program but cannot be read: it is "
                         f"truncated, corrupt or written by an incompatible PyTorch "
                         f"({type(error).__name__}: {detail}).",
                         "Save the model again with this PyTorch version and retry.") from error


__all__ = ["MAX_RATIO", "Pt2Check", "check_pt2", "load_pt2", "quiet_torch_loading"]
