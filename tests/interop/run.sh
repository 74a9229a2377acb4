#!/usr/bin/env bash
# SCALE differential test: libwetee against @polkadot/types-codec, in both
# directions, COUNT random values per type (30 types, edge cases first):
#   1. scale_vectors selfcheck: inputs parity-scale-codec rejects (non-canonical
#      compacts, bad tags, bad UTF-8, ...) are rejected by libwetee too
#   2. node gen  -> scale_vectors check   (types-codec encodes, libwetee decodes)
#   3. scale_vectors gen -> node check    (libwetee encodes, types-codec decodes)
#   4. harness sanity: one corrupted line must fail each checker
# Needs the release build (scripts/dev test builds it first) and node_modules
# (scripts/dev setup, or npm ci here).
#
# Environment: WETEE_DIFF_SEED (reproduce a run; the seed is printed),
# WETEE_DIFF_COUNT (default 10000), WETEE_BUILD_DIR (default build/release),
# WETEE_DIFF_KEEP=1 keeps the generated files.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${WETEE_BUILD_DIR:-$ROOT/build/release}
BIN=$BUILD/tests/interop/scale_vectors
COUNT=${WETEE_DIFF_COUNT:-10000}
SEED=${WETEE_DIFF_SEED:-$(date +%s)$RANDOM}

log() { printf '== %s\n' "$*"; }
fail() { printf 'scale interop: %s\n' "$*" >&2; exit 1; }

command -v node >/dev/null || fail "node is not installed"
if [[ ! -x $BIN ]]; then
  log "building scale_vectors in $BUILD"
  [[ -f $BUILD/build.ninja || -f $BUILD/Makefile ]] || (cd "$ROOT" && cmake --preset release >/dev/null)
  cmake --build "$BUILD" --target scale_vectors
fi
if [[ ! -d $HERE/node_modules/@polkadot/types-codec ]]; then
  log "npm ci in tests/interop"
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error)
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/wetee-scale-diff.XXXXXX")
keep=${WETEE_DIFF_KEEP:-0}
cleanup() { if [[ $keep == 1 ]]; then echo "scale interop: files kept in $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

log "SCALE differential test against @polkadot/types-codec $(node -p "require('$HERE/node_modules/@polkadot/types-codec/package.json').version")"
log "seed $SEED, $COUNT values per type (reproduce with WETEE_DIFF_SEED=$SEED)"
start=$SECONDS
status=0
total_passed=0
total_failed=0

# Run a checker, show its output, add its closing "N passed, M failed" line to the totals.
run_counted() {
  local name=$1; shift
  local out=$WORK/$name.out rc=0
  "$@" >"$out" 2>&1 || rc=$?
  sed "s/^/  /" "$out"
  local line p f
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$out" | tail -n 1 || true)
  if [[ -z $line ]]; then
    echo "  $name: no result line (exit $rc)"
    total_failed=$((total_failed + 1))
    status=1
    return
  fi
  p=${line%% passed*}
  f=${line#*, }; f=${f%% failed*}
  total_passed=$((total_passed + p))
  total_failed=$((total_failed + f))
  if [[ $rc -ne 0 || $f -ne 0 ]]; then status=1; fi
}

log "1/4 libwetee rejects what parity-scale-codec rejects"
run_counted selfcheck "$BIN" selfcheck
log "what types-codec does with the same inputs (informational, not failures)"
node "$HERE/scale_diff.mjs" quirks | sed "s/^/  /"

log "2/4 types-codec encodes, libwetee decodes"
node "$HERE/scale_diff.mjs" gen "$SEED" "$COUNT" >"$WORK/js.tsv" || fail "node gen failed"
run_counted libwetee-check "$BIN" check "$WORK/js.tsv"

log "3/4 libwetee encodes, types-codec decodes"
"$BIN" gen "$SEED" "$COUNT" >"$WORK/c.tsv" || fail "scale_vectors gen failed"
run_counted types-codec-check node "$HERE/scale_diff.mjs" check "$WORK/c.tsv"

log "4/4 harness sanity: a corrupted line must fail each checker"
# flip the last hex digit of one Compact<u64> line; the value stays as it was
corrupt() {
  grep -P '^Compact<u64>\t' "$1" | sed -n '100p' |
    awk -F'\t' 'BEGIN { OFS = "\t" } { d = substr($3, length($3), 1); $3 = substr($3, 1, length($3) - 1) (d == "0" ? "1" : "0"); print }'
}
sanity() {
  local name=$1 src=$2; shift 2
  corrupt "$src" >"$WORK/$name.bad.tsv"
  [[ -s $WORK/$name.bad.tsv ]] || fail "could not make a corrupted line for $name"
  if "$@" "$WORK/$name.bad.tsv" >"$WORK/$name.bad.out" 2>&1; then
    echo "  $name accepted a corrupted line: the harness is broken"
    sed "s/^/    /" "$WORK/$name.bad.out"
    total_failed=$((total_failed + 1))
    status=1
  else
    echo "  $name rejects a corrupted line: ok"
    total_passed=$((total_passed + 1))
  fi
}
sanity libwetee-check "$WORK/js.tsv" "$BIN" check
sanity types-codec-check "$WORK/c.tsv" node "$HERE/scale_diff.mjs" check

log "done in $((SECONDS - start)) s (seed $SEED)"
if [[ $status -ne 0 ]]; then
  keep=1
  echo "scale interop: FAILED; reproduce with WETEE_DIFF_SEED=$SEED $0"
fi
echo "$total_passed passed, $total_failed failed"
exit $status
