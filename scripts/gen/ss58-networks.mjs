// Generates src/keys/ss58_networks.inc: the SS58 network table compiled into
// libwetee, one row per entry of @polkadot/networks' `allNetworks` (which is
// @substrate/ss58-registry, i.e. paritytech/ss58-registry's
// ss58-registry.json, expanded), in registry order.
//
//   cd scripts/gen && npm ci && node ss58-networks.mjs
//
// Each row is { prefix, network, displayName, first symbol or "", first
// decimals or 0 }. All registry entries are kept, including the reserved
// prefixes 46/47 and prefixes above 16383 (mythos = 29972), which the
// encoder rejects; `availableNetworks` (polkadot-js' UI subset, sorted by
// display name) is deliberately not used.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { allNetworks } from '@polkadot/networks';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const target = join(root, 'src', 'keys', 'ss58_networks.inc');
const pkgVersion = (name) =>
  JSON.parse(readFileSync(join(here, 'node_modules', ...name.split('/'), 'package.json'), 'utf8')).version;
const networksVersion = pkgVersion('@polkadot/networks');
const registryVersion = pkgVersion('@substrate/ss58-registry');

function fail(msg) {
  console.error(`ss58-networks: ${msg}`);
  process.exit(1);
}

// C string literal: printable ASCII as is (with \" \\ \? escaped: '?' because
// ISO C modes still translate trigraphs), every other byte of the UTF-8
// encoding as a three-digit octal escape (octal escapes stop after three
// digits, unlike \x).
function cstr(s) {
  let out = '"';
  for (const b of Buffer.from(s, 'utf8')) {
    if (b === 0x22 || b === 0x5c || b === 0x3f) out += '\\' + String.fromCharCode(b);
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += '\\' + b.toString(8).padStart(3, '0');
  }
  return out + '"';
}

const names = new Set();
const rows = allNetworks.map((n, i) => {
  if (!Number.isInteger(n.prefix) || n.prefix < 0 || n.prefix > 65535) fail(`entry ${i}: prefix ${n.prefix}`);
  if (typeof n.network !== 'string' || !n.network) fail(`entry ${i}: no network name`);
  if (names.has(n.network)) fail(`entry ${i}: duplicate network ${n.network}`);
  names.add(n.network);
  const symbol = n.symbols?.length ? n.symbols[0] : '';
  const decimals = n.decimals?.length ? n.decimals[0] : 0;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 255) fail(`entry ${i}: decimals ${decimals}`);
  return `{ ${n.prefix}, ${cstr(n.network)}, ${cstr(n.displayName ?? '')}, ${cstr(symbol)}, ${decimals} },`;
});

const lines = [];
lines.push('/* GENERATED FILE - do not edit.');
lines.push(` * SS58 network registry: ${rows.length} entries of allNetworks from npm @polkadot/networks@${networksVersion}`);
lines.push(` * (built from @substrate/ss58-registry@${registryVersion}), in registry order (not sorted by prefix),`);
lines.push(' * written by scripts/gen/ss58-networks.mjs.');
lines.push(' * Row: { prefix, network, displayName, first symbol or "", first decimals or 0 }.');
lines.push(' * Includes the reserved prefixes 46/47 and prefixes above 16383 (not encodable).');
lines.push(' * Regenerate: cd scripts/gen && npm ci && node ss58-networks.mjs');
lines.push(' * Included by src/keys/ss58.c inside an array initialiser. */');
lines.push(...rows);
writeFileSync(target, lines.join('\n') + '\n');
console.log(`wrote ${relative(root, target)}: ${rows.length} networks from @polkadot/networks@${networksVersion} ` +
  `(@substrate/ss58-registry@${registryVersion})`);
