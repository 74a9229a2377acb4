// TON payments built by libwetee in the @ton/sandbox emulator, and
// libwetee's payment confirmation on the sandbox's own transactions.
//
//   node payment_e2e.mjs DRIVER REPLAY_SERVER PAY_EXAMPLE
//
// DRIVER is tests/interop/ton_sandbox (its pay / payjetton / confirm
// commands), REPLAY_SERVER tests/toncenter/replay_server.py, PAY_EXAMPLE
// examples/ton_pay.c (wetee_pay() with the TON route, printing the receipt).
//
// Payments (wetee_ton_payment_message + wetee_ton_wallet_sign_payment, W5
// wallet of the ton-crypto test key, send mode 3):
//   A  2 TON with a UTF-8 memo to a deployed account (deploys the wallet)
//   B  1 TON with a 300-byte memo (a snake comment over three cells)
//   C  0.5 TON bounceable to an address without an account: bounces
//   D  0.3 TON non-bounceable to an address without an account: credited
//   E  1000 TON, more than the wallet holds: the wallet sends nothing
//   F  250 jetton units with a memo (standard TEP-74 minter and wallet of
//      @ton-community/assets-sdk 0.0.5, the jetton wallet address from the
//      minter's get_wallet_address), default amounts: 0.05 TON attached,
//      1 nanoton forwarded
//   G  5000 jetton units, more than the jetton wallet holds: bounces
// Each payment's arrival is checked on the chain with @ton/core (value,
// memo, balances, notification). Then every transaction the sandbox ran is
// converted to the toncenter v3 transaction JSON (the fields the v3 API
// documents: hash, lt, now, account, description.compute_ph / action /
// bounce / aborted, in_msg, out_msgs with hash, source, destination, value,
// bounce, bounced, opcode), served by the replay server under
// transactionsByMessage?msg_hash=…&direction=in (external messages under
// their TEP-467 normalised hash, computed here with @ton/core), and
// wetee_toncenter_confirm() must report for each payment what the sandbox
// shows: CONFIRMED with the wallet's and the recipient's transaction hash and
// lt, BOUNCED with the bounced value, FAILED. The wallet's transaction of A
// is served only at the second query (the confirmation polls).
//
// Finally wetee_pay() end to end (PAY_EXAMPLE against toncenter_emu.mjs, a
// toncenter stand-in over the sandbox): 2 TON with a memo (confirmed,
// deploys the wallet), 0.5 TON bounceable to an address without an account
// (bounced), 0.3 TON to a non-bounceable UQ address of no account
// (credited), 1000 TON (refused before submission: balance), 250 jetton
// units with a memo (confirmed through both jetton wallets), 5000 units
// (refused: jetton balance); each receipt is checked against the sandbox.
//
// Ends with "N passed, M failed"; exit status 1 on any failure.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Address, Cell, beginCell, toNano, loadMessage, storeStateInit } from '@ton/core';
import { Blockchain } from '@ton/sandbox';
import { check, finish, run, runDriver } from './harness.mjs';
import { normHash, rawUpper, v3tx, startToncenter } from './toncenter_emu.mjs';

const require = createRequire(import.meta.url);
const [DRIVER, REPLAY, PAY] = process.argv.slice(2);
if (!DRIVER || !REPLAY || !PAY) {
  console.error('usage: node payment_e2e.mjs DRIVER REPLAY_SERVER PAY_EXAMPLE');
  process.exit(2);
}

const driver = (...args) => runDriver(DRIVER, ...args);

const NOW = 1767225600;
const VALID_UNTIL = NOW + 60;

// ---- the sandbox's transactions as toncenter v3 JSON ----

const routes = [];
const hex = (b) => Buffer.from(b).toString('hex');

// every transaction of a trace becomes a route keyed by its inbound message
function serve(transactions, { delayFirst = false } = {}) {
  for (const tx of transactions) {
    const j = v3tx(tx);
    const inCell = j.inCell;
    delete j.inCell;
    if (!inCell) continue;
    const ext = loadMessage(inCell.beginParse()).info.type === 'external-in';
    const key = hex(ext ? normHash(inCell) : inCell.hash());
    const answer = { status: 200, body: { transactions: [j], address_book: {} } };
    const responses = ext && delayFirst ? [{ status: 200, body: { transactions: [], address_book: {} } }, answer] : [answer];
    routes.push({ method: 'GET', path: '/api/v3/transactionsByMessage',
      query: { msg_hash: key, direction: 'in', limit: '1' }, responses });
  }
}

