// The benchmark harness of the JavaScript peers: the same method and output as
// libwetee's bench/harness.c (see bench/harness.h for the description). One
// invocation is one run of the selected cases; bench/run.sh interleaves runs
// of every implementation in rounds and takes the ratios within each round.
//
// A case is { name, opsPerIter, setup() -> { run(iters), check() -> hex } };
// it is set up only when selected, so that a process running one case reports
// that case's peak memory (process.resourceUsage().maxRSS, from getrusage).
// Output lines (tab-separated):
//   BENCH <impl> <case> <ns_per_op> <ops_per_s> <peak_rss_kb> <samples> <iters_per_sample> <min_ns> <max_ns>
//   CHECK <impl> <case> <fnv1a-64 of the output, 16 hex digits>

// Results are folded into this so that no work can be skipped.
export let sink = 0;
export function consume(v) {
  sink ^= typeof v === 'number' ? v : 1;
}

const M64 = (1n << 64n) - 1n;

/** splitmix64 (BigInt state, returns a BigInt): the generator every implementation uses for its data. */
export function splitmix64(state) {
  state.s = (state.s + 0x9e3779b97f4a7c15n) & M64;
  let z = state.s;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M64;
  return z ^ (z >> 31n);
}

/** FNV-1a 64 over bytes, in two exact 32-bit halves (BigInt would be slow for megabytes). */
export class Fnv1a {
  constructor() {
    this.hi = 0xcbf29ce4;
    this.lo = 0x84222325;
  }
  update(bytes) {
    let { hi, lo } = this;
    for (let i = 0; i < bytes.length; i++) {
      lo = (lo ^ bytes[i]) >>> 0;
      // h * (2^40 + 0x1b3) mod 2^64
      const l = lo * 0x1b3;
      const carry = Math.floor(l / 0x100000000);
      hi = (hi * 0x1b3 + carry + ((lo << 8) >>> 0)) % 0x100000000;
      lo = l % 0x100000000;
    }
    this.hi = hi;
    this.lo = lo;
    return this;
  }
  hex() {
    return this.hi.toString(16).padStart(8, '0') + this.lo.toString(16).padStart(8, '0');
  }
}

function envNumber(name, dflt, lo, hi) {
  const s = process.env[name];
  if (s === undefined || s === '') return dflt;
  const v = Number(s);
  if (!(v >= lo && v <= hi)) {
    process.stderr.write(`bench: ignoring ${name}=${s} (expected a number in [${lo}, ${hi}])\n`);
    return dflt;
  }
  return v;
}

function timed(b, iters) {
  const t0 = process.hrtime.bigint();
  b.run(iters);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function runCase(impl, c, seconds, samples) {
  const b = c.setup();
  const perSample = seconds / samples;

  // Calibration (also the warm-up, which lets the JIT compile the hot paths).
  let iters = 1;
  let t;
  for (;;) {
    t = timed(b, iters);
    if (t >= perSample / 5 || iters >= 2 ** 40) break;
    const f = t > 0 ? Math.ceil((perSample * 0.3) / t) : 100;
    iters *= Math.min(100, Math.max(2, f));
  }
  const perIter = t / iters;
  const n = Math.max(1, Math.round(perSample / perIter));
  if (perIter > perSample) {
    // A slow case: one iteration per sample, bounded total time.
    const fit = Math.floor(seconds / perIter);
    samples = fit < 3 ? 3 : Math.min(fit, samples);
  }

  const ns = [];
  for (let i = 0; i < samples; i++) ns.push((timed(b, n) * 1e9) / (n * c.opsPerIter));
  ns.sort((x, y) => x - y);
  const med = samples % 2 ? ns[samples >> 1] : (ns[samples / 2 - 1] + ns[samples / 2]) / 2;
  const check = b.check();
  const rss = process.resourceUsage().maxRSS;
  process.stdout.write(
    `BENCH\t${impl}\t${c.name}\t${med.toFixed(3)}\t${(1e9 / med).toFixed(1)}\t${rss}\t${samples}\t${n}\t` +
      `${ns[0].toFixed(3)}\t${ns[samples - 1].toFixed(3)}\n`,
  );
  process.stdout.write(`CHECK\t${impl}\t${c.name}\t${check}\n`);
}

/**
 * Parse the command line (no argument: every case; names: those cases;
 * --list: print the names), run the selected cases and print their lines.
 */
export function main(impl, cases) {
  const args = process.argv.slice(2);
  if (args[0] === '--list') {
    for (const c of cases) process.stdout.write(`${c.name}\n`);
    return;
  }
  for (const a of args) {
    if (!cases.some((c) => c.name === a)) {
      process.stderr.write(`bench: unknown case '${a}' (--list shows the cases)\n`);
      process.exit(1);
    }
  }
  const seconds = envNumber('WETEE_BENCH_SECONDS', 1, 0.001, 3600);
  const samples = Math.floor(envNumber('WETEE_BENCH_SAMPLES', 5, 1, 101));
  for (const c of cases) {
    if (args.length === 0 || args.includes(c.name)) runCase(impl, c, seconds, samples);
  }
}
