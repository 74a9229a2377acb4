# Chopsticks, pinned in tests/devnode (package.json, package-lock.json;
# installed by scripts/dev setup), run offline on a chain spec of
# ../shared/devnode as ../shared/reference/devnode.md describes. Sourced by
# tests/devnode/run.sh and tests/interop/run.sh (the metadata suite records
# System.Events on the WeTEE runtime with it); nothing is installed anywhere
# else.
#
#   chopsticks_ensure            npm ci in tests/devnode when Chopsticks is
#                                missing (returns non-zero if it fails)
#   chopsticks_raw_spec SPEC     prints the raw spec: a runtimeGenesis spec is
#                                converted once (to_raw.mjs) into
#                                $CHOPSTICKS_CACHE, keyed by its SHA-256; a
#                                raw one is used as it is
#   chopsticks_start RAW DIR     starts Chopsticks on 127.0.0.1 (random port,
#                                instant blocks) from DIR (its configuration
#                                and devnode.log); sets CHOPSTICKS_PID and
#                                CHOPSTICKS_PORT
#   chopsticks_stop              stops it (by its process id) and waits
#   devnode_up WHO DIR           the parachain-template devnode for a test
#                                suite (tests/python, tests/go): ensure, raw
#                                spec, start from DIR; exports
#                                WETEE_DEVNODE_URL. When the shared spec is
#                                absent it prints "SKIP WHO: ..." and returns
#                                2; any other failure returns 1
#
# Environment: WETEE_DEVNODE_CACHE (default ~/.cache/libwetee-devnode),
# WETEE_VECTORS_DIR (devnode_up finds ../devnode beside it).
# Errors are printed on stderr; the functions return non-zero.

CHOPSTICKS_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CHOPSTICKS_CLI=$CHOPSTICKS_HOME/node_modules/@acala-network/chopsticks/chopsticks.cjs
CHOPSTICKS_CACHE=${WETEE_DEVNODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/libwetee-devnode}
CHOPSTICKS_PID=
CHOPSTICKS_PORT=

chopsticks_ensure() {
  [[ -f $CHOPSTICKS_CLI && -d $CHOPSTICKS_HOME/node_modules/@polkadot/api ]] && return 0
  echo "== npm ci in tests/devnode" >&2
  (cd "$CHOPSTICKS_HOME" && npm ci --no-audit --no-fund --loglevel=error) >&2
}

chopsticks_version() { node -p "require('$CHOPSTICKS_HOME/node_modules/@acala-network/chopsticks/package.json').version"; }

chopsticks_raw_spec() {
  local spec=$1 sum raw
  if grep -q '"raw"' "$spec"; then
    echo "$spec"
    return 0
  fi
  mkdir -p "$CHOPSTICKS_CACHE" || return 1
  sum=$(sha256sum "$spec" | cut -c1-16)
  raw=$CHOPSTICKS_CACHE/$sum-raw.json
  if [[ ! -s $raw ]]; then
    echo "== converting $(basename "$spec") to a raw spec in $CHOPSTICKS_CACHE" >&2
    node "$CHOPSTICKS_HOME/to_raw.mjs" "$spec" "$raw.tmp.$$" >/dev/null || { rm -f "$raw.tmp.$$"; echo "to_raw.mjs failed on $spec" >&2; return 1; }
    mv "$raw.tmp.$$" "$raw"
  fi
  echo "$raw"
}

chopsticks_start() {
  local raw=$1 dir=$2 port
  port=$((21000 + RANDOM % 8000))
  printf 'genesis: %s\nhost: 127.0.0.1\nport: %s\nbuild-block-mode: Instant\n' "$raw" "$port" >"$dir/devnode.yml"
  (cd "$dir" && exec node "$CHOPSTICKS_CLI" -c devnode.yml) >"$dir/devnode.log" 2>&1 &
  CHOPSTICKS_PID=$!
  for _ in $(seq 1 600); do
    grep -q "RPC listening" "$dir/devnode.log" && break
    if ! kill -0 "$CHOPSTICKS_PID" 2>/dev/null; then
      tail -20 "$dir/devnode.log" >&2
      echo "Chopsticks exited" >&2
      CHOPSTICKS_PID=
      return 1
    fi
    sleep 0.1
  done
  if ! grep -q "RPC listening" "$dir/devnode.log"; then
    tail -20 "$dir/devnode.log" >&2
    echo "Chopsticks did not listen within 60 s" >&2
    return 1
  fi
  # Chopsticks moves to the next free port silently: read the one it chose
  CHOPSTICKS_PORT=$(grep -o 'RPC listening on [^ ]*' "$dir/devnode.log" | grep -o '[0-9]*$' | tail -n 1)
}

chopsticks_stop() {
  if [[ -n $CHOPSTICKS_PID ]]; then
    kill "$CHOPSTICKS_PID" 2>/dev/null || true
    wait "$CHOPSTICKS_PID" 2>/dev/null || true
    CHOPSTICKS_PID=
  fi
}

devnode_up() {
  local who=$1 dir=$2 spec raw
  spec=${WETEE_VECTORS_DIR:-$CHOPSTICKS_HOME/../../../shared/vectors}/../devnode/parachain-template-stable2503.json
  if [[ ! -f $spec ]]; then
    echo "SKIP $who: $spec is absent"
    return 2
  fi
  echo "== $who: starting the devnode"
  chopsticks_ensure || { echo "$who: npm ci in tests/devnode failed" >&2; return 1; }
  raw=$(chopsticks_raw_spec "$spec") || { echo "$who: no raw spec of $spec" >&2; return 1; }
  chopsticks_start "$raw" "$dir" || { echo "$who: the devnode did not start" >&2; return 1; }
  export WETEE_DEVNODE_URL=ws://127.0.0.1:$CHOPSTICKS_PORT
}
