// @polkadot/types peer of bench/bench_metadata.c: the same cases on the same
// metadata bytes (see the comment at the top of bench/bench_metadata.c).
//
// Parsing is `new Metadata(registry, bytes)`, which decodes the whole
// metadata eagerly into codec objects. The lookup uses the decoded version
// directly (`metadata.asV15` for this fixture, chosen from metadata.version,
// so without the conversion to the latest version that `asLatest` and
// registry.setMetadata() would add): the pallet by name in `pallets`, its
// call enum in the portable registry (`lookup.getSiType`), the variant by
// name. This is the cheapest path polkadot.js offers.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Metadata, TypeRegistry } from '@polkadot/types';

import { eventsRegistry } from './gen_events.mjs';
import { consume, Fnv1a, main } from './harness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const VECTORS = process.env.WETEE_VECTORS_DIR || join(HERE, '../../../../shared/vectors');
const MD_FILE = join(VECTORS, 'metadata/polkadot_metadata_full.scale');
const PALLET = 'Balances';
const CALL = 'transfer_keep_alive';

const registry = new TypeRegistry();

function loadBytes() {
  return new Uint8Array(readFileSync(MD_FILE));
}

function parse(bytes) {
  return new Metadata(registry, bytes);
}

function lookup(metadata) {
  const v = metadata[`asV${metadata.version}`];
  const pallet = v.pallets.find((p) => p.name.toString() === PALLET);
  if (!pallet || pallet.calls.isNone) throw new Error(`${PALLET} has no calls`);
  const calls = v.lookup.getSiType(pallet.calls.unwrap().type).def.asVariant.variants;
  const call = calls.find((c) => c.name.toString() === CALL);
  if (!call) throw new Error(`${PALLET}.${CALL} not found`);
  return { pallet, call };
}

function foldCall({ pallet, call }) {
  let s = pallet.index.toNumber() * 256 + call.index.toNumber();
  for (const f of call.fields) s += f.type.toNumber();
  return s;
}

function hashCall({ pallet, call }) {
  const h = new Fnv1a().update(Uint8Array.of(pallet.index.toNumber(), call.index.toNumber(), call.fields.length));
  const enc = new TextEncoder();
  for (const f of call.fields) {
    const t = f.type.toNumber();
    h.update(enc.encode(f.name.isSome ? f.name.unwrap().toString() : ''));
    h.update(Uint8Array.of(t & 255, (t >>> 8) & 255, (t >>> 16) & 255, t >>> 24));
  }
  return h.hex();
}

// events_*: the registry has the metadata set (registry.setMetadata), as
// an application decoding events has; the System.Events value type is
// created by its lookup name.
function eventsSetup() {
  const { registry, typeName } = eventsRegistry();
  const hex = readFileSync(join(HERE, '../../data/rococo_events.hex'), 'utf8').trim();
  const bytes = registry.createType('Bytes', hex).toU8a(true);
  return { registry, typeName, bytes };
}

function eventsCheck(records) {
  const h = new Fnv1a();
  for (const r of records) {
    const x = r.phase.asApplyExtrinsic.toNumber();
    const idx = r.event.index;
    h.update(Uint8Array.of(x & 255, (x >>> 8) & 255, (x >>> 16) & 255, x >>> 24, idx[0], idx[1]));
  }
  return h.hex();
}

const N_EVENTS = 126;

const cases = [
  {
    name: 'md_baseline',
    opsPerIter: 1,
    setup() {
      const bytes = loadBytes();
      return {
        run(iters) {
          for (let i = 0; i < iters; i++) consume(bytes.length + bytes[i % bytes.length]);
        },
        check: () => new Fnv1a().update(bytes).hex(),
      };
    },
  },
  {
    name: 'md_parse',
    opsPerIter: 1,
    setup() {
      const bytes = loadBytes();
      return {
        run(iters) {
          for (let i = 0; i < iters; i++) consume(parse(bytes).version);
        },
        check() {
          const m = parse(bytes);
          const v = m[`asV${m.version}`];
          const nt = v.lookup.types.length;
          const np = v.pallets.length;
          const le = new Uint8Array(8);
          new DataView(le.buffer).setUint32(0, nt, true);
          new DataView(le.buffer).setUint32(4, np, true);
          return new Fnv1a().update(le).hex();
        },
      };
    },
  },
  {
    name: 'md_parse_lookup',
    opsPerIter: 1,
    setup() {
      const bytes = loadBytes();
      return {
        run(iters) {
          for (let i = 0; i < iters; i++) consume(foldCall(lookup(parse(bytes))));
        },
        check: () => hashCall(lookup(parse(bytes))),
      };
    },
  },
  {
    name: 'md_lookup_call',
    opsPerIter: 1,
    setup() {
      const md = parse(loadBytes());
      return {
        run(iters) {
          for (let i = 0; i < iters; i++) consume(foldCall(lookup(md)));
        },
        check: () => hashCall(lookup(md)),
      };
    },
  },
  {
    name: 'events_decode',
    opsPerIter: N_EVENTS,
    setup() {
      const { registry, typeName, bytes } = eventsSetup();
      return {
        run(iters) {
          for (let i = 0; i < iters; i++) consume(registry.createType(typeName, bytes).length);
        },
        check: () => eventsCheck(registry.createType(typeName, bytes)),
      };
    },
  },
  {
    name: 'events_decode_json',
    opsPerIter: N_EVENTS,
    setup() {
      const { registry, typeName, bytes } = eventsSetup();
      return {
        run(iters) {
          for (let i = 0; i < iters; i++) consume(registry.createType(typeName, bytes).toJSON().length);
        },
        check: () => eventsCheck(registry.createType(typeName, bytes)),
      };
    },
  },
];

main('@polkadot/types', cases);
