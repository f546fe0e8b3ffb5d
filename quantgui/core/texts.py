"""The core's texts that a front end shows, by context, so that the window can translate them.

The core never imports Qt, so it cannot mark texts for translation itself. Instead every text
it hands to the window is listed here, grouped by translation context:

- ``recipe``: the settings' labels and help, the engines' titles and descriptions;
- ``technique``: the techniques' titles and summaries;
- ``model``: the demo models' descriptions, and what an opened model and its data are;
- ``note``: layer notes (why a layer is int8, fused or float);
- ``log``: lines of the Log tab;
- ``message``: common messages of errors and checks.

A text with ``{fields}`` is a template: the core formats it (``NOTE_FUSED_INTO.format(layer=
"block1.0")``) and the window recognises the formatted text by its template, translates the
template and fills it again with the same values (``quantgui.ui.i18n.tr_core``). So a note
made by the core in English, saved in a results file and opened later, still reads in Spanish.

``quantgui.core.text_registry.core_texts()`` gathers these and the registries' texts (settings,
engines, techniques, demos); ``tools/update_translations.py`` writes them into
``quantgui/ui/core_strings.py`` for pyside6-lupdate, and a test fails when that file is out of
date. This module imports nothing: every part of the core may use it.
"""

from __future__ import annotations

# ---- layer notes (context "note") ---------------------------------------------------------
NOTE_KEPT = "kept in float by request"
# torch.ao (quantgui.core.layers, quantgui.core.methods)
NOTE_FUSED_INTO = "fused into {layer}"
NOTE_FOLDED_AWAY = "folded away by graph rewriting"
NOTE_FLOAT16 = "float16 weights (no speed or size gain on CPU)"
NOTE_INT8_FUSED = "{note} (fused {type})"
NOTE_REFERENCE = ("simulated only: FX left a reference module (float weights between quantize "
                  "and dequantize) because no int8 kernel pattern matched its neighbours")
NOTE_NO_WEIGHTS = "no weights to quantize"
NOTE_SOFTMAX = ("kept float: FX's int8 softmax clamps its input scores to the fixed output "
                "range [0, 1) and ruins attention (measured: SQNR -0.6 dB on the transformer "
                "demo)")
NOTE_UNTRACEABLE = "kept float: FX cannot trace '{module}' ({reason})"
NOTE_THE_MODEL = "the model"
NOTE_ORT_TIED = ("int8 table: shares its weight with {other}, which ONNX Runtime stores twice "
                 "(for the lookup and, transposed, for the product); both are int8")
# every engine (quantgui.core.methods.tied)
NOTE_TIED = ("kept float: shares its weight with {other} (an int8 copy beside the float one "
             "would make the model larger)")
# PyTorch compiled (PT2E + inductor)
NOTE_PT2E_INT8 = "int8 weights and activations"
NOTE_PT2E_INT8_WEIGHTS = "int8 weights; activations stay float"
NOTE_PT2E_TRAINED = "{note}, trained with fake quantization"
NOTE_PT2E_FUSED = "{note}; fused into oneDNN int8 kernels by inductor"
NOTE_PT2E_BN_WITH_KEPT = "float32 with {layer} (kept float); inductor folds it when compiling"
NOTE_FOLDED_INTO = "folded into {layer}"
NOTE_FOLDED_INTO_CONV = "folded into the preceding convolution"
NOTE_PT2E_INSIDE_PARENT = ("its weights are used inside {parent}'s own computation (e.g. "
                           "MultiheadAttention's projections), which runs in {state} on this "
                           "engine")
NOTE_PT2E_NOT_IN_GRAPH = "not in the exported graph (folded or unused)"
NOTE_PT2E_NO_PATTERN = ("no int8 pattern for {type} in {method} quantization on this engine; "
                        "runs in float32 (compiled)")
NOTE_PT2E_NO_KERNEL = "no int8 kernel for {type} on this engine; runs in float32 (compiled)"
NOTE_PT2E_DYNAMIC_INT8 = ("int8 weights; activations quantized per row at run time "
                          "(torch._int_mm)")
