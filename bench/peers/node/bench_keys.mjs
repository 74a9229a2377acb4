// polkadot.js peers of bench/bench_keys.c: the same cases on the same data
// (see the comment at the top of bench/bench_keys.c).
//
// Signatures use @polkadot/wasm-crypto, the WebAssembly build of schnorrkel,
// ed25519-dalek and the secp256k1 crate that polkadot.js runs on (what
// @polkadot/util-crypto's sr25519Sign/Verify, ed25519Sign/Verify and
// secp256k1Sign/Verify call once cryptoWaitReady() has resolved); the calls
// are the ones util-crypto makes:
//   sr25519  sr25519Sign(pub, secret64, msg) / sr25519Verify(sig, msg, pub)
//   ed25519  ed25519Sign(pub, seed32, msg) / ed25519Verify(sig, msg, pub)
//   ecdsa    secp256k1Sign(blake2b(msg, 32 bytes), secret) -> r ‖ s ‖ recid;
//            verification recovers the key with
//            secp256k1Recover(hash, r ‖ s, recid) and compares it with the
//            compressed public key (both hashes by wasm-crypto's blake2b)
// SS58 uses @polkadot/util-crypto's encodeAddress(id, prefix) and
// decodeAddress(address, false, prefix) (which also checks the prefix).
//
// One implementation name per library (the columns of bench/run.sh's table):
// "@polkadot/wasm-crypto" for the signatures, "@polkadot/util-crypto" for SS58.
import { readFileSync } from 'node:fs';

