#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# pressdx set-up in one command, on a fresh Debian or Ubuntu machine.
#
#   ./bootstrap.sh examples   install what is missing, build, score the bundled examples
#   ./bootstrap.sh test       install what is missing, build, run the whole test suite
#
# Packages are installed with apt-get only when missing (as root, or through sudo).
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(build-essential meson ninja-build pkg-config python3
          libxml2-dev libcsv-dev libutf8proc-dev libjson-c-dev nettle-dev libzip-dev libxlsxwriter-dev
          libsqlite3-dev scdoc
          libcmocka-dev)
# what only the tests need: openpyxl reads back every workbook pressdx writes; zsh runs
# the zsh completion's test (tests/completion); gettext's xgettext and msgfmt check the
# Vietnamese catalogue po/vi.po (tests/readme/check-po.py)
TEST_PACKAGES=(python3-openpyxl zsh gettext)
BUILD=${BUILD:-build}

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Cài đặt (installing): ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Cần quyền root: apt-get install -y ${missing[*]}" >&2; exit 2; }
    sudo=sudo
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
}

build() {
  if [ ! -f "$BUILD/build.ninja" ]; then
    meson setup "$BUILD" >/dev/null
  fi
  meson compile -C "$BUILD" >/dev/null
}

case "${1:-}" in
  examples)
    install_missing
    build
    set +e
    "$BUILD/cli/pressdx" score examples/hai-phong-2025-*.csv
    rc=$?
    set -e
    echo
    echo "(pressdx score exit status $rc: 0 = no errors, 1 = some agency has answer errors — the" \
         "example file hai-phong-2025-loi.csv has them on purpose)"
    [ "$rc" -le 1 ]
    ;;
  test)
    PACKAGES+=("${TEST_PACKAGES[@]}")
    install_missing
    build
    meson test -C "$BUILD" --print-errorlogs
    ;;
  *)
    sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
