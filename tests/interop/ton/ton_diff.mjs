// Differential test of libwetee's TON module against @ton/core and
// @ton/crypto: the JavaScript side. ../run.sh drives it with ton_vectors.c.
//
//   node ton_diff.mjs gen SEED COUNT      random cells (ordinary and exotic,
//       with shared subtrees), addresses, builder cases and mnemonics, as
//       @ton/core serialises and hashes them; one TSV record per line:
//       cell  boc(idx=0,crc=0) boc(0,1) boc(1,0) boc(1,1) hashes(0..3) depths(0..3)
//       addr  raw form0 .. form7   (form flags: 1 bounceable, 2 test-only, 4 standard base64)
//       bad   text                 (an address @ton/core rejects)
//       build coins text_hex addr_raw_or_empty hash boc
//   node ton_diff.mjs check FILE          check libwetee's output (ton_vectors gen):
//       cell  boc_crc boc_idx hashes depths
//       addr  raw form0 .. form7
//     prints "N passed, M failed"; exit 1 on any failure.
import { readFileSync } from 'node:fs';
import { Address, beginCell, Cell, contractAddress, Dictionary, external, internal, storeMessage } from '@ton/core';
import { WalletContractV3R2, WalletContractV4, WalletContractV5R1 } from '@ton/ton';
import { mnemonicNew, mnemonicToPrivateKey, mnemonicValidate } from '@ton/crypto';
import { Rng } from '../rng.mjs';

const hex = (b) => Buffer.from(b).toString('hex');

function randBytes(rng, n) {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = rng.below(256);
  return b;
}

function randomBits(rng, b, n) {
  let left = n;
  while (left > 0) {
    const k = Math.min(left, 30);
    b.storeUint(rng.below(2 ** k), k);
    left -= k;
  }
}

function genCell(rng, depth, pool) {
  const r = rng.below(24);
  let c;
  if (r === 0) {
    c = beginCell().storeUint(2, 8).storeBuffer(randBytes(rng, 32)).endCell({ exotic: true });
  } else if (r === 1 && depth > 0) {
    // masks 1, 3 and 7 only: for the others (2, 4, 5, 6) @ton/core 0.63.1
    // reads `level` hashes where the layout (and ton-blockchain/ton) has
    // popcount(mask); libwetee follows ton-blockchain/ton
    const mask = rng.pick([1, 3, 7]);
    const n = [0, 1, 1, 2, 1, 2, 2, 3][mask];
    const b = beginCell().storeUint(1, 8).storeUint(mask, 8);
    for (let i = 0; i < n; i++) b.storeBuffer(randBytes(rng, 32));
    for (let i = 0; i < n; i++) b.storeUint(rng.below(1000), 16);
    c = b.endCell({ exotic: true });
  } else if (r === 2 && depth > 0) {
    const child = genCell(rng, depth - 1, pool);
    c = beginCell().storeUint(3, 8).storeBuffer(child.hash(0)).storeUint(child.depth(0), 16)
      .storeRef(child).endCell({ exotic: true });
  } else if (r === 3 && depth > 0) {
    const a = genCell(rng, depth - 1, pool), d = genCell(rng, depth - 1, pool);
    c = beginCell().storeUint(4, 8).storeBuffer(a.hash(0)).storeBuffer(d.hash(0))
      .storeUint(a.depth(0), 16).storeUint(d.depth(0), 16).storeRef(a).storeRef(d).endCell({ exotic: true });
  } else {
    const b = beginCell();
    const nbits = rng.chance(0.3) ? rng.below(1024) : rng.below(80);
    randomBits(rng, b, nbits);
    const nrefs = depth > 0 ? rng.below(5) : 0;
    for (let i = 0; i < nrefs; i++) {
      if (pool.length && rng.chance(0.25)) b.storeRef(rng.pick(pool));
      else b.storeRef(genCell(rng, depth - 1, pool));
    }
    c = b.endCell();
  }
  pool.push(c);
  return c;
}

