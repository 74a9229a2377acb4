// The metadata differential suite's model of a portable type registry, read
// through @polkadot/types, and the conversions between three forms of a value:
//
//   W   libwetee's documented JSON mapping (docs/metadata.md), as a JS tree in
//       which integers are BigInt; wText() prints it as JSON text
//   pjs the input polkadot.js's createType accepts for the same value
//   codec a decoded polkadot.js Codec object
//
// The conversions are driven by the portable type (the same registry both
// libraries read), never by guessing from the shape of a value. Where
// polkadot.js gives a type a class of its own (AccountId32, Call, U256, Vote,
// BTreeMap, ...) the value is read from that class's own fields, so the
// comparison still checks polkadot.js's decoding rather than re-decoding the
// bytes here.

import { Metadata, TypeRegistry } from '@polkadot/types';
import { GenericAccountIndex, GenericCall, GenericEvent } from '@polkadot/types/generic';
import { compactStripLength, hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { encodeAddress, ethereumEncode } from '@polkadot/util-crypto';
import { readFileSync } from 'node:fs';

// ---------------------------------------------------------------------------
// Loading a fixture.

// Metadata bytes from a fixture file: raw SCALE (with or without the "meta"
// magic; the Kusama V14 fixture has none), a JSON-RPC response whose result
// is the hex of state_getMetadata, or hex text (.hex; also the
// Option<OpaqueMetadata> that Metadata_metadata_at_version returns).
export function fixtureBytes(path) {
  let data = readFileSync(path);
  if (path.endsWith('.json')) data = hexToU8a(JSON.parse(data.toString('utf8')).result);
  if (path.endsWith('.hex')) {
    data = hexToU8a(data.toString('utf8').trim());
    // Metadata_metadata_at_version's answer: Option<OpaqueMetadata>
    if (data[0] === 1) {
      const [, inner] = compactStripLength(data.subarray(1));
      if (inner[0] === 0x6d && inner[1] === 0x65 && inner[2] === 0x74 && inner[3] === 0x61) data = inner;
    }
  }
  if (!(data[0] === 0x6d && data[1] === 0x65 && data[2] === 0x74 && data[3] === 0x61)) {
    data = u8aConcat(new Uint8Array([0x6d, 0x65, 0x74, 0x61]), data);
  }
  return new Uint8Array(data);
}

const quietWarn = console.warn;
export function loadFixture(path) {
  const registry = new TypeRegistry();
  // polkadot.js warns about transaction extensions it does not know; they do
  // not take part in what this suite compares
  console.warn = () => {};
  try {
    const metadata = new Metadata(registry, fixtureBytes(path));
    registry.setMetadata(metadata);
    return new Fixture(path, registry, metadata);
  } finally {
    console.warn = quietWarn;
  }
}

function str(t) { return t.toString(); }

export class Fixture {
  constructor(path, registry, metadata) {
    this.path = path;
    this.registry = registry;
    this.metadata = metadata;
    this.version = metadata.version;
    const latest = metadata.asLatest;
    this.latest = latest;
    this.types = [];
    for (const { id, type } of latest.lookup.types) {
      const d = type.def;
      const t = { id: id.toNumber(), path: type.path.map(str), params: type.params.map((p) => (p.type.isSome ? p.type.unwrap().toNumber() : null)) };
      if (d.isComposite) {
        t.kind = 'composite';
        t.fields = d.asComposite.fields.map(fieldOf);
      } else if (d.isVariant) {
        t.kind = 'variant';
        t.variants = d.asVariant.variants.map((v) => ({ name: str(v.name), index: v.index.toNumber(), fields: v.fields.map(fieldOf), docs: v.docs.map(str) }));
      } else if (d.isSequence) {
        t.kind = 'sequence';
        t.elem = d.asSequence.type.toNumber();
      } else if (d.isArray) {
        t.kind = 'array';
        t.elem = d.asArray.type.toNumber();
        t.len = d.asArray.len.toNumber();
      } else if (d.isTuple) {
        t.kind = 'tuple';
        t.elems = d.asTuple.map((x) => x.toNumber());
      } else if (d.isPrimitive) {
        t.kind = 'primitive';
        t.prim = str(d.asPrimitive).toLowerCase();
      } else if (d.isCompact) {
        t.kind = 'compact';
        t.elem = d.asCompact.type.toNumber();
      } else if (d.isBitSequence) {
        t.kind = 'bitsequence';
        t.store = d.asBitSequence.bitStoreType.toNumber();
        t.order = d.asBitSequence.bitOrderType.toNumber();
      } else {
        throw new Error(`type ${t.id}: unexpected definition ${d.type}`);
      }
      this.types[t.id] = t;
    }
    this.pallets = latest.pallets.map((p) => ({
      name: str(p.name),
      index: p.index.toNumber(),
      calls: p.calls.isSome ? p.calls.unwrap().type.toNumber() : null,
      events: p.events.isSome ? p.events.unwrap().type.toNumber() : null,
      errors: p.errors.isSome ? p.errors.unwrap().type.toNumber() : null,
      constants: p.constants.map((c) => ({ name: str(c.name), type: c.type.toNumber(), value: c.value.toU8a(true) })),
      storage: p.storage.isSome
        ? p.storage.unwrap().items.map((s) => storageOf(s))
        : []
    }));
    // SS58 prefix for AccountId32 in JSON: System.SS58Prefix, else 42
    const sys = this.pallets.find((p) => p.name === 'System');
    const pc = sys?.constants.find((c) => c.name === 'SS58Prefix');
    this.ss58 = pc ? registry.createTypeUnsafe(registry.createLookupType(pc.type), [pc.value]).toNumber() : 42;
    // the outer call and event enums (V14: polkadot.js fills outerEnums in
    // its conversion to the latest version, found again here by the pallet
    // variants they list)
    const oe = latest.outerEnums;
    this.callType = metadata.version >= 15 ? oe.callType.toNumber() : this.findOuter('calls');
    this.eventType = metadata.version >= 15 ? oe.eventType.toNumber() : this.findOuter('events');
  }

  findOuter(what) {
    // the event enum is the "event" field of System.Events' EventRecord
    // (types-support's Polkadot V14 lists ImOnline in RuntimeEvent while
    // the pallet declares no events, which the search below cannot match)
    if (what === 'events') {
      const ev = this.pallets.find((p) => p.name === 'System')?.storage.find((s) => s.name === 'Events');
      const seq = ev && this.types[ev.value];
      const rec = seq?.kind === 'sequence' ? this.types[seq.elem] : null;
      const f = rec?.kind === 'composite' ? rec.fields.find((x) => x.name === 'event') : null;
      if (f) return f.type;
    }
    // the variant type whose variants are the pallets, each wrapping the
    // pallet's own enum (V14 has no outer-enum table)
    const want = new Map(this.pallets.filter((p) => p[what] !== null).map((p) => [p.index, p[what]]));
    for (const t of this.types) {
      if (!t || t.kind !== 'variant' || t.variants.length !== want.size || want.size === 0) continue;
      if (t.variants.every((v) => v.fields.length === 1 && want.get(v.index) === v.fields[0].type)) return t.id;
    }
    return null;
  }
}

function fieldOf(f) {
  return { name: f.name.isSome ? str(f.name.unwrap()) : null, type: f.type.toNumber(), typeName: f.typeName.isSome ? str(f.typeName.unwrap()) : null };
}

function storageOf(s) {
  const e = { name: str(s.name), modifier: str(s.modifier), fallback: s.fallback.toU8a(true) };
  if (s.type.isPlain) {
    e.hashers = [];
    e.keys = [];
    e.value = s.type.asPlain.toNumber();
  } else {
    const m = s.type.asMap;
    e.hashers = m.hashers.map(str);
    e.key = m.key.toNumber();
    e.value = m.value.toNumber();
  }
  return e;
}

// ---------------------------------------------------------------------------
// Type predicates shared by all conversions (polkadot.js's special classes are
// chosen by path; see PortableRegistry.js in @polkadot/types).

export const pathIs = (t, p) => t.path.join('::') === p;
export const isOption = (t) => t.kind === 'variant' && t.path.length === 1 && t.path[0] === 'Option';
export const isBTreeMap = (t) => t.kind === 'composite' && t.path.length === 1 && t.path[0] === 'BTreeMap';
export const isBTreeSet = (t) => t.kind === 'composite' && t.path.length === 1 && t.path[0] === 'BTreeSet';
const ACCOUNT20_PATHS = ['fp_account::AccountId20', 'account::AccountId20'];
export const isAccountId32 = (t) => pathIs(t, 'sp_core::crypto::AccountId32');
export const isAccountId20 = (t) => ACCOUNT20_PATHS.includes(t.path.join('::'));
// pallet_identity's Data: polkadot.js folds Raw0..Raw32 into one Raw(Bytes)
// An enum whose variants all lack fields is written as the bare variant name
// (polkadot.js's "basic" enum); Option and Result never are.
export const isBasicEnum = (t) => t.kind === 'variant' && t.variants.length > 0 && t.variants.every((v) => v.fields.length === 0) && !isOption(t);
export const isVote = (t) => t.kind === 'composite' && t.path.length === 3 && /_(democracy|conviction_voting)$/.test(t.path[0]) && t.path[1] === 'vote' && t.path[2] === 'Vote';
export const isIdentityBitFlags = (t) => t.kind === 'composite' && t.path.length === 3 && /_identity$/.test(t.path[0]) && t.path[2] === 'BitFlags';
export const isIdentityData = (t) => t.kind === 'variant' && t.path.length === 3 && /_identity$/.test(t.path[0]) && t.path[1] === 'types' && t.path[2] === 'Data';

// The outer RuntimeCall / RuntimeEvent enums, which polkadot.js reads as
// GenericCall / GenericEvent.
// (V14 metadata of 2021 calls them <runtime>::Call / Event, which polkadot.js
// also resolves to its Call and Event classes.)
export function isRuntimeCall(fx, t) { return t.id === fx.callType || /_runtime$/.test(t.path[0] ?? '') && t.path.length === 2 && t.path[1] === 'RuntimeCall'; }
export function isRuntimeEvent(fx, t) { return t.id === fx.eventType || /_runtime$/.test(t.path[0] ?? '') && t.path.length === 2 && t.path[1] === 'RuntimeEvent'; }

// A call at the top (what createType('Call') reads): polkadot.js's
// GenericCall whatever the outer enum's path is.
export function callToPjs(fx, w) {
  const t = fx.types[fx.callType];
  const [pn] = Object.keys(w);
  const pv = t.variants.find((v) => v.name === pn);
  if (!pv) throw new Error(`no pallet ${pn}`);
  const inner = fx.types[pv.fields[0].type];
  const [cn] = typeof w[pn] === 'string' ? [w[pn]] : Object.keys(w[pn]);
  const cv = inner.variants.find((v) => v.name === cn);
  if (!cv) throw new Error(`no call ${pn}.${cn}`);
  return { callIndex: new Uint8Array([pv.index, cv.index]), args: fieldsToPjs(fx, cv.fields, typeof w[pn] === 'string' ? null : w[pn][cn], true) };
}
// At the top, call arguments are always an object (libwetee's call API):
// none is {}, unnamed ones are keyed "0", "1", ...
export function callFromPjs(fx, c) {
  const w = callFromCodec(fx, fx.types[fx.callType], c, '');
  const [pn] = Object.keys(w);
  const [cn] = typeof w[pn] === 'string' ? [w[pn]] : Object.keys(w[pn]);
  const pv = fx.types[fx.callType].variants.find((v) => v.name === pn);
  const cv = fx.types[pv.fields[0].type].variants.find((v) => v.name === cn);
  return { [pn]: { [cn]: argsAsObject(cv.fields, typeof w[pn] === 'string' ? null : w[pn][cn]) } };
}

export function argsAsObject(fields, v) {
  if (fields.length === 0) return {};
  if (fields[0].name !== null) return v;
  const o = {};
  (fields.length === 1 ? [v] : v).forEach((x, i) => { o[String(i)] = x; });
  return o;
}

const INT_BITS = { u8: 8, u16: 16, u32: 32, u64: 64, u128: 128, u256: 256, i8: 8, i16: 16, i32: 32, i64: 64, i128: 128, i256: 256 };
export function intBits(prim) { return INT_BITS[prim]; }

// Elements of a Vec<u8> or [u8; N] are bytes: W form "0x.." hex.
export function isU8(fx, id) { const t = fx.types[id]; return t.kind === 'primitive' && t.prim === 'u8'; }

// ---------------------------------------------------------------------------
// W form as JSON text: the normalisation rules, all in one place.
//
// These are libwetee's documented conventions (docs/metadata.md); the suite
// prints W values with them and compares libwetee's output text after only
// re-ordering object keys. Nothing else is normalised: numbers, strings, hex
// case and the shape of every container are compared as written.

// integers of magnitude up to 2^53 - 1 (JavaScript's safe integers) are
// numbers, larger ones decimal strings (docs/metadata.md)
export const W_NUMBER_LIMIT = 1n << 53n;

export function wText(v) {
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new Error(`not an integer: ${v}`);
    return v.toString();
  }
  if (typeof v === 'bigint') return v > -W_NUMBER_LIMIT && v < W_NUMBER_LIMIT ? v.toString() : `"${v}"`;
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(wText).join(',')}]`;
  if (v instanceof JNum) return v.text;
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${wText(v[k])}`).join(',')}}`;
}

// Where two parsed JSON trees first differ: [path, a, b], or null.
export function firstDiff(a, b, path = '$') {
  const kind = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : v instanceof JNum ? 'number' : typeof v);
  if (kind(a) !== kind(b)) return [path, a, b];
  if (a instanceof JNum) return a.text === b.text ? null : [path, a, b];
  if (Array.isArray(a)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = firstDiff(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return a.length === b.length ? null : [`${path}.length`, a.length, b.length];
  }
  if (a !== null && typeof a === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    if (ka.join('\u0000') !== kb.join('\u0000')) return [`${path} keys`, ka, kb];
    for (const k of ka) {
      const d = firstDiff(a[k], b[k], `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : [path, a, b];
}

