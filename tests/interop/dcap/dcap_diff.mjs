// Differential test of libwetee's DCAP verification against @phala/dcap-qvl
// (pinned in package-lock.json) on the same inputs: the shared SGX, TDX and
// TDX-outdated samples at times inside, at the edges of and outside their
// collateral windows, every quote with DCAP_COUNT random single-byte flips
// (seeded) and DCAP_COUNT random truncations, and collateral with one
// character of the signed TCB Info / QE Identity changed.
//
// Each side gives a class: the TCB status name when it reaches a verdict,
// or "reject". libwetee runs with a policy that accepts every non-terminal
// status and advisory and allows debug, with strict expiry (dcap-qvl fails
// on expired collateral too), so only the verification semantics differ.
//
// Every difference must match one of the explained classes below, or the
// run fails (a difference where libwetee accepts and dcap-qvl rejects is
// never explained):
//
//  1. "root-in-quote": a byte flipped inside the last PEM certificate of
//     the quote's certification data (the root CA copy). dcap-qvl verifies
//     the leaf and intermediate against its own embedded root and never
//     parses that copy, so it still reaches a status; libwetee parses every
//     certificate of the chain (bounded) and requires the chain's root to be
//     a well-formed, validly self-signed certificate with the pinned key, so
//     it rejects (parse or cert_chain). Security-neutral: the root key is
//     pinned by both.
//  2. "cert-data-type": a byte flipped in the 2-byte type or 4-byte size of
//     the (unsigned) certification data: the outer type of a v4/v5 quote (must be 6, QE
//     report certification data) or the inner type (must be 5, PCK chain).
//     dcap-qvl does not check these type and size fields and goes on parsing the same
//     bytes; libwetee rejects a type other than the one the layout requires,
//     as QVL does. Security-neutral: the data that follows is still signed.
//  3. "pem-whitespace": a line break inside a PEM body turned into a space,
//     tab or carriage return. The DER is unchanged; libwetee's PEM reader
//     skips any whitespace inside the base64 (as OpenSSL's does) and accepts
//     the same certificates, dcap-qvl rejects the text. The one class where
//     libwetee accepts and dcap-qvl rejects; it is allowed only for exactly
//     this substitution.
//  4. "pem-after-padding": the line break between a base64 body's final '='
//     and its "-----END" line changed into another byte. libwetee's base64
//     decoder is strict and rejects the body; dcap-qvl's ignores bytes after
//     the padding and decodes the same DER.
//  5. "crl-next-update": the TDX sample at a time after the PCK CRL's
//     nextUpdate (2025-07-19T10:00:35Z, the earliest expiry of its
//     collateral) but before TCB Info's (10:16:03Z). dcap-qvl 0.3.9 does not
//     check a CRL's nextUpdate and still answers UpToDate; libwetee counts
//     the CRLs in the collateral expiry as QvE does and, in strict mode,
//     rejects with collateral_expired.
//
// Usage: node dcap_diff.mjs <dcap_vectors binary> <vectors dir> [count] [seed]
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const qvl = require('@phala/dcap-qvl');
const [bin, vdir, countArg, seedArg] = process.argv.slice(2);
const COUNT = Number(countArg || 40);
let seed = BigInt(seedArg || 1234567);
function rnd(n) { // xorshift64*
  seed ^= seed >> 12n; seed ^= (seed << 25n) & 0xffffffffffffffffn; seed ^= seed >> 27n;
  return Number(((seed * 0x2545F4914F6CDD1Dn) & 0xffffffffffffffffn) % BigInt(n));
}

const SAMPLES = [
  { dir: 'sgx', t: 1751000000, from: 1750330571, until: 1752919278 },
  { dir: 'tdx', t: 1751000000, from: 1750329147, until: 1752919235 },
  { dir: 'tdx-outdated', t: 1772000000, from: 1771412331, until: 1774003275 },
];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wetee-dcap-'));
const cases = [];
let n = 0;
function add(name, quote, collText, t, meta = {}) {
  const q = path.join(tmp, `q${n}`), c = path.join(tmp, `c${n}`);
  n++;
  fs.writeFileSync(q, quote);
  fs.writeFileSync(c, collText);
  cases.push({ name, quote, collText, t, q, c, ...meta });
}
for (const s of SAMPLES) {
  const quote = fs.readFileSync(path.join(vdir, 'attestation', s.dir, 'quote.bin'));
  const coll = fs.readFileSync(path.join(vdir, 'attestation', s.dir, 'collateral.json'), 'utf8');
  const rootPem = quote.lastIndexOf(Buffer.from('-----BEGIN CERTIFICATE-----'));
  // certification data type fields: outer (v4/v5) right after signature and key,
  // inner just before the PEM chain's 4-byte size
  const version = quote.readUInt16LE(0);
  const bodyEnd = version === 3 ? 432 : version === 4 ? 632 : 54 + quote.readUInt32LE(50);
  const firstPem = quote.indexOf(Buffer.from('-----BEGIN CERTIFICATE-----'));
  const typeFields = [firstPem - 6];
  if (version >= 4) typeFields.push(bodyEnd + 4 + 128);
  for (const t of [s.t, s.from, s.until, s.from - 1, s.until + 1]) add(`${s.dir}@${t}`, quote, coll, t, { sample: s });
  for (let i = 0; i < COUNT; i++) {
    const b = Buffer.from(quote);
    const at = rnd(b.length);
    b[at] ^= 1 + rnd(255);
    add(`${s.dir} flip@${at}`, b, coll, s.t, { sample: s, flip: at, rootPem, typeFields, was: quote[at], now: b[at],
      beforeEnd: quote.subarray(at + 1, at + 9).toString('latin1') === '-----END' && quote[at - 1] === 0x3d });
  }
  for (let i = 0; i < COUNT / 4; i++) {
    const cut = rnd(quote.length);
    add(`${s.dir} cut@${cut}`, quote.subarray(0, cut), coll, s.t);
  }
  const cj = JSON.parse(coll);
  for (const key of ['tcb_info', 'qe_identity']) {
    for (let i = 0; i < COUNT / 4; i++) {
      const v = cj[key];
      const at = rnd(v.length);
      const ch = v[at] === '1' ? '2' : '1';
      if (v[at] === '"' || v[at] === '\\') continue;
      const m = { ...cj, [key]: v.slice(0, at) + ch + v.slice(at + 1) };
      add(`${s.dir} ${key}@${at}`, quote, JSON.stringify(m), s.t);
    }
  }
}

