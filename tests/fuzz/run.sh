#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets of pressdx and runs each one for a bounded time.
#
#   tests/fuzz/run.sh [TARGET...]      TARGET: rubric plan answers value score workbook table (default all)
#
# Environment:
#   FUZZ_SECONDS  seconds per target (default 60)
#   FUZZ_JOBS     targets run at the same time (default 2, at most the number of CPUs)
#   FUZZ_BUILD    build folder (default build-fuzz, set up with clang when missing)
#   FUZZ_WORKDIR  where new inputs, logs and crash artifacts go (default: a new temporary
#                 folder, removed after a clean run, kept when something was found)
#   FUZZ_KEEP=1   keep the work folder after a clean run too
#   FUZZ_IGNORE   named checks to skip (comma-separated; see README.md), for local runs
#   FUZZ_SEED_REGRESSIONS=0  do not seed from tests/fuzz/regressions/ (libFuzzer stops
#                 at start on a regression that is not fixed yet); for local runs
#
# Clang, libFuzzer's runtime (libclang-rt-<version>-dev) and the build dependencies are
# installed with apt-get when missing (as root, or through sudo). Inputs that fuzzing
# finds go to the work folder, never to the committed corpus (tests/fuzz/corpus/).
#
# Exit status: 0 when no target found anything; 1 on any crash, leak, timeout, out of
# memory or failed check, with the reproducer's path printed; 2 on a set-up error.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
FUZZ_DIR=$ROOT/tests/fuzz
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
BUILD=${FUZZ_BUILD:-build-fuzz}
ALL_TARGETS=(rubric plan answers value score workbook table)

# dictionary and largest input per target
declare -A DICT=([rubric]=xml.dict [plan]=xml.dict [answers]=csv.dict [value]=csv.dict
                 [score]=csv.dict [workbook]=xml.dict [table]=csv.dict)
declare -A MAX_LEN=([rubric]=32768 [plan]=16384 [answers]=16384 [value]=512 [score]=8192
                    [workbook]=65536 [table]=16384)

die() { echo "run.sh: $*" >&2; exit 2; }

TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=("${ALL_TARGETS[@]}")
for t in "${TARGETS[@]}"; do
  [ -n "${DICT[$t]:-}" ] || die "unknown target '$t' (targets: ${ALL_TARGETS[*]})"
done
[[ "$SECONDS_PER_TARGET" =~ ^[0-9]+$ ]] && [ "$SECONDS_PER_TARGET" -gt 0 ] ||
  die "FUZZ_SECONDS must be a positive number of seconds"
