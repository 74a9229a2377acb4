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
import { Address, beginCell, Cell, contractAddress, Dictionary, external, ExternalAddress, internal, loadMessage,
  loadStateInit, storeMessage } from '@ton/core';
import { WalletContractV3R2, WalletContractV4, WalletContractV5R1 } from '@ton/ton';
import { keyPairFromSeed, mnemonicNew, mnemonicToPrivateKey, mnemonicValidate, sha256_sync, sign, signVerify }
  from '@ton/crypto';
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
  genNormalized(rng, count, out);
  genProofs(rng, count, out);
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

// TEP-467 normalised hashes of inbound external messages in every form
// storeMessage writes (source none or external, import fee, StateInit
// inline or by reference, body inline or by reference), computed as the TON
// documentation's message-lookup guide does with @ton/core: load the message,
// clear src, import fee and init, store it with forceRef, hash.
//   norm  message_boc  normalised_hash
export function normHash(cell) {
  const m = loadMessage(cell.beginParse());
  if (m.info.type !== 'external-in') throw new Error('not external-in');
  const info = { ...m.info, src: undefined, importFee: 0n };
  return beginCell().store(storeMessage({ info, init: null, body: m.body }, { forceRef: true })).endCell().hash();
}

function genNormalized(rng, count, out) {
  const n = Math.max(30, Math.floor(count / 4));
  for (let i = 0; i < n; i++) {
    const src = rng.chance(0.5) ? undefined : new ExternalAddress(rng.bits(rng.range(1, 60)), rng.range(60, 200));
    const info = { type: 'external-in', src, dest: randomAddress(rng), importFee: rng.chance(0.5) ? 0n : rng.bits(rng.range(1, 100)) };
    const init = rng.chance(0.4) ? { code: genCell(rng, rng.range(0, 2), []), data: genCell(rng, rng.range(0, 2), []) } : null;
    let body = rng.chance(0.3) ? beginCell().endCell() : genCell(rng, rng.range(0, 3), []);
    if (body.isExotic) body = beginCell().storeRef(body).endCell();
    let cell;
    try {
      cell = beginCell().store(storeMessage({ info, init, body }, { forceRef: rng.chance(0.3) })).endCell();
    } catch (e) {
      continue; // does not fit one cell
    }
    out.push(['norm', hex(cell.toBoc()), hex(normHash(cell))].join('\t'));
  }
}

// TON Connect ton_proof replies (the JSON a dApp front end forwards, as the
// ton-connect demo backend takes it) from wallets v3r2, v4r2 and W5 made by
// @ton/ton with random keys, signed as ton-connect requests-responses.md
// says with @ton/crypto, then possibly altered; the verdict is the reference
// check of the same document (tonutils-go VerifyProof steps) computed here:
//   proof  json  expected_domain  now  max_age  verdict(1|0)  public_key_hex_or_empty  what
export function proofDigest(addr, domain, ts, payload) {
  const wc = Buffer.alloc(4); wc.writeInt32BE(addr.workChain);
  const dl = Buffer.alloc(4); dl.writeUInt32LE(Buffer.byteLength(domain));
  const t = Buffer.alloc(8); t.writeBigUInt64LE(BigInt(ts));
  const msg = Buffer.concat([Buffer.from('ton-proof-item-v2/'), wc, addr.hash, dl, Buffer.from(domain), t, Buffer.from(payload)]);
  return sha256_sync(Buffer.concat([Buffer.from([0xff, 0xff]), Buffer.from('ton-connect'), sha256_sync(msg)]));
}

const KNOWN_WALLETS = [[WalletContractV3R2, 64], [WalletContractV4, 64], [WalletContractV5R1, 65]].map(([W, off]) =>
  [W.create({ workchain: 0, publicKey: Buffer.alloc(32) }).init.code.hash().toString('hex'), off]);

