//! Native Rust peers of bench/bench_keys.c: the same cases on the same data
//! (see the comment at the top of bench/bench_keys.c), each done the way
//! sp-core (polkadot-sdk) does it:
//!
//! - sr25519: schnorrkel, keypair from a MiniSecretKey in Ed25519 expansion
//!   mode, `signing_context(b"substrate").bytes(msg)`; verification parses
//!   the signature and the public key on every call (sp-core's
//!   `sr25519::Pair::verify`);
//! - ed25519: sp-core's verifier, ed25519-zebra 4 (ZIP 215: the rules of
//!   libwetee's `wetee_ed25519_verify`), for ed25519_verify; ed25519-dalek 2
//!   for signing, for ed25519_verify (`verify`, RFC 8032 without the
//!   cofactor) and for ed25519_verify_strict (`verify_strict`, whose checks
//!   are close to libsodium's, which libwetee's `wetee_ed25519_verify_strict`
//!   runs); the public key is parsed on every call, as sp-core does;
//! - ecdsa: the secp256k1 crate (libsecp256k1) with its global context, a
//!   recoverable signature over blake2b-256(msg) (blake2b_simd, as
//!   sp-crypto-hashing), verification by recovery and comparison of the
//!   compressed public key;
//! - SS58: sp-core's `to_ss58check_with_version` / `from_ss58check_with_version`
//!   (for a 32-byte account id) on bs58 and blake2's Blake2b512.
//!
//! One implementation name per family (the columns of bench/run.sh's table):
//! "schnorrkel", "ed25519-zebra", "ed25519-dalek", "secp256k1 (rust)",
//! "sp-core-style ss58 (rust)". A case that two families run (ed25519_verify)
//! prints a result line for each.

use blake2::{Blake2b512, Digest};
use ed25519_dalek::{Signer, SigningKey, Verifier, VerifyingKey};
use peer_harness::{fnv1a, splitmix64, Bench, Case, FNV_INIT};
use schnorrkel::{signing_context, ExpansionMode, Keypair, MiniSecretKey, PublicKey};
use secp256k1::ecdsa::{RecoverableSignature, RecoveryId};
use secp256k1::{Message, SecretKey, SECP256K1};
use std::hint::black_box;

const KEYS_N: usize = 16;
const MSG_LEN: usize = 32;
const CTX: &[u8] = b"substrate";

/// libwetee's sr25519 signatures over the messages (the data of sr25519_verify).
const SR_SIGS: &str = include_str!("../../../../keys_sr25519_sigs.inc");

type Msgs = [[u8; MSG_LEN]; KEYS_N];

fn fill(out: &mut [u8], state: &mut u64) {
    for chunk in out.chunks_mut(8) {
        let r = splitmix64(state).to_le_bytes();
        chunk.copy_from_slice(&r[..chunk.len()]);
    }
}

fn seed_bytes(seed: u64) -> [u8; 32] {
    let mut s = seed;
    let mut out = [0u8; 32];
    fill(&mut out, &mut s);
    out
}

fn messages() -> Msgs {
    let mut s = 4u64;
    let mut m = [[0u8; MSG_LEN]; KEYS_N];
    for msg in m.iter_mut() {
        fill(msg, &mut s);
    }
    m
}

fn hex_decode(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex")).collect()
}

/// The quoted 128-digit hex strings of a .inc file, in order.
fn inc_signatures(text: &str) -> Vec<[u8; 64]> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| s.len() == 128 && s.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(|s| hex_decode(s).try_into().unwrap())
        .collect()
}

fn tampered(msg: &[u8]) -> Vec<u8> {
    let mut m = msg.to_vec();
    m[0] ^= 1;
    m
}

/// pub ‖ (signatures) ‖ results ‖ results with a tampered message, as bench_keys.c.
fn sig_hash<const S: usize>(
    public: &[u8],
    sigs: &[[u8; S]; KEYS_N],
    msgs: &Msgs,
    with_sigs: bool,
    verify: impl Fn(&[u8; S], &[u8]) -> bool,
) -> u64 {
    let mut h = fnv1a(FNV_INIT, public);
    if with_sigs {
        for s in sigs {
            h = fnv1a(h, s);
        }
    }
    for (s, m) in sigs.iter().zip(msgs) {
        h = fnv1a(h, &[verify(s, m) as u8]);
    }
    for (s, m) in sigs.iter().zip(msgs) {
        h = fnv1a(h, &[verify(s, &tampered(m)) as u8]);
    }
    h
}

