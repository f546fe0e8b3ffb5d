#!/usr/bin/env bash
# Create .venv with the CPU build of torch first (an unpinned torch would pull a CUDA build of
# several GB), then QuantGUI and its test tools. Safe to run again.
#
# pip runs only when something changed: a complete install leaves a record in .venv (the torch
# pin, the extras, the checkout's path and pyproject.toml itself); while that record matches and
# QuantGUI, torch, PySide6, pyqtgraph and numpy import from .venv, nothing is installed and no
# network is needed. When an install is due and fails (no package index: a classroom, a train)
# but .venv is still usable, it says so in one line and goes on with what is installed; without
# a usable .venv it fails. pip's output goes to .venv/quantgui-setup.log.
#
#   ./scripts/setup.sh                 the Python environment only: enough for the offscreen tests
#                                      (scripts/test.sh, .ci/run); never needs root
#   ./scripts/setup.sh --display       the Python environment, then the system libraries Qt needs
#                                      to open a window on X11 (what ./scripts/run.sh uses)
#   ./scripts/setup.sh --display-libs  only the system libraries: installed with apt-get as root
#                                      or with `sudo -n`; otherwise it stops with the command to run
#   ./scripts/setup.sh --check-display installs nothing: prints the missing system packages, one a
#                                      line, and exits with 1 when there are any
#   ./scripts/setup.sh --stamp         installs nothing: prints the record a complete .venv has
#                                      for this checkout (QUANTGUI_SETUP_STAMP: where the record
#                                      is kept, default .venv/quantgui-setup.stamp)
#
# The libraries are found as the dynamic linker finds them: `ldd` on PySide6's xcb platform
# plugin and the Qt libraries it loads (QUANTGUI_QT_PYTHON: the Python whose PySide6 is checked,
# default .venv/bin/python). Package names are Debian's and Ubuntu's.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
MODE=${1:-}

TORCH=torch==2.13.0
EXTRAS=test
STAMP=${QUANTGUI_SETUP_STAMP:-.venv/quantgui-setup.stamp}
LOG=${STAMP%.stamp}.log

expected_stamp() {  # what .venv was installed for; any change means installing again
  printf '%s\n' "QuantGUI's .venv was installed for:" "$TORCH" "extras: $EXTRAS" \
    "checkout: $(pwd -P)" "pyproject.toml:"
  cat pyproject.toml
}

usable_environment() {  # QuantGUI and the libraries it starts with import from .venv
  # -I: not from the current folder (the checkout's own quantgui/ would always be found)
  [ -x .venv/bin/python ] && .venv/bin/python -I -c 'import importlib.util, sys
sys.exit(any(importlib.util.find_spec(name) is None
             for name in ("quantgui", "torch", "PySide6", "pyqtgraph", "numpy")))' >/dev/null 2>&1
}

install_packages() {  # in a condition, where set -e does not apply: every step is chained
  local pip=(.venv/bin/python -m pip install --progress-bar off)
  "${pip[@]}" --upgrade pip && "${pip[@]}" "$TORCH" && "${pip[@]}" -e ".[$EXTRAS]"
}

python_environment() {
  if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$(expected_stamp)" ] && usable_environment; then
    return 0
  fi
  if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
  fi
  mkdir -p "$(dirname "$STAMP")"
  if usable_environment; then
    echo "QuantGUI: updating .venv with pip (it has no record of this pyproject.toml and" \
         "$TORCH)…" >&2
  else
    echo "QuantGUI: installing $TORCH (the CPU build), then QuantGUI and its test tools into" \
         ".venv with pip (once; a few minutes)…" >&2
  fi
  if install_packages >"$LOG" 2>&1; then
    expected_stamp >"$STAMP.new" && mv -f "$STAMP.new" "$STAMP"
    return 0
  fi
  local why
  why=$(grep -E '^ERROR:' "$LOG" | tail -n 1 | cut -c 1-160) || true
  if usable_environment; then
    echo "QuantGUI: pip could not update .venv (${why:-see $LOG}); going on with what is" \
         "installed. Run ./scripts/setup.sh again when a package index is reachable." >&2
    return 0
  fi
  tail -n 20 "$LOG" >&2
  echo "QuantGUI: installing into .venv failed and .venv is not usable (pip's output:" \
       "$LOG). Check the network or the package index, then run ./scripts/setup.sh again." >&2
  return 1
}

qt_dir() {  # PySide6's Qt folder, without importing Qt itself
  "${QUANTGUI_QT_PYTHON:-.venv/bin/python}" -c 'import importlib.util, os
spec = importlib.util.find_spec("PySide6")
print(os.path.join(list(spec.submodule_search_locations)[0], "Qt"))'
}

