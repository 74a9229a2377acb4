//! dcap-qvl (crates.io) peer of bench/bench_attest.c: `dcap_qvl::verify::verify`
//! of the shared SGX and TDX sample quotes with their collateral
//! (`QuoteCollateralV3` from the same collateral.json) at t = 1751000000.
//! dcap-qvl has no collateral cache: every call checks the CRLs, the issuer
//! chains, the TCB Info and QE Identity signatures and the PCK chain again, so
//! the *_cached and *_full cases are the same call, reported against
//! libwetee's two modes. CHECK hashes the TCB status name.

use dcap_qvl::verify::verify;
use dcap_qvl::QuoteCollateralV3;
use peer_harness::{fnv1a, Bench, Case, FNV_INIT};
use std::hint::black_box;

const T: u64 = 1_751_000_000;

struct Verify {
    quote: Vec<u8>,
    coll: QuoteCollateralV3,
    status: String,
}

fn vectors() -> String {
    std::env::var("WETEE_VECTORS_DIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../../../shared/vectors").to_string())
}

fn setup(dir: &str) -> Box<dyn Bench> {
    let base = format!("{}/attestation/{dir}", vectors());
    let quote = std::fs::read(format!("{base}/quote.bin")).expect("shared sample quote.bin");
    let json = std::fs::read(format!("{base}/collateral.json")).expect("shared sample collateral.json");
    let coll: QuoteCollateralV3 = serde_json::from_slice(&json).expect("collateral.json as QuoteCollateralV3");
    Box::new(Verify { quote, coll, status: String::new() })
}

impl Bench for Verify {
    fn run(&mut self, iters: u64) {
        for _ in 0..iters {
            let r = verify(black_box(&self.quote), &self.coll, T).expect("dcap-qvl verify");
            self.status = r.status;
            black_box(&self.status);
        }
    }
    fn check(&mut self) -> u64 {
        self.run(1);
        fnv1a(FNV_INIT, self.status.as_bytes())
    }
}

fn main() {
    peer_harness::main(
        "dcap-qvl-rs",
        &[
            Case { name: "dcap_sgx_cached", ops_per_iter: 1.0, setup: || setup("sgx") },
            Case { name: "dcap_sgx_full", ops_per_iter: 1.0, setup: || setup("sgx") },
            Case { name: "dcap_tdx_cached", ops_per_iter: 1.0, setup: || setup("tdx") },
            Case { name: "dcap_tdx_full", ops_per_iter: 1.0, setup: || setup("tdx") },
        ],
    );
}