// ---- sr25519 (schnorrkel, as sp-core) ----

fn sr_keypair() -> Keypair {
    MiniSecretKey::from_bytes(&seed_bytes(1)).expect("mini secret").expand_to_keypair(ExpansionMode::Ed25519)
}

/// sp-core's sr25519::Pair::sign.
fn sr_sign(kp: &Keypair, msg: &[u8]) -> [u8; 64] {
    kp.sign(signing_context(CTX).bytes(msg)).to_bytes()
}

/// sp-core's sr25519::Pair::verify.
fn sr_verify(sig: &[u8; 64], msg: &[u8], public: &[u8; 32]) -> bool {
    let Ok(signature) = schnorrkel::Signature::from_bytes(sig) else { return false };
    let Ok(public) = PublicKey::from_bytes(public) else { return false };
    public.verify_simple(CTX, msg, &signature).is_ok()
}

struct Sr {
    kp: Keypair,
    public: [u8; 32],
    msgs: Msgs,
    sigs: [[u8; 64]; KEYS_N],
    ok: [bool; KEYS_N],
}

fn sr_setup() -> Sr {
    let kp = sr_keypair();
    let public = kp.public.to_bytes();
    let v = inc_signatures(SR_SIGS);
    assert_eq!(v.len(), KEYS_N, "keys_sr25519_sigs.inc");
    let mut sigs = [[0u8; 64]; KEYS_N];
    sigs.copy_from_slice(&v);
    Sr { kp, public, msgs: messages(), sigs, ok: [false; KEYS_N] }
}

struct SrSign(Sr);
impl Bench for SrSign {
    fn run(&mut self, iters: u64) {
        let c = &mut self.0;
        for _ in 0..iters {
            for i in 0..KEYS_N {
                c.sigs[i] = sr_sign(&c.kp, &c.msgs[i]);
            }
            black_box(&c.sigs);
        }
    }
    fn check(&mut self) -> u64 {
        self.run(1);
        let c = &self.0;
        sig_hash(&c.public, &c.sigs, &c.msgs, false, |s, m| sr_verify(s, m, &c.public))
    }
}

struct SrVerify(Sr);
impl Bench for SrVerify {
    fn run(&mut self, iters: u64) {
        let c = &mut self.0;
        for _ in 0..iters {
            for i in 0..KEYS_N {
                c.ok[i] = sr_verify(black_box(&c.sigs[i]), &c.msgs[i], &c.public);
            }
            black_box(&c.ok);
        }
    }
    fn check(&mut self) -> u64 {
        let c = &self.0;
        sig_hash(&c.public, &c.sigs, &c.msgs, true, |s, m| sr_verify(s, m, &c.public))
    }
}

// ---- ed25519 (ed25519-dalek 2) ----

fn ed_verify(sig: &[u8; 64], msg: &[u8], public: &[u8; 32]) -> bool {
    let Ok(vk) = VerifyingKey::from_bytes(public) else { return false };
    vk.verify_strict(msg, &ed25519_dalek::Signature::from_bytes(sig)).is_ok()
}

struct Ed {
    sk: SigningKey,
    public: [u8; 32],
    msgs: Msgs,
    sigs: [[u8; 64]; KEYS_N],
    ok: [bool; KEYS_N],
}

fn ed_setup() -> Ed {
    let sk = SigningKey::from_bytes(&seed_bytes(2));
    let public = sk.verifying_key().to_bytes();
    let msgs = messages();
    let mut sigs = [[0u8; 64]; KEYS_N];
    for i in 0..KEYS_N {
        sigs[i] = sk.sign(&msgs[i]).to_bytes();
    }
    Ed { sk, public, msgs, sigs, ok: [false; KEYS_N] }
}

struct EdSign(Ed);
impl Bench for EdSign {
    fn run(&mut self, iters: u64) {
        let c = &mut self.0;
        for _ in 0..iters {
            for i in 0..KEYS_N {
                c.sigs[i] = c.sk.sign(&c.msgs[i]).to_bytes();
            }
            black_box(&c.sigs);
        }
    }
    fn check(&mut self) -> u64 {
        self.run(1);
        let c = &self.0;
        sig_hash(&c.public, &c.sigs, &c.msgs, true, |s, m| ed_verify(s, m, &c.public))
    }
}

/// ed25519-dalek's `verify`: RFC 8032, cofactorless, small-order keys allowed.
fn ed_verify_dalek(sig: &[u8; 64], msg: &[u8], public: &[u8; 32]) -> bool {
    let Ok(vk) = VerifyingKey::from_bytes(public) else { return false };
    vk.verify(msg, &ed25519_dalek::Signature::from_bytes(sig)).is_ok()
}

