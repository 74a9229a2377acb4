// Random valid values of any type of a portable registry, in W form (see
// md_types.mjs), from a seeded Rng. Recursion is bounded: below MAX_DEPTH a
// variant is chosen from those with the smallest "cost" (the fewest nested
// values), sequences are empty and options None, so that RuntimeCall inside
// utility.batch and other recursive types terminate.

import { encodeAddress, ethereumEncode } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { intBits, isBasicEnum, isIdentityBitFlags, isVote, isRuntimeEvent, isAccountId20, isAccountId32, isBTreeMap, isBTreeSet, isLimbInt, isOption, isRuntimeCall, isU8 } from './md_types.mjs';

const MAX_DEPTH = 5;
const INF = Number.POSITIVE_INFINITY;

// The smallest number of values a value of each type contains (INF: no value
// exists, e.g. an enum without variants).
function costs(fx) {
  const cost = fx.types.map(() => INF);
  const fieldsCost = (fields) => fields.reduce((s, f) => s + cost[f.type], 0);
  for (let changed = true; changed;) {
    changed = false;
    for (const t of fx.types) {
      if (!t) continue;
      let c;
      switch (t.kind) {
        case 'primitive': case 'bitsequence': case 'sequence': c = 1; break;
        case 'compact': c = 1 + cost[t.elem]; break;
        case 'array': c = t.len === 0 ? 1 : 1 + t.len * cost[t.elem]; break;
        case 'tuple': c = 1 + t.elems.reduce((s, e) => s + cost[e], 0); break;
        case 'composite': c = isBTreeMap(t) || isBTreeSet(t) ? 1 : 1 + fieldsCost(t.fields); break;
        case 'variant':
          c = isOption(t) ? 1 : 1 + Math.min(...t.variants.map((v) => fieldsCost(v.fields)), INF);
          break;
        default: c = INF;
      }
      if (c < cost[t.id]) { cost[t.id] = c; changed = true; }
    }
  }
  return cost;
}

// Integers: edges first, then random bit lengths (so small and large values
// both show up).
function randomInt(rng, prim) {
  const bits = intBits(prim);
  const signed = prim[0] === 'i';
  if (rng.chance(0.15)) {
    const max = (1n << BigInt(signed ? bits - 1 : bits)) - 1n;
    const edges = [0n, 1n, max, 63n, 64n, 16383n, 16384n, (1n << 30n) - 1n, 1n << 30n, (1n << 52n) - 1n, 1n << 52n, (1n << 53n) - 1n, 1n << 53n, (1n << 53n) + 1n];
    if (signed) edges.push(-1n, -max - 1n, -(1n << 53n) + 1n, -(1n << 53n), -(1n << 53n) - 1n);
    const ok = edges.filter((v) => v <= max && v >= (signed ? -max - 1n : 0n));
    return rng.pick(ok);
  }
  const mag = rng.bits(rng.range(0, signed ? bits - 1 : bits));
  return signed && rng.chance(0.5) ? -mag - (rng.chance(0.5) ? 1n : 0n) : mag;
}

function randomCodePoint(rng) {
  const r = rng.below(100);
  if (r < 55) return rng.range(0x20, 0x7e);
  if (r < 60) return rng.range(0, 0x1f);
  if (r < 75) return rng.range(0x80, 0x7ff);
  if (r < 90) {
    const cp = rng.range(0x800, 0xffff - 0x800);
    return cp >= 0xd800 ? cp + 0x800 : cp; // no surrogates
  }
  return rng.range(0x10000, 0x10ffff);
}

// No string starts with U+FEFF: polkadot.js's TextDecoder drops a leading
// byte order mark (documented in scale_diff.mjs quirks).
function randomString(rng) {
  const n = rng.chance(0.1) ? rng.range(60, 80) : rng.range(0, 12);
  const cps = [];
  while (cps.length < n) {
    const cp = randomCodePoint(rng);
    if (cps.length === 0 && cp === 0xfeff) continue;
    cps.push(cp);
  }
  return String.fromCodePoint(...cps);
}

function randomBytesLen(rng) {
  const r = rng.below(100);
  if (r < 80) return rng.range(0, 16);
  if (r < 97) return rng.range(17, 80);
  return rng.range(60, 70); // across the one/two-byte compact boundary
}

export class Generator {
  constructor(fx, rng) {
    this.fx = fx;
    this.rng = rng;
    this.cost = costs(fx);
  }

  possible(id) { return this.cost[id] < INF; }

