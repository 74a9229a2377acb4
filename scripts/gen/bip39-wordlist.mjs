// Generates src/keys/bip39_english.inc: the BIP-39 English wordlist as the
// body of a C array initialiser, taken from the pinned @scure/bip39 package.
//
//   cd scripts/gen && npm ci && node bip39-wordlist.mjs
//
// The list is checked before anything is written: 2048 distinct words of
// 3..8 lower-case ASCII letters in strictly ascending byte order (the C
// lookup is a binary search), and the SHA-256 of the words joined by "\n"
// plus a final "\n" equals that of bitcoin/bips bip-0039/english.txt.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { wordlist } from '@scure/bip39/wordlists/english.js';

const ENGLISH_TXT_SHA256 = '2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const target = join(root, 'src', 'keys', 'bip39_english.inc');
// The package does not export its package.json; read it from node_modules.
const pkg = JSON.parse(readFileSync(join(here, 'node_modules', '@scure', 'bip39', 'package.json'), 'utf8'));

function fail(msg) {
  console.error(`bip39-wordlist: ${msg}`);
  process.exit(1);
}

if (wordlist.length !== 2048) fail(`expected 2048 words, got ${wordlist.length}`);
wordlist.forEach((w, i) => {
  if (!/^[a-z]{3,8}$/.test(w)) fail(`word ${i} ${JSON.stringify(w)} is not 3..8 lower-case ASCII letters`);
  if (i > 0 && !(wordlist[i - 1] < w)) fail(`words ${i - 1} and ${i} are not in strictly ascending order`);
});
const digest = createHash('sha256').update(wordlist.join('\n') + '\n').digest('hex');
if (digest !== ENGLISH_TXT_SHA256) fail(`SHA-256 of the list is ${digest}, expected ${ENGLISH_TXT_SHA256}`);

const lines = [];
lines.push('/* GENERATED FILE - do not edit.');
lines.push(` * BIP-39 English wordlist (2048 words) from npm ${pkg.name}@${pkg.version}`);
lines.push(' * (wordlists/english.js), written by scripts/gen/bip39-wordlist.mjs.');
lines.push(` * SHA-256 of the words joined by "\\n" plus a final "\\n": ${digest}`);
lines.push(' * (identical to bitcoin/bips bip-0039/english.txt).');
lines.push(' * Regenerate: cd scripts/gen && npm ci && node bip39-wordlist.mjs');
lines.push(' * Included by src/keys/mnemonic.c inside an array initialiser; the words are');
lines.push(' * in strictly ascending byte order (binary search relies on it). */');
for (let i = 0; i < wordlist.length; i += 8) {
  lines.push(wordlist.slice(i, i + 8).map((w) => `"${w}",`).join(' '));
}
writeFileSync(target, lines.join('\n') + '\n');
console.log(`wrote ${relative(root, target)}: ${wordlist.length} words from ${pkg.name}@${pkg.version}`);