/// sp-core's `ed25519::Pair::verify`: ed25519-zebra, ZIP 215.
fn ed_verify_zebra(sig: &[u8; 64], msg: &[u8], public: &[u8; 32]) -> bool {
    let Ok(vk) = ed25519_zebra::VerificationKey::try_from(*public) else { return false };
    vk.verify(&ed25519_zebra::Signature::from_bytes(sig), msg).is_ok()
}

type EdVerifyFn = fn(&[u8; 64], &[u8], &[u8; 32]) -> bool;

struct EdVerify(Ed, EdVerifyFn);
impl Bench for EdVerify {
    fn run(&mut self, iters: u64) {
        let (c, verify) = (&mut self.0, self.1);
        for _ in 0..iters {
            for i in 0..KEYS_N {
                c.ok[i] = verify(black_box(&c.sigs[i]), &c.msgs[i], &c.public);
            }
            black_box(&c.ok);
        }
    }
    fn check(&mut self) -> u64 {
        let (c, verify) = (&self.0, self.1);
        sig_hash(&c.public, &c.sigs, &c.msgs, true, |s, m| verify(s, m, &c.public))
    }
}

// ---- ecdsa (secp256k1 crate, as sp-core) ----

/// sp-crypto-hashing's blake2_256.
fn blake2_256(data: &[u8]) -> [u8; 32] {
    blake2b_simd::Params::new().hash_length(32).hash(data).as_bytes().try_into().unwrap()
}

/// sp-core's ecdsa::Pair::sign: sign_prehashed(blake2_256(msg)).
fn ec_sign(sk: &SecretKey, msg: &[u8]) -> [u8; 65] {
    let message = Message::from_digest(blake2_256(msg));
    let (rid, sig) = SECP256K1.sign_ecdsa_recoverable(&message, sk).serialize_compact();
    let mut out = [0u8; 65];
    out[..64].copy_from_slice(&sig);
    out[64] = rid.to_i32() as u8;
    out
}

/// sp-core's ecdsa::Pair::verify: recover the key, compare it.
fn ec_verify(sig: &[u8; 65], msg: &[u8], public: &[u8; 33]) -> bool {
    let Ok(rid) = RecoveryId::from_i32(sig[64] as i32) else { return false };
    let Ok(rs) = RecoverableSignature::from_compact(&sig[..64], rid) else { return false };
    let message = Message::from_digest(blake2_256(msg));
    match SECP256K1.recover_ecdsa(&message, &rs) {
        Ok(pk) => pk.serialize() == *public,
        Err(_) => false,
    }
}

struct Ec {
    sk: SecretKey,
    public: [u8; 33],
    msgs: Msgs,
    sigs: [[u8; 65]; KEYS_N],
    ok: [bool; KEYS_N],
}

fn ec_setup() -> Ec {
    let sk = SecretKey::from_slice(&seed_bytes(3)).expect("secp256k1 secret");
    let public = secp256k1::PublicKey::from_secret_key(SECP256K1, &sk).serialize();
    let msgs = messages();
    let mut sigs = [[0u8; 65]; KEYS_N];
    for i in 0..KEYS_N {
        sigs[i] = ec_sign(&sk, &msgs[i]);
    }
    Ec { sk, public, msgs, sigs, ok: [false; KEYS_N] }
}

struct EcSign(Ec);
impl Bench for EcSign {
    fn run(&mut self, iters: u64) {
        let c = &mut self.0;
        for _ in 0..iters {
            for i in 0..KEYS_N {
                c.sigs[i] = ec_sign(&c.sk, &c.msgs[i]);
            }
            black_box(&c.sigs);
        }
    }
    fn check(&mut self) -> u64 {
        self.run(1);
        let c = &self.0;
        sig_hash(&c.public, &c.sigs, &c.msgs, true, |s, m| ec_verify(s, m, &c.public))
    }
}

struct EcVerify(Ec);
impl Bench for EcVerify {
    fn run(&mut self, iters: u64) {
        let c = &mut self.0;
        for _ in 0..iters {
            for i in 0..KEYS_N {
                c.ok[i] = ec_verify(black_box(&c.sigs[i]), &c.msgs[i], &c.public);
            }
            black_box(&c.ok);
        }
    }
    fn check(&mut self) -> u64 {
        let c = &self.0;
        sig_hash(&c.public, &c.sigs, &c.msgs, true, |s, m| ec_verify(s, m, &c.public))
    }
}

