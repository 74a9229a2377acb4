//! The benchmark harness of the Rust peers: the same method and output as
//! libwetee's bench/harness.c (see bench/harness.h for the description). One
//! invocation is one run of the selected cases; bench/run.sh interleaves runs
//! of every implementation in rounds and takes the ratios within each round.
//!
//! A case is set up only when it is selected, so that a process running one
//! case reports that case's peak memory. Output lines (tab-separated):
//!
//! ```text
//! BENCH <impl> <case> <ns_per_op> <ops_per_s> <peak_rss_kb> <samples> <iters_per_sample> <min_ns> <max_ns>
//! CHECK <impl> <case> <fnv1a-64 of the output, 16 hex digits>
//! ```

use std::time::Instant;

/// The state of one case, built by its setup function.
pub trait Bench {
    /// Run `iters` iterations (timed).
    fn run(&mut self, iters: u64);
    /// Hash of the output of one iteration (not timed).
    fn check(&mut self) -> u64;
}

/// One benchmark case.
pub struct Case {
    pub name: &'static str,
    /// Operations done by one iteration of `run` (e.g. 1024 compact values).
    pub ops_per_iter: f64,
    pub setup: fn() -> Box<dyn Bench>,
}

pub const FNV_INIT: u64 = 0xcbf2_9ce4_8422_2325;

/// Continue a FNV-1a 64 hash.
pub fn fnv1a(mut h: u64, data: &[u8]) -> u64 {
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// splitmix64: the deterministic generator every implementation uses for its data.
pub fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn peak_rss_kb() -> i64 {
    // struct rusage on 64-bit Linux: two struct timeval, then 14 longs, ru_maxrss first.
    #[repr(C)]
    struct RUsage {
        utime: [i64; 2],
        stime: [i64; 2],
        maxrss: i64,
        rest: [i64; 13],
    }
    extern "C" {
        fn getrusage(who: i32, usage: *mut RUsage) -> i32;
    }
    let mut ru = RUsage { utime: [0; 2], stime: [0; 2], maxrss: 0, rest: [0; 13] };
    // SAFETY: getrusage(RUSAGE_SELF = 0) fills a struct of the declared layout.
    if unsafe { getrusage(0, &mut ru) } == 0 { ru.maxrss } else { -1 }
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn peak_rss_kb() -> i64 {
    -1
}

fn env_f64(name: &str, dflt: f64, lo: f64, hi: f64) -> f64 {
    match std::env::var(name) {
        Ok(s) if !s.is_empty() => match s.parse::<f64>() {
            Ok(v) if v >= lo && v <= hi => v,
            _ => {
                eprintln!("bench: ignoring {name}={s} (expected a number in [{lo}, {hi}])");
                dflt
            }
        },
        _ => dflt,
    }
}

fn timed(b: &mut dyn Bench, iters: u64) -> f64 {
    let t0 = Instant::now();
    b.run(iters);
    t0.elapsed().as_secs_f64()
}

fn run_case(imp: &str, c: &Case, seconds: f64, mut samples: usize) {
    let mut b = (c.setup)();
    let per_sample = seconds / samples as f64;

    // Calibration (also the warm-up).
    let mut iters: u64 = 1;
    let mut t;
    loop {
        t = timed(b.as_mut(), iters);
        if t >= per_sample / 5.0 || iters >= 1u64 << 40 {
            break;
        }
        let f = if t > 0.0 { (per_sample * 0.3 / t).ceil() } else { 100.0 };
        iters *= f.clamp(2.0, 100.0) as u64;
    }
    let per_iter = t / iters as f64;
    let n = ((per_sample / per_iter).round() as u64).max(1);
    if per_iter > per_sample {
        // A slow case: one iteration per sample, bounded total time.
        let fit = (seconds / per_iter).floor() as usize;
        samples = fit.clamp(3, samples.max(3));
    }

    let mut ns: Vec<f64> =
        (0..samples).map(|_| timed(b.as_mut(), n) * 1e9 / (n as f64 * c.ops_per_iter)).collect();
    ns.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let med = if samples % 2 == 1 { ns[samples / 2] } else { (ns[samples / 2 - 1] + ns[samples / 2]) / 2.0 };
    let check = b.check();
    drop(b);
    println!(
        "BENCH\t{imp}\t{}\t{med:.3}\t{:.1}\t{}\t{samples}\t{n}\t{:.3}\t{:.3}",
        c.name,
        1e9 / med,
        peak_rss_kb(),
        ns[0],
        ns[samples - 1]
    );
    println!("CHECK\t{imp}\t{}\t{check:016x}", c.name);
}

/// Parse the command line (no argument: every case; names: those cases;
/// --list: print the names), run the selected cases and print their lines.
pub fn main(imp: &str, cases: &[Case]) {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--list") {
        for c in cases {
            println!("{}", c.name);
        }
        return;
    }
    for a in &args {
        if !cases.iter().any(|c| c.name == a) {
            eprintln!("bench: unknown case '{a}' (--list shows the cases)");
            std::process::exit(1);
        }
    }
    let seconds = env_f64("WETEE_BENCH_SECONDS", 1.0, 0.001, 3600.0);
    let samples = env_f64("WETEE_BENCH_SAMPLES", 5.0, 1.0, 101.0) as usize;
    for c in cases {
        if args.is_empty() || args.iter().any(|a| a == c.name) {
            run_case(imp, c, seconds, samples);
        }
    }
}
