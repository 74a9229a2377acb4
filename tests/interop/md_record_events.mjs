#!/usr/bin/env node
// Records System.Events blobs on a devnode (Chopsticks in instant-block mode,
// as pinned in tests/devnode and started by tests/devnode/chopsticks.sh) for
// the metadata differential suite.
//
//   node md_record_events.mjs URL OUTDIR
//
// URL is the devnode's ws:// or http:// address. The script reads the
// runtime's metadata (state_getMetadata, and V15 through
// Metadata_metadata_at_version when the runtime offers it), submits a few
// signed transactions from the dev accounts (each one is a block in instant
// mode: transfers, a remark with an event, a failing transfer, a batch, and
// on the WeTEE runtime an app, one failing with a module error, and a
// cluster), and writes into OUTDIR:
//   metadata-v14.json            the state_getMetadata response
//   metadata-v15.scale           RuntimeMetadataPrefixed V15 (if offered)
//   events.tsv                   one line per block: NUMBER TAB LABEL TAB
//                                hex of the System.Events value
// Nothing here is kept in the repository: run.sh records at test time.

import { httpRpc } from './devnode_rpc.mjs';
import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { callToPjs, loadFixture } from './md_types.mjs';

const EVENTS_KEY = '0x26aa394eea5630e07c48ae0c9558cef780d41e5e16056765bc8461851072c9d7';

const [url, outDir] = process.argv.slice(2);
if (!url || !outDir) {
  console.error('usage: md_record_events.mjs URL OUTDIR');
  process.exit(2);
}
const rpc = httpRpc(url);

await cryptoWaitReady();
mkdirSync(outDir, { recursive: true });
const v14hex = await rpc('state_getMetadata');
writeFileSync(`${outDir}/metadata-v14.json`, JSON.stringify({ jsonrpc: '2.0', id: 1, result: v14hex }));
let v15 = null;
try {
  const versions = await rpc('state_call', ['Metadata_metadata_versions', '0x']);
  if (versions.includes('0f000000')) {
    // Option<OpaqueMetadata>: 01, compact length, the bytes
    const opt = hexToU8a(await rpc('state_call', ['Metadata_metadata_at_version', '0x0f000000']));
    if (opt[0] === 1) {
      const mode = opt[1] & 3;
      const skip = 1 + (mode === 0 ? 1 : mode === 1 ? 2 : 4);
      v15 = opt.subarray(skip);
      writeFileSync(`${outDir}/metadata-v15.scale`, v15);
    }
  }
} catch (e) {
  console.error(`md_record_events: no V15 metadata: ${e.message}`);
}

const fx = loadFixture(`${outDir}/metadata-v14.json`);
const { registry } = fx;
const genesisHash = await rpc('chain_getBlockHash', [0]);
const rv = await rpc('state_getRuntimeVersion');
const keyring = new Keyring({ type: 'sr25519' });
const dev = Object.fromEntries(['Alice', 'Bob', 'Charlie', 'Dave'].map((n) => [n, keyring.addFromUri(`//${n}`)]));
const nonces = {};
const lines = [];