const levels = (c, f) => [0, 1, 2, 3].map(f).join(',');
const hashes = (c) => levels(c, (i) => hex(c.hash(i)));
const depths = (c) => levels(c, (i) => c.depth(i));

function randomAddress(rng) {
  const wc = rng.pick([0, 0, -1, rng.range(-128, 127)]);
  return new Address(wc, randBytes(rng, 32));
}

const forms = (a) => [0, 1, 2, 3, 4, 5, 6, 7].map((f) =>
  a.toString({ bounceable: !!(f & 1), testOnly: !!(f & 2), urlSafe: !(f & 4) }));

function randomText(rng) {
  const alphabet = ['a', 'b', 'Z', ' ', '0', 'é', 'Ж', '€', '🔑', '\n'];
  const n = rng.pick([0, 1, 5, 60, 126, 127, 128, 200, 254, 255, 256, 400, 1000]);
  let s = '';
  while (Buffer.byteLength(s) < n) s += rng.pick(alphabet);
  return s;
}

async function gen(seed, count) {
  const rng = new Rng(seed, 'ton');
  const out = [];
  for (let i = 0; i < count; i++) {
    const pool = [];
    const c = genCell(rng, rng.range(0, 6), pool);
    const bocs = [[false, false], [false, true], [true, false], [true, true]]
      .map(([idx, crc32]) => hex(c.toBoc({ idx, crc32 })));
    out.push(['cell', ...bocs, hashes(c), depths(c)].join('\t'));
  }
  for (let i = 0; i < count; i++) {
    const a = randomAddress(rng);
    out.push(['addr', a.toRawString(), ...forms(a)].join('\t'));
    // one corrupted character in a user-friendly form; keep it only when @ton/core rejects it
    const f = rng.pick(forms(a));
    const pos = rng.below(48);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const ch = rng.pick(alphabet.split('').filter((x) => x !== f[pos]));
    const bad = f.slice(0, pos) + ch + f.slice(pos + 1);
    let rejected = false;
    try { Address.parse(bad); } catch { rejected = true; }
    if (rejected) out.push(['bad', bad].join('\t'));
  }
  for (let i = 0; i < count; i++) {
    const coins = rng.pick([0n, 1n, 1500000000n, rng.bits(rng.range(1, 120))]);
    const text = randomText(rng);
    const addr = rng.chance(0.2) ? null : randomAddress(rng);
    const c = beginCell().storeCoins(coins).storeAddress(addr).storeStringTail(text).endCell();
    out.push(['build', coins.toString(), hex(Buffer.from(text)), addr ? addr.toRawString() : '', hex(c.hash()),
      hex(c.toBoc({ idx: false, crc32: true }))].join('\t'));
  }
  // mnemonics from mnemonicNew (its own randomness; the lines carry the words)
  const nm = Math.max(2, Math.min(20, Math.floor(count / 50)));
  for (let i = 0; i < nm; i++) {
    const password = i % 8 === 7 ? 'pass ' + i : '';
    const words = await mnemonicNew(24, password || undefined);
    const kp = await mnemonicToPrivateKey(words, password || undefined);
    out.push(['mnem', words.join(' '), hex(Buffer.from(password)), hex(kp.secretKey), hex(kp.publicKey)].join('\t'));
  }
  genDicts(rng, count, out);
  genJettons(rng, count, out);
  await genWallets(rng, count, out);
  process.stdout.write(out.join('\n') + '\n');
}