NOTE_PT2E_NOT_QUANTIZED = "not quantized by torchao; runs in float32 (compiled)"
NOTE_PT2E_DYNAMIC_LINEAR_ONLY = ("dynamic quantization on this engine covers Linear layers "
                                 "only; {type} runs in float32 (compiled)")
# ONNX Runtime
NOTE_ORT_FOLDED_INTO = "no ONNX node of its own: the exporter folded it into {layer}"
NOTE_ORT_IN_PARENT = ("no ONNX node of its own: {parent} computes it in its own ONNX nodes, "
                      "which this view does not attribute to it")
NOTE_ORT_FOLDED_AWAY = "no ONNX node of its own: folded away by the exporter"
NOTE_ORT_SIMULATED = ("simulated only: int8 weights around ONNX {ops}, but ONNX Runtime fused "
                      "no int8 kernel there and runs it in float32")
NOTE_ORT_ASKED_FLOAT = "asked to stay float, but ONNX Runtime runs it as {op}"
NOTE_ORT_STATIC_INT8 = ("int8 weights and activations: ONNX {node} between "
                        "QuantizeLinear/DequantizeLinear, run by ONNX Runtime as {op}")
NOTE_ORT_DYNAMIC_INT8 = ("int8 weights; activations quantized at run time (ONNX {node}, run "
                         "by ONNX Runtime as {op})")
NOTE_ORT_DYNAMIC_FLOAT = ("ONNX {op} runs in float32: not a layer type selected for dynamic "
                          "quantization, or ONNX Runtime has no dynamic int8 kernel for it")
NOTE_ORT_STATIC_FLOAT = "ONNX {op} runs in float32: ONNX Runtime's static quantization skips it"
# torchao weight-only
NOTE_WEIGHT_ONLY_INT8 = "int8 weights (torchao weight-only); activations float"
NOTE_WEIGHT_ONLY_KEPT = "kept in float32 (Keep in float)"
NOTE_WEIGHT_ONLY_NOT_LINEAR = "float32: this engine quantizes only nn.Linear weights"
NOTE_WEIGHT_ONLY_LEFT = "float32: torchao left this Linear unquantized"

NOTES: tuple[str, ...] = tuple(value for name, value in list(globals().items())
                               if name.startswith("NOTE_"))

# ---- lines of the Log tab (context "log") -------------------------------------------------
LOG_QUANTIZING = ("Quantizing {model} with {technique} on {engine} (torch {torch}, {threads} "
                  "threads).")
LOG_NOTHING_QUANTIZED = ("No layer of {model} was quantized by {technique} on {engine}; see "
                         "the layer table for the reasons.")
LOG_FEW_QUANTIZED = ("Only {quantized} of the {weighted} convolution and linear layers of {model} "
                     "run in int8 with {technique} on {engine}; the layer table says why for "
                     "each, and Compare engines shows whether another engine converts more.")
LOG_TORCH_AO_FX_STOPPED = "torch.ao's FX graph mode stopped on this model: {error}"
LOG_NS_FAILED = ("torch.ao.ns could not compare the layers ({error}); the per-layer errors "
                 "come from forward hooks.")
LOG_ORT_TIED = ("{layer} shares its weight with {other}: the ONNX model holds that weight twice "
                "(the lookup's table, and transposed for the product), so both are made int8 "
                "(keeping one float would make the model larger).")
LOG_TIED = ("{layer} shares its weight with {other}: kept float, so that the weight is "
            "stored once (an int8 copy of it beside the float original would make the "
            "quantized model larger than the float one).")
LOG_MHA_FASTPATH = ("The multi-head attention fast path is off during the run (it does not "
                    "accept dynamically quantized weights); run the quantized model with "
                    "torch.backends.mha.set_fastpath_enabled(False).")
LOG_TRAINING_ON = ("Training on {device}; the model moves to the CPU before convert (int8 "
                   "kernels are CPU-only).")
LOG_STEP_QUANTIZING = "{name}: quantizing…"
LOG_STEP_SKIPPED = "{name}: skipped ({reason})"
LOG_STEP_FAILED = "{name}: failed ({reason})"
LOG_STEP_NOT_RUN = "{name}: not run ({reason})"
LOG_PT2E_STRICT = ("torchao could not prepare the default torch.export capture; the strict "
                   "capture (TorchDynamo) worked.")
