"""Third-party chatter that tells a QuantGUI user nothing, silenced once by the front ends (the
command line and the window) before the libraries are imported. Errors still show."""

from __future__ import annotations

import logging
import os
import warnings

# torchao logs a warning for each CUDA-only extension it cannot load on a CPU build of torch,
# and torch's pytree one for each enum torchao registers: on every start, never actionable.
NOISY_LOGGERS = ("torchao", "torch.utils._pytree")

# torch's own warnings about torch's own code, by their exact words (anything else still shows):
# - torch.load of a quantized tensor (loading a saved int8 state_dict back to check it) reads
#   the tensor's storage through the deprecated TypedStorage in torch._utils._rebuild_qtensor;
# - torch.ao's default observers pass reduce_range, which torch says it will deprecate.
# A filter around the code that calls them is not enough: warnings.catch_warnings changes one
# list for the whole process, so a worker thread (a run, the FX warm-up at start) showed them
# whenever another thread's catch_warnings ended first. The front ends silence them once here.
NOISY_WARNINGS = (
    (UserWarning, r"TypedStorage is deprecated"),
    (UserWarning, r"Please use quant_min and quant_max to specify the range for observers"),
)


def quiet_third_party_output() -> None:
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
    for category, message in NOISY_WARNINGS:
        warnings.filterwarnings("ignore", message=message, category=category)
    # transformers draws a progress bar on stderr for each model it loads; QuantGUI reports
    # the loading stages itself (read when transformers is first imported)
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
