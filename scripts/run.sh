#!/usr/bin/env bash
# Set everything up (the Python environment, then the system libraries Qt needs to open a window:
# installed where root or `sudo -n` allows, otherwise it stops with the command to run), then open
# the window with the default demo loaded. QT_QPA_PLATFORM=offscreen skips the system libraries.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --display
if [ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] \
   && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "QuantGUI: no display (DISPLAY and WAYLAND_DISPLAY are unset): the window cannot open." \
       "Run it in a desktop session, or with QT_QPA_PLATFORM=offscreen and --screenshot FILE." >&2
  exit 1
fi
exec .venv/bin/quantgui "$@"
