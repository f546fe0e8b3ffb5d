"""Errors the user can act on: each says what is wrong and what to do."""

from __future__ import annotations


class QuantGUIError(Exception):
    """A problem with the user's input or settings, with a hint on how to fix it."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class RecipeError(QuantGUIError):
    """A setting that is invalid, or cannot work on this machine."""


class DataError(QuantGUIError):
    """Data that cannot be used: empty, NaN, wrong shapes, bad labels."""


class ModelError(QuantGUIError):
    """A model that cannot be loaded or does not accept its inputs."""


class NeedsTrust(ModelError):
    """A file that opens only if the user trusts it: unpickling it can run code. The command
    line's --trust and the window's "Trust and open" open it."""


class Cancelled(Exception):
    """The user cancelled; nothing was changed."""
