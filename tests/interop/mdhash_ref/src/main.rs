//! Reads lines `<metadata file> <spec_version> <spec_name> <base58_prefix> <decimals> <token_symbol>`
//! from stdin and prints, for each, the RFC-0078 metadata hash computed by the
//! merkleized-metadata crate as `0x<hex>`, or `error <message>`.
//! `.hex` files hold the hex of `Option<Vec<u8>>` (Metadata_metadata_at_version);
//! other files hold `RuntimeMetadataPrefixed` bytes.
use codec::Decode;
use frame_metadata::RuntimeMetadataPrefixed;
use merkleized_metadata::{generate_metadata_digest, ExtraInfo};
use std::collections::HashMap;
use std::io::{BufRead, Write};

fn unhex(s: &str) -> Result<Vec<u8>, String> {
    let s = s.trim();
    let s = s.strip_prefix("0x").unwrap_or(s);
    if s.len() % 2 != 0 {
        return Err("odd hex length".into());
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).map_err(|e| e.to_string()))
        .collect()
}

fn load(path: &str) -> Result<frame_metadata::RuntimeMetadata, String> {
    let raw = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let bytes = if path.ends_with(".hex") {
        let b = unhex(std::str::from_utf8(&raw).map_err(|e| e.to_string())?)?;
        Option::<Vec<u8>>::decode(&mut &b[..])
            .map_err(|e| e.to_string())?
            .ok_or("None")?
    } else {
        raw
    };
    Ok(RuntimeMetadataPrefixed::decode(&mut &bytes[..]).map_err(|e| e.to_string())?.1)
}

fn main() {
    let mut cache: HashMap<String, frame_metadata::RuntimeMetadata> = HashMap::new();
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines() {
        let line = line.expect("stdin");
        let p: Vec<&str> = line.split(' ').collect();
        if p.len() != 6 {
            writeln!(out, "error bad line").unwrap();
            continue;
        }
        if !cache.contains_key(p[0]) {
            match load(p[0]) {
                Ok(md) => {
                    cache.insert(p[0].to_string(), md);
                }
                Err(e) => {
                    writeln!(out, "error {e}").unwrap();
                    continue;
                }
            }
        }
        let info = ExtraInfo {
            spec_version: p[1].parse().expect("spec_version"),
            spec_name: p[2].to_string(),
            base58_prefix: p[3].parse().expect("prefix"),
            decimals: p[4].parse().expect("decimals"),
            token_symbol: p[5].to_string(),
        };
        match generate_metadata_digest(&cache[p[0]], info) {
            Ok(d) => {
                let h = d.hash();
                let hex: String = h.iter().map(|b| format!("{b:02x}")).collect();
                writeln!(out, "0x{hex}").unwrap();
            }
            Err(e) => writeln!(out, "error {e}").unwrap(),
        }
    }
}
