#!/usr/bin/env bash
# One short, prepared check on a machine with an NVIDIA GPU: QAT with device cuda, end to end,
# through the same command line users run. Needs only torch, numpy and tqdm on that machine.
#   OUT=/tmp/out tools/gpu_check.sh
set -uo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH=$PWD PYTHONUNBUFFERED=1
OUT=${OUT:-/tmp/quantgui-gpu}
mkdir -p "$OUT"
nvidia-smi -L
python3 -c "import torch; print('torch', torch.__version__, 'cuda', torch.cuda.is_available(), torch.cuda.get_device_name() if torch.cuda.is_available() else '')"
# The seed's pitfall, for the record: converting a QAT model on CUDA fails.
python3 - <<'PY'
import copy, warnings, torch
warnings.simplefilter("ignore")
from torch.ao.quantization import get_default_qat_qconfig_mapping
from torch.ao.quantization.quantize_fx import convert_fx, prepare_qat_fx
model = torch.nn.Sequential(torch.nn.Linear(10, 2))
x = torch.randn(4, 10)
prepared = prepare_qat_fx(model.train(), get_default_qat_qconfig_mapping("x86"), (x,)).cuda()
prepared(x.cuda())
try:
    convert_fx(copy.deepcopy(prepared).eval())
    print("seed pitfall: convert on cuda worked")
except Exception as error:
    print("seed pitfall reproduced: convert on cuda ->", type(error).__name__, str(error)[:120])
PY
status=0
for demo in digits-cnn digits-transformer; do
  python3 -m quantgui.cli quantize --model "demo:$demo" --method qat --device cuda --epochs 2 \
    --no-progress --report "$OUT/qat-cuda-$demo.json" | head -12 || status=1
done
exit $status