// ---- payments ----

async function deliver(chain, boc) {
  const res = await chain.sendMessage(Cell.fromBase64(boc));
  return res.transactions;
}

function memoOf(body) {
  const s = body.beginParse();
  if (s.loadUint(32) !== 0) return null;
  return s.loadStringTail();
}

const bySeq = (txs, addr) => txs.find((t) => t.inMessage?.info.type === 'internal' && t.inMessage.info.dest.equals(addr));
const txHex = (t) => hex(t.hash());
const cases = [];

async function coinCases() {
  const chain = await Blockchain.create();
  chain.now = NOW;
  const funder = await chain.treasury('funder');
  const merchant = await chain.treasury('merchant');
  const fresh = new Address(0, Buffer.alloc(32, 0x77));
  const fresh2 = new Address(0, Buffer.alloc(32, 0x78));
  const memoA = 'order 42 — WeTEE ✓';
  let memoB = 'invoice ';
  while (Buffer.byteLength(memoB) < 300) memoB += 'x0123456789';
  memoB = memoB.slice(0, 300);

  const a = driver('pay', 'v5r1', 0, VALID_UNTIL, merchant.address.toString(), toNano('2'), memoA, 1);
  const wallet = Address.parseRaw(a.address);
  await funder.send({ to: wallet, value: toNano('10'), bounce: false });

  // A: 2 TON with the memo; the wallet is deployed by this message
  let txs = await deliver(chain, a.ext);
  serve(txs, { delayFirst: true });
  const walletTx = txs.find((t) => t.inMessage?.info.type === 'external-in');
  const got = bySeq(txs, merchant.address);
  check(got !== undefined && got.inMessage.info.value.coins === toNano('2'), 'A: the merchant received exactly 2 TON');
  check(got?.inMessage.info.bounce === true, 'A: bounceable by default');
  check(got !== undefined && memoOf(got.inMessage.body) === memoA, 'A: memo intact', got ? memoOf(got.inMessage.body) : '');
  cases.push({ name: 'A', norm: a.norm, hops: 1, want: 'confirmed', walletTx, lastTx: got, to: merchant.address, value: toNano('2') });

  // B: a 300-byte memo over several cells
  const b = driver('pay', 'v5r1', 1, VALID_UNTIL, merchant.address.toString(), toNano('1'), memoB, 1);
  txs = await deliver(chain, b.ext);
  serve(txs);
  const gotB = bySeq(txs, merchant.address);
  check(gotB !== undefined && memoOf(gotB.inMessage.body) === memoB, 'B: 300-byte memo intact');
  check(gotB !== undefined && gotB.inMessage.body.refs.length === 1, 'B: the memo continues in a reference');
  cases.push({ name: 'B', norm: b.norm, hops: 1, want: 'confirmed', walletTx: txs.find((t) => t.inMessage?.info.type === 'external-in'),
    lastTx: gotB, to: merchant.address, value: toNano('1') });

  // C: bounceable to an address without an account: bounces back
  const before = (await chain.getContract(wallet)).balance;
  const c = driver('pay', 'v5r1', 2, VALID_UNTIL, fresh.toString(), toNano('0.5'), 'order C', 1);
  txs = await deliver(chain, c.ext);
  serve(txs);
  const destTx = bySeq(txs, fresh);
  const bounced = txs.find((t) => t.inMessage?.info.type === 'internal' && t.inMessage.info.bounced && t.inMessage.info.dest.equals(wallet));
  check(destTx?.description.bouncePhase?.type === 'ok', 'C: the sandbox bounced the payment');
  check(bounced !== undefined, 'C: the bounced message came back to the wallet');
  check((await chain.getContract(fresh)).balance === 0n, 'C: nothing stayed at the address');
  check((await chain.getContract(wallet)).balance > before - toNano('0.1'), 'C: the wallet got the value back (less fees)');
  cases.push({ name: 'C', norm: c.norm, hops: 1, want: 'bounced', lastTx: destTx, bounceValue: bounced?.inMessage.info.value.coins });

  // D: non-bounceable to an address without an account: credited
  const d = driver('pay', 'v5r1', 3, VALID_UNTIL, fresh2.toString(), toNano('0.3'), 'order D', 0);
  txs = await deliver(chain, d.ext);
  serve(txs);
  const gotD = bySeq(txs, fresh2);
  check((await chain.getContract(fresh2)).balance === toNano('0.3'), 'D: the address holds 0.3 TON');
  check(gotD !== undefined && memoOf(gotD.inMessage.body) === 'order D', 'D: memo intact');
  cases.push({ name: 'D', norm: d.norm, hops: 1, want: 'confirmed', walletTx: txs.find((t) => t.inMessage?.info.type === 'external-in'),
    lastTx: gotD, to: fresh2, value: toNano('0.3') });

  // E: more than the wallet holds (send mode 3 ignores the error: nothing is sent)
  const e = driver('pay', 'v5r1', 4, VALID_UNTIL, merchant.address.toString(), toNano('1000'), 'order E', 1);
  txs = await deliver(chain, e.ext);
  serve(txs);
  check(txs.filter((t) => t.inMessage?.info.type === 'internal').length === 0, 'E: the wallet sent no message');
  cases.push({ name: 'E', norm: e.norm, hops: 1, want: 'failed' });
}

