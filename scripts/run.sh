#!/usr/bin/env bash
# Sets up RRA Desk and opens it (on the bundled sample deal the first time; on FILE if given).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -z "${QT_QPA_PLATFORM:-}" ] || [ "${QT_QPA_PLATFORM}" = xcb ]; then
  bash scripts/qt_system_libs.sh xcb || exit 3
fi
exec .venv/bin/rra-desktop "$@"
