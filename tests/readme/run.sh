#!/usr/bin/env bash
# The README's install, C and Go instructions, run as written.
#
# Every fenced block after a `<!-- readme-test: GROUP [FILE] -->` line of
# README.md is extracted: blocks with a FILE are written to that file (relative
# to where the group's commands have got to), the others are run in order,
# each group in its own bash -e: `install` in the checkout, `c` and `go` in
# fresh directories outside it. So the test cannot drift from the README.
#
# As root with mount namespaces (CI, this machine), the commands run verbatim
# against a private copy-on-write /usr/local and /etc (overlayfs in
# `unshare --mount`), so `sudo cmake --install ... --prefix /usr/local` and
# `sudo ldconfig` really install and refresh the loader cache without touching
# the machine; `sudo` runs the command directly when it is not installed.
# Otherwise (prefix mode, said so in the output) /usr/local is replaced by a
# temporary prefix, `ldconfig` is dropped and PKG_CONFIG_PATH/LD_LIBRARY_PATH
# are set, as the README says for such prefixes.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
README=$ROOT/README.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- extract: one script per group
python3 - "$README" "$tmp" <<'PY'
import re, sys
readme, out = sys.argv[1], sys.argv[2]
lines = open(readme).read().split("\n")
groups, i = {}, 0
while i < len(lines):
    m = re.fullmatch(r"<!-- readme-test: (\w+)(?: (\S+))? -->", lines[i].strip())
    i += 1
    if not m:
        continue
    group, fname = m.group(1), m.group(2)
    while i < len(lines) and not lines[i].startswith("```"):
        i += 1
    if i == len(lines):
        sys.exit(f"README.md: readme-test marker for {group} without a code block")
    i += 1
    body = []
    while i < len(lines) and lines[i] != "```":
        body.append(lines[i]); i += 1
    i += 1
    s = groups.setdefault(group, [])
    if fname:
        s += [f"cat > {fname} <<'README_EOF'"] + body + ["README_EOF"]
    else:
        s += body
for g in ("install", "c", "go"):
    if g not in groups:
        sys.exit(f"README.md: no readme-test block for group '{g}'")
for g, s in groups.items():
    open(f"{out}/{g}.sh", "w").write("\n".join(s) + "\n")
PY

mode=prefix
if [[ $(id -u) -eq 0 ]] && unshare --mount --propagation private true 2>/dev/null; then mode=literal; fi
if [[ ${WETEE_README_TEST_MODE:-} == prefix ]]; then mode=prefix; fi
mkdir -p "$tmp/c" "$tmp/go" "$tmp/bin"
if ! command -v sudo >/dev/null; then printf '#!/bin/sh\nexec "$@"\n' > "$tmp/bin/sudo"; chmod +x "$tmp/bin/sudo"; fi

if [[ $mode == prefix ]]; then
  prefix=$tmp/prefix
  sed -i -e "s#/usr/local#$prefix#g" -e '/^sudo ldconfig/d' -e 's/^sudo //' "$tmp/install.sh"
  export PKG_CONFIG_PATH=$prefix/lib/pkgconfig LD_LIBRARY_PATH=$prefix/lib
  libdir=$prefix/lib
  echo "readme: PREFIX MODE (not root or no mount namespace): /usr/local -> $prefix, no ldconfig"
else
  libdir=/usr/local/lib
  echo "readme: literal mode, private /usr/local and /etc (overlayfs in a mount namespace)"
fi

# --- the driver, run inside the namespace in literal mode
cat > "$tmp/driver.sh" <<DRIVER
set -euo pipefail
if [[ $mode == literal ]]; then
  mkdir -p $tmp/ovl/{ul,ulw,etc,etcw}
  mount -t overlay overlay -o lowerdir=/usr/local,upperdir=$tmp/ovl/ul,workdir=$tmp/ovl/ulw /usr/local
  mount -t overlay overlay -o lowerdir=/etc,upperdir=$tmp/ovl/etc,workdir=$tmp/ovl/etcw /etc
  unset LD_LIBRARY_PATH PKG_CONFIG_PATH
fi
export PATH=$tmp/bin:\$PATH LIBWETEE=$ROOT
# a user's Go environment: no workspace, no proxy needed (nothing is downloaded)
unset GOWORK GOFLAGS CGO_LDFLAGS CGO_CFLAGS
# and a fresh build cache: Go does not key cgo packages on what pkg-config
# reports, so a cache from a build against another prefix would link there
export GOPROXY=off GOTOOLCHAIN=local GOCACHE=$tmp/gocache
run() { # group dir
  echo "== readme: \$1 (in \$2)"
  if ! (cd "\$2" && bash -euo pipefail -x $tmp/\$1.sh) > $tmp/\$1.log 2>&1; then
    cat $tmp/\$1.log; echo "readme: the README's \$1 commands failed (above)" >&2; exit 1
  fi
}
run install $ROOT
run c $tmp/c
run go $tmp/go
if [[ -n "${WETEE_README_VERBOSE:-}" ]]; then cat $tmp/install.log $tmp/c.log $tmp/go.log; fi
# what the programs printed, and where they found libwetee
grep -c '^libwetee .*: twox128(System) = 26aa394eea5630e07c48ae0c9558cef7\$' $tmp/c.log | grep -qx 2 ||
  { cat $tmp/c.log; echo "readme: the C programs did not print twox128(System)" >&2; exit 1; }
# (ldd's output is read whole: with pipefail, grep -q closing the pipe early would fail ldd)
deps=\$(ldd $tmp/c/hello)
grep -q "libwetee.so.0 => $libdir/libwetee.so.0" <<<"\$deps" ||
  { echo "\$deps"; echo "readme: hello does not load libwetee.so.0 from $libdir" >&2; exit 1; }
deps=\$(ldd $tmp/c/hello-static)
! grep -q "libwetee.so" <<<"\$deps" || { echo "\$deps"; echo "readme: hello-static loads libwetee.so" >&2; exit 1; }
grep -q '^libwetee .*: //Alice is 15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5, twox128(System) = 26aa394eea5630e07c48ae0c9558cef7\$' $tmp/go.log ||
  { cat $tmp/go.log; echo "readme: the Go program did not print //Alice's address" >&2; exit 1; }
deps=\$(ldd $tmp/go/hello/hello)
grep -q "libwetee.so.0 => $libdir/libwetee.so.0" <<<"\$deps" ||
  { echo "\$deps"; echo "readme: the Go program does not load libwetee.so.0 from $libdir" >&2; exit 1; }
echo "readme: install, C (shared and static) and Go instructions work as written ($mode mode)"
DRIVER

if [[ $mode == literal ]]; then
  unshare --mount --propagation private bash "$tmp/driver.sh"
else
  bash "$tmp/driver.sh"
fi