import { cryptoWaitReady, decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import {
  blake2b,
  ed25519KeypairFromSeed,
  ed25519Sign,
  ed25519Verify,
  secp256k1FromSeed,
  secp256k1Recover,
  secp256k1Sign,
  sr25519KeypairFromSeed,
  sr25519Sign,
  sr25519Verify,
  waitReady,
} from '@polkadot/wasm-crypto';

import { consume, Fnv1a, main, splitmix64 } from './harness.mjs';

const KEYS_N = 16;
const MSG_LEN = 32;
const EMPTY = new Uint8Array(0);

function fill(out, st) {
  for (let i = 0; i < out.length; i += 8) {
    let r = splitmix64(st);
    for (let j = 0; j < 8 && i + j < out.length; j++) {
      out[i + j] = Number(r & 0xffn);
      r >>= 8n;
    }
  }
  return out;
}

const seedBytes = (seed) => fill(new Uint8Array(32), { s: BigInt(seed) });

function messages() {
  const st = { s: 4n };
  return Array.from({ length: KEYS_N }, () => fill(new Uint8Array(MSG_LEN), st));
}

const hexToU8a = (hex) => Uint8Array.from(hex.match(/../g), (b) => parseInt(b, 16));

/** libwetee's sr25519 signatures over the messages (the data of sr25519_verify). */
function srSigs() {
  const text = readFileSync(new URL('../../keys_sr25519_sigs.inc', import.meta.url), 'utf8');
  const sigs = [...text.matchAll(/"([0-9a-fA-F]{128})"/g)].map((m) => hexToU8a(m[1]));
  if (sigs.length !== KEYS_N) throw new Error('keys_sr25519_sigs.inc: expected 16 signatures');
  return sigs;
}

function tampered(msg) {
  const m = msg.slice();
  m[0] ^= 1;
  return m;
}

/** pub ‖ (signatures) ‖ results ‖ results with a tampered message, as bench_keys.c. */
function sigHash(pub, sigs, msgs, withSigs, verify) {
  const h = new Fnv1a().update(pub);
  if (withSigs) for (const s of sigs) h.update(s);
  for (let i = 0; i < KEYS_N; i++) h.update([verify(sigs[i], msgs[i]) ? 1 : 0]);
  for (let i = 0; i < KEYS_N; i++) h.update([verify(sigs[i], tampered(msgs[i])) ? 1 : 0]);
  return h.hex();
}

// ---- sr25519 ----

function srKeypair() {
  const pair = sr25519KeypairFromSeed(seedBytes(1)); // secret (64, ed25519 form) ‖ public (32)
  return { secret: pair.slice(0, 64), pub: pair.slice(64, 96) };
}

function srSetup() {
  return { ...srKeypair(), msgs: messages(), sigs: srSigs(), ok: new Array(KEYS_N).fill(false) };
}

function srSign() {
  const c = srSetup();
  const verify = (s, m) => sr25519Verify(s, m, c.pub);
  return {
    run(iters) {
      for (let it = 0; it < iters; it++) {
        for (let i = 0; i < KEYS_N; i++) c.sigs[i] = sr25519Sign(c.pub, c.secret, c.msgs[i]);
        consume(c.sigs[KEYS_N - 1][0]);
      }
    },
    check() {
      this.run(1);
      return sigHash(c.pub, c.sigs, c.msgs, false, verify);
    },
  };
}

function srVerify() {
  const c = srSetup();
  const verify = (s, m) => sr25519Verify(s, m, c.pub);
  return {
    run(iters) {
      for (let it = 0; it < iters; it++) {
        for (let i = 0; i < KEYS_N; i++) c.ok[i] = sr25519Verify(c.sigs[i], c.msgs[i], c.pub);
        consume(c.ok[KEYS_N - 1] ? 1 : 0);
      }
    },
    check: () => sigHash(c.pub, c.sigs, c.msgs, true, verify),
  };
}

// ---- ed25519 ----

function edSetup() {
  const pair = ed25519KeypairFromSeed(seedBytes(2)); // seed (32) ‖ public (32)
  const c = { seed: pair.slice(0, 32), pub: pair.slice(32, 64), msgs: messages(), ok: new Array(KEYS_N).fill(false) };
  c.sigs = c.msgs.map((m) => ed25519Sign(c.pub, c.seed, m));
  return c;
}

function edSign() {
  const c = edSetup();
  const verify = (s, m) => ed25519Verify(s, m, c.pub);
  return {
    run(iters) {
      for (let it = 0; it < iters; it++) {
        for (let i = 0; i < KEYS_N; i++) c.sigs[i] = ed25519Sign(c.pub, c.seed, c.msgs[i]);
        consume(c.sigs[KEYS_N - 1][0]);
      }
    },
    check() {
      this.run(1);
      return sigHash(c.pub, c.sigs, c.msgs, true, verify);
    },
  };
}

function edVerify() {
  const c = edSetup();
  const verify = (s, m) => ed25519Verify(s, m, c.pub);
  return {
    run(iters) {
      for (let it = 0; it < iters; it++) {
        for (let i = 0; i < KEYS_N; i++) c.ok[i] = ed25519Verify(c.sigs[i], c.msgs[i], c.pub);
        consume(c.ok[KEYS_N - 1] ? 1 : 0);
      }
    },
    check: () => sigHash(c.pub, c.sigs, c.msgs, true, verify),
  };
}

// ---- ecdsa ----

function ecSignOne(secret, msg) {
  return secp256k1Sign(blake2b(msg, EMPTY, 32), secret); // r ‖ s ‖ recid
}

function ecVerifyOne(sig, msg, pub) {
  let got;
  try {
    got = secp256k1Recover(blake2b(msg, EMPTY, 32), sig.subarray(0, 64), sig[64]);
  } catch {
    return false;
  }
  if (got.length !== pub.length) return false;
  for (let i = 0; i < pub.length; i++) if (got[i] !== pub[i]) return false;
  return true;
}

function ecSetup() {
  const pair = secp256k1FromSeed(seedBytes(3)); // secret (32) ‖ compressed public (33)
  const c = { secret: pair.slice(0, 32), pub: pair.slice(32, 65), msgs: messages(), ok: new Array(KEYS_N).fill(false) };
  c.sigs = c.msgs.map((m) => ecSignOne(c.secret, m));
  return c;
}

function ecSign() {
  const c = ecSetup();
  const verify = (s, m) => ecVerifyOne(s, m, c.pub);
  return {
    run(iters) {
      for (let it = 0; it < iters; it++) {
        for (let i = 0; i < KEYS_N; i++) c.sigs[i] = ecSignOne(c.secret, c.msgs[i]);
        consume(c.sigs[KEYS_N - 1][0]);
      }
    },
    check() {
      this.run(1);
      return sigHash(c.pub, c.sigs, c.msgs, true, verify);
    },
  };
}

function ecVerify() {
  const c = ecSetup();
  const verify = (s, m) => ecVerifyOne(s, m, c.pub);
  return {
    run(iters) {
      for (let it = 0; it < iters; it++) {
        for (let i = 0; i < KEYS_N; i++) c.ok[i] = ecVerifyOne(c.sigs[i], c.msgs[i], c.pub);
        consume(c.ok[KEYS_N - 1] ? 1 : 0);
      }
    },
    check: () => sigHash(c.pub, c.sigs, c.msgs, true, verify),
  };
}

// ---- SS58 ----

function ss58Setup(prefix) {
  const st = { s: 5n };
  const ids = Array.from({ length: KEYS_N }, () => fill(new Uint8Array(32), st));
  return { prefix, ids, addrs: ids.map((id) => encodeAddress(id, prefix)), decoded: new Array(KEYS_N) };
}

function ss58Encode(prefix) {
  const c = ss58Setup(prefix);
  return {
    run(iters) {
      for (let it = 0; it < iters; it++) {
        for (let i = 0; i < KEYS_N; i++) c.addrs[i] = encodeAddress(c.ids[i], c.prefix);
        consume(c.addrs[KEYS_N - 1].length);
      }
    },
    check() {
      this.run(1);
      const h = new Fnv1a();
      for (const a of c.addrs) h.update(Buffer.from(a, 'utf8')).update([0]);
      return h.hex();
    },
  };
}

function ss58Decode(prefix) {
  const c = ss58Setup(prefix);
  return {
    run(iters) {
      for (let it = 0; it < iters; it++) {
        for (let i = 0; i < KEYS_N; i++) c.decoded[i] = decodeAddress(c.addrs[i], false, c.prefix);
        consume(c.decoded[KEYS_N - 1][0]);
      }
    },
    check() {
      this.run(1);
      const h = new Fnv1a();
      for (let i = 0; i < KEYS_N; i++) {
        const d = c.decoded[i];
        if (d.length !== 32 || d.some((b, j) => b !== c.ids[i][j])) throw new Error('ss58 round trip');
        // decodeAddress(…, prefix) threw unless the address has that prefix
        h.update(d).update([c.prefix & 0xff, c.prefix >> 8]);
      }
      return h.hex();
    },
  };
}

// ---- the cases, by implementation ----

const GROUPS = [
  [
    '@polkadot/wasm-crypto',
    [
      { name: 'sr25519_sign', opsPerIter: KEYS_N, setup: srSign },
      { name: 'sr25519_verify', opsPerIter: KEYS_N, setup: srVerify },
      { name: 'ed25519_sign', opsPerIter: KEYS_N, setup: edSign },
      { name: 'ed25519_verify', opsPerIter: KEYS_N, setup: edVerify },
      { name: 'ecdsa_sign', opsPerIter: KEYS_N, setup: ecSign },
      { name: 'ecdsa_verify', opsPerIter: KEYS_N, setup: ecVerify },
    ],
  ],
  [
    '@polkadot/util-crypto',
    [
      { name: 'ss58_encode_42', opsPerIter: KEYS_N, setup: () => ss58Encode(42) },
      { name: 'ss58_encode_0', opsPerIter: KEYS_N, setup: () => ss58Encode(0) },
      { name: 'ss58_decode_42', opsPerIter: KEYS_N, setup: () => ss58Decode(42) },
      { name: 'ss58_decode_0', opsPerIter: KEYS_N, setup: () => ss58Decode(0) },
    ],
  ],
];

await waitReady();
await cryptoWaitReady();

const args = process.argv.slice(2);
if (args.length === 1 && args[0] === '--print-sr25519-signature') {
  // A wasm-crypto signature over message 0, for bench/keys_sr25519_peer_sigs.inc.
  const { secret, pub } = srKeypair();
  const sig = sr25519Sign(pub, secret, messages()[0]);
  process.stdout.write(`"${Buffer.from(sig).toString('hex')}",\n`);
} else if (args.length === 0 || args[0] === '--list' || args.some((a) => !GROUPS.some(([, cs]) => cs.some((c) => c.name === a)))) {
  // Every case (one implementation after the other), the list, or an unknown name (the harness reports it).
  if (args.length === 0) {
    for (const [impl, cases] of GROUPS) main(impl, cases);
  } else {
    main('node', GROUPS.flatMap(([, cs]) => cs));
  }
} else {
  // The harness reads process.argv: give each implementation its own cases.
  const argv = process.argv.slice(0, 2);
  for (const [impl, cases] of GROUPS) {
    const mine = args.filter((a) => cases.some((c) => c.name === a));
    if (mine.length === 0) continue;
    process.argv = [...argv, ...mine];
    main(impl, cases);
  }
}