// A number as written in JSON text (kept as text: JSON.parse would round
// integers above 2^53 and hide a wrong representation).
export class JNum { constructor(text) { this.text = text; } }

// Parse JSON keeping every number as a JNum. Strict: trailing garbage fails.
export function parseLossless(text) {
  let i = 0;
  const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
  const fail = (what) => { throw new Error(`JSON: ${what} at offset ${i}`); };
  function value() {
    ws();
    const c = text[i];
    if (c === '{') {
      i++; const o = {}; ws();
      if (text[i] === '}') { i++; return o; }
      for (;;) {
        ws(); if (text[i] !== '"') fail('expected a key');
        const k = string(); ws();
        if (text[i] !== ':') fail('expected :'); i++;
        if (Object.prototype.hasOwnProperty.call(o, k)) fail(`duplicate key ${k}`);
        o[k] = value(); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return o; }
        fail('expected , or }');
      }
    }
    if (c === '[') {
      i++; const a = []; ws();
      if (text[i] === ']') { i++; return a; }
      for (;;) {
        a.push(value()); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return a; }
        fail('expected , or ]');
      }
    }
    if (c === '"') return string();
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (m && m[0].length) { i += m[0].length; return new JNum(m[0]); }
    for (const [w, v] of [['true', true], ['false', false], ['null', null]]) {
      if (text.startsWith(w, i)) { i += w.length; return v; }
    }
    return fail('unexpected character');
  }
  function string() {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail('unterminated string');
    i++;
    return JSON.parse(text.slice(start, i));
  }
  const v = value(); ws();
  if (i !== text.length) fail('trailing characters');
  return v;
}

