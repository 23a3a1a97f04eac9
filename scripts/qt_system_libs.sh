#!/usr/bin/env bash
# Qt's platform plugins need system libraries that pip does not bring. Finds which are missing
# and installs them when this user may (root with apt-get), or says exactly what to install.
# Usage: qt_system_libs.sh [xcb|offscreen]
set -uo pipefail
platform=${1:-xcb}
common=(libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libxkbcommon0)
xcb=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
     libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1)
want=("${common[@]}")
[ "$platform" = xcb ] && want+=("${xcb[@]}")
command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian/Ubuntu: nothing we can check
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing the system libraries Qt needs: ${missing[*]}" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null && exit 0
fi
echo "Qt needs these system libraries, which are not installed:" >&2
echo "  sudo apt-get install ${missing[*]}" >&2
exit 3
