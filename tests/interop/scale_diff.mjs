#!/usr/bin/env node
// Differential test of libwetee's SCALE codec against @polkadot/types-codec:
// the JavaScript side. Pairs with scale_vectors.c (the libwetee side); run.sh
// runs both directions.
//
//   node scale_diff.mjs gen SEED COUNT   random values of every type with the
//                                        types-codec encoding, one per line
//   node scale_diff.mjs check FILE       decode each line's hex with types-codec,
//                                        compare with the value, re-encode and
//                                        compare the bytes; encode the value and
//                                        compare too
//   node scale_diff.mjs quirks           print what types-codec does with
//                                        inputs that parity-scale-codec (and
//                                        libwetee) reject (informational)
//
// Line format (shared with scale_vectors.c), fields separated by one TAB:
//   <type> TAB <value> TAB <hex of the SCALE encoding, lower case, no 0x>
// The value is canonical JSON, as JSON.stringify writes it (no whitespace,
// strings with only ", \, \b, \f, \n, \r, \t and \u00xx (lower case) escaped,
// everything else as raw UTF-8), with these conventions:
//   bool                      true | false
//   u8..u256, i8..i256,       an integer as a JSON number of any size: decimal,
//   Compact<..>, CompactBig   no leading zeros, no '+', no "-0", no exponent
//   Option<u32>               null | integer
//   Option<bool>              null | true | false (parity's one-byte form)
//   Result<u32,Text>          {"Ok":integer} | {"Err":string}
//   Bytes                     "0x" + lower-case hex, "0x" when empty
//   [u8;32]                   "0x" + 64 lower-case hex digits
//   Text                      a JSON string
//   (u32,Text,bool)           [integer,string,bool]
//   Sample                    enum Sample { Unit, Num(u32), Name(Text), Pair(u16, bool) }:
//                             {"Unit":null} | {"Num":integer} | {"Name":string} |
//                             {"Pair":[integer,bool]}
//   Vec<u32>                  [integer,...]
//   BitVec                    BitVec<u8, Lsb0> as a JSON string of '0'/'1', element i
//                             first: "0110" (element i is bit i%8 of byte i/8)
// CompactBig is Compact over values up to 2^536-1 through @polkadot/util's
// compactToU8a/compactFromU8a (the functions types-codec's Compact uses);
// types-codec's own largest Compact is Compact<u256>.

import { Rng } from './rng.mjs';
import { readFileSync } from 'node:fs';
import { TypeRegistry } from '@polkadot/types';
import { BitVec, OptionBool } from '@polkadot/types-codec';
import { compactFromU8a, compactToU8a, hexToU8a, isHex, stringToHex, u8aConcat, u8aToHex } from '@polkadot/util';

const registry = new TypeRegistry();
registry.register({
  Sample: { _enum: { Unit: 'Null', Num: 'u32', Name: 'Text', Pair: '(u16,bool)' } }
});

// ---------------------------------------------------------------------------
// Random values.

// Compact mode boundaries and other edges, filtered by each type's range.
const EDGE_UNSIGNED = [0n, 1n, 2n, 63n, 64n, 127n, 128n, 255n, 256n, 16383n, 16384n, 65535n, 65536n,
  (1n << 30n) - 1n, 1n << 30n, (1n << 32n) - 1n, 1n << 32n, (1n << 40n) - 1n, 1n << 40n,
  (1n << 48n) - 1n, 1n << 48n, (1n << 53n) - 1n, 1n << 53n, (1n << 56n) - 1n, 1n << 56n,
  (1n << 63n) - 1n, 1n << 63n, (1n << 64n) - 1n, 1n << 64n, (1n << 127n), (1n << 128n) - 1n,
  1n << 128n, (1n << 255n), (1n << 256n) - 1n, 1n << 256n, (1n << 512n), (1n << 536n) - 1n];

