"""The core's texts that the window shows, listed so that pyside6-lupdate extracts them.

Written by tools/update_translations.py from quantgui.core.text_registry.core_texts(): do not edit;
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
    QT_TRANSLATE_NOOP("recipe", "x86"),
    QT_TRANSLATE_NOOP("recipe", "fbgemm"),
    QT_TRANSLATE_NOOP("recipe", "onednn"),
    QT_TRANSLATE_NOOP("recipe", "qnnpack"),
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
    QT_TRANSLATE_NOOP("recipe", "Linear"),
    QT_TRANSLATE_NOOP("recipe", "LSTM"),
    QT_TRANSLATE_NOOP("recipe", "GRU"),
    QT_TRANSLATE_NOOP("recipe", "LSTMCell"),
    QT_TRANSLATE_NOOP("recipe", "GRUCell"),
    QT_TRANSLATE_NOOP("recipe", "RNNCell"),
    QT_TRANSLATE_NOOP("recipe", "Weight type"),
    QT_TRANSLATE_NOOP(
        "recipe",
        "int8 stores weights in a quarter of the space and runs faster on CPU. float16 is "
        "offered for completeness: on CPU it saves neither time nor disk."),
    QT_TRANSLATE_NOOP("recipe", "int8"),
    QT_TRANSLATE_NOOP("recipe", "float16"),
    QT_TRANSLATE_NOOP("recipe", "Observer"),
    QT_TRANSLATE_NOOP(
        "recipe",
        "How activation ranges are learned from calibration data. MinMax is fast but an "
        "outlier stretches the range; moving-average MinMax resists outliers; Histogram "
        "chooses the range that minimises the error (slowest, usually best)."),
    QT_TRANSLATE_NOOP("recipe", "minmax"),
    QT_TRANSLATE_NOOP("recipe", "moving_average_minmax"),
    QT_TRANSLATE_NOOP("recipe", "histogram"),
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
    QT_TRANSLATE_NOOP("recipe", "adam"),
    QT_TRANSLATE_NOOP("recipe", "sgd"),
    QT_TRANSLATE_NOOP("recipe", "Learning-rate schedule"),
    QT_TRANSLATE_NOOP("recipe", "Cosine decays the learning rate to zero."),
    QT_TRANSLATE_NOOP("recipe", "constant"),
    QT_TRANSLATE_NOOP("recipe", "cosine"),
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
    QT_TRANSLATE_NOOP("recipe", "cpu"),
    QT_TRANSLATE_NOOP("recipe", "cuda"),
    QT_TRANSLATE_NOOP("recipe", "Loss"),
    QT_TRANSLATE_NOOP(
        "recipe",
        "cross_entropy on the labels, or distillation: match the original model's outputs "
        "(needs no labels). auto picks cross_entropy when labels exist."),
    QT_TRANSLATE_NOOP("recipe", "auto"),
    QT_TRANSLATE_NOOP("recipe", "cross_entropy"),
    QT_TRANSLATE_NOOP("recipe", "distillation"),
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
        "Conv-BatchNorm-ReLU network on 8x8 handwritten digits: static quantization fuses each "
        "block into int8 kernels, 2-3x faster than float at a quarter of the size; dynamic "
        "leaves its convolutions float."),
    QT_TRANSLATE_NOOP(
        "model",
        "Three-layer perceptron on 8x8 handwritten digits, 0.1 ms a batch: so small that int8 "
        "runs slower than float; it shows the 4x smaller weights and the accuracy kept."),
    QT_TRANSLATE_NOOP(
        "model",
        "LSTM that reads each digit image row by row: dynamic quantization makes its weights "
        "int8 (a quarter of the size) but runs slower than float, since below ~1 ms a call "
        "quantizing the activations costs more than int8 saves."),
    QT_TRANSLATE_NOOP(
        "model",
        "Small transformer encoder over the image rows as tokens (attention, LayerNorm, GELU): "
        "int8 keeps its accuracy, but at this size it is no faster than float (static runs "
        "slower)."),
    QT_TRANSLATE_NOOP(
        "model",
        "Wide MLP (3 x Linear 1024) on digits: large enough for int8 to run faster than float, "
        "1.4-4.6x depending on the CPU (dynamic and static)."),
    QT_TRANSLATE_NOOP(
        "model",
        "The seed tutorial's Linear(10, 2) on random data: so small that int8 is slower than "
        "float and, with file overhead, larger."),
    QT_TRANSLATE_NOOP(
        "model",
        "Hugging Face model {architecture} from {folder}/ with weights {weights}"),
    QT_TRANSLATE_NOOP("model", "compares its {output}"),
    QT_TRANSLATE_NOOP(
        "model",
        "{size}x{size} images assumed (the config has no image_size)"),
    QT_TRANSLATE_NOOP("model", "sequences of {length} tokens"),
    QT_TRANSLATE_NOOP(
        "model",
        "its {count} Conv1D layers run as the Linear layers they are"),
    QT_TRANSLATE_NOOP("model", "architecture by name: {name} with weights {weights}"),
    QT_TRANSLATE_NOOP(
        "model",
        "architecture by name: {name} (random initialisation: no weights file given (weights "
        "are never downloaded))"),
    QT_TRANSLATE_NOOP("model", "Python class {name} from {file}"),
    QT_TRANSLATE_NOOP("model", "Python class {name} from {file} with weights {weights}"),
    QT_TRANSLATE_NOOP(
        "model",
        "Python class {name} from {file} (random weights: no weights file given)"),
    QT_TRANSLATE_NOOP("model", "pickled model {file} (trusted)"),
    QT_TRANSLATE_NOOP("model", "TorchScript model {file}"),
    QT_TRANSLATE_NOOP("model", "torch.export program {file}"),
    QT_TRANSLATE_NOOP("model", "{count} layer(s) recovered from its graph"),
    QT_TRANSLATE_NOOP("model", "data: {data}"),
    QT_TRANSLATE_NOOP(
        "model",
        "random data ({count} Gaussian samples of shape {shape}): good for calibration only, "
        "no accuracy"),
    QT_TRANSLATE_NOOP(
        "model",
        "random data ({count} samples of {inputs}): good for calibration only, no accuracy"),
    QT_TRANSLATE_NOOP(
        "model",
        "images from {folder}/ ({classes} classes, {count} images of {shape})"),
    QT_TRANSLATE_NOOP("model", "CSV {file} ({rows} rows, {features} features)"),
    QT_TRANSLATE_NOOP("model", "{file} ({count} samples)"),
    QT_TRANSLATE_NOOP("model", "{count} texts from {file}, tokenized ({inputs})"),
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
    QT_TRANSLATE_NOOP(
        "note",
        "kept float: FX's int8 softmax clamps its input scores to the fixed output range [0, "
        "1) and ruins attention (measured: SQNR -0.6 dB on the transformer demo)"),
    QT_TRANSLATE_NOOP("note", "kept float: FX cannot trace '{module}' ({reason})"),
    QT_TRANSLATE_NOOP("note", "the model"),
    QT_TRANSLATE_NOOP(
        "note",
        "int8 table: shares its weight with {other}, which ONNX Runtime stores twice (for the "
        "lookup and, transposed, for the product); both are int8"),
    QT_TRANSLATE_NOOP(
        "note",
        "kept float: shares its weight with {other} (an int8 copy beside the float one would "
        "make the model larger)"),
    QT_TRANSLATE_NOOP("note", "int8 weights and activations"),
    QT_TRANSLATE_NOOP("note", "int8 weights; activations stay float"),
    QT_TRANSLATE_NOOP("note", "{note}, trained with fake quantization"),
    QT_TRANSLATE_NOOP("note", "{note}; fused into oneDNN int8 kernels by inductor"),
    QT_TRANSLATE_NOOP(
        "note",
        "float32 with {layer} (kept float); inductor folds it when compiling"),
    QT_TRANSLATE_NOOP("note", "folded into {layer}"),
    QT_TRANSLATE_NOOP("note", "folded into the preceding convolution"),
    QT_TRANSLATE_NOOP(
        "note",
        "its weights are used inside {parent}'s own computation (e.g. MultiheadAttention's "
        "projections), which runs in {state} on this engine"),
    QT_TRANSLATE_NOOP("note", "not in the exported graph (folded or unused)"),
    QT_TRANSLATE_NOOP(
        "note",
        "no int8 pattern for {type} in {method} quantization on this engine; runs in float32 "
        "(compiled)"),
    QT_TRANSLATE_NOOP(
        "note",
        "no int8 kernel for {type} on this engine; runs in float32 (compiled)"),
    QT_TRANSLATE_NOOP(
        "note",
        "int8 weights; activations quantized per row at run time (torch._int_mm)"),
    QT_TRANSLATE_NOOP("note", "not quantized by torchao; runs in float32 (compiled)"),
    QT_TRANSLATE_NOOP(
        "note",
        "dynamic quantization on this engine covers Linear layers only; {type} runs in float32 "
        "(compiled)"),
    QT_TRANSLATE_NOOP(
        "note",
        "no ONNX node of its own: the exporter folded it into {layer}"),
    QT_TRANSLATE_NOOP(
        "note",
        "no ONNX node of its own: {parent} computes it in its own ONNX nodes, which this view "
        "does not attribute to it"),
    QT_TRANSLATE_NOOP("note", "no ONNX node of its own: folded away by the exporter"),
    QT_TRANSLATE_NOOP(
        "note",
        "simulated only: int8 weights around ONNX {ops}, but ONNX Runtime fused no int8 kernel "
        "there and runs it in float32"),
    QT_TRANSLATE_NOOP("note", "asked to stay float, but ONNX Runtime runs it as {op}"),
    QT_TRANSLATE_NOOP(
        "note",
        "int8 weights and activations: ONNX {node} between QuantizeLinear/DequantizeLinear, "
        "run by ONNX Runtime as {op}"),
    QT_TRANSLATE_NOOP(
        "note",
        "int8 weights; activations quantized at run time (ONNX {node}, run by ONNX Runtime as "
        "{op})"),
    QT_TRANSLATE_NOOP(
        "note",
        "ONNX {op} runs in float32: not a layer type selected for dynamic quantization, or "
        "ONNX Runtime has no dynamic int8 kernel for it"),
    QT_TRANSLATE_NOOP(
        "note",
        "ONNX {op} runs in float32: ONNX Runtime's static quantization skips it"),
    QT_TRANSLATE_NOOP("note", "int8 weights (torchao weight-only); activations float"),
    QT_TRANSLATE_NOOP("note", "kept in float32 (Keep in float)"),
    QT_TRANSLATE_NOOP("note", "float32: this engine quantizes only nn.Linear weights"),
    QT_TRANSLATE_NOOP("note", "float32: torchao left this Linear unquantized"),
    QT_TRANSLATE_NOOP("note", "int8 weights; activations quantized at run time"),
    QT_TRANSLATE_NOOP("note", "not a layer type selected for dynamic quantization"),
    QT_TRANSLATE_NOOP(
        "note",
        "no int8 kernel for {type} in static quantization; kept float"),
    QT_TRANSLATE_NOOP(
        "note",
        "int8 weights and activations, trained with fake quantization"),
    QT_TRANSLATE_NOOP("note", "no int8 kernel for {type} in QAT; kept float"),
)

LOG = (
    QT_TRANSLATE_NOOP(
        "log",
        "Quantizing {model} with {technique} on {engine} (torch {torch}, {threads} threads)."),
    QT_TRANSLATE_NOOP(
        "log",
        "No layer of {model} was quantized by {technique} on {engine}; see the layer table for "
        "the reasons."),
    QT_TRANSLATE_NOOP(
        "log",
        "Only {quantized} of the {weighted} convolution and linear layers of {model} run in "
        "int8 with {technique} on {engine}; the layer table says why for each, and Compare "
        "engines shows whether another engine converts more."),
    QT_TRANSLATE_NOOP("log", "torch.ao's FX graph mode stopped on this model: {error}"),
    QT_TRANSLATE_NOOP(
        "log",
        "torch.ao.ns could not compare the layers ({error}); the per-layer errors come from "
        "forward hooks."),
    QT_TRANSLATE_NOOP(
        "log",
        "{layer} shares its weight with {other}: the ONNX model holds that weight twice (the "
        "lookup's table, and transposed for the product), so both are made int8 (keeping one "
        "float would make the model larger)."),
    QT_TRANSLATE_NOOP(
        "log",
        "{layer} shares its weight with {other}: kept float, so that the weight is stored once "
        "(an int8 copy of it beside the float original would make the quantized model larger "
        "than the float one)."),
    QT_TRANSLATE_NOOP(
        "log",
        "The multi-head attention fast path is off during the run (it does not accept "
        "dynamically quantized weights); run the quantized model with "
        "torch.backends.mha.set_fastpath_enabled(False)."),
    QT_TRANSLATE_NOOP(
        "log",
        "Training on {device}; the model moves to the CPU before convert (int8 kernels are "
        "CPU-only)."),
    QT_TRANSLATE_NOOP("log", "{name}: quantizing…"),
    QT_TRANSLATE_NOOP("log", "{name}: skipped ({reason})"),
    QT_TRANSLATE_NOOP("log", "{name}: failed ({reason})"),
    QT_TRANSLATE_NOOP("log", "{name}: not run ({reason})"),
    QT_TRANSLATE_NOOP(
        "log",
        "torchao could not prepare the default torch.export capture; the strict capture "
        "(TorchDynamo) worked."),
    QT_TRANSLATE_NOOP(
        "log",
        "Compiled by inductor in {compile:.1f} s (float32 reference {compile_float:.1f} s), "
        "for batches of {batch}: other batch sizes are padded or split, never recompiled. The "
        "saved .pt2 program takes any batch size."),
    QT_TRANSLATE_NOOP(
        "log",
        "Compiled by inductor in {compile:.1f} s (float32 reference {compile_float:.1f} s), "
        "for batches of {batch}: other batch sizes are padded or split, never recompiled. The "
        "saved .pt2 program takes only batches of {fixed} (the model fixes its batch size)."),
    QT_TRANSLATE_NOOP(
        "log",
        "torchao's numeric debugger could not compare the layers ({error}); no per-layer "
        "errors for this run."),
    QT_TRANSLATE_NOOP(
        "log",
        "The {engine} engine quantizes Linear layers dynamically; {types} stay float32 "
        "(compiled)."),
    QT_TRANSLATE_NOOP(
        "log",
        "The per-layer comparison failed ({error}); no per-layer errors for this run."),
    QT_TRANSLATE_NOOP(
        "log",
        "This torchao cannot freeze batch-norm statistics in an exported graph; they keep "
        "updating."),
    QT_TRANSLATE_NOOP("log", "Exported with {exporter}, opset {opset}."),
    QT_TRANSLATE_NOOP(
        "log",
        "Reused the ONNX model exported with {exporter}, opset {opset}."),
    QT_TRANSLATE_NOOP(
        "log",
        "Exported with {exporter}, opset {opset}; ORT pre-processing skipped ({skipped})."),
    QT_TRANSLATE_NOOP(
        "log",
        "Reused the ONNX model exported with {exporter}, opset {opset}; ORT pre-processing "
        "skipped ({skipped})."),
    QT_TRANSLATE_NOOP(
        "log",
        "onnxruntime's qdq_loss_debug could not compare the layers ({error})."),
    QT_TRANSLATE_NOOP(
        "log",
        "{count} ONNX nodes ({types}) hold infinite values (a transformer's attention mask), "
        "which calibration cannot give a range: these op types stay float."),
    QT_TRANSLATE_NOOP(
        "log",
        "Calibrated on {used} of {total} batches: ONNX Runtime's calibration holds every "
        "activation of every batch ({mib:.0f} MiB a sample, {budget:.0f} GiB at most)."),
    QT_TRANSLATE_NOOP(
        "log",
        "torchao weight-only int8: {int8} of {linear} Linear layers hold int8 weights; the "
        "model saves in {size:,} bytes instead of {float_size:,} ({ratio:.2f}x). Activations "
        "stay float32."),
    QT_TRANSLATE_NOOP(
        "log",
        "Weight-only int8 gives no speed-up on CPU: no int8 kernel runs; at every call the "
        "int8 weights are converted to float32 in front of a float32 matmul, so the compiled "
        "model is about as fast as float32 at large batches and slower at batch 1. What it "
        "saves is size: the Linear weights are 4x smaller on disk and in memory. For int8 "
        "speed on CPU use dynamic quantization on the PyTorch eager or ONNX Runtime engine."),
    QT_TRANSLATE_NOOP("log", "Not built here: {reason}"),
    QT_TRANSLATE_NOOP(
        "log",
        "Compiled with inductor (freezing): int8 in {compile:.1f} s, float32 in "
        "{compile_float:.1f} s (apart from latency)."),
    QT_TRANSLATE_NOOP("log", "The per-layer errors could not be measured ({error})."),
    QT_TRANSLATE_NOOP("log", "Per-layer errors measured on {samples} validation samples."),
    QT_TRANSLATE_NOOP(
        "log",
        "Per-layer errors measured on {samples} of {available} validation samples: the model's "
        "layers give {values:,} activation values a sample, so a few samples already give "
        "millions a layer (the output agreement uses every sample)."),
    QT_TRANSLATE_NOOP(
        "log",
        "The quantized outputs do not follow the original's (SQNR {sqnr} dB, below {floor} dB: "
        "the error is about as large as the outputs): do not use this model. A working int8 "
        "model gives 20 dB or more, so something is wrong (calibration data unlike the "
        "validation data, a layer int8 cannot hold, or a fault of the {engine} engine on this "
        "model): try another engine, or keep the layers with the lowest SQNR in float (Layers "
        "tab)."),
    QT_TRANSLATE_NOOP(
        "log",
        "The original model's outputs are all near zero (RMS {rms}, below float32's epsilon "
        "{eps}): no quantization step is that fine, so the agreement figures (SQNR, cosine, "
        "top-1) mean nothing on this model. Randomly initialised weights often give such "
        "outputs: use trained weights, or the data the model was made for."),
    QT_TRANSLATE_NOOP(
        "log",
        "The data changed during this run: the original model, or the one the {engine} engine "
        "built from it, wrote into its inputs, so these figures may come from altered data "
        "(the loaded data itself is unchanged). Do not rely on them; report the model and the "
        "engine."),
)

MESSAGE = (
    QT_TRANSLATE_NOOP(
        "message",
        "The {engine} engine does not implement {technique} quantization; it offers "
        "{techniques}."),
    QT_TRANSLATE_NOOP(
        "message",
        "{engine} is the fastest engine that keeps agreement ({speedup:.2f}x float32 eager "
        "PyTorch, SQNR {sqnr:.1f} dB; agreement kept: within {tolerance:g} dB of the best or "
        "above {floor:g} dB)."),
    QT_TRANSLATE_NOOP("message", "{recommendation} Left out for agreement: {engines}."),
    QT_TRANSLATE_NOOP("message", "No engine produced outputs that can be compared."),
    QT_TRANSLATE_NOOP(
        "message",
        "{engine} chosen for {technique} on {model}: {default} cannot apply it (FX graph mode "
        "cannot rewrite this model), and torch.export captures the model whole."),
    QT_TRANSLATE_NOOP(
        "message",
        "{engine} chosen for {technique} on {model}: {default} would quantize only {quantized} "
        "of its {weighted} convolution and linear layers (FX cannot trace the rest), and "
        "torch.export captures the model whole."),
    QT_TRANSLATE_NOOP(
        "message",
        "{default} is kept as chosen, but it cannot apply {technique} to {model} (FX graph "
        "mode cannot rewrite this model); {engine} can, as torch.export captures the model "
        "whole."),
    QT_TRANSLATE_NOOP(
        "message",
        "{default} is kept as chosen, but it will quantize only {quantized} of the {weighted} "
        "convolution and linear layers of {model} with {technique}; {engine} captures the "
        "model whole with torch.export."),
    QT_TRANSLATE_NOOP(
        "message",
        "{default} cannot apply {technique} to {model} (FX graph mode cannot rewrite this "
        "model), and {engine} cannot take it either ({why})."),
    QT_TRANSLATE_NOOP(
        "message",
        "{default} will quantize only {quantized} of the {weighted} convolution and linear "
        "layers of {model} with {technique}, and {engine} cannot take it either ({why})."),
    QT_TRANSLATE_NOOP("message", "The setting {name} must be true or false, not {value}."),
    QT_TRANSLATE_NOOP("message", "Use true/false, yes/no or 1/0."),
    QT_TRANSLATE_NOOP("message", "The setting {name} must be a whole number, not {value}."),
    QT_TRANSLATE_NOOP("message", "Give an integer such as 3, without quotes or decimals."),
    QT_TRANSLATE_NOOP(
        "message",
        "The setting {name} must be a finite number, not {value}."),
    QT_TRANSLATE_NOOP(
        "message",
        "Give a number such as 0.001 (NaN and infinity are not allowed)."),
    QT_TRANSLATE_NOOP("message", "The setting {name} must be text, not {value}."),
    QT_TRANSLATE_NOOP("message", "Give it as text in quotes."),
    QT_TRANSLATE_NOOP(
        "message",
        "The setting {name} must be a list of names, not {value}."),
    QT_TRANSLATE_NOOP("message", "Give a list, e.g. [\"fc1\", \"fc2\"] (or [] for none)."),
    QT_TRANSLATE_NOOP("message", "The setting {name} must be a number, not {value}."),
    QT_TRANSLATE_NOOP("message", "The setting {name}={value} is out of range."),
    QT_TRANSLATE_NOOP("message", "Use a value from {low} to {high}."),
    QT_TRANSLATE_NOOP("message", "Unknown {name} {value}."),
    QT_TRANSLATE_NOOP("message", "Choose one of: {choices}."),
    QT_TRANSLATE_NOOP("message", "Unknown setting(s) for {method}: {names}."),
    QT_TRANSLATE_NOOP("message", "Known settings: {names}."),
    QT_TRANSLATE_NOOP("message", "Unknown method {value}."),
    QT_TRANSLATE_NOOP("message", "Dynamic quantization needs at least one layer type."),
    QT_TRANSLATE_NOOP("message", "Select Linear, for example."),
    QT_TRANSLATE_NOOP(
        "message",
        "Dynamic quantization does not support layer type {value}."),
    QT_TRANSLATE_NOOP("message", "Choose from: {choices}."),
    QT_TRANSLATE_NOOP(
        "message",
        "The setting model must be text (a model file or folder, or demo:NAME), not {value}."),
    QT_TRANSLATE_NOOP(
        "message",
        "Give the model's path in quotes, or leave the setting out."),
    QT_TRANSLATE_NOOP(
        "message",
        "The setting model_args must be a JSON object of the model's arguments, not {value}."),
    QT_TRANSLATE_NOOP(
        "message",
        "Write the arguments as a JSON object of names and values, or leave the setting out."),
    QT_TRANSLATE_NOOP("message", "The recipe {path} does not exist."),
    QT_TRANSLATE_NOOP("message", "Check the path and its spelling."),
    QT_TRANSLATE_NOOP("message", "The recipe {path} is a folder, not a recipe file."),
    QT_TRANSLATE_NOOP(
        "message",
        "The recipe {path} is not a regular file (a pipe, a device or a socket)."),
    QT_TRANSLATE_NOOP("message", "The recipe {path} cannot be read: {reason}."),
    QT_TRANSLATE_NOOP("message", "Check the file and its permissions."),
    QT_TRANSLATE_NOOP(
        "message",
        "The recipe {path} is {size}, far more than a recipe (a small JSON file of settings, "
        "at most {limit})."),
    QT_TRANSLATE_NOOP("message", "The recipe {path} is empty: it is not a JSON recipe."),
    QT_TRANSLATE_NOOP(
        "message",
        "{path} is not a JSON recipe: it is not UTF-8 text (byte {byte} at position "
        "{position})."),
    QT_TRANSLATE_NOOP(
        "message",
        "{path} is not a JSON recipe: it is not valid JSON ({reason} at line {line}, column "
        "{column})."),
    QT_TRANSLATE_NOOP(
        "message",
        "{path} is not a usable recipe: its JSON nests too deeply (a recipe is one flat object "
        "of settings)."),
    QT_TRANSLATE_NOOP(
        "message",
        "{path} is not a recipe: it is not a JSON object of settings."),
    QT_TRANSLATE_NOOP(
        "message",
        "{path} is not a recipe: it has no technique (\"method\")."),
    QT_TRANSLATE_NOOP(
        "message",
        "Choose a file written by Save recipe… or by quantgui-cli --save-recipe."),
    QT_TRANSLATE_NOOP(
        "message",
        "The recipe {path} gives {name} twice, so which value is meant is unclear."),
    QT_TRANSLATE_NOOP("message", "Keep one of the two."),
    QT_TRANSLATE_NOOP(
        "message",
        "The recipe {path} cannot be used: the setting {name} holds a number of {digits} "
        "digits."),
    QT_TRANSLATE_NOOP(
        "message",
        "The recipe {path} cannot be used: the setting {name} holds {value}, which is not a "
        "finite number."),
    QT_TRANSLATE_NOOP("message", "Give an ordinary number such as 3 or 0.001."),
    QT_TRANSLATE_NOOP("message", "The recipe {path} cannot be used. {reason}"),
    QT_TRANSLATE_NOOP(
        "message",
        "The weights of the Hugging Face folder {folder}, {file}, are a pickle that holds more "
        "than tensors ({found}): unpickling it can run any code it contains, so it was not "
        "opened."),
    QT_TRANSLATE_NOOP(
        "message",
        "Only if you trust where it came from, pass --trust to open it. Then "
        "model.save_pretrained(folder) writes model.safetensors, which holds tensors only and "
        "opens without asking."),
    QT_TRANSLATE_NOOP("message", "{ratio:.2f}x slower than float"),
    QT_TRANSLATE_NOOP("message", "{ratio:.2f}x faster than float"),
    QT_TRANSLATE_NOOP("message", "as fast as float"),
    QT_TRANSLATE_NOOP(
        "message",
        "Below ~1 ms per call, the overhead of quantizing activations (and dequantizing the "
        "outputs) dominates: the int8 kernels save less time than the conversions cost."),
    QT_TRANSLATE_NOOP(
        "message",
        "The int8 kernels of this engine are no faster than float32 for these layers on this "
        "CPU, and quantizing the activations costs time of its own."),
    QT_TRANSLATE_NOOP(
        "message",
        "Measured while other programs used {percent}% of the CPU: latencies are unreliable."),
)
