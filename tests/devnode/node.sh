# Sourced by tests/devnode/run.sh, tests/python/run.sh and tests/go/run.sh:
# starts the devnode (Chopsticks pinned in tests/devnode, the parachain
# template from ../shared/devnode, instant block production) on a free
# loopback port and stops it when the calling script exits.
#
#   source tests/devnode/node.sh
#   devnode_start WORKDIR || ...     # sets DEVNODE_URL (ws://127.0.0.1:PORT) and DEVNODE_PID
#   devnode_stop                     # also run by the caller's EXIT trap
#
# devnode_available returns 1 (and prints why) when ../shared/devnode or the
# npm packages are absent; callers print a visible SKIP then.
DEVNODE_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DEVNODE_ROOT=$(cd "$DEVNODE_HERE/../.." && pwd)
DEVNODE_DIR=${WETEE_VECTORS_DIR:-$DEVNODE_ROOT/../shared/vectors}/../devnode
DEVNODE_SPEC=$DEVNODE_DIR/parachain-template-stable2503.json
DEVNODE_CACHE=${WETEE_DEVNODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/libwetee-devnode}
DEVNODE_PID=
DEVNODE_URL=

devnode_available() {
  if [[ ! -d $DEVNODE_DIR ]]; then echo "$DEVNODE_DIR is absent"; return 1; fi
  if [[ ! -f $DEVNODE_SPEC ]]; then echo "$DEVNODE_SPEC is missing"; return 1; fi
  if ! command -v node >/dev/null; then echo "node is not installed"; return 1; fi
  if [[ ! -d $DEVNODE_HERE/node_modules/@acala-network/chopsticks ]]; then
    echo "tests/devnode/node_modules is missing (scripts/dev setup)"; return 1
  fi
  return 0
}

devnode_stop() {
  if [[ -n $DEVNODE_PID ]]; then
    kill "$DEVNODE_PID" 2>/dev/null || true
    wait "$DEVNODE_PID" 2>/dev/null || true
    DEVNODE_PID=
  fi
}

# devnode_start WORKDIR: the raw spec is converted once (to_raw.mjs) and
# cached outside the repository, keyed by the spec's SHA-256
devnode_start() {
  local work=$1 sum raw port
  mkdir -p "$DEVNODE_CACHE"
  sum=$(sha256sum "$DEVNODE_SPEC" | cut -c1-16)
  raw=$DEVNODE_CACHE/$sum-raw.json
  if [[ ! -s $raw ]]; then
    echo "== converting $(basename "$DEVNODE_SPEC") to a raw spec in $DEVNODE_CACHE"
    node "$DEVNODE_HERE/to_raw.mjs" "$DEVNODE_SPEC" "$raw.tmp" >/dev/null || { echo "to_raw.mjs failed"; return 1; }
    mv "$raw.tmp" "$raw"
  fi
  port=$((21000 + RANDOM % 8000))
  printf 'genesis: %s\nhost: 127.0.0.1\nport: %s\nbuild-block-mode: Instant\n' "$raw" "$port" >"$work/devnode.yml"
  (cd "$work" && exec node "$DEVNODE_HERE/node_modules/@acala-network/chopsticks/chopsticks.cjs" -c devnode.yml) \
    >"$work/devnode.log" 2>&1 &
  DEVNODE_PID=$!
  for _ in $(seq 1 600); do
    grep -q "RPC listening" "$work/devnode.log" && break
    kill -0 "$DEVNODE_PID" 2>/dev/null || { tail -20 "$work/devnode.log" >&2; echo "Chopsticks exited"; return 1; }
    sleep 0.1
  done
  grep -q "RPC listening" "$work/devnode.log" || { tail -20 "$work/devnode.log" >&2; echo "Chopsticks did not listen within 60 s"; return 1; }
  # Chopsticks moves to the next free port silently: read the one it chose
  port=$(grep -o 'RPC listening on [^ ]*' "$work/devnode.log" | grep -o '[0-9]*$' | tail -n 1)
  DEVNODE_URL=ws://127.0.0.1:$port
}
