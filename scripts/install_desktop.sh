#!/usr/bin/env bash
# Linux desktop integration for the current user: the menu entry, the application icon in every
# size, and the .rradeal file type (by name and by the SQLite application id), so a deal opens
# from the file manager in RRA Desk (in the running window, if one is open).
#   bash scripts/install_desktop.sh [PREFIX]      default PREFIX: ~/.local/share
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-${XDG_DATA_HOME:-$HOME/.local/share}}
mkdir -p "$prefix/applications" "$prefix/mime/packages"
for px in 16 32 48 64 128 256 512; do
  mkdir -p "$prefix/icons/hicolor/${px}x${px}/apps" "$prefix/icons/hicolor/${px}x${px}/mimetypes"
  cp "resources/icons/rra-desk-$px.png" "$prefix/icons/hicolor/${px}x${px}/apps/rra-desk.png"
  cp "resources/icons/rra-desk-$px.png" "$prefix/icons/hicolor/${px}x${px}/mimetypes/application-x-rradeal.png"
done
cp packaging/linux/rra-desk.desktop "$prefix/applications/rra-desk.desktop"
cp packaging/linux/rra-desk-mime.xml "$prefix/mime/packages/rra-desk.xml"
if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$prefix/mime"; fi
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database "$prefix/applications"; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t "$prefix/icons/hicolor" || true; fi
command -v rra-desktop >/dev/null 2>&1 || echo "note: put rra-desktop on PATH (e.g. .venv/bin) for the menu entry" >&2
echo "Installed the RRA Desk menu entry, icon and .rradeal file type under $prefix"