async function jettonCases() {
  const { storeJettonMintMessage } = require('@ton-community/assets-sdk/dist/jetton/types/JettonMintMessage.js');
  const load = (name, key) => Cell.fromBase64(require(`@ton-community/assets-sdk/dist/jetton/contracts/build/${name}.js`)[key].codeBoc);
  const minterCode = load('jetton-minter', 'jettonMinterCode');
  const walletCode = load('jetton-wallet', 'jettonWalletCode');
  const chain = await Blockchain.create();
  chain.now = NOW;
  const admin = await chain.treasury('admin');
  const funder = await chain.treasury('funder');
  const recipient = await chain.treasury('shop');
  const data = beginCell().storeCoins(0).storeAddress(admin.address)
    .storeRef(beginCell().storeUint(1, 8).endCell()).storeRef(walletCode).endCell();
  const init = { code: minterCode, data };
  const minter = new Address(0, beginCell().store(storeStateInit(init)).endCell().hash());
  await admin.send({ to: minter, value: toNano('0.5'), bounce: false, init });

  const probe = driver('pay', 'v5r1', 0, VALID_UNTIL, recipient.address.toString(), 1, '', 1);
  const owner = Address.parseRaw(probe.address);
  await funder.send({ to: owner, value: toNano('2'), bounce: false });
  const mint = beginCell().store(storeJettonMintMessage({
    queryId: 1n, amount: 1000n, from: minter, to: owner, responseAddress: admin.address,
    forwardTonAmount: 0n, forwardPayload: null, walletForwardValue: toNano('0.1'),
  })).endCell();
  await admin.send({ to: minter, value: toNano('0.2'), body: mint });
  const walletOf = async (a) => (await chain.runGetMethod(minter, 'get_wallet_address', [
    { type: 'slice', cell: beginCell().storeAddress(a).endCell() }])).stackReader.readAddress();
  const balanceOf = async (a) => (await chain.runGetMethod(a, 'get_wallet_data')).stackReader.readBigNumber();
  const ownerJw = await walletOf(owner);
  const shopJw = await walletOf(recipient.address);

  // F: 250 units with a memo, default TON amounts; deploys the W5 wallet
  const memoF = 'invoice 7 — jetton ✓';
  const f = driver('payjetton', 'v5r1', 0, VALID_UNTIL, ownerJw.toString(), recipient.address.toString(), 250, memoF);
  let txs = await deliver(chain, f.ext);
  serve(txs);
  check((await balanceOf(ownerJw)) === 750n, 'F: the payer\'s jetton wallet holds 750');
  check((await balanceOf(shopJw)) === 250n, 'F: the recipient\'s jetton wallet holds 250');
  const toJw = bySeq(txs, ownerJw);
  check(toJw?.inMessage.info.value.coins === 50000000n, 'F: 0.05 TON attached by default');
  const note = txs.find((t) => t.inMessage?.info.type === 'internal' && t.inMessage.info.dest.equals(recipient.address) &&
    t.inMessage.body.bits.length >= 32 && t.inMessage.body.beginParse().preloadUint(32) === 0x7362d09c);
  check(note !== undefined && note.inMessage.info.value.coins === 1n, 'F: transfer_notification with 1 nanoton');
  if (note) {
    const s = note.inMessage.body.beginParse();
    s.skip(32 + 64);
    const amount = s.loadCoins();
    const sender = s.loadAddress();
    const payload = s.loadBit() ? s.loadRef().beginParse() : s;
    check(amount === 250n && sender.equals(owner), 'F: notification amount and sender');
    check(payload.loadUint(32) === 0 && payload.loadStringTail() === memoF, 'F: memo intact in the forward payload');
  }
  const excess = txs.find((t) => t.inMessage?.info.type === 'internal' && t.inMessage.info.dest.equals(owner) &&
    t.inMessage.body.bits.length >= 32 && t.inMessage.body.beginParse().preloadUint(32) === 0xd53276db);
  check(excess !== undefined, 'F: excesses returned to the payer');
  cases.push({ name: 'F', norm: f.norm, hops: 2, want: 'confirmed', walletTx: txs.find((t) => t.inMessage?.info.type === 'external-in'),
    lastTx: bySeq(txs, shopJw), to: ownerJw, value: 50000000n });

  // G: more units than the jetton wallet holds: its transaction fails and bounces
  const g = driver('payjetton', 'v5r1', 1, VALID_UNTIL, ownerJw.toString(), recipient.address.toString(), 5000, 'order G');
  txs = await deliver(chain, g.ext);
  serve(txs);
  const jwTx = bySeq(txs, ownerJw);
  check(jwTx !== undefined && jwTx.description.computePhase.type === 'vm' && !jwTx.description.computePhase.success,
    'G: the jetton wallet refused the transfer');
  const back = txs.find((t) => t.inMessage?.info.type === 'internal' && t.inMessage.info.bounced && t.inMessage.info.dest.equals(owner));
  check(back !== undefined, 'G: the message bounced back to the wallet');
  check((await balanceOf(ownerJw)) === 750n, 'G: the jetton balance is unchanged');
  cases.push({ name: 'G', norm: g.norm, hops: 2, want: 'bounced', lastTx: jwTx, bounceValue: back?.inMessage.info.value.coins });
}

