#!/usr/bin/env bash
# Install libwetee into a temporary prefix and build outside programs against
# it: with pkg-config (shared, static libwetee with shared dependencies, fully
# static with --static) and with find_package(wetee) (shared and static).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${WETEE_BUILD_DIR:-build/release}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0; failed=0
check() { # name, command...
  local name=$1; shift
  if "$@" > "$tmp/$name.log" 2>&1; then passed=$((passed + 1)); echo "ok   install.$name"
  else failed=$((failed + 1)); echo "FAIL install.$name"; cat "$tmp/$name.log"; fi
}
cmake --install "$build" --prefix "$tmp/prefix" > "$tmp/install.log"
libdir=$(ls -d "$tmp"/prefix/lib*/ | head -1)
export PKG_CONFIG_PATH="$libdir/pkgconfig"
export LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

check files test -f "$tmp/prefix/include/wetee.h" -a -f "$tmp/prefix/include/wetee/version.h" \
  -a -f "$libdir/libwetee.a" -a -f "$libdir/pkgconfig/libwetee.pc" -a -f "$libdir/cmake/wetee/weteeConfig.cmake"
# the command-line tool, runnable from the prefix (docs/cli.md)
check cli bash -c "'$tmp/prefix/bin/wetee' --version && '$tmp/prefix/bin/wetee' key inspect --help >/dev/null"
check soname bash -c "readelf -d '$libdir/libwetee.so' | grep -q 'SONAME.*libwetee.so.0'"
# only wetee_* symbols are exported
check exports bash -c "nm -D --defined-only '$libdir/libwetee.so' | awk '{print \$3}' | grep -v '^wetee_' | grep -v '^_' | (! grep .)"
check pkgconfig_shared bash -c "cc tests/install/app/app.c \$(pkg-config --cflags --libs libwetee) -o '$tmp/app_pc' && '$tmp/app_pc'"
# static libwetee, shared dependencies (the usual static-library use)
check pkgconfig_static bash -c "cc tests/install/app/app.c \$(pkg-config --cflags libwetee) '$libdir/libwetee.a' \$(pkg-config --libs \$(pkg-config --print-requires-private libwetee)) -o '$tmp/app_pc_static' && '$tmp/app_pc_static'"
# `pkg-config --static`: a fully static program (every dependency from its .a)
# A fully static program: Debian ships no static libraries for libcurl's own
# dependencies (nghttp2, ssh2, gssapi, ldap, ...), so with the network parts
# built in this link is checked on the build without them (the mobile preset,
# the one meant for static embedding; built here when missing).
static_prefix=$tmp/prefix
if pkg-config --print-requires-private libwetee | grep -qx libcurl; then
  [[ -f build/mobile/libwetee.a ]] || cmake --preset mobile >/dev/null
  # the install includes the command-line tool (built here if missing)
  cmake --build build/mobile --target wetee wetee_static wetee_cli >/dev/null
  cmake --install build/mobile --prefix "$tmp/prefix_mobile" > "$tmp/install_mobile.log"
  static_prefix=$tmp/prefix_mobile
  echo "     (pkgconfig_static_full: on the install of build/mobile, without libcurl and libwebsockets)"
fi
static_pc=$(ls -d "$static_prefix"/lib*/pkgconfig | head -1)
check pkgconfig_static_full bash -c "cc -static tests/install/app/app.c \$(PKG_CONFIG_PATH='$static_pc' pkg-config --cflags --libs --static libwetee) -o '$tmp/app_full_static' && '$tmp/app_full_static' && ! ldd '$tmp/app_full_static' >/dev/null 2>&1"
# Requires.private names exactly the libraries that libwetee.so links
# each package of Requires.private by its own libraries (not those its own
# Requires add: libwebsockets' pulls in libcap, which libwetee does not link)
own_libs() {
  local p
  for p in $(pkg-config --print-requires-private libwetee); do
    comm -23 <(pkg-config --libs-only-l "$p" | tr ' ' '\n' | grep . | sort -u) \
      <(pkg-config --libs-only-l $(pkg-config --print-requires "$p") 2>/dev/null | tr ' ' '\n' | grep . | sort -u)
  done | sed -n 's/^-l/lib/p' | sort -u
}
export -f own_libs
check pkgconfig_requires bash -c "diff <(readelf -d '$libdir/libwetee.so' | sed -n 's/.*Shared library: \[\(lib[^.]*\)\.so.*/\1/p' | grep -vx libc | sort -u) <(own_libs)"
check cmake_package bash -c "cmake -S tests/install/app -B '$tmp/app' -G Ninja -DCMAKE_PREFIX_PATH='$tmp/prefix' && cmake --build '$tmp/app' && '$tmp/app/app_shared' && '$tmp/app/app_static'"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