function unsignedGen(bits) {
  const max = (1n << BigInt(bits)) - 1n;
  const edges = EDGE_UNSIGNED.filter((v) => v <= max);
  for (let k = 1; k <= bits; k++) { // every power of two and its predecessor
    edges.push((1n << BigInt(k - 1)), (1n << BigInt(k)) - 1n);
  }
  const uniq = [...new Set(edges)];
  return (rng, i) => {
    if (i < uniq.length) return uniq[i];
    if (rng.chance(0.05)) return rng.pick(uniq);
    return rng.bits(rng.range(0, bits));
  };
}

function signedGen(bits) {
  const b = BigInt(bits);
  const min = -(1n << (b - 1n));
  const max = (1n << (b - 1n)) - 1n;
  const edges = [0n, -1n];
  for (let k = 1n; k < b; k++) edges.push((1n << k) - 1n, -(1n << k), 1n << k, -(1n << k) - 1n);
  const uniq = [...new Set(edges.filter((v) => v >= min && v <= max))];
  return (rng, i) => {
    if (i < uniq.length) return uniq[i];
    if (rng.chance(0.05)) return rng.pick(uniq);
    const mag = rng.bits(rng.range(0, bits - 1));
    return rng.chance(0.5) ? -mag - (rng.chance(0.5) ? 1n : 0n) : mag;
  };
}

function boolGen(rng, i) { return i < 2 ? i === 1 : rng.chance(0.5); }

// Code points for random Text: all UTF-8 lengths, controls, JSON escapes,
// separators, the last scalar values of each plane range.
const SPECIAL_CP = [0, 9, 10, 13, 8, 12, 0x1f, 0x22, 0x5c, 0x2f, 0x7f, 0x80, 0xa0, 0x7ff, 0x800, 0xd7ff, 0xe000,
  0xfeff, 0xfffd, 0xfffe, 0xffff, 0x10000, 0x1f600, 0x10fffd, 0x10ffff, 0x2028, 0x2029, 0x200b];

function randomCodePoint(rng) {
  const r = rng.below(100);
  if (r < 40) return rng.range(0x20, 0x7e);
  if (r < 45) return rng.range(0, 0x1f);
  if (r < 60) return rng.range(0x80, 0x7ff);
  if (r < 80) {
    const cp = rng.range(0x800, 0xffff - 0x800);
    return cp >= 0xd800 ? cp + 0x800 : cp; // skip the surrogates
  }
  if (r < 92) return rng.range(0x10000, 0x10ffff);
  return rng.pick(SPECIAL_CP);
}

// types-codec's Text constructor reads a string that looks like 0x-hex as
// hex; hand it such strings as the hex of their UTF-8 instead.
function textIn(s) { return isHex(s) ? stringToHex(s) : s; }

