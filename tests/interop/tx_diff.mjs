#!/usr/bin/env node
// Differential test of libwetee's extrinsic module against @polkadot/types,
// @polkadot/keyring and @polkadot/util-crypto: the JavaScript side. Pairs with
// tx_vectors.c (the libwetee side); run.sh runs it as the suite "tx".
//
//   node tx_diff.mjs gen SEED COUNT DIR FIXTURE...
//       writes DIR/req.tsv (requests for tx_vectors, one per line) and
//       DIR/expect.jsonl (what polkadot.js says about each request)
//   tx_vectors run DIR/req.tsv > DIR/res.tsv
//   node tx_diff.mjs check DIR
//       compares; prints every mismatch, the counts per kind and
//       "N passed, M failed"
//
// For every fixture, COUNT transactions with random calls (the metadata
// suite's generator, md_gen.mjs; Balances.transfer_keep_alive and a long
// System.remark more often), signers (sr25519, ed25519, ecdsa on MultiAddress
// chains; Ethereum on AccountId20 chains), eras (immortal, mortal with random
// periods and block numbers), nonces, tips, runtime versions (given, or the
// metadata's System.Version), fee assets (ChargeAssetTxPayment: none or a
// random value of the chain's asset id type, an XCM Location on Asset Hub)
// and CheckMetadataHash modes (0, or 1 with a random hash). Each case gives:
//   sign     libwetee builds and signs; polkadot.js computes the signing
//            payload (ExtrinsicPayload) from the same inputs: libwetee's raw
//            payload must equal it byte for byte, libwetee's extrinsic must
//            decode in polkadot.js to the same call, signer and extension
//            fields, re-encode to the same bytes, and its signature must
//            verify (signatureVerify) over polkadot.js's payload; for the
//            deterministic schemes (ed25519, ecdsa, Ethereum) the whole
//            extrinsic must equal the one polkadot.js signs. One case in
//            four goes through the offline split (signing payload, signature
//            made apart, wetee_tx_attach_signature).
//   decode   polkadot.js's signed extrinsic decodes in libwetee
//            (wetee_extrinsic_decode_json) to the JSON polkadot.js's own
//            decoding gives, printed with libwetee's conventions (md_types.mjs)
//   payload  polkadot.js's signing payload decodes in libwetee
//            (wetee_tx_payload_decode_json) to polkadot.js's fields
//   bare / general   v4 and v5 bare extrinsics, and v5 general ones built by
//            hand from the format (0x45, extension version 0, the explicit
//            data polkadot.js encoded, the call; polkadot.js must read them
//            back with the same fields) on chains whose metadata
//            lists extrinsic version 5: libwetee decodes them, and
//            wetee_tx_general builds the same bytes from the same inputs
// Only the normalisation of md_types.mjs is applied (libwetee's documented
// JSON conventions); an extension polkadot.js has no decoding for is reported
// and its case is not compared (none in the shared fixtures).

import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aConcat, u8aToHex, compactAddLength } from '@polkadot/util';
import { blake2AsHex, blake2AsU8a, cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Generator } from './md_gen.mjs';
import {
  callFromPjs, callToPjs, firstDiff, fromCodec, isAccountId20, loadFixture, parseLossless, pjsCreate, pjsDecode, toPjs, wText
} from './md_types.mjs';
import { Rng } from './rng.mjs';

// ---------------------------------------------------------------------------
// The fixture's extrinsic description, read from the metadata itself.

function isZst(fx, id, seen = new Set()) {
  const t = fx.types[id];
  if (seen.has(id)) return false;
  seen.add(id);
  switch (t.kind) {
    case 'composite': return t.fields.every((f) => isZst(fx, f.type, seen));
    case 'tuple': return t.elems.every((e) => isZst(fx, e, seen));
    case 'array': return t.len === 0 || isZst(fx, t.elem, seen);
    default: return false;
  }
}

