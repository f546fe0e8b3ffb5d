"""The core's texts that the window shows, listed so that pyside6-lupdate extracts them.

Written by tools/update_translations.py from quantgui.core.texts.core_texts(): do not edit;
run the tool after changing a text of the core. The window translates them with
``quantgui.ui.i18n.tr_core(context, text)``, which also fills templates ({fields}).
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

RECIPE = (
    QT_TRANSLATE_NOOP("recipe", "Engine"),
    QT_TRANSLATE_NOOP(
        "recipe",
        "Where the quantized model runs: PyTorch eager (torch.ao int8 kernels), PyTorch "
        "compiled (torchao PT2E + inductor), ONNX Runtime, or torchao weight-only int8. Each "
        "is compared with its own float32 and with float32 in eager PyTorch."),
    QT_TRANSLATE_NOOP("recipe", "Backend"),
    QT_TRANSLATE_NOOP(
        "recipe",
        "Which int8 kernels run the model. x86 is best on Intel/AMD CPUs; onednn is close; "
        "fbgemm is slower on convolutions; qnnpack is for ARM (about 20x slower on x86)."),
    QT_TRANSLATE_NOOP("recipe", "Threads"),
    QT_TRANSLATE_NOOP(
        "recipe",
        "CPU threads used for calibration, training and the latency measurement."),
    QT_TRANSLATE_NOOP("recipe", "Batch size"),
    QT_TRANSLATE_NOOP("recipe", "Samples per batch for calibration, training and latency."),
    QT_TRANSLATE_NOOP("recipe", "Keep in float"),
    QT_TRANSLATE_NOOP("recipe", "Names of layers to leave in float32."),
    QT_TRANSLATE_NOOP("recipe", "Layer types"),
    QT_TRANSLATE_NOOP(
        "recipe",
        "Layer types whose weights are stored in int8. Activations are quantized on the fly at "
        "each call, so no calibration data is needed."),
    QT_TRANSLATE_NOOP("recipe", "Weight type"),
    QT_TRANSLATE_NOOP(
        "recipe",
        "int8 stores weights in a quarter of the space and runs faster on CPU. float16 is "
        "offered for completeness: on CPU it saves neither time nor disk."),
    QT_TRANSLATE_NOOP("recipe", "Observer"),
    QT_TRANSLATE_NOOP(
        "recipe",
        "How activation ranges are learned from calibration data. MinMax is fast but an "
        "outlier stretches the range; moving-average MinMax resists outliers; Histogram "
        "chooses the range that minimises the error (slowest, usually best)."),
    QT_TRANSLATE_NOOP("recipe", "Per-channel weights"),
    QT_TRANSLATE_NOOP(
        "recipe",
        "One scale per output channel instead of one per tensor: more accurate, same speed."),
    QT_TRANSLATE_NOOP("recipe", "Calibration batches"),
    QT_TRANSLATE_NOOP(
        "recipe",
        "How many batches of training data are run through the model to learn activation "
        "ranges."),
    QT_TRANSLATE_NOOP("recipe", "Reduce range"),
    QT_TRANSLATE_NOOP(
        "recipe",
        "Use 7-bit activations to avoid overflow on CPUs without VNNI. Automatic by default: "
        "off when this CPU has VNNI."),
    QT_TRANSLATE_NOOP("recipe", "Epochs"),
    QT_TRANSLATE_NOOP("recipe", "Passes over the training data with fake quantization."),
    QT_TRANSLATE_NOOP("recipe", "Learning rate"),
    QT_TRANSLATE_NOOP(
        "recipe",
        "Step size of fine-tuning. QAT starts from a trained model: keep it small."),
    QT_TRANSLATE_NOOP("recipe", "Optimizer"),
    QT_TRANSLATE_NOOP("recipe", "Adam adapts step sizes; SGD uses momentum 0.9."),
    QT_TRANSLATE_NOOP("recipe", "Learning-rate schedule"),
    QT_TRANSLATE_NOOP("recipe", "Cosine decays the learning rate to zero."),
    QT_TRANSLATE_NOOP("recipe", "Freeze observers after epoch"),
    QT_TRANSLATE_NOOP(
        "recipe",
        "After this epoch the quantization ranges stop moving, so the last epochs fine-tune "
        "against fixed ranges. Empty: never freeze."),
    QT_TRANSLATE_NOOP("recipe", "Freeze batch-norm after epoch"),
    QT_TRANSLATE_NOOP(
        "recipe",
        "After this epoch batch-norm statistics stop updating. Empty: never freeze."),
    QT_TRANSLATE_NOOP("recipe", "Device"),
    QT_TRANSLATE_NOOP(
        "recipe",
        "Where training runs. The model always moves to the CPU to convert."),
    QT_TRANSLATE_NOOP("recipe", "Loss"),
    QT_TRANSLATE_NOOP(
        "recipe",
        "cross_entropy on the labels, or distillation: match the original model's outputs "
        "(needs no labels). auto picks cross_entropy when labels exist."),
    QT_TRANSLATE_NOOP("recipe", "Random seed"),
    QT_TRANSLATE_NOOP("recipe", "Seed for the order of training batches."),
    QT_TRANSLATE_NOOP("recipe", "PyTorch eager (torch.ao)"),
    QT_TRANSLATE_NOOP(
        "recipe",
        "torch.ao.quantization's int8 kernels in eager PyTorch (FX graph mode: fusion and "
        "stubs are automatic). No compilation; the reference is the float model in eager "
        "PyTorch."),
    QT_TRANSLATE_NOOP("recipe", "PyTorch compiled (PT2E + inductor)"),
    QT_TRANSLATE_NOOP(
        "recipe",
        "torchao PT2E quantization, compiled by torch.compile (inductor, freezing) into oneDNN "
        "int8 kernels: where PyTorch users deploy. Compilation takes seconds and is reported "
        "apart from latency."),
    QT_TRANSLATE_NOOP("recipe", "ONNX Runtime"),
    QT_TRANSLATE_NOOP(
        "recipe",
        "Exports the model to ONNX, quantizes it with onnxruntime.quantization (static QDQ "
        "calibrated on your data, or dynamic) and runs it in an ONNX Runtime session; compared "
        "against the float32 model in ONNX Runtime."),
    QT_TRANSLATE_NOOP("recipe", "torchao weight-only"),
    QT_TRANSLATE_NOOP(
        "recipe",
        "torchao weight-only int8: nn.Linear weights are stored in int8 (4x smaller); "
        "activations stay float32, so no calibration is needed. Lowered with torch.compile "
        "(inductor, freezing) and compared with compiled float32. On CPU it saves size but "
        "gives no speed-up. int4 needs a CUDA GPU and the mslk package, float8 a GPU of "
        "compute capability 8.9+; neither is built by this engine."),
)

TECHNIQUE = (
    QT_TRANSLATE_NOOP("technique", "Dynamic"),
    QT_TRANSLATE_NOOP(
        "technique",
        "Weights are stored in int8 ahead of time and activations are quantized on the fly at "
        "each call. It needs no calibration data and suits Linear and LSTM layers best."),
    QT_TRANSLATE_NOOP("technique", "Static"),
    QT_TRANSLATE_NOOP(
        "technique",
        "Weights and activations are both int8, with activation ranges learned by running "
        "calibration data through the model. It gives the largest speed-up on convolutional "
        "networks."),
    QT_TRANSLATE_NOOP("technique", "QAT"),
    QT_TRANSLATE_NOOP(
        "technique",
        "The model is fine-tuned with fake quantization so that it learns to live with int8 "
        "rounding. It takes longer than static quantization but recovers accuracy that it "
        "loses."),
)

MODEL = (
    QT_TRANSLATE_NOOP(
        "model",
        "Conv-BatchNorm-ReLU network on 8x8 handwritten digits (static quantization fuses and "
        "speeds it up)."),
    QT_TRANSLATE_NOOP("model", "Three-layer perceptron on 8x8 handwritten digits."),
    QT_TRANSLATE_NOOP(
        "model",
        "LSTM that reads each digit image row by row (dynamic quantization's home ground)."),
    QT_TRANSLATE_NOOP(
        "model",
        "Small transformer encoder over the image rows as tokens (attention, LayerNorm, GELU)."),
    QT_TRANSLATE_NOOP(
        "model",
        "Wide MLP (3 x Linear 1024) on digits: large enough for int8 speed-ups to show."),
    QT_TRANSLATE_NOOP(
        "model",
        "The seed tutorial's Linear(10, 2) on random data (so small that file overhead "
        "dominates its size)."),
)

NOTE = (
    QT_TRANSLATE_NOOP("note", "kept in float by request"),
    QT_TRANSLATE_NOOP("note", "fused into {layer}"),
    QT_TRANSLATE_NOOP("note", "folded away by graph rewriting"),
    QT_TRANSLATE_NOOP("note", "float16 weights (no speed or size gain on CPU)"),
    QT_TRANSLATE_NOOP("note", "{note} (fused {type})"),
    QT_TRANSLATE_NOOP(
        "note",
        "simulated only: FX left a reference module (float weights between quantize and "
        "dequantize) because no int8 kernel pattern matched its neighbours"),
    QT_TRANSLATE_NOOP("note", "no weights to quantize"),
    QT_TRANSLATE_NOOP("note", "int8 weights; activations quantized at run time"),
    QT_TRANSLATE_NOOP("note", "not a layer type selected for dynamic quantization"),
    QT_TRANSLATE_NOOP("note", "int8 weights and activations"),
    QT_TRANSLATE_NOOP(
        "note",
        "no int8 kernel for {type} in static quantization; kept float"),
    QT_TRANSLATE_NOOP(
        "note",
        "int8 weights and activations, trained with fake quantization"),
    QT_TRANSLATE_NOOP("note", "no int8 kernel for {type} in QAT; kept float"),
)

LOG = (
)

MESSAGE = (
)
