"""The core's setting labels, listed so that pyside6-lupdate extracts them for translation.

The settings form translates each label with ``QCoreApplication.translate("recipe", label)``;
help texts are translated the same way where a translation exists.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

LABELS = (
    QT_TRANSLATE_NOOP("recipe", "Backend"),
    QT_TRANSLATE_NOOP("recipe", "Threads"),
    QT_TRANSLATE_NOOP("recipe", "Batch size"),
    QT_TRANSLATE_NOOP("recipe", "Keep in float"),
    QT_TRANSLATE_NOOP("recipe", "Layer types"),
    QT_TRANSLATE_NOOP("recipe", "Weight type"),
    QT_TRANSLATE_NOOP("recipe", "Observer"),
    QT_TRANSLATE_NOOP("recipe", "Per-channel weights"),
    QT_TRANSLATE_NOOP("recipe", "Calibration batches"),
    QT_TRANSLATE_NOOP("recipe", "Reduce range"),
    QT_TRANSLATE_NOOP("recipe", "Epochs"),
    QT_TRANSLATE_NOOP("recipe", "Learning rate"),
    QT_TRANSLATE_NOOP("recipe", "Optimizer"),
    QT_TRANSLATE_NOOP("recipe", "Learning-rate schedule"),
    QT_TRANSLATE_NOOP("recipe", "Freeze observers after epoch"),
    QT_TRANSLATE_NOOP("recipe", "Freeze batch-norm after epoch"),
    QT_TRANSLATE_NOOP("recipe", "Device"),
    QT_TRANSLATE_NOOP("recipe", "Loss"),
    QT_TRANSLATE_NOOP("recipe", "Random seed"),
)
