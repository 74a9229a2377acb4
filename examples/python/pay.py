"""Pay 1.5 DOT on a dev chain and print the receipt.

    python3 examples/python/pay.py [URL]      (default ws://127.0.0.1:9944)

The chain at URL stands in for Polkadot (DOT's 10 decimals); //Alice pays
//Bob with the memo "order-42" after a quote."""

import json
import sys

import wetee
from wetee import pay

url = sys.argv[1] if len(sys.argv) > 1 else "ws://127.0.0.1:9944"
bob = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"
registry = pay.Registry()
dot = registry.lookup("polkadot", pay.NATIVE)
with wetee.Chain(url) as chain, wetee.Keypair.from_suri("sr25519", "//Alice") as alice:
    payer = pay.Payer(registry)
    payer.add_substrate("polkadot", chain, alice)
    amount = dot.parse("1.5 DOT")
    print("quote:", json.dumps(payer.quote(dot, amount, bob, memo="order-42")))
    receipt = payer.pay(dot, amount, bob, memo="order-42")
    print("receipt:", json.dumps(receipt))
