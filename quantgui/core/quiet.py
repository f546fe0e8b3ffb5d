"""Third-party chatter that tells a QuantGUI user nothing, silenced once by the front ends (the
command line and the window) before the libraries are imported. Errors still show."""

from __future__ import annotations

import logging
import os

# torchao logs a warning for each CUDA-only extension it cannot load on a CPU build of torch,
# and torch's pytree one for each enum torchao registers: on every start, never actionable.
NOISY_LOGGERS = ("torchao", "torch.utils._pytree")


def quiet_third_party_output() -> None:
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
    # transformers draws a progress bar on stderr for each model it loads; QuantGUI reports
    # the loading stages itself (read when transformers is first imported)
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
