#!/usr/bin/env node
// Transactions built offline by libwetee, submitted to the parachain
// template runtime run by Chopsticks (tests/devnode/run.sh starts it).
//
//   node tx_devnode.mjs WS_URL TX_VECTORS WORKDIR
//
// Every transaction's bytes come from libwetee (tests/interop/tx_vectors,
// requests "sign" and "mdhash"); polkadot.js (@polkadot/api) is only the
// JSON-RPC client that reads state, sets storage and submits. Cases:
//   1. //Alice (sr25519) -> //Bob Balances.transfer_keep_alive, immortal,
//      CheckMetadataHash mode 0: included, ExtrinsicSuccess, Bob's free
//      balance up by exactly the amount, Alice's nonce up by one
//   2. an ed25519 and 3. an ecdsa account, funded with dev_setStorage, send
//      to Bob with mortal eras (periods 64 and 16 from the best block); the
//      ed25519 one with the runtime versions libwetee reads from the metadata
//   4. CheckMetadataHash mode 1 with wetee_metadata_hash() of the runtime's
//      V15 metadata (decimals 12, symbol UNIT): this runtime was built
//      without a metadata hash, so its CheckMetadataHash refuses mode 1
//      outright: 1011 {"unknown":{"cannotLookup":null}}, nothing transferred.
//      The test fails if that changes (docs/extrinsics.md)
//   5. a valid transaction with one signature byte changed: 1010 badProof
//   6. a mortal transaction (period 4) submitted after its era has passed
//      (8 blocks later): rejected as invalid
// Prints one line per check and "N passed, M failed".

import { ApiPromise, WsProvider } from '@polkadot/api';
import { blake2AsU8a, encodeAddress } from '@polkadot/util-crypto';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [url, txBin, work] = process.argv.slice(2);
let passed = 0;
let failed = 0;
function check(ok, what, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? `: ${detail}` : ''}`);
}

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const FIXTURE = `${work}/metadata-v15.hex`;

// libwetee: one request file, one answer per line
function libwetee(lines) {
  const req = [`fixture\tdev\t${FIXTURE}`, ...lines];
  writeFileSync(`${work}/req.tsv`, `${req.join('\n')}\n`);
  const r = spawnSync(txBin, ['run', `${work}/req.tsv`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tx_vectors failed: ${r.stderr}`);
  const out = r.stdout.split('\n').slice(0, req.length);
  if (out[0] !== 'ok') throw new Error(`libwetee cannot load the runtime's metadata: ${out[0]}`);
  return out.slice(1);
}