LOG_PT2E_COMPILED_ANY = (
    "Compiled by inductor in {compile:.1f} s (float32 reference {compile_float:.1f} s), for "
    "batches of {batch}: other batch sizes are padded or split, never recompiled. The saved "
    ".pt2 program takes any batch size.")
LOG_PT2E_COMPILED_FIXED = (
    "Compiled by inductor in {compile:.1f} s (float32 reference {compile_float:.1f} s), for "
    "batches of {batch}: other batch sizes are padded or split, never recompiled. The saved "
    ".pt2 program takes only batches of {fixed} (the model fixes its batch size).")
LOG_PT2E_DEBUGGER_FAILED = ("torchao's numeric debugger could not compare the layers "
                            "({error}); no per-layer errors for this run.")
LOG_PT2E_DYNAMIC_LINEAR = ("The {engine} engine quantizes Linear layers dynamically; {types} "
                           "stay float32 (compiled).")
LOG_LAYER_COMPARISON_FAILED = ("The per-layer comparison failed ({error}); no per-layer errors "
                               "for this run.")
LOG_PT2E_NO_FREEZE_BN = ("This torchao cannot freeze batch-norm statistics in an exported graph; "
                         "they keep updating.")
LOG_ORT_EXPORTED = "Exported with {exporter}, opset {opset}."
LOG_ORT_REUSED = "Reused the ONNX model exported with {exporter}, opset {opset}."
LOG_ORT_EXPORTED_SKIPPED = ("Exported with {exporter}, opset {opset}; ORT pre-processing "
                            "skipped ({skipped}).")
LOG_ORT_REUSED_SKIPPED = ("Reused the ONNX model exported with {exporter}, opset {opset}; ORT "
                          "pre-processing skipped ({skipped}).")
LOG_ORT_DEBUG_FAILED = "onnxruntime's qdq_loss_debug could not compare the layers ({error})."
LOG_ORT_NON_FINITE = ("{count} ONNX nodes ({types}) hold infinite values (a transformer's "
                      "attention mask), which calibration cannot give a range: these op types "
                      "stay float.")
LOG_ORT_FEWER_BATCHES = ("Calibrated on {used} of {total} batches: ONNX Runtime's calibration "
                         "holds every activation of every batch ({mib:.0f} MiB a sample, "
                         "{budget:.0f} GiB at most).")
LOG_WEIGHT_ONLY_SUMMARY = (
    "torchao weight-only int8: {int8} of {linear} Linear layers hold int8 weights; the model "
    "saves in {size:,} bytes instead of {float_size:,} ({ratio:.2f}x). Activations stay "
    "float32.")
LOG_WEIGHT_ONLY_NO_CPU_SPEED = (
    "Weight-only int8 gives no speed-up on CPU: no int8 kernel runs; at every call the int8 "
    "weights are converted to float32 in front of a float32 matmul, so the compiled model is "
    "about as fast as float32 at large batches and slower at batch 1. What it saves is size: "
    "the Linear weights are 4x smaller on disk and in memory. For int8 speed on CPU use "
    "dynamic quantization on the PyTorch eager or ONNX Runtime engine.")
LOG_NOT_BUILT_HERE = "Not built here: {reason}"
LOG_WEIGHT_ONLY_COMPILED = ("Compiled with inductor (freezing): int8 in {compile:.1f} s, float32 "
                            "in {compile_float:.1f} s (apart from latency).")
LOG_LAYER_ERRORS_FAILED = "The per-layer errors could not be measured ({error})."
LOG_ERROR_SAMPLES_ALL = "Per-layer errors measured on {samples} validation samples."
LOG_ERROR_SAMPLES_FEWER = ("Per-layer errors measured on {samples} of {available} validation "
                           "samples: the model's layers give {values:,} activation values a "
                           "sample, so a few samples already give millions a layer (the output "
                           "agreement uses every sample).")
