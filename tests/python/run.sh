#!/usr/bin/env bash
# Python bindings: build the SWIG extension in build/$PRESET (release by
# default) with -DWETEE_BUILD_PYTHON=ON, run pytest on tests/python against
# it, then check that `pip install bindings/python` builds and imports
# against a libwetee installed into a temporary prefix.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
PRESET=${WETEE_PRESET:-release}
BUILD=$ROOT/build/$PRESET
PYTHON=${PYTHON:-python3}
PY=$(command -v "$PYTHON") || { echo "tests/python: $PYTHON not found" >&2; exit 1; }
export WETEE_VECTORS_DIR=${WETEE_VECTORS_DIR:-$(cd "$ROOT/.." && pwd)/shared/vectors}

echo "== python: build the extension ($PRESET)"
cmake --preset "$PRESET" -DWETEE_BUILD_PYTHON=ON -DPython3_EXECUTABLE="$PY" >/dev/null
cmake --build "$BUILD" --target wetee wetee_static wetee_python wetee_offline_sign

echo "== python: examples"
PYTHONPATH="$BUILD/bindings/python" "$PY" examples/python/hello.py >/dev/null
echo "examples/python/hello.py ran"
cmake --build "$BUILD" --target wetee_ton_pay >/dev/null
diff <(PYTHONPATH="$BUILD/bindings/python" "$PY" examples/python/ton_pay.py) <("$BUILD/examples/wetee_ton_pay") ||
  { echo "examples/python/ton_pay.py and examples/ton_pay.c print different payments" >&2; exit 1; }
echo "examples/python/ton_pay.py ran: the same signed payment as examples/ton_pay.c"
# offline signing: the same ed25519 extrinsic as the C example
M=$WETEE_VECTORS_DIR/wetee/wetee-dev-spec110-metadata.json
if [[ -f $M ]]; then
  py=$(PYTHONPATH="$BUILD/bindings/python" "$PY" examples/python/offline_sign.py "$M" | grep '^extrinsic ')
  c=$("$BUILD/examples/wetee_offline_sign" "$M" | grep '^extrinsic ')
  [[ -n $py && $py == "$c" ]] || { printf 'python: %s\nC:      %s\n' "$py" "$c";
    echo "examples/python/offline_sign.py and examples/offline_sign.c print different extrinsics" >&2; exit 1; }
  echo "examples/python/offline_sign.py ran: the same extrinsic as examples/offline_sign.c"
else
  echo "SKIP examples/python/offline_sign.py: $M absent"
fi

echo "== python: pip install bindings/python against an installed libwetee"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$BUILD" --prefix "$tmp/prefix" >/dev/null
# Build from a copy so that the source tree gets no build/ or egg-info.
mkdir -p "$tmp/src"
cp bindings/*.i "$tmp/src/"
cp -r bindings/python "$tmp/src/python"
rm -rf "$tmp/src/python/build" "$tmp/src/python/"*.egg-info
PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig" "$PY" -m pip install -q --disable-pip-version-check \
  --no-build-isolation --no-deps --target "$tmp/site" "$tmp/src/python" 2>&1 | grep -v "Running pip as the 'root' user" || true
[[ -f $tmp/site/wetee/native.py ]] || { echo "pip install: no wetee package in $tmp/site" >&2; exit 1; }
# No LD_LIBRARY_PATH: the extension carries an rpath to the prefix.
(cd "$tmp" && PYTHONPATH="$tmp/site" "$PY" - "$tmp/site" <<'PY'
import sys, wetee
assert wetee.__file__.startswith(sys.argv[1]), wetee.__file__
assert wetee.twox128(b"System").hex() == "26aa394eea5630e07c48ae0c9558cef7"
with wetee.Keypair.from_suri("sr25519", "//Alice") as alice:
    assert alice.address(0) == "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5"
print(f"pip-installed wetee {wetee.version()} from {wetee.__file__}: OK")
PY
)

# the chain client's tests and example need a node: the devnode of
# tests/devnode (Chopsticks), when ../shared/devnode is there
# shellcheck source=../devnode/chopsticks.sh
source tests/devnode/chopsticks.sh
trap 'chopsticks_stop; rm -rf "$tmp"' EXIT
rc=0
devnode_up "python chain tests and examples/python/chain_transfer.py" "$tmp" || rc=$?
[[ $rc == 0 || $rc == 2 ]] || exit 1
if [[ $rc == 0 ]]; then
  out=$(PYTHONPATH="$BUILD/bindings/python" "$PY" examples/python/chain_transfer.py "$WETEE_DEVNODE_URL" new)
  echo "$out" | sed 's/^/  /'
  grep -q '^status: finalized in block [0-9]*, success: True$' <<<"$out" || {
    echo "examples/python/chain_transfer.py did not finalize a successful transfer" >&2; exit 1; }
  echo "examples/python/chain_transfer.py ran on the devnode: transfer finalized"
  out=$(PYTHONPATH="$BUILD/bindings/python" "$PY" examples/python/pay.py "$WETEE_DEVNODE_URL")
  grep -q '^receipt: {"status": "\(inBlock\|finalized\)", "failure": "ok"' <<<"$out" || {
    echo "$out" >&2; echo "examples/python/pay.py did not print a confirmed receipt" >&2; exit 1; }
  echo "examples/python/pay.py ran on the devnode: 1.5 DOT paid, receipt printed"
fi

echo "== python: pytest"
PYTHONPATH="$BUILD/bindings/python${PYTHONPATH:+:$PYTHONPATH}" PYTHONDONTWRITEBYTECODE=1 \
  "$PY" -m pytest -p no:cacheprovider -q tests/python
