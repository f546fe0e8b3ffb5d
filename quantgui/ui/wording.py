"""The core's messages in the window's words.

The core speaks to both the command line and the window, and its hints name command-line options
(``--model-args '{"hidden": 64}'``, ``--input-shape``). In the window those are fields of the Open
model dialog or buttons, so a message shown there names the field instead.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("wording", text)


def _rules() -> list[tuple[re.Pattern[str], str]]:
    field = _tr("the “{field}” field")
    args = field.format(field=_tr("Arguments (JSON)"))
    shape = field.format(field=_tr("Input shape"))
    size = field.format(field=_tr("Image size"))
    example = _tr("e.g. {example} in {field}")
    return [
        # "(--model model.py:Class:weights.pt)": the dialog has a field for each part
        (re.compile(r"--model \S*\.py:Class(?:Name)?(?::weights\.\w+)?"),
         _tr("the Python file, its class and its weights in Open model")),
        (re.compile(r"Give the model as path\.py:ClassName"),
         _tr("Open a Python file and choose its class")),
        (re.compile(r" as --model\b"), ""),
        (re.compile(r"(?:e\.g\. )?--model-args '([^']*)'"), example.replace("{field}", args)),
        (re.compile(r"leave out --model-args"), _tr("leave {field} empty").format(field=args)),
        (re.compile(r"--model-args"), args),
        (re.compile(r"(?:e\.g\. )?--input-shape (\d[\d,]*\d|\d)"),
         example.replace("{field}", shape)),
        (re.compile(r"Leave out --input-shape"), _tr("Leave {field} empty").format(field=shape)),
        (re.compile(r"--input-shape"), shape),
        (re.compile(r"--label-column"), field.format(field=_tr("Label column"))),
        (re.compile(r"(?:e\.g\. )?--image-size (\d[\d,]*\d|\d)"),
         example.replace("{field}", size)),
        (re.compile(r"--image-size"), size),
        (re.compile(r"pass --trust"), _tr("answer “Trust and open” when asked")),
    ]


def window_words(text: str) -> str:
    """``text`` with the command-line options it quotes replaced by what the window calls them."""
    if "--" not in text:
        return text
    for pattern, words in _rules():
        def replace(match: re.Match[str], words: str = words) -> str:
            example = match.group(1) if match.groups() else ""
            return words.format(example=example) if "{example}" in words else words

        text = pattern.sub(replace, text)
    return text


def plural(count: int, one: str, many: str, **values: object) -> str:
    """``one`` (a translated "1 run kept") when ``count`` is 1, else ``many`` ("{count} runs
    kept"), filled in with ``count`` and ``values``: English and Spanish both take the singular
    for 1 only."""
    return (one if count == 1 else many).format(count=count, **values)