// ---------------------------------------------------------------------------
// codec -> W: polkadot.js's decoding, printed with libwetee's conventions.

export function fromCodec(fx, id, c, path = '') {
  const t = fx.types[id];
  if (t === undefined) throw new Error(`${path}: unknown type ${id}`);
  if (isAccountId32(t)) return encodeAddress(c.toU8a(), fx.ss58);
  if (isAccountId20(t)) return ethereumEncode(c.toU8a());
  if (isRuntimeCall(fx, t)) return callFromCodec(fx, t, c, path);
  if (isRuntimeEvent(fx, t)) return eventFromCodec(fx, t, c, path);
  if (isIdentityData(t)) {
    const idx = c.isRaw ? 1 + c.asRaw.length : c.index === 0 ? 0 : 32 + c.index;
    const v = t.variants.find((x) => x.index === idx);
    return { [v.name]: v.fields.length ? u8aToHex(c.value.toU8a(true)) : null };
  }
  switch (t.kind) {
    case 'primitive': return primFromCodec(t, c, path);
    case 'compact': return fromCodec(fx, t.elem, c.unwrap(), path);
    case 'sequence':
    case 'array':
      if (isU8(fx, t.elem)) return u8aToHex(c.toU8a(true));
      if (t.kind === 'array' && !Array.isArray(c) && isIntLike(c)) return limbsFromInt(fx, t, c.toBigInt());
      return [...c].map((x, i) => fromCodec(fx, t.elem, x, `${path}[${i}]`));
    case 'tuple':
      if (t.elems.length === 0) return null;
      if (t.elems.length === 1) return fromCodec(fx, t.elems[0], c, path);
      return t.elems.map((e, i) => fromCodec(fx, e, c[i], `${path}[${i}]`));
    case 'bitsequence': return u8aToHex(c.toU8a(true)); // the packed bytes
    case 'composite':
      if (isBTreeMap(t)) {
        const [k, v] = t.params;
        return [...c.entries()].map(([ck, cv], i) => [fromCodec(fx, k, ck, `${path}[${i}]`), fromCodec(fx, v, cv, `${path}[${i}]`)]);
      }
      if (isBTreeSet(t)) return [...c.values()].map((x, i) => fromCodec(fx, t.params[0], x, `${path}[${i}]`));
      return fieldsFromCodec(fx, t.fields, c, path);
    case 'variant': {
      if (isOption(t)) return c.isNone ? null : fromCodec(fx, t.params[0], c.unwrap(), path);
      if (t.variants.length === 0) throw new Error(`${path}: a value of an empty enum`);
      const idx = variantIndexOf(c);
      const v = t.variants.find((x) => x.index === idx);
      if (!v) throw new Error(`${path}: polkadot.js decoded variant index ${idx}, not in the type`);
      if (isBasicEnum(t)) return v.name;
      return { [v.name]: fieldsFromCodec(fx, v.fields, c.value ?? c, `${path}.${v.name}`) };
    }
    default: throw new Error(`${path}: kind ${t.kind}`);
  }
}

