"""The Layers tab, in parts that each do one thing:

- ``rows``: the constants and one layer's row (``LayerRow``), pure data;
- ``plan``: the plan before a run (``LayerPlanner``: a dry run in a worker job, made again when
  the technique or its settings change);
- ``table``: the layers as a tree of the model's modules or a flat list, with the keep-float
  ticks (``LayerTable``);
- ``chart``: the SQNR of each quantized layer as bars (``SqnrChart``);
- ``detail``: the selected layer's weights against the int8 grid (``LayerDetail``);
- ``ranking``: the sensitivity ranking (``SensitivityView``);
- ``whatif``: the previous run next to this one (``PreviousRunBox``, shown in Comparison);
- ``panel``: ``LayersPanel``, which composes them and observes the window's state.
"""

from quantgui.ui.layers.panel import LayersPanel
from quantgui.ui.layers.rows import NAME_ROLE, SORT_ROLE, WORST_DB

__all__ = ["NAME_ROLE", "SORT_ROLE", "WORST_DB", "LayersPanel"]