// Dictionaries (HashmapE n X) as @ton/core Dictionary serialises them:
//   dict  n  entries  hashmape_boc
// entries: ','-separated "key_hex=value_boc_hex"; the key is n bits MSB first
// padded with zero bits to whole bytes; the value cell holds the bits and
// references the value serialiser writes into the leaf.
function genDicts(rng, count, out) {
  const n = Math.max(30, Math.floor(count / 2));
  for (let i = 0; i < n; i++) {
    const kb = rng.pick([1, 3, 8, 16, 32, 64, 100, 256, 267]);
    const vt = rng.pick(['uint', 'cell', 'buffer']);
    const vk = vt === 'uint' ? rng.range(1, 64) : rng.range(1, 40);
    const values = vt === 'uint' ? Dictionary.Values.BigUint(vk) : vt === 'cell' ? Dictionary.Values.Cell()
      : Dictionary.Values.Buffer(vk);
    const dict = Dictionary.empty(Dictionary.Keys.BigUint(kb), values);
    const count2 = rng.pick([0, 1, 2, 3, rng.range(4, 40)]);
    const base = rng.bits(kb);
    for (let k = 0; k < count2; k++) {
      // clustered keys (shared prefixes) half of the time
      let key = rng.chance(0.5) ? rng.bits(kb) : (base ^ BigInt(rng.below(64))) & ((1n << BigInt(kb)) - 1n);
      const v = vt === 'uint' ? rng.bits(vk) : vt === 'cell' ? genCell(rng, rng.range(0, 1), []) : randBytes(rng, vk);
      dict.set(key, v);
    }
    const entries = [];
    for (const [key, v] of dict) {
      const bits = key.toString(2).padStart(kb, '0').padEnd(Math.ceil(kb / 8) * 8, '0');
      const keyHex = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2))).toString('hex');
      const vb = beginCell();
      values.serialize(v, vb);
      entries.push(`${keyHex}=${hex(vb.endCell().toBoc())}`);
    }
    out.push(['dict', kb, entries.join(','), hex(beginCell().storeDict(dict).endCell().toBoc())].join('\t'));
  }
}

// Jetton transfer bodies and wallet addresses, encoded with @ton/core as the
// reference wrappers of ton-blockchain/jetton-contract do
// (JettonWallet.transferMessage: forward payload by reference when given a
// Cell, else inline; jettonWalletConfigToCell: status:4 balance owner master)
// and as the original token contract (balance owner master ^code):
//   jetton  query_id amount dest resp custom_boc fwd_ton fwd_boc inline body_boc owner master code_boc layout wallet
// layout 1 = status, 2 = code reference; empty fields mean none.
const LIBRARY_CODE = 'te6ccgEBAgEALQABDv8AiNDtHtgBCEICGbgzd5nhZ9WhSM+4juFCvgMYJOtxthFdtTKIH6M/6SM=';
function genJettons(rng, count, out) {
  const n = Math.max(30, Math.floor(count / 4));
  for (let i = 0; i < n; i++) {
    const queryId = rng.bits(rng.range(0, 64));
    const amount = rng.bits(rng.range(0, 120));
    const dest = randomAddress(rng);
    const resp = rng.chance(0.8) ? randomAddress(rng) : null;
    const custom = rng.chance(0.2) ? genCell(rng, 1, []) : null;
    const fwdTon = rng.pick([0n, 1n, 50000000n, rng.bits(rng.range(1, 60))]);
    const kind = rng.pick(['none', 'comment', 'cell']);
    let fwd = null;
    if (kind === 'comment') fwd = beginCell().storeUint(0, 32).storeStringTail(randomText(rng).slice(0, 40)).endCell();
    if (kind === 'cell') fwd = beginCell().storeUint(rng.u32(), 32).endCell();
    const b = beginCell().storeUint(0x0f8a7ea5, 32).storeUint(queryId, 64).storeCoins(amount)
      .storeAddress(dest).storeAddress(resp).storeMaybeRef(custom).storeCoins(fwdTon);
    const inline = fwd !== null && rng.chance(0.4) && b.availableBits >= 1 + fwd.bits.length &&
      b.refs + fwd.refs.length <= 4;
    if (fwd === null) b.storeBit(0);
    else if (inline) b.storeBit(0).storeSlice(fwd.beginParse());
    else b.storeBit(1).storeRef(fwd);
    const body = b.endCell();
    const owner = randomAddress(rng), master = randomAddress(rng);
    const layout = rng.pick([1, 2]);
    const code = rng.chance(0.5) ? Cell.fromBase64(LIBRARY_CODE) : genCell(rng, 1, []);
    const data = layout === 1
      ? beginCell().storeUint(0, 4).storeCoins(0).storeAddress(owner).storeAddress(master).endCell()
      : beginCell().storeCoins(0).storeAddress(owner).storeAddress(master).storeRef(code).endCell();
    const wallet = contractAddress(master.workChain, { code, data });
    const opt = (c) => (c ? hex(c.toBoc()) : '');
    out.push(['jetton', queryId, amount, dest.toRawString(), resp ? resp.toRawString() : '', opt(custom), fwdTon,
      opt(fwd), inline ? 1 : 0, hex(body.toBoc()), owner.toRawString(), master.toRawString(), hex(code.toBoc()), layout,
      wallet.toRawString()].join('\t'));
  }
}