// a polkadot.js Vec / Tuple / VecFixed (themselves Arrays) rather than a
// plain list of field codecs
function isCodecArray(c) { return typeof c.toU8a === 'function'; }

function isIntLike(c) { return typeof c.toBigInt === 'function'; }

// polkadot.js reads primitive_types::U256/U512 ([u64; N] in the registry) as
// one integer: give the limbs, least significant first.
function limbsFromInt(fx, t, v) {
  const bits = BigInt(intBits(fx.types[t.elem].prim));
  const out = [];
  for (let i = 0; i < t.len; i++) { out.push(v & ((1n << bits) - 1n)); v >>= bits; }
  return out;
}

function variantIndexOf(c) {
  if (typeof c.index === 'number') return c.index;
  throw new Error(`codec ${c.constructor.name} has no variant index`);
}

// c: the codec of the composite or variant (a Struct, Tuple, or, for one
// unnamed field, the field's own codec), or a plain array of field codecs
function fieldsFromCodec(fx, fields, c, path) {
  if (fields.length === 0) return null;
  if (fields.length === 1 && fields[0].name === null) return fromCodec(fx, fields[0].type, Array.isArray(c) && !isCodecArray(c) ? c[0] : c, path);
  const values = c instanceof Map ? [...c.values()] : [...c];
  if (values.length !== fields.length) throw new Error(`${path}: polkadot.js gave ${values.length} fields, the type has ${fields.length}`);
  if (fields[0].name === null) return fields.map((f, i) => fromCodec(fx, f.type, values[i], `${path}[${i}]`));
  const o = {};
  fields.forEach((f, i) => { o[f.name] = fromCodec(fx, f.type, values[i], `${path}.${f.name}`); });
  return o;
}

