// polkadot.js peer of bench/bench_tx.c: build, sign and encode
// Balances.transfer_keep_alive offline, the same inputs (see the comment at
// the top of bench/bench_tx.c).
//
// The offline path of polkadot.js: a TypeRegistry with the metadata set
// (once, in setup), then per transaction registry.createType('Call', {
// callIndex, args }) from the argument object, createType('Extrinsic',
// { method }, { version: 4 }) and extrinsic.sign(pair, { blockHash, era,
// genesisHash, nonce, runtimeVersion, signedExtensions, tip }) — which builds
// the extensions and the payload, signs it (blake2-256 first when longer
// than 256 bytes) and sets the signature — then toU8a() for the bytes. The
// keys are @polkadot/util-crypto's (wasm) from the all-zero seed; the pair
// signs with the MultiSignature tag as @polkadot/keyring does.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Metadata, TypeRegistry } from '@polkadot/types';
import { u8aToHex } from '@polkadot/util';
import {
  blake2AsU8a,
  cryptoWaitReady,
  ed25519PairFromSeed,
  ed25519Sign,
  sr25519PairFromSeed,
  sr25519Sign,
} from '@polkadot/util-crypto';

import { consume, Fnv1a, main } from './harness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const VECTORS = process.env.WETEE_VECTORS_DIR || join(HERE, '../../../../shared/vectors');
const MD_FILE = join(VECTORS, 'metadata/polkadot_metadata_full.scale');
const GENESIS = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';
const BLOCK = `0x${'01'.repeat(32)}`;
const DEST = '0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48';

await cryptoWaitReady();

function setup(scheme) {
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, new Uint8Array(readFileSync(MD_FILE)));
  registry.setMetadata(metadata);
  const seed = new Uint8Array(32);
  const kp = scheme === 'ed25519' ? ed25519PairFromSeed(seed) : sr25519PairFromSeed(seed);
  const tag = scheme === 'ed25519' ? 0 : 1;
  const sign = scheme === 'ed25519' ? ed25519Sign : sr25519Sign;
  const pair = {
    address: u8aToHex(kp.publicKey),
    addressRaw: kp.publicKey,
    publicKey: kp.publicKey,
    type: scheme,
    sign: (data) => {
      const sig = sign(data.length > 256 ? blake2AsU8a(data) : data, kp);
      const out = new Uint8Array(65);
      out[0] = tag;
      out.set(sig, 1);
      return out;
    },
  };
  const version = metadata.asLatest.pallets
    .find((p) => p.name.toString() === 'System')
    .constants.find((c) => c.name.toString() === 'Version');
  const runtimeVersion = registry.createType('RuntimeVersion', version.value);
  const balances = metadata.asLatest.pallets.find((p) => p.name.toString() === 'Balances');
  const variants = registry.lookup.getSiType(balances.calls.unwrap().type).def.asVariant.variants;
  const call = variants.find((v) => v.name.toString() === 'transfer_keep_alive');
  const callIndex = new Uint8Array([balances.index.toNumber(), call.index.toNumber()]);
  const era = registry.createType('ExtrinsicEra', { current: 1000, period: 64 });
  // One transaction: nonce 7 + i; with `payloadOnly`, the signing payload (as signed) instead.
  const build = (i, payloadOnly) => {
    const method = registry.createType('Call', { callIndex, args: { dest: { Id: DEST }, value: 1000000000000n } });
    const tx = registry.createType('Extrinsic', { method }, { version: 4 });
    const options = {
      blockHash: BLOCK,
      era,
      genesisHash: GENESIS,
      nonce: 7 + i,
      runtimeVersion,
      signedExtensions: registry.signedExtensions,
      tip: 5,
    };
    if (payloadOnly) {
      const payload = registry.createType('ExtrinsicPayload', { ...options, method: method.toHex(), version: 4,
        specVersion: runtimeVersion.specVersion, transactionVersion: runtimeVersion.transactionVersion },
      { version: 4 });
      const u8a = payload.toU8a({ method: true });
      return u8a.length > 256 ? blake2AsU8a(u8a) : u8a;
    }
    tx.sign(pair, options);
    return tx.toU8a();
  };
  return build;
}

function txCase(name, scheme, checkPayload) {
  return {
    name,
    opsPerIter: 1,
    setup() {
      const build = setup(scheme);
      return {
        run(iters) {
          for (let i = 0; i < iters; i++) consume(build(i & 1023, false).length);
        },
        check: () => new Fnv1a().update(build(0, checkPayload)).hex(),
      };
    },
  };
}

main('@polkadot/types', [
  txCase('tx_transfer_ed25519', 'ed25519', false),
  txCase('tx_transfer_sr25519', 'sr25519', true),
]);
