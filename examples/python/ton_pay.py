"""Pay 2 TON (Gram) with a memo, signed offline: the payment message with
the memo "order 42", signed by a W5 wallet (seqno 0 deploys it), ready for
toncenter's sendBoc, with the normalised hash that
wetee.toncenter.Toncenter.confirm() tracks it by.

    PYTHONPATH=build/release/bindings/python python3 examples/python/ton_pay.py

Prints what examples/ton_pay.c prints without arguments (the same message
and hashes). To send it: Toncenter(...).send_boc(boc), then
Toncenter(...).confirm(normalized), which returns the wallet's transaction,
the recipient's transaction and any bounce. The key is the first test
vector of ton-crypto (never use it for real funds).
"""
import base64

from wetee import ton

WORDS = ("hospital stove relief fringe tongue always charge angry urge sentence again match nerve inquiry "
         "senior coconut label tumble carry category beauty bean road solution")
TO = "EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB"

secret, public = ton.mnemonic_to_keypair(WORDS)
wallet = ton.Wallet(public)
amount = ton.amount_parse("2 TON")
msg = ton.payment_message(TO, amount, "order 42")
ext, normalized = wallet.sign_payment(secret, 0, 1767225660, msg)
print(f"payer:      {wallet.address_friendly()} (W5, seqno 0: this message deploys it)")
print(f"payee:      {TO} (bounceable)")
print(f"amount:     {ton.amount_format(amount, 'GRAM')} ({amount} nanotons)")
print(f"memo:       {ton.payment_memo(msg)}")
print(f"boc:        {base64.b64encode(ext.to_boc()).decode()}")
print(f"normalized: {normalized.hex()}")
print(f"hash:       {ext.hash().hex()}")
