#!/usr/bin/env bash
# Creates .venv (Python >= 3.11) and installs RRA Desk with its test and build tools, at the exact
# versions (and hashes) of requirements.lock, the same set CI tests and the bundle ships. Safe to
# run again. After editing pyproject's dependencies, renew the lock:
#   .venv/bin/uv pip compile pyproject.toml --extra dev --extra build --universal \
#       --python-version 3.11 --generate-hashes --no-header -o requirements.lock
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
"$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "RRA Desk needs Python 3.11 or newer")'
[ -x .venv/bin/python ] || "$PY" -m venv .venv
stamp=.venv/.rra-installed
if [ ! -f "$stamp" ] || [ requirements.lock -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet --require-hashes -r requirements.lock
  .venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
  touch "$stamp"
fi
