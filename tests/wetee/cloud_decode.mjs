#!/usr/bin/env node
// Differential check of the extrinsics libwetee's cloud module signed on the
// devnode (cloud_devnode.c writes them to TXLOG): each one is decoded by
// @polkadot/types (pinned in tests/devnode) with the node's own metadata, and
// its call must give the same JSON as libwetee's decoding of the same bytes
// (camelCase names, polkadot.js toJSON shapes), and be signed by the expected
// pallet and call. Also checks that the signature verifies.
//
//   node cloud_decode.mjs WS_URL TXLOG
//
// Prints one line per extrinsic and "N passed, M failed".
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '../devnode/package.json'));
const { ApiPromise, WsProvider } = require('@polkadot/api');

const [url, txlog] = process.argv.slice(2);
if (!url || !txlog) {
  console.error('usage: cloud_decode.mjs WS_URL TXLOG');
  process.exit(2);
}
let passed = 0, failed = 0;
const check = (ok, what, detail = '') => {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ': ' + detail : ''}`);
};

// polkadot.js keeps a call's argument names as in the metadata and
// camelCases struct fields; libwetee camelCases both (its camel_case
// option): names are compared in camelCase. libwetee writes integers above
// 2^53 - 1 as decimal strings and polkadot.js as numbers: compared by value.
const camel = (k) => k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const norm = (v) => {
  if (Array.isArray(v)) return v.map(norm);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [camel(k), norm(x)]));
  if (typeof v === 'number' || (typeof v === 'string' && /^[0-9]+$/.test(v))) return BigInt(v).toString();
  return v;
};

const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true, throwOnConnect: true });
const lines = readFileSync(txlog, 'utf8').split('\n').filter(Boolean);
check(lines.length > 0, 'the transaction log has extrinsics', `${lines.length}`);
for (const line of lines) {
  const [pallet, call, hex, json] = line.split('\t');
  const label = `${pallet}.${call}`;
  try {
    const ext = api.registry.createType('Extrinsic', hex);
    const m = ext.method;
    const section = api.registry.findMetaCall(m.callIndex);
    const ours = JSON.parse(json);
    const theirs = { pallet: pallet, call: section.method, args: m.toJSON().args };
    check(section.section.toLowerCase() === pallet.toLowerCase() && section.method === camel(call),
      `${label}: @polkadot/types names the call ${section.section}.${section.method}`);
    check(ours !== null && JSON.stringify(norm(ours.args)) === JSON.stringify(norm(theirs.args)),
      `${label}: @polkadot/types decodes the call to the same JSON`,
      ours === null ? 'libwetee did not decode it' :
        JSON.stringify(norm(ours.args)) === JSON.stringify(norm(theirs.args)) ? '' :
          `libwetee ${JSON.stringify(ours.args).slice(0, 300)} vs polkadot.js ${JSON.stringify(theirs.args).slice(0, 300)}`);
    check(ext.isSigned && ext.signature.toU8a().length > 0 && ext.toHex() === hex,
      `${label}: signed, and re-encodes to the same bytes`);
  } catch (e) {
    check(false, `${label}: @polkadot/types could not decode it`, e.message);
  }
}
await api.disconnect();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
