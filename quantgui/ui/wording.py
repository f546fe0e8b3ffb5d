"""The core's messages in the window's words.

The core speaks to both the command line and the window, and its hints name command-line options
(``--model-args '{"hidden": 64}'``, ``--input-shape``, ``--input NAME:DTYPE[SHAPE]:LOW..HIGH``). In
the window those are fields of the Open model dialog (its Inputs table) or buttons, so a message
shown there names the field instead.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QMessageBox, QSizePolicy, QSpacerItem


def _rules() -> list[tuple[re.Pattern[str], str]]:
    # each text a literal in QCoreApplication.translate: pyside6-lupdate extracts them
    translate = QCoreApplication.translate
    field = translate("wording", "the “{field}” field")
    args = field.format(field=translate("wording", "Arguments (JSON)"))
    shape = field.format(field=translate("wording", "Input shape"))
    size = field.format(field=translate("wording", "Image size"))
    example = translate("wording", "e.g. {example} in {field}")
    describe = translate("wording", "In Open model, tick “Describe each input” and give one row "
                                    "per input of the model's forward, in its order: the name, "
                                    "the type, the shape per sample and, for integers, the "
                                    "range of values (LOW..HIGH).")
    return [
        # "(--model model.py:Class:weights.pt)": the dialog has a field for each part
        (re.compile(r"--model \S*\.py:Class(?:Name)?(?::weights\.\w+)?"),
         translate("wording", "the Python file, its class and its weights in Open model")),
        (re.compile(r"Give the model as path\.py:ClassName"),
         translate("wording", "Open a Python file and choose its class")),
        (re.compile(r" as --model\b"), ""),
        (re.compile(r"(?:e\.g\. )?--model-args '([^']*)'"), example.replace("{field}", args)),
        (re.compile(r"leave out --model-args"),
         translate("wording", "leave {field} empty").format(field=args)),
        (re.compile(r"--model-args"), args),
        (re.compile(r"(?:e\.g\. )?--input-shape (\d[\d,]*\d|\d)"),
         example.replace("{field}", shape)),
        (re.compile(r"Leave out --input-shape"),
         translate("wording", "Leave {field} empty").format(field=shape)),
        (re.compile(r"--input-shape"), shape),
        (re.compile(r"--label-column"),
         field.format(field=translate("wording", "Label column"))),
        (re.compile(r"(?:e\.g\. )?--image-size (\d[\d,]*\d|\d)"),
         example.replace("{field}", size)),
        (re.compile(r"--image-size"), size),
        (re.compile(r"pass --trust"),
         translate("wording", "answer “Trust and open” when asked")),
        # --input NAME:DTYPE[SHAPE]:LOW..HIGH: the rows of the dialog's Inputs table
        (re.compile(r"Give (?:each with --input in that order: (?:--input '[^']*' ?)+"
                    r"(?:, e\.g\. (?:--input '[^']*' ?)+)?"
                    r"|them with --input NAME:DTYPE\[SHAPE\]\[:LOW\.\.HIGH\], one per input"
                    r"|its inputs with --input \(see --help\)"
                    r"|each input with --input instead"
                    r"|one --input per model input, in the order the model takes them)\.?"),
         describe),
        (re.compile(r"give the model's --input"),
         translate("wording", "describe the model's inputs in Open model")),
        (re.compile(r"the --input range"), translate("wording", "the range in the Inputs table")),
        (re.compile(r"--input '([^']*)'"), translate("wording", "the input “{example}”")),
        (re.compile(r"--input(?![-\w])"),
         translate("wording", "the Inputs table of Open model")),
    ]


def window_words(text: str) -> str:
    """``text`` with the command-line options it quotes replaced by what the window calls them
    (a message of the core listed in quantgui.core.texts also in the window's language)."""
    from quantgui.ui.i18n import tr_core

    text = tr_core("message", text)
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


def fit_title(box: QMessageBox) -> None:
    """Widen a message box so that the window manager shows its whole title: QMessageBox sizes
    itself to its text only, and a short message under a longer title lost the title's end."""
    layout = box.layout()
    if not isinstance(layout, QGridLayout):
        return
    # the title bar's font is the window manager's; the application font plus a margin for its
    # buttons (close, maximize) and the icon is a fair bound
    width = box.fontMetrics().horizontalAdvance(box.windowTitle()) + 160
    layout.addItem(QSpacerItem(width, 0, QSizePolicy.Policy.Minimum,
                               QSizePolicy.Policy.Expanding),
                   layout.rowCount(), 0, 1, layout.columnCount())
