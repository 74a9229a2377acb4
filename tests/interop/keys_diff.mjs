#!/usr/bin/env node
// Differential test of libwetee's keys module against @polkadot/util-crypto
// and @polkadot/keyring: the JavaScript side. Pairs with keys_vectors.c (the
// libwetee side); run.sh drives both.
//
//   node keys_diff.mjs gen-derive SEED COUNT  derivation cases for COUNT random
//                                            mnemonics (mnemonicGenerate, 12 and
//                                            24 words, some 15/18/21) plus fixed
//                                            edge cases, for `keys_vectors derive`
//   node keys_diff.mjs check-derive FILE      compare `keys_vectors derive` output
//                                            with Keyring.createFromUri
//   node keys_diff.mjs gen-sign SEED COUNT    COUNT sign requests per scheme for
//                                            `keys_vectors sign`
//   node keys_diff.mjs check-sign FILE        verify libwetee's signatures with
//                                            polkadot.js (and tampered copies)
//   node keys_diff.mjs gen-verify SEED COUNT  COUNT signatures per scheme made by
//                                            polkadot.js, with tampered negatives,
//                                            for `keys_vectors verify`
//   node keys_diff.mjs gen-keystore SEED DIR  keystore files written by polkadot.js
//                                            into DIR; prints the manifest for
//                                            `keys_vectors import`
//   node keys_diff.mjs gen-export SEED        export requests for `keys_vectors export`
//   node keys_diff.mjs check-keystore FILE    import libwetee's keystore files
//                                            (the `keys_vectors export` manifest)
//                                            with Keyring.createFromJson
//
// File formats: see keys_vectors.c. Derivation cases are
//   scheme TAB suri TAB expectation TAB category
// where the expectation says what libwetee must produce:
//   same       what Keyring.createFromUri(suri) gives
//   alt:SURI   what createFromUri(SURI) gives: a documented difference where
//              libwetee follows sp-core and SURI spells the sp-core meaning in
//              polkadot.js terms (e.g. a "0x…" junction holding the SCALE
//              string sp-core hashes, or the DEV phrase made explicit)
//   error      libwetee must reject the SURI (polkadot.js may reject it too,
//              or accept it: a documented difference)
// The checkers print failures, a summary of the documented differences
// (whether polkadot.js really differs on each), end with "N passed, M failed"
// and exit non-zero on any failure.
//
// Randomness: messages, junctions and passwords come from a PRNG seeded by
// SEED; mnemonics come from mnemonicGenerate (the OS RNG), so a failing run is
// reproduced from its kept files, not from the seed alone.

import { Rng } from './rng.mjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import {
  compactAddLength, hexToU8a, stringToU8a, u8aConcat, u8aEq, u8aToHex
} from '@polkadot/util';
import {
  blake2AsU8a, cryptoWaitReady, ed25519Verify, encodeAddress, hdEthereum, jsonEncryptFormat, keccakAsU8a,
  keyExtractSuri, mnemonicGenerate, mnemonicToLegacySeed, mnemonicToMiniSecret, naclEncrypt, randomAsU8a, scryptEncode, scryptFromU8a, scryptToU8a,
  secp256k1Expand, secp256k1Recover, secp256k1Verify, signatureVerify, sr25519Verify
} from '@polkadot/util-crypto';

await cryptoWaitReady();

const SCHEMES = ['sr25519', 'ed25519', 'ecdsa', 'ethereum'];
const PREFIXES = [0, 2, 42, 1284];
const DEV = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
// keystore plaintext: header(16) ‖ secret ‖ divider(5) ‖ public (keys.md §6.5)
const PAIR_HDR_HEX = '0x3053020101300506032b657004220420';
const PAIR_DIV_HEX = '0xa123032100';
const PAIR_HDR_LEN = 16;
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });

// ---------------------------------------------------------------------------
// Helpers

function hex(u8a) { return u8aToHex(u8a).slice(2); }
function unhex(s) { return s === '' ? new Uint8Array() : hexToU8a(`0x${s}`); }
function utf8Hex(s) { return hex(stringToU8a(s)); }

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
// Junction characters: anything but '/', here printable ASCII, spaces and some
// NFC-stable non-ASCII (polkadot.js normalises the SURI to NFC, sp-core does not).
const JUNCTION_CHARS = [...ALNUM, ...' .,-_+=:;!?@#$%^&*()[]{}<>~|\'"', 'é', 'ß', 'Ж', 'λ', '中', '🔑'];
const PASSWORD_CHARS = [...JUNCTION_CHARS, '/'];

function randomWord(rng) {
  return rng.pick(['Alice', 'Bob', 'polkadot', 'kusama', 'stash', 'DOT', rng.text(rng.range(1, 12), ALNUM)]);
}

// A junction text that is not purely decimal (sp-core and polkadot.js both read it as a string).
function randomJunctionText(rng, minLen, maxLen) {
  for (;;) {
    const s = rng.text(rng.range(minLen, maxLen), JUNCTION_CHARS);
    if (!/^\d+$/.test(s) && !/^\+\d+$/.test(s) && !/^0x/i.test(s)) return s;
  }
}

// A path of many junctions (hard only when `hardOnly`).
function longPath(rng, hardOnly) {
  let p = '';
  for (let n = rng.range(8, 30); n > 0; n--) {
    p += hardOnly || rng.chance(0.5) ? '//' : '/';
    p += rng.chance(0.5) ? `${rng.u32()}` : randomJunctionText(rng, 1, 10);
  }
  return p;
}

function randomPassword(rng) {
  return rng.pick([
    () => 'password',
    () => rng.text(rng.range(1, 24), ALNUM),
    () => rng.text(rng.range(1, 40), PASSWORD_CHARS),
    () => 'pässwörd 🔑',
    () => 'with/slashes//in//it'
  ])();
}

// The "0x…" junction that gives, in polkadot.js, the chain code sp-core gives
// to the string junction `text` (SCALE string, blake2 above 32 bytes).
function spcoreStringJunction(text) {
  return `0x${hex(compactAddLength(stringToU8a(text)))}`;
}

const U64_MAX = (1n << 64n) - 1n;