function utf8Len(cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

// A string of about `bytes` UTF-8 bytes (exactly, when `exact`). No string
// starts with U+FEFF: types-codec decodes Text with TextDecoder, which drops
// a leading byte order mark (see `quirks`).
function randomString(rng, bytes, exact) {
  const cps = [];
  let len = 0;
  while (len < bytes) {
    let cp = randomCodePoint(rng);
    if (cps.length === 0 && cp === 0xfeff) continue;
    if (exact && len + utf8Len(cp) > bytes) cp = 0x61;
    cps.push(cp);
    len += utf8Len(cp);
  }
  return String.fromCodePoint(...cps);
}

const EDGE_STRING_BYTES = [0, 1, 63, 64, 16383, 16384];
const EDGE_STRINGS = ['0x', '0x41', '\u0000', '"\\/\b\f\n\r\t\u2028\u007f'];

function stringGen(rng, i) {
  if (i < EDGE_STRING_BYTES.length) return randomString(rng, EDGE_STRING_BYTES[i], true);
  if (i - EDGE_STRING_BYTES.length < EDGE_STRINGS.length) return EDGE_STRINGS[i - EDGE_STRING_BYTES.length];
  return randomString(rng, randomLength(rng), false);
}

// Mostly short; some past 63 (two-byte length prefix), a few past 16383
// (four-byte prefix).
function randomLength(rng) {
  const r = rng.below(1000);
  if (r < 850) return rng.range(0, 48);
  if (r < 995) return rng.range(49, 300);
  return rng.range(16300, 17000);
}

function bytesGen(rng, i) {
  if (i < EDGE_STRING_BYTES.length) return rng.bytes(EDGE_STRING_BYTES[i]);
  return rng.bytes(randomLength(rng));
}

function u32Gen(rng) {
  const r = rng.below(10);
  if (r === 0) return rng.pick([0, 1, 63, 64, 16383, 16384, 2 ** 30 - 1, 2 ** 30, 2 ** 32 - 1]);
  return Number(rng.bits(rng.range(0, 32)));
}

// ---------------------------------------------------------------------------
// Canonical value text.

const INT_RE = /^(0|-?[1-9][0-9]*)$/;

function parseIntText(text, min, max) {
  if (!INT_RE.test(text)) throw new Error(`not a canonical integer: ${text}`);
  const v = BigInt(text);
  if (v < min || v > max) throw new Error(`integer out of range: ${text}`);
  return v;
}

function parseU32Json(v) {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffffff) {
    throw new Error(`not a u32: ${JSON.stringify(v)}`);
  }
  return v;
}

function parseHexJson(v, len) {
  if (typeof v !== 'string' || !/^0x([0-9a-f]{2})*$/.test(v)) throw new Error(`not 0x-hex: ${JSON.stringify(v)}`);
  const u8a = hexToU8a(v);
  if (len !== undefined && u8a.length !== len) throw new Error(`expected ${len} bytes`);
  return u8a;
}

function parseBoolJson(v) {
  if (typeof v !== 'boolean') throw new Error(`not a bool: ${JSON.stringify(v)}`);
  return v;
}

function parseStrJson(v) {
  if (typeof v !== 'string') throw new Error(`not a string: ${JSON.stringify(v)}`);
  if (!v.isWellFormed()) throw new Error('string with a lone surrogate');
  return v;
}

function singleKey(v, keys) {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
  const k = Object.keys(v);
  if (k.length !== 1 || !keys.includes(k[0])) throw new Error(`bad object keys ${k}`);
  return k[0];
}

// ---------------------------------------------------------------------------
// Types. Each: gen(rng, i) -> value; fmt(value) -> text; parse(text) -> value;
// encode(value) -> Uint8Array (types-codec); decode(Uint8Array) -> [value, re-encoded].

const TYPES = [];

function intType(name, bits, signed) {
  const b = BigInt(bits);
  const min = signed ? -(1n << (b - 1n)) : 0n;
  const max = signed ? (1n << (b - 1n)) - 1n : (1n << b) - 1n;
  const Cls = registry.createClass(name);
  TYPES.push({
    name,
    gen: signed ? signedGen(bits) : unsignedGen(bits),
    fmt: (v) => v.toString(),
    parse: (t) => parseIntText(t, min, max),
    encode: (v) => new Cls(registry, v).toU8a(),
    decode: (u8a) => {
      const c = new Cls(registry, u8a);
      return [c.toBigInt(), c.toU8a()];
    }
  });
}

function compactType(name, bits) {
  const max = (1n << BigInt(bits)) - 1n;
  const Cls = registry.createClass(name);
  TYPES.push({
    name,
    gen: unsignedGen(bits),
    fmt: (v) => v.toString(),
    parse: (t) => parseIntText(t, 0n, max),
    encode: (v) => new Cls(registry, v).toU8a(),
    decode: (u8a) => {
      const c = new Cls(registry, u8a);
      return [c.toBigInt(), c.toU8a()];
    }
  });
}

