import os
import warnings

import pytest

# As in quantgui.app: OpenMP threads that busy-wait between torch's parallel regions starve the
# GUI thread on small machines. Must be set before torch is first imported.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

warnings.filterwarnings("ignore", category=DeprecationWarning)


@pytest.fixture(autouse=True)
def _restore_torch_globals():
    """Tests may change the thread count or quantized engine; put them back."""
    import torch

    threads, engine = torch.get_num_threads(), torch.backends.quantized.engine
    yield
    torch.set_num_threads(threads)
    torch.backends.quantized.engine = engine


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    """No test reads or writes the user's own history: each gets a fresh data folder."""
    monkeypatch.setenv("QUANTGUI_DATA_DIR", str(tmp_path_factory.mktemp("quantgui-data")))