// The v4 extensions in order: {id, type, implicit} (V16: extension version 0)
function extensions(fx) {
  const md = fx.metadata[`asV${fx.version}`];
  if (fx.version === 16) {
    const all = md.extrinsic.transactionExtensions;
    let idx = null;
    for (const [k, v] of md.extrinsic.transactionExtensionsByVersion.entries()) if (k.toNumber() === 0) idx = v.map((x) => x.toNumber());
    return idx.map((i) => ({ id: all[i].identifier.toString(), type: all[i].type.toNumber(), implicit: all[i].implicit.toNumber() }));
  }
  return md.extrinsic.signedExtensions.map((e) => ({ id: e.identifier.toString(), type: e.type.toNumber(), implicit: e.additionalSigned.toNumber() }));
}

function chainInfo(fx) {
  const ex = fx.latest.extrinsic;
  const info = {
    exts: extensions(fx),
    addressType: ex.addressType.toNumber(),
    signatureType: ex.signatureType.toNumber(),
    versions: [...ex.versions].map((v) => Number(v)),
  };
  const addr = fx.types[info.addressType];
  info.eth = isAccountId20(addr);
  info.schemes = info.eth ? ['ethereum'] : ['sr25519', 'ed25519', 'ecdsa'];
  info.has = (name) => info.exts.some((e) => e.id === name);
  // System.Version from the metadata (the library's default runtime version)
  const sys = fx.pallets.find((p) => p.name === 'System');
  const c = sys?.constants.find((k) => k.name === 'Version');
  if (c) {
    const v = pjsDecode(fx, c.type, c.value);
    info.version = { spec: v.specVersion?.toNumber?.() ?? v.spec_version?.toNumber?.(), tx: v.transactionVersion?.toNumber?.() ?? v.transaction_version?.toNumber?.() };
    if (info.version.spec === undefined) info.version = null;
  }
  // ChargeAssetTxPayment's asset id: the Option inside its explicit struct
  const cat = info.exts.find((e) => e.id === 'ChargeAssetTxPayment');
  if (cat) {
    const f = fx.types[cat.type].fields.find((x) => x.name === 'asset_id');
    info.assetOption = f.type;
    info.assetType = fx.types[f.type].params[0];
  }
  return info;
}

// ---------------------------------------------------------------------------
// gen

const ERA_PERIODS = [4, 5, 16, 64, 100, 256, 1024, 2048, 4096, 5000, 8192, 65536, 100000];

function randomEra(rng, fx) {
  if (rng.chance(0.4)) return null;
  const req = rng.chance(0.7) ? rng.pick(ERA_PERIODS) : rng.range(1, 70000);
  let period = 4;
  while (period < req && period < 65536) period *= 2;
  let current = rng.chance(0.5) ? rng.range(0, 1000) : rng.below(4294967296);
  const q = Math.max(period >> 12, 1);
  current -= current % q; // the birth block is the given block (libwetee's rule for long periods)
  return { req, period, current, hash: u8aToHex(rng.bytes(32)), codec: fx.registry.createType('ExtrinsicEra', { current, period: req }) };
}

function pickCall(fx, gn, rng, info) {
  const pallets = fx.pallets.filter((p) => p.calls !== null);
  const byName = (p, c) => {
    const pl = pallets.find((x) => x.name === p);
    const cv = pl && fx.types[pl.calls].variants.find((v) => v.name === c);
    return cv ? [pl, cv] : null;
  };
  const r = rng.below(100);
  let pc = null;
  let args;
  if (r < 30) pc = byName('Balances', 'transfer_keep_alive');
  if (!pc && r < 45) {
    pc = byName('System', 'remark');
    // long enough that the signing payload is hashed (> 256 bytes)
    if (pc) args = { remark: u8aToHex(rng.bytes(rng.range(200, 600))) };
  }
  if (!pc) {
    for (let tries = 0; tries < 20 && !pc; tries++) {
      const p = rng.pick(pallets);
      const cv = rng.pick(fx.types[p.calls].variants);
      if (cv.fields.every((f) => gn.possible(f.type))) pc = [p, cv];
    }
  }
  if (!pc) throw new Error('no call can be built');
  const [p, cv] = pc;
  if (args === undefined) args = gn.fields(cv.fields, 1);
  return { pallet: p.name, call: cv.name, args, fields: cv.fields };
}

