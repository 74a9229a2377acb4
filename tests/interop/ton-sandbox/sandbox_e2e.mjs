// End-to-end test of libwetee's TON messages in the @ton/sandbox emulator
// (TVM and transaction emulator as WebAssembly; runs offline).
//
//   node sandbox_e2e.mjs DRIVER
//
// DRIVER is the ton_sandbox program (tests/interop/ton_sandbox.c): it builds
// every external message with libwetee; this script only funds accounts,
// delivers the messages and checks the outcome on chain.
//
// Wallets v3r2, v4r2, v5r1 and highload v3, each in a fresh chain:
//   1. the wallet's (uninitialised) address is funded with 1 TON, non-bounceable
//   2. libwetee's first external message deploys it and sends 0.1 TON with
//      send mode 1 (W5: 3, as W5 requests carry +2 ignore-errors)
//      and comment "e2e" to a fresh address: the wallet's transaction succeeds
//      (compute exit 0, action phase ok), the destination holds exactly 0.1
//      TON, seqno is 1 (highload: the query id is marked processed)
//   3. a second transfer (seqno 1 / query id 1): destination 0.2 TON, seqno 2
//   4. negatives: the first message delivered again (replay), and a copy of
//      the next message with one signature bit flipped, must be refused and
//      leave the balances and seqno unchanged
// Jettons (TEP-74, the token-contract minter and wallet published in
// @ton-community/assets-sdk, code loaded from the package at test time), with
// the wallet code as an ordinary cell and as a library cell (registered in
// the chain's libraries, as jetton-contract 2.0 and USDT do):
//   5. the minter is deployed and mints 1000 units to the W5 wallet's owner
//   6. libwetee computes the owner's jetton wallet address (must equal the
//      minter's get_wallet_address) and builds a W5 transfer that deploys the
//      wallet and sends 400 units to another owner with a comment forward
//      payload: get_wallet_data gives 600 and 400, the recipient got the
//      transfer_notification with the comment
//
// Ends with "N passed, M failed"; exit status 1 on any failure.
import { createRequire } from 'node:module';
import { Address, Cell, beginCell, toNano, Dictionary, loadMessage, storeMessage, storeStateInit } from '@ton/core';
import { Blockchain } from '@ton/sandbox';
import { check, finish, run, runDriver } from './harness.mjs';

const require = createRequire(import.meta.url);
const DRIVER = process.argv[2];
if (!DRIVER) {
  console.error('usage: node sandbox_e2e.mjs DRIVER');
  process.exit(2);
}

const driver = (...args) => runDriver(DRIVER, ...args);

// Fixed chain time; valid_until lies a minute ahead, highload's created_at
// a few seconds behind (the contract rejects requests from the future).
const NOW = 1767225600; // 2026-01-01T00:00:00Z
const VALID_UNTIL = NOW + 60;
const CREATED_AT = NOW - 5;

async function seqnoOf(chain, version, addr, queryId) {
  if (version === 'highload') {
    // processed?(query_id, need_clean) -> -1 when the query id was used
    const r = await chain.runGetMethod(addr, 'processed?', [
      { type: 'int', value: BigInt(queryId) },
      { type: 'int', value: 0n },
    ]);
    return r.stackReader.readBigNumber() === -1n ? 'processed' : 'not processed';
  }
  const r = await chain.runGetMethod(addr, 'seqno');
  return Number(r.stackReader.readBigNumber());
}

// Deliver an external message. Returns the wallet's transaction, or null when
// the chain refused the message (sandbox throws for an external message the
// contract did not accept).
let lastTransactions = [];
async function deliver(chain, boc, wallet) {
  lastTransactions = [];
  try {
    const res = await chain.sendMessage(Cell.fromBase64(boc));
    lastTransactions = res.transactions;
    return res.transactions.find((t) => t.inMessage?.info.type === 'external-in' &&
      t.inMessage.info.dest.equals(wallet)) ?? null;
  } catch (e) {
    return null;
  }
}

function txOk(tx) {
  const d = tx?.description;
  return d?.type === 'generic' && d.computePhase.type === 'vm' && d.computePhase.success &&
    d.computePhase.exitCode === 0 && d.actionPhase?.success === true && !d.aborted;
}

function flipSignatureBit(boc, version) {
  // the signature is the first 512 bits of the body (v3r2, v4r2, highload)
  // or the last 512 (v5r1); the message is re-stored as @ton/core lays it out
  const msg = loadMessage(Cell.fromBase64(boc).beginParse());
  const bits = msg.body.bits;
  const pos = version === 'v5r1' ? bits.length - 1 : 0;
  const b = beginCell();
  for (let i = 0; i < bits.length; i++) b.storeBit(i === pos ? !bits.at(i) : bits.at(i));
  for (const r of msg.body.refs) b.storeRef(r);
  msg.body = b.endCell();
  return beginCell().store(storeMessage(msg)).endCell().toBoc().toString('base64');
}