function primFromCodec(t, c, path) {
  const p = t.prim;
  if (p === 'bool') return c.isTrue;
  if (p === 'str') return c.toString();
  if (p === 'char') return String.fromCodePoint(Number(c.toBigInt()));
  if (INT_BITS[p]) {
    // GenericAccountIndex (MultiAddress::Index(Compact<AccountIndex>)) is a
    // u32 whose toString(), and so toBigInt(), is an SS58 address: its
    // bytes are read below
    if (isIntLike(c) && !(c instanceof GenericAccountIndex)) return c.toBigInt();
    // classes polkadot.js puts over an integer field: Vote (u8), Set (bit
    // flags), AccountIndex (u32)
    const u8a = c.toU8a();
    let v = 0n;
    for (let i = u8a.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(u8a[i]);
    return v;
  }
  throw new Error(`${path}: primitive ${p}`);
}

// polkadot.js reads the outer RuntimeCall / RuntimeEvent enums as its own
// GenericCall (callIndex, args) and GenericEvent (index, data) classes: the
// two index bytes pick the pallet variant and its call or event.
function outerFromCodec(fx, t, [pi, vi], values, path) {
  const pv = t.variants.find((v) => v.index === pi);
  const inner = fx.types[pv.fields[0].type];
  const v = inner.variants.find((x) => x.index === vi);
  if (isBasicEnum(inner)) return { [pv.name]: v.name };
  return { [pv.name]: { [v.name]: fieldsFromCodec(fx, v.fields, values, `${path}.${pv.name}.${v.name}`) } };
}

function callFromCodec(fx, t, c, path) {
  if (!(c instanceof GenericCall)) throw new Error(`${path}: expected a polkadot.js Call, got ${c.constructor.name}`);
  return outerFromCodec(fx, t, c.callIndex, c.args, path);
}

function eventFromCodec(fx, t, c, path) {
  if (!(c instanceof GenericEvent)) throw new Error(`${path}: expected a polkadot.js Event, got ${c.constructor.name}`);
  return outerFromCodec(fx, t, c.index, [...c.data], path);
}

// ---------------------------------------------------------------------------
// W -> pjs input (what a polkadot.js user hands createType).

export function toPjs(fx, id, w) {
  const t = fx.types[id];
  if (isAccountId32(t) || isAccountId20(t)) return w;
  if (isRuntimeCall(fx, t)) return callToPjs(fx, w);
  if (isRuntimeEvent(fx, t)) {
    // polkadot.js's Event is built from bytes only: the pallet index, then
    // polkadot.js's encoding of the pallet's own event enum
    const [pn] = Object.keys(w);
    const pv = t.variants.find((v) => v.name === pn);
    return u8aConcat(new Uint8Array([pv.index]), pjsCreate(fx, pv.fields[0].type, toPjs(fx, pv.fields[0].type, w[pn])).toU8a());
  }
  // polkadot.js's Vote takes a number as "aye when negative": hand it the byte
  if (isVote(t)) return new Uint8Array([Number(w)]);
  if (isIdentityData(t)) {
    const [name] = Object.keys(w);
    return /^Raw[0-9]+$/.test(name) ? { Raw: w[name] } : { [name]: w[name] };
  }
  switch (t.kind) {
    case 'primitive':
      if (t.prim === 'char') return w.codePointAt(0);
      if (t.prim === 'str') return w.startsWith('0x') ? u8aToHex(new TextEncoder().encode(w)) : w;
      return w;
    case 'compact': return toPjs(fx, t.elem, w);
    case 'sequence':
    case 'array':
      if (isU8(fx, t.elem)) return w;
      if (t.kind === 'array' && isLimbInt(fx, t)) return w.reduceRight((acc, limb) => (acc << BigInt(intBits(fx.types[t.elem].prim))) | limb, 0n);
      return w.map((x) => toPjs(fx, t.elem, x));
    case 'tuple':
      if (t.elems.length === 0) return null;
      if (t.elems.length === 1) return toPjs(fx, t.elems[0], w);
      return t.elems.map((e, i) => toPjs(fx, e, w[i]));
    case 'bitsequence': return w; // hex of whole bytes
    case 'composite':
      if (isBTreeMap(t)) return new Map(w.map(([k, v]) => [toPjs(fx, t.params[0], k), toPjs(fx, t.params[1], v)]));
      if (isBTreeSet(t)) return new Set(w.map((x) => toPjs(fx, t.params[0], x)));
      return fieldsToPjs(fx, t.fields, w, false);
    case 'variant': {
      // Some is handed over as a built codec: polkadot.js reads the input
      // "0x" as None
      if (isOption(t)) return w === null ? null : pjsCreate(fx, t.params[0], toPjs(fx, t.params[0], w));
      if (typeof w === 'string') return w; // a variant of a basic enum, by name
      const [name] = Object.keys(w);
      const v = t.variants.find((x) => x.name === name);
      // (polkadot.js matches enum keys without regard to case)
      return { [name]: fieldsToPjs(fx, v.fields, w[name], false) };
    }
    default: throw new Error(`kind ${t.kind}`);
  }
}

// polkadot.js aliases primitive_types::U256 and friends to integers.
export function isLimbInt(fx, t) {
  return t.kind === 'array' && fx.types[t.elem].kind === 'primitive' && fx.types[t.elem].prim === 'u64' && t.len >= 2;
}

// Structs and tuples are handed over by position: polkadot.js fills a missing
// named field with its default, which would hide a naming mistake here.
function fieldsToPjs(fx, fields, w, isCallArgs) {
  if (fields.length === 0) return isCallArgs ? [] : null;
  if (fields.length === 1 && fields[0].name === null) {
    const one = toPjs(fx, fields[0].type, w);
    return isCallArgs ? [one] : one;
  }
  if (fields[0].name === null) return fields.map((f, i) => toPjs(fx, f.type, w[i]));
  return fields.map((f) => toPjs(fx, f.type, w[f.name]));
}

// polkadot.js's decoding of a type's bytes (throws on leftover bytes).
export function pjsDecode(fx, id, u8a) {
  const c = fx.registry.createTypeUnsafe(fx.registry.createLookupType(id), [u8a], { isPedantic: true });
  return c;
}

export function pjsCreate(fx, id, input) {
  return fx.registry.createTypeUnsafe(fx.registry.createLookupType(id), [input]);
}