// The first mnemonic of ton-crypto's mnemonic.spec.ts (../shared/reference/ton.md §4).
const FIXED_MNEMONIC = 'hospital stove relief fringe tongue always charge angry urge sentence again match ' +
  'nerve inquiry senior coconut label tumble carry category beauty bean road solution';

// Signed transfers of v3r2, v4r2 and v5r1 made by @ton/ton createTransfer and
// wrapped as TonClient sends them (external() + storeMessage):
//   key     mnemonic
//   wallet  version wc id seqno valid_until mode deploy messages address body_hash ext_boc
// id: v3r2/v4r2 the wallet id (decimal); v5r1 "network_global_id:subwallet_number".
// messages: ';'-separated "dest_raw,value,bounce,kind,payload_hex,code_boc_hex,data_boc_hex"
// with kind none | comment (payload = UTF-8) | body (payload = BOC); code/data empty without init.
async function genWallets(rng, count, out) {
  const kp = await mnemonicToPrivateKey(FIXED_MNEMONIC.split(' '));
  out.push(['key', FIXED_MNEMONIC].join('\t'));
  const n = Math.max(30, Math.floor(count / 2));
  for (let i = 0; i < n; i++) {
    const version = ['v3r2', 'v4r2', 'v5r1'][i % 3];
    const wc = rng.pick([0, 0, -1]);
    let wallet, idField;
    if (version === 'v5r1') {
      const net = rng.pick([-239, -3]);
      const sub = rng.chance(0.5) ? 0 : rng.below(32768);
      wallet = WalletContractV5R1.create({ workchain: wc, publicKey: kp.publicKey,
        walletId: { networkGlobalId: net, context: { workchain: wc, walletVersion: 'v5r1', subwalletNumber: sub } } });
      idField = `${net}:${sub}`;
    } else {
      const id = rng.chance(0.5) ? 698983191 + wc : rng.u32();
      const W = version === 'v3r2' ? WalletContractV3R2 : WalletContractV4;
      wallet = W.create({ workchain: wc, publicKey: kp.publicKey, walletId: id });
      idField = String(id >>> 0);
    }
    const seqno = rng.pick([0, 0, rng.below(1000), rng.u32()]);
    const validUntil = rng.range(1, 0xffffffff);
    const mode = rng.pick([0, 1, 2, 3, 64, 128, 67, 160]);
    const nmsg = version === 'v5r1' ? rng.below(7) : rng.below(5);
    const msgs = [], fields = [];
    for (let k = 0; k < nmsg; k++) {
      const to = randomAddress(rng);
      const value = rng.pick([0n, 100000000n, 1500000000n, rng.bits(rng.range(1, 120))]);
      const bounce = rng.chance(0.5);
      const kind = rng.pick(['none', 'comment', 'comment', 'body']);
      let body, payload = '';
      if (kind === 'comment') { const t = randomText(rng); body = t; payload = hex(Buffer.from(t)); }
      if (kind === 'body') { body = genCell(rng, rng.range(0, 3), []); payload = hex(body.toBoc()); }
      let init, code = '', data = '';
      if (rng.chance(0.2)) {
        init = { code: genCell(rng, rng.range(0, 2), []), data: genCell(rng, rng.range(0, 2), []) };
        code = hex(init.code.toBoc()); data = hex(init.data.toBoc());
      }
      msgs.push(internal({ to, value, bounce, body, init }));
      fields.push([to.toRawString(), value.toString(), bounce ? 1 : 0, kind, payload, code, data].join(','));
    }
    let transfer;
    try {
      transfer = await wallet.createTransfer({ seqno, secretKey: kp.secretKey, messages: msgs, sendMode: mode, timeout: validUntil });
    } catch (e) {
      continue; // e.g. an inline init whose references do not fit: @ton/core refuses, so does libwetee
    }
    const deploy = seqno === 0;
    const ext = beginCell().store(storeMessage(external({ to: wallet.address, init: deploy ? wallet.init : null, body: transfer }))).endCell();
    out.push(['wallet', version, wc, idField, seqno, validUntil, mode, deploy ? 1 : 0, fields.join(';'),
      wallet.address.toRawString(), hex(transfer.hash()), hex(ext.toBoc())].join('\t'));
  }
}

