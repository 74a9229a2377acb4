// @polkadot/types-codec peer of bench/bench_scale.c: the same cases on the
// same data (see the comment at the top of bench/bench_scale.c).
//
// Encoding starts from plain values (BigInt / number) and decoding ends with
// the codec objects, the way an application uses the library: the encoders
// construct Compact<u128> / Vec<u32> objects and call toU8a(), the decoders
// construct them from the bytes.
//
// Vec<u32> decoding: types-codec's Vec refuses to decode more than 512 Ki
// elements ("Vec length 1000000 exceeds 524288"), so vec_u32_1m_decode reads
// the Compact<u32> length and then the elements with VecFixed<u32, n>, which
// runs the same per-element decoder (decodeU8aVec) as Vec without that cap;
// that is also what the C side does (get_seq_len + get_u32_array).
import { TypeRegistry } from '@polkadot/types';
import { Compact, u32, u128, Vec, VecFixed } from '@polkadot/types-codec';

import { consume, Fnv1a, main, splitmix64 } from './harness.mjs';

const COMPACT_N = 1024;
const VEC_N = 1000000;

const registry = new TypeRegistry();
const CompactU128 = Compact.with(u128);
const CompactU32 = Compact.with(u32);
const VecU32 = Vec.with(u32);

function compactValues() {
  const st = { s: 42n };
  const out = new Array(COMPACT_N);
  for (let i = 0; i < COMPACT_N; i++) {
    const r = splitmix64(st);
    switch (i % 4) {
      case 0: out[i] = r % 64n; break;
      case 1: out[i] = 64n + (r % ((1n << 14n) - 64n)); break;
      case 2: out[i] = (1n << 14n) + (r % ((1n << 30n) - (1n << 14n))); break;
      default: {
        const k = 4n + (r % 13n); // 4..16 bytes
        const lo = splitmix64(st);
        const hi = splitmix64(st);
        const bits = 8n * k;
        out[i] = (((hi << 64n) | lo) & ((1n << bits) - 1n)) | (1n << (bits - 1n));
      }
    }
  }
  return out;
}

function compactEncoding(values) {
  const parts = values.map((v) => new CompactU128(registry, v).toU8a());
  const enc = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    enc.set(p, off);
    off += p.length;
  }
  return enc;
}

function le(v, bytes) {
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) out[i] = Number((BigInt(v) >> BigInt(8 * i)) & 0xffn);
  return out;
}

function vecValues() {
  const st = { s: 7n };
  const out = new Array(VEC_N);
  for (let i = 0; i < VEC_N; i++) out[i] = Number(splitmix64(st) & 0xffffffffn);
  return out;
}

const cases = [
  {
    name: 'compact_u128_encode',
    opsPerIter: COMPACT_N,
    setup() {
      const values = compactValues();
      const out = new Uint8Array(compactEncoding(values).length);
      let len = 0;
      return {
        run(iters) {
          for (let it = 0; it < iters; it++) {
            len = 0;
            for (let i = 0; i < COMPACT_N; i++) {
              const u = new CompactU128(registry, values[i]).toU8a();
              out.set(u, len);
              len += u.length;
            }
            consume(out[len - 1] + len);
          }
        },
        check() {
          this.run(1);
          return new Fnv1a().update(out.subarray(0, len)).hex();
        },
      };
    },
  },
  {
    name: 'compact_u128_decode',
    opsPerIter: COMPACT_N,
    setup() {
      const enc = compactEncoding(compactValues());
      const decoded = new Array(COMPACT_N);
      return {
        run(iters) {
          for (let it = 0; it < iters; it++) {
            let off = 0;
            for (let i = 0; i < COMPACT_N; i++) {
              const c = new CompactU128(registry, enc.subarray(off));
              off += c.initialU8aLength;
              decoded[i] = c;
            }
            consume(off);
          }
        },
        check() {
          this.run(1);
          const h = new Fnv1a();
          for (const c of decoded) h.update(le(c.toBigInt(), 16));
          return h.hex();
        },
      };
    },
  },
  {
    name: 'vec_u32_1m_encode',
    opsPerIter: 1,
    setup() {
      const values = vecValues();
      let out;
      return {
        run(iters) {
          for (let it = 0; it < iters; it++) {
            out = new VecU32(registry, values).toU8a();
            consume(out[out.length - 1] + out.length);
          }
        },
        check() {
          this.run(1);
          return new Fnv1a().update(out).hex();
        },
      };
    },
  },
  {
    name: 'vec_u32_1m_decode',
    opsPerIter: 1,
    setup() {
      const enc = new VecU32(registry, vecValues()).toU8a();
      let decoded;
      return {
        run(iters) {
          for (let it = 0; it < iters; it++) {
            const len = new CompactU32(registry, enc);
            const n = len.toNumber();
            const off = len.initialU8aLength;
            if (enc.length - off < n * 4) throw new Error('Vec<u32>: truncated');
            decoded = new VecFixed(registry, u32, n, enc.subarray(off));
            if (off + decoded.initialU8aLength !== enc.length) throw new Error('Vec<u32>: trailing bytes');
            consume(decoded.length);
          }
        },
        check() {
          this.run(1);
          const h = new Fnv1a();
          const b = new Uint8Array(4);
          const dv = new DataView(b.buffer);
          for (const v of decoded) {
            dv.setUint32(0, v.toNumber(), true);
            h.update(b);
          }
          return h.hex();
        },
      };
    },
  },
];

main('@polkadot/types-codec', cases);
