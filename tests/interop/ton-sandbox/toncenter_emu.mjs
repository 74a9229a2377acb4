// A toncenter stand-in over an @ton/sandbox chain, for tests: the v2 calls
// libwetee's toncenter client makes (sendBocReturnHash, runGetMethod,
// getAddressState, getAddressInformation) run on the sandbox, and v3
// transactionsByMessage answers from the transactions the sandbox ran, in
// the JSON shapes toncenter documents. Also the conversion of a sandbox
// transaction to toncenter v3 JSON, shared with payment_e2e.mjs.
import { createServer } from 'node:http';
import { Address, Cell, Dictionary, beginCell, loadMessage, storeMessage } from '@ton/core';

const b64 = (b) => Buffer.from(b).toString('base64');
export const rawUpper = (a) => `${a.workChain}:${a.hash.toString('hex').toUpperCase()}`;

// TEP-467: src none, import fee 0, no init, body as a reference
export function normHash(cell) {
  const m = loadMessage(cell.beginParse());
  const info = { ...m.info, src: undefined, importFee: 0n };
  return beginCell().store(storeMessage({ info, init: null, body: m.body }, { forceRef: true })).endCell().hash();
}

export function v3msg(cell) {
  const m = loadMessage(cell.beginParse());
  const i = m.info;
  const body = m.body.beginParse();
  const op = body.remainingBits >= 32 ? body.preloadUint(32) : null;
  return {
    hash: b64(cell.hash()),
    source: i.type === 'internal' || i.type === 'external-out' ? rawUpper(i.src) : null,
    destination: i.type === 'internal' || i.type === 'external-in' ? rawUpper(i.dest) : null,
    value: i.type === 'internal' ? i.value.coins.toString() : null,
    fwd_fee: i.type === 'internal' ? i.forwardFee.toString() : null,
    created_lt: i.type === 'external-in' ? null : i.createdLt.toString(),
    created_at: i.type === 'external-in' ? null : String(i.createdAt),
    opcode: op === null ? null : '0x' + op.toString(16).padStart(8, '0'),
    bounce: i.type === 'internal' ? i.bounce : null,
    bounced: i.type === 'internal' ? i.bounced : null,
    message_content: { hash: b64(m.body.hash()), body: m.body.toBoc().toString('base64'), decoded: null },
    init_state: null,
  };
}

export function v3tx(tx) {
  const d = tx.description;
  const cp = d.computePhase;
  const compute = cp.type === 'skipped' ? { skipped: true, reason: cp.reason.replace('-', '_') } : {
    skipped: false, success: cp.success, msg_state_used: cp.messageStateUsed, account_activated: cp.accountActivated,
    gas_fees: cp.gasFees.toString(), gas_used: cp.gasUsed.toString(), gas_limit: cp.gasLimit.toString(),
    mode: cp.mode, exit_code: cp.exitCode, vm_steps: cp.vmSteps,
  };
  const ap = d.actionPhase;
  const action = ap ? {
    success: ap.success, valid: ap.valid, no_funds: ap.noFunds, result_code: ap.resultCode,
    tot_actions: ap.totalActions, spec_actions: ap.specActions, skipped_actions: ap.skippedActions,
    msgs_created: ap.messagesCreated,
  } : undefined;
  const bp = d.bouncePhase;
  const bounce = bp ? { type: bp.type === 'ok' ? 'ok' : bp.type === 'no-funds' ? 'nofunds' : 'negfunds' } : undefined;
  const msgs = tx.raw.refs[0].beginParse();
  const inCell = msgs.loadMaybeRef();
  const outDict = msgs.loadDict(Dictionary.Keys.Uint(15), Dictionary.Values.Cell());
  const outCells = [...outDict.keys()].sort((a, b) => a - b).map((k) => outDict.get(k));
  return {
    account: rawUpper(new Address(0, Buffer.from(tx.address.toString(16).padStart(64, '0'), 'hex'))),
    hash: b64(tx.hash()), lt: tx.lt.toString(), now: tx.now, orig_status: tx.oldStatus, end_status: tx.endStatus,
    total_fees: tx.totalFees.coins.toString(),
    description: { type: 'ord', aborted: d.aborted, destroyed: d.destroyed, credit_first: d.creditFirst,
      compute_ph: compute, ...(action ? { action } : {}), ...(bounce ? { bounce } : {}) },
    in_msg: inCell ? v3msg(inCell) : null,
    out_msgs: outCells.map(v3msg),
    inCell,
  };
}