function jsonType(name, Cls, gen, fmt, fromJson, toCodecValue, fromCodec) {
  TYPES.push({
    name,
    gen,
    fmt,
    parse: (t) => fromJson(JSON.parse(t)),
    encode: (v) => new Cls(registry, toCodecValue(v)).toU8a(),
    decode: (u8a) => {
      const c = new Cls(registry, u8a);
      return [fromCodec(c), c.toU8a()];
    }
  });
}

// bool
jsonType('bool', registry.createClass('bool'), boolGen, (v) => (v ? 'true' : 'false'), parseBoolJson,
  (v) => v, (c) => c.isTrue);

for (const [n, bits] of [['u8', 8], ['u16', 16], ['u32', 32], ['u64', 64], ['u128', 128], ['u256', 256]]) {
  intType(n, bits, false);
}
for (const [n, bits] of [['i8', 8], ['i16', 16], ['i32', 32], ['i64', 64], ['i128', 128], ['i256', 256]]) {
  intType(n, bits, true);
}
for (const [n, bits] of [['Compact<u8>', 8], ['Compact<u16>', 16], ['Compact<u32>', 32], ['Compact<u64>', 64],
  ['Compact<u128>', 128], ['Compact<u256>', 256]]) {
  compactType(n, bits);
}

// CompactBig: @polkadot/util's compact functions up to 2^536 - 1.
{
  const max = (1n << 536n) - 1n;
  TYPES.push({
    name: 'CompactBig',
    gen: unsignedGen(536),
    fmt: (v) => v.toString(),
    parse: (t) => parseIntText(t, 0n, max),
    encode: (v) => compactToU8a(v),
    decode: (u8a) => {
      const v = BigInt(compactFromU8a(u8a)[1].toString());
      return [v, compactToU8a(v)]; // the caller compares this with all of u8a
    }
  });
}

// Option<u32>
jsonType('Option<u32>', registry.createClass('Option<u32>'),
  (rng, i) => (i === 0 || rng.chance(0.25) ? null : u32Gen(rng)),
  (v) => (v === null ? 'null' : String(v)),
  (j) => (j === null ? null : parseU32Json(j)),
  (v) => v,
  (c) => (c.isNone ? null : c.unwrap().toNumber()));

// Option<bool> as a runtime field is the generic Option: tag, then the bool
// (None 00, Some(true) 01 01, Some(false) 01 00), as in parity-scale-codec.
jsonType('Option<bool>', registry.createClass('Option<bool>'),
  (rng, i) => (i < 3 ? [null, true, false][i] : rng.pick([null, true, false])),
  (v) => (v === null ? 'null' : v ? 'true' : 'false'),
  (j) => (j === null ? null : parseBoolJson(j)),
  (v) => v,
  (c) => (c.isNone ? null : c.unwrap().isTrue));

// OptionBool: parity-scale-codec's separate one-byte type (00, 01, 02), which
// is types-codec's OptionBool; not what a registry Option<bool> uses.
jsonType('OptionBool', OptionBool,
  (rng, i) => (i < 3 ? [null, true, false][i] : rng.pick([null, true, false])),
  (v) => (v === null ? 'null' : v ? 'true' : 'false'),
  (j) => (j === null ? null : parseBoolJson(j)),
  (v) => v,
  (c) => (c.isNone ? null : c.isTrue));

// Result<u32, Text>
jsonType('Result<u32,Text>', registry.createClass('Result<u32,Text>'),
  (rng, i) => (i % 2 === 0 && i < 4 ? { Ok: u32Gen(rng) } : rng.chance(0.5) ? { Ok: u32Gen(rng) } : { Err: stringGen(rng, i) }),
  (v) => ('Ok' in v ? `{"Ok":${v.Ok}}` : `{"Err":${JSON.stringify(v.Err)}}`),
  (j) => (singleKey(j, ['Ok', 'Err']) === 'Ok' ? { Ok: parseU32Json(j.Ok) } : { Err: parseStrJson(j.Err) }),
  (v) => ('Ok' in v ? v : { Err: textIn(v.Err) }),
  (c) => (c.isOk ? { Ok: c.asOk.toNumber() } : { Err: c.asErr.toString() }));