CPUS=$(nproc 2>/dev/null || echo 1)
JOBS=${FUZZ_JOBS:-2}
[[ "$JOBS" =~ ^[0-9]+$ ]] && [ "$JOBS" -gt 0 ] || die "FUZZ_JOBS must be a positive number"
[ "$JOBS" -le "$CPUS" ] || JOBS=$CPUS
[ "$JOBS" -le "${#TARGETS[@]}" ] || JOBS=${#TARGETS[@]}

# ---- tools: install what is missing -----------------------------------------------

apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "needs root to install: apt-get install -y $*"
    sudo=sudo
  fi
  echo "Cài đặt (installing): $*"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

PACKAGES=(clang meson ninja-build pkg-config python3 libxml2-dev libcsv-dev libutf8proc-dev
          libjson-c-dev nettle-dev libzip-dev libxlsxwriter-dev libsqlite3-dev libcmocka-dev)
missing=()
for p in "${PACKAGES[@]}"; do installed "$p" || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"

# libFuzzer ships in compiler-rt, a separate package from clang on Debian
probe_libfuzzer() {
  local dir rc
  dir=$(mktemp -d)
  printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
    'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }' \
    >"$dir/probe.c"
  rc=0
  clang -fsanitize=fuzzer,address,undefined "$dir/probe.c" -o "$dir/probe" >/dev/null 2>&1 || rc=1
  rm -rf "$dir"
  return $rc
}
if ! probe_libfuzzer; then
  major=$(clang -dumpversion | cut -d. -f1)
  apt_install "libclang-rt-$major-dev"
  probe_libfuzzer || die "clang cannot link -fsanitize=fuzzer even with libclang-rt-$major-dev"
fi

# ---- build ------------------------------------------------------------------------

if [ ! -f "$BUILD/build.ninja" ]; then
  echo "== meson setup $BUILD (clang, -Dfuzz=true)"
  CC=clang CXX=clang++ meson setup "$BUILD" -Dfuzz=true -Db_sanitize=address,undefined \
    -Db_lundef=false >"$BUILD.setup.log" 2>&1 || { cat "$BUILD.setup.log" >&2; die "meson setup failed"; }
  rm -f "$BUILD.setup.log"
else
  meson configure "$BUILD" -Dfuzz=true >/dev/null || die "meson configure $BUILD -Dfuzz=true failed"
fi
echo "== build: ${TARGETS[*]/#/fuzz_}"
log=$(mktemp)
if ! meson compile -C "$BUILD" "${TARGETS[@]/#/fuzz_}" >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  die "build failed"
fi
rm -f "$log"
BUILD_ABS=$(cd "$BUILD" && pwd)

# ---- run --------------------------------------------------------------------------

if [ -n "${FUZZ_WORKDIR:-}" ]; then
  WORK=$FUZZ_WORKDIR
  mkdir -p "$WORK"
  KEEP=1
else
  WORK=$(mktemp -d -t pressdx-fuzz.XXXXXX)
  KEEP=${FUZZ_KEEP:-0}
fi
WORK=$(cd "$WORK" && pwd)

# findings must stop the run and show where they happened
export ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

# inputs of past findings are seeds too: near them may be more
SEED_REGRESSIONS=("$FUZZ_DIR/regressions")
[ "${FUZZ_SEED_REGRESSIONS:-1}" != 0 ] || SEED_REGRESSIONS=()

run_target() {
  local t=$1 w=$WORK/$1
  mkdir -p "$w/new" "$w/artifacts"
  local rc=0
  "$BUILD_ABS/tests/fuzz/fuzz_$t" \
    -dict="$FUZZ_DIR/${DICT[$t]}" -max_len="${MAX_LEN[$t]}" \
    -timeout=10 -rss_limit_mb=2048 -max_total_time="$SECONDS_PER_TARGET" \
    -print_final_stats=1 -artifact_prefix="$w/artifacts/" \
    "$w/new" "$FUZZ_DIR/corpus/$t" "${SEED_REGRESSIONS[@]/%//$t}" >"$w/log" 2>&1 || rc=$?
  echo "$rc" >"$w/rc"
}

echo "== fuzzing ${#TARGETS[@]} target(s) for ${SECONDS_PER_TARGET} s each, $JOBS at a time; work folder $WORK"
running=0
for t in "${TARGETS[@]}"; do
  if [ "$running" -ge "$JOBS" ]; then
    wait -n || true
    running=$((running - 1))
  fi
  run_target "$t" &
  running=$((running + 1))
done
wait || true

# ---- report -----------------------------------------------------------------------

failed=0
printf '\n%-8s %-7s %12s %9s %7s %8s %9s\n' target result executions exec/s cov ft "new units"
for t in "${TARGETS[@]}"; do
  w=$WORK/$t
  rc=$(cat "$w/rc" 2>/dev/null || echo 99)
  last=$(grep -E '^#[0-9]+.*cov: ' "$w/log" | tail -n 1 || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$w/log" | tail -n 1)
  [ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$last")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$w/log" | tail -n 1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  new=$(sed -n 's/^stat::new_units_added: *//p' "$w/log" | tail -n 1)
  artifacts=$(find "$w/artifacts" -type f 2>/dev/null | sort)
  result=ok
  if [ "$rc" != 0 ] || [ -n "$artifacts" ]; then
    result=FOUND
    failed=1
  fi
  printf '%-8s %-7s %12s %9s %7s %8s %9s\n' "$t" "$result" "${execs:-?}" "${speed:-?}" \
    "${cov:-?}" "${ft:-?}" "${new:-?}"
done

for t in "${TARGETS[@]}"; do
  w=$WORK/$t
  rc=$(cat "$w/rc" 2>/dev/null || echo 99)
  artifacts=$(find "$w/artifacts" -type f 2>/dev/null | sort)
  [ "$rc" != 0 ] || [ -n "$artifacts" ] || continue
  echo
  echo "== fuzz_$t: FINDING (libFuzzer exit status $rc); end of its log ($w/log):"
  grep -vE '^#[0-9]+|^\s*NEW_FUNC|^"' "$w/log" | tail -n 60
  echo
  for a in $artifacts; do
    echo "reproducer: $a"
  done
  echo "replay it:  $BUILD_ABS/tests/fuzz/fuzz_$t <reproducer>"
  echo "keep it as a regression test (see tests/fuzz/README.md):"
  echo "            cp <reproducer> tests/fuzz/regressions/$t/<short-description>"
done

if [ "$failed" = 0 ] && [ "$KEEP" != 1 ]; then
  rm -rf "$WORK"
else
  echo
  echo "work folder kept: $WORK (new inputs in <target>/new, logs in <target>/log)"
fi
[ "$failed" = 0 ] || { echo "fuzzing FOUND problems" >&2; exit 1; }
echo "fuzzing: no finding"
