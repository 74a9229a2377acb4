#!/usr/bin/env bash
# Run libwetee's benchmarks and their peer implementations in the same run,
# then print one table per metric, joined by case name, with the ratio
# "peer / libwetee" (above 1: libwetee is faster) and the machine.
#
# Usage: bench/run.sh [FILTER...]
#   FILTER selects modules or cases by substring: `bench/run.sh scale` runs the
#   SCALE module, `bench/run.sh decode` every case whose name contains
#   "decode". No filter: everything.
#
# Environment: WETEE_BENCH_SECONDS (measured time per case and implementation,
# default 1), WETEE_BENCH_SAMPLES (default 5), WETEE_BUILD_DIR (default
# build/release).
#
# What runs, by module name M:
#   libwetee                build/release/bench/bench_M   (from bench/bench_M.c)
#   Rust peers              bench/peers/rust/target/release/M_peer (src/bin/M_peer.rs)
#   JavaScript peers        node bench/peers/node/bench_M.mjs
# Each prints BENCH/CHECK lines (format in bench/harness.h); each case runs in
# a process of its own so that its peak RSS is its own. Raw lines and the
# report are kept in $WETEE_BUILD_DIR/bench/results.tsv and results.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BUILD=${WETEE_BUILD_DIR:-$ROOT/build/release}
RUST_DIR=$ROOT/bench/peers/rust
NODE_DIR=$ROOT/bench/peers/node
FILTERS=("$@")

log() { printf '== %s\n' "$*" >&2; }
warn() { printf 'bench/run.sh: %s\n' "$*" >&2; }

# ---- build what is needed ------------------------------------------------

if [[ ! -f $BUILD/CMakeCache.txt ]]; then
  log "configuring $BUILD (cmake --preset release)"
  cmake --preset release >/dev/null
