// TON benchmarks, JavaScript peer: @ton/core 0.63.1 (cells, BOC) and
// @ton/ton 16.3.0 (wallets; signing with @ton/crypto 3.3.0). Same cases,
// inputs and CHECK hashes as bench/bench_ton.c (see there).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Address, Cell, beginCell, external, internal, storeMessage, SendMode } from '@ton/core';
import { keyPairFromSecretKey } from '@ton/crypto';
import { WalletContractV4, WalletContractV5R1 } from '@ton/ton';

import { Fnv1a, consume, main } from './harness.mjs';
import { DEST, SECRET, VALID_UNTIL } from './gen_ton.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));

function boc(name) {
  for (const line of readFileSync(join(HERE, '../../data/ton_bocs.txt'), 'utf8').trim().split('\n')) {
    const [n, b64] = line.split('\t');
    if (n === name) return Buffer.from(b64, 'base64');
  }
  throw new Error(`no BOC ${name} in bench/data/ton_bocs.txt`);
}

function parseCase(name, file) {
  return {
    name, opsPerIter: 1, setup() {
      const data = boc(file);
      return {
        run(iters) { for (let i = 0; i < iters; i++) consume(Cell.fromBoc(data)[0].hash()[0]); },
        check() { return new Fnv1a().update(Cell.fromBoc(data)[0].hash()).hex(); },
      };
    },
  };
}

// One operation: comment body, internal message, signed transfer (seqno 5,
// valid_until 2000000000, mode 3), external message, BOC with CRC32C.
function transferCase(name, Wallet) {
  return {
    name, opsPerIter: 1, setup() {
      const kp = keyPairFromSecretKey(SECRET);
      const w = Wallet.create({ workchain: 0, publicKey: kp.publicKey });
      const to = Address.parse(DEST);
      const one = () => {
        const body = w.createTransfer({
          seqno: 5, secretKey: kp.secretKey, sendMode: SendMode.PAY_GAS_SEPARATELY, timeout: VALID_UNTIL,
          messages: [internal({ to, value: 1500000000n, bounce: false, body: 'order 42' })],
        });
        return beginCell().store(storeMessage(external({ to: w.address, body }))).endCell().toBoc();
      };
      return {
        run(iters) { for (let i = 0; i < iters; i++) consume(one()[0]); },
        check() { return new Fnv1a().update(one()).hex(); },
      };
    },
  };
}

main('@ton/core+@ton/ton', [
  parseCase('ton_boc_parse_hash_wallet', 'wallet'),
  parseCase('ton_boc_parse_hash_dict', 'dict'),
  transferCase('ton_transfer_w5', WalletContractV5R1),
  transferCase('ton_transfer_v4r2', WalletContractV4),
]);