// ---- SS58 (as sp-core's Ss58Codec for a 32-byte account id) ----

const SS58_PREFIX: &[u8] = b"SS58PRE";
const CHECKSUM_LEN: usize = 2;

fn ss58hash(data: &[u8]) -> Vec<u8> {
    let mut ctx = Blake2b512::new();
    ctx.update(SS58_PREFIX);
    ctx.update(data);
    ctx.finalize().to_vec()
}

/// sp-core's to_ss58check_with_version.
fn ss58_encode(id: &[u8; 32], version: u16) -> String {
    let ident: u16 = version & 0b0011_1111_1111_1111;
    let mut v = match ident {
        0..=63 => vec![ident as u8],
        64..=16_383 => {
            let first = ((ident & 0b0000_0000_1111_1100) as u8) >> 2;
            let second = ((ident >> 8) as u8) | ((ident & 0b0000_0000_0000_0011) as u8) << 6;
            vec![first | 0b0100_0000, second]
        }
        _ => unreachable!("masked out the upper two bits"),
    };
    v.extend(id);
    let r = ss58hash(&v);
    v.extend(&r[0..CHECKSUM_LEN]);
    bs58::encode(v).into_string()
}

/// sp-core's from_ss58check_with_version for a 32-byte account id.
fn ss58_decode(s: &str) -> Option<([u8; 32], u16)> {
    const BODY_LEN: usize = 32;
    let data = bs58::decode(s).into_vec().ok()?;
    if data.len() < 2 {
        return None;
    }
    let (prefix_len, ident) = match data[0] {
        0..=63 => (1, data[0] as u16),
        64..=127 => {
            let lower = (data[0] << 2) | (data[1] >> 6);
            let upper = data[1] & 0b0011_1111;
            (2, (lower as u16) | ((upper as u16) << 8))
        }
        _ => return None,
    };
    if data.len() != prefix_len + BODY_LEN + CHECKSUM_LEN {
        return None;
    }
    if ident == 46 || ident == 47 {
        return None; // reserved formats are not allowed
    }
    let hash = ss58hash(&data[0..BODY_LEN + prefix_len]);
    if data[BODY_LEN + prefix_len..BODY_LEN + prefix_len + CHECKSUM_LEN] != hash[0..CHECKSUM_LEN] {
        return None;
    }
    Some((data[prefix_len..BODY_LEN + prefix_len].try_into().unwrap(), ident))
}

struct Ss58 {
    prefix: u16,
    ids: [[u8; 32]; KEYS_N],
    addrs: Vec<String>,
    decoded: [([u8; 32], u16); KEYS_N],
}

fn ss58_setup(prefix: u16) -> Ss58 {
    let mut s = 5u64;
    let mut ids = [[0u8; 32]; KEYS_N];
    for id in ids.iter_mut() {
        fill(id, &mut s);
    }
    let addrs = ids.iter().map(|id| ss58_encode(id, prefix)).collect();
    Ss58 { prefix, ids, addrs, decoded: [([0u8; 32], 0); KEYS_N] }
}

struct Ss58Encode(Ss58);
impl Bench for Ss58Encode {
    fn run(&mut self, iters: u64) {
        let c = &mut self.0;
        for _ in 0..iters {
            for i in 0..KEYS_N {
                c.addrs[i] = ss58_encode(&c.ids[i], c.prefix);
            }
            black_box(&c.addrs);
        }
    }
    fn check(&mut self) -> u64 {
        self.run(1);
        let mut h = FNV_INIT;
        for a in &self.0.addrs {
            h = fnv1a(h, a.as_bytes());
            h = fnv1a(h, &[0]);
        }
        h
    }
}

struct Ss58Decode(Ss58);
impl Bench for Ss58Decode {
    fn run(&mut self, iters: u64) {
        let c = &mut self.0;
        for _ in 0..iters {
            for i in 0..KEYS_N {
                c.decoded[i] = ss58_decode(&c.addrs[i]).expect("ss58 decode");
            }
            black_box(&c.decoded);
        }
    }
    fn check(&mut self) -> u64 {
        self.run(1);
        let c = &self.0;
        let mut h = FNV_INIT;
        for (i, (id, prefix)) in c.decoded.iter().enumerate() {
            assert!(*id == c.ids[i] && *prefix == c.prefix, "ss58 round trip");
            h = fnv1a(h, id);
            h = fnv1a(h, &prefix.to_le_bytes());
        }
        h
    }
}