// Bytes (Vec<u8>)
jsonType('Bytes', registry.createClass('Bytes'), bytesGen,
  (v) => JSON.stringify(u8aToHex(v)),
  (j) => parseHexJson(j),
  (v) => u8aToHex(v), // a Uint8Array would be read as length-prefixed
  (c) => c.toU8a(true));

// Text
jsonType('Text', registry.createClass('Text'), stringGen,
  (v) => JSON.stringify(v),
  parseStrJson,
  textIn,
  (c) => c.toString());

// [u8; 32]
jsonType('[u8;32]', registry.createClass('[u8;32]'),
  (rng, i) => (i === 0 ? new Uint8Array(32) : i === 1 ? new Uint8Array(32).fill(0xff) : rng.bytes(32)),
  (v) => JSON.stringify(u8aToHex(v)),
  (j) => parseHexJson(j, 32),
  (v) => v,
  (c) => c.toU8a());

// (u32, Text, bool)
jsonType('(u32,Text,bool)', registry.createClass('(u32,Text,bool)'),
  (rng, i) => [u32Gen(rng), stringGen(rng, i), rng.chance(0.5)],
  (v) => `[${v[0]},${JSON.stringify(v[1])},${v[2]}]`,
  (j) => {
    if (!Array.isArray(j) || j.length !== 3) throw new Error('not a 3-tuple');
    return [parseU32Json(j[0]), parseStrJson(j[1]), parseBoolJson(j[2])];
  },
  (v) => [v[0], textIn(v[1]), v[2]],
  (c) => [c[0].toNumber(), c[1].toString(), c[2].isTrue]);

// Sample enum
{
  const genSample = (rng, i) => {
    switch (i < 4 ? i : rng.below(4)) {
      case 0: return { Unit: null };
      case 1: return { Num: u32Gen(rng) };
      case 2: return { Name: stringGen(rng, i) };
      default: return { Pair: [rng.below(65536), rng.chance(0.5)] };
    }
  };
  const fmtSample = (v) => {
    const k = Object.keys(v)[0];
    const x = v[k];
    const body = k === 'Unit' ? 'null' : k === 'Num' ? String(x) : k === 'Name' ? JSON.stringify(x) : `[${x[0]},${x[1]}]`;
    return `{"${k}":${body}}`;
  };
  const parseSample = (j) => {
    const k = singleKey(j, ['Unit', 'Num', 'Name', 'Pair']);
    const x = j[k];
    if (k === 'Unit') {
      if (x !== null) throw new Error('Unit takes null');
      return { Unit: null };
    }
    if (k === 'Num') return { Num: parseU32Json(x) };
    if (k === 'Name') return { Name: parseStrJson(x) };
    if (!Array.isArray(x) || x.length !== 2 || parseU32Json(x[0]) > 0xffff) throw new Error('bad Pair');
    return { Pair: [x[0], parseBoolJson(x[1])] };
  };
  const fromCodec = (c) => {
    switch (c.type) {
      case 'Unit': return { Unit: null };
      case 'Num': return { Num: c.value.toNumber() };
      case 'Name': return { Name: c.value.toString() };
      case 'Pair': return { Pair: [c.value[0].toNumber(), c.value[1].isTrue] };
      default: throw new Error(`unknown variant ${c.type}`);
    }
  };
  const toCodecValue = (v) => ('Name' in v ? { Name: textIn(v.Name) } : v);
  jsonType('Sample', registry.createClass('Sample'), genSample, fmtSample, parseSample, toCodecValue, fromCodec);
}