debian_package() {  # the Debian package of a library: libxcb-icccm.so.4 -> libxcb-icccm4
  local soname=$1 name version
  case $soname in
    libglib-2.0.so.*|libgthread-2.0.so.*|libgobject-2.0.so.*|libgio-2.0.so.*)
      echo libglib2.0-0; return ;;
    libGLdispatch.so.*) echo libglvnd0; return ;;
    libgcc_s.so.*) echo libgcc-s1; return ;;
    libz.so.*) echo zlib1g; return ;;
  esac
  name=${soname%%.so*}
  version=${soname#*.so.}
  version=${version%%.*}
  name=$(printf '%s' "$name" | tr 'A-Z_' 'a-z-')
  case $name in *[0-9]) name="$name-" ;; esac  # libdbus-1.so.3 -> libdbus-1-3
  echo "$name$version"
}

missing_libraries() {  # the libraries Qt's xcb plugin needs that the dynamic linker cannot find
  local qt files=() file
  qt=$(qt_dir) || { echo "QuantGUI: PySide6 is not installed; run ./scripts/setup.sh" >&2; return 2; }
  [ -e "$qt/plugins/platforms/libqxcb.so" ] || return 0  # no xcb plugin (not Linux): no check
  for file in "$qt/plugins/platforms/libqxcb.so" "$qt"/lib/libQt6XcbQpa.so.* \
              "$qt"/lib/libQt6Gui.so.* "$qt"/lib/libQt6Widgets.so.* "$qt"/lib/libQt6DBus.so.* \
              "$qt"/lib/libQt6Core.so.* "$qt"/plugins/xcbglintegrations/*.so; do
    [ -e "$file" ] && files+=("$file")
  done
  { ldd "${files[@]}" 2>/dev/null || true; } \
    | awk '$2 == "=>" && $3 == "not" && $4 == "found" { print $1 }' | sort -u
}

has_fonts() {  # Qt ships no fonts: without any, every label is blank
  local dir
  for dir in /usr/share/fonts /usr/local/share/fonts "${HOME:-/nonexistent}/.local/share/fonts" \
             "${HOME:-/nonexistent}/.fonts"; do
    [ -d "$dir" ] || continue
    # -quit, not "| grep -q .": under pipefail grep's early exit could fail find with SIGPIPE
    # and a machine with fonts was sometimes said to have none
    if [ -n "$(find "$dir" -type f \( -name '*.ttf' -o -name '*.otf' -o -name '*.ttc' \
                -o -name '*.pfb' -o -name '*.pcf.gz' \) -print -quit 2>/dev/null)" ]; then
      return 0
    fi
  done
  return 1
}

missing_packages() {  # one package a line, sorted; nothing when the window can open
  local libraries soname
  libraries=$(missing_libraries) || return $?
  {
    for soname in $libraries; do debian_package "$soname"; done
    has_fonts || echo fonts-dejavu-core
  } | sort -u
}

check_display() {
  local packages
  [ "$(uname -s)" = Linux ] || return 0
  packages=$(missing_packages) || exit 2
  if [ -n "$packages" ]; then
    echo "QuantGUI: Qt's xcb platform plugin needs these system packages:" $packages >&2
    echo "$packages"
    exit 1
  fi
}

display_libraries() {
  [ "$(uname -s)" = Linux ] || return 0
  case ${QT_QPA_PLATFORM:-} in offscreen*|minimal*|vnc*) return 0 ;; esac
  local packages list sudo=()
  packages=$(missing_packages) || exit 2
  [ -n "$packages" ] || return 0
  list=$(echo $packages)
  local command="sudo apt-get update && sudo apt-get install -y --no-install-recommends $list"
  echo "QuantGUI: the window needs system libraries that are missing: $list" >&2
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "QuantGUI: install the packages that provide these libraries with your system's" \
         "package manager, then run this again:" $(missing_libraries) >&2
    exit 1
  fi
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
      sudo=(sudo -n)
    else
      echo "QuantGUI: installing them needs root. Run this, then ./scripts/run.sh again:" >&2
      echo "    $command" >&2
      exit 1
    fi
  fi
  echo "QuantGUI: installing them with apt-get…" >&2
  # shellcheck disable=SC2086 # one word per package
  if ! { ${sudo[@]+"${sudo[@]}"} apt-get update -qq &&
         ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive \
           apt-get install -y -qq --no-install-recommends $list >/dev/null; }; then
    echo "QuantGUI: apt-get could not install them. Run this, then ./scripts/run.sh again:" >&2
    echo "    $command" >&2
    exit 1
  fi
  packages=$(missing_packages) || exit 2
  if [ -n "$packages" ]; then
    echo "QuantGUI: still missing after apt-get:" $packages". Run this, then" \
         "./scripts/run.sh again:" >&2
    echo "    sudo apt-get install -y --no-install-recommends" $packages >&2
    exit 1
  fi
}

case $MODE in
  "") python_environment ;;
  --display) python_environment; display_libraries ;;
  --display-libs) display_libraries ;;
  --check-display) check_display ;;
  --stamp) expected_stamp ;;
  *) echo "usage: $0 [--display | --display-libs | --check-display | --stamp]" >&2; exit 2 ;;
esac
