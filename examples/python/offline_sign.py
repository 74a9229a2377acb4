"""Offline signing with libwetee: a transaction built from a chain's metadata
alone, its signing payload handed to a signer, the signature attached, the
result decoded. Nothing touches the network.

    PYTHONPATH=build/release/bindings/python python3 examples/python/offline_sign.py METADATA.json

METADATA.json is the chain's state_getMetadata JSON-RPC response. The same
program in C and Go: examples/offline_sign.c, examples/go/offline_sign.
With ed25519 (deterministic) all three print the same extrinsic.
"""

import json
import sys

import wetee

if len(sys.argv) != 2:
    sys.exit(f"usage: {sys.argv[0]} METADATA.json (a state_getMetadata JSON-RPC response)")
with open(sys.argv[1]) as f:
    md = wetee.Metadata.from_rpc_response(f.read())

# Example values: a client reads them from the chain (chain_getBlockHash(0),
# system_accountNextIndex, chain_getHeader).
genesis, block_hash = b"\x11" * 32, b"\x22" * 32

# 1. online side: the transaction and its signing payload
tx = wetee.Tx(md, call=("System", "remark", {"remark": b"hello from an offline signer"}),
              genesis_hash=genesis, nonce=0, mortal=(64, 1000, block_hash))
payload = tx.signing_payload()
print(f"{'signing payload':16} 0x{payload.hex()}")

# 2. the signer (another process or device) signs the payload
with wetee.Keypair.from_suri("ed25519", "//Alice") as signer:
    public, signature = signer.public_key, signer.sign(payload)

# 3. online side: attach the signature (checked first) and decode
extrinsic = tx.attach_signature("ed25519", public, signature)
print(f"{'extrinsic':16} 0x{extrinsic.hex()}")
d = md.decode_extrinsic(extrinsic)
print(f"{'decoded':16} v{d['version']} {d['type']} from {json.dumps(d['address'])}")
print(f"{'extensions':16} {json.dumps(d['extensions'])}")
print(f"{'call':16} {d['call']['pallet']}.{d['call']['call']} {json.dumps(d['call']['args'])}")
print(f"{'hash':16} {d['hash']}")