// Vec<u32>
jsonType('Vec<u32>', registry.createClass('Vec<u32>'),
  (rng, i) => {
    const n = i < 4 ? [0, 1, 63, 64][i] : rng.chance(0.05) ? rng.range(60, 300) : rng.range(0, 20);
    return Array.from({ length: n }, () => u32Gen(rng));
  },
  (v) => `[${v.join(',')}]`,
  (j) => {
    if (!Array.isArray(j)) throw new Error('not an array');
    return j.map(parseU32Json);
  },
  (v) => v,
  (c) => c.map((x) => x.toNumber()));

// BitVec<u8, Lsb0>. types-codec's BitVec has no constructor from a list of
// bits of any length, so the value goes in as its packed bytes behind a
// compact bit count; toBoolArray() (Lsb0 unless isMsb) reads it back.
{
  const pack = (bits) => {
    const out = new Uint8Array(Math.ceil(bits.length / 8));
    for (let i = 0; i < bits.length; i++) if (bits[i] === '1') out[i >> 3] |= 1 << (i & 7);
    return out;
  };
  const EDGE_BITS = [0, 1, 7, 8, 9, 63, 64, 65, 16383, 16384];
  TYPES.push({
    name: 'BitVec',
    gen: (rng, i) => {
      const n = i < EDGE_BITS.length ? EDGE_BITS[i] : rng.chance(0.05) ? rng.range(60, 600) : rng.range(0, 70);
      const density = rng.pick([0.5, 0.5, 0.1, 0.9]);
      let s = '';
      for (let k = 0; k < n; k++) s += rng.chance(density) ? '1' : '0';
      return s;
    },
    fmt: (v) => JSON.stringify(v),
    parse: (t) => {
      const v = JSON.parse(t);
      if (typeof v !== 'string' || !/^[01]*$/.test(v)) throw new Error('not a bit string');
      return v;
    },
    encode: (v) => new BitVec(registry, u8aConcat(compactToU8a(v.length), pack(v))).toU8a(),
    decode: (u8a) => {
      const c = new BitVec(registry, u8a);
      const re = c.toU8a();
      const nbits = compactFromU8a(re)[1].toNumber();
      const bools = c.toBoolArray().slice(0, nbits);
      return [bools.map((b) => (b ? '1' : '0')).join(''), re];
    }
  });
}

// ---------------------------------------------------------------------------
// Modes.

function toHex(u8a) { return u8aToHex(u8a, -1, false); }

function gen(seed, count) {
  const chunks = [];
  let size = 0;
  const flush = () => {
    process.stdout.write(chunks.join(''));
    chunks.length = 0;
    size = 0;
  };
  for (const t of TYPES) {
    const rng = new Rng(seed, t.name);
    for (let i = 0; i < count; i++) {
      const v = t.gen(rng, i);
      const line = `${t.name}\t${t.fmt(v)}\t${toHex(t.encode(v))}\n`;
      chunks.push(line);
      size += line.length;
      if (size > (1 << 20)) flush();
    }
  }
  flush();
}

