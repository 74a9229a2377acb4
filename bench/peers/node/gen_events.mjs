// Writes bench/data/rococo_events.hex: the SCALE value of System.Events
// (Vec<frame_system::EventRecord>) of a made-up but well-formed Rococo block,
// encoded by @polkadot/types with the metadata polkadot_metadata_full.scale
// of the shared vectors. bench/bench_metadata.c and bench_metadata.mjs
// decode it (the events_* cases). Deterministic (splitmix64, seed 2024):
// rerun `node bench/peers/node/gen_events.mjs` and the file does not change.
//
// The block: 21 signed transfers, each with the events a real one emits, in
// phase ApplyExtrinsic(i): Balances.Withdraw (fee), Balances.Transfer,
// Balances.Deposit (fee share), Treasury.Deposit, TransactionPayment.
// TransactionFeePaid, System.ExtrinsicSuccess; 126 records, no topics.
// Amounts are u128 values of 40 to 100 bits, so that integers above 2^53
// (decimal strings in the JSON mapping) occur.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Metadata, TypeRegistry } from '@polkadot/types';
import { compactToU8a, u8aConcat, u8aToHex } from '@polkadot/util';

import { splitmix64 } from './harness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const VECTORS = process.env.WETEE_VECTORS_DIR || join(HERE, '../../../../shared/vectors');
const OUT = join(HERE, '../../data/rococo_events.hex');

export function eventsRegistry() {
  const registry = new TypeRegistry();
  const md = new Metadata(registry, new Uint8Array(readFileSync(join(VECTORS, 'metadata/polkadot_metadata_full.scale'))));
  registry.setMetadata(md);
  const v = md[`asV${md.version}`];
  const sys = v.pallets.find((p) => p.name.toString() === 'System');
  const item = sys.storage.unwrap().items.find((i) => i.name.toString() === 'Events');
  const typeName = registry.createLookupType(item.type.asPlain);
  return { registry, typeName, v };
}

// polkadot.js builds a GenericEvent only from bytes, so each record is encoded
// here field by field with the registry's types (phase ApplyExtrinsic(i) =
// 0x00 ++ u32, the event = pallet index ++ event index ++ its fields, topics
// = empty Vec), then decoded back by polkadot.js to check the names.
function encodeRecord(registry, v, phase, pallet, event, data) {
  const p = v.pallets.find((x) => x.name.toString() === pallet);
  const variant = v.lookup
    .getSiType(p.events.unwrap().type)
    .def.asVariant.variants.find((x) => x.name.toString() === event);
  const fields = variant.fields.map((f) => {
    const name = f.name.unwrap().toString();
    if (!(name in data)) throw new Error(`${pallet}.${event}: no value for ${name}`);
    return registry.createType(registry.createLookupType(f.type), data[name]).toU8a();
  });
  const ph = new Uint8Array(5);
  new DataView(ph.buffer).setUint32(1, phase, true);
  return u8aConcat(ph, Uint8Array.of(p.index.toNumber(), variant.index.toNumber()), ...fields, Uint8Array.of(0));
}

function build() {
  const { registry, typeName, v } = eventsRegistry();
  const st = { s: 2024n };
  const account = () => {
    const b = new Uint8Array(32);
    for (let i = 0; i < 32; i += 8) {
      let r = splitmix64(st);
      for (let k = 0; k < 8; k++, r >>= 8n) b[i + k] = Number(r & 255n);
    }
    return u8aToHex(b);
  };
  const amount = () => {
    const bits = 40n + (splitmix64(st) % 61n); // 40..100 bits
    const v = (splitmix64(st) << 64n) | splitmix64(st);
    return (v & ((1n << bits) - 1n)) | (1n << (bits - 1n));
  };
  const treasury = account();
  const records = [];
  for (let i = 0; i < 21; i++) {
    const from = account();
    const to = account();
    const fee = amount();
    const ev = (pallet, event, data) => ({ pallet, event, bytes: encodeRecord(registry, v, i, pallet, event, data) });
    records.push(ev('Balances', 'Withdraw', { who: from, amount: fee }));
    records.push(ev('Balances', 'Transfer', { from, to, amount: amount() }));
    records.push(ev('Balances', 'Deposit', { who: treasury, amount: fee / 5n }));
    records.push(ev('Treasury', 'Deposit', { value: fee - fee / 5n }));
    records.push(ev('TransactionPayment', 'TransactionFeePaid', { who: from, actual_fee: fee, tip: 0 }));
    records.push(
      ev('System', 'ExtrinsicSuccess', {
        dispatch_info: {
          weight: { refTime: splitmix64(st) % 10n ** 12n, proofSize: splitmix64(st) % 10n ** 6n },
          class: 'Normal',
          paysFee: 'Yes',
        },
      }),
    );
  }
  const bytes = u8aConcat(compactToU8a(records.length), ...records.map((r) => r.bytes));
  // check: polkadot.js decodes it back, whole, to the same events
  const back = registry.createType(typeName, bytes);
  if (back.length !== records.length || back.encodedLength !== bytes.length)
    throw new Error('polkadot.js does not decode the block back whole');
  back.forEach((r, i) => {
    if (r.event.section.toLowerCase() !== records[i].pallet.toLowerCase() || r.event.method !== records[i].event)
      throw new Error(`record ${i}: ${r.event.section}.${r.event.method}`);
  });
  return bytes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bytes = build();
  writeFileSync(OUT, u8aToHex(bytes) + '\n');
  process.stderr.write(`wrote ${OUT}: ${bytes.length} bytes\n`);
}
