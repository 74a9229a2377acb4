#!/usr/bin/env bash
# Payments (include/wetee/pay.h) on the three devnode runtimes, each started
# once: the parachain template (the node tests/devnode/run.sh already runs,
# given as $1), then Asset Hub Kusama and the WeTEE testnet runtime started
# here one after the other with chopsticks.sh. Runs tests/devnode/pay_devnode
# on each and examples/pay_example on the template; prints every check and
# ends with "N passed, M failed". Called by run.sh; can run alone:
#   tests/devnode/pay.sh ws://127.0.0.1:PORT
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${WETEE_BUILD_DIR:-$ROOT/build/release}
BIN=$BUILD/tests/pay_devnode
EXAMPLE=$BUILD/examples/wetee_pay_example
VECTORS=${WETEE_VECTORS_DIR:-$ROOT/../shared/vectors}
DEVNODE=$VECTORS/../devnode
# shellcheck source=chopsticks.sh
source "$HERE/chopsticks.sh"

if [[ ! -x $BIN || ! -x $EXAMPLE ]]; then
  cmake --build "$BUILD" --target pay_devnode wetee_pay_example >/dev/null
fi
template_url=${1:?usage: pay.sh ws://127.0.0.1:PORT (the parachain template)}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/wetee-pay.XXXXXX")
trap 'chopsticks_stop; rm -rf "$WORK"' EXIT
pass=0
fail=0
start=$SECONDS

run() { # name command...: prints the checks, adds its "N passed, M failed"
  local name=$1 rc=0 line
  shift
  "$@" >"$WORK/out.txt" 2>&1 || rc=$?
  grep -v '^  receipt: ' "$WORK/out.txt" | sed 's/^/  /' || true
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$WORK/out.txt" | tail -n 1 || true)
  if [[ -z $line ]]; then
    echo "  FAIL $name gave no result line (exit $rc)"
    fail=$((fail + 1))
    return
  fi
  pass=$((pass + ${line%% *}))
  line=${line#*, }
  fail=$((fail + ${line%% *}))
  if [[ $rc != 0 && ${line%% *} == 0 ]]; then
    echo "  FAIL $name exited $rc"
    fail=$((fail + 1))
  fi
}

echo "== pay: the parachain template ($template_url)"
run "pay_devnode template" "$BIN" "$template_url" template
rc=0
"$EXAMPLE" "$template_url" >"$WORK/example.txt" 2>&1 || rc=$?
sed 's/^/  /' "$WORK/example.txt"
if [[ $rc == 0 ]] && grep -q '^receipt: {"status":"\(inBlock\|finalized\)","failure":"ok".*"amount_text":"1.5 DOT"' "$WORK/example.txt"; then
  pass=$((pass + 1))
  echo "  ok   examples/pay_example.c: 1.5 DOT paid, receipt printed"
else
  fail=$((fail + 1))
  echo "  FAIL examples/pay_example.c (exit $rc)"
fi

for rt in assethub wetee; do
  case $rt in
    assethub) spec=$DEVNODE/asset-hub-kusama-raw.json ;;
    wetee) spec=$DEVNODE/wetee-testnet-2024.json ;;
  esac
  if [[ ! -f $spec ]]; then
    echo "  FAIL $spec is missing"
    fail=$((fail + 1))
    continue
  fi
  raw=$(chopsticks_raw_spec "$spec") || { echo "  FAIL no raw spec of $spec"; fail=$((fail + 1)); continue; }
  mkdir -p "$WORK/$rt"
  if ! chopsticks_start "$raw" "$WORK/$rt"; then
    echo "  FAIL Chopsticks did not start on $(basename "$spec")"
    fail=$((fail + 1))
    continue
  fi
  echo "== pay: $(basename "$spec") (ws://127.0.0.1:$CHOPSTICKS_PORT)"
  run "pay_devnode $rt" "$BIN" "ws://127.0.0.1:$CHOPSTICKS_PORT" "$rt"
  chopsticks_stop
done

echo "== pay devnode tests done in $((SECONDS - start)) s"
echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
