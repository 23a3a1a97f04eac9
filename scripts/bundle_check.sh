#!/usr/bin/env bash
# Builds the PyInstaller bundle (build.spec) and proves it starts: the window opens and quits
# (--quit-after-show, offscreen), and the command line makes the sample deal, lists its deadlines
# and writes a notice batch and a report. Exits non-zero if the build fails, the bundle cannot
# start, or it carries a test-only package. Prints the build and start times.
#   bash scripts/bundle_check.sh            build, then check
#   bash scripts/bundle_check.sh --no-build check the bundle already in dist/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/qt_system_libs.sh offscreen || exit 3
dist="dist/RRA Desk"
if [ "${1:-}" != "--no-build" ]; then
  start=$(date +%s)
  rm -rf "build/RRA Desk" "$dist"
  .venv/bin/pyinstaller --noconfirm --log-level ERROR build.spec
  echo "bundle: built in $(( $(date +%s) - start )) s, $(du -sm "$dist" | cut -f1) MB"
fi
fail() { echo "bundle check FAILED: $*" >&2; exit 1; }
[ -x "$dist/RRA Desk" ] && [ -x "$dist/rra-desktop" ] || fail "no executables in $dist"
for module in QtCore QtGui QtWidgets QtPdf QtPdfWidgets QtPrintSupport QtNetwork; do
  ls "$dist/_internal/PySide6/$module".* >/dev/null 2>&1 || fail "PySide6.$module is not in the bundle"
done
for unwanted in hypothesis _pytest holidays vobject PySide6/QtWebEngineCore.abi3.so PySide6/QtQml.abi3.so; do
  [ ! -e "$dist/_internal/$unwanted" ] || fail "$unwanted is in the bundle"
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# a home of its own: the first start makes the sample copy and settings there, not in the user's
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state"
export XDG_CACHE_HOME="$work/cache" QT_QPA_PLATFORM=offscreen
unset PYTHONPATH PYTHONHOME
run() { timeout 120 "$@" || fail "$* (exit $?)"; }
shown=$(run "$dist/RRA Desk" --quit-after-show --settings "$work/first.ini")
echo "bundle: first start, sample copy: $shown"
[[ "$shown" == shown* ]] || fail "the window did not show"
run "$dist/rra-desktop" --version
run "$dist/rra-desktop" new --sample "$work/deal.rradeal" >/dev/null
shown=$(run "$dist/RRA Desk" --quit-after-show --settings "$work/again.ini" "$work/deal.rradeal")
echo "bundle: start on a deal file: $shown"
[[ "$shown" == *"9 rows"* ]] || fail "the sample deal's Holders are not shown"
run "$dist/rra-desktop" deadlines "$work/deal.rradeal" --as-of 2003-07-01 >"$work/deadlines.txt"
grep -q "3(a)" "$work/deadlines.txt" || fail "deadlines: no 3(a) deadline listed"
run "$dist/rra-desktop" notice advice "$work/deal.rradeal" --all --sent-at 2003-07-16T11:00 --no-log \
  -o "$work/letters" >/dev/null
[ "$(ls "$work/letters"/*.pdf | wc -l)" -eq 10 ] || fail "notice: expected 9 letters and the combined PDF"
run "$dist/rra-desktop" notice sec-review "$work/deal.rradeal" --event no-review --on 2003-06-16 --all \
  --no-log --docx -o "$work/docx" >/dev/null
[ "$(ls "$work/docx"/*.docx | wc -l)" -eq 9 ] || fail "notice --docx: expected 9 letters"
run "$dist/rra-desktop" report register "$work/deal.rradeal" --as-of 2004-06-30 -o "$work/register.pdf" >/dev/null
head -c 4 "$work/register.pdf" | grep -q "%PDF" || fail "report register"
run "$dist/rra-desktop" calendar "$work/deal.rradeal" -o "$work/deal.ics" >/dev/null
echo "bundle check: ok (window, deadlines, notice PDF and .docx, report, calendar)"
