#!/usr/bin/env node
// Turns a chain spec whose genesis is "runtimeGenesis" ({code, patch | config
// | presetName}) into the raw form Chopsticks loads, with the runtime's own
// GenesisBuilder API run in Chopsticks' WASM executor (no Substrate node):
// the base configuration (config, or the preset: GenesisBuilder_get_preset),
// the patch merged in as sc-chain-spec merges it (objects key by key, any
// other value replaces), GenesisBuilder_build_state, then its storage plus
// ":code" as genesis.raw.top.
//
//   node to_raw.mjs IN.json OUT.json
//
// Integers of 16 digits and more (u128 balances) are kept exact: they are
// quoted before JSON.parse and unquoted when written.

import { destroyWorker, runTask } from '@acala-network/chopsticks-core';
import { compactFromU8a, compactToU8a, hexToU8a, stringToU8a, u8aConcat, u8aToHex, u8aToString } from '@polkadot/util';
import { readFileSync, writeFileSync } from 'node:fs';

const BIG_INT = /([:[,]\s*)(-?\d{16,})(?=\s*[,\]}])/g;
const parseExact = (text) => JSON.parse(text.replace(BIG_INT, '$1"#int#$2"'));
const stringifyExact = (v) => JSON.stringify(v).replace(/"#int#(-?\d+)"/g, '$1');

// SCALE Vec<u8> as hex
const vecU8 = (u8) => u8aToHex(u8aConcat(compactToU8a(u8.length), u8));

// Option<Vec<u8>> holding JSON text -> the value (null for None)
function optionJson(hex) {
  const u8 = hexToU8a(hex);
  if (u8[0] === 0) return null;
  const [off, len] = compactFromU8a(u8.subarray(1));
  return parseExact(u8aToString(u8.subarray(1 + off, 1 + off + len.toNumber())));
}

function mergePatch(base, patch) {
  const isObj = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);
  if (!isObj(base) || !isObj(patch)) return patch;
  for (const [k, v] of Object.entries(patch)) base[k] = mergePatch(base[k], v);
  return base;
}

async function main() {
  const [inPath, outPath] = process.argv.slice(2);
  if (!inPath || !outPath) throw new Error('usage: to_raw.mjs IN.json OUT.json');
  const spec = parseExact(readFileSync(inPath, 'utf8'));
  const rg = spec.genesis?.runtimeGenesis;
  if (!rg) throw new Error(`${inPath}: genesis is not runtimeGenesis`);
  const wasm = rg.code;
  // the runtime calls made here read no storage and need no offchain world
  const host = {
    getStorage: async () => undefined,
    getNextKey: async () => undefined,
    offchainGetStorage: async () => undefined,
    offchainTimestamp: async () => Date.now(),
    offchainRandomSeed: async () => `0x${'00'.repeat(32)}`,
    offchainSubmitTransaction: async () => false,
  };
  const call = async (method, arg) => {
    const r = await runTask({ wasm, calls: [[method, [arg]]], mockSignatureHost: false, allowUnresolvedImports: false, runtimeLogLevel: 0 }, host);
    if ('Error' in r) throw new Error(`${method}: ${r.Error}`);
    return r.Call;
  };
  let config = rg.config;
  if (!config) {
    config = optionJson((await call('GenesisBuilder_get_preset', '0x00')).result) ?? {};
    const patch = rg.presetName
      ? optionJson((await call('GenesisBuilder_get_preset', u8aToHex(u8aConcat([1], hexToU8a(vecU8(stringToU8a(rg.presetName))))))).result)
      : rg.patch;
    if (patch) config = mergePatch(config, patch);
  }
  const built = await call('GenesisBuilder_build_state', vecU8(stringToU8a(stringifyExact(config))));
  if (built.result !== '0x00') throw new Error(`GenesisBuilder_build_state failed: ${built.result}`);
  const top = {};
  for (const [k, v] of built.storageDiff) if (v !== null && v !== undefined) top[k] = v;
  top['0x3a636f6465'] = wasm; // ":code": the node adds it, build_state does not
  const sorted = Object.fromEntries(Object.keys(top).sort().map((k) => [k, top[k]]));
  writeFileSync(outPath, stringifyExact({ ...spec, genesis: { raw: { top: sorted, childrenDefault: {} } } }));
  console.log(`to_raw: ${Object.keys(sorted).length} keys written to ${outPath}`);
}

try {
  await main();
} finally {
  await destroyWorker();
}
