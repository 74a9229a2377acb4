//! parity-scale-codec peer of bench/bench_scale.c: the same cases on the same
//! data (see the comment at the top of bench/bench_scale.c).

use parity_scale_codec::{Compact, Decode, DecodeAll, Encode};
use peer_harness::{fnv1a, splitmix64, Bench, Case, FNV_INIT};
use std::hint::black_box;

const COMPACT_N: usize = 1024;
const VEC_N: usize = 1_000_000;

fn compact_values() -> Vec<u128> {
    let mut s = 42u64;
    (0..COMPACT_N)
        .map(|i| {
            let r = splitmix64(&mut s);
            match i % 4 {
                0 => (r % 64) as u128,
                1 => (64 + r % ((1 << 14) - 64)) as u128,
                2 => ((1 << 14) + r % ((1 << 30) - (1 << 14))) as u128,
                _ => {
                    let k = 4 + (r % 13) as u32; // 4..16 bytes
                    let lo = splitmix64(&mut s) as u128;
                    let hi = splitmix64(&mut s) as u128;
                    let bits = 8 * k;
                    let mut v = (hi << 64) | lo;
                    if bits < 128 {
                        v &= (1u128 << bits) - 1;
                    }
                    v | (1u128 << (bits - 1))
                }
            }
        })
        .collect()
}

struct CompactEncode {
    values: Vec<u128>,
    out: Vec<u8>,
}

impl Bench for CompactEncode {
    fn run(&mut self, iters: u64) {
        for _ in 0..iters {
            self.out.clear();
            for &v in &self.values {
                Compact(v).encode_to(&mut self.out);
            }
            black_box(&self.out);
        }
    }
    fn check(&mut self) -> u64 {
        self.run(1);
        fnv1a(FNV_INIT, &self.out)
    }
}

struct CompactDecode {
    enc: Vec<u8>,
    decoded: Vec<u128>,
}

impl Bench for CompactDecode {
    fn run(&mut self, iters: u64) {
        for _ in 0..iters {
            let mut input: &[u8] = black_box(&self.enc);
            for d in self.decoded.iter_mut() {
                *d = <Compact<u128>>::decode(&mut input).expect("compact decode").0;
            }
            black_box(&self.decoded);
        }
    }
    fn check(&mut self) -> u64 {
        self.run(1);
        self.decoded.iter().fold(FNV_INIT, |h, v| fnv1a(h, &v.to_le_bytes()))
    }
}

fn compact_encoding(values: &[u128]) -> Vec<u8> {
    let mut enc = Vec::new();
    for &v in values {
        Compact(v).encode_to(&mut enc);
    }
    enc
}

fn vec_values() -> Vec<u32> {
    let mut s = 7u64;
    (0..VEC_N).map(|_| splitmix64(&mut s) as u32).collect()
}

struct VecEncode {
    values: Vec<u32>,
    out: Vec<u8>,
}

impl Bench for VecEncode {
    fn run(&mut self, iters: u64) {
        for _ in 0..iters {
            self.out.clear();
            black_box(&self.values).encode_to(&mut self.out);
            black_box(&self.out);
        }
    }
    fn check(&mut self) -> u64 {
        self.run(1);
        fnv1a(FNV_INIT, &self.out)
    }
}

struct VecDecode {
    enc: Vec<u8>,
    last: Vec<u32>,
}

impl Bench for VecDecode {
    fn run(&mut self, iters: u64) {
        for _ in 0..iters {
            // The idiomatic API allocates the output; decode_all also checks
            // that the whole input was consumed (as wetee_scale_finish does).
            let v = Vec::<u32>::decode_all(&mut black_box(&self.enc[..])).expect("vec decode");
            assert_eq!(v.len(), VEC_N);
            black_box(&v);
        }
    }
    fn check(&mut self) -> u64 {
        self.last = Vec::<u32>::decode_all(&mut &self.enc[..]).expect("vec decode");
        self.last.iter().fold(FNV_INIT, |h, v| fnv1a(h, &v.to_le_bytes()))
    }
}

fn main() {
    let cases = [
        Case {
            name: "compact_u128_encode",
            ops_per_iter: COMPACT_N as f64,
            setup: || {
                let values = compact_values();
                let cap = compact_encoding(&values).len();
                Box::new(CompactEncode { values, out: Vec::with_capacity(cap) })
            },
        },
        Case {
            name: "compact_u128_decode",
            ops_per_iter: COMPACT_N as f64,
            setup: || Box::new(CompactDecode { enc: compact_encoding(&compact_values()), decoded: vec![0; COMPACT_N] }),
        },
        Case {
            name: "vec_u32_1m_encode",
            ops_per_iter: 1.0,
            setup: || {
                let values = vec_values();
                let cap = values.encoded_size();
                Box::new(VecEncode { values, out: Vec::with_capacity(cap) })
            },
        },
        Case {
            name: "vec_u32_1m_decode",
            ops_per_iter: 1.0,
            setup: || Box::new(VecDecode { enc: vec_values().encode(), last: Vec::new() }),
        },
    ];
    peer_harness::main("parity-scale-codec", &cases);
}
