#!/usr/bin/env bash
# LibreOffice Writer, headless, for the Word letters' page-count test
# (tests/reports/test_docx_layout.py: each .docx is converted to PDF with `soffice --headless`
# and its pages counted against the product's own PDF of the same letter) and for
# benchmarks/bench_letters.py (the .docx + LibreOffice route the letters are timed against).
# Installs the Debian package libreoffice-writer-nogui (no X11, no recommends: about 80 MB to
# download, 250 MB installed, about a minute on the 2-core CI machine) when soffice is missing
# and this runs as root; otherwise says so. Never fails the run by itself: under CI=true the
# test fails, rather than skips, when soffice is still missing.
if command -v soffice >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing LibreOffice Writer for the Word page-count test (apt-get install libreoffice-writer-nogui)..."
  install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null 2>&1; }
  if install || { apt-get update -qq >/dev/null 2>&1 && install; }; then
    exit 0
  fi
fi
echo "LibreOffice (soffice) is not installed and cannot be installed here" \
     "(apt-get install --no-install-recommends libreoffice-writer-nogui as root):" \
     "the Word page-count test will be skipped (it fails under CI=true)."
