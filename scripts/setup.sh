#!/usr/bin/env bash
# Creates .venv (Python >= 3.11) and installs RRA Desk with its test tools. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
"$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "RRA Desk needs Python 3.11 or newer")'
[ -x .venv/bin/python ] || "$PY" -m venv .venv
stamp=.venv/.rra-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[dev]"
  touch "$stamp"
fi
