//! subxt-metadata peer of bench/bench_metadata.c: the same cases on the same
//! metadata bytes (see the comment at the top of bench/bench_metadata.c).
//!
//! Parsing is what subxt does with the bytes of `state_getMetadata`:
//! frame-metadata's `RuntimeMetadataPrefixed::decode`, then
//! `subxt_metadata::Metadata::try_from` (which builds subxt's name indexes).
//! The lookup is `pallet_by_name` then `call_variant_by_name`.

use frame_metadata::RuntimeMetadataPrefixed;
use parity_scale_codec::Decode;
use peer_harness::{fnv1a, Bench, Case, FNV_INIT};
use std::hint::black_box;
use subxt_metadata::Metadata;

const PALLET: &str = "Balances";
const CALL: &str = "transfer_keep_alive";

fn load_bytes() -> Vec<u8> {
    let dir = std::env::var("WETEE_VECTORS_DIR").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../../../shared/vectors").to_string()
    });
    let path = format!("{dir}/metadata/polkadot_metadata_full.scale");
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e} (set WETEE_VECTORS_DIR)"))
}

fn parse(bytes: &[u8]) -> Metadata {
    let prefixed = RuntimeMetadataPrefixed::decode(&mut &bytes[..]).expect("frame-metadata decode");
    Metadata::try_from(prefixed).expect("subxt_metadata::Metadata::try_from")
}

/// (pallet index, call index, [(argument name, type id)])
fn lookup(md: &Metadata) -> (u8, u8, Vec<(&str, u32)>) {
    let p = md.pallet_by_name(PALLET).expect("pallet");
    let v = p.call_variant_by_name(CALL).expect("call");
    (p.call_index(), v.index, v.fields.iter().map(|f| (f.name.as_deref().unwrap_or(""), f.ty.id)).collect())
}

fn fold_call(md: &Metadata) -> u64 {
    let p = md.pallet_by_name(PALLET).expect("pallet");
    let v = p.call_variant_by_name(CALL).expect("call");
    let mut s = p.call_index() as u64 * 256 + v.index as u64;
    for f in &v.fields {
        s += f.ty.id as u64;
    }
    s
}

fn hash_call(md: &Metadata) -> u64 {
    let (pi, ci, fields) = lookup(md);
    let mut h = fnv1a(FNV_INIT, &[pi, ci, fields.len() as u8]);
    for (name, ty) in fields {
        h = fnv1a(h, name.as_bytes());
        h = fnv1a(h, &ty.to_le_bytes());
    }
    h
}

struct Baseline {
    bytes: Vec<u8>,
}
impl Bench for Baseline {
    fn run(&mut self, iters: u64) {
        for i in 0..iters {
            black_box(self.bytes.len() + self.bytes[i as usize % self.bytes.len()] as usize);
        }
    }
    fn check(&mut self) -> u64 {
        fnv1a(FNV_INIT, &self.bytes)
    }
}

struct Parse {
    bytes: Vec<u8>,
}
impl Bench for Parse {
    fn run(&mut self, iters: u64) {
        for _ in 0..iters {
            let md = parse(black_box(&self.bytes));
            black_box(md.types().types.len());
        }
    }
    fn check(&mut self) -> u64 {
        let md = parse(&self.bytes);
        let mut le = [0u8; 8];
        le[..4].copy_from_slice(&(md.types().types.len() as u32).to_le_bytes());
        le[4..].copy_from_slice(&(md.pallets().len() as u32).to_le_bytes());
        fnv1a(FNV_INIT, &le)
    }
}

struct ParseLookup {
    bytes: Vec<u8>,
}
impl Bench for ParseLookup {
    fn run(&mut self, iters: u64) {
        for _ in 0..iters {
            let md = parse(black_box(&self.bytes));
            black_box(fold_call(&md));
        }
    }
    fn check(&mut self) -> u64 {
        hash_call(&parse(&self.bytes))
    }
}

struct LookupCall {
    md: Metadata,
}
impl Bench for LookupCall {
    fn run(&mut self, iters: u64) {
        for _ in 0..iters {
            black_box(fold_call(black_box(&self.md)));
        }
    }
    fn check(&mut self) -> u64 {
        hash_call(&self.md)
    }
}

fn main() {
    peer_harness::main(
        "subxt-metadata",
        &[
            Case { name: "md_baseline", ops_per_iter: 1.0, setup: || Box::new(Baseline { bytes: load_bytes() }) },
            Case { name: "md_parse", ops_per_iter: 1.0, setup: || Box::new(Parse { bytes: load_bytes() }) },
            Case { name: "md_parse_lookup", ops_per_iter: 1.0, setup: || Box::new(ParseLookup { bytes: load_bytes() }) },
            Case { name: "md_lookup_call", ops_per_iter: 1.0, setup: || Box::new(LookupCall { md: parse(&load_bytes()) }) },
        ],
    );
}
