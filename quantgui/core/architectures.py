"""The classification architectures that the installed torchvision and timm offer, by name.

Each becomes an architecture by name (``quantgui.core.sources.factory``): torchvision's
``py:torchvision.models:resnet18``, timm's ``py:timm:create_model`` with
``{"model_name": "resnet18"}``. Nothing is downloaded; without a weights file the model keeps
its random initialisation.

A package that is missing, or installed but broken (a wheel built against another torch, as
``operator torchvision::nms does not exist`` says), gives an empty list and one line that says
which package, why, and what to install.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from quantgui.core.errors import ModelError

PACKAGES = ("torchvision", "timm")


@dataclass
class ArchitectureList:
    """The architectures of one package, or why there are none (``problem``, one line)."""

    package: str
    names: list[str] = field(default_factory=list)
    problem: str = ""
    version: str = ""

    def model(self, name: str) -> tuple[str, dict[str, Any]]:
        """The ``py:`` spec and the model arguments that build ``name``."""
        return architecture_model(self.package, name)


def architecture_model(package: str, name: str) -> tuple[str, dict[str, Any]]:
    """(``py:`` spec, model arguments) of architecture ``name`` of ``package``."""
    if package == "torchvision":
        return f"py:torchvision.models:{name}", {}
    if package == "timm":
        return "py:timm:create_model", {"model_name": name}
    raise ValueError(package)


def _torchvision(module: Any) -> list[str]:
    models = module.models if hasattr(module, "models") else module
    return list(models.list_models(module=models))


def _timm(module: Any) -> list[str]:
    return list(module.list_models())


LISTERS: dict[str, tuple[str, Callable[[Any], list[str]]]] = {
    "torchvision": ("torchvision.models", _torchvision),
    "timm": ("timm", _timm),
}


def one_line(text: str) -> str:
    return " ".join(text.split())


def list_architectures(package: str) -> ArchitectureList:
    """The classification architectures ``package`` offers; never raises for a missing or
    broken package (``problem`` says what is wrong and what to install)."""
    from quantgui.core.sources.factory import import_module

    module_name, lister = LISTERS[package]
    try:
        module = import_module(module_name)
    except ModelError as error:
        if "is not installed" in error.message:
            problem = (f"{package} is not installed, so its architectures cannot be listed: "
                       f"install it (pip install {package}) to choose one by name.")
        else:
            problem = f"{error.message} {error.hint}"
        return ArchitectureList(package, problem=one_line(problem))
    try:
        names = sorted(set(lister(module)))
    except Exception as error:  # noqa: BLE001 - an old or odd version: say so, list nothing
        detail = one_line(f"{type(error).__name__}: {error}")[:200]
        return ArchitectureList(package, problem=(
            f"{package} is installed but does not list its architectures ({detail}): update it "
            f"(pip install -U {package}), or give the factory by name."))
    top = sys.modules.get(package)
    return ArchitectureList(package, names, version=str(getattr(top, "__version__", "")))