let lastBlock = -1;
async function record(label) {
  // instant mode builds the block after the call returns: wait for it
  let head;
  for (let i = 0; i < 300; i++) {
    head = await rpc('chain_getHeader');
    if (parseInt(head.number, 16) > lastBlock) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  lastBlock = parseInt(head.number, 16);
  const hash = await rpc('chain_getBlockHash', [parseInt(head.number, 16)]);
  const ev = await rpc('state_getStorage', [EVENTS_KEY, hash]);
  if (ev) lines.push(`${parseInt(head.number, 16)}\t${label}\t${ev}`);
}

const has = (pallet, call) => {
  const p = fx.pallets.find((x) => x.name === pallet);
  return p && p.calls !== null && fx.types[p.calls].variants.some((v) => v.name === call);
};

async function submit(who, label, w) {
  const [pallet] = Object.keys(w);
  const [call] = Object.keys(w[pallet]);
  if (!has(pallet, call)) return;
  const method = registry.createType('Call', callToPjs(fx, w));
  const pair = dev[who];
  if (nonces[who] === undefined) nonces[who] = Number(await rpc('system_accountNextIndex', [pair.address]));
  const tx = registry.createType('Extrinsic', { method }, { version: 4 });
  tx.sign(pair, {
    blockHash: genesisHash,
    genesisHash,
    era: registry.createType('ExtrinsicEra', '0x00'),
    nonce: nonces[who]++,
    runtimeVersion: { specVersion: rv.specVersion, transactionVersion: rv.transactionVersion },
    signedExtensions: registry.signedExtensions,
    tip: 0
  });
  try {
    await rpc('author_submitExtrinsic', [tx.toHex()]);
  } catch (e) {
    console.error(`md_record_events: ${label}: ${e.message}`);
    return;
  }
  await record(label);
}

const id = (who) => u8aToHex(dev[who].publicKey);
// fund the dev accounts (Chopsticks' dev_setStorage, decoded form; the total
// issuance grows by the same amount, see devnode.md section 5)
const FUNDS = 10n ** 20n;
const issuance = await rpc('state_getStorage', ['0xc2261276cc9d1f8598ea4b6a74b15c2f57c875e4cff74148e4628f264b974c80']);
let total = 0n;
if (issuance) { const b = hexToU8a(issuance); for (let i = b.length - 1; i >= 0; i--) total = (total << 8n) | BigInt(b[i]); }
await rpc('dev_setStorage', [{
  System: { Account: Object.keys(dev).map((n) => [[dev[n].address], { providers: 1, data: { free: FUNDS.toString() } }]) },
  Balances: { TotalIssuance: (total + FUNDS * BigInt(Object.keys(dev).length)).toString() }
}]);
await rpc('dev_newBlock');
await record('start');
await submit('Alice', 'transfer', { Balances: { transfer_keep_alive: { dest: { Id: id('Bob') }, value: 10n ** 12n } } });
await submit('Bob', 'remark', { System: { remark_with_event: { remark: '0x68656c6c6f' } } });
await submit('Alice', 'failing transfer', { Balances: { transfer_keep_alive: { dest: { Id: id('Charlie') }, value: 10n ** 30n } } });
await submit('Alice', 'batch', {
  Utility: { batch_all: { calls: [
    { System: { remark_with_event: { remark: '0x01' } } },
    { Balances: { transfer_allow_death: { dest: { Id: id('Dave') }, value: 10n ** 13n } } }
  ] } }
});
// WeTEE runtime (see ../shared/reference/devnode.md): an app and a cluster
await submit('Alice', 'WeTEE app', {
  WeTEEApp: { create: { name: '0x6170', image: '0x6e67696e78', meta: '0x', port: [{ Tcp: 80 }], command: { NONE: null }, env: [], cpu: 1000, memory: 1024, disk: [], side_container: [], level: 1, tee_version: { SGX: null } } }
});
// level 2 has no price: fails with the module error WeTEEApp.AppNotExist
await submit('Alice', 'WeTEE app, failing', {
  WeTEEApp: { create: { name: '0x6170', image: '0x6e67696e78', meta: '0x', port: [{ Tcp: 80 }], command: { NONE: null }, env: [], cpu: 1000, memory: 1024, disk: [], side_container: [], level: 2, tee_version: { SGX: null } } }
});
await submit('Bob', 'WeTEE cluster', {
  WeTEEWorker: { cluster_register: { name: '0x6331', ip: [{ ipv4: 2130706433, ipv6: null, domain: null }], port: 8080, level: 1 } }
});
writeFileSync(`${outDir}/events.tsv`, lines.join('\n') + '\n');
console.error(`md_record_events: ${lines.length} blocks recorded, metadata V14${v15 ? ' and V15' : ''}`);
