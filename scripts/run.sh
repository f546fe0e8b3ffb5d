#!/usr/bin/env bash
# Set everything up, then open the window with the default demo loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
exec .venv/bin/quantgui "$@"