async function walletCase(version) {
  const chain = await Blockchain.create();
  chain.now = NOW;
  const funder = await chain.treasury('funder');
  const dest = new Address(0, Buffer.alloc(32, version.length + 0x40)); // fresh, uninitialised
  const destStr = dest.toString({ bounceable: false });
  const time = version === 'highload' ? CREATED_AT : VALID_UNTIL;
  const tag = `${version}`;

  const m0 = driver('wallet', version, 0, time, destStr, toNano('0.1'));
  const wallet = Address.parseRaw(m0.address);
  await funder.send({ to: wallet, value: toNano('1'), bounce: false });
  check((await chain.getContract(wallet)).accountState?.type !== 'active', `${tag}: wallet not yet deployed`);

  // the send mode inside the signed request: 1 as given, W5 adds +2
  // (ignore errors) to every action of an external request
  const body0 = loadMessage(Cell.fromBase64(m0.ext).beginParse()).body.beginParse();
  let mode;
  if (version === 'v5r1') {
    const node = body0.skip(32 * 4).loadMaybeRef().beginParse(); // ^prev, action_send_msg, mode, ^msg
    check(node.loadUint(32) === 0x0ec3c86d, `${tag}: out action is action_send_msg`);
    mode = node.loadUint(8);
  } else if (version === 'highload') {
    const inner = body0.skip(512).loadRef().beginParse();
    inner.skip(32);
    inner.loadRef();
    mode = inner.loadUint(8);
  } else {
    body0.skip(512 + 96 + (version === 'v4r2' ? 8 : 0));
    mode = body0.loadUint(8);
  }
  check(mode === (version === 'v5r1' ? 3 : 1), `${tag}: send mode in the signed request`, String(mode));

  const tx0 = await deliver(chain, m0.ext, wallet);
  check(txOk(tx0), `${tag}: deploy + transfer executed`, tx0 ? JSON.stringify(tx0.description.computePhase, (k, v) => typeof v === 'bigint' ? v.toString() : v) : 'refused');
  check((await chain.getContract(wallet)).accountState?.type === 'active', `${tag}: wallet active`);
  check((await chain.getContract(dest)).balance === toNano('0.1'), `${tag}: destination holds 0.1 TON`,
    String((await chain.getContract(dest)).balance));
  const s1 = await seqnoOf(chain, version, wallet, 0);
  check(version === 'highload' ? s1 === 'processed' : s1 === 1, `${tag}: seqno after the first transfer`, String(s1));

  const m1 = driver('wallet', version, 1, time, destStr, toNano('0.1'));
  check(m1.address === m0.address, `${tag}: same address`);
  const tx1 = await deliver(chain, m1.ext, wallet);
  check(txOk(tx1), `${tag}: second transfer executed`);
  check((await chain.getContract(dest)).balance === toNano('0.2'), `${tag}: destination holds 0.2 TON`);
  const s2 = await seqnoOf(chain, version, wallet, 1);
  check(version === 'highload' ? s2 === 'processed' : s2 === 2, `${tag}: seqno after the second transfer`, String(s2));

  const before = (await chain.getContract(wallet)).balance;
  check(!txOk(await deliver(chain, m0.ext, wallet)), `${tag}: replayed first message refused`);
  const m2 = driver('wallet', version, 2, time, destStr, toNano('0.1'));
  check(!txOk(await deliver(chain, flipSignatureBit(m2.ext, version), wallet)), `${tag}: tampered signature refused`);
  check((await chain.getContract(dest)).balance === toNano('0.2'), `${tag}: destination unchanged by the refused messages`);
  check((await chain.getContract(wallet)).balance === before, `${tag}: wallet balance unchanged by the refused messages`);
  if (version !== 'highload') check((await seqnoOf(chain, version, wallet)) === 2, `${tag}: seqno unchanged`);
  // the untampered message is still good: the check above is not vacuous
  check(txOk(await deliver(chain, m2.ext, wallet)), `${tag}: untampered third transfer executed`);
  check((await chain.getContract(dest)).balance === toNano('0.3'), `${tag}: destination holds 0.3 TON`);
}

function loadAssetsCode(name, key) {
  const mod = require(`@ton-community/assets-sdk/dist/jetton/contracts/build/${name}.js`);
  return Cell.fromBase64(mod[key].codeBoc);
}

async function jettonWalletBalance(chain, addr) {
  const r = await chain.runGetMethod(addr, 'get_wallet_data');
  return r.stackReader.readBigNumber();
}

