// Differential test of libwetee's Telegram Mini App initData validation
// against @telegram-apps/init-data-node (pinned in package-lock.json): the
// JavaScript side. ../run.sh (ton suite) drives it with ton_vectors.c.
//
//   node initdata_diff.mjs gen SEED COUNT
//
// One TSV record per line:
//   tg   initdata  token  now  max_age  verdict  user_fields  what
//   tg3  initdata  bot_id  public_key_hex  now  max_age  verdict  user_fields  what
// tg: signed by init-data-node's sign() with a random bot token, maybe
// altered; the verdict is its validate() (expiresIn = max_age).
// tg3: the third-party method. Telegram's key cannot sign here, so a random
// Ed25519 key stands in: init-data-node's validate3rd() builds the check
// string (captured at its crypto.subtle.verify call) which node:crypto signs,
// and its verdict is validate3rd() with that key in place of Telegram's.
// user_fields: "id,first_name_hex,last_name_hex,username_hex,language_code_hex,
// photo_url_hex,is_premium" as init-data-node's parse() reads them, or empty.
// now is the wall clock of the run (validate() reads Date.now()); auth dates
// stay 5 s away from the window's edges so that sub-second time cannot tip
// a verdict.
import { createPrivateKey, createPublicKey, sign as edSign, verify as edVerify } from 'node:crypto';
import { isValid, isValid3rd, parse, sign } from '@telegram-apps/init-data-node';
import { Rng } from '../rng.mjs';

const hex = (s) => Buffer.from(s ?? '', 'utf8').toString('hex');

function randBytes(rng, n) {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = rng.below(256);
  return b;
}

function randomText(rng) {
  const alphabet = ['a', 'Z', ' ', '0', '+', '&', '=', '%', '"', '\\', '/', '?', 'é', 'Ж', '€', '🔑', "'", '#'];
  const n = rng.range(1, 24);
  let s = '';
  for (let i = 0; i < n; i++) s += rng.pick(alphabet);
  return s;
}

function randomData(rng) {
  const user = { id: rng.range(1, 2 ** 40), first_name: randomText(rng) };
  if (rng.chance(0.7)) user.last_name = randomText(rng);
  if (rng.chance(0.7)) user.username = 'u' + randBytes(rng, 5).toString('hex');
  if (rng.chance(0.7)) user.language_code = rng.pick(['en', 'ru', 'zh-hans', 'pt-br']);
  if (rng.chance(0.5)) user.is_premium = rng.chance(0.5);
  if (rng.chance(0.5)) user.allows_write_to_pm = true;
  if (rng.chance(0.5)) user.photo_url = `https://t.me/i/userpic/320/${randBytes(rng, 8).toString('hex')}.svg`;
  const data = { user };
  if (rng.chance(0.7)) data.query_id = randBytes(rng, 12).toString('base64url');
  if (rng.chance(0.5)) { data.chat_type = rng.pick(['private', 'group', 'sender']); data.chat_instance = String(rng.bits(62)); }
  if (rng.chance(0.3)) data.start_param = 'ref_' + randBytes(rng, 4).toString('hex');
  return data;
}

function userFields(init) {
  let u;
  try {
    u = parse(init).user;
  } catch {
    return ''; // an altered user JSON (only in records whose verdict is invalid)
  }
  if (!u) return '';
  return [u.id, hex(u.first_name), hex(u.last_name), hex(u.username), hex(u.language_code), hex(u.photo_url),
    u.is_premium ? 1 : 0].join(',');
}

// change one character of one field's value (never hash or signature)
function alterField(rng, init) {
  const p = new URLSearchParams(init);
  const keys = [...p.keys()].filter((k) => k !== 'hash' && k !== 'signature');
  const k = rng.pick(keys);
  const v = p.get(k);
  const i = rng.below(v.length);
  p.set(k, v.slice(0, i) + (v[i] === '1' ? '2' : '1') + v.slice(i + 1));
  return [p.toString(), `altered ${k}`];
}

