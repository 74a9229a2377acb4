#!/usr/bin/env bash
# Transactions built offline by libwetee against a real runtime: the
# parachain template (polkadot-sdk stable2503, ../shared/devnode/) run by
# Chopsticks 1.5.1 in genesis mode (pinned here in package.json and
# package-lock.json; scripts/dev setup installs it). See
# ../shared/reference/devnode.md and docs/extrinsics.md.
#
#   1. the runtimeGenesis spec is converted to a raw spec once (to_raw.mjs)
#      and cached outside the repository, in $WETEE_DEVNODE_CACHE (default
#      ~/.cache/libwetee-devnode), keyed by the spec's SHA-256
#   2. Chopsticks is started on 127.0.0.1 (instant block production) from a
#      private temporary folder, and always stopped at the end
#   (both by chopsticks.sh, which the metadata suite of tests/interop uses too)
#   3. tx_devnode.mjs submits transactions whose bytes come from libwetee
#      (tests/interop/tx_vectors) and checks balances, events and rejections
#   4. chain_devnode (the chain client, chain.h) runs its checks twice, with
#      the legacy JSON-RPC methods and with the new spec (chainHead_v1,
#      transaction_v1; state reads through chainHead_v1_storage / _call on
#      the followed blocks, with a map of 1100+ entries that needs
#      chainHead_v1_continue); chain_compare.mjs compares its storage,
#      constant, runtime API and event answers (new spec) with
#      @polkadot/api's on the same block; examples/chain_transfer.c
#      transfers and watches to finalization
#
# Prints a visible SKIP only when the shared devnode folder is absent.
# Ends with "N passed, M failed"; exits non-zero on any failure.
# Environment: WETEE_VECTORS_DIR, WETEE_BUILD_DIR (default build/release),
# WETEE_DEVNODE_CACHE.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${WETEE_BUILD_DIR:-$ROOT/build/release}
TXBIN=$BUILD/tests/interop/tx_vectors
CHAINBIN=$BUILD/tests/chain_devnode
EXAMPLE=$BUILD/examples/wetee_chain_transfer
VECTORS=${WETEE_VECTORS_DIR:-$ROOT/../shared/vectors}
DEVNODE=$VECTORS/../devnode
SPEC=$DEVNODE/parachain-template-stable2503.json
# shellcheck source=chopsticks.sh
source "$HERE/chopsticks.sh"

log() { printf '== %s\n' "$*"; }
fail() { printf 'devnode: %s\n' "$*" >&2; echo "0 passed, 1 failed"; exit 1; }

if [[ ! -d $DEVNODE ]]; then
  echo "SKIP devnode tests: $DEVNODE is absent"
  exit 0
fi
[[ -f $SPEC ]] || fail "$SPEC is missing"
command -v node >/dev/null || fail "node is not installed"
if [[ ! -x $TXBIN || ! -x $CHAINBIN ]]; then
  log "building tx_vectors and chain_devnode in $BUILD"
  [[ -f $BUILD/build.ninja || -f $BUILD/Makefile ]] || (cd "$ROOT" && cmake --preset release >/dev/null)
  cmake --build "$BUILD" --target tx_vectors chain_devnode
fi
chopsticks_ensure || fail "npm ci in tests/devnode failed"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/wetee-devnode.XXXXXX")
cleanup() {
  chopsticks_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

start=$SECONDS
RAW=$(chopsticks_raw_spec "$SPEC") || fail "cannot make a raw spec of $SPEC"

log "starting Chopsticks $(chopsticks_version) on the parachain template runtime"
chopsticks_start "$RAW" "$WORK" || fail "Chopsticks did not start"
port=$CHOPSTICKS_PORT

log "transactions built by libwetee, submitted to ws://127.0.0.1:$port"
rc=0
node "$HERE/tx_devnode.mjs" "ws://127.0.0.1:$port" "$TXBIN" "$WORK" >"$WORK/out.txt" 2>&1 || rc=$?
grep -v 'REGISTRY: Unknown\|API/INIT' "$WORK/out.txt" | sed 's/^/  /'
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
tally tx_devnode.mjs "$WORK/out.txt" $rc

for spec in legacy new; do
  log "chain client (chain.h), $spec JSON-RPC, on ws://127.0.0.1:$port"
  rc=0
  "$CHAINBIN" "ws://127.0.0.1:$port" $spec "$WORK/answers-$spec.json" >"$WORK/chain-$spec.txt" 2>&1 || rc=$?
  sed 's/^/  /' "$WORK/chain-$spec.txt"
  tally "chain_devnode $spec" "$WORK/chain-$spec.txt" $rc
done

log "chain client answers against @polkadot/api on the same block"
rc=0
node "$HERE/chain_compare.mjs" "ws://127.0.0.1:$port" "$WORK/answers-new.json" >"$WORK/compare.txt" 2>&1 || rc=$?
grep -v 'REGISTRY: Unknown\|API/INIT' "$WORK/compare.txt" | sed 's/^/  /'
tally chain_compare.mjs "$WORK/compare.txt" $rc

log "examples/chain_transfer.c on the devnode"
rc=0
"$EXAMPLE" "ws://127.0.0.1:$port" new >"$WORK/example.txt" 2>&1 || rc=$?
sed 's/^/  /' "$WORK/example.txt"
if [[ $rc == 0 ]] && grep -q '^outcome: {"status":"finalized".*"success":true' "$WORK/example.txt"; then
  total_pass=$((total_pass + 1))
  echo "  ok   examples/chain_transfer.c: transfer finalized"
else
  total_fail=$((total_fail + 1))
  echo "  FAIL examples/chain_transfer.c (exit $rc)"
fi

log "payments (pay.h): tests/devnode/pay.sh (the template here, then Asset Hub Kusama and WeTEE)"
rc=0
"$HERE/pay.sh" "ws://127.0.0.1:$port" >"$WORK/pay.txt" 2>&1 || rc=$?
sed 's/^/  /' "$WORK/pay.txt"
tally pay.sh "$WORK/pay.txt" $rc

log "devnode tests done in $((SECONDS - start)) s"
echo "$total_pass passed, $total_fail failed"
[[ $total_fail == 0 ]]