async function check(file) {
  let passed = 0, failed = 0;
  const fail = (line, why) => { failed++; if (failed <= 10) console.log(`FAIL ${why}: ${line.slice(0, 200)}`); };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const f = line.split('\t');
    try {
      if (f[0] === 'cell') {
        const c = Cell.fromBoc(Buffer.from(f[1], 'hex'))[0];
        const c2 = Cell.fromBoc(Buffer.from(f[2], 'hex'))[0];
        if (hashes(c) !== f[3]) { fail(line, 'hashes'); continue; }
        if (depths(c) !== f[4]) { fail(line, 'depths'); continue; }
        if (!c2.equals(c)) { fail(line, 'indexed boc differs'); continue; }
        if (hex(c.toBoc({ idx: false, crc32: true })) !== f[1]) { fail(line, 'toBoc crc'); continue; }
        if (hex(c.toBoc({ idx: true, crc32: false })) !== f[2]) { fail(line, 'toBoc idx'); continue; }
        passed++;
      } else if (f[0] === 'addr') {
        const a = Address.parseRaw(f[1]);
        const want = forms(a);
        let ok = a.toRawString() === f[1];
        for (let k = 0; k < 8; k++) {
          if (want[k] !== f[2 + k]) ok = false;
          const p = Address.parseFriendly(f[2 + k]);
          // @ton/core 0.63.1 reads the workchain byte unsigned except 0xff
          // (-32 comes back as 224); TEP-2 and libwetee read it as int8
          const wc = (p.address.workChain << 24) >> 24;
          if (wc !== a.workChain || !p.address.hash.equals(a.hash) || p.isBounceable !== !!(k & 1) || p.isTestOnly !== !!(k & 2)) ok = false;
        }
        if (ok) passed++; else fail(line, 'address forms');
      } else if (f[0] === 'mnem') {
        const words = f[1].split(' ');
        const password = Buffer.from(f[2], 'hex').toString() || undefined;
        const kp = await mnemonicToPrivateKey(words, password);
        if (!(await mnemonicValidate(words, password))) fail(line, 'mnemonicValidate');
        else if (hex(kp.secretKey) !== f[3] || hex(kp.publicKey) !== f[4]) fail(line, 'key pair');
        else passed++;
      } else {
        fail(line, 'unknown record');
      }
    } catch (e) {
      fail(line, `exception ${e.message}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

const [cmd, a1, a2] = process.argv.slice(2);
if (cmd === 'gen') await gen(a1, Number(a2 || 200));
else if (cmd === 'check') await check(a1);
else { console.error('usage: ton_diff.mjs gen SEED COUNT | check FILE'); process.exit(2); }
