// Differential test of libwetee's highload wallet v3 against
// @tonkite/highload-wallet-v3 2.0.10 (code from ton-blockchain/
// highload-wallet-contract-v3): the JavaScript side; ../run.sh drives it
// with ton_vectors.c.
//
//   node highload_diff.mjs gen SEED COUNT
//     key       mnemonic
//     highload  wc subwallet timeout query_id created_at kind arg deploy messages address body_hash ext_boc
//   kind "batch" (sendBatch; arg = value per batch) or "single" (sendExternal;
//   arg = mode, one message); messages: ';'-separated "mode|dest_raw,value,
//   bounce,kind,payload_hex,," with kind none | comment (payload = UTF-8).
import { Address, beginCell, external, internal, storeMessage } from '@ton/core';
import { mnemonicToPrivateKey } from '@ton/crypto';
import { HighloadWalletV3 } from '@tonkite/highload-wallet-v3';
import { Rng } from '../rng.mjs';

const hex = (b) => Buffer.from(b).toString('hex');
const MNEMONIC = 'hospital stove relief fringe tongue always charge angry urge sentence again match ' +
  'nerve inquiry senior coconut label tumble carry category beauty bean road solution';

async function gen(seed, count) {
  const rng = new Rng(seed, 'ton-highload');
  const kp = await mnemonicToPrivateKey(MNEMONIC.split(' '));
  const out = [['key', MNEMONIC].join('\t')];
  for (let i = 0; i < count; i++) {
    const wc = rng.pick([0, 0, -1]);
    const subwallet = rng.pick([0x10ad, 0, rng.u32()]);
    const timeout = rng.pick([86400, 3600, rng.range(1, (1 << 22) - 1)]);
    const queryId = (rng.below(8192) << 10) | rng.below(1023);
    const createdAt = rng.pick([1700000000, rng.u32()]);
    const batch = rng.chance(0.6);
    const n = batch ? rng.range(0, 8) : 1;
    const msgs = [], fields = [];
    for (let k = 0; k < n; k++) {
      const buf = Buffer.alloc(32);
      for (let j = 0; j < 32; j++) buf[j] = rng.below(256);
      const to = new Address(rng.pick([0, -1]), buf);
      const value = rng.pick([0n, 1000000n, 1500000000n, rng.bits(rng.range(1, 100))]);
      const bounce = rng.chance(0.5);
      const mode = rng.pick([0, 1, 2, 3, 64, 128]);
      const comment = rng.chance(0.5) ? 'payout #' + rng.below(1e6) : null;
      msgs.push({ message: internal({ to, value, bounce, body: comment ?? undefined }), mode });
      fields.push(`${mode}|${to.toRawString()},${value},${bounce ? 1 : 0},${comment ? 'comment' : 'none'},${comment ? hex(Buffer.from(comment)) : ''},,`);
    }
    const w = new HighloadWalletV3(HighloadWalletV3.restoreSequence(queryId), kp.publicKey, timeout, subwallet, wc);
    let body;
    const provider = { external: async (b) => { body = b; } };
    let arg;
    if (batch) {
      const valuePerBatch = rng.chance(0.5) ? 0n : rng.bits(rng.range(1, 60));
      await w.sendBatch(provider, kp.secretKey, { messages: msgs, createdAt, valuePerBatch });
      arg = valuePerBatch.toString();
    } else {
      await w.sendExternal(provider, kp.secretKey, { message: msgs[0].message, mode: msgs[0].mode, queryId, createdAt });
      arg = String(msgs[0].mode);
    }
    const deploy = rng.chance(0.5);
    const ext = beginCell().store(storeMessage(external({ to: w.address, init: deploy ? w.init : null, body }))).endCell();
    out.push(['highload', wc, subwallet >>> 0, timeout, queryId, createdAt, batch ? 'batch' : 'single', arg, deploy ? 1 : 0,
      fields.join(';'), w.address.toRawString(), hex(body.hash()), hex(ext.toBoc())].join('\t'));
  }
  process.stdout.write(out.join('\n') + '\n');
}

const [cmd, a1, a2] = process.argv.slice(2);
if (cmd === 'gen') await gen(a1, Number(a2 || 100));
else { console.error('usage: highload_diff.mjs gen SEED COUNT'); process.exit(2); }