// Everything a keypair is compared on: public key, account id, addresses.
// 'ethereum-ignore' and 'ethereum-passphrase' are Ethereum SURIs derived by
// libwetee with that wetee_eth_password option: the first is polkadot.js
// itself, the second the ///password as the BIP-39 passphrase
// (substrate-interface's rule), built here from polkadot.js' own primitives.
function jsPair(scheme, suri) {
  if (scheme === 'ethereum-ignore') return keyring.createFromUri(suri, {}, 'ethereum');
  if (scheme === 'ethereum-passphrase') {
    const { phrase, password, derivePath } = keyExtractSuri(suri);
    const seed = mnemonicToLegacySeed(phrase, password ?? '', false, 64);
    return keyring.createFromPair(hdEthereum(seed, derivePath.substring(1)), {}, 'ethereum');
  }
  return keyring.createFromUri(suri, {}, scheme);
}

function jsKeyInfo(scheme, suri) {
  const pair = jsPair(scheme, suri);
  scheme = scheme.startsWith('ethereum') ? 'ethereum' : scheme;
  const raw = pair.addressRaw; // account id (ecdsa: blake2 of the key; ethereum: 20 bytes)
  const addresses = scheme === 'ethereum'
    ? [pair.address]
    : PREFIXES.map((p) => encodeAddress(raw, p));
  return { pair, pub: hex(pair.publicKey), account: hex(raw), addresses };
}

function tryJs(scheme, suri) {
  try {
    return jsKeyInfo(scheme, suri);
  } catch (e) {
    return { error: e.message };
  }
}

function describe(r) {
  return r.error !== undefined ? `error (${r.error})` : `public ${r.pub}`;
}

function readLines(file) {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
}

