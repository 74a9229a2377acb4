// The @polkadot/api peer of bench/bench_rpc.c: the same cases against the
// same local server (build/release/bench/rpc_bench_server, started by each
// run), with @polkadot/api's WsProvider (pinned in package-lock.json).
// Output lines as bench/harness.h describes; for the latency cases ns_per_op
// is the percentile named by the case.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import fs from 'node:fs';

import { ApiPromise, WsProvider } from '@polkadot/api';

import { Fnv1a } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SERVER =
  process.env.WETEE_RPC_BENCH_SERVER || path.join(here, '..', '..', '..', 'build', 'release', 'bench', 'rpc_bench_server');
const CASES = ['ws_pipelined_call', 'ws_latency_p50', 'ws_latency_p99', 'ws_connected_client', 'ws_chain_with_metadata'];
// the metadata the server serves for ws_chain_with_metadata (as bench_rpc.c)
const METADATA = path.join(
  process.env.WETEE_VECTORS_DIR || path.join('..', 'shared', 'vectors'),
  'metadata-hash',
  'polkadot_metadata_v15.hex',
);
const WINDOW = 1000;
const METHOD = 'system_health';
const SAMPLES = Math.max(1, Math.min(101, Number(process.env.WETEE_BENCH_SAMPLES || 5)));
const SECONDS = Math.max(0.05, Number(process.env.WETEE_BENCH_SECONDS || 1));

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startServer(metadata) {
  const port = await freePort();
  const args = metadata ? [String(port), metadata] : [String(port)];
  const child = spawn(SERVER, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => (String(d).startsWith('READY') ? resolve() : reject(new Error(String(d)))));
    child.once('error', reject);
  });
  return { child, url: `ws://127.0.0.1:${port}` };
}

async function connect(url) {
  const p = new WsProvider(url, false, {}, 60000, 0);
  await p.connect();
  await p.isReady;
  return p;
}

function line(name, nsPerOp, samples, iters, min, max) {
  const rss = process.resourceUsage().maxRSS;
  process.stdout.write(
    `BENCH\tpolkadot.js\t${name}\t${nsPerOp.toFixed(3)}\t${(1e9 / nsPerOp).toFixed(1)}\t${rss}\t${samples}\t${iters}\t` +
      `${min.toFixed(3)}\t${max.toFixed(3)}\n`,
  );
}

function check(name, result) {
  process.stdout.write(`CHECK\tpolkadot.js\t${name}\t${new Fnv1a().update(Buffer.from(JSON.stringify(result))).hex()}\n`);
}

async function pipelined(p, n) {
  let next = 0;
  let done = 0;
  let last;
  await new Promise((resolve, reject) => {
    const pump = () => {
      while (next < n && next - done < WINDOW) {
        next++;
        p.send(METHOD, []).then((r) => {
          last = r;
          done++;
          if (done === n) resolve();
          else pump();
        }, reject);
      }
    };
    pump();
  });
  return last;
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--list') {
    for (const c of CASES) process.stdout.write(`${c}\n`);
    return;
  }
  // ws_chain_with_metadata only when named, as in bench_rpc.c
  const want = (c) => (args.length === 0 && c !== 'ws_chain_with_metadata') || args.includes(c);
  if (want('ws_chain_with_metadata')) {
    if (!fs.existsSync(METADATA)) {
      process.stderr.write(`bench_rpc.mjs: ${METADATA} not found (set WETEE_VECTORS_DIR): case skipped\n`);
    } else {
      const { child, url } = await startServer(METADATA);
      try {
        const t0 = process.hrtime.bigint();
        const provider = new WsProvider(url, 1000, {}, 60000, 0);
        const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
        await api.isReady;
        const ns = Number(process.hrtime.bigint() - t0);
        line('ws_chain_with_metadata', ns, 1, 1, ns, ns);
        check('ws_chain_with_metadata', api.runtimeMetadata.asLatest.pallets.length);
        await api.disconnect();
      } finally {
        child.kill('SIGTERM');
      }
    }
    if (!CASES.some((c) => c !== 'ws_chain_with_metadata' && want(c))) return;
  }
  const { child, url } = await startServer();
  try {
    const t0 = process.hrtime.bigint();
    const p = await connect(url);
    const first = await p.send(METHOD, []);
    const connectNs = Number(process.hrtime.bigint() - t0);
    if (want('ws_connected_client')) {
      line('ws_connected_client', connectNs, 1, 1, connectNs, connectNs);
      check('ws_connected_client', first);
    }
    if (want('ws_pipelined_call')) {
      await pipelined(p, 5000); // warm-up (JIT)
      // calibrate: requests per sample for SECONDS / SAMPLES
      let n = 2000;
      let t = process.hrtime.bigint();
      await pipelined(p, n);
      const per = Number(process.hrtime.bigint() - t) / n;
      n = Math.max(1000, Math.round(((SECONDS / SAMPLES) * 1e9) / per));
      const ns = [];
      let last;
      for (let i = 0; i < SAMPLES; i++) {
        t = process.hrtime.bigint();
        last = await pipelined(p, n);
        ns.push(Number(process.hrtime.bigint() - t) / n);
      }
      ns.sort((a, b) => a - b);
      line('ws_pipelined_call', ns[ns.length >> 1], SAMPLES, n, ns[0], ns[ns.length - 1]);
      check('ws_pipelined_call', last);
    }
    if (want('ws_latency_p50') || want('ws_latency_p99')) {
      for (let i = 0; i < 2000; i++) await p.send(METHOD, []); // warm-up
      const n = Math.max(2000, Math.round((SECONDS * 1e9) / 100000));
      const lat = [];
      let last;
      for (let i = 0; i < n; i++) {
        const t = process.hrtime.bigint();
        last = await p.send(METHOD, []);
        lat.push(Number(process.hrtime.bigint() - t));
      }
      lat.sort((a, b) => a - b);
      const pct = (q) => lat[Math.min(lat.length - 1, Math.floor(q * lat.length))];
      for (const [name, q] of [
        ['ws_latency_p50', 0.5],
        ['ws_latency_p99', 0.99],
      ]) {
        if (!want(name)) continue;
        line(name, pct(q), 1, n, lat[0], lat[lat.length - 1]);
        check(name, last);
      }
    }
    await p.disconnect();
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((e) => {
  process.stderr.write(`bench_rpc.mjs: ${e.stack || e}\n`);
  process.exit(1);
});
