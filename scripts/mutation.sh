#!/usr/bin/env bash
# Mutation testing of the rules engine: mutmut changes rra_desktop/domain one operator, constant or
# string at a time and runs the domain tests that cover the changed line; a mutant no test kills
# is a rule no test guards. Prints the score (killed + timed out, over all mutants) and, with
# --survivors, the surviving mutants by function. Over an hour on two cores (a full run was not
# timed on a quiet machine: each mutant runs every domain test that reaches its function).
#   bash scripts/mutation.sh [--survivors]   (the configuration is [tool.mutmut] in pyproject.toml)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
rm -rf mutants
export QT_QPA_PLATFORM=offscreen PYTHONPATH=$PWD
.venv/bin/mutmut run --max-children "$(nproc)" > mutants.log 2>&1 || { tail -n 20 mutants.log; exit 1; }
.venv/bin/mutmut export-cicd-stats > /dev/null
.venv/bin/python - <<'PY'
import json
s = json.load(open("mutants/mutmut-cicd-stats.json"))
caught = s["killed"] + s["timeout"] + s["segfault"]
print(f"mutants: {s['total']}, killed {s['killed']}, timed out {s['timeout']}, survived {s['survived']}, "
      f"no test covers {s['no_tests']}")
print(f"mutation score of rra_desktop/domain: {caught / s['total']:.1%} ({caught}/{s['total']} caught)")
PY
if [ "${1:-}" = "--survivors" ]; then
  .venv/bin/mutmut results | grep -E 'survived|no tests' | sed -E 's/__mutmut_[0-9]+:.*//; s/^ +//' | sort | uniq -c | sort -rn
fi