# what a result must say of its own figures (quantgui.core.metrics, quantgui.core.pipeline)
LOG_UNUSABLE_OUTPUTS = (
    "The quantized outputs do not follow the original's (SQNR {sqnr} dB, below {floor} dB: "
    "the error is about as large as the outputs): do not use this model. A working int8 "
    "model gives 20 dB or more, so something is wrong (calibration data unlike the "
    "validation data, a layer int8 cannot hold, or a fault of the {engine} engine on this "
    "model): try another engine, or keep the layers with the lowest SQNR in float (Layers "
    "tab).")
LOG_NEAR_ZERO_OUTPUTS = (
    "The original model's outputs are all near zero (RMS {rms}, below float32's epsilon "
    "{eps}): no quantization step is that fine, so the agreement figures (SQNR, cosine, "
    "top-1) mean nothing on this model. Randomly initialised weights often give such outputs: "
    "use trained weights, or the data the model was made for.")
LOG_DATA_CHANGED = (
    "The data changed during this run: the original model, or the one the {engine} engine "
    "built from it, wrote into its inputs, so these figures may come from altered data (the "
    "loaded data itself is unchanged). Do not rely on them; report the model and the engine.")

LOGS: tuple[str, ...] = tuple(value for name, value in list(globals().items())
                              if name.startswith("LOG_"))

# ---- messages of errors and checks (context "message") ------------------------------------
MESSAGE_NOT_IMPLEMENTED = ("The {engine} engine does not implement {technique} quantization; it "
                           "offers {techniques}.")
MESSAGE_RECOMMENDED = (
    "{engine} is the fastest engine that keeps agreement ({speedup:.2f}x float32 eager "
    "PyTorch, SQNR {sqnr:.1f} dB; agreement kept: within {tolerance:g} dB of the best or above "
    "{floor:g} dB).")
MESSAGE_LEFT_OUT = "{recommendation} Left out for agreement: {engines}."
MESSAGE_NO_ENGINE_COMPARED = "No engine produced outputs that can be compared."
# the engine chosen before a run (quantgui.core.engine_choice): one sentence each
MESSAGE_ENGINE_CHOSEN_REFUSED = (
    "{engine} chosen for {technique} on {model}: {default} cannot apply it (FX graph mode "
    "cannot rewrite this model), and torch.export captures the model whole.")
MESSAGE_ENGINE_CHOSEN_FEW = (
    "{engine} chosen for {technique} on {model}: {default} would quantize only {quantized} of "
    "its {weighted} convolution and linear layers (FX cannot trace the rest), and torch.export "
    "captures the model whole.")
MESSAGE_ENGINE_KEPT_REFUSED = (
    "{default} is kept as chosen, but it cannot apply {technique} to {model} (FX graph mode "
    "cannot rewrite this model); {engine} can, as torch.export captures the model whole.")
MESSAGE_ENGINE_KEPT_FEW = (
    "{default} is kept as chosen, but it will quantize only {quantized} of the {weighted} "
    "convolution and linear layers of {model} with {technique}; {engine} captures the model "
    "whole with torch.export.")
MESSAGE_ENGINE_NO_OTHER_REFUSED = (
    "{default} cannot apply {technique} to {model} (FX graph mode cannot rewrite this model), "
    "and {engine} cannot take it either ({why}).")
MESSAGE_ENGINE_NO_OTHER_FEW = (
    "{default} will quantize only {quantized} of the {weighted} convolution and linear layers "
    "of {model} with {technique}, and {engine} cannot take it either ({why}).")