fi
# Only the benchmark executables (and so the library): the tests need not build.
targets=()
for src in "$ROOT"/bench/bench_*.c; do [[ -f $src ]] && targets+=("$(basename "$src" .c)"); done
if [[ ${#targets[@]} -gt 0 ]]; then
  log "building the C benchmarks: ${targets[*]}"
  if ! cmake --build "$BUILD" --target "${targets[@]}" >"$BUILD/bench-build.log" 2>&1; then
    tail -30 "$BUILD/bench-build.log" >&2
    warn "the C build failed (log: $BUILD/bench-build.log)"
    exit 1
  fi
fi

HAVE_RUST=0
if [[ -f $RUST_DIR/Cargo.toml ]]; then
  if command -v cargo >/dev/null; then
    log "building the Rust peers (cargo build --release --locked)"
    (cd "$RUST_DIR" && cargo build --release --locked -q) && HAVE_RUST=1
  else
    warn "cargo not found: the Rust peers are skipped"
  fi
fi

HAVE_NODE=0
if [[ -f $NODE_DIR/package.json ]]; then
  if command -v node >/dev/null; then
    if [[ ! -d $NODE_DIR/node_modules ]]; then
      log "installing the JavaScript peers (npm ci)"
      (cd "$NODE_DIR" && npm ci --no-audit --no-fund --loglevel=error)
    fi
    HAVE_NODE=1
  else
    warn "node not found: the JavaScript peers are skipped"
  fi
fi

# ---- discover the runners: "module<TAB>command" -------------------------

RUNNERS=()
for exe in "$BUILD"/bench/bench_*; do
  [[ -x $exe && -f $exe ]] || continue
  name=$(basename "$exe")
  RUNNERS+=("${name#bench_}"$'\t'"$exe")
done
if [[ $HAVE_RUST == 1 ]]; then
  for src in "$RUST_DIR"/src/bin/*_peer.rs; do
    [[ -f $src ]] || continue
    name=$(basename "$src" .rs)
    RUNNERS+=("${name%_peer}"$'\t'"$RUST_DIR/target/release/$name")
  done
fi
if [[ $HAVE_NODE == 1 ]]; then
  for src in "$NODE_DIR"/bench_*.mjs; do
    [[ -f $src ]] || continue
    name=$(basename "$src" .mjs)
    RUNNERS+=("${name#bench_}"$'\t'"node $src")
  done
fi
[[ ${#RUNNERS[@]} -gt 0 ]] || { warn "no benchmark executables found under $BUILD/bench"; exit 1; }

selected() { # module case
  [[ ${#FILTERS[@]} -eq 0 ]] && return 0
  local f
  for f in "${FILTERS[@]}"; do
    [[ $1 == *"$f"* || $2 == *"$f"* ]] && return 0
  done
  return 1
}

# ---- run: per module, per case, every implementation in turn --------------

mkdir -p "$BUILD/bench"
RAW=$BUILD/bench/results.tsv
REPORT=$BUILD/bench/results.md
: >"$RAW"
ERR=$(mktemp)
trap 'rm -f "$ERR"' EXIT

# share of all CPUs busy (with other work: nothing of ours runs) over one second
cpu_busy() {
  local a b i tot=0 idle
  read -ra a < <(head -n1 /proc/stat 2>/dev/null) || { echo "?"; return; }
  sleep 1
  read -ra b < <(head -n1 /proc/stat)
  idle=$(( b[4] + b[5] - a[4] - a[5] ))
  for i in 1 2 3 4 5 6 7 8; do tot=$(( tot + b[i] - a[i] )); done
  (( tot > 0 )) && echo "$(( 100 * (tot - idle) / tot ))%" || echo "?"
}
BUSY_BEFORE=$(cpu_busy)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
modules=$(printf '%s\n' "${RUNNERS[@]}" | cut -f1 | awk '!seen[$0]++')
start=$SECONDS
FAILED=()
for module in $modules; do
  cmds=()
  for r in "${RUNNERS[@]}"; do [[ ${r%%$'\t'*} == "$module" ]] && cmds+=("${r#*$'\t'}"); done
  # union of the cases, in the order the implementations list them
  declare -A lists=()
  cases=()
  for cmd in "${cmds[@]}"; do
    # shellcheck disable=SC2086  # cmd is "node file" or a path
    lists[$cmd]=$($cmd --list 2>"$ERR") || { warn "$cmd --list failed: $(tail -3 "$ERR")"; lists[$cmd]=""; }
    while read -r c; do
      [[ -n $c ]] || continue
      [[ " ${cases[*]:-} " == *" $c "* ]] || cases+=("$c")
    done <<<"${lists[$cmd]}"
  done
  for c in "${cases[@]}"; do
    selected "$module" "$c" || continue
    for cmd in "${cmds[@]}"; do
      grep -qxF "$c" <<<"${lists[$cmd]}" || continue
      log "$module/$c: $(basename "${cmd##* }")"
      # shellcheck disable=SC2086
      # raw lines, prefixed with the module: "<module>\tBENCH\t..."
      if ! $cmd "$c" 2>"$ERR" | sed "s/^/$module\t/" >>"$RAW"; then
        warn "$cmd $c failed:"; tail -5 "$ERR" >&2
        FAILED+=("$module/$c: $(basename "${cmd##* }")")
      fi
    done
  done
  unset lists
done
ELAPSED=$((SECONDS - start))
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
log "measured in $ELAPSED s"
grep -q $'\tBENCH\t' "$RAW" || { warn "no case matched: ${FILTERS[*]:-}"; exit 1; }

# ---- the machine ----------------------------------------------------------

first_line() { "$@" 2>/dev/null | head -n1 || true; }
cache_var() { sed -n "s/^$1:[A-Z]*=//p" "$BUILD/CMakeCache.txt" 2>/dev/null | head -n1; }

machine() {
  local cpu cores mem os kernel virt cc build_type cflags_var cflags
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n1)
  [[ -n $cpu ]] || cpu=$(uname -m)
  local fam model mhz
  fam=$(sed -n 's/^cpu family[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n1)
  model=$(sed -n 's/^model[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n1)
  mhz=$(sed -n 's/^cpu MHz[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n1)
  [[ -n $fam && -n $model ]] && cpu="$cpu (family $fam, model $model${mhz:+, ${mhz%.*} MHz})"
  cores=$(nproc 2>/dev/null || echo "?")
  mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
  os=$( (. /etc/os-release 2>/dev/null && echo "${PRETTY_NAME:-}") || true)
  kernel="$(uname -sr) $(uname -m)"
  virt=""
  grep -qw hypervisor /proc/cpuinfo 2>/dev/null && virt=" (virtual machine)"
  cc=$(cache_var CMAKE_C_COMPILER)
  build_type=$(cache_var CMAKE_BUILD_TYPE)
  cflags_var="CMAKE_C_FLAGS_$(tr '[:lower:]' '[:upper:]' <<<"${build_type:-release}")"
  cflags="$(cache_var CMAKE_C_FLAGS) $(cache_var "$cflags_var")"
  echo "- CPU: ${cpu}, ${cores} logical CPUs${virt}"
  echo "- Memory: ${mem:-?}"
  echo "- OS: ${os:-?}, ${kernel}"
  echo "- C compiler: $(first_line "${cc:-cc}" --version) (${build_type:-?}: ${cflags# }), libwetee linked as a shared library"
  if [[ $HAVE_RUST == 1 ]]; then
    echo "- Rust: $(first_line rustc --version) (release profile: opt-level 3, lto fat, codegen-units 1)"
  fi
  [[ $HAVE_NODE == 1 ]] && echo "- Node.js: $(node --version)"
  echo "- libwetee: $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo "?")"
  local deps=()
  if [[ $HAVE_RUST == 1 ]]; then
    local d
    for d in $(awk '/^\[dependencies\]/ { on = 1; next } /^\[/ { on = 0 } on && /^[A-Za-z0-9_-]+[[:space:]]*=/ { print $1 }' \
        "$RUST_DIR/Cargo.toml"); do
      deps+=("$d $(awk -v n="$d" '$0 == "name = \"" n "\"" { getline; gsub(/[^0-9A-Za-z.+-]|version/, ""); print; exit }' \
        "$RUST_DIR/Cargo.lock")")
    done
  fi
  if [[ $HAVE_NODE == 1 ]]; then
    local line
    while IFS= read -r line; do deps+=("$line"); done < <(cd "$NODE_DIR" && node -e '
      const p = require("./package.json"), l = require("./package-lock.json");
      for (const d of Object.keys(p.dependencies || {}))
        console.log(`${d} ${(l.packages["node_modules/" + d] || {}).version || "?"}`);')
  fi
  [[ ${#deps[@]} -gt 0 ]] && echo "- Peers: $(IFS=,; echo "${deps[*]}" | sed 's/,/, /g')"
  echo "- Method: median of ${WETEE_BENCH_SAMPLES:-5} samples over ~${WETEE_BENCH_SECONDS:-1} s per case and implementation, each case in its own process"
  echo "- Other work: CPUs ${BUSY_BEFORE} busy in the second before the ${ELAPSED} s run; load average before / after: ${LOAD_BEFORE} / ${LOAD_AFTER} (other work makes the numbers noisier)"
}

# ---- the tables -----------------------------------------------------------

tables() {
  awk -F'\t' '
    function human(ns) {
      if (ns >= 1e9) return sprintf("%.2f s", ns / 1e9)
      if (ns >= 1e6) return sprintf("%.2f ms", ns / 1e6)
      if (ns >= 1e3) return sprintf("%.2f µs", ns / 1e3)
      return sprintf("%.2f ns", ns)
    }
    function ratio(r) {
      if (r >= 100) return sprintf("%.0f×", r)
      if (r >= 10) return sprintf("%.1f×", r)
      return sprintf("%.2f×", r)
    }
    function mib(kb) { return sprintf("%.1f MiB", kb / 1024) }
    # fields: module, BENCH, impl, case, ns/op, ops/s, peak RSS kB, samples, iterations, min, max
    $2 == "BENCH" {
      m = $1
      if (!(m in seen_mod)) { seen_mod[m] = 1; mods[++nm] = m }
      if (!((m, $3) in seen_impl)) { seen_impl[m, $3] = 1; impls[m, ++ni[m]] = $3 }
      if (!((m, $4) in seen_case)) { seen_case[m, $4] = 1; cases[m, ++nc[m]] = $4 }
      ns[m, $3, $4] = $5; rss[m, $3, $4] = $7
      if ($5 > 0 && $11 != "" && ($11 - $10) / $5 > 0.25) { noisy[m, $3, $4] = 1; any_noisy = 1 }
    }
    $2 == "CHECK" {
      k = $1 SUBSEP $4
      if (!(k in first)) first[k] = $5
      else if (first[k] != $5) mismatch[k] = 1
      checked[k]++
    }
    END {
      for (mi = 1; mi <= nm; mi++) {
        m = mods[mi]
        # libwetee first, then the peers in order of appearance
        n = 0
        if ((m, "libwetee") in seen_impl) order[++n] = "libwetee"
        for (i = 1; i <= ni[m]; i++) if (impls[m, i] != "libwetee") order[++n] = impls[m, i]
        hdr = "| case |"; sep = "| --- |"
        for (i = 1; i <= n; i++) { hdr = hdr " " order[i] " |"; sep = sep " ---: |" }
        if (mi > 1) print ""
        print "Module " m ": time per operation (ratio = peer / libwetee; above 1 means libwetee is faster)"
        print ""
        print hdr " same output |"; print sep " :---: |"
        for (c = 1; c <= nc[m]; c++) {
          k = cases[m, c]; row = "| " k " |"
          base = (m, "libwetee", k) in ns ? ns[m, "libwetee", k] : 0
          for (i = 1; i <= n; i++) {
            if (!((m, order[i], k) in ns)) { row = row " – |"; continue }
            v = ns[m, order[i], k]; cell = human(v)
            if ((m, order[i], k) in noisy) cell = cell " †"
            if (order[i] != "libwetee" && base > 0) cell = cell " (" ratio(v / base) ")"
            row = row " " cell " |"
          }
          same = ((m, k) in mismatch) ? "**NO**" : (checked[m, k] > 1 ? "yes" : "–")
          print row " " same " |"
        }
        print ""
        print "Module " m ": peak resident memory of the process running the case (getrusage ru_maxrss)"
        print ""
        print hdr; print sep
        for (c = 1; c <= nc[m]; c++) {
          k = cases[m, c]; row = "| " k " |"
          for (i = 1; i <= n; i++)
            row = row " " (((m, order[i], k) in rss) ? mib(rss[m, order[i], k]) : "–") " |"
          print row
        }
      }
      if (any_noisy) { print ""; print "† its samples spread over more than 25% of the median (max - min): a noisy measurement." }
    }' "$RAW"
}

{
  echo "Machine:"
  echo
  machine
  echo
  tables
} | tee "$REPORT"
status=0
if grep -q '\*\*NO\*\*' "$REPORT"; then
  warn "some implementations produced different output for the same case (see 'same output')"
  status=1
fi
if [[ ${#FAILED[@]} -gt 0 ]]; then
  warn "failed: ${FAILED[*]}"
  status=1
fi
exit $status
