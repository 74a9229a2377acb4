// Differential test of libwetee's pallet-revive support against
// @polkadot/types (tests/interop/contract_vectors.c is the libwetee side):
//   gen SEED COUNT DIR FIXTURE...  random Revive.call / instantiate_with_code /
//        upload_code / map_account requests per metadata fixture, and
//        ReviveApi_call outputs encoded by @polkadot/types (the runtime API's
//        output type on V16, the registry's ContractResult on spec 110, the
//        current layout registered by hand for spec 101)
//   check DIR  libwetee's call bytes must equal @polkadot/types' encoding of
//        the same call (GenericCall from the metadata), and libwetee's decoded
//        dry-run results must give the generated fields.
// Prints "N passed, M failed".
import { TypeRegistry, Metadata } from '@polkadot/types';
import fs from 'fs';
import path from 'path';

const [, , mode, ...rest] = process.argv;

function load(file) {
  const registry = new TypeRegistry();
  const data = file.endsWith('.json') ? JSON.parse(fs.readFileSync(file)).result : new Uint8Array(fs.readFileSync(file));
  const md = new Metadata(registry, data);
  registry.setMetadata(md);
  return { registry, md };
}

let state = 1;
function rnd() { state = (state * 1103515245 + 12345) % 2147483648; return state >>> 8; }
function hex(n) { let s = ''; for (let i = 0; i < n; i++) s += (rnd() & 255).toString(16).padStart(2, '0'); return '0x' + s; }
function big(bits) { let v = 0n; for (let i = 0; i < bits; i += 15) v = (v << 15n) | BigInt(rnd() & 0x7fff); return v & ((1n << BigInt(bits)) - 1n); }
function pick(a) { return a[rnd() % a.length]; }

function callArgs(op) {
  const limits = { ref_time: big(pick([0, 8, 40, 64])).toString(), proof_size: big(pick([0, 16, 64])).toString(),
    deposit: big(pick([0, 30, 128])).toString() };
  const value = big(pick([0, 60, 128])).toString();
  if (op === 'call') return { dest: hex(20), value, ...limits, data: hex(rnd() % 300) };
  if (op === 'instantiate') return { value, ...limits, code: hex(rnd() % 200), data: hex(rnd() % 40), salt: rnd() % 2 ? hex(32) : null };
  if (op === 'upload') return { code: hex(rnd() % 300), deposit: limits.deposit };
  return {};
}

function pjsCall(registry, md, op, a) {
  const revive = md.asLatest.pallets.find((p) => p.name.toString() === 'Revive');
  const name = { call: 'call', instantiate: 'instantiate_with_code', upload: 'upload_code', map: 'map_account' }[op];
  const variants = registry.lookup.getSiType(revive.calls.unwrap().type).def.asVariant.variants;
  const v = variants.find((x) => x.name.toString() === name);
  const w = { refTime: a.ref_time, proofSize: a.proof_size };
  const args = { call: [a.dest, a.value, w, a.deposit, a.data], instantiate: [a.value, w, a.deposit, a.code, a.data, a.salt],
    upload: [a.code, a.deposit], map: [] }[op];
  const call = registry.createType('Call', { callIndex: [revive.index.toNumber(), v.index.toNumber()], args });
  return call.toHex();
}

function resultType(registry, md) {
  if (md.version >= 15) {
    const api = md.asLatest.apis.find((x) => x.name.toString() === 'ReviveApi');
    if (api) return registry.createLookupType(api.methods.find((m) => m.name.toString() === 'call').output);
  }
  for (const t of registry.lookup.types) {
    const p = t.type.path.map((x) => x.toString());
    if (p[p.length - 1] === 'ContractResult') {
      const f = t.type.def.asComposite.fields.find((x) => x.name.toString() === 'result');
      if (f && registry.lookup.getTypeDef(f.type).type.includes('ExecReturnValue')) return registry.createLookupType(t.id);
    }
  }
  registry.register({
    WtWeight: { refTime: 'Compact<u64>', proofSize: 'Compact<u64>' },
    WtDeposit: { _enum: { Refund: 'u128', Charge: 'u128' } },
    WtExec: { flags: 'u32', data: 'Bytes' },
    WtResult: { weight_consumed: 'WtWeight', weight_required: 'WtWeight', storage_deposit: 'WtDeposit',
      max_storage_deposit: 'WtDeposit', gas_consumed: 'u128', result: 'Result<WtExec, DispatchError>' } });
  return 'WtResult';
}

