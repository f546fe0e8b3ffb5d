#!/usr/bin/env bash
# Set everything up, then run the whole test suite (offscreen Qt) and the linters.
# Arguments go to pytest: ./scripts/test.sh -m "not slow" is the quick loop after a change.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check quantgui tests tools bench
.venv/bin/lint-imports
# pytest exits 5 when it collects no tests; that must fail too, and it does with set -e.
.venv/bin/python -m pytest -q "$@"
