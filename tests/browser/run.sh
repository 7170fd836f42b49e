#!/usr/bin/env bash
# The HTML reports in Debian's chromium (CI step "browser"; see check.mjs).
#
#   tests/browser/run.sh [BUILD]     BUILD: the build folder (default build)
#
# Installs what is missing: chromium and node from Debian, puppeteer-core from npm into
# ${XDG_CACHE_HOME:-~/.cache}/pressdx-browser (never a browser download: it drives
# /usr/bin/chromium). Pages, screenshots and PDFs are kept in BUILD/browser/.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
need() { command -v "$1" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2"; }; }
need chromium chromium
need node nodejs
need npm npm
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/pressdx-browser
if [ ! -f "$CACHE/node_modules/puppeteer-core/package.json" ]; then
  mkdir -p "$CACHE"
  PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --prefix "$CACHE" puppeteer-core@24 >&2
fi
OUT=$BUILD/browser
rm -rf "$OUT"
mkdir -p "$OUT"
P=$BUILD/cli/pressdx
rc=0
"$P" score --format html -o "$OUT/score.html" examples/hai-phong-2025-bao.csv \
  examples/hai-phong-2025-loi.csv 2>/dev/null || rc=$?
[ "$rc" -eq 1 ] || { echo "pressdx score exited $rc (1 expected: HP06 has errors)" >&2; exit 1; }
"$P" rank --publication --format html -o "$OUT/publication.html" examples/hai-phong-2025-bao.csv \
  2>/dev/null
"$P" rank --format html -o "$OUT/rank.html" examples/hai-phong-2025-bao.csv 2>/dev/null
PRESSDX_NODE_MODULES="$CACHE/node_modules" node tests/browser/check.mjs "$OUT"