  value(id, depth = 0) {
    const { fx, rng } = this;
    const t = fx.types[id];
    const deep = depth >= MAX_DEPTH;
    if (isAccountId32(t)) return encodeAddress(rng.bytes(32), fx.ss58);
    // democracy / conviction-voting Vote: aye bit and a conviction 0..6 (the
    // runtime rejects other bytes)
    if (isVote(t)) return BigInt((rng.chance(0.5) ? 0x80 : 0) | rng.range(0, 6));
    if (isAccountId20(t)) return ethereumEncode(rng.bytes(20));
    switch (t.kind) {
      case 'primitive':
        if (t.prim === 'bool') return rng.chance(0.5);
        if (t.prim === 'str') return randomString(rng);
        if (t.prim === 'char') return String.fromCodePoint(randomCodePoint(rng));
        return randomInt(rng, t.prim);
      case 'compact': return this.value(t.elem, depth + 1);
      case 'sequence': {
        if (isU8(fx, t.elem)) return u8aToHex(rng.bytes(randomBytesLen(rng)));
        const n = deep ? 0 : rng.range(0, 2);
        return Array.from({ length: n }, () => this.value(t.elem, depth + 1));
      }
      case 'array':
        if (isU8(fx, t.elem)) return u8aToHex(rng.bytes(t.len));
        if (isLimbInt(fx, t)) return Array.from({ length: t.len }, () => (rng.chance(0.5) ? 0n : rng.big(64)));
        return Array.from({ length: t.len }, () => this.value(t.elem, depth + 1));
      case 'tuple':
        if (t.elems.length === 0) return null;
        if (t.elems.length === 1) return this.value(t.elems[0], depth + 1);
        return t.elems.map((e) => this.value(e, depth + 1));
      // whole bytes only: libwetee's JSON of a BitVec is the hex of its
      // packed bytes (as polkadot.js's), which keeps no other length
      case 'bitsequence': return u8aToHex(rng.bytes(rng.chance(0.3) ? rng.range(2, 5) : rng.range(0, 1)));
      case 'composite':
        if (isBTreeMap(t)) {
          // at most one entry: polkadot.js re-sorts keys by its own order
          return !deep && rng.chance(0.6) ? [[this.value(t.params[0], depth + 1), this.value(t.params[1], depth + 1)]] : [];
        }
        if (isBTreeSet(t)) return !deep && rng.chance(0.6) ? [this.value(t.params[0], depth + 1)] : [];
        if (isIdentityBitFlags(t)) {
          // a set of the flag enum's discriminants (the runtime rejects other bits)
          let bits = 0n;
          for (const v of fx.types[t.params[0]].variants) if (rng.chance(0.4)) bits |= BigInt(v.index);
          return bits;
        }
        return this.fields(t.fields, depth + 1);
      case 'variant': {
        // Some(x) is written as x; when x itself is written null (a unit,
        // an inner None) the value is None, as libwetee and polkadot.js read it
        if (isOption(t)) return deep || rng.chance(0.3) ? null : this.value(t.params[0], depth + 1);
        let choices = t.variants.filter((v) => v.fields.every((f) => this.possible(f.type)));
        // calls and events of pallets the metadata describes (the Asset Hub
        // fixture keeps one pallet of the outer enums)
        if (isRuntimeCall(fx, t)) choices = choices.filter((v) => fx.pallets.some((p) => p.index === v.index && p.calls !== null));
        if (isRuntimeEvent(fx, t)) choices = choices.filter((v) => fx.pallets.some((p) => p.index === v.index && p.events !== null));
        if (deep || isRuntimeCall(fx, t)) {
          // deep down, and for nested calls, the cheapest variants only
          const c = (v) => v.fields.reduce((s, f) => s + this.cost[f.type], 0);
          if (deep) {
            const min = Math.min(...choices.map(c));
            choices = choices.filter((v) => c(v) === min);
          }
        }
        if (choices.length === 0) throw new Error(`type ${id}: no variant can be built`);
        const v = rng.pick(choices);
        if (isBasicEnum(t)) return v.name;
        return { [v.name]: this.fields(v.fields, depth + 1) };
      }
      default: throw new Error(`type ${id}: kind ${t.kind}`);
    }
  }

  fields(fields, depth) {
    if (fields.length === 0) return null;
    if (fields.length === 1 && fields[0].name === null) return this.value(fields[0].type, depth);
    if (fields[0].name === null) return fields.map((f) => this.value(f.type, depth));
    const o = {};
    for (const f of fields) o[f.name] = this.value(f.type, depth);
    return o;
  }
}
