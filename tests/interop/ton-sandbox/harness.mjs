// The check counter and the driver call shared by sandbox_e2e.mjs and
// payment_e2e.mjs.
import { execFileSync } from 'node:child_process';

export const counts = { passed: 0, failed: 0 };

export function check(ok, what, detail = '') {
  if (ok) counts.passed++;
  else {
    counts.failed++;
    console.log(`FAIL ${what}${detail ? ': ' + detail : ''}`);
  }
}

// Run the ton_sandbox driver; its "key value" lines as an object (a line
// without a space is a key with an empty value).
export function runDriver(path, ...args) {
  const out = execFileSync(path, args.map(String), { encoding: 'utf8' });
  const r = {};
  for (const line of out.trim().split('\n')) {
    const sp = line.indexOf(' ');
    r[sp < 0 ? line : line.slice(0, sp)] = sp < 0 ? '' : line.slice(sp + 1);
  }
  return r;
}

// a case that throws counts as one failure and the others still run
export async function run(name, f) {
  try {
    await f();
  } catch (e) {
    check(false, name, e.stack ?? e.message);
  }
}

export function finish() {
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed ? 1 : 0);
}
