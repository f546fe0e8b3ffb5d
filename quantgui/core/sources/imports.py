"""Import the user's code with its neighbours, and leave nothing behind.

A model file may import modules from its own folder (``from layers import Block``), a package
folder may be given, and a trusted pickle may name classes from a module beside it. For the time
of the import, the folder comes first on ``sys.path`` and no bytecode is written (no
``__pycache__`` in the user's folder); afterwards the path is as it was and every module loaded
from the folder is forgotten, so that another model's ``layers.py`` is never mistaken for this
one's. The classes keep working: they hold their module's globals themselves.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from quantgui.core.errors import ModelError

# sys.path and sys.modules are the process's: one user import at a time.
_LOCK = threading.RLock()


def _installed(place: Path) -> bool:
    """Inside the Python installation or a virtual environment (which may sit in the user's
    folder): such modules are libraries, imported for good."""
    prefixes = {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()}
    return any(place.is_relative_to(prefix) for prefix in prefixes) or \
        "site-packages" in place.parts


def _loaded_from(module: ModuleType | None, folder: Path) -> bool:
    if module is None:
        return False
    places = [getattr(module, "__file__", None), *list(getattr(module, "__path__", None) or [])]
    resolved = [Path(place).resolve() for place in places if isinstance(place, str)]
    return any(place.is_relative_to(folder) and not _installed(place) for place in resolved)


@contextmanager
def folder_on_path(folder: Path) -> Iterator[None]:
    """Modules in ``folder`` importable by their plain names, for the time of the block."""
    folder = folder.resolve()
    entry = str(folder)
    with _LOCK:
        before = set(sys.modules)
        previous = sys.dont_write_bytecode
        sys.dont_write_bytecode = True  # never write __pycache__ beside the user's files
        sys.path.insert(0, entry)
        importlib.invalidate_caches()
        try:
            yield
        finally:
            if entry in sys.path:
                sys.path.remove(entry)
            sys.path_importer_cache.pop(entry, None)
            for name in set(sys.modules) - before:
                # a submodule of a package imported before (quantgui itself, when the folder
                # holds its checkout) belongs to that package: kept
                if name.split(".")[0] not in before and _loaded_from(sys.modules.get(name),
                                                                     folder):
                    del sys.modules[name]
            sys.dont_write_bytecode = previous
            importlib.invalidate_caches()


def _fail(path: Path, error: BaseException) -> ModelError:
    if isinstance(error, ModuleNotFoundError) and error.name:
        return ModelError(f"Importing {path} failed: {type(error).__name__}: {error}",
                          f"Put {error.name}.py beside it, or install the package "
                          f"'{error.name.split('.')[0]}'.")
    return ModelError(f"Importing {path} failed: {type(error).__name__}: {error}",
                      "Fix the error in the file (run `python " + str(path) + "` to see it), "
                      "then retry.")


def _package_root(path: Path) -> tuple[Path, str] | None:
    """For a file or folder inside packages (folders with __init__.py): the folder above the
    top package and the dotted module name; None for a plain file."""
    parts = [path.stem] if path.is_file() else [path.name]
    folder = path.parent
    if path.is_file() and not (folder / "__init__.py").is_file():
        return None
    if path.is_file() and path.name == "__init__.py":
        parts = []
    while (folder / "__init__.py").is_file():
        parts.insert(0, folder.name)
        folder = folder.parent
    return folder, ".".join(parts)


def import_user_module(path: Path) -> ModuleType:
    """A model file or package folder, imported with its neighbours; nothing is left behind."""
    path = Path(path)
    with _LOCK:
        package = _package_root(path)
        if package is not None:
            return _import_in_package(path, *package)
        digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:10]
        name = f"quantgui_user_{digest}_{''.join(c if c.isalnum() else '_' for c in path.stem)}"
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            raise ModelError(f"{path} cannot be imported as Python.", "Give a .py file.")
        module = importlib.util.module_from_spec(spec)
        with folder_on_path(path.parent):
            sys.modules[name] = module  # while it runs: dataclasses and pickle look it up
            try:
                spec.loader.exec_module(module)
            except BaseException as error:
                if isinstance(error, KeyboardInterrupt):
                    raise
                raise _fail(path, error) from error
        return module


def _import_in_package(path: Path, root: Path, dotted: str) -> ModuleType:
    top = dotted.split(".")[0]
    existing = sys.modules.get(top)
    if existing is not None and not _loaded_from(existing, root / top):
        raise ModelError(f"The package '{top}' of {path} has the name of a module already "
                         f"imported here ({getattr(existing, '__file__', None) or 'built in'}).",
                         "Rename the package folder.")
    with folder_on_path(root):
        try:
            return importlib.import_module(dotted)
        except BaseException as error:
            if isinstance(error, KeyboardInterrupt):
                raise
            raise _fail(path, error) from error
