// @phala/dcap-qvl peer of bench/bench_attest.c: verify() of the shared SGX
// and TDX sample quotes with their collateral at t = 1751000000. dcap-qvl
// has no collateral cache, so the *_cached and *_full cases are the same
// call (the full verification) and are both reported against libwetee's two
// modes. The package is the one pinned for the differential test
// (tests/interop/dcap/package-lock.json), loaded from there.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { consume, Fnv1a, main } from './harness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(HERE, '../../../tests/interop/dcap/package.json'));
const qvl = require('@phala/dcap-qvl');
const VECTORS = process.env.WETEE_VECTORS_DIR || join(HERE, '../../../../shared/vectors');
const T = 1751000000;

function setup(dir) {
  const quote = readFileSync(join(VECTORS, 'attestation', dir, 'quote.bin'));
  const coll = JSON.parse(readFileSync(join(VECTORS, 'attestation', dir, 'collateral.json'), 'utf8'));
  let status = '';
  return {
    run(iters) {
      for (let i = 0; i < iters; i++) {
        const r = qvl.verify(quote, coll, T);
        status = r.status;
        consume(status.length);
      }
    },
    check() {
      return new Fnv1a().update(new TextEncoder().encode(status)).hex();
    },
  };
}

main('dcap-qvl-js', [
  { name: 'dcap_sgx_cached', opsPerIter: 1, setup: () => setup('sgx') },
  { name: 'dcap_sgx_full', opsPerIter: 1, setup: () => setup('sgx') },
  { name: 'dcap_tdx_cached', opsPerIter: 1, setup: () => setup('tdx') },
  { name: 'dcap_tdx_full', opsPerIter: 1, setup: () => setup('tdx') },
]);
