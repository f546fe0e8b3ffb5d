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
    QT_TRANSLATE_NOOP("recipe", "Engine"),
)

# quantgui.core.techniques: titles and summaries, translated in the "technique" context
TECHNIQUES = (
    QT_TRANSLATE_NOOP("technique", "Dynamic"),
    QT_TRANSLATE_NOOP("technique", "Static"),
    QT_TRANSLATE_NOOP("technique", "QAT"),
    QT_TRANSLATE_NOOP(
        "technique",
        "Weights are stored in int8 ahead of time and activations are quantized on the fly at "
        "each call. It needs no calibration data and suits Linear and LSTM layers best."),
    QT_TRANSLATE_NOOP(
        "technique",
        "Weights and activations are both int8, with activation ranges learned by running "
        "calibration data through the model. It gives the largest speed-up on convolutional "
        "networks."),
    QT_TRANSLATE_NOOP(
        "technique",
        "The model is fine-tuned with fake quantization so that it learns to live with int8 "
        "rounding. It takes longer than static quantization but recovers accuracy that it "
        "loses."),
)