# a setting of the wrong type or out of range (quantgui.core.recipes), also inside a recipe file
MESSAGE_SETTING_BOOL = "The setting {name} must be true or false, not {value}."
MESSAGE_SETTING_BOOL_HINT = "Use true/false, yes/no or 1/0."
MESSAGE_SETTING_INT = "The setting {name} must be a whole number, not {value}."
MESSAGE_SETTING_INT_HINT = "Give an integer such as 3, without quotes or decimals."
MESSAGE_SETTING_FLOAT = "The setting {name} must be a finite number, not {value}."
MESSAGE_SETTING_FLOAT_HINT = "Give a number such as 0.001 (NaN and infinity are not allowed)."
MESSAGE_SETTING_TEXT = "The setting {name} must be text, not {value}."
MESSAGE_SETTING_TEXT_HINT = "Give it as text in quotes."
MESSAGE_SETTING_LIST = "The setting {name} must be a list of names, not {value}."
MESSAGE_SETTING_LIST_HINT = "Give a list, e.g. [\"fc1\", \"fc2\"] (or [] for none)."
MESSAGE_SETTING_NUMBER = "The setting {name} must be a number, not {value}."
MESSAGE_SETTING_RANGE = "The setting {name}={value} is out of range."
MESSAGE_SETTING_RANGE_HINT = "Use a value from {low} to {high}."
MESSAGE_SETTING_UNKNOWN_CHOICE = "Unknown {name} {value}."
MESSAGE_SETTING_CHOOSE = "Choose one of: {choices}."
MESSAGE_SETTING_UNKNOWN = "Unknown setting(s) for {method}: {names}."
MESSAGE_SETTING_KNOWN = "Known settings: {names}."
MESSAGE_SETTING_UNKNOWN_METHOD = "Unknown method {value}."
MESSAGE_SETTING_NO_LAYER_TYPE = "Dynamic quantization needs at least one layer type."
MESSAGE_SETTING_SELECT_LINEAR = "Select Linear, for example."
MESSAGE_SETTING_LAYER_TYPE = "Dynamic quantization does not support layer type {value}."
MESSAGE_SETTING_CHOOSE_FROM = "Choose from: {choices}."
MESSAGE_SETTING_MODEL = ("The setting model must be text (a model file or folder, or "
                         "demo:NAME), not {value}.")
MESSAGE_SETTING_MODEL_HINT = "Give the model's path in quotes, or leave the setting out."
MESSAGE_SETTING_MODEL_ARGS = ("The setting model_args must be a JSON object of the model's "
                              "arguments, not {value}.")
MESSAGE_SETTING_MODEL_ARGS_HINT = ("Write the arguments as a JSON object of names and values, or "
                                   "leave the setting out.")
# a recipe file that cannot be used (quantgui.core.recipes.read_recipe_file): the command
# line's --recipe and the window's File > Open recipe
MESSAGE_RECIPE_MISSING = "The recipe {path} does not exist."
MESSAGE_RECIPE_MISSING_HINT = "Check the path and its spelling."
MESSAGE_RECIPE_FOLDER = "The recipe {path} is a folder, not a recipe file."
MESSAGE_RECIPE_NOT_REGULAR = ("The recipe {path} is not a regular file (a pipe, a device or a "
                              "socket).")
MESSAGE_RECIPE_UNREADABLE = "The recipe {path} cannot be read: {reason}."
MESSAGE_RECIPE_UNREADABLE_HINT = "Check the file and its permissions."
MESSAGE_RECIPE_TOO_LARGE = ("The recipe {path} is {size}, far more than a recipe (a small JSON "
                            "file of settings, at most {limit}).")
MESSAGE_RECIPE_EMPTY = "The recipe {path} is empty: it is not a JSON recipe."
MESSAGE_RECIPE_NOT_TEXT = ("{path} is not a JSON recipe: it is not UTF-8 text (byte {byte} at "
                           "position {position}).")
MESSAGE_RECIPE_NOT_JSON = ("{path} is not a JSON recipe: it is not valid JSON ({reason} at line "
                           "{line}, column {column}).")
MESSAGE_RECIPE_TOO_DEEP = ("{path} is not a usable recipe: its JSON nests too deeply (a recipe "
                           "is one flat object of settings).")
MESSAGE_RECIPE_NOT_OBJECT = "{path} is not a recipe: it is not a JSON object of settings."
MESSAGE_RECIPE_NO_METHOD = "{path} is not a recipe: it has no technique (\"method\")."
MESSAGE_RECIPE_CHOOSE = "Choose a file written by Save recipe… or by quantgui-cli --save-recipe."
MESSAGE_RECIPE_TWICE = "The recipe {path} gives {name} twice, so which value is meant is unclear."
MESSAGE_RECIPE_TWICE_HINT = "Keep one of the two."
MESSAGE_RECIPE_LONG_NUMBER = ("The recipe {path} cannot be used: the setting {name} holds a "
                              "number of {digits} digits.")
MESSAGE_RECIPE_NOT_FINITE = ("The recipe {path} cannot be used: the setting {name} holds "
                             "{value}, which is not a finite number.")