// The inbound message of a sandbox transaction and its lookup key (the
// normalised hash for an external message, else the message hash).
export function lookupKey(tx) {
  const inCell = tx.raw.refs[0].beginParse().loadMaybeRef();
  if (!inCell) return null;
  const ext = loadMessage(inCell.beginParse()).info.type === 'external-in';
  return (ext ? normHash(inCell) : inCell.hash()).toString('hex');
}

function stackOut(items) {
  return items.map((i) => {
    if (i.type === 'int') return ['num', (i.value < 0n ? '-0x' + (-i.value).toString(16) : '0x' + i.value.toString(16))];
    if (i.type === 'cell' || i.type === 'slice' || i.type === 'builder') return ['cell', { bytes: i.cell.toBoc().toString('base64'), object: {} }];
    if (i.type === 'null') return ['null', null];
    throw new Error(`stack item ${i.type}`);
  });
}

function stackIn(items) {
  return (items ?? []).map(([t, v]) => {
    if (t === 'num') return { type: 'int', value: BigInt(v) };
    if (t === 'tvm.Slice') return { type: 'slice', cell: Cell.fromBase64(v) };
    if (t === 'tvm.Cell') return { type: 'cell', cell: Cell.fromBase64(v) };
    throw new Error(`stack entry ${t}`);
  });
}

// Start the stand-in: resolves to { url, close, sent } (sent: the
// transactions of every accepted message, in order).
export async function startToncenter(chain) {
  const byKey = new Map();
  const sent = [];
  const ok = (result) => [200, { ok: true, result }];
  async function handle(method, url, body) {
    const p = url.pathname;
    if (method === 'POST' && p === '/api/v2/sendBocReturnHash') {
      const cell = Cell.fromBase64(body.boc);
      let res;
      try {
        res = await chain.sendMessage(cell);
      } catch (e) {
        return [500, { ok: false, code: 500, error: 'LITE_SERVER_UNKNOWN: cannot apply external message to current state: ' + String(e.message).slice(0, 100) }];
      }
      for (const tx of res.transactions) {
        const k = lookupKey(tx);
        if (k) byKey.set(k, tx);
      }
      sent.push(res.transactions);
      return ok({ '@type': 'raw.extMessageInfo', hash: b64(cell.hash()) });
    }
    if (method === 'POST' && p === '/api/v2/runGetMethod') {
      try {
        const r = await chain.runGetMethod(Address.parse(body.address), body.method, stackIn(body.stack));
        return ok({ '@type': 'smc.runResult', gas_used: Number(r.gasUsed), stack: stackOut(r.stack), exit_code: r.exitCode });
      } catch (e) {
        return ok({ '@type': 'smc.runResult', gas_used: 0, stack: [], exit_code: -13 });
      }
    }
    const state = async (a) => {
      const t = (await chain.getContract(Address.parse(a))).accountState?.type;
      return t === 'active' ? 'active' : t === 'frozen' ? 'frozen' : 'uninitialized';
    };
    if (method === 'GET' && p === '/api/v2/getAddressState') return ok(await state(url.searchParams.get('address')));
    if (method === 'GET' && p === '/api/v2/getAddressInformation') {
      const a = url.searchParams.get('address');
      const c = await chain.getContract(Address.parse(a));
      return ok({ '@type': 'raw.fullAccountState', balance: c.balance.toString(), state: await state(a),
        last_transaction_id: { '@type': 'internal.transactionId', lt: '0', hash: b64(Buffer.alloc(32)) } });
    }
    if (method === 'GET' && p === '/api/v3/transactionsByMessage') {
      const tx = byKey.get(url.searchParams.get('msg_hash'));
      const j = tx ? v3tx(tx) : null;
      if (j) delete j.inCell;
      return [200, { transactions: j ? [j] : [], address_book: {} }];
    }
    return [404, { ok: false, error: `no route for ${method} ${p}`, code: 404 }];
  }
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (d) => { data += d; });
    req.on('end', async () => {
      let status, body;
      try {
        [status, body] = await handle(req.method, new URL(req.url, 'http://x'), data ? JSON.parse(data) : null);
      } catch (e) {
        [status, body] = [500, { ok: false, code: 500, error: String(e.message) }];
      }
      const out = JSON.stringify(body);
      res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(out) });
      res.end(out);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)), sent };
}