// polkadot.js's value of an extension's explicit part, as bytes it encoded
// from its own fields (null: polkadot.js has no field for it)
function explicitBytes(e, s) {
  switch (e.id) {
    case 'CheckMortality': case 'CheckEra': return s.era.toU8a();
    case 'CheckNonce': return s.nonce.toU8a();
    case 'ChargeTransactionPayment': return s.tip.toU8a();
    case 'ChargeAssetTxPayment': return u8aConcat(s.tip.toU8a(), s.assetId.toU8a());
    case 'CheckMetadataHash': return s.mode.toU8a();
    default: return null;
  }
}

function implicitBytes(e, p) {
  switch (e.id) {
    case 'CheckSpecVersion': return p.specVersion.toU8a();
    case 'CheckTxVersion': return p.transactionVersion.toU8a();
    case 'CheckGenesis': return p.genesisHash.toU8a();
    case 'CheckMortality': case 'CheckEra': return p.blockHash.toU8a();
    case 'CheckMetadataHash': return p.metadataHash.toU8a();
    default: return null;
  }
}

// W form of the explicit parts, from polkadot.js's decoded fields
function extensionsW(fx, info, s, what) {
  const out = {};
  for (const e of info.exts) {
    if (isZst(fx, e.type)) { out[e.id] = null; continue; }
    if (e.id === 'CheckMortality' || e.id === 'CheckEra') {
      out[e.id] = s.era.isImmortalEra ? 'immortal' : { mortal: { period: s.era.asMortalEra.period.toBigInt(), phase: s.era.asMortalEra.phase.toBigInt() } };
      continue;
    }
    const b = explicitBytes(e, s);
    if (b === null) throw new Error(`${what}: polkadot.js has no decoding of extension ${e.id}`);
    out[e.id] = fromCodec(fx, e.type, pjsDecode(fx, e.type, b), e.id);
  }
  return out;
}

function implicitW(fx, info, p, what) {
  const out = {};
  for (const e of info.exts) {
    if (isZst(fx, e.implicit)) { out[e.id] = null; continue; }
    const b = implicitBytes(e, p);
    if (b === null) throw new Error(`${what}: polkadot.js has no implicit data of extension ${e.id}`);
    out[e.id] = fromCodec(fx, e.implicit, pjsDecode(fx, e.implicit, b), e.id);
  }
  return out;
}

function explicitConcat(info, s) {
  return u8aConcat(...info.exts.map((e) => explicitBytes(e, s) ?? new Uint8Array()));
}

function callW(fx, c) {
  const w = callFromPjs(fx, c);
  const [pallet] = Object.keys(w);
  const [call] = Object.keys(w[pallet]);
  return { pallet, call, args: w[pallet][call] };
}