// ---- the cases, by implementation ----

fn cases_by_impl() -> Vec<(&'static str, Vec<Case>)> {
    vec![
        (
            "schnorrkel",
            vec![
                Case { name: "sr25519_sign", ops_per_iter: KEYS_N as f64, setup: || Box::new(SrSign(sr_setup())) },
                Case { name: "sr25519_verify", ops_per_iter: KEYS_N as f64, setup: || Box::new(SrVerify(sr_setup())) },
            ],
        ),
        (
            "ed25519-zebra",
            vec![Case {
                name: "ed25519_verify",
                ops_per_iter: KEYS_N as f64,
                setup: || Box::new(EdVerify(ed_setup(), ed_verify_zebra)),
            }],
        ),
        (
            "ed25519-dalek",
            vec![
                Case { name: "ed25519_sign", ops_per_iter: KEYS_N as f64, setup: || Box::new(EdSign(ed_setup())) },
                Case {
                    name: "ed25519_verify",
                    ops_per_iter: KEYS_N as f64,
                    setup: || Box::new(EdVerify(ed_setup(), ed_verify_dalek)),
                },
                Case {
                    name: "ed25519_verify_strict",
                    ops_per_iter: KEYS_N as f64,
                    setup: || Box::new(EdVerify(ed_setup(), ed_verify)),
                },
            ],
        ),
        (
            "secp256k1 (rust)",
            vec![
                Case { name: "ecdsa_sign", ops_per_iter: KEYS_N as f64, setup: || Box::new(EcSign(ec_setup())) },
                Case { name: "ecdsa_verify", ops_per_iter: KEYS_N as f64, setup: || Box::new(EcVerify(ec_setup())) },
            ],
        ),
        (
            "sp-core-style ss58 (rust)",
            vec![
                Case {
                    name: "ss58_encode_42",
                    ops_per_iter: KEYS_N as f64,
                    setup: || Box::new(Ss58Encode(ss58_setup(42))),
                },
                Case { name: "ss58_encode_0", ops_per_iter: KEYS_N as f64, setup: || Box::new(Ss58Encode(ss58_setup(0))) },
                Case {
                    name: "ss58_decode_42",
                    ops_per_iter: KEYS_N as f64,
                    setup: || Box::new(Ss58Decode(ss58_setup(42))),
                },
                Case { name: "ss58_decode_0", ops_per_iter: KEYS_N as f64, setup: || Box::new(Ss58Decode(ss58_setup(0))) },
            ],
        ),
    ]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() == 1 && args[0] == "--print-sr25519-signature" {
        // A schnorrkel signature over message 0, for bench/keys_sr25519_peer_sigs.inc.
        let sig = sr_sign(&sr_keypair(), &messages()[0]);
        println!("\"{}\",", sig.iter().map(|b| format!("{b:02x}")).collect::<String>());
        return;
    }
    let groups = cases_by_impl();
    if args.len() == 1 && args[0] != "--list" {
        // A case that several families run: each in turn, under its own name.
        let owners: Vec<_> = groups.iter().filter(|(_, cases)| cases.iter().any(|c| c.name == args[0])).collect();
        if owners.len() > 1 {
            for (imp, cases) in owners {
                peer_harness::main(imp, cases);
            }
            return;
        }
    }
    if args.is_empty() {
        // Every case: the harness reads no argument and runs each group whole.
        for (imp, cases) in &groups {
            peer_harness::main(imp, cases);
        }
        return;
    }
    let group_of = |name: &str| groups.iter().position(|(_, cases)| cases.iter().any(|c| c.name == name));
    let mut touched: Vec<usize> = args.iter().filter_map(|a| group_of(a)).collect();
    touched.sort_unstable();
    touched.dedup();
    if args[0] == "--list" || touched.len() <= 1 {
        // The harness parses the arguments (--list, unknown names) against
        // every case; the selected ones belong to one implementation.
        let imp = touched.first().map_or("rust", |&g| groups[g].0);
        let all: Vec<Case> = cases_by_impl().into_iter().flat_map(|(_, cases)| cases).collect();
        peer_harness::main(imp, &all);
        return;
    }
    // Cases of several implementations: one process per case.
    let exe = std::env::current_exe().expect("current_exe");
    let mut failed = false;
    for a in &args {
        failed |= !std::process::Command::new(&exe).arg(a).status().map(|s| s.success()).unwrap_or(false);
    }
    std::process::exit(failed as i32);
}