async function genHmac(rng, now, out) {
  const token = `${rng.range(1, 2 ** 40)}:${randBytes(rng, 26).toString('base64url')}`;
  const maxAge = rng.pick([60, 300, 3600, 86400]);
  const what0 = rng.pick(['valid', 'valid', 'altered', 'expired', 'other-token', 'hash']);
  const auth = what0 === 'expired' ? now - maxAge - 5 - rng.below(10000) : now - 5 - rng.below(maxAge - 10);
  let init = sign(randomData(rng), token, new Date(auth * 1000));
  let what = what0, checkToken = token;
  if (what0 === 'altered') [init, what] = alterField(rng, init);
  if (what0 === 'other-token') checkToken = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
  if (what0 === 'hash') {
    const p = new URLSearchParams(init);
    const h = p.get('hash');
    p.set('hash', h.slice(0, 10) + (h[10] === '0' ? '1' : '0') + h.slice(11));
    init = p.toString();
  }
  const verdict = isValid(init, checkToken, { expiresIn: maxAge });
  if (verdict !== what.startsWith('valid')) throw new Error(`init-data-node disagrees with the construction on ${what}`);
  out.push(['tg', init, checkToken, now, maxAge, verdict ? 1 : 0, userFields(init), what].join('\t'));
}

// Run init-data-node's validate3rd with crypto.subtle.verify replaced:
// `capture` receives the check string; the verdict is an Ed25519 check with `pub`.
async function thirdParty(init, botId, maxAge, pub, capture) {
  const subtle = globalThis.crypto.subtle;
  const orig = subtle.verify;
  subtle.verify = async (alg, key, sig, data) => {
    const msg = Buffer.from(data);
    if (capture) capture(msg);
    return edVerify(null, msg, pub, Buffer.from(sig));
  };
  try {
    return await isValid3rd(init, botId, { expiresIn: maxAge });
  } finally {
    subtle.verify = orig;
  }
}

function keyPair(rng) {
  const seed = randBytes(rng, 32);
  const priv = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
  const pub = createPublicKey(priv);
  return { priv, pub, raw: pub.export({ format: 'der', type: 'spki' }).subarray(12) };
}

async function genThird(rng, now, out) {
  const botId = rng.range(1, 2 ** 40);
  const maxAge = rng.pick([60, 300, 3600, 86400]);
  const kp = keyPair(rng);
  const what0 = rng.pick(['valid', 'valid', 'valid-hash', 'altered', 'expired', 'other-bot', 'other-key', 'bad-signature']);
  const auth = what0 === 'expired' ? now - maxAge - 5 - rng.below(10000) : now - 5 - rng.below(maxAge - 10);
  // a bot-token HMAC too, as Telegram sends both
  const p = new URLSearchParams(sign(randomData(rng), `${botId}:${randBytes(rng, 20).toString('hex')}`, new Date(auth * 1000)));
  p.set('signature', 'AAAA');
  let checkString;
  await thirdParty(p.toString(), botId, 0, kp.pub, (m) => { checkString = m; });
  const signer = what0 === 'other-key' ? keyPair(rng).priv : kp.priv;
  let sig = edSign(null, checkString, signer);
  if (what0 === 'bad-signature') { sig = Buffer.from(sig); sig[rng.below(64)] ^= 1 << rng.below(8); }
  p.set('signature', sig.toString('base64url'));
  let init = p.toString(), what = what0, checkBot = botId;
  if (what0 === 'altered') [init, what] = alterField(rng, init);
  if (what0 === 'valid-hash') { const h = p.get('hash'); p.set('hash', (h[0] === '0' ? '1' : '0') + h.slice(1)); init = p.toString(); }
  if (what0 === 'other-bot') checkBot = botId + 1;
  const verdict = await thirdParty(init, checkBot, maxAge, kp.pub);
  if (verdict !== what.startsWith('valid')) throw new Error(`init-data-node disagrees with the construction on ${what}`);
  out.push(['tg3', init, checkBot, kp.raw.toString('hex'), now, maxAge, verdict ? 1 : 0, userFields(init), what].join('\t'));
}

async function gen(seed, count) {
  const rng = new Rng(seed, 'telegram');
  const now = Math.floor(Date.now() / 1000);
  const out = [];
  for (let i = 0; i < count; i++) await genHmac(rng, now, out);
  for (let i = 0; i < count; i++) await genThird(rng, now, out);
  process.stdout.write(out.join('\n') + '\n');
}

const [cmd, a1, a2] = process.argv.slice(2);
if (cmd === 'gen') await gen(a1, Number(a2 || 100));
else { console.error('usage: initdata_diff.mjs gen SEED COUNT'); process.exit(2); }