await run('coin payments', coinCases);
await run('jetton payments', jettonCases);

// ---- wetee_pay() through the toncenter stand-in ----
const execFileP = promisify(execFile);
async function payExample(emu, ...args) {
  let out;
  let code = 0;
  try {
    out = (await execFileP(PAY, [`${emu.url}/api/v2`, `${emu.url}/api/v3`, ...args.map(String)], { encoding: 'utf8' })).stdout;
  } catch (e) {
    out = e.stdout ?? '';
    code = e.code;
  }
  const line = out.split('\n').find((l) => l.startsWith('receipt: '));
  return { code, receipt: line ? JSON.parse(line.slice(9)) : null };
}

async function payCases() {
  const chain = await Blockchain.create();
  chain.now = NOW;
  const emu = await startToncenter(chain);
  try {
    const funder = await chain.treasury('funder');
    const merchant = await chain.treasury('merchant');
    const admin = await chain.treasury('admin');
    const shop = await chain.treasury('shop');
    const probe = driver('pay', 'v5r1', 0, VALID_UNTIL, merchant.address.toString(), 1, '', 1);
    const wallet = Address.parseRaw(probe.address);
    await funder.send({ to: wallet, value: toNano('10'), bounce: false });

    // P1: 2 TON with a memo; deploys the wallet
    let n = emu.sent.length;
    let { code, receipt: r } = await payExample(emu, merchant.address.toString(), '2 TON', 'order P1 ✓');
    const txs1 = emu.sent[n] ?? [];
    const wtx = txs1.find((t) => t.inMessage?.info.type === 'external-in');
    const got = bySeq(txs1, merchant.address);
    check(code === 0 && r?.status === 'confirmed' && r?.failure === 'ok', 'pay P1: confirmed', JSON.stringify(r));
    check(got?.inMessage.info.value.coins === toNano('2') && memoOf(got.inMessage.body) === 'order P1 ✓', 'pay P1: 2 TON and the memo arrived');
    check(r?.amount === '2000000000' && r?.amount_text === '2 GRAM' && r?.memo === 'order P1 ✓' && r?.route === 'ton',
      'pay P1: receipt amount, memo, route', JSON.stringify(r));
    check(wtx !== undefined && r?.tx_hash === txHex(wtx) && r?.logical_time === wtx.lt.toString(), 'pay P1: receipt tx hash and logical time',
      `${r?.tx_hash} ${r?.logical_time}`);
    check(r?.payer === wallet.toRawString() && r?.event?.destination_tx?.hash === txHex(got), 'pay P1: payer and recipient transaction');

    // P2: bounceable to an address without an account: bounces
    const fresh = new Address(0, Buffer.alloc(32, 0x99));
    n = emu.sent.length;
    ({ code, receipt: r } = await payExample(emu, fresh.toRawString(), '0.5', 'order P2'));
    const back = (emu.sent[n] ?? []).find((t) => t.inMessage?.info.type === 'internal' && t.inMessage.info.bounced);
    check(code === 3 && r?.failure === 'bounced' && r?.status === 'failed', 'pay P2: bounced', JSON.stringify(r));
    check(back !== undefined && r?.event?.bounce?.value === back.inMessage.info.value.coins.toString(), 'pay P2: the bounced value in the receipt');

    // P3: a non-bounceable UQ address of no account: credited
    const fresh2 = new Address(0, Buffer.alloc(32, 0x9a));
    ({ code, receipt: r } = await payExample(emu, fresh2.toString({ bounceable: false }), '0.3 GRAM', 'order P3'));
    check(code === 0 && r?.status === 'confirmed' && (await chain.getContract(fresh2)).balance === toNano('0.3'),
      'pay P3: credited to an address without an account', JSON.stringify(r));

    // P4: more than the wallet holds: refused before anything is sent
    n = emu.sent.length;
    ({ code, receipt: r } = await payExample(emu, merchant.address.toString(), '1000 TON', 'order P4'));
    check(code === 3 && r?.failure === 'insufficient_balance' && r?.status === 'refused' && emu.sent.length === n,
      'pay P4: refused before submission', JSON.stringify(r));

    // P5, P6: jettons (standard minter and wallet of @ton-community/assets-sdk 0.0.5)
    const { storeJettonMintMessage } = require('@ton-community/assets-sdk/dist/jetton/types/JettonMintMessage.js');
    const load = (name, key) => Cell.fromBase64(require(`@ton-community/assets-sdk/dist/jetton/contracts/build/${name}.js`)[key].codeBoc);
    const data = beginCell().storeCoins(0).storeAddress(admin.address)
      .storeRef(beginCell().storeUint(1, 8).endCell()).storeRef(load('jetton-wallet', 'jettonWalletCode')).endCell();
    const init = { code: load('jetton-minter', 'jettonMinterCode'), data };
    const minter = new Address(0, beginCell().store(storeStateInit(init)).endCell().hash());
    await admin.send({ to: minter, value: toNano('0.5'), bounce: false, init });
    await admin.send({ to: minter, value: toNano('0.2'), body: beginCell().store(storeJettonMintMessage({
      queryId: 1n, amount: 1000n, from: minter, to: wallet, responseAddress: admin.address,
      forwardTonAmount: 0n, forwardPayload: null, walletForwardValue: toNano('0.1') })).endCell() });
    const walletOf = async (a) => (await chain.runGetMethod(minter, 'get_wallet_address', [
      { type: 'slice', cell: beginCell().storeAddress(a).endCell() }])).stackReader.readAddress();
    const balanceOf = async (a) => (await chain.runGetMethod(a, 'get_wallet_data')).stackReader.readBigNumber();
    n = emu.sent.length;
    ({ code, receipt: r } = await payExample(emu, shop.address.toString(), '250 TST', 'invoice P5', minter.toString(), 'TST', 0));
    const shopJw = await walletOf(shop.address);
    const note = (emu.sent[n] ?? []).find((t) => t.inMessage?.info.type === 'internal' && t.inMessage.info.dest.equals(shop.address) &&
      t.inMessage.body.bits.length >= 32 && t.inMessage.body.beginParse().preloadUint(32) === 0x7362d09c);
    check(code === 0 && r?.status === 'confirmed' && r?.route === 'jetton' && r?.amount_text === '250 TST', 'pay P5: jetton payment confirmed',
      JSON.stringify(r));
    check((await balanceOf(shopJw)) === 250n && (await balanceOf(await walletOf(wallet))) === 750n, 'pay P5: jetton balances 750 / 250');
    check(r?.event?.destination_tx?.account === shopJw.toRawString(), 'pay P5: confirmed at the shop\'s jetton wallet');
    if (note) {
      const s = note.inMessage.body.beginParse();
      s.skip(32 + 64);
      s.loadCoins();
      s.loadAddress();
      const payload = s.loadBit() ? s.loadRef().beginParse() : s;
      check(payload.loadUint(32) === 0 && payload.loadStringTail() === 'invoice P5', 'pay P5: memo in the notification');
    } else check(false, 'pay P5: notification to the shop');
    n = emu.sent.length;
    ({ code, receipt: r } = await payExample(emu, shop.address.toString(), '5000', 'order P6', minter.toString(), 'TST', 0));
    check(code === 3 && r?.failure === 'insufficient_balance' && emu.sent.length === n && /holds 750/.test(r?.error ?? ''),
      'pay P6: refused: the jetton wallet holds 750', JSON.stringify(r));
  } finally {
    await emu.close();
  }
}
await run('pay()', payCases);