const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true, throwOnConnect: true });
const provider = api._rpcCore.provider;
try {
  const genesis = (await api.rpc.chain.getBlockHash(0)).toHex();
  const rv = await api.rpc.state.getRuntimeVersion();
  const spec = rv.specVersion.toString();
  const txv = rv.transactionVersion.toString();
  // the runtime's V15 metadata (Option<OpaqueMetadata>), as libwetee reads it
  const v15 = await provider.send('state_call', ['Metadata_metadata_at_version', '0x0f000000']);
  writeFileSync(FIXTURE, v15);

  const best = async () => {
    const h = await api.rpc.chain.getHeader();
    return { number: h.number.toNumber(), hash: h.hash.toHex() };
  };
  const nonceOf = async (who) => (await api.rpc.system.accountNextIndex(who)).toNumber();
  const freeOf = async (who) => (await api.query.system.account(who)).data.free.toBigInt();

  // a signed transfer_keep_alive from libwetee: [extrinsic, raw payload, signed payload, public key]
  // (versionsFromMetadata: spec and transaction versions left to libwetee,
  // which takes them from the metadata's System.Version)
  async function transfer(scheme, secret, from, amount, { era = 'immortal', mdHash = '-', versionsFromMetadata = false } = {}) {
    const nonce = await nonceOf(from);
    const call = `json:Balances:transfer_keep_alive:{"dest":{"Id":"${BOB}"},"value":"${amount}"}`;
    const [a] = libwetee([['sign', 'dev', scheme, secret, call, genesis, versionsFromMetadata ? '-' : spec, versionsFromMetadata ? '-' : txv, String(nonce), '0', era, '-', mdHash].join('\t')]);
    if (a.startsWith('!')) throw new Error(`libwetee: ${a.slice(1)}`);
    return a.split('\t');
  }

  // author_submitAndWatchExtrinsic until inBlock: {block} or {error}
  function submit(hex) {
    return new Promise((resolve) => {
      let sub = null;
      const done = (v) => {
        if (sub !== null) provider.unsubscribe('author_extrinsicUpdate', 'author_unwatchExtrinsic', sub).catch(() => {});
        resolve(v);
      };
      provider.subscribe('author_extrinsicUpdate', 'author_submitAndWatchExtrinsic', [hex], (err, st) => {
        if (err) return done({ error: err.message });
        if (st && typeof st === 'object' && st.inBlock) return done({ block: st.inBlock });
        if (st && typeof st === 'object' && (st.invalid !== undefined || st.dropped !== undefined || st.usurped)) return done({ error: JSON.stringify(st) });
        return undefined;
      }).then((id) => { sub = id; }, (err) => done({ error: err.message }));
      setTimeout(() => done({ error: 'timeout: no inBlock after 30 s' }), 30000);
    });
  }

  async function outcome(block) {
    const events = await (await api.at(block)).query.system.events();
    // the events of the block's extrinsics (the inherents' and ours), as Pallet.Event
    const names = events.filter((e) => e.phase.isApplyExtrinsic).map((e) => `${e.event.section}.${e.event.method}`.toLowerCase());
    return names;
  }

  async function transferCase(label, scheme, secret, from, amount, opts) {
    const bob0 = await freeOf(BOB);
    const n0 = await nonceOf(from);
    const [ext] = await transfer(scheme, secret, from, amount, opts);
    const r = await submit(ext);
    check(r.block !== undefined, `${label}: included`, r.error ?? '');
    if (r.block === undefined) return;
    const ev = await outcome(r.block);
    check(ev.includes('system.extrinsicsuccess') && ev.includes('balances.transfer') && !ev.includes('system.extrinsicfailed'), `${label}: events`, ev.join(', '));
    const bob1 = await freeOf(BOB);
    check(bob1 - bob0 === amount, `${label}: Bob's balance`, `${bob0} -> ${bob1}, expected +${amount}`);
    check(await nonceOf(from) === n0 + 1, `${label}: sender's nonce`, `${n0} -> ${await nonceOf(from)}`);
  }

  // 1. //Alice, sr25519, immortal, mode 0
  {
    const [, , , pub] = await transfer('sr25519', 'suri://Alice', ALICE, 1n);
    check(encodeAddress(hexToU8a(pub), 42) === ALICE, 'libwetee derives //Alice', encodeAddress(hexToU8a(pub), 42));
  }
  await transferCase('sr25519 //Alice -> //Bob, immortal, CheckMetadataHash mode 0', 'sr25519', 'suri://Alice', ALICE, 1000000000000n);

  // 2., 3. ed25519 and ecdsa accounts funded with dev_setStorage
  const fund = async (who, free) => {
    const total = (await api.query.balances.totalIssuance()).toBigInt();
    const before = (await api.query.system.account(who)).data.free.toBigInt();
    await provider.send('dev_setStorage', [{
      System: { Account: [[[who], { providers: 1, data: { free: free.toString() } }]] },
      Balances: { TotalIssuance: (total - before + free).toString() },
    }]);
  };
  for (const [scheme, period] of [['ed25519', 64], ['ecdsa', 16]]) {
    const secret = `suri://WeteeDevnode${scheme}`;
    const [, , , pub] = await transfer(scheme, secret, ALICE, 1n); // the public key only
    const id = scheme === 'ecdsa' ? blake2AsU8a(hexToU8a(pub), 256) : hexToU8a(pub);
    const who = encodeAddress(id, 42);
    await fund(who, 10n ** 16n);
    check(await freeOf(who) === 10n ** 16n, `${scheme} account ${who} funded with dev_setStorage`);
    const b = await best();
    await transferCase(`${scheme} -> //Bob, mortal (period ${period} from block ${b.number})${scheme === 'ed25519' ? ', runtime versions from the metadata' : ''}`,
      scheme, secret, who, 2500000000000n, { era: `${period},${b.number},${b.hash}`, versionsFromMetadata: scheme === 'ed25519' });
  }

  // 4. CheckMetadataHash mode 1 with libwetee's RFC-0078 hash
  {
    const [h] = libwetee(['mdhash\tdev\t12\tUNIT']);
    check(/^0x[0-9a-f]{64}$/.test(h), 'wetee_metadata_hash of the runtime\'s V15 metadata', h);
    const bob0 = await freeOf(BOB);
    const [ext] = await transfer('sr25519', 'suri://Alice', ALICE, 7n, { mdHash: h });
    const r = await submit(ext);
    // this runtime was built without a metadata hash: CheckMetadataHash
    // refuses mode 1 before any signature check, as UnknownTransaction::
    // CannotLookup (1011); a runtime with a different hash would answer
    // 1010 badProof, one with this hash would include the transaction
    check(r.error !== undefined && /1011/.test(r.error) && /cannotLookup/i.test(r.error),
      'CheckMetadataHash mode 1: rejected with 1011 cannotLookup (the runtime has no metadata hash)', r.error ?? `included in ${r.block}`);
    check(await freeOf(BOB) === bob0, 'CheckMetadataHash mode 1: no transfer');
    console.log(`     metadata hash ${h}`);
  }

  // 5. a signature byte changed
  {
    const [ext] = await transfer('sr25519', 'suri://Alice', ALICE, 5n);
    const b = hexToU8a(ext);
    // length prefix (2 bytes here), 0x84, MultiAddress::Id (33), MultiSignature tag, then the signature
    const at = b.length - 1 > 0x3fff ? 0 : (b.length - 1 > 63 ? 2 : 1);
    const bad = Uint8Array.from(b);
    bad[at + 1 + 33 + 1 + 10] ^= 0x01;
    const r = await submit(u8aToHex(bad));
    check(r.error !== undefined && /1010/.test(r.error) && /badProof/i.test(r.error), 'changed signature byte: 1010 badProof', r.error ?? 'accepted');
  }

  // 6. a mortal transaction past its era
  {
    const b = await best();
    const [ext] = await transfer('sr25519', 'suri://Alice', ALICE, 6n, { era: `4,${b.number},${b.hash}` });
    await provider.send('dev_newBlock', [{ count: 8 }]);
    const b2 = await best();
    const r = await submit(ext);
    check(r.error !== undefined && /1010/.test(r.error), `mortal era (period 4 from block ${b.number}) submitted at block ${b2.number}: rejected`, r.error ?? 'accepted');
  }
} catch (err) {
  check(false, 'devnode test', err.stack ?? err.message);
} finally {
  await api.disconnect();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