MESSAGE_RECIPE_NUMBER_HINT = "Give an ordinary number such as 3 or 0.001."
MESSAGE_RECIPE_INVALID = "The recipe {path} cannot be used. {reason}"
# a Hugging Face folder whose weights are a pickle holding more than tensors
# (quantgui.core.sources.huggingface)
MESSAGE_HF_PICKLE = ("The weights of the Hugging Face folder {folder}, {file}, are a pickle "
                     "that holds more than tensors ({found}): unpickling it can run any code it "
                     "contains, so it was not opened.")
MESSAGE_HF_PICKLE_HINT = ("Only if you trust where it came from, pass --trust to open it. Then "
                          "model.save_pretrained(folder) writes model.safetensors, which holds "
                          "tensors only and opens without asking.")
# how a latency reads (quantgui.core.timing): int8 against float, and the load it ran under
MESSAGE_SPEED_SLOWER = "{ratio:.2f}x slower than float"
MESSAGE_SPEED_FASTER = "{ratio:.2f}x faster than float"
MESSAGE_SPEED_SAME = "as fast as float"
MESSAGE_SLOWER_OVERHEAD = ("Below ~1 ms per call, the overhead of quantizing activations (and "
                           "dequantizing the outputs) dominates: the int8 kernels save less "
                           "time than the conversions cost.")
MESSAGE_SLOWER_KERNELS = ("The int8 kernels of this engine are no faster than float32 for these "
                          "layers on this CPU, and quantizing the activations costs time of "
                          "its own.")
MESSAGE_LOAD_WARNING = ("Measured while other programs used {percent}% of the CPU: latencies "
                        "are unreliable.")

MESSAGES: tuple[str, ...] = tuple(value for name, value in list(globals().items())
                                  if name.startswith("MESSAGE_"))

# ---- what an opened model and its data are (context "model") --------------------------------
# A model's description is its parts joined by "; " (the model; what it compares; notes;
# "data: ..."), each one of these templates filled: the window translates it part by part
# (quantgui.ui.i18n.tr_core). quantgui.core.sources and quantgui.core.datasets build them.
MODEL_HUGGING_FACE = "Hugging Face model {architecture} from {folder}/ with weights {weights}"
MODEL_COMPARES = "compares its {output}"
MODEL_IMAGES_ASSUMED = "{size}x{size} images assumed (the config has no image_size)"
MODEL_SEQUENCES = "sequences of {length} tokens"
MODEL_CONV1D = "its {count} Conv1D layers run as the Linear layers they are"
MODEL_FACTORY_WEIGHTS = "architecture by name: {name} with weights {weights}"
MODEL_FACTORY_RANDOM = ("architecture by name: {name} (random initialisation: no weights file "
                        "given (weights are never downloaded))")
MODEL_PYTHON = "Python class {name} from {file}"
MODEL_PYTHON_WEIGHTS = "Python class {name} from {file} with weights {weights}"
MODEL_PYTHON_RANDOM = "Python class {name} from {file} (random weights: no weights file given)"
MODEL_PICKLE = "pickled model {file} (trusted)"
MODEL_TORCHSCRIPT = "TorchScript model {file}"
MODEL_EXPORT = "torch.export program {file}"
MODEL_EXPORT_LAYERS = "{count} layer(s) recovered from its graph"
MODEL_DATA = "data: {data}"
MODEL_RANDOM_DATA = ("random data ({count} Gaussian samples of shape {shape}): good for "
                     "calibration only, no accuracy")
MODEL_RANDOM_INPUTS = ("random data ({count} samples of {inputs}): good for calibration only, "
                       "no accuracy")
MODEL_IMAGES = "images from {folder}/ ({classes} classes, {count} images of {shape})"
MODEL_CSV = "CSV {file} ({rows} rows, {features} features)"
MODEL_TENSORS = "{file} ({count} samples)"
MODEL_TEXTS = "{count} texts from {file}, tokenized ({inputs})"
MODEL_PARTS = "; "  # between the parts of a description

MODELS: tuple[str, ...] = tuple(value for name, value in list(globals().items())
                                if name.startswith("MODEL_") and name != "MODEL_PARTS")
