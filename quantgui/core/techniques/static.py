"""Post-training static quantization: weights and activations int8, ranges calibrated."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quantgui.core.techniques.base import Technique

if TYPE_CHECKING:
    from quantgui.core.recipes import Recipe

_STATIC_QCONFIG = '''def qconfig_mapping() -> QConfigMapping:
    """int8 settings per layer: the backend's defaults, our observers, softmax kept float
    (FX's fixed-range int8 softmax clamps its input scores to [0, 1) and ruins attention)."""
    activation = {observer}.with_args(dtype=torch.quint8, reduce_range={reduce_range})
    weight = {weight_observer}.with_args(dtype=torch.qint8, qscheme={qscheme})
    mapping = get_default_qconfig_mapping(BACKEND).set_global(QConfig(activation, weight))
    for softmax in (nn.Softmax, F.softmax, torch.softmax):
        mapping.set_object_type(softmax, None)
    for name in KEEP_FLOAT:
        mapping.set_module_name(name, None)
    return mapping
'''


def script_section(recipe: Recipe) -> tuple[str, str]:
    observer = {"minmax": "MinMaxObserver", "moving_average_minmax":
                "MovingAverageMinMaxObserver", "histogram": "HistogramObserver"}[
                    recipe.observer]
    weight_observer = "PerChannelMinMaxObserver" if recipe.per_channel else "MinMaxObserver"
    qscheme = ("torch.per_channel_symmetric" if recipe.per_channel
               else "torch.per_tensor_symmetric")
    imports = ("from torch.ao.quantization import QConfig, QConfigMapping, "
               "get_default_qconfig_mapping\n"
               "from torch.ao.quantization.observer import (HistogramObserver, "
               "MinMaxObserver,\n    MovingAverageMinMaxObserver, "
               "PerChannelMinMaxObserver)\n"
               "from torch.ao.quantization.quantize_fx import convert_fx, prepare_fx\n")
    return imports, _STATIC_QCONFIG.format(
        observer=observer, reduce_range=recipe.effective_reduce_range,
        weight_observer=weight_observer, qscheme=qscheme) + f'''

def quantize(model: nn.Module, data) -> nn.Module:
    """Static quantization in FX graph mode: FX traces the model, fuses Conv-BN-ReLU and
    inserts the quantize/dequantize stubs itself (so no QuantStub is needed), observers learn
    activation ranges from calibration batches, then convert swaps in int8 layers."""
    train_inputs = data[0]
    batches = [train_inputs[i:i + BATCH_SIZE]
               for i in range(0, len(train_inputs), BATCH_SIZE)][:{recipe.calibration_batches}]
    prepared = prepare_fx(copy.deepcopy(model).eval(), qconfig_mapping(), (batches[0],))
    with torch.no_grad():
        for batch in batches:  # calibration: run data through, observers record ranges
            prepared(batch)
    return convert_fx(prepared)
'''


def planning_recipe(recipe: Recipe) -> Recipe:
    """One calibration batch and MinMax observers decide the same layers, quicker."""
    return recipe.replace(observer="minmax", calibration_batches=1)


def _numeric_suite(original, result, batch):  # noqa: ANN001, ANN202 - see Technique
    from quantgui.core import numeric_suite

    if result.observed_model is None:  # FX converted the model in parts
        return {}
    return numeric_suite.fx_errors(result.observed_model, result.model, batch)


TECHNIQUE = Technique(
    name="static",
    title="Static",
    summary=("Weights and activations are both int8, with activation ranges learned by running "
             "calibration data through the model. It gives the largest speed-up on "
             "convolutional networks."),
    recipe_path="quantgui.core.recipes:StaticRecipe",
    torch_ao_path="quantgui.core.methods.static:quantize",
    int8_note="int8 weights and activations",
    float_note="no int8 kernel for {type} in static quantization; kept float",
    planning_recipe=planning_recipe,
    ranking_recipe=lambda recipe: recipe,
    script_section=script_section,
    calibrates=True,
    converts_convolutions=True,
    numeric_suite=_numeric_suite,
)