function gen(seed, count, dir, paths) {
  mkdirSync(dir, { recursive: true });
  const req = [];
  const exp = [];
  const add = (fields, e) => { req.push(fields.join('\t')); exp.push(JSON.stringify(e)); };
  const stats = {};
  const bump = (k) => { stats[k] = (stats[k] ?? 0) + 1; };
  for (const path of paths) {
    const name = basename(path);
    const fx = loadFixture(path);
    const info = chainInfo(fx);
    add(['fixture', name, path], { kind: 'fixture' });
    const rng = new Rng(seed, `tx:${name}`);
    const gn = new Generator(fx, new Rng(seed, `tx-args:${name}`));
    let fxCases = 0;
    for (let i = 0; fxCases < count && i < count * 4; i++) {
      const scheme = info.schemes[i % info.schemes.length];
      let c;
      try {
        c = pickCall(fx, gn, rng, info);
      } catch (err) { bump('call-impossible'); continue; }
      const what = `${name} #${i} ${scheme} ${c.pallet}.${c.call}`;
      // the call as polkadot.js encodes it; calls it cannot read back itself
      // are left to the metadata suite
      let callHex;
      try {
        const w = { [c.pallet]: { [c.call]: c.args } };
        const call = fx.registry.createType('Call', callToPjs(fx, w));
        callHex = call.toHex();
        const back = callFromPjs(fx, fx.registry.createTypeUnsafe('Call', [call.toU8a()], { isPedantic: true }));
        const want = callFromPjs(fx, call);
        if (wText(back) !== wText(want)) throw new Error('round trip');
      } catch (err) { bump('call-pjs-cannot'); continue; }
      const seedBytes = rng.bytes(32);
      const genesis = u8aToHex(rng.bytes(32));
      const useMd = info.version && rng.chance(0.25);
      const specVersion = useMd ? info.version.spec : rng.below(4294967296);
      const transactionVersion = useMd ? info.version.tx : rng.below(4294967296);
      const nonce = rng.chance(0.3) ? rng.range(0, 70) : rng.below(4294967296);
      const tip = rng.chance(0.3) ? 0n : rng.bits(rng.range(1, 127));
      const era = randomEra(rng, fx);
      let assetW = null;
      if (info.assetType !== undefined && rng.chance(0.6)) {
        // assets fees are paid in on Asset Hub (USDT, USDC, DOT) or random values of the type
        const known = fx.types[info.assetType].kind === 'composite' && fx.types[info.assetType].fields.some((f) => f.name === 'interior') ? [
          { parents: 0n, interior: { X2: [{ PalletInstance: 50n }, { GeneralIndex: 1984n }] } },
          { parents: 0n, interior: { X2: [{ PalletInstance: 50n }, { GeneralIndex: 1337n }] } },
          { parents: 1n, interior: { Here: null } },
        ] : [];
        if (known.length && rng.chance(0.5)) assetW = rng.pick(known);
        else try { assetW = gn.value(info.assetType, 0); } catch { assetW = null; }
      }
      const mode1 = info.has('CheckMetadataHash') && rng.chance(0.5);
      const mdHash = mode1 ? u8aToHex(rng.bytes(32)) : null;
      const attach = rng.chance(0.25);

      const keyring = new Keyring({ type: scheme, ss58Format: fx.ss58 ?? 42 });
      const pair = keyring.addFromSeed(seedBytes);
      const opts = {
        blockHash: era ? era.hash : genesis,
        era: era ? era.codec : fx.registry.createType('ExtrinsicEra', '0x00'),
        genesisHash: genesis,
        nonce,
        runtimeVersion: { specVersion, transactionVersion },
        signedExtensions: fx.registry.signedExtensions,
        tip,
      };
      if (info.assetType !== undefined) opts.assetId = assetW === null ? null : toPjs(fx, info.assetType, assetW);
      if (info.has('CheckMetadataHash')) { opts.mode = mode1 ? 1 : 0; opts.metadataHash = mdHash; }
      let pjsExt;
      let payload;
      try {
        payload = fx.registry.createType('ExtrinsicPayload', { method: callHex, specVersion, transactionVersion, ...opts }, { version: 4 });
        pjsExt = fx.registry.createType('Extrinsic', { method: callHex }, { version: 4 }).sign(pair, opts);
      } catch (err) {
        bump('pjs-cannot-sign');
        console.error(`  not compared: ${what}: polkadot.js cannot sign it: ${err.message}`);
        continue;
      }
      // polkadot.js encodes ChargeAssetTxPayment's asset id with its own
      // built-in XCM types, not the metadata's: where the two differ (variant
      // indices of newer XCM versions) polkadot.js's transaction is not what
      // the runtime decodes, and the case is listed, not compared
      if (assetW !== null) {
        const byMetadata = pjsCreate(fx, info.assetOption, toPjs(fx, info.assetType, assetW)).toHex();
        if (payload.assetId.toHex() !== byMetadata) {
          bump('pjs-asset-type-differs');
          console.error(`  not compared: ${what}: polkadot.js encodes the asset id ${wText(assetW)} as ${payload.assetId.toHex()}, the metadata's type as ${byMetadata}`);
          continue;
        }
      }
      const raw = payload.toU8a({ method: true });
      const eraField = era ? `${era.req},${era.current},${era.hash}` : 'immortal';
      const signFields = ['sign', name, scheme, u8aToHex(seedBytes), callHex, genesis, useMd ? '-' : String(specVersion), useMd ? '-' : String(transactionVersion),
        String(nonce), tip.toString(), eraField, assetW === null ? '-' : wText(assetW), mdHash ?? '-'];
      add([...signFields, ...(attach ? ['attach'] : [])], {
        kind: 'sign', fx: name, what: `${what}${attach ? ' (attach)' : ''}`, scheme, call: callHex, payload: u8aToHex(raw),
        signed: u8aToHex(raw.length > 256 ? blake2AsU8a(raw) : raw), pjs: pjsExt.toHex(), pub: u8aToHex(pair.publicKey),
        deterministic: scheme !== 'sr25519',
      });
      bump(`sign-${scheme}`);
      // libwetee decodes polkadot.js's extrinsic and payload
      let w;
      try {
        const s = pjsExt.inner.signature;
        w = {
          version: 4, type: 'signed',
          address: fromCodec(fx, info.addressType, pjsDecode(fx, info.addressType, s.signer.toU8a()), 'address'),
          signature: fromCodec(fx, info.signatureType, pjsDecode(fx, info.signatureType, (s.multiSignature ?? s.signature).toU8a()), 'signature'),
          extensions: extensionsW(fx, info, s, what),
          call: callW(fx, pjsExt.method),
          hash: blake2AsHex(pjsExt.toU8a()),
        };
        add(['decode', name, pjsExt.toHex()], { kind: 'decode', fx: name, what, w: wText(w) });
        // the payload's call is printed as a RuntimeCall value ({"Pallet":{"call":args}}),
        // not in the extrinsic decoder's {"pallet","call","args"} form
        // strict decoding: cut short or with a byte more, refused with an error
        if (fxCases % 8 === 0) {
          const b = pjsExt.toU8a();
          add(['decode', name, u8aToHex(b.subarray(0, b.length - 1))], { kind: 'decode-bad', fx: name, what: `${what} cut short` });
          add(['decode', name, `${u8aToHex(b)}00`], { kind: 'decode-bad', fx: name, what: `${what} with a trailing byte` });
        }
        const pw = { call: fromCodec(fx, fx.callType, pjsExt.method, 'call'), extensions: w.extensions, implicit: implicitW(fx, info, payload, what) };
        add(['payload', name, u8aToHex(raw)], { kind: 'payload', fx: name, what, w: wText(pw) });
        // v4 and v5 bare, v5 general by hand
        const bare = (v) => u8aToHex(compactAddLength(u8aConcat(new Uint8Array([v]), pjsExt.method.toU8a())));
        const hashOf = (hex) => blake2AsHex(hexToU8a(hex));
        const b4 = bare(0x04);
        add(['decode', name, b4], { kind: 'bare', fx: name, what: `${what} v4 bare`, w: wText({ version: 4, type: 'bare', call: w.call, hash: hashOf(b4) }) });
        if (info.versions.includes(5)) {
          const b5 = bare(0x05);
          add(['decode', name, b5], { kind: 'bare', fx: name, what: `${what} v5 bare`, w: wText({ version: 5, type: 'bare', call: w.call, hash: hashOf(b5) }) });
          const g = u8aToHex(compactAddLength(u8aConcat(new Uint8Array([0x45, 0x00]), explicitConcat(info, s), pjsExt.method.toU8a())));
          // libwetee's own v5 general extrinsic from the same inputs: the same bytes
          add(['general', name, '0', '-', callHex, ...signFields.slice(5, 13)], { kind: 'general-build', fx: name, what: `${what} v5 general`, hex: g });
          // polkadot.js reads the hand-built bytes as a general extrinsic with
          // the same fields (its own v5 builder and re-encoding are not usable:
          // createType with version 5 drops the call, and a decoded general
          // extrinsic re-encodes with its prefix twice)
          let pjsRead = null;
          try {
            const gi = fx.registry.createType('Extrinsic', hexToU8a(g)).inner;
            for (const f of ['era', 'nonce', 'tip', 'assetId', 'mode']) {
              if (s[f] === undefined) continue;
              if (gi[f]?.toHex() !== s[f].toHex()) pjsRead = `polkadot.js reads ${f} of the hand-built general extrinsic as ${gi[f]?.toHex()}, not ${s[f].toHex()}`;
            }
            if (gi.transactionExtensionVersion?.toNumber() !== 0) pjsRead = 'polkadot.js reads another extension version';
            if (gi.method.toHex() !== pjsExt.method.toHex()) pjsRead = `polkadot.js reads the call as ${gi.method.toHex()}`;
          } catch (err) { pjsRead = `polkadot.js cannot read the hand-built general extrinsic: ${err.message}`; }
          add(['decode', name, g], { kind: 'general', fx: name, what: `${what} v5 general`, pjsRead, w: wText({ version: 5, type: 'general', extension_version: 0, extensions: w.extensions, call: w.call, hash: hashOf(g) }) });
        }
      } catch (err) {
        bump('pjs-cannot-decode');
        console.error(`  not compared: ${what}: ${err.message}`, process.env.TXDIFF_DEBUG ? err.stack : '');
      }
      fxCases++;
    }
  }
  writeFileSync(`${dir}/req.tsv`, `${req.join('\n')}\n`);
  writeFileSync(`${dir}/expect.jsonl`, `${exp.join('\n')}\n`);
  console.log(`tx: ${req.length} requests from ${paths.length} fixtures: ${Object.entries(stats).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

// ---------------------------------------------------------------------------
// check

const SCHEME_TYPE = { sr25519: 'sr25519', ed25519: 'ed25519', ecdsa: 'ecdsa', ethereum: 'ethereum' };

function checkSign(fx, e, res) {
  const [ext, raw, signed, pub] = res.split('\t');
  if (raw !== e.payload) return `signing payload differs: libwetee ${raw}, polkadot.js ${e.payload}`;
  if (signed !== e.signed) return `hashed signing payload differs: libwetee ${signed}, polkadot.js ${e.signed}`;
  if (pub !== e.pub) return `public key differs: libwetee ${pub}, polkadot.js ${e.pub}`;
  let d;
  try {
    d = fx.registry.createTypeUnsafe('Extrinsic', [hexToU8a(ext)], { isPedantic: true });
  } catch (err) { return `polkadot.js cannot decode libwetee's extrinsic: ${err.message}`; }
  if (d.toHex() !== ext) return `polkadot.js re-encodes libwetee's extrinsic differently: ${d.toHex()}`;
  if (!d.isSigned || (d.version & 0x7f) !== 4) return `not a signed v4 extrinsic for polkadot.js (version ${d.version})`;
  if (d.method.toHex() !== e.call) return `call differs: ${d.method.toHex()}, expected ${e.call}`;
  const p = fx.registry.createTypeUnsafe('Extrinsic', [hexToU8a(e.pjs)], {});
  for (const f of ['signer', 'era', 'nonce', 'tip', 'assetId', 'mode']) {
    const a = d.inner.signature[f];
    const b = p.inner.signature[f];
    if (a === undefined && b === undefined) continue;
    if (a?.toHex() !== b?.toHex()) return `field ${f} differs: libwetee ${a?.toHex()}, polkadot.js ${b?.toHex()}`;
  }
  const v = signatureVerify(hexToU8a(e.signed), d.inner.signature.signature.toU8a(), e.scheme === 'ethereum' ? d.signer.toU8a() : hexToU8a(pub));
  if (!v.isValid) return 'the signature does not verify in @polkadot/util-crypto over polkadot.js\'s payload';
  if (v.crypto !== SCHEME_TYPE[e.scheme]) return `the signature verifies as ${v.crypto}, not ${e.scheme}`;
  if (e.deterministic && ext !== e.pjs) return `differs from polkadot.js's signed extrinsic ${e.pjs}`;
  return null;
}

function check(dir) {
  const req = readFileSync(`${dir}/req.tsv`, 'utf8').split('\n').filter((l) => l.length);
  const exp = readFileSync(`${dir}/expect.jsonl`, 'utf8').split('\n').filter((l) => l.length).map((l) => JSON.parse(l));
  const res = readFileSync(`${dir}/res.tsv`, 'utf8').split('\n');
  if (res[res.length - 1] === '') res.pop();
  if (req.length !== exp.length || res.length !== req.length) {
    console.log(`line counts differ: ${req.length} requests, ${exp.length} expectations, ${res.length} results`);
    console.log(`0 passed, 1 failed`);
    return 1;
  }
  const fixtures = {};
  const counts = {};
  let passed = 0;
  let failed = 0;
  let shown = 0;
  for (let i = 0; i < req.length; i++) {
    const e = exp[i];
    const r = res[i];
    const f = req[i].split('\t');
    if (e.kind === 'fixture') {
      if (r !== 'ok') { console.log(`fixture ${f[1]}: ${r}`); failed++; } else fixtures[f[1]] = loadFixture(f[2]);
      continue;
    }
    let err = null;
    if (e.kind === 'decode-bad') err = r.startsWith('!') ? null : `libwetee accepted it: ${r.slice(0, 200)}`;
    else if (r.startsWith('!')) err = `libwetee: ${r.slice(1)}`;
    else if (e.kind === 'sign') err = checkSign(fixtures[e.fx], e, r);
    else if (e.kind === 'general' && e.pjsRead) err = e.pjsRead;
    else if (e.kind === 'general-build') err = r === e.hex ? null : `libwetee ${r}, by hand ${e.hex}`;
    else {
      let got;
      try { got = parseLossless(r); } catch (x) { err = `libwetee's answer is not JSON: ${x.message}`; }
      if (!err) {
        const d = firstDiff(got, parseLossless(e.w));
        if (d) err = `at ${d[0]}: libwetee ${JSON.stringify(d[1])}, polkadot.js ${JSON.stringify(d[2])}\n      libwetee    ${r}\n      polkadot.js ${e.w}`;
      }
    }
    const k = e.kind;
    counts[k] = counts[k] ?? [0, 0];
    if (err) {
      failed++;
      counts[k][1]++;
      if (shown++ < 30) console.log(`FAIL ${k} ${e.what}: ${err}`);
    } else {
      passed++;
      counts[k][0]++;
    }
  }
  for (const [k, [p, f]] of Object.entries(counts)) console.log(`  ${k}: ${p} passed, ${f} failed`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

await cryptoWaitReady();
const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'gen') {
  const [seed, count, dir, ...paths] = rest;
  gen(seed, Number(count), dir, paths);
} else if (cmd === 'check') {
  process.exitCode = check(rest[0]);
} else {
  console.error('usage: tx_diff.mjs gen SEED COUNT DIR FIXTURE... | check DIR');
  process.exitCode = 2;
}
