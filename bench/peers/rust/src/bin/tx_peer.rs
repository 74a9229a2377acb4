//! subxt peer of bench/bench_tx.c: build, sign and encode
//! Balances.transfer_keep_alive offline with subxt-core (the no-std core of
//! subxt: `subxt_core::tx::create_v4_signed` with the default extrinsic
//! parameters of `PolkadotConfig`, a dynamic call from `scale_value`s, then
//! `sign`), on the same metadata, keys and inputs (see the comment at the top
//! of bench/bench_tx.c). The metadata is decoded once in setup. subxt-signer
//! has no ed25519 signer, so both signers implement subxt's `Signer` trait
//! here over ed25519-dalek and schnorrkel (sp-core's way: context
//! "substrate"); subxt hashes payloads above 256 bytes itself.

use ed25519_dalek::{Signer as _, SigningKey};
use peer_harness::{fnv1a, Bench, Case, FNV_INIT};
use schnorrkel::{signing_context, ExpansionMode, MiniSecretKey};
use subxt_core::client::{ClientState, RuntimeVersion};
use subxt_core::config::{DefaultExtrinsicParamsBuilder, PolkadotConfig};
use subxt_core::dynamic::Value;
use subxt_core::tx::signer::Signer;
use subxt_core::utils::{AccountId32, MultiSignature, H256};

fn vectors() -> String {
    std::env::var("WETEE_VECTORS_DIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../../../shared/vectors").to_string())
}

fn hex32(s: &str) -> [u8; 32] {
    let s = s.trim_start_matches("0x");
    let mut out = [0u8; 32];
    for i in 0..32 {
        out[i] = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap();
    }
    out
}

enum Key {
    Ed(SigningKey),
    Sr(schnorrkel::Keypair),
}

struct TxSigner(Key);

impl Signer<PolkadotConfig> for TxSigner {
    fn account_id(&self) -> AccountId32 {
        match &self.0 {
            Key::Ed(k) => AccountId32(k.verifying_key().to_bytes()),
            Key::Sr(k) => AccountId32(k.public.to_bytes()),
        }
    }
    fn sign(&self, payload: &[u8]) -> MultiSignature {
        match &self.0 {
            Key::Ed(k) => MultiSignature::Ed25519(k.sign(payload).to_bytes()),
            Key::Sr(k) => MultiSignature::Sr25519(k.sign(signing_context(b"substrate").bytes(payload)).to_bytes()),
        }
    }
}

struct Tx {
    state: ClientState<PolkadotConfig>,
    signer: TxSigner,
    block: H256,
    dest: [u8; 32],
}

impl Tx {
    fn new(sr: bool) -> Tx {
        let bytes = std::fs::read(format!("{}/metadata/polkadot_metadata_full.scale", vectors())).expect("metadata");
        let metadata = subxt_core::metadata::decode_from(&bytes[..]).expect("decode metadata");
        // spec and transaction version from System.Version, as libwetee and polkadot.js take them
        let version = metadata.pallet_by_name("System").unwrap().constant_by_name("Version").unwrap();
        let v = version.value();
        let str_len = |b: &[u8]| -> (usize, usize) {
            match b[0] & 3 {
                0 => ((b[0] >> 2) as usize, 1),
                1 => ((u16::from_le_bytes([b[0], b[1]]) >> 2) as usize, 2),
                _ => panic!("long name"),
            }
        };
        let (l1, p1) = str_len(v);
        let rest = &v[p1 + l1..];
        let (l2, p2) = str_len(rest);
        let rest = &rest[p2 + l2..];
        let u32le = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        // authoring_version, spec_version, impl_version, apis, transaction_version
        let spec_version = u32le(&rest[4..]);
        let rest = &rest[12..];
        let (n_apis, p3) = str_len(rest);
        let rest = &rest[p3 + n_apis * 12..];
        let transaction_version = u32le(rest);
        let state = ClientState::<PolkadotConfig> {
            genesis_hash: H256(hex32("0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3")),
            runtime_version: RuntimeVersion { spec_version, transaction_version },
            metadata,
        };
        let seed = [0u8; 32];
        let key = if sr {
            Key::Sr(MiniSecretKey::from_bytes(&seed).unwrap().expand_to_keypair(ExpansionMode::Ed25519))
        } else {
            Key::Ed(SigningKey::from_bytes(&seed))
        };
        Tx {
            state,
            signer: TxSigner(key),
            block: H256([1u8; 32]),
            dest: hex32("0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48"),
        }
    }

    fn partial(&self, i: u64) -> subxt_core::tx::PartialTransactionV4<PolkadotConfig> {
        let call = subxt_core::dynamic::tx(
            "Balances",
            "transfer_keep_alive",
            vec![
                Value::unnamed_variant("Id", [Value::from_bytes(self.dest)]),
                Value::u128(1_000_000_000_000),
            ],
        );
        let params = DefaultExtrinsicParamsBuilder::<PolkadotConfig>::new()
            .nonce(7 + i)
            .tip(5)
            .mortal_from_unchecked(64, 1000, self.block)
            .build();
        subxt_core::tx::create_v4_signed(&call, &self.state, params).expect("create_v4_signed")
    }

    fn build(&self, i: u64) -> Vec<u8> {
        self.partial(i).sign(&self.signer).into_encoded()
    }
}

struct Case1 {
    tx: Tx,
    payload: bool,
}

impl Bench for Case1 {
    fn run(&mut self, iters: u64) {
        for i in 0..iters {
            std::hint::black_box(self.tx.build(i & 1023));
        }
    }
    fn check(&mut self) -> u64 {
        if self.payload {
            fnv1a(FNV_INIT, &self.tx.partial(0).signer_payload())
        } else {
            fnv1a(FNV_INIT, &self.tx.build(0))
        }
    }
}

fn main() {
    peer_harness::main(
        "subxt-core",
        &[
            Case { name: "tx_transfer_ed25519", ops_per_iter: 1.0, setup: || Box::new(Case1 { tx: Tx::new(false), payload: false }) },
            Case { name: "tx_transfer_sr25519", ops_per_iter: 1.0, setup: || Box::new(Case1 { tx: Tx::new(true), payload: true }) },
        ],
    );
}
