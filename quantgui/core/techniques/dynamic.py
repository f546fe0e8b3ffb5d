"""Dynamic quantization: int8 weights, activations quantized on the fly at each call."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quantgui.core.techniques.base import Technique

if TYPE_CHECKING:
    from quantgui.core.recipes import Recipe


def script_section(recipe: Recipe) -> tuple[str, str]:
    types = ", ".join(f"nn.{name}" for name in recipe.layer_types)
    dtype = "torch.qint8" if recipe.dtype == "int8" else "torch.float16"
    imports = "from torch.ao.quantization import quantize_dynamic\n"
    return imports, f'''def quantize(model: nn.Module, data) -> nn.Module:
    """Dynamic quantization: weights of these layer types are stored in {recipe.dtype}; the
    activations are quantized on the fly at each call, so no calibration is needed."""
    quantized = quantize_dynamic(copy.deepcopy(model), qconfig_spec={{{types}}}, dtype={dtype})
    for name in KEEP_FLOAT:  # put the untouched float layers back
        parent_name, _, child = name.rpartition(".")
        parent = quantized.get_submodule(parent_name) if parent_name else quantized
        setattr(parent, child, copy.deepcopy(model.get_submodule(name)))
    return quantized
'''


def _numeric_suite(original, result, _batch):  # noqa: ANN001, ANN202 - see Technique
    from quantgui.core import numeric_suite

    return numeric_suite.dynamic_errors(original, result.model)


TECHNIQUE = Technique(
    name="dynamic",
    title="Dynamic",
    summary=("Weights are stored in int8 ahead of time and activations are quantized on the "
             "fly at each call. It needs no calibration data and suits Linear and LSTM layers "
             "best."),
    recipe_path="quantgui.core.recipes:DynamicRecipe",
    torch_ao_path="quantgui.core.methods.dynamic:quantize",
    int8_note="int8 weights; activations quantized at run time",
    float_note="not a layer type selected for dynamic quantization",
    planning_recipe=lambda recipe: recipe,
    ranking_recipe=lambda recipe: recipe,
    script_section=script_section,
    script_needs_whole_graph=False,
    numeric_suite=_numeric_suite,
)
