#!/usr/bin/env bash
# Sets up RRA Desk and runs the whole test suite headless (Qt offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/qt_system_libs.sh offscreen || exit 3
bash scripts/postgresql.sh  # the firm-store tests run against a real PostgreSQL when it is installable
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
