#!/usr/bin/env bash
# Run libwetee's benchmarks and their peer implementations in interleaved
# rounds, then print the machine and one table per metric, joined by case
# name, with the ratio "peer / libwetee" (above 1: libwetee is faster).
#
# Usage: bench/run.sh [FILTER...]
#   FILTER selects modules or cases by substring: `bench/run.sh scale` runs the
#   SCALE module, `bench/run.sh decode` every case whose name contains
#   "decode". No filter: everything.
#
# The method (why: on a shared machine, other work comes and goes; measuring
# each implementation right after the others and repeating that, instead of
# one implementation for a long stretch, keeps the ratios steady):
#   round r = 1..WETEE_BENCH_ROUNDS (default 5): for every case, every
#   implementation that has it runs the case once, in its own process, one
#   after the other, the order rotated by one place from round to round (and
#   from case to case), so that none is always first or last;
#   one run of a case is the harness method of bench/harness.h (calibration,
#   then WETEE_BENCH_SAMPLES samples over WETEE_BENCH_SECONDS; median);
#   the ratio peer / libwetee is taken per round, from runs seconds apart,
#   and reported as the median over the rounds with its min and max; times
#   are the median of the round medians with their min and max.
# The machine section names the CPU (lscpu model, family/model, the SIMD
# flags that decide which code the peers run) and how busy the machine was
# with other work during the run (from /proc/stat minus this run's own CPU
# time), per round.
#
# Environment: WETEE_BENCH_ROUNDS (default 5), WETEE_BENCH_SECONDS (measured
# time per case, implementation and round, default 0.5), WETEE_BENCH_SAMPLES
# (per run, default 5), WETEE_BUILD_DIR (default build/release).
#
# What runs, by module name M:
#   libwetee                build/release/bench/bench_M   (from bench/bench_M.c)
#   Rust peers              bench/peers/rust/target/release/M_peer (src/bin/M_peer.rs)
#   JavaScript peers        node bench/peers/node/bench_M.mjs
#   Go peers                bench/peers/go/M_peer (go build into $WETEE_BUILD_DIR/bench/go)
# Each prints BENCH/CHECK lines (format in bench/harness.h); each run of a case
# is a process of its own, so that its peak RSS is its own. Raw lines (with
# the module and the round in front) and the report are kept in
# $WETEE_BUILD_DIR/bench/results.tsv, machine.md and results.md; bench/report.py makes the
# tables from the raw lines (and with --update puts them into docs/performance.md).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BUILD=${WETEE_BUILD_DIR:-$ROOT/build/release}
RUST_DIR=$ROOT/bench/peers/rust
NODE_DIR=$ROOT/bench/peers/node
GO_DIR=$ROOT/bench/peers/go
FILTERS=("$@")
ROUNDS=${WETEE_BENCH_ROUNDS:-5}
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: WETEE_BENCH_ROUNDS must be a positive integer" >&2; exit 2; }
export WETEE_BENCH_SECONDS=${WETEE_BENCH_SECONDS:-0.5}
export WETEE_BENCH_SAMPLES=${WETEE_BENCH_SAMPLES:-5}
# the local JSON-RPC server that bench_rpc and its peer both run against
export WETEE_RPC_BENCH_SERVER=${WETEE_RPC_BENCH_SERVER:-$BUILD/bench/rpc_bench_server}

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

