#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The HTML reports in Debian's chromium (CI step "browser"; see check.mjs).
#
#   tests/browser/run.sh [BUILD]     BUILD: the build folder (default build)
#
# Installs what is missing: chromium, node and a Java runtime from Debian, puppeteer-core
# and the Nu HTML checker (vnu-jar) from npm into ${XDG_CACHE_HOME:-~/.cache}/pressdx-browser
# (never a browser download: it drives /usr/bin/chromium). Pages, screenshots and PDFs
# are kept in BUILD/browser/.
#
# Every report page (score, rank, publication, summary, gap, diff, targets, and a score
# page of hostile names) must pass the Nu checker with no error and no warning.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
need() { command -v "$1" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2"; }; }
need chromium chromium
need node nodejs
need npm npm
need java default-jre-headless
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/pressdx-browser
if [ ! -f "$CACHE/node_modules/puppeteer-core/package.json" ] ||
  [ ! -f "$CACHE/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
  mkdir -p "$CACHE"
  PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --prefix "$CACHE" \
    puppeteer-core@24 vnu-jar@26 >&2
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

# the other pages, for the Nu checker only
"$P" summary --by province --format html -o "$OUT/summary.html" examples/hai-phong-2025-bao.csv \
  examples/tay-ninh-2025.csv 2>/dev/null
"$P" gap --format html -o "$OUT/gap.html" examples/hai-phong-2025-bao.csv 2>/dev/null
rc=0
"$P" diff --format html -o "$OUT/diff.html" examples/hai-phong-2024.csv \
  examples/hai-phong-2025-bao.csv 2>/dev/null || rc=$?
[ "$rc" -eq 1 ] || { echo "pressdx diff exited $rc (1 expected: the years differ)" >&2; exit 1; }
"$P" targets --plan hai-phong --format html -o "$OUT/targets.html" \
  examples/hai-phong-2025-bao.csv examples/hai-phong-2025-dai-tapchi.csv 2>/dev/null
# markup, quotes, an ampersand and a control character in what agencies write
sed -e 's/^HP01,Báo Cảng Xanh (mẫu),/HP01,"<script>alert(1)<\/script> \& ""Báo"" <b>\x01",/' \
  -e 's/,Thành ủy Hải Phòng,/,<img src=x onerror=alert(2)>,/' \
  examples/hai-phong-2025-bao.csv >"$OUT/hostile.csv"
"$P" score --format html -o "$OUT/hostile.html" "$OUT/hostile.csv" 2>/dev/null
grep -q '&lt;script&gt;' "$OUT/hostile.html" || { echo "hostile.html: the name is not there, escaped" >&2; exit 1; }
# --Werror counts its "info" notes too: the one it gives is the "/>" that libxml2's
# writer puts on void elements (<meta/>), valid HTML; that note alone is filtered out
java -jar "$CACHE/node_modules/vnu-jar/build/dist/vnu.jar" --Werror --format gnu \
  --filterpattern '.*Trailing slash on void elements.*' "$OUT"/*.html

PRESSDX_NODE_MODULES="$CACHE/node_modules" node tests/browser/check.mjs "$OUT"