// ---- confirmation through the replay server ----
routes.push({ method: 'GET', path: '/api/v3/transactionsByMessage',
  query: { msg_hash: '00'.repeat(32), direction: 'in', limit: '1' },
  responses: [{ status: 200, body: { transactions: [], address_book: {} } }] });
const dir = mkdtempSync(join(tmpdir(), 'wetee-pay-'));
const file = join(dir, 'routes.json');
writeFileSync(file, JSON.stringify({ routes }));
const server = spawn('python3', [REPLAY, file], { stdio: ['ignore', 'pipe', 'inherit'] });
try {
  const port = await new Promise((resolve, reject) => {
    server.stdout.once('data', (d) => resolve(String(d).split('\n')[0].trim()));
    server.once('exit', () => reject(new Error('replay server exited')));
  });
  const url = `http://127.0.0.1:${port}/api/v3`;
  const STATUS = { confirmed: 2, failed: 3, bounced: 4 };
  for (const c of cases) {
    const r = driver('confirm', url, c.norm, c.hops);
    const tag = `confirm ${c.name}`;
    check(Number(r.status) === STATUS[c.want], `${tag}: status ${c.want}`, `${r.status} ${r.detail}`);
    check(Number(r.rc) === (c.want === 'confirmed' ? 0 : -15), `${tag}: return code`, r.rc);
    if (c.walletTx) check(r.wallet_tx === `${txHex(c.walletTx)} ${c.walletTx.lt}`, `${tag}: the wallet's transaction hash and lt`, r.wallet_tx);
    if (c.want === 'confirmed') {
      check(r.hops === String(c.hops), `${tag}: hops followed`, r.hops);
      check(r.payment?.startsWith(`${c.to.toRawString()} ${c.value} `), `${tag}: payment destination and value`, r.payment);
      check(r.last_tx === `${txHex(c.lastTx)} ${c.lastTx.lt} ${rawUpper(c.lastTx.inMessage.info.dest).toLowerCase()}`,
        `${tag}: the recipient's transaction`, r.last_tx);
    }
    if (c.want === 'bounced') {
      check(r.last_tx?.startsWith(`${txHex(c.lastTx)} ${c.lastTx.lt} `), `${tag}: the transaction that bounced`, r.last_tx);
      check(r.bounce?.startsWith(`${c.bounceValue} `), `${tag}: the bounced value`, r.bounce);
      check(r.detail.includes('bounced'), `${tag}: the detail says it bounced`, r.detail);
    }
    if (c.want === 'failed') check(r.detail.includes('sent no message'), `${tag}: the detail`, r.detail);
  }
  // a message nobody sent: a timeout that says the external message is unknown
  const t = driver('confirm', url, '00'.repeat(32), 1, 300);
  check(Number(t.rc) === -19 && Number(t.status) === 0 && t.detail.includes('no transaction for the external message'),
    'confirm: unknown message times out', `${t.rc} ${t.detail}`);
} finally {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}

finish();
