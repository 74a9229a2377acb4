// Seeded PRNG (sfc32) shared by the differential suites: one independent
// stream per purpose, reproducible from the printed seed.

function hash32(str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class Rng {
  constructor(seed, stream) {
    this.a = hash32(`a:${seed}:${stream}`);
    this.b = hash32(`b:${seed}:${stream}`);
    this.c = hash32(`c:${seed}:${stream}`);
    this.d = 1;
    for (let i = 0; i < 16; i++) this.u32();
  }
  u32() {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }
  below(n) { // uniform in [0, n), n <= 2^32
    return Math.floor((this.u32() / 4294967296) * n);
  }
  range(lo, hi) { return lo + this.below(hi - lo + 1); } // inclusive
  chance(p) { return this.u32() / 4294967296 < p; }
  pick(arr) { return arr[this.below(arr.length)]; }
  bits(k) { // random BigInt of exactly k significant bits (0 for k = 0)
    if (k === 0) return 0n;
    let v = 0n;
    for (let got = 0; got < k; got += 32) v = (v << 32n) | BigInt(this.u32());
    v &= (1n << BigInt(k)) - 1n;
    return v | (1n << BigInt(k - 1));
  }
  big(bits) { // uniform BigInt in [0, 2^bits)
    let v = 0n;
    for (let got = 0; got < bits; got += 32) v = (v << 32n) | BigInt(this.u32());
    return v & ((1n << BigInt(bits)) - 1n);
  }
  bytes(n) {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.u32() & 0xff;
    return out;
  }
  text(len, alphabet) {
    let s = '';
    for (let i = 0; i < len; i++) s += alphabet[this.below(alphabet.length)];
    return s;
  }
}
