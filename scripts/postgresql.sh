#!/usr/bin/env bash
# PostgreSQL for the firm-store tests (tests/server/, and the server half of the store, services and
# command-line suites: tests/pg.py): they start a throwaway cluster of their own
# with initdb/pg_ctl from /usr/lib/postgresql/*/bin, as an unprivileged user, on a local socket.
# Installs the Debian packages when missing and this runs as root; otherwise says the server
# tests will be skipped. Never fails the run by itself.
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing PostgreSQL for the firm-store tests (apt-get install -y postgresql)..."
  if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1 \
     || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1; }; then
    exit 0
  fi
fi
echo "PostgreSQL is not installed and cannot be installed here (apt-get install -y postgresql as root):" \
     "the firm-store tests against a real server will be skipped."
