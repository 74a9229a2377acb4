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
#   3. the bindings on the same node: tests/python/test_cloud.py and
#      tests/go/cloud_test.go (WETEE_WETEE_DEVNODE_URL), and the examples
#      examples/cloud_deploy.c, examples/python/cloud_deploy.py and
#      examples/go/cloud_deploy (deploy a file, watch the status); the
#      Python extension and the Go package are built here (tests/python and
#      tests/go then find them built)
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
"$BIN" "$url" "$ROOT/examples/cloud/hello.json" "$QUOTE" "$WORK/tx.log" "$VECTORS/attestation/tdx/collateral.json" >"$WORK/cloud.txt" 2>&1 || rc=$?
sed 's/^/  /' "$WORK/cloud.txt"
tally cloud_devnode "$WORK/cloud.txt" $rc

log "every extrinsic libwetee signed, decoded by @polkadot/types"
rc=0
node "$HERE/cloud_decode.mjs" "$url" "$WORK/tx.log" >"$WORK/decode.txt" 2>&1 || rc=$?
grep -v 'REGISTRY: Unknown\|API/INIT' "$WORK/decode.txt" | sed 's/^/  /'
tally cloud_decode.mjs "$WORK/decode.txt" $rc

example() { # example NAME CMD...: passes when the output shows a deploying app
  local name=$1 rc=0
  shift
  "$@" >"$WORK/ex.txt" 2>&1 || rc=$?
  sed 's/^/  /' "$WORK/ex.txt"
  if [[ $rc == 0 ]] && grep -q '^estimate: 254200 per period' "$WORK/ex.txt" && grep -q 'status.*deploying' "$WORK/ex.txt"; then
    total_pass=$((total_pass + 1)); echo "  ok   $name: deployed examples/cloud/hello.json, estimated, followed to deploying"
  else
    total_fail=$((total_fail + 1)); echo "  FAIL $name (exit $rc)"
  fi
}
HELLO=$ROOT/examples/cloud/hello.json
log "examples/cloud_deploy.c"
[[ -x $BUILD/examples/wetee_cloud_deploy ]] || cmake --build "$BUILD" --target wetee_cloud_deploy >/dev/null
example examples/cloud_deploy.c "$BUILD/examples/wetee_cloud_deploy" "$url" "$HELLO" //Alice --dev-block

export WETEE_WETEE_DEVNODE_URL=$url
PY=$(command -v "${PYTHON:-python3}")
log "Python binding on the WeTEE devnode (builds the extension)"
cmake --preset release -DWETEE_BUILD_PYTHON=ON -DPython3_EXECUTABLE="$PY" >/dev/null
cmake --build "$BUILD" --target wetee_python >/dev/null
rc=0
PYTHONPATH="$BUILD/bindings/python" PYTHONDONTWRITEBYTECODE=1 "$PY" -m pytest -p no:cacheprovider -q \
  "$ROOT/tests/python/test_cloud.py" >"$WORK/py.txt" 2>&1 || rc=$?
sed 's/^/  /' "$WORK/py.txt"
if [[ $rc == 0 ]] && grep -qE '^[0-9]+ passed' "$WORK/py.txt" && ! grep -q skipped "$WORK/py.txt"; then
  total_pass=$((total_pass + 1)); echo "  ok   tests/python/test_cloud.py on the WeTEE devnode"
else
  total_fail=$((total_fail + 1)); echo "  FAIL tests/python/test_cloud.py (exit $rc)"
fi
example examples/python/cloud_deploy.py env PYTHONPATH="$BUILD/bindings/python" "$PY" \
  "$ROOT/examples/python/cloud_deploy.py" "$url" "$HELLO" //Alice --dev-block

if command -v go >/dev/null; then
  log "Go binding on the WeTEE devnode"
  cmake --install "$BUILD" --prefix "$WORK/prefix" >/dev/null
  export PKG_CONFIG_PATH="$WORK/prefix/lib/pkgconfig" LD_LIBRARY_PATH="$WORK/prefix/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  export CGO_LDFLAGS="-O2 -g -Wl,-rpath,$WORK/prefix/lib" GOPROXY=off GOTOOLCHAIN=local GOFLAGS="-mod=readonly -buildvcs=false"
  rc=0
  (cd "$ROOT/tests/go" && go test -count=1 -run 'Cloud' -v .) >"$WORK/go.txt" 2>&1 || rc=$?
  sed 's/^/  /' "$WORK/go.txt"
  if [[ $rc == 0 ]] && grep -q -- '--- PASS: TestCloudDevnode' "$WORK/go.txt"; then
    total_pass=$((total_pass + 1)); echo "  ok   tests/go/cloud_test.go on the WeTEE devnode"
  else
    total_fail=$((total_fail + 1)); echo "  FAIL tests/go/cloud_test.go (exit $rc)"
  fi
  (cd "$ROOT/examples/go" && go build -o "$WORK/cloud_deploy" ./cloud_deploy)
  example examples/go/cloud_deploy "$WORK/cloud_deploy" "$url" "$HELLO" //Alice --dev-block
else
  echo "  FAIL go is not installed (the Go binding cannot be tested)"
  total_fail=$((total_fail + 1))
fi

log "WeTEE devnode tests done in $((SECONDS - start)) s"
echo "$total_pass passed, $total_fail failed"
[[ $total_fail == 0 ]]
