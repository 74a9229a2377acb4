#!/usr/bin/env node
// libwetee's chain client against @polkadot/api on the same node and block:
// storage values, a page of map entries, constants, runtime API calls and
// events, as chain_devnode wrote them (OUT.json).
//
//   node chain_compare.mjs WS_URL OUT.json
//
// Both sides are brought to one form before comparing: keys in camelCase,
// integers as decimal strings (polkadot.js toPrimitive() gives numbers up to
// 2^53 and strings beyond; libwetee the same), enums without fields as
// their name in camelCase. Prints one line per item and "N passed, M failed".
import { ApiPromise, WsProvider } from '@polkadot/api';
import { readFileSync } from 'node:fs';

const [url, file] = process.argv.slice(2);
const ours = JSON.parse(readFileSync(file, 'utf8'));
let passed = 0;
let failed = 0;
function check(ok, what, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} [@polkadot/api] ${what}${detail ? `: ${detail}` : ''}`);
}

const camel = (s) => {
  const t = s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
  return t.charAt(0).toLowerCase() + t.slice(1);
};
function norm(v) {
  if (Array.isArray(v)) return v.map(norm);
  if (v && typeof v === 'object') {
    const o = {};
    for (const [k, x] of Object.entries(v)) o[camel(k)] = norm(x);
    return o;
  }
  if (typeof v === 'number' || typeof v === 'bigint') return BigInt(v).toString();
  if (typeof v === 'string' && /^[0-9]+$/.test(v)) return BigInt(v).toString();
  if (typeof v === 'string' && /^[A-Z][A-Za-z0-9]*$/.test(v)) return camel(v);
  return v;
}
function same(what, a, b) {
  const x = JSON.stringify(norm(a));
  const y = JSON.stringify(norm(b));
  check(x === y, what, x === y ? '' : `\n    libwetee      ${x.slice(0, 600)}\n    @polkadot/api ${y.slice(0, 600)}`);
}

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true, throwOnConnect: true });
try {
  const at = await api.at(ours.at);
  same('storage System.Account(Alice)', ours['storage System.Account(Alice)'], (await at.query.system.account(ALICE)).toPrimitive());
  same('storage Balances.TotalIssuance', ours['storage Balances.TotalIssuance'], (await at.query.balances.totalIssuance()).toPrimitive());
  same('storage System.Number', ours['storage System.Number'], (await at.query.system.number()).toPrimitive());
  same('storage Aura.Authorities', ours['storage Aura.Authorities'], (await at.query.aura.authorities()).toPrimitive());
  const page = await at.query.system.account.entriesPaged({ args: [], pageSize: 5 });
  same('entries System.Account (first page of 5)', ours['entries System.Account (5)'],
    page.map(([k, v]) => ({ key: k.toHex(), keys: k.args.map((a) => a.toPrimitive()), value: v.toPrimitive() })));
  const next = await at.query.system.account.entriesPaged({ args: [], pageSize: 5, startKey: ours['entries start'] });
  same('entries System.Account (the next page of 5)', ours['entries System.Account (5 after)'],
    next.map(([k, v]) => ({ key: k.toHex(), keys: k.args.map((a) => a.toPrimitive()), value: v.toPrimitive() })));
  same('constant Balances.ExistentialDeposit', ours['constant Balances.ExistentialDeposit'], api.consts.balances.existentialDeposit.toPrimitive());
  same('constant System.BlockWeights', ours['constant System.BlockWeights'], api.consts.system.blockWeights.toPrimitive());
  same('constant System.Version', ours['constant System.Version'], api.consts.system.version.toPrimitive());
  same('call AccountNonceApi.account_nonce(Alice)', ours['call AccountNonceApi.account_nonce(Alice)'],
    (await at.call.accountNonceApi.accountNonce(ALICE)).toPrimitive());
  same('call Core.version', ours['call Core.version'], (await at.call.core.version()).toPrimitive());
  same('call Metadata.metadata_versions', ours['call Metadata.metadata_versions'], (await at.call.metadata.metadataVersions()).toPrimitive());
  // events: libwetee gives {phase, pallet, event, fields, topics}; polkadot.js {phase, event: {section, method, data}}
  const evs = await at.query.system.events();
  same('events of the block', ours.events.map((e) => ({ phase: e.phase, pallet: e.pallet, event: e.event, fields: e.fields, topics: e.topics })),
    evs.map((r) => {
      const fields = {};
      r.event.meta.fields.forEach((f, i) => { fields[f.name.unwrap().toString()] = r.event.data[i].toPrimitive(); });
      return { phase: r.phase.toPrimitive(), pallet: r.event.section, event: r.event.method, fields, topics: r.topics.toPrimitive() };
    }));
} finally {
  await api.disconnect();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