function genResult(registry, md) {
  const ty = resultType(registry, md);
  const fields = registry.createType(ty).defKeys;
  const w = () => ({ refTime: big(pick([8, 40, 64])).toString(), proofSize: big(pick([8, 30])).toString() });
  const dep = () => (rnd() % 2 ? { Charge: big(pick([0, 40, 100])).toString() } : { Refund: big(40).toString() });
  const kind = rnd() % 3; // 0 ok, 1 reverted, 2 failed
  const fl = kind === 1 ? 1 : 0;
  const exec = { flags: ty === 'WtResult' ? fl : { bits: fl }, data: hex(rnd() % 64) };
  const result = kind === 2 ? { Err: pick([{ Other: null }, { CannotLookup: null }, { BadOrigin: null }]) } : { Ok: exec };
  const v = {};
  const req = w();
  const sd = dep();
  // polkadot.js names the fields in camelCase
  const snake = (k) => k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
  for (const k of fields) {
    const s = snake(k);
    if (s === 'weight_consumed' || (s === 'gas_consumed' && !fields.some((f) => snake(f) === 'weight_consumed'))) v[k] = w();
    else if (s === 'weight_required' || s === 'gas_required') v[k] = req;
    else if (s === 'storage_deposit') v[k] = sd;
    else if (s === 'max_storage_deposit') v[k] = dep();
    else if (s === 'gas_consumed') v[k] = big(60).toString();
    else if (s === 'result') v[k] = result;
    else throw new Error('unknown ContractResult field ' + k);
  }
  const enc = registry.createType(ty, v).toHex();
  const expect = { status: ['ok', 'reverted', 'failed'][kind], ref_time: req.refTime, proof_size: req.proofSize,
    deposit: sd.Charge !== undefined ? sd.Charge : '0', data: kind === 2 ? null : exec.data };
  return { enc, expect };
}

if (mode === 'gen') {
  const [seed, count, dir, ...fixtures] = rest;
  state = Number(BigInt(seed) % 2147483647n) || 1;
  const req = [], exp = [];
  for (const f of fixtures) {
    const { registry, md } = load(f);
    for (let i = 0; i < Number(count); i++) {
      const op = pick(['call', 'call', 'instantiate', 'upload', 'map']);
      const a = callArgs(op);
      req.push(['call', f, op, JSON.stringify(a)].join('\t'));
      exp.push(JSON.stringify({ kind: 'call', hex: pjsCall(registry, md, op, a) }));
      const r = genResult(registry, md);
      req.push(['result', f, r.enc].join('\t'));
      exp.push(JSON.stringify({ kind: 'result', ...r.expect }));
    }
  }
  fs.writeFileSync(path.join(dir, 'req.tsv'), req.join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'expect.jsonl'), exp.join('\n') + '\n');
} else if (mode === 'check') {
  const [dir] = rest;
  const exp = fs.readFileSync(path.join(dir, 'expect.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const res = fs.readFileSync(path.join(dir, 'res.tsv'), 'utf8').trim().split('\n');
  let passed = 0, failed = 0;
  for (let i = 0; i < exp.length; i++) {
    const e = exp[i], r = res[i] ?? '';
    let ok;
    if (e.kind === 'call') ok = r === e.hex;
    else {
      // numbers compared as text (u64 weights exceed 2^53)
      const f = (k) => { const m = r.match(new RegExp('"' + k + '":"?([^",}]*)"?')); return m ? m[1] : undefined; };
      ok = f('status') === e.status && f('ref_time') === e.ref_time && f('proof_size') === e.proof_size &&
        f('deposit') === e.deposit && (e.data === null ? f('data') === 'null' : f('data') === e.data);
    }
    if (ok) passed++;
    else { failed++; if (failed <= 5) console.log(`line ${i + 1}: libwetee ${r.slice(0, 300)}\n  expected ${JSON.stringify(e).slice(0, 300)}`); }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
