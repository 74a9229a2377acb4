"""TON payments with a memo and their confirmation through the Python
binding: the known answers of tests/ton/payment_cases.c (from @ton/core,
tests/interop/ton-sandbox/payment_kat.mjs) and the confirmation routes of
tests/toncenter/responses.json served by tests/toncenter/replay_server.py."""
import base64
import os
import subprocess
import sys

import pytest

import wetee
from wetee import ton
from wetee.toncenter import Toncenter, parse_transaction

HERE = os.path.dirname(os.path.abspath(__file__))
TC = os.path.join(HERE, "..", "toncenter")
WORDS = ("hospital stove relief fringe tongue always charge angry urge sentence again match nerve inquiry "
         "senior coconut label tumble carry category beauty bean road solution")
DEST = "0:2cf55953e92efbeadab7ba725c3f93a0b23f842cbba72d7b8e6f510a70e422e3"
PAYER = "0:d22ce1556a6359cddcb82ee95c95c08110591145e67b5ac70108b030dcf839de"
JW = "0:71461a638ce14508ffcf36f0fd9d7171ea1ad75d15b007ec13ed80f0d295fe11"


def test_payment_messages():
    m = ton.payment_message(DEST, 2_000_000_000, "order 42")
    assert m.hash().hex() == "3471df32080403c0ab555dbc09401901c59b92d5c704e9fc01a35a6926075b59"
    assert ton.payment_memo(m) == "order 42"
    assert ton.payment_memo(ton.comment("order 42"), is_message=False) == "order 42"
    plain = ton.payment_message(DEST, 1, bounce=False)
    assert plain.hash().hex() == "963d54074ae2289542e77d131dc65af56fb7feb4d57f9832914261acb5662898"
    assert ton.payment_memo(plain) == ""
    long = ("abcdefghijklmnopqrstuvwxyz" * 24)[:600]
    assert ton.payment_message(DEST, 5, long).hash().hex() == \
        "2ba53d45c2803d66092f18e6ab964cbf002e22be4ad37a384e740f3fb90b0fbb"
    memo = "order 42 — ✓"
    j = ton.payment_message(DEST, 1_500_000, memo, jetton_wallet=JW, payer=PAYER)
    assert j.hash().hex() == "4bac6e0f9401a11da78293e4d14981c0f0bd50b53883bdd26f77f324c9711126"
    assert ton.payment_memo(j) == memo
    o = ton.payment_message(DEST, 7, long, jetton_wallet=JW, query_id=77, response_destination=DEST,
                            jetton_ton_amount=100_000_000, forward_ton_amount=10_000_000)
    assert o.hash().hex() == "e08551e80030ff09b0f511a7b3657ada91fb3a6a30c35847069389dbcefaf2b9"
    assert ton.JETTON_ATTACHED_DEFAULT == 50_000_000 and ton.JETTON_FORWARD_DEFAULT == 1


def test_payment_errors():
    with pytest.raises(wetee.DecodeError, match="memo is not UTF-8"):
        ton.payment_message(DEST, 1, b"bad \xff")
    with pytest.raises(wetee.InvalidArgumentError, match="amount is zero"):
        ton.payment_message(DEST, 0, "x")
    with pytest.raises(wetee.TooLongError):
        ton.payment_message(DEST, 1, "x" * (ton.MEMO_MAX_BYTES + 1))
    with pytest.raises(wetee.InvalidArgumentError, match="payer"):
        ton.payment_message(DEST, 1, "x", jetton_wallet=JW)
    with pytest.raises(wetee.NotFoundError):
        ton.payment_memo(ton.Builder().store_uint(0x12345678, 32).end(), is_message=False)


def test_sign_payment():
    secret, public = ton.mnemonic_to_keypair(WORDS)
    w = ton.Wallet(public)
    ext, norm = w.sign_payment(secret, 0, 1767225660, ton.payment_message(DEST, 2_000_000_000, "order 42"))
    assert ext.hash().hex() == "e25b4d6d3f950122905bfa8f4e0c73fb5f1a8b451e864b6bda5045698e7a1b17"
    assert norm == ton.normalized_hash(ext) and len(norm) == 32
    with pytest.raises(wetee.InvalidArgumentError):
        w.sign_payment(bytes(64), 0, 1, ton.payment_message(DEST, 1, "x"))


@pytest.fixture(scope="module")
def tc():
    p = subprocess.Popen([sys.executable, os.path.join(TC, "replay_server.py"), os.path.join(TC, "responses.json")],
                         stdout=subprocess.PIPE, text=True)
    port = p.stdout.readline().strip()
    yield Toncenter(f"http://127.0.0.1:{port}/api/v2", f"http://127.0.0.1:{port}/api/v3")
    p.kill()
    p.wait()


def test_confirm(tc):
    r = tc.confirm(bytes([0x11]) * 32, poll_ms=20, timeout_ms=5000)
    assert r.status == "confirmed" and r.error is None and r.hops == 1
    assert r.wallet_tx.lt == 47000000000003 and r.last_tx.lt == 47000000000011
    assert r.payment.destination == DEST and r.payment.value == 2_000_000_000 and r.payment.bounce
    assert r.payment.opcode == 0 and r.bounce is None
    r = tc.confirm(bytes([0x13]) * 32, poll_ms=20, timeout_ms=5000)
    assert r.status == "bounced" and r.bounce.bounced and r.bounce.value == 499_600_000
    assert "bounced" in r.error
    r = tc.confirm(bytes([0x14]) * 32, poll_ms=20, timeout_ms=100)
    assert r.status == "pending" and r.wallet_tx is not None and r.last_tx is None and "not indexed yet" in r.error
    r = tc.confirm(bytes(32), poll_ms=20, timeout_ms=0)
    assert r.status == "unknown" and r.wallet_tx is None
    r = tc.confirm(bytes([0x16]) * 32, hops=2, poll_ms=20, timeout_ms=5000)
    assert r.status == "confirmed" and r.hops == 2 and r.payment.opcode == 0x0f8a7ea5
    r = tc.confirm(bytes([0x17]) * 32, hops=2, poll_ms=20, timeout_ms=5000)
    assert r.status == "bounced" and r.hops == 1 and r.last_tx.exit_code == 47
    r = tc.confirm(bytes([0x15]) * 32, poll_ms=20, timeout_ms=5000)
    assert r.status == "failed" and r.payment is None and "sent no message" in r.error
    with pytest.raises(wetee.InvalidArgumentError, match="hops 0"):
        tc.confirm(bytes(32), hops=0)


def test_parse_transaction():
    answer = ('{"transactions": [{"account": "0:' + PAYER[2:].upper() + '", "hash": "' + "A" * 43 + '=", '
              '"lt": "5", "now": 7, "description": {"aborted": true, "compute_ph": {"skipped": true}}, '
              '"in_msg": {"hash": "' + base64.b64encode(bytes([1] * 32)).decode() + '", "source": "' + DEST + '", "destination": "' + PAYER + '", '
              '"value": "12", "bounce": true, "opcode": 1}, "out_msgs": []}]}')
    tx, in_msg, outs = parse_transaction(answer)
    assert tx.lt == 5 and tx.utime == 7 and tx.aborted and not tx.success and outs == []
    assert in_msg.source == DEST and in_msg.value == 12 and in_msg.opcode == 1
    with pytest.raises(wetee.NotFoundError):
        parse_transaction('{"transactions": []}')
    with pytest.raises(wetee.DecodeError):
        parse_transaction("<html>")
