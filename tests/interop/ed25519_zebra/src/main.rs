//! Differential oracle for libwetee's ed25519 verification (tests/interop/run.sh,
//! suite "ed25519"): generates signature cases, honest and adversarial, and
//! prints ed25519-zebra's verdict for each. sp-core verifies ed25519 with
//! ed25519-zebra, so its verdict is the chain's; the libwetee side
//! (tests/interop/ed25519_vectors.c) must agree on every line.
//!
//! Usage: ed25519_zebra_cases SEED COUNT
//! Output, one case per line, tab-separated:
//!   kind  public-key-hex  signature-hex  message-hex  verdict (1 valid, 0 not)
//!
//! The points and scalars are built with curve25519-dalek (ed25519-zebra's
//! own curve crate), independently of libwetee's curve code.

use curve25519_dalek::constants::EIGHT_TORSION;
use curve25519_dalek::edwards::{CompressedEdwardsY, EdwardsPoint};
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::IsIdentity;
use ed25519_zebra::{Signature, SigningKey, VerificationKey};
use sha2::{Digest, Sha512};
use std::io::{BufWriter, Write};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // splitmix64
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn bytes<const N: usize>(&mut self) -> [u8; N] {
        let mut b = [0u8; N];
        for chunk in b.chunks_mut(8) {
            let v = self.next().to_le_bytes();
            chunk.copy_from_slice(&v[..chunk.len()]);
        }
        b
    }
    fn vec(&mut self, max: u64) -> Vec<u8> {
        let n = self.below(max + 1) as usize;
        (0..n).map(|_| self.next() as u8).collect()
    }
    fn scalar(&mut self) -> Scalar {
        Scalar::from_bytes_mod_order_wide(&self.bytes::<64>())
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// ed25519-zebra's verdict, as sp-core's `ed25519::Pair::verify` computes it.
fn zebra(public: &[u8; 32], sig: &[u8; 64], msg: &[u8]) -> bool {
    VerificationKey::try_from(*public).and_then(|vk| vk.verify(&Signature::from_bytes(sig), msg)).is_ok()
}

fn challenge(r: &[u8; 32], a: &[u8; 32], msg: &[u8]) -> Scalar {
    let mut h = Sha512::new();
    h.update(r);
    h.update(a);
    h.update(msg);
    Scalar::from_bytes_mod_order_wide(&h.finalize().into())
}

/// 2^255 - 19 + t, little-endian (t < 19: the non-canonical y = t).
fn p_plus(t: u8) -> [u8; 32] {
    let mut b = [0xffu8; 32];
    b[0] = 0xed + t;
    b[31] = 0x7f;
    b
}

/// Every encoding of a small-order point: the canonical ones, the
/// non-canonical y >= p, and those with a sign bit on x = 0.
fn small_order_encodings() -> Vec<[u8; 32]> {
    let mut out: Vec<[u8; 32]> = EIGHT_TORSION.iter().map(|p| p.compress().to_bytes()).collect();
    let mut extra: Vec<[u8; 32]> = Vec::new();
    for t in 0..19u8 {
        extra.push(p_plus(t));
        let mut s = p_plus(t);
        s[31] |= 0x80;
        extra.push(s);
    }
    for e in out.iter() {
        let mut s = *e;
        s[31] ^= 0x80;
        extra.push(s);
    }
    for e in extra {
        if let Some(p) = CompressedEdwardsY(e).decompress() {
            if p.is_small_order() && !out.contains(&e) {
                out.push(e);
            }
        }
    }
    out
}

/// Encodings of y >= p (and any sign) that decode, small order or not.
fn non_canonical_encodings() -> Vec<[u8; 32]> {
    let mut out = Vec::new();
    for t in 0..19u8 {
        for sign in [0u8, 0x80] {
            let mut e = p_plus(t);
            e[31] |= sign;
            if CompressedEdwardsY(e).decompress().is_some() {
                out.push(e);
            }
        }
    }
    out
}

struct Honest {
    a: Scalar,
    r: Scalar,
    a_enc: [u8; 32],
    r_enc: [u8; 32],
}

/// A key a·B + T (T small order, maybe the identity) and a nonce point
/// r·B + T' with their encodings.
fn honest(rng: &mut Rng, small: &[EdwardsPoint], t_a: usize, t_r: usize) -> Honest {
    let a = rng.scalar();
    let r = rng.scalar();
    let a_pt = EdwardsPoint::mul_base(&a) + small[t_a];
    let r_pt = EdwardsPoint::mul_base(&r) + small[t_r];
    Honest { a, r, a_enc: a_pt.compress().to_bytes(), r_enc: r_pt.compress().to_bytes() }
}

/// S = r + k·a with k over the given encodings.
fn sign_with(h: &Honest, msg: &[u8]) -> [u8; 64] {
    let k = challenge(&h.r_enc, &h.a_enc, msg);
    let s = h.r + k * h.a;
    let mut sig = [0u8; 64];
    sig[..32].copy_from_slice(&h.r_enc);
    sig[32..].copy_from_slice(s.as_bytes());
    sig
}

/// s + ℓ as 32 bytes (s < ℓ, so it fits below 2^254).
fn plus_l(s: &[u8]) -> [u8; 32] {
    const L: [u8; 32] = [
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
    ];
    let mut out = [0u8; 32];
    let mut carry = 0u16;
    for i in 0..32 {
        let v = s[i] as u16 + L[i] as u16 + carry;
        out[i] = v as u8;
        carry = v >> 8;
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() != 2 {
        eprintln!("usage: ed25519_zebra_cases SEED COUNT");
        std::process::exit(2);
    }
    let seed: u64 = args[0].parse().unwrap_or_else(|_| {
        eprintln!("SEED must be a number");
        std::process::exit(2)
    });
    let count: u64 = args[1].parse().unwrap_or_else(|_| {
        eprintln!("COUNT must be a number");
        std::process::exit(2)
    });
    let mut rng = Rng(seed ^ 0x6564_3235_3531_397a);
    let small_enc = small_order_encodings();
    let noncanon = non_canonical_encodings();
    let identity_enc: Vec<[u8; 32]> = small_enc
        .iter()
        .copied()
        .filter(|e| CompressedEdwardsY(*e).decompress().is_some_and(|p| p.is_identity()))
        .collect();
    let mut small: Vec<EdwardsPoint> = vec![EdwardsPoint::default()];
    small.extend(EIGHT_TORSION.iter().skip(1).copied());
    let out = std::io::stdout();
    let mut w = BufWriter::new(out.lock());
    let mut emit = |kind: &str, public: &[u8; 32], sig: &[u8; 64], msg: &[u8]| {
        let v = zebra(public, sig, msg);
        writeln!(w, "{kind}\t{}\t{}\t{}\t{}", hex(public), hex(sig), hex(msg), v as u8).expect("stdout");
    };

    for i in 0..count {
        let msg = rng.vec(80);
        match i % 12 {
            0 => {
                // honest RFC 8032 signature by ed25519-zebra's signer
                let sk = SigningKey::from(rng.bytes::<32>());
                let public: [u8; 32] = VerificationKey::from(&sk).into();
                emit("honest", &public, &sk.sign(&msg).to_bytes(), &msg);
            }
            1 => {
                // honest, then one bit flipped in the signature, key or message
                let sk = SigningKey::from(rng.bytes::<32>());
                let mut public: [u8; 32] = VerificationKey::from(&sk).into();
                let mut sig = sk.sign(&msg).to_bytes();
                let mut m = msg.clone();
                match rng.below(3) {
                    0 => sig[rng.below(64) as usize] ^= 1 << rng.below(8),
                    1 => public[rng.below(32) as usize] ^= 1 << rng.below(8),
                    _ => m.push(rng.next() as u8),
                }
                emit("tampered", &public, &sig, &m);
            }
            2 => {
                // small-order key (any encoding), R = r·B (+ small), S = r or random
                let a_enc = small_enc[rng.below(small_enc.len() as u64) as usize];
                let r = rng.scalar();
                let r_pt = EdwardsPoint::mul_base(&r) + small[rng.below(8) as usize];
                let mut sig = [0u8; 64];
                sig[..32].copy_from_slice(&r_pt.compress().to_bytes());
                let s = if rng.below(4) == 0 { rng.scalar() } else { r };
                sig[32..].copy_from_slice(s.as_bytes());
                emit("small-order-key", &a_enc, &sig, &msg);
            }
            3 => {
                // small-order key and small-order R (any encodings), S = 0 or random
                let a_enc = small_enc[rng.below(small_enc.len() as u64) as usize];
                let r_enc = small_enc[rng.below(small_enc.len() as u64) as usize];
                let mut sig = [0u8; 64];
                sig[..32].copy_from_slice(&r_enc);
                if rng.below(3) == 0 {
                    sig[32..].copy_from_slice(rng.scalar().as_bytes());
                }
                emit("small-order-key-and-r", &a_enc, &sig, &msg);
            }
            4 => {
                // mixed-order key A + T, honest otherwise
                let t = 1 + rng.below(7) as usize;
                let h = honest(&mut rng, &small, t, 0);
                emit("mixed-order-key", &h.a_enc, &sign_with(&h, &msg), &msg);
            }
            5 => {
                // mixed-order R + T (and maybe key), honest otherwise
                let (ta, tr) = (rng.below(8) as usize, 1 + rng.below(7) as usize);
                let h = honest(&mut rng, &small, ta, tr);
                emit("mixed-order-r", &h.a_enc, &sign_with(&h, &msg), &msg);
            }
            6 => {
                // mixed-order key, S computed over another encoding (k differs)
                let t = 1 + rng.below(7) as usize;
                let mut h = honest(&mut rng, &small, t, 0);
                let sig = sign_with(&h, &msg);
                h.a_enc[31] ^= 0x80;
                emit("mixed-order-key-negated", &h.a_enc, &sig, &msg);
            }
            7 => {
                // non-canonical (y >= p) encodings of small-order points as A or R
                let e = noncanon[rng.below(noncanon.len() as u64) as usize];
                let h = honest(&mut rng, &small, 0, 0);
                let mut sig = sign_with(&h, &msg);
                if rng.below(2) == 0 {
                    sig[..32].copy_from_slice(&e);
                    emit("non-canonical-r", &h.a_enc, &sig, &msg);
                } else {
                    let r = h.r;
                    sig[32..].copy_from_slice(r.as_bytes());
                    emit("non-canonical-key", &e, &sig, &msg);
                }
            }
            8 => {
                // non-canonical S: s + ℓ, or the top bits set
                let sk = SigningKey::from(rng.bytes::<32>());
                let public: [u8; 32] = VerificationKey::from(&sk).into();
                let mut sig = sk.sign(&msg).to_bytes();
                if rng.below(2) == 0 {
                    let s = plus_l(&sig[32..]);
                    sig[32..].copy_from_slice(&s);
                } else {
                    sig[63] |= 0x80 >> rng.below(3);
                }
                emit("non-canonical-s", &public, &sig, &msg);
            }
            9 => {
                // random bytes
                let public = rng.bytes::<32>();
                let mut sig = rng.bytes::<64>();
                if rng.below(2) == 0 {
                    sig[63] &= 0x0f;
                }
                emit("random", &public, &sig, &msg);
            }
            10 => {
                // random points that decode (A and R), random canonical S
                let mut pts = [[0u8; 32]; 2];
                for p in pts.iter_mut() {
                    loop {
                        let e = rng.bytes::<32>();
                        if CompressedEdwardsY(e).decompress().is_some() {
                            *p = e;
                            break;
                        }
                    }
                }
                let mut sig = [0u8; 64];
                sig[..32].copy_from_slice(&pts[1]);
                sig[32..].copy_from_slice(rng.scalar().as_bytes());
                emit("random-points", &pts[0], &sig, &msg);
            }
            _ => {
                // the identity key (any encoding): S·B = R signs every message
                let r = rng.scalar();
                let mut sig = [0u8; 64];
                sig[..32].copy_from_slice(&EdwardsPoint::mul_base(&r).compress().to_bytes());
                sig[32..].copy_from_slice(r.as_bytes());
                let id = identity_enc[rng.below(identity_enc.len() as u64) as usize];
                emit("identity-like-key", &id, &sig, &msg);
            }
        }
    }
}
