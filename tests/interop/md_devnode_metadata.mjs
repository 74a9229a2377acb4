#!/usr/bin/env node
// Reads a devnode runtime's metadata in every form the node offers, for the
// metadata differential suite (run.sh starts the node, see
// tests/devnode/chopsticks.sh):
//
//   node md_devnode_metadata.mjs URL OUTDIR NAME
//
// writes into OUTDIR:
//   NAME-v14.json       the state_getMetadata response (JSON-RPC)
//   NAME-vN.hex         Metadata_metadata_at_version(N) as the node returns
//                       it (Option<OpaqueMetadata>, hex) for every stable
//                       N >= 15 in Metadata_metadata_versions
//   NAME-unstable.hex   the same for u32::MAX, the runtime's unstable
//                       (pre-release) metadata, when it offers one
// and prints one line naming what it wrote. Nothing is kept in the
// repository: run.sh records at test time.

import { httpRpc } from './devnode_rpc.mjs';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { mkdirSync, writeFileSync } from 'node:fs';

const [url, outDir, name] = process.argv.slice(2);
if (!url || !outDir || !name) {
  console.error('usage: md_devnode_metadata.mjs URL OUTDIR NAME');
  process.exit(2);
}
const rpc = httpRpc(url);
const u32le = (v) => u8aToHex(new Uint8Array([v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255]));

mkdirSync(outDir, { recursive: true });
const wrote = [];
const v14 = await rpc('state_getMetadata');
writeFileSync(`${outDir}/${name}-v14.json`, JSON.stringify({ jsonrpc: '2.0', id: 1, result: v14 }));
wrote.push(`V${hexToU8a(v14)[4] ?? '?'} (state_getMetadata)`);
// Vec<u32>: compact length, then the versions
const vs = hexToU8a(await rpc('state_call', ['Metadata_metadata_versions', '0x']));
const n = vs[0] >> 2;
const versions = [];
for (let i = 0; i < n; i++) versions.push(new DataView(vs.buffer, vs.byteOffset + 1 + 4 * i, 4).getUint32(0, true));
for (const v of versions.filter((x) => x >= 15)) {
  const hex = await rpc('state_call', ['Metadata_metadata_at_version', u32le(v)]);
  if (hex === '0x00') continue; // None
  const file = v === 0xffffffff ? `${name}-unstable.hex` : `${name}-v${v}.hex`;
  writeFileSync(`${outDir}/${file}`, hex);
  wrote.push(v === 0xffffffff ? 'unstable (u32::MAX)' : `V${v}`);
}
console.log(`md_devnode_metadata: ${name}: versions [${versions.map((v) => (v === 0xffffffff ? 'u32::MAX' : v)).join(', ')}], wrote ${wrote.join(', ')}`);
