#!/usr/bin/env bash
# Go binding: check that the committed SWIG sources in
# bindings/go/internal/cwetee are current with bindings/*.i; build libwetee in
# build/$PRESET (release by default) and install it into a temporary prefix;
# then, against it through pkg-config, vet the binding, run `go test` in
# tests/go and build and run examples/go/hello. Needs no network.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
PRESET=${WETEE_PRESET:-release}
BUILD=$ROOT/build/$PRESET
export WETEE_VECTORS_DIR=${WETEE_VECTORS_DIR:-$(cd "$ROOT/.." && pwd)/shared/vectors}
command -v go >/dev/null || { echo "tests/go: go not found" >&2; exit 1; }

echo "== go: the committed SWIG layer matches bindings/*.i"
scripts/dev bindings --check

echo "== go: build libwetee ($PRESET)"
cmake --preset "$PRESET" >/dev/null
cmake --build "$BUILD" --target wetee wetee_static wetee_offline_sign

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$BUILD" --prefix "$tmp/prefix" >/dev/null
export PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig"
export LD_LIBRARY_PATH="$tmp/prefix/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
# Go's build cache does not key cgo packages on pkg-config's output, so a
# cached cwetee would keep the -L of an earlier (deleted) prefix; CGO_LDFLAGS
# is part of the key, and the rpath is right for this prefix anyway.
export CGO_LDFLAGS="-O2 -g -Wl,-rpath,$tmp/prefix/lib"
export GOPROXY=off GOTOOLCHAIN=local GOFLAGS="-mod=readonly -buildvcs=false"
echo "libwetee $(pkg-config --modversion libwetee) from $(pkg-config --variable=libdir libwetee)"

echo "== go: vet and unit-test bindings/go"
(cd bindings/go && go vet ./... && go test -count=1 ./...)

echo "== go: examples"
(cd examples/go && go build -o "$tmp/hello" ./hello && go build -o "$tmp/offline_sign" ./offline_sign)
"$tmp/hello" >/dev/null
echo "examples/go/hello ran"
(cd examples/go && go build -o "$tmp/ton_pay" ./ton_pay)
cmake --build "$BUILD" --target wetee_ton_pay >/dev/null
diff <("$tmp/ton_pay") <("$BUILD/examples/wetee_ton_pay") ||
  { echo "examples/go/ton_pay and examples/ton_pay.c print different payments" >&2; exit 1; }
echo "examples/go/ton_pay ran: the same signed payment as examples/ton_pay.c"
# offline signing: the same ed25519 extrinsic as the C example
M=$WETEE_VECTORS_DIR/wetee/wetee-dev-spec110-metadata.json
if [[ -f $M ]]; then
  gx=$("$tmp/offline_sign" "$M" | grep '^extrinsic ')
  cx=$("$BUILD/examples/wetee_offline_sign" "$M" | grep '^extrinsic ')
  [[ -n $gx && $gx == "$cx" ]] || { printf 'go: %s\nC:  %s\n' "$gx" "$cx";
    echo "examples/go/offline_sign and examples/offline_sign.c print different extrinsics" >&2; exit 1; }
  echo "examples/go/offline_sign ran: the same extrinsic as examples/offline_sign.c"
else
  echo "SKIP examples/go/offline_sign: $M absent"
fi

# the chain client's tests and example need a node: the devnode of
# tests/devnode (Chopsticks), when ../shared/devnode is there
# shellcheck source=../devnode/chopsticks.sh
source tests/devnode/chopsticks.sh
trap 'chopsticks_stop; rm -rf "$tmp"' EXIT
rc=0
devnode_up "go chain tests and examples/go/chain_transfer" "$tmp" || rc=$?
[[ $rc == 0 || $rc == 2 ]] || exit 1
if [[ $rc == 0 ]]; then
  (cd examples/go && go build -o "$tmp/chain_transfer" ./chain_transfer)
  out=$("$tmp/chain_transfer" "$WETEE_DEVNODE_URL" legacy)
  echo "$out" | sed 's/^/  /'
  grep -q '^status: finalized in block [0-9]*, success: true$' <<<"$out" || {
    echo "examples/go/chain_transfer did not finalize a successful transfer" >&2; exit 1; }
  echo "examples/go/chain_transfer ran on the devnode: transfer finalized"
  (cd examples/go && go build -o "$tmp/pay" ./pay)
  out=$("$tmp/pay" "$WETEE_DEVNODE_URL")
  grep -q '^receipt: {.*"amount_text":"1.5 DOT".*"failure":"ok"' <<<"$out" || {
    echo "$out" >&2; echo "examples/go/pay did not print a confirmed receipt" >&2; exit 1; }
  echo "examples/go/pay ran on the devnode: 1.5 DOT paid, receipt printed"
fi

echo "== go: go test (tests/go)"
cd tests/go
go vet ./...
go test -count=1 -v ./...