const input = cases.map((c) => `${c.t} ${c.q} ${c.c}\n`).join('');
const out = spawnSync(bin, [], { input, encoding: 'utf8', maxBuffer: 1 << 26 });
if (out.status !== 0) { console.error(out.stderr); process.exit(1); }
const lines = out.stdout.trim().split('\n');
if (lines.length !== cases.length) { console.error(`dcap: ${lines.length} answers for ${cases.length} cases`); process.exit(1); }

const STATUS = { UpToDate: 'UpToDate', SWHardeningNeeded: 'SWHardeningNeeded', ConfigurationNeeded: 'ConfigurationNeeded',
  ConfigurationAndSWHardeningNeeded: 'ConfigurationAndSWHardeningNeeded', OutOfDate: 'OutOfDate',
  OutOfDateConfigurationNeeded: 'OutOfDateConfigurationNeeded', Revoked: 'reject' };
let same = 0, explained = 0;
const explainedBy = {};
const unexplained = [];
function theirsOf(c) {
  try {
    const r = qvl.verify(c.quote, JSON.parse(c.collText), c.t);
    return [STATUS[r.status] || `unknown:${r.status}`, r.advisory_ids.length ? r.advisory_ids.join(',') : '-'];
  } catch (e) {
    return ['reject', '-'];
  }
}
// 'same', 'explained:<class>' or 'unexplained'
function judge(c, line, theirs, theirAdv) {
  const [ours, , check, adv] = line.split(' ');
  const lineStatus = c.sample ? baseline[c.sample.dir] : undefined;
  if (ours === theirs && (ours === 'reject' || adv === theirAdv)) return 'same';
  if (ours !== 'reject' && theirs === 'reject' && ours === lineStatus && c.flip !== undefined && c.was === 0x0a &&
      [0x20, 0x09, 0x0d].includes(c.now))
    return 'explained:pem-whitespace';
  if (ours === 'reject' && theirs !== 'reject') {
    if (c.flip !== undefined && c.beforeEnd && check === 'parse') return 'explained:pem-after-padding';
    if (c.flip !== undefined && c.flip >= c.rootPem && (check === 'parse' || check === 'cert_chain'))
      return 'explained:root-in-quote';
    if (c.flip !== undefined && check === 'parse' && c.typeFields.some((o) => c.flip >= o && c.flip < o + 6))
      return 'explained:cert-data-type';
    if (c.sample && c.sample.dir === 'tdx' && check === 'collateral_expired' && c.t > c.sample.until &&
        c.t < 1752920163)
      return 'explained:crl-next-update';
  }
  return 'unexplained';
}
// libwetee's answer for each unmodified sample at its suggested time
const baseline = {};
cases.forEach((c, i) => { if (c.name === `${c.sample && c.sample.dir}@${c.sample && c.sample.t}`) baseline[c.sample.dir] = lines[i].split(' ')[0]; });
const answers = cases.map((c) => theirsOf(c));
cases.forEach((c, i) => {
  const [theirs, theirAdv] = answers[i];
  const v = judge(c, lines[i], theirs, theirAdv);
  if (v === 'same') same++;
  else if (v.startsWith('explained:')) { explained++; explainedBy[v.slice(10)] = (explainedBy[v.slice(10)] || 0) + 1; }
  else unexplained.push(`${c.name} t=${c.t}: libwetee ${lines[i]} vs dcap-qvl ${theirs} (${theirAdv})`);
});
// harness sanity: a planted acceptance of the outdated TDX sample (which
// both reject) must come out unexplained
const planted = cases.findIndex((c) => c.name.startsWith('tdx-outdated@'));
const sane = planted >= 0 && judge(cases[planted], 'OutOfDate OutOfDate none -', ...answers[planted]) === 'unexplained';
if (!process.env.WETEE_DIFF_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
console.log(`dcap: ${cases.length} cases against @phala/dcap-qvl ${require('@phala/dcap-qvl/package.json').version}: ${same} same, ${explained} explained differences, ${unexplained.length} unexplained`);
for (const [k, v] of Object.entries(explainedBy)) console.log(`  explained (${k}): ${v}`);
for (const u of unexplained.slice(0, 30)) console.log('  ' + u);
console.log(`  harness sanity (a planted acceptance is caught): ${sane ? 'ok' : 'BROKEN'}`);
console.log(`${same + explained + (sane ? 1 : 0)} passed, ${unexplained.length + (sane ? 0 : 1)} failed`);
process.exit(unexplained.length || !sane ? 1 : 0);
