// Known answers for tests/ton/payment_cases.c, computed with @ton/core
// 0.63.1 and @ton/ton 16.3.0 from the TL-B layouts (not from libwetee):
// the coin payment (int_msg_info with a text comment body), the TEP-74
// jetton transfer#0f8a7ea5 carried to the payer's jetton wallet, and a W5
// transfer signed with the ton-crypto test key. Run: node payment_kat.mjs
import { Address, beginCell, internal, storeMessageRelaxed, SendMode } from '@ton/core';
import { mnemonicToPrivateKey } from '@ton/crypto';
import { WalletContractV5R1 } from '@ton/ton';

const DEST = Address.parseRaw('0:2cf55953e92efbeadab7ba725c3f93a0b23f842cbba72d7b8e6f510a70e422e3');
const PAYER = Address.parseRaw('0:d22ce1556a6359cddcb82ee95c95c08110591145e67b5ac70108b030dcf839de');
const JW = Address.parseRaw('0:71461a638ce14508ffcf36f0fd9d7171ea1ad75d15b007ec13ed80f0d295fe11');
const comment = (t) => beginCell().storeUint(0, 32).storeStringTail(t).endCell();
const msg = (m) => beginCell().store(storeMessageRelaxed(m)).endCell();
const jetton = (qid, amount, to, resp, fwd, memo) => {
  const b = beginCell().storeUint(0x0f8a7ea5, 32).storeUint(qid, 64).storeCoins(amount).storeAddress(to)
    .storeAddress(resp).storeMaybeRef(null).storeCoins(fwd);
  if (memo === null) b.storeBit(0);
  else b.storeBit(1).storeRef(comment(memo));
  return b.endCell();
};
let long = '';
for (let i = 0; i < 600; i++) long += String.fromCharCode(97 + (i % 26));
const out = {
  coin: msg(internal({ to: DEST, value: 2000000000n, bounce: true, body: comment('order 42') })),
  coin_plain: msg(internal({ to: DEST, value: 1n, bounce: false })),
  coin_long: msg(internal({ to: DEST, value: 5n, bounce: true, body: comment(long) })),
  jetton: msg(internal({ to: JW, value: 50000000n, bounce: true,
    body: jetton(0n, 1500000n, DEST, PAYER, 1n, 'order 42 — ✓') })),
  jetton_opts: msg(internal({ to: JW, value: 100000000n, bounce: true,
    body: jetton(77n, 7n, DEST, DEST, 10000000n, long) })),
};
const key = await mnemonicToPrivateKey(('hospital stove relief fringe tongue always charge angry urge sentence again ' +
  'match nerve inquiry senior coconut label tumble carry category beauty bean road solution').split(' '));
const w = WalletContractV5R1.create({ workchain: 0, publicKey: key.publicKey });
const body = w.createTransfer({ seqno: 0, secretKey: key.secretKey, sendMode: SendMode.PAY_GAS_SEPARATELY + SendMode.IGNORE_ERRORS,
  timeout: 1767225660, messages: [internal({ to: DEST, value: 2000000000n, bounce: true, body: comment('order 42') })] });
const { external, storeMessage } = await import('@ton/core');
out.signed_w5 = beginCell().store(storeMessage(external({ to: w.address, init: w.init, body }))).endCell();
for (const [k, v] of Object.entries(out)) console.log(k, v.hash().toString('hex'));