async function jettonCase(useLibrary) {
  const tag = `jetton (${useLibrary ? 'library' : 'ordinary'} wallet code)`;
  const { storeJettonMintMessage } = require('@ton-community/assets-sdk/dist/jetton/types/JettonMintMessage.js');
  const minterCode = loadAssetsCode('jetton-minter', 'jettonMinterCode');
  const walletCode = loadAssetsCode('jetton-wallet', 'jettonWalletCode');
  const chain = await Blockchain.create();
  chain.now = NOW;
  let code = walletCode;
  if (useLibrary) {
    const libs = Dictionary.empty(Dictionary.Keys.Buffer(32), Dictionary.Values.Cell());
    libs.set(walletCode.hash(), walletCode);
    chain.libs = beginCell().storeDictDirect(libs).endCell();
    code = beginCell().storeUint(2, 8).storeBuffer(walletCode.hash()).endCell({ exotic: true });
  }
  const admin = await chain.treasury('admin');
  const funder = await chain.treasury('funder');
  const recipient = await chain.treasury('recipient');
  // token-contract minter data: total_supply, admin, ^content, ^wallet_code
  const data = beginCell().storeCoins(0).storeAddress(admin.address)
    .storeRef(beginCell().storeUint(1, 8).endCell()).storeRef(code).endCell();
  const init = { code: minterCode, data };
  const minter = new Address(0, beginCell().store(storeStateInit(init)).endCell().hash());
  await admin.send({ to: minter, value: toNano('0.5'), bounce: false, init });
  check((await chain.getContract(minter)).accountState?.type === 'active', `${tag}: minter deployed`);

  // the W5 wallet's address from the driver (any transfer prints it)
  const codeB64 = code.toBoc().toString('base64');
  const probe = driver('jetton', 'v5r1', 0, VALID_UNTIL, minter.toString(), codeB64,
    recipient.address.toString(), 400);
  const owner = Address.parseRaw(probe.address);
  await funder.send({ to: owner, value: toNano('1'), bounce: false });

  const mint = beginCell().store(storeJettonMintMessage({
    queryId: 1n, amount: 1000n, from: minter, to: owner, responseAddress: admin.address,
    forwardTonAmount: 0n, forwardPayload: null, walletForwardValue: toNano('0.1'),
  })).endCell();
  await admin.send({ to: minter, value: toNano('0.2'), body: mint });

  const gwa = await chain.runGetMethod(minter, 'get_wallet_address', [
    { type: 'slice', cell: beginCell().storeAddress(owner).endCell() },
  ]);
  const ownerJw = gwa.stackReader.readAddress();
  check(ownerJw.equals(Address.parseRaw(probe.jetton_wallet)), `${tag}: libwetee's jetton wallet address equals get_wallet_address`,
    `${probe.jetton_wallet} vs ${ownerJw.toRawString()}`);
  check((await jettonWalletBalance(chain, ownerJw)) === 1000n, `${tag}: minted 1000`);

  // probe's message is the real one: seqno 0 deploys the W5 wallet too
  const tx = await deliver(chain, probe.ext, owner);
  check(txOk(tx), `${tag}: W5 transfer carrying the jetton transfer executed`);
  const gwr = await chain.runGetMethod(minter, 'get_wallet_address', [
    { type: 'slice', cell: beginCell().storeAddress(recipient.address).endCell() },
  ]);
  const recipientJw = gwr.stackReader.readAddress();
  check((await jettonWalletBalance(chain, ownerJw)) === 600n, `${tag}: sender's jetton wallet holds 600`);
  let rb = -1n;
  try { rb = await jettonWalletBalance(chain, recipientJw); } catch (e) { /* not deployed */ }
  check(rb === 400n, `${tag}: recipient's jetton wallet holds 400`, String(rb));
  const owners = await chain.runGetMethod(recipientJw, 'get_wallet_data');
  owners.stackReader.readBigNumber();
  check(owners.stackReader.readAddress().equals(recipient.address), `${tag}: recipient's jetton wallet owner`);
  // transfer_notification#7362d09c query_id:64 amount:Coins sender:MsgAddress
  // forward_payload:(Either Cell ^Cell) reached the recipient with 0.01 TON
  const note = lastTransactions.find((t) => t.inMessage?.info.type === 'internal' &&
    t.inMessage.info.dest.equals(recipient.address) && t.inMessage.body.bits.length >= 32 &&
    t.inMessage.body.beginParse().preloadUint(32) === 0x7362d09c);
  check(note !== undefined && note.inMessage.info.value.coins === toNano('0.01'), `${tag}: transfer_notification with 0.01 TON`);
  if (note) {
    const s = note.inMessage.body.beginParse();
    s.loadUint(32);
    const q = s.loadUintBig(64);
    const amount = s.loadCoins();
    const sender = s.loadAddress();
    const payload = s.loadBit() ? s.loadRef().beginParse() : s;
    const op = payload.loadUint(32);
    const text = payload.loadStringTail();
    check(q === 7n && amount === 400n && sender.equals(owner) && op === 0 && text === 'jetton e2e',
      `${tag}: notification fields (query id, amount, sender, comment)`, `${q} ${amount} ${sender} ${op} ${text}`);
  }
  // the excess TON went back to the W5 wallet (response destination)
  const excess = lastTransactions.find((t) => t.inMessage?.info.type === 'internal' &&
    t.inMessage.info.dest.equals(owner) && t.inMessage.body.bits.length >= 32 &&
    t.inMessage.body.beginParse().preloadUint(32) === 0xd53276db);
  check(excess !== undefined, `${tag}: excesses returned to the response destination`);
}

for (const v of ['v3r2', 'v4r2', 'v5r1', 'highload']) await run(v, () => walletCase(v));
for (const lib of [false, true]) await run(`jetton ${lib}`, () => jettonCase(lib));
finish();
