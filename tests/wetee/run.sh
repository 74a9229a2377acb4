#!/usr/bin/env bash
# The cloud API (cloud.h, docs/cloud.md) end to end on WeTEE's own testnet
# runtime (spec `WeTEE` 3, ../shared/devnode/wetee-testnet-2024.json: the
# pallet generation, WeTEEApp 118 ... WeTEEWorker 121) run by Chopsticks as
# pinned in tests/devnode (tests/devnode/chopsticks.sh converts the
# runtimeGenesis spec to raw once and caches it; ../shared/reference/devnode.md).
#
#   1. cloud_devnode (tests/wetee/cloud_devnode.c): a worker registers a
#      cluster and mortgages; a user deploys examples/cloud/hello.json; the
#      estimate equals the run fee charged; the app is assigned and running
#      after a work proof carrying the sample TDX quote; restart, update,
#      stop; CpuTooLow and NotEnoughBalance by name
#   2. cloud_decode.mjs: every extrinsic libwetee signed in step 1 decoded
#      by @polkadot/types to the same JSON as libwetee's decoding
#
# Prints a visible SKIP only when the shared devnode folder is absent.
# Ends with "N passed, M failed"; exits non-zero on any failure.
# Environment: WETEE_VECTORS_DIR, WETEE_BUILD_DIR (default build/release),
# WETEE_DEVNODE_CACHE.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${WETEE_BUILD_DIR:-$ROOT/build/release}
BIN=$BUILD/tests/cloud_devnode
VECTORS=${WETEE_VECTORS_DIR:-$ROOT/../shared/vectors}
DEVNODE=$VECTORS/../devnode
SPEC=$DEVNODE/wetee-testnet-2024.json
QUOTE=$VECTORS/attestation/tdx/quote.bin
# shellcheck source=../devnode/chopsticks.sh
source "$ROOT/tests/devnode/chopsticks.sh"

log() { printf '== %s\n' "$*"; }
fail() { printf 'wetee: %s\n' "$*" >&2; echo "0 passed, 1 failed"; exit 1; }

if [[ ! -f $SPEC ]]; then
  echo "SKIP WeTEE devnode tests: $SPEC is absent"
  exit 0
fi
[[ -f $QUOTE ]] || fail "$QUOTE is missing"
command -v node >/dev/null || fail "node is not installed"
if [[ ! -x $BIN ]]; then
  log "building cloud_devnode in $BUILD"
  [[ -f $BUILD/build.ninja || -f $BUILD/Makefile ]] || (cd "$ROOT" && cmake --preset release >/dev/null)
  cmake --build "$BUILD" --target cloud_devnode
fi
chopsticks_ensure || fail "npm ci in tests/devnode failed"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/wetee-cloud.XXXXXX")
cleanup() {
  chopsticks_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

start=$SECONDS
RAW=$(chopsticks_raw_spec "$SPEC") || fail "cannot make a raw spec of $SPEC"
log "starting Chopsticks $(chopsticks_version) on WeTEE's testnet runtime"
chopsticks_start "$RAW" "$WORK" || fail "Chopsticks did not start"
url=ws://127.0.0.1:$CHOPSTICKS_PORT

total_pass=0
total_fail=0
tally() { # tally NAME FILE EXIT: add the file's "N passed, M failed" line
  local line failed
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$2" | tail -n 1 || true)
  if [[ -z $line ]]; then
    echo "  $1 gave no result line (exit $3)"
    total_fail=$((total_fail + 1))
    return
  fi
  failed=${line#*, }
  failed=${failed%% *}
  total_pass=$((total_pass + ${line%% *}))
  total_fail=$((total_fail + failed))
  if [[ $3 != 0 && $failed == 0 ]]; then
    echo "  $1 exited $3"
    total_fail=$((total_fail + 1))
  fi
}

log "cloud API (cloud.h) on $url"
rc=0
"$BIN" "$url" "$ROOT/examples/cloud/hello.json" "$QUOTE" "$WORK/tx.log" >"$WORK/cloud.txt" 2>&1 || rc=$?
sed 's/^/  /' "$WORK/cloud.txt"
tally cloud_devnode "$WORK/cloud.txt" $rc

log "every extrinsic libwetee signed, decoded by @polkadot/types"
rc=0
node "$HERE/cloud_decode.mjs" "$url" "$WORK/tx.log" >"$WORK/decode.txt" 2>&1 || rc=$?
grep -v 'REGISTRY: Unknown\|API/INIT' "$WORK/decode.txt" | sed 's/^/  /'
tally cloud_decode.mjs "$WORK/decode.txt" $rc

log "WeTEE devnode tests done in $((SECONDS - start)) s"
echo "$total_pass passed, $total_fail failed"
[[ $total_fail == 0 ]]
