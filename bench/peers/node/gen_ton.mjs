// Writes bench/data/ton_bocs.txt: the BOCs that the TON benchmarks parse and
// hash (bench/bench_ton.c, bench_ton.mjs and bench/peers/go), one per line as
// "name<TAB>base64", made with @ton/core and @ton/ton. Deterministic: rerun
// `node bench/peers/node/gen_ton.mjs` and the file does not change.
//
//   wallet  a W5 (wallet v5r1) external message that deploys the wallet
//           (state init with the wallet code) and sends 1.5 TON with a
//           comment: what a service sends to toncenter (key: the first
//           ton-crypto mnemonic vector; valid_until 2000000000)
//   dict    a HashmapE of 2048 entries (uint32 keys, uint64 values, drawn
//           with splitmix64 from seed 2024): about 4,100 cells, e.g. a
//           contract's state or a proof body
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Address, Dictionary, beginCell, external, internal, storeMessage, SendMode } from '@ton/core';
import { keyPairFromSecretKey } from '@ton/crypto';
import { WalletContractV5R1 } from '@ton/ton';

import { splitmix64 } from './harness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, '../../data/ton_bocs.txt');

export const SECRET = Buffer.from(
  '9d659a6c2234db7f6e4f977e6e8653b9f5946d557163f31034011375d8f3f97df6c450a16bb1c514e22f1977e390a3025599aa1e7b00068a6aacf2119484c1bd',
  'hex');
export const DEST = 'EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB';
export const VALID_UNTIL = 2000000000;

function walletBoc() {
  const kp = keyPairFromSecretKey(SECRET);
  const w = WalletContractV5R1.create({ workchain: 0, publicKey: kp.publicKey });
  const body = w.createTransfer({
    seqno: 0, secretKey: kp.secretKey, sendMode: SendMode.PAY_GAS_SEPARATELY, timeout: VALID_UNTIL,
    messages: [internal({ to: Address.parse(DEST), value: 1500000000n, bounce: false, body: 'order 42' })],
  });
  const ext = external({ to: w.address, init: w.init, body });
  return beginCell().store(storeMessage(ext)).endCell().toBoc();
}

function dictBoc() {
  const st = { s: 2024n };
  const d = Dictionary.empty(Dictionary.Keys.Uint(32), Dictionary.Values.BigUint(64));
  while (d.size < 2048) {
    const r = splitmix64(st);
    d.set(Number(r & 0xffffffffn), splitmix64(st));
  }
  return beginCell().storeDictDirect(d).endCell().toBoc();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(OUT, `wallet\t${walletBoc().toString('base64')}\ndict\t${dictBoc().toString('base64')}\n`);
  console.log(`wrote ${OUT}`);
}