function check(file) {
  const byName = new Map(TYPES.map((t) => [t.name, t]));
  const perType = new Map();
  const text = readFileSync(file, 'utf8');
  let passed = 0;
  let failed = 0;
  let lineNo = 0;
  const report = (line, why) => {
    failed++;
    if (failed <= 5) {
      const shown = line.length > 2000 ? `${line.slice(0, 2000)}... (${line.length} chars)` : line;
      console.error(`MISMATCH line ${lineNo}: ${why}\n  ${shown}`);
    }
  };
  for (const line of text.split('\n')) {
    lineNo++;
    if (line === '') continue;
    const f = line.split('\t');
    const t = byName.get(f[0]);
    if (f.length !== 3 || !t) {
      report(line, f.length !== 3 ? 'not 3 TAB-separated fields' : `unknown type ${f[0]}`);
      continue;
    }
    const [, valueText, hex] = f;
    const stats = perType.get(t.name) ?? { passed: 0, failed: 0 };
    perType.set(t.name, stats);
    try {
      if (!/^([0-9a-f]{2})*$/.test(hex)) throw new Error('hex field is not lower-case hex bytes');
      const bytes = hexToU8a(`0x${hex}`);
      // 1. the value text parses and is canonical
      const value = t.parse(valueText);
      if (t.fmt(value) !== valueText) throw new Error(`value text not canonical; canonical: ${t.fmt(value)}`);
      // 2. types-codec encodes the value to the same bytes
      const enc = toHex(t.encode(value));
      if (enc !== hex) throw new Error(`types-codec encodes the value as ${enc}`);
      // 3. types-codec decodes the bytes to the same value
      const [decoded, reenc] = t.decode(bytes);
      const decText = t.fmt(decoded);
      if (decText !== valueText) throw new Error(`types-codec decodes the bytes as ${decText}`);
      // 4. and re-encodes what it decoded to the same bytes (all consumed)
      const re = toHex(reenc);
      if (re !== hex) throw new Error(`types-codec re-encodes the decoded value as ${re}`);
      passed++;
      stats.passed++;
    } catch (e) {
      stats.failed++;
      report(line, e.message);
    }
  }
  for (const [name, s] of perType) {
    if (s.failed) console.error(`  ${name}: ${s.passed} passed, ${s.failed} failed`);
  }
  console.log(`types-codec check of ${file}: ${perType.size} types`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0;
}

// What types-codec does with inputs that parity-scale-codec rejects.
// Informational: its leniency is not a libwetee failure (scale_vectors
// selfcheck asserts that libwetee rejects each of these).
function quirks() {
  const cases = [
    ['Compact<u32>', '0100', '0 in two-byte mode'],
    ['Compact<u32>', 'fd00', '63 in two-byte mode'],
    ['Compact<u32>', '02000000', '0 in four-byte mode'],
    ['Compact<u32>', 'feff0000', '16383 in four-byte mode'],
    ['Compact<u64>', '0300000000', '0 in big-integer mode'],
    ['Compact<u64>', '03ffffff3f', '2^30-1 in big-integer mode'],
    ['Compact<u64>', '07ffffffff00', '2^32-1 with a zero top byte'],
    ['Compact<u8>', '01', 'truncated two-byte compact'],
    ['bool', '02', 'bool byte 2'],
    ['Option<u32>', '0200000000', 'Option tag 2'],
    ['Option<bool>', '03', 'Option<bool> byte 3'],
    ['Text', '04ff', 'invalid UTF-8'],
    ['Text', '0ced a0 80'.replace(/ /g, ''), 'UTF-8 surrogate'],
    ['Text', '10efbbbf41', '"\\ufeffA" (valid; a leading BOM)']
  ];
  const byName = new Map(TYPES.map((t) => [t.name, t]));
  for (const [type, hex, what] of cases) {
    let out;
    try {
      const [v, re] = byName.get(type).decode(hexToU8a(`0x${hex}`));
      out = `accepts as ${byName.get(type).fmt(v)} (re-encodes ${toHex(re)})`;
    } catch (e) {
      out = `rejects (${e.message.split('\n')[0]})`;
    }
    console.log(`quirk: ${type} 0x${hex} (${what}): types-codec ${out}`);
  }
  const generic = registry.createType('Option<bool>', true);
  console.log(`quirk: registry.createType('Option<bool>', true) encodes 0x${toHex(generic.toU8a())}` +
    ' (generic Option, as parity-scale-codec\'s Option<bool>; only the separate OptionBool type is 0x01)');
}

const [mode, a1, a2] = process.argv.slice(2);
if (mode === 'gen' && a1 !== undefined && a2 !== undefined) {
  gen(a1, Number(a2));
} else if (mode === 'check' && a1 !== undefined) {
  process.exitCode = check(a1) ? 0 : 1;
} else if (mode === 'quirks') {
  quirks();
} else {
  console.error('usage: node scale_diff.mjs gen SEED COUNT | check FILE | quirks');
  process.exitCode = 2;
}