// Pass/fail bookkeeping.
const MAX_SHOWN = 10;
let passed = 0;
let failed = 0;
function fail(msg) {
  failed++;
  if (failed <= MAX_SHOWN) console.log(`FAIL ${msg}`);
}
function finish() {
  if (failed > MAX_SHOWN) console.log(`... ${failed - MAX_SHOWN} more failures not shown`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0;
}

// ---------------------------------------------------------------------------
// Derivation cases

// Path sets. For ed25519/ecdsa only hard junctions are valid (soft is an error
// in sp-core and polkadot.js alike). Each entry: [path, expectation, category];
// an expectation 'alt' is completed by the caller with phrase + altPath.
function sr25519Paths(rng, i) {
  const paths = [
    ['', 'same', 'root'],
    [i % 2 ? `//${randomWord(rng)}` : '//Alice', 'same', 'hard'],
    [i % 2 ? `//${rng.u32()}` : '//0', 'same', 'hard numeric'],
    [i % 2 ? `/${randomWord(rng)}` : '/foo', 'same', 'soft'],
    [i % 2 ? `/${rng.big(64)}` : '/1', 'same', 'soft numeric'],
    [rng.pick(['//42/69', '//foo/bar//42/69', `/${randomWord(rng)}//${rng.big(64)}/${randomWord(rng)}`, '/foo//bar']),
      'same', 'mixed hard/soft'],
    [rng.pick([`//${randomJunctionText(rng, 33, 90)}`, `/${randomJunctionText(rng, 33, 90)}`,
      `//${rng.text(31, ALNUM)}`, `/${rng.text(32, ALNUM)}`, `//${rng.text(rng.range(33, 200), ALNUM)}`]),
      'same', 'long junction (blake2 above 32 bytes)'],
    [rng.pick([`///${randomPassword(rng)}`, `//Alice///${randomPassword(rng)}`,
      `/${randomWord(rng)}//${rng.u32()}///${randomPassword(rng)}`, '///']), 'same', 'password'],
    [`${rng.pick(['//', '/'])}${randomJunctionText(rng, 1, 20)}`, 'same', 'random junction text'],
    [rng.pick(['//18446744073709551615', `//${rng.big(64)}`, '//007', `/${U64_MAX}`, `//${'0'.repeat(30)}42`]),
      'same', 'numeric up to 2^64-1'],
    [longPath(rng, false), 'same', 'many junctions']
  ];
  paths.push(bigNumericJunction(rng, rng.pick(['//', '/']), i));
  return paths;
}

function hardOnlyPaths(rng, i) {
  const paths = [
    ['', 'same', 'root'],
    [i % 2 ? `//${randomWord(rng)}` : '//Alice', 'same', 'hard'],
    [i % 2 ? `//${rng.big(64)}` : '//0', 'same', 'hard numeric'],
    [rng.pick(['//42//69', `//${randomWord(rng)}//${rng.u32()}`]), 'same', 'hard chain'],
    [rng.pick([`//${randomJunctionText(rng, 33, 90)}`, `//${rng.text(31, ALNUM)}`, `//${rng.text(32, ALNUM)}`]),
      'same', 'long junction (blake2 above 32 bytes)'],
    [rng.pick([`///${randomPassword(rng)}`, `//Alice///${randomPassword(rng)}`]), 'same', 'password']
  ];
  if (i % 3 === 0) paths.push(bigNumericJunction(rng, '//', i));
  if (i % 4 === 2) paths.push([longPath(rng, true), 'same', 'many junctions']);
  if (i % 4 === 1) {
    paths.push([rng.pick(['/foo', '/1', '//Alice/0', '/foo//bar']), 'error', 'soft junction (error in both)']);
  }
  return paths;
}

// A numeric junction of 2^64 or more: sp-core reads it as a string (SCALE
// string chain code), polkadot.js as a 256-bit number.
function bigNumericJunction(rng, sep, i) {
  const n = rng.pick([1n << 64n, (1n << 64n) + rng.big(32), rng.big(128) | (1n << 100n), 1n << 256n,
    rng.big(300) | (1n << 299n)]);
  const text = i % 7 === 3 ? `0${n}` : `${n}`;
  return [`${sep}${text}`, `alt:${sep}${spcoreStringJunction(text)}`, 'numeric junction >= 2^64 [difference]'];
}

const ETH_PW = 'ethereum: ///password refused by default (polkadot.js ignores it, substrate-interface makes it ' +
  'the BIP-39 passphrase) [difference]';

function ethereumPaths(rng, i) {
  const paths = [
    ['', 'same', 'ethereum: no path = BIP-32 master key'],
    ["/m/44'/60'/0'/0/0", 'same', 'ethereum: BIP-44 account 0'],
    [i % 2 ? `/m/44'/60'/0'/0/${rng.below(2 ** 31)}` : "/m/44'/60'/0'/0/7", 'same', 'ethereum: BIP-44 index']
  ];
  paths.push(rng.pick([
    [`///${randomPassword(rng)}`, 'error', ETH_PW],
    [`/m/44'/60'/0'/0/0///${randomPassword(rng)}`, 'error', ETH_PW],
    [`/m/44'/60'/${rng.below(2 ** 31)}'/0/${rng.below(2 ** 31)}`, 'same', 'ethereum: other account'],
    ['/m/0/1', 'same', 'ethereum: non-hardened path'],
    ["/m/2147483647'/2147483647", 'same', 'ethereum: largest indices'],
    ['/m', 'same', 'ethereum: "m" = master key']
  ]));
  return paths;
}

function toCanonical(edForm64) {
  // ed25519 form (8·key) -> canonical key: shift the 256-bit LE integer right by 3
  let v = 0n;
  for (let i = 31; i >= 0; i--) v = (v << 8n) | BigInt(edForm64[i]);
  v >>= 3n;
  const out = new Uint8Array(64);
  for (let i = 0; i < 32; i++) { out[i] = Number(v & 0xffn); v >>= 8n; }
  out.set(edForm64.subarray(32, 64), 32);
  return out;
}

function secretOf(pair) {
  // encodePkcs8 without a passphrase returns the plain PKCS#8-like body
  const plain = pair.encodePkcs8();
  const len = plain.length === 117 ? 64 : 32;
  return plain.subarray(PAIR_HDR_LEN, PAIR_HDR_LEN + len);
}

function genDerive(seed, count) {
  const rng = new Rng(seed, 'derive');
  const out = [];
  const add = (scheme, suri, expect, category) => {
    if (/[\t\n\r]/.test(suri) || /[\t\n\r]/.test(expect)) throw new Error(`bad case ${suri}`);
    out.push(`${scheme}\t${suri}\t${expect}\t${category}`);
  };

  // Fixed cases: keys.md §7.2 vectors and the documented differences.
  add('sr25519', DEV, 'same', 'DEV phrase');
  add('sr25519', '//Alice', 'same', 'no phrase, starts with //');
  add('sr25519', '///password', 'same', 'no phrase, password only');
  for (const s of ['ed25519', 'ecdsa']) add(s, '//Alice', 'same', 'no phrase, starts with //');
  add('ethereum', `${DEV}/m/44'/60'/0'/0/0`, 'same', 'ethereum: Alith');
  add('ethereum', `seed sock milk update focus rotate barely fade car face mechanic mercy/m/44'/60'/0'/0/0`, 'same',
    'ethereum: keys.md vector');
  const noPhrase = 'no phrase, not starting with // (DEV phrase in sp-core) [difference]';
  add('sr25519', '/foo', `alt:${DEV}/foo`, noPhrase);
  add('sr25519', '/1//Alice///pw', `alt:${DEV}/1//Alice///pw`, noPhrase);
  add('sr25519', '', `alt:${DEV}`, noPhrase);
  add('ed25519', '', `alt:${DEV}`, noPhrase);
  add('ecdsa', '', `alt:${DEV}`, noPhrase);
  add('ethereum', '', `alt:${DEV}`, noPhrase);
  add('ethereum', "/m/44'/60'/0'/0/0", `alt:${DEV}/m/44'/60'/0'/0/0`, noPhrase);
  add('ethereum', '///pw', 'error', ETH_PW);
  add('ethereum-ignore', '///pw', 'same', 'no phrase, password only');
  add('ethereum', '///', 'same', 'ethereum: empty password (the same in every convention)');
  const legacy = 'non-mnemonic phrase (polkadot.js pads it into a seed) [difference]';
  for (const s of ['sr25519', 'ed25519', 'ecdsa']) {
    add(s, 'hello', 'error', legacy);
    add(s, 'hello world//Alice', 'error', legacy);
    add(s, 'Alice', 'error', legacy);
    add(s, '0x1234', 'error', legacy);
    add(s, `0x${'ab'.repeat(31)}`, 'error', 'hex seed of 31 bytes (error in both)');
    add(s, `0X${'ab'.repeat(32)}`, 'error', 'hex seed with "0X" (error in both)');
  }
  add('ethereum', 'hello', 'error', legacy);
  add('ethereum', 'hello/m/44\'/60\'/0\'/0/0', 'error', legacy);
  add('sr25519', 'héllo', 'error', 'non-ASCII phrase (error in both)');
  add('sr25519', DEV.replace('bottom', 'Bottom'), 'error', 'upper-case mnemonic word (error in both)');
  add('sr25519', DEV.replace('walk', 'wall'), 'error', 'mnemonic checksum (error in both)');
  add('sr25519', DEV.split(' ').slice(0, 11).join(' '), 'error', 'mnemonic of 11 words (error in both)');
  add('sr25519', `${DEV}//-1`, 'same', 'signed-looking junction (a string in both)');
  add('sr25519', `${DEV}/-0`, 'same', 'signed-looking junction (a string in both)');
  add('sr25519', `${DEV}//`, 'error', 'empty junction (error in both)');
  add('sr25519', `${DEV}/foo/`, 'error', 'empty junction (error in both)');
  const spaces = 'extra spaces in the phrase (sp-core splits on whitespace) [difference]';
  add('sr25519', `${DEV.replace(' ', '  ')}//Alice`, `alt:${DEV}//Alice`, spaces);
  add('sr25519', `${DEV} //Alice`, `alt:${DEV}//Alice`, spaces);
  add('sr25519', ` ${DEV}`, `alt:${DEV}`, spaces);
  const plus = 'numeric junction with "+" (a number in sp-core) [difference]';
  add('sr25519', `${DEV}//+5`, `alt:${DEV}//5`, plus);
  add('ed25519', `${DEV}//+5`, `alt:${DEV}//5`, plus);
  const hexJ = '"0x" junction (a string in sp-core, bytes in polkadot.js) [difference]';
  add('sr25519', `${DEV}//0x1234`, `alt:${DEV}//${spcoreStringJunction('0x1234')}`, hexJ);
  add('sr25519', `${DEV}/0xdeadbeef`, `alt:${DEV}/${spcoreStringJunction('0xdeadbeef')}`, hexJ);
  add('ecdsa', `${DEV}//0x1234`, `alt:${DEV}//${spcoreStringJunction('0x1234')}`, hexJ);
  // The sp-core meaning of non-NFC text: raw UTF-8 (polkadot.js normalises the SURI to NFC first).
  const nfc = 'non-NFC junction (polkadot.js normalises the SURI to NFC) [difference]';
  add('sr25519', `${DEV}//e\u0301`, `alt:${DEV}//${spcoreStringJunction('e\u0301')}`, nfc);
  add('ed25519', `${DEV}//Ame\u0301lie`, `alt:${DEV}//${spcoreStringJunction('Ame\u0301lie')}`, nfc);
  add('ecdsa', `${DEV}//Ame\u0301lie`, `alt:${DEV}//${spcoreStringJunction('Ame\u0301lie')}`, nfc);
  // ethereum
  add('ethereum', `${DEV}//Alice`, 'error', 'ethereum: Substrate junction (error in both)');
  add('ethereum', `${DEV}/m/44'/60'/0'/0/2147483648`, 'error', 'ethereum: index >= 2^31 (error in both)');
  add('ethereum', `${DEV}/m/44'/60'/0'/0/`, 'error', 'ethereum: empty index (error in both)');
  add('ethereum', `${DEV}/44'/60'`, 'error', 'ethereum: path without m (error in both)');
  for (const s of ['ecdsa', 'ethereum']) {
    add(s, `0x${'ff'.repeat(32)}`, 'error', 'secp256k1 secret >= n (error in both)');
    add(s, `0x${'00'.repeat(32)}`, 'error', 'secp256k1 secret 0 (error in both)');
  }
  add('ethereum', '0x5fb92d6e98884f76de468fa3f6278f8807c48bebc13595d45af5bdc4da702133///pw', 'error', ETH_PW);
  add('ethereum-ignore', '0x5fb92d6e98884f76de468fa3f6278f8807c48bebc13595d45af5bdc4da702133///pw', 'same',
    'ethereum: password ignored (WETEE_ETH_PASSWORD_IGNORE)');
  add('ethereum', `0x${'11'.repeat(32)}/m/44'/60'/0'/0/0`, 'error',
    'ethereum: path after a private key (polkadot.js ignores the path) [difference]');

  for (let i = 0; i < count; i++) {
    const words = i % 10 === 9 ? rng.pick([15, 18, 21]) : (i % 2 ? 24 : 12);
    const m = mnemonicGenerate(words);
    const withPhrase = (e) => (e.startsWith('alt:') ? `alt:${m}${e.slice(4)}` : e);
    for (const [p, e, c] of sr25519Paths(rng, i)) add('sr25519', m + p, withPhrase(e), c);
    for (const s of ['ed25519', 'ecdsa']) {
      for (const [p, e, c] of hardOnlyPaths(rng, i)) add(s, m + p, withPhrase(e), c);
    }
    for (const [p, e, c] of ethereumPaths(rng, i)) add('ethereum', m + p, e, c);
    if (i % 2 === 0) { // the explicit Ethereum password options
      // NFKD text: BIP-39 normalises the passphrase to NFKD (polkadot.js does), libwetee takes
      // the bytes as given (the caller normalises)
      const p = rng.pick(['', "/m/44'/60'/0'/0/0", `/m/44'/60'/0'/0/${rng.below(2 ** 31)}`]) +
        `///${randomPassword(rng).normalize('NFKD')}`;
      add('ethereum-ignore', m + p, 'same', 'ethereum: password with WETEE_ETH_PASSWORD_IGNORE (polkadot.js)');
      add('ethereum-passphrase', m + p, 'same',
        'ethereum: password with WETEE_ETH_PASSWORD_PASSPHRASE (BIP-39 passphrase)');
    }

    if (i % 5 === 0) { // raw seeds
      const seedHex = hex(rng.bytes(32));
      const sh = i % 10 === 0 ? seedHex : seedHex.toUpperCase();
      const srPath = rng.pick(['', '//Alice', '/1', `//${randomWord(rng)}/${rng.u32()}`]);
      add('sr25519', `0x${sh}${srPath}`, 'same', 'hex seed');
      add('sr25519', `0x${sh}${rng.pick(['', '//Alice'])}///${randomPassword(rng)}`, 'same',
        'hex seed (password ignored)');
      add('ed25519', `0x${sh}${rng.pick(['', '//Alice', `//${rng.u32()}`])}`, 'same', 'hex seed');
      add('ecdsa', `0x${sh}${rng.pick(['', '//Alice', `//${rng.u32()}`])}`, 'same', 'hex seed');
      add('ethereum', `0x${sh}`, 'same', 'ethereum: hex private key');
    }
    if (i % 20 === 7) { // sr25519 64-byte canonical secret: libwetee (and keys.md §4.1) accept it
      const pair = keyring.createFromUri(m, {}, 'sr25519');
      const canon = hex(toCanonical(secretOf(pair)));
      const p = rng.pick(['', '//Alice', '/foo', '//0/1']);
      add('sr25519', `0x${canon}${p}`, `alt:${m}${p}`,
        'sr25519 64-byte 0x secret (libwetee extension; sp-core and polkadot.js reject it) [difference]');
    }
    if (i % 25 === 11) { // runs of spaces
      add('sr25519', `${m.split(' ').join('   ')}//Alice`, `alt:${m}//Alice`, spaces);
      add('ed25519', `${m.replace(' ', '  ')}`, `alt:${m}`, spaces);
      add('ethereum', `${m.split(' ').join('  ')}/m/44'/60'/0'/0/0`, `alt:${m}/m/44'/60'/0'/0/0`, spaces);
    }
    if (i % 25 === 13) { // non-NFC password: sp-core uses the bytes as given
      const pw = `Ame\u0301lie ${rng.u32()}`;
      const mini = keyringMiniSecret(m, pw);
      add('sr25519', `${m}//Alice///${pw}`, `alt:0x${mini}//Alice`,
        'non-NFC password (polkadot.js normalises the SURI to NFC) [difference]');
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

// The substrate-bip39 mini secret of (phrase, password) with the password's
// bytes as given: mnemonicToMiniSecret (wasm substrate-bip39) does not
// normalise, only the SURI parser does.
function keyringMiniSecret(m, pw) {
  return hex(mnemonicToMiniSecret(m, pw));
}

function checkDerive(file) {
  const diffs = new Map(); // category -> { n, jsDiffers, jsSame, example }
  const cats = new Map();
  for (const line of readLines(file)) {
    const f = line.split('\t');
    const [scheme, suri, expect, category] = f;
    const res = f.slice(4);
    const where = `${scheme} "${suri}" (${category})`;
    const c = cats.get(category) ?? { n: 0, bad: 0 };
    cats.set(category, c);
    c.n++;
    const before = failed;
    const js = tryJs(scheme, suri);
    let want;
    if (expect === 'same') {
      want = js;
    } else if (expect.startsWith('alt:')) {
      want = tryJs(scheme, expect.slice(4));
    } else if (expect === 'error') {
      want = { error: 'libwetee must reject this SURI' };
    } else {
      throw new Error(`${file}: unknown expectation ${expect}`);
    }
    if (res[0] === 'err') {
      if (want.error === undefined) fail(`${where}: libwetee failed with ${res[1]}, expected ${describe(want)}`);
      else if (expect === 'same') fail(`${where}: polkadot.js fails (${want.error}) on a case marked same`);
      else passed++;
    } else if (res[0] === 'ok') {
      const [pub, account, ...addresses] = res.slice(1);
      if (want.error !== undefined) {
        fail(`${where}: libwetee accepted it (public ${pub}), expected an error; polkadot.js: ${describe(js)}`);
      } else if (pub !== want.pub) {
        fail(`${where}: public key ${pub}, expected ${want.pub}`);
      } else if (account !== want.account) {
        fail(`${where}: account id ${account}, expected ${want.account}`);
      } else if (addresses.join(' ') !== want.addresses.join(' ')) {
        fail(`${where}: addresses ${addresses.join(' ')}, expected ${want.addresses.join(' ')}`);
      } else {
        passed++;
      }
    } else {
      fail(`${where}: no libwetee result in line "${line}"`);
    }
    if (failed > before) c.bad++;
    if (category.includes('[difference]')) {
      const d = diffs.get(category) ?? { n: 0, jsDiffers: 0, jsSame: 0, example: null, exampleLen: Infinity };
      diffs.set(category, d);
      d.n++;
      if (js.error === undefined && res[0] === 'ok' && js.pub === res[1]) {
        d.jsSame++;
      } else {
        d.jsDiffers++;
        if (suri.length < d.exampleLen) { // the shortest SURI makes the example
          const c = res[0] === 'ok' ? `public ${res[1].slice(0, 16)}...` : `error ${res[1]}`;
          const j = js.error !== undefined ? `error (${js.error})` : `public ${js.pub.slice(0, 16)}...`;
          const shown = suri.length > 90 ? `${suri.slice(0, 87)}...` : suri;
          d.example = `${scheme} "${shown}": libwetee ${c}, polkadot.js ${j}`;
          d.exampleLen = suri.length;
        }
      }
    }
  }
  console.log('cases by category:');
  for (const [k, v] of [...cats].sort()) {
    console.log(`  ${String(v.n).padStart(5)}  ${k}${v.bad ? `  (${v.bad} FAILED)` : ''}`);
  }
  console.log('documented differences (libwetee follows sp-core; see docs/keys.md):');
  for (const [k, v] of [...diffs].sort()) {
    const stale = v.jsSame ? `, agrees on ${v.jsSame} (stale?)` : '';
    console.log(`  ${k}: ${v.n} cases, polkadot.js differs on ${v.jsDiffers}${stale}`);
    if (v.example) console.log(`    e.g. ${v.example}`);
  }
  return finish();
}

// ---------------------------------------------------------------------------
// Signatures

const MSG_FIXED = [new Uint8Array(), stringToU8a('this is a message'), stringToU8a('<Bytes>message to sign</Bytes>')];

function randomMessage(rng, i) {
  if (i < MSG_FIXED.length) return MSG_FIXED[i];
  return rng.bytes(rng.pick([1, 32, 255, 256, 257, 300, rng.range(0, 600)]));
}

// A random keypair SURI for signing tests.
function signSuri(rng, scheme) {
  const m = mnemonicGenerate(rng.pick([12, 24]));
  if (scheme === 'ethereum') return m + rng.pick(['', "/m/44'/60'/0'/0/0", `/m/44'/60'/0'/0/${rng.below(1000)}`]);
  if (scheme === 'sr25519') return m + rng.pick(['', '//Alice', '/soft', `//hard/${rng.u32()}`, '///pw']);
  return m + rng.pick(['', '//Alice', `//${rng.u32()}`, '///pw']);
}

// Scheme-specific verification in polkadot.js (no wrapping, no auto-detection).
function jsVerify(scheme, msg, sig, pub) {
  try {
    switch (scheme) {
      case 'sr25519': return sr25519Verify(msg, sig, pub);
      case 'ed25519': return ed25519Verify(msg, sig, pub);
      case 'ecdsa': return secp256k1Verify(msg, sig, pub, 'blake2');
      case 'ethereum': return secp256k1Verify(msg, sig, ethAddress(pub), 'keccak');
      default: throw new Error(scheme);
    }
  } catch {
    return false;
  }
}

function ethAddress(pub33) { return keccakAsU8a(secp256k1Expand(pub33)).slice(-20); }

const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

function highS(sig) {
  const s = BigInt(u8aToHex(sig.subarray(32, 64)));
  const out = sig.slice();
  out.set(hexToU8a(`0x${(SECP256K1_N - s).toString(16).padStart(64, '0')}`), 32);
  out[64] ^= 1;
  return out;
}

const ED25519_L = (1n << 252n) + 27742317777372353535851937790883648493n;

function nonCanonicalS(sig, marked) {
  const out = sig.slice();
  let s = 0n;
  for (let k = 63; k >= 32; k--) s = (s << 8n) | BigInt(k === 63 && marked ? sig[k] & 0x7f : sig[k]);
  s += ED25519_L;
  for (let k = 32; k < 64; k++) { out[k] = Number(s & 0xffn); s >>= 8n; }
  if (marked) out[63] |= 0x80;
  return out;
}

function flipBit(u8a, rng) {
  const c = u8a.slice();
  const bit = rng.below(c.length * 8);
  c[bit >> 3] ^= 1 << (bit & 7);
  return c;
}

function genSign(seed, count) {
  const rng = new Rng(seed, 'sign');
  const out = [];
  for (const scheme of SCHEMES) {
    for (let i = 0; i < count; i++) out.push(`${scheme}\t${signSuri(rng, scheme)}\t${hex(randomMessage(rng, i))}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

// One line of `keys_vectors sign` output; returns what is wrong, or null.
function checkSignature(rng, stats, scheme, suri, msg, pub, sig) {
  const pair = keyring.createFromUri(suri, {}, scheme);
  const expLen = scheme === 'ecdsa' || scheme === 'ethereum' ? 65 : 64;
  if (sig.length !== expLen) return `signature of ${sig.length} bytes`;
  if (!u8aEq(pub, pair.publicKey)) return `libwetee public ${hex(pub)}, polkadot.js ${hex(pair.publicKey)}`;
  // 1. scheme-specific verification
  if (!jsVerify(scheme, msg, sig, pub)) return `polkadot.js rejects libwetee's signature ${hex(sig)}`;
  // 2. pair.verify and the auto-detecting signatureVerify accept it too, as the right scheme
  const sv = signatureVerify(msg, sig, scheme === 'ethereum' ? ethAddress(pub) : pub);
  if (!pair.verify(msg, sig, pub) || !sv.isValid || sv.crypto !== scheme) {
    return `pair.verify/signatureVerify reject it (crypto ${sv.crypto})`;
  }
  // 3. deterministic schemes: identical bytes
  if (scheme !== 'sr25519') {
    const js = pair.sign(msg);
    if (!u8aEq(js, sig)) return `libwetee ${hex(sig)}, polkadot.js ${hex(js)} (both deterministic)`;
  }
  // 4. the prehash convention: ecdsa blake2b-256, ethereum keccak-256 (and not the other one)
  if (scheme === 'ecdsa' || scheme === 'ethereum') {
    const [mine, other] = scheme === 'ecdsa' ? ['blake2', 'keccak'] : ['keccak', 'blake2'];
    const digest = (kind) => (kind === 'blake2' ? blake2AsU8a(msg, 256) : keccakAsU8a(msg, 256));
    const recovers = (kind) => {
      try { return u8aEq(secp256k1Recover(digest(kind), sig, sig[64], 'blake2'), pub); } catch { return false; }
    };
    if (!recovers(mine)) return `public key not recovered from the ${mine} prehash`;
    if (recovers(other)) return `public key recovered from the ${other} prehash too`;
    stats.prehash[scheme]++;
  }
  // 5. tampered copies must fail
  const tampered = u8aConcat(flipBit(sig.subarray(0, 64), rng), sig.subarray(64));
  if (jsVerify(scheme, msg, tampered, pub)) return 'polkadot.js accepts the signature with a flipped bit';
  const badMsg = msg.length ? flipBit(msg, rng) : new Uint8Array([0]);
  if (jsVerify(scheme, badMsg, sig, pub)) return 'polkadot.js accepts the signature for another message';
  return null;
}

function checkSign(file) {
  const rng = new Rng('check-sign', 'tamper');
  const stats = { lines: Object.fromEntries(SCHEMES.map((s) => [s, 0])), prehash: { ecdsa: 0, ethereum: 0 } };
  for (const line of readLines(file)) {
    const [scheme, suri, msgHex, status, pubHex, sigHex] = line.split('\t');
    const where = `${scheme} "${suri}" msg ${msgHex.length / 2} bytes`;
    stats.lines[scheme]++;
    const err = status === 'ok'
      ? checkSignature(rng, stats, scheme, suri, unhex(msgHex), unhex(pubHex), unhex(sigHex))
      : `libwetee could not sign (${pubHex})`;
    if (err) fail(`${where}: ${err}`);
    else passed++;
  }
  console.log(`libwetee signatures checked: ${SCHEMES.map((s) => `${s} ${stats.lines[s]}`).join(', ')}`);
  console.log(`prehash convention confirmed: ecdsa signatures recover from blake2-256(msg) (${stats.prehash.ecdsa}), ` +
    `ethereum from keccak-256(msg) (${stats.prehash.ethereum}), never from the other hash`);
  return finish();
}

function genVerify(seed, count) {
  const rng = new Rng(seed, 'verify');
  const out = [];
  const add = (label, scheme, pub, msg, sig, expect) =>
    out.push(`${label}\t${scheme}\t${hex(pub)}\t${hex(msg)}\t${hex(sig)}\t${expect}`);
  for (const scheme of SCHEMES) {
    let prevPub = null;
    for (let i = 0; i < count; i++) {
      const pair = keyring.createFromUri(signSuri(rng, scheme), {}, scheme);
      const msg = randomMessage(rng, i);
      const sig = pair.sign(msg);
      const pub = pair.publicKey;
      add('valid', scheme, pub, msg, sig, 'valid');
      if (scheme === 'ethereum') add('valid-address', scheme, ethAddress(pub), msg, sig, 'valid');
      // negatives
      add('flipped-bit', scheme, pub, msg, u8aConcat(flipBit(sig.subarray(0, 64), rng), sig.subarray(64)), 'invalid');
      add('other-message', scheme, pub, msg.length ? flipBit(msg, rng) : new Uint8Array([0]), sig, 'invalid');
      if (prevPub) add('other-key', scheme, prevPub, msg, sig, 'invalid');
      if (scheme === 'sr25519' || scheme === 'ed25519') {
        if (i < 3) { // s + ℓ: the same point equation, but a non-canonical scalar (rejected by sp-core)
          const ns = nonCanonicalS(sig, scheme === 'sr25519');
          add('non-canonical-s', scheme, pub, msg, ns, 'invalid');
          noteDifference(`${scheme} signature with s + l`, 'invalid', jsVerify(scheme, msg, ns, pub));
        }
      }
      if (scheme === 'sr25519') {
        const unmarked = sig.slice();
        unmarked[63] &= 0x7f;
        add('no-schnorrkel-marker', scheme, pub, msg, unmarked, 'invalid');
      } else if (scheme !== 'ed25519') {
        const other = sig.slice();
        other[64] ^= 1;
        add('other-recovery-id', scheme, pub, msg, other, 'invalid');
        if (i < 3) add('truncated', scheme, pub, msg, sig.subarray(0, 64), 'invalid');
        if (i < 3) {
          // v = recovery id + 27: libwetee accepts it for Ethereum (as sp-io's
          // secp256k1_ecdsa_recover, used by Frontier, does) and rejects it for
          // Substrate ecdsa (as sp-core's ecdsa::Signature::recover does)
          const v27 = sig.slice();
          v27[64] += 27;
          const want = scheme === 'ethereum' ? 'valid' : 'invalid';
          add('recovery-id+27', scheme, pub, msg, v27, want);
          noteDifference(`${scheme} signature with v = 27/28`, want, jsVerify(scheme, msg, v27, pub));
          // the high-S twin (n - s, other recovery id): libsecp256k1's
          // recovery, and so sp-core's verify, accept it
          const hs = highS(sig);
          add('high-s', scheme, pub, msg, hs, 'valid');
          noteDifference(`${scheme} signature with high S`, 'valid', jsVerify(scheme, msg, hs, pub));
        }
      }
      if (i === 0) { // signatureVerify also accepts <Bytes>-wrapped messages; sp-core and libwetee verify raw bytes
        const wrapped = stringToU8a('<Bytes>wrapped</Bytes>');
        const sigW = pair.sign(wrapped);
        const sv = signatureVerify(stringToU8a('wrapped'), sigW, scheme === 'ethereum' ? ethAddress(pub) : pub);
        add('bytes-wrapper', scheme, pub, stringToU8a('wrapped'), sigW, 'invalid');
        noteDifference(`${scheme} signature of <Bytes>m</Bytes> checked against m (signatureVerify)`, 'invalid',
          sv.isValid);
      }
      prevPub = pub;
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
  for (const [k, v] of notes) {
    const same = v.js.length === 1 && v.js[0] === v.want;
    const tag = same ? 'same     ' : 'DIFFERENT';
    console.error(`${tag} ${k}: libwetee must say ${v.want}, polkadot.js says ${v.js.join('/')}`);
  }
}

// Verification cases where libwetee's expected verdict is not polkadot.js's (reported on stderr).
const notes = new Map();
function noteDifference(what, want, jsValid) {
  const n = notes.get(what) ?? { want, js: [] };
  notes.set(what, n);
  const js = jsValid ? 'valid' : 'invalid';
  if (!n.js.includes(js)) n.js.push(js);
}

// ---------------------------------------------------------------------------
// Keystores

const KS_PASSWORDS = ['password', 'pässwörd 🔑 with spaces',
  'a much longer password with / and \\ and "quotes" 0123456789'];

function ksSuri(rng, scheme, i) {
  const m = mnemonicGenerate(i % 2 ? 24 : 12);
  if (scheme === 'ethereum') return m + (i === 0 ? '' : `/m/44'/60'/0'/0/${i}`);
  if (scheme === 'sr25519') return m + ['//Alice', '/soft', `//${rng.u32()}///pw`][i % 3];
  return m + ['', '//Alice', `//${rng.u32()}`][i % 3];
}

// A keystore with explicit scrypt parameters (pair.toJson always writes the default N=2^17, p=1, r=8).
function keystoreWithParams(pair, scheme, password, params) {
  return keystoreFromPlain(pair.encodePkcs8(), pair, scheme, password, params);
}

function keystoreFromPlain(plain, pair, scheme, password, params) {
  const { password: key, salt } = scryptEncode(password, randomAsU8a(), params);
  const { encrypted, nonce } = naclEncrypt(plain, key.subarray(0, 32));
  const blob = u8aConcat(scryptToU8a(salt, params), nonce, encrypted);
  const address = ['ecdsa', 'ethereum'].includes(scheme) ? u8aToHex(pair.publicKey) : pair.address;
  return { ...jsonEncryptFormat(blob, ['pkcs8', scheme], true), address, meta: { name: 'params' } };
}

function genKeystore(seed, dir) {
  const rng = new Rng(seed, 'keystore');
  const out = [];
  let n = 0;
  const write = (scheme, json, password, expect, pair, pretty = false) => {
    n++;
    const file = `${dir}/js-${String(n).padStart(3, '0')}-${scheme}.json`;
    writeFileSync(file, pretty ? `${JSON.stringify(json, null, 2)}\n` : JSON.stringify(json));
    out.push(`${file}\t${scheme}\t${utf8Hex(password)}\t${expect}\t${hex(pair.publicKey)}\t${hex(secretOf(pair))}`);
    return file;
  };
  const params = [{ N: 1 << 15, p: 1, r: 8 }, { N: 1 << 15, p: 3, r: 8 }, { N: 1 << 16, p: 2, r: 8 }];
  const polkadotKeyring = new Keyring({ type: 'sr25519', ss58Format: 0 });
  for (const [si, scheme] of SCHEMES.entries()) {
    for (let i = 0; i < 3; i++) {
      // file 0: as written; file 1: pretty-printed with a rich meta; file 2: SS58 prefix 0 in "address"
      const kr = i === 2 ? polkadotKeyring : keyring;
      const meta = i === 1
        ? { genesisHash: '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3', isHardware: false,
          name: 'Ünïcödé "name" \\ 🔑', tags: ['a', 'b'], whenCreated: 1700000000123 }
        : { name: `polkadot.js ${scheme} ${i}` };
      const pair = kr.createFromUri(ksSuri(rng, scheme, i), meta, scheme);
      const pw = KS_PASSWORDS[i];
      const json = pair.toJson(pw); // scrypt N=2^17, p=1, r=8
      const file = write(scheme, i === 1 ? JSON.parse(JSON.stringify(json)) : json, pw, 'ok', pair, i === 1);
      if (i === 0) out.push(`${file}\t${scheme}\t${utf8Hex(pw)}\twrong-password\t${hex(pair.publicKey)}\t`);
    }
    if (scheme === 'sr25519' || scheme === 'ed25519') {
      // generation 1-2 layout: a 32-byte seed before the divider (polkadot.js still decodes it)
      const m = mnemonicGenerate(12);
      const pair = keyring.createFromUri(m, {}, scheme);
      const plain = u8aConcat(hexToU8a(PAIR_HDR_HEX), mnemonicToMiniSecret(m), hexToU8a(PAIR_DIV_HEX), pair.publicKey);
      const json = keystoreFromPlain(plain, pair, scheme, 'legacy seed', params[0]);
      const back = keyring.createFromJson(json);
      back.decodePkcs8('legacy seed');
      if (!u8aEq(back.publicKey, pair.publicKey)) throw new Error('polkadot.js does not read its legacy layout back');
      write(scheme, json, 'legacy seed', 'ok', pair);
    }
    // unencrypted export (type ["none"]) and an older scrypt parameter set
    const pair = keyring.createFromUri(ksSuri(rng, scheme, 1), {}, scheme);
    write(scheme, pair.toJson(), '', 'ok', pair);
    const p = params[si % params.length];
    write(scheme, keystoreWithParams(pair, scheme, 'old params', p), 'old params', 'ok', pair);
    if (si < 2) { // listed in ALLOWED_PARAMS but p > 4: rejected by polkadot.js (and by libwetee)
      const badParams = si === 0 ? { N: 1 << 14, p: 5, r: 8 } : { N: 1 << 13, p: 10, r: 8 };
      const bad = keystoreWithParams(pair, scheme, 'x', badParams);
      let jsRejects = false;
      try { scryptFromU8a(Buffer.from(bad.encoded, 'base64')); } catch { jsRejects = true; }
      if (!jsRejects) throw new Error('polkadot.js accepts scrypt parameters with p > 4: update the expectation');
      write(scheme, bad, 'x', 'UNSUPPORTED', pair);
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

function genExport(seed) {
  const rng = new Rng(seed, 'export');
  const out = [];
  for (const scheme of SCHEMES) {
    for (let i = 0; i < 3; i++) out.push(`${scheme}\t${ksSuri(rng, scheme, i)}\t${utf8Hex(KS_PASSWORDS[i])}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

// One keystore file written by libwetee; returns what is wrong, or null.
function checkKeystoreFile(path, scheme, suri, password, pubHex, secretHex, tryWrongPassword) {
  const json = JSON.parse(readFileSync(path, 'utf8'));
  const ref = keyring.createFromUri(suri, {}, scheme);
  const wantEncoding = { content: ['pkcs8', scheme], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' };
  const encoding = JSON.stringify(json.encoding);
  if (encoding !== JSON.stringify(wantEncoding)) return `encoding ${encoding}`;
  const wantAddress = ['ecdsa', 'ethereum'].includes(scheme) ? u8aToHex(ref.publicKey) : ref.address;
  if (json.address !== wantAddress) return `address ${json.address}, expected ${wantAddress}`;
  const num = Number(/c-(\d+)-[a-z0-9]+\.json$/.exec(path)?.[1]);
  if (json.meta?.name !== `libwetee "export" \\ ${num}\tü 🔑` || json.meta?.whenCreated !== 1700000000000 + num) {
    return `meta ${JSON.stringify(json.meta)}`;
  }
  // keys_vectors export writes file n with scrypt cost n % 4 of this list (wetee_keystore_export_opts)
  const want = [[1 << 17, 1, 8], [1 << 15, 1, 8], [1 << 15, 3, 8], [1 << 16, 2, 8]][num % 4];
  const { params } = scryptFromU8a(Buffer.from(json.encoded, 'base64'));
  if (params.N !== want[0] || params.p !== want[1] || params.r !== want[2]) {
    return `scrypt ${JSON.stringify(params)}, expected N=${want[0]}, p=${want[1]}, r=${want[2]}`;
  }
  const pair = keyring.createFromJson(json);
  if (pair.type !== scheme) return `type ${pair.type}`;
  if (tryWrongPassword) {
    let rejected = false;
    try { keyring.createFromJson(json).decodePkcs8(`${password}x`); } catch { rejected = true; }
    if (!rejected) return 'decodePkcs8 accepts a wrong password';
  }
  pair.decodePkcs8(password);
  if (hex(pair.publicKey) !== pubHex || pubHex !== hex(ref.publicKey)) {
    return `public ${hex(pair.publicKey)}, libwetee says ${pubHex}, createFromUri ${hex(ref.publicKey)}`;
  }
  if (hex(secretOf(pair)) !== secretHex) return 'decrypted secret differs from libwetee\'s';
  if (pair.address !== ref.address) return `address ${pair.address}, expected ${ref.address}`;
  const msg = stringToU8a(`keystore ${path}`);
  const sig = pair.sign(msg);
  if (!jsVerify(scheme, msg, sig, unhex(pubHex))) return 'a signature by the imported pair does not verify';
  if (scheme !== 'sr25519' && !u8aEq(sig, ref.sign(msg))) return 'its signature differs from createFromUri\'s';
  return null;
}

function checkKeystore(file) {
  const wrongDone = new Set(); // one wrong-password attempt per scheme (scrypt N=2^17 costs ~1 s)
  for (const line of readLines(file)) {
    const [path, scheme, suri, pwHex, pubHex, secretHex] = line.split('\t');
    const password = Buffer.from(pwHex, 'hex').toString('utf8');
    let err;
    try {
      err = checkKeystoreFile(path, scheme, suri, password, pubHex, secretHex, !wrongDone.has(scheme));
    } catch (e) {
      err = e.message;
    }
    wrongDone.add(scheme);
    if (err) fail(`${path} (${scheme} "${suri}"): ${err}`);
    else passed++;
  }
  return finish();
}

// ---------------------------------------------------------------------------

const [mode, a1, a2] = process.argv.slice(2);
let ok = true;
if (mode === 'gen-derive' && a1 !== undefined) genDerive(a1, Number(a2 ?? 200));
else if (mode === 'check-derive' && a1 !== undefined) ok = checkDerive(a1);
else if (mode === 'gen-sign' && a1 !== undefined) genSign(a1, Number(a2 ?? 50));
else if (mode === 'check-sign' && a1 !== undefined) ok = checkSign(a1);
else if (mode === 'gen-verify' && a1 !== undefined) genVerify(a1, Number(a2 ?? 50));
else if (mode === 'gen-keystore' && a1 !== undefined && a2 !== undefined) genKeystore(a1, a2);
else if (mode === 'gen-export' && a1 !== undefined) genExport(a1);
else if (mode === 'check-keystore' && a1 !== undefined) ok = checkKeystore(a1);
else {
  console.error('usage: node keys_diff.mjs gen-derive SEED [COUNT] | check-derive FILE | gen-sign SEED [COUNT] | ' +
    'check-sign FILE | gen-verify SEED [COUNT] | gen-keystore SEED DIR | gen-export SEED | check-keystore FILE');
  ok = false;
}
process.exitCode = ok ? 0 : 1;