HAVE_GO=0
if [[ -f $GO_DIR/go.mod ]]; then
  if command -v go >/dev/null; then
    log "building the Go peers (go build, modules pinned in go.sum)"
    mkdir -p "$BUILD/bench/go"
    HAVE_GO=1
    for d in "$GO_DIR"/*_peer; do
      [[ -f $d/main.go ]] || continue
      (cd "$GO_DIR" && go build -mod=readonly -o "$BUILD/bench/go/$(basename "$d")" "./$(basename "$d")") ||
        { warn "go build of $(basename "$d") failed: the Go peers are skipped"; HAVE_GO=0; }
    done
  else
    warn "go not found: the Go peers are skipped"
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
if [[ $HAVE_GO == 1 ]]; then
  for exe in "$BUILD"/bench/go/*_peer; do
    [[ -x $exe ]] || continue
    name=$(basename "$exe")
    RUNNERS+=("${name%_peer}"$'\t'"$exe")
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

# ---- run: interleaved rounds ----------------------------------------------

mkdir -p "$BUILD/bench"
RAW=$BUILD/bench/results.tsv
REPORT=$BUILD/bench/results.md
: >"$RAW"
ERR=$(mktemp)
MACHINE=$BUILD/bench/machine.md
trap 'rm -f "$ERR"' EXIT

# CPU time (clock ticks) of the whole machine: "busy total", from /proc/stat
cpu_ticks() {
  local a i tot=0
  read -ra a < <(head -n1 /proc/stat 2>/dev/null) || { echo "0 0"; return; }
  for i in 1 2 3 4 5 6 7 8; do tot=$(( tot + ${a[i]:-0} )); done
  echo "$(( tot - a[4] - a[5] )) $tot"
}
# CPU time (clock ticks) of this script's finished children: the benchmarks
own_ticks() {
  local f
  read -ra f < /proc/$$/stat 2>/dev/null || { echo 0; return; }
  # fields after the ")" of the command name: cutime and cstime are 16 and 17
  local rest=${f[*]}; rest=${rest##*) }
  read -ra f <<<"$rest"
  echo $(( ${f[13]:-0} + ${f[14]:-0} ))
}
# "LOAD" line of a stretch: share of the machine's CPU time used by other work
# and by this run, between two (cpu_ticks own_ticks) readings
load_line() { # label busy0 tot0 own0 busy1 tot1 own1
  local dt=$(( $6 - $3 )) ours=$(( $7 - $4 )) busy=$(( $5 - $2 ))
  (( dt > 0 )) || { printf -- '-\t%s\tLOAD\t?\t?\n' "$1"; return; }
  local other=$(( busy - ours )); (( other >= 0 )) || other=0
  printf -- '-\t%s\tLOAD\t%d\t%d\n' "$1" $(( 100 * other / dt )) $(( 100 * ours / dt ))
}

modules=$(printf '%s\n' "${RUNNERS[@]}" | cut -f1 | awk '!seen[$0]++')
# Per module: its commands, their case lists, the union of the cases
declare -A MOD_CMDS=() LISTS=() MOD_CASES=()
for module in $modules; do
  cmds=()
  for r in "${RUNNERS[@]}"; do [[ ${r%%$'\t'*} == "$module" ]] && cmds+=("${r#*$'\t'}"); done
  MOD_CMDS[$module]=$(printf '%s\n' "${cmds[@]}")
  cases=()
  for cmd in "${cmds[@]}"; do
    # shellcheck disable=SC2086  # cmd is "node file" or a path
    LISTS[$cmd]=$($cmd --list 2>"$ERR") || { warn "$cmd --list failed: $(tail -3 "$ERR")"; LISTS[$cmd]=""; }
    while read -r c; do
      [[ -n $c ]] || continue
      selected "$module" "$c" || continue
      [[ " ${cases[*]:-} " == *" $c "* ]] || cases+=("$c")
    done <<<"${LISTS[$cmd]}"
  done
  MOD_CASES[$module]=${cases[*]:-}
done

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
read -r busy_start tot_start < <(cpu_ticks); own_start=$(own_ticks)
start=$SECONDS
FAILED=()
for (( round = 1; round <= ROUNDS; round++ )); do
  read -r busy0 tot0 < <(cpu_ticks); own0=$(own_ticks)
  for module in $modules; do
    mapfile -t cmds <<<"${MOD_CMDS[$module]}"
    ci=0
    for c in ${MOD_CASES[$module]}; do
      have=()
      for cmd in "${cmds[@]}"; do grep -qxF "$c" <<<"${LISTS[$cmd]}" && have+=("$cmd"); done
      n=${#have[@]}
      for (( k = 0; k < n; k++ )); do
        cmd=${have[(k + round - 1 + ci) % n]}
        log "round $round/$ROUNDS $module/$c: $(basename "${cmd##* }")"
        # raw lines, prefixed with the module and the round: "<module>\t<round>\tBENCH\t..."
        # shellcheck disable=SC2086
        if ! $cmd "$c" 2>"$ERR" | sed "s/^/$module\t$round\t/" >>"$RAW"; then
          warn "$cmd $c failed:"; tail -5 "$ERR" >&2
          FAILED+=("$module/$c (round $round): $(basename "${cmd##* }")")
        fi
      done
      ci=$(( ci + 1 ))
    done
  done
  read -r busy1 tot1 < <(cpu_ticks); own1=$(own_ticks)
  load_line "$round" "$busy0" "$tot0" "$own0" "$busy1" "$tot1" "$own1" >>"$RAW"
done
ELAPSED=$((SECONDS - start))
read -r busy_end tot_end < <(cpu_ticks); own_end=$(own_ticks)
load_line all "$busy_start" "$tot_start" "$own_start" "$busy_end" "$tot_end" "$own_end" >>"$RAW"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
log "measured in $ELAPSED s"
grep -q $'\tBENCH\t' "$RAW" || { warn "no case matched: ${FILTERS[*]:-}"; exit 1; }

# ---- the machine ----------------------------------------------------------

first_line() { "$@" 2>/dev/null | head -n1 || true; }
cache_var() { sed -n "s/^$1:[A-Z]*=//p" "$BUILD/CMakeCache.txt" 2>/dev/null | head -n1; }

machine() {
  local cpu cores mem os kernel virt cc build_type cflags_var cflags
  cpu=$(LC_ALL=C lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n1)
  [[ -n $cpu ]] || cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n1)
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
  # the instruction-set extensions that decide which code paths run (curve25519-dalek picks
  # AVX2 or AVX-512 IFMA at run time; libsodium, OpenSSL and V8 dispatch on several)
  local flags="" f
  for f in sse4_1 avx avx2 bmi2 adx sha_ni aes vaes avx512f avx512ifma avx512vl asimd sha2 pmull; do
    grep -qw "$f" <(grep -m1 -E '^(flags|Features)' /proc/cpuinfo 2>/dev/null) && flags+=" $f"
  done
  echo "- CPU: ${cpu}, ${cores} logical CPUs${virt}"
  echo "- CPU flags of note:${flags:- none of the listed ones}"
  echo "- Memory: ${mem:-?}"
  echo "- OS: ${os:-?}, ${kernel}"
  echo "- C compiler: $(first_line "${cc:-cc}" --version) (${build_type:-?}: ${cflags# }), libwetee linked as a shared library"
  if [[ $HAVE_RUST == 1 ]]; then
    echo "- Rust: $(first_line rustc --version) (release profile: opt-level 3, lto fat, codegen-units 1)"
  fi
  [[ $HAVE_NODE == 1 ]] && echo "- Node.js: $(node --version)"
  [[ $HAVE_GO == 1 ]] && echo "- Go: $(go version | cut -d' ' -f3)"
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
  if [[ $HAVE_GO == 1 ]]; then
    local line
    # the direct requirements of bench/peers/go/go.mod
    while IFS= read -r line; do deps+=("$line"); done < <(awk '/^require [^(]/ { print $2 " " $3 }
      /^require \(/ { on = 1; next } on && /^\)/ { on = 0 } on && !/indirect/ { print $1 " " $2 }' "$GO_DIR/go.mod")
  fi
  [[ ${#deps[@]} -gt 0 ]] && echo "- Peers: $(IFS=,; echo "${deps[*]}" | sed 's/,/, /g')"
  echo "- Method: ${ROUNDS} interleaved rounds (every implementation runs each case once per round, in its own process, order rotated); a run is the median of ${WETEE_BENCH_SAMPLES} samples over ~${WETEE_BENCH_SECONDS} s"
  echo "- Load: load average before / after the ${ELAPSED} s run: ${LOAD_BEFORE} / ${LOAD_AFTER}"
}

# ---- the report -----------------------------------------------------------

machine >"$MACHINE"
python3 "$ROOT/bench/report.py" "$RAW" "$MACHINE" | tee "$REPORT"
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