function referenceCheck(req, expectedDomain, now, maxAge) {
  try {
    const p = req.proof;
    const addr = Address.parse(req.address);
    const si = loadStateInit(Cell.fromBase64(p.state_init).beginParse());
    if (!contractAddress(addr.workChain, si).equals(addr)) return null;
    const known = KNOWN_WALLETS.find(([h]) => h === si.code.hash().toString('hex'));
    if (!known) return null;
    const ds = si.data.beginParse(); ds.skip(known[1]);
    const pub = ds.loadBuffer(32);
    if (req.public_key !== undefined && req.public_key !== pub.toString('hex')) return null;
    if (p.domain.value !== expectedDomain || Number(p.domain.lengthBytes) !== Buffer.byteLength(p.domain.value)) return null;
    const ts = Number(p.timestamp);
    if (Math.abs(now - ts) > maxAge) return null;
    const sig = Buffer.from(p.signature, 'base64');
    return signVerify(proofDigest(addr, p.domain.value, ts, p.payload), sig, pub) ? pub : null;
  } catch {
    return null;
  }
}

function genProofs(rng, count, out) {
  const n = Math.max(40, Math.floor(count / 4));
  const domains = ['ton-connect.github.io', 'app.wetee.example', 'пример.рф', 'a.b', 'localhost:3000'];
  for (let i = 0; i < n; i++) {
    const kp = keyPairFromSeed(randBytes(rng, 32));
    const W = rng.pick([WalletContractV3R2, WalletContractV4, WalletContractV5R1]);
    const wallet = W.create({ workchain: rng.pick([0, 0, -1]), publicKey: kp.publicKey });
    const domain = rng.pick(domains);
    const now = 1700000000 + rng.below(100000000);
    const maxAge = rng.pick([60, 300, 900, 86400]);
    const ts = now - rng.below(maxAge) + (rng.chance(0.1) ? rng.below(30) : 0);
    const payload = rng.pick(['', 'nonce', randBytes(rng, rng.range(1, 40)).toString('hex'), `${ts}:`]);
    let sig = sign(proofDigest(wallet.address, domain, ts, payload), kp.secretKey);
    const si = beginCell().storeUint(0, 2).storeMaybeRef(wallet.init.code).storeMaybeRef(wallet.init.data).storeBit(0).endCell();
    const what = rng.pick(['valid', 'valid-string-ts', 'valid-friendly', 'valid-pk', 'ts', 'payload', 'sig', 'domain',
      'expected-domain', 'expired', 'future', 'other-key', 'other-address', 'pk', 'length-bytes']);
    let address = wallet.address.toRawString(), tsField = ts, lengthBytes = Buffer.byteLength(domain), dom = domain;
    let pay = payload, pk, expected = domain, when = now;
    switch (what) {
      case 'valid-string-ts': tsField = String(ts); lengthBytes = String(lengthBytes); break;
      case 'valid-friendly': address = wallet.address.toString({ bounceable: rng.chance(0.5), urlSafe: rng.chance(0.5) }); break;
      case 'valid-pk': pk = kp.publicKey.toString('hex'); break;
      case 'ts': tsField = ts + 1; break;
      case 'payload': pay = payload + 'x'; break;
      case 'sig': sig = Buffer.from(sig); sig[rng.below(64)] ^= 1 << rng.below(8); break;
      case 'domain': dom = domain.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x')); lengthBytes = Buffer.byteLength(dom); expected = dom; break;
      case 'expected-domain': expected = 'other.example'; break;
      case 'expired': when = ts + maxAge + 1 + rng.below(1000); break;
      case 'future': when = ts - maxAge - 1 - rng.below(1000); break;
      case 'other-key': sig = sign(proofDigest(wallet.address, domain, ts, payload), keyPairFromSeed(randBytes(rng, 32)).secretKey); break;
      case 'other-address': address = new Address(wallet.address.workChain, randBytes(rng, 32)).toRawString(); break;
      case 'pk': pk = keyPairFromSeed(randBytes(rng, 32)).publicKey.toString('hex'); break;
      case 'length-bytes': lengthBytes += 1; break;
    }
    const req = { address, network: '-239', ...(pk ? { public_key: pk } : {}),
      proof: { timestamp: tsField, domain: { lengthBytes, value: dom }, payload: pay, signature: Buffer.from(sig).toString('base64'),
        state_init: si.toBoc().toString('base64') } };
    const pub = referenceCheck(req, expected, when, maxAge);
    if ((pub !== null) !== what.startsWith('valid')) throw new Error(`ton_proof reference check disagrees on ${what}`);
    out.push(['proof', JSON.stringify(req), expected, when, maxAge, pub ? 1 : 0, pub ? pub.toString('hex') : '', what].join('\t'));
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
