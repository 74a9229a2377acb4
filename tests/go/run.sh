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
cmake --build "$BUILD" --target wetee wetee_static

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

echo "== go: example"
(cd examples/go && go build -o "$tmp/hello" ./hello)
"$tmp/hello" >/dev/null
echo "examples/go/hello ran"

echo "== go: go test (tests/go)"
cd tests/go
go vet ./...
go test -count=1 -v ./...
