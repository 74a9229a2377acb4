"""TON through the Python binding: known answers of ../shared/reference/ton.md
and error paths (the C suite and the @ton/core differential test cover the rest)."""
import pytest

import wetee
from wetee import ton

WORDS = ("hospital stove relief fringe tongue always charge angry urge sentence again match nerve inquiry "
         "senior coconut label tumble carry category beauty bean road solution")
SECRET = bytes.fromhex("9d659a6c2234db7f6e4f977e6e8653b9f5946d557163f31034011375d8f3f97d"
                       "f6c450a16bb1c514e22f1977e390a3025599aa1e7b00068a6aacf2119484c1bd")


def test_boc_vectors():
    c = ton.Builder().store_uint(123456789, 32).end()
    assert wetee.base64_encode(c.hash()) == "keNT38owvINaYYHwYjE1R8HYk0c1NSMH72u+/aMJ+1c="
    assert wetee.base64_encode(c.to_boc(crc32c=False)) == "te6ccgEBAQEABgAACAdbzRU="
    assert wetee.base64_encode(c.to_boc()) == "te6cckEBAQEABgAACAdbzRVRblCS"
    assert wetee.base64_encode(c.to_boc(index=True, crc32c=False)) == "te6ccoEBAQEABgAGAAgHW80V"
    parent = ton.Builder().store_uint(987654321, 32).store_ref(c).end()
    assert wetee.base64_encode(parent.hash()) == "goaQYcsXO2c/gd3qvMo3ncEjzpbU7urNQ7hPDo0qC1c="
    assert ton.Cell.from_boc(parent.to_boc()) == parent
    assert str(parent) == "x{3ADE68B1}\n x{075BCD15}"
    assert parent.depth() == 1 and parent.refs == 1 and parent.bits == 32
    assert parent.ref(0) == c


def test_library_cell():
    root = ton.Cell.from_base64("te6ccgEBAgEALQABDv8AiNDtHtgBCEICGbgzd5nhZ9WhSM+4juFCvgMYJOtxthFdtTKIH6M/6SM=")
    lib = root.ref(0)
    assert lib.type == ton.CellType.LIBRARY
    assert lib.hash().hex() == "63c5685547ded6f89b6394840d174b4b70629721e87c819700a95635687924a1"
    assert root.hash().hex() == "bf006bfec496a04f1164b1c3cd29fe4827f1eb1c17a0330375e79201e8f66e62"


def test_boc_errors():
    good = bytes.fromhex("b5ee9c7241010201000d00010800000001010008000000027d4b3cf8")
    with pytest.raises(wetee.ChecksumError):
        ton.Cell.from_boc(good[:-1] + b"\xf9")
    with pytest.raises(wetee.TruncatedError):
        ton.Cell.from_boc(good[:20])
    with pytest.raises(wetee.DecodeError, match="not to a later cell"):
        ton.Cell.from_boc(bytes.fromhex("b5ee9c7201010201000d0001080000000100000800000002"))


def test_builder_slice_round_trip():
    b = (ton.Builder().store_bit(1).store_int(-5, 7).store_uint(2**200 + 7, 256).store_coins(1_500_000_000)
         .store_address("EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB").store_address(None)
         .store_snake("é" * 300))
    c = b.end()
    s = c.begin_parse()
    assert s.load_bit() is True
    assert s.load_int(7) == -5
    assert s.load_uint(256) == 2**200 + 7
    assert s.load_coins() == 1_500_000_000
    assert s.load_address() == "0:2cf55953e92efbeadab7ba725c3f93a0b23f842cbba72d7b8e6f510a70e422e3"
    assert s.load_address() is None
    assert s.load_snake().decode() == "é" * 300
    s.end()
    with pytest.raises(wetee.TruncatedError):
        s.load_uint(1)
    with pytest.raises(wetee.OutOfRangeError):
        ton.Builder().store_uint(256, 8)


def test_addresses():
    raw, flags = ton.address_parse("kQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi47nL")
    assert raw == "0:2cf55953e92efbeadab7ba725c3f93a0b23f842cbba72d7b8e6f510a70e422e3"
    assert flags == ton.ADDRESS_BOUNCEABLE | ton.ADDRESS_TESTNET
    assert ton.address_to_friendly(raw) == "UQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi41-E"
    assert ton.address_to_friendly(raw, bounceable=True, url_safe=False) == \
        "EQAs9VlT6S776tq3unJcP5Ogsj+ELLunLXuOb1EKcOQi4wJB"
    with pytest.raises(wetee.ChecksumError):
        ton.address_parse("EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJC")
    with pytest.raises(wetee.DecodeError):
        ton.address_parse("0:2cf5")


def test_amounts():
    assert ton.amount_format(1_500_000_000) == "1.5 GRAM"
    assert ton.amount_format(1, "TON") == "0.000000001 TON"
    assert ton.amount_parse("1.5 TON") == ton.amount_parse("1.5 gram") == 1_500_000_000
    with pytest.raises(wetee.DecodeError):
        ton.amount_parse("1 USD")


def test_mnemonic_and_wallets():
    secret, public = ton.mnemonic_to_keypair(WORDS)
    assert secret == SECRET and public == SECRET[32:]
    ton.mnemonic_validate(WORDS)
    with pytest.raises(wetee.ChecksumError):
        ton.mnemonic_validate(WORDS.replace("solution", "road"))
    with pytest.raises(wetee.DecodeError):
        ton.mnemonic_validate(WORDS + "x")
    expect = {
        ton.WalletVersion.V3R2: "UQDbuMbjSKj1IkoMU-whUDd5v2Om4G6tVwrwBxlrBmBtq12L",
        ton.WalletVersion.V4R2: "UQAYZ-rchbaHK4IUkCvcyl3V8spcAnO8IBRCNvS3are-CbyQ",
        ton.WalletVersion.V5R1: "UQDSLOFVamNZzdy4LulclcCBEFkRReZ7WscBCLAw3Pg53h3h",
    }
    for version, friendly in expect.items():
        assert ton.Wallet(public, version).address_friendly() == friendly
    w = ton.Wallet(public)
    assert w.wallet_id == 2147483409
    assert ton.Wallet(public, network=ton.NETWORK_TESTNET).wallet_id == 2147483645
    msg = ton.internal_message("EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB", 1_500_000_000, body="order 42")
    body = w.transfer(secret, 0, 1_700_000_000, [msg])
    ext = w.external(body, deploy=True)
    assert ton.Cell.from_boc(ext.to_boc()) == ext
    s = body.begin_parse()
    assert s.load_uint(32) == 0x7369676E and s.load_uint(32) == w.wallet_id
    with pytest.raises(wetee.InvalidArgumentError):
        w.transfer(SECRET[:32] + bytes(32), 0, 1, [msg])


def test_generated_mnemonic():
    words = ton.mnemonic_generate()
    assert len(words.split()) == 24
    ton.mnemonic_validate(words)


def test_dict():
    d = ton.Dict(12)
    v1 = ton.Builder().store_uint(111, 32).end()
    v2 = ton.Builder().store_uint(222, 32).end()
    d[0x123] = v1
    d[7] = v2
    assert len(d) == 2 and d[7] == v2 and 0x123 in d and 8 not in d
    with pytest.raises(KeyError):
        d[8]
    with pytest.raises(wetee.OutOfRangeError):
        d[4096] = v1
    assert [k for k, _ in d.items()] == [7, 0x123]
    c = d.store(ton.Builder()).end()
    back = ton.Dict.load(c.begin_parse(), 12)
    assert dict((k, v.hash()) for k, v in back.items()) == dict((k, v.hash()) for k, v in d.items())
    assert ton.Dict.from_root(d.root(), 12)[0x123] == v1
    del d[7]
    del d[0x123]
    assert len(d) == 0 and d.store(ton.Builder()).bits == 1


def test_highload_wallet():
    secret, public = ton.mnemonic_to_keypair(WORDS)
    w = ton.HighloadWallet(public)
    assert w.wallet_id == 0x10AD and w.timeout == 86400
    msg = ton.internal_message("EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB", 1000, bounce=False)
    body = w.transfer(secret, (5 << 10) | 7, 1_700_000_000, [msg, (1, msg)])
    assert body.bits == 512 and body.refs == 1
    one = w.transfer_one(secret, 8, 1_700_000_000, msg)
    assert one.ref(0).begin_parse().load_uint(32) == 0x10AD
    with pytest.raises(wetee.InvalidArgumentError):
        w.transfer_one(secret, 1023, 1, msg)
    assert ton.Cell.from_boc(w.external(body, deploy=True).to_boc()).refs >= 1


def test_jetton():
    dest = "EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB"
    body = ton.jetton_transfer(400, dest, response_destination=dest, query_id=42, forward_ton_amount=1,
                               forward_payload="hi")
    s = body.begin_parse()
    assert s.load_uint(32) == 0x0F8A7EA5 and s.load_uint(64) == 42 and s.load_coins() == 400
    assert body.refs == 1
    code = ton.Cell.from_base64("te6ccgEBAgEALQABDv8AiNDtHtgBCEICGbgzd5nhZ9WhSM+4juFCvgMYJOtxthFdtTKIH6M/6SM=")
    master = "-1:" + "33" * 32
    a = ton.jetton_wallet_address(dest, master, code)
    assert a.startswith("-1:") and a != ton.jetton_wallet_address(dest, master, code, ton.JETTON_DATA_CODE_REF)
    with pytest.raises(wetee.DecodeError):
        ton.jetton_transfer(1, "nope")


# ---- TEP-467 and TON Connect ton_proof ----

PROOF_STATE_INIT = (
    "te6cckECFgEAAwQAAgE0AgEAUQAAAAApqaMXp6kMOCJ4z0QdKdtKvLvoflXmJvj/gmw26izx4ImGnYtAART/APSkE/S88sgLAwIBIAgEBPjygwjX"
    "GCDTH9Mf0x8C+CO78mTtRNDTH9Mf0//0BNFRQ7ryoVFRuvKiBfkBVBBk+RDyo/gAJKTIyx9SQMsfUjDL/1IQ9ADJ7VT4DwHTByHAAJ9sUZMg10qW"
    "0wfUAvsA6DDgIcAB4wAhwALjAAHAA5Ew4w0DpMjLHxLLH8v/BwYQBQAK9ADJ7VQAcIEBCNcY+gDTP8hUIEeBAQj0UfKnghBub3RlcHSAGMjLBcsC"
    "UAbPFlAE+gIUy2oSyx/LP8lz+wACAG7SB/oA1NQi+QAFyMoHFcv/ydB3dIAYyMsFywIizxZQBfoCFMtrEszMyXP7AMhAFIEBCPRR8qcCAgFIDQkC"
    "ASALCgBZvSQrb2omhAgKBrkPoCGEcNQICEekk30pkQzmkD6f+YN4EoAbeBAUiYcVnzGEAgEgEQwAEbjJftRNDXCx+ALm0AHQ0wMhcbCSXwTgItdJ"
    "wSCSXwTgAtMfIYIQcGx1Z70ighBkc3RyvbCSXwXgA/pAMCD6RAHIygfL/8nQ7UTQgQFA1yH0BDBcgQEI9ApvoTGzkl8H4AXTP8glghBwbHVnupI4"
    "MOMNA4IQZHN0crqSXwbjDQ8OAIpQBIEBCPRZMO1E0IEBQNcgyAHPFvQAye1UAXKwjiOCEGRzdHKDHrFwgBhQBcsFUAPPFiP6AhPLassfyz/JgED7"
    "AJJfA+IAeAH6APQEMPgnbyIwUAqhIb7y4FCCEHBsdWeDHrFwgBhQBMsFJs8WWPoCGfQAy2kXyx9SYMs/IMmAQPsABgBsgQEI1xj6ANM/MFIkgQEI"
    "9Fnyp4IQZHN0cnB0gBjIywXLAlAFzxZQA/oCE8tqyx8Syz/Jc/sAAgFYFRICASAUEwAZrx32omhAEGuQ64WPwAAZrc52omhAIGuQ64X/wAA9sp37"
    "UTQgQFA1yH0BDACyMoHy//J0AGBAQj0Cm+hMYHrKDBA=")


def _proof_reply(timestamp='1747303893', payload="1747303885:"):
    return ('{"address":"0:960ab627408d5472d9d125b667cbe00ce17eeaa44e9dc6a86e93cdfef2c480d5","proof":{"payload":"%s",'
            '"signature":"OXNmXOa6Ml5mgx13CXVunl5TjQiIl2oYq8dn9MUcBiS6OjZcuJYccqqVMluy0duyOXkoJYHg4VJCyycwkjdJBA==",'
            '"timestamp":%s,"domain":{"value":"ton-connect.github.io","lengthBytes":21}},"state_init":"%s"}'
            % (payload, timestamp, PROOF_STATE_INIT))


def test_normalized_hash_of_the_demo_transfer():
    pub = ton.mnemonic_to_keypair(WORDS)[1]
    w = ton.Wallet(pub)
    msg = ton.internal_message("EQAs9VlT6S776tq3unJcP5Ogsj-ELLunLXuOb1EKcOQi4wJB", 1_500_000_000,
                               body=ton.comment("order 42"))
    ext = w.external(w.transfer(SECRET, 0, 1767225600, [msg]), deploy=True)
    assert ext.hash().hex() == "30d65460144a6b5a8c1c2cb95c054124128066752275d6a8226e56de2132e1f6"
    # computed with @ton/core 0.63.1 following the TON documentation's normalisation
    assert ton.normalized_hash(ext).hex() == "e716dd1f1057b7650b48822267c2d571a6de9c6dca0f6f92179bb3ea5860af0e"
    assert ton.normalized_hash(w.external(w.transfer(SECRET, 0, 1767225600, [msg]))) == ton.normalized_hash(ext)
    with pytest.raises(wetee.DecodeError):
        ton.normalized_hash(msg)


def test_state_init_public_key():
    pub = ton.mnemonic_to_keypair(WORDS)[1]
    for v in (ton.WalletVersion.V3R2, ton.WalletVersion.V4R2, ton.WalletVersion.V5R1):
        assert ton.state_init_public_key(ton.Wallet(pub, v).state_init()) == (pub, v)
    hl = ton.HighloadWallet(pub)
    with pytest.raises(wetee.UnsupportedError):
        ton.state_init_public_key(hl.state_init())


def test_ton_proof():
    r = ton.proof_verify(_proof_reply(), "ton-connect.github.io", 1747303900, 1800)
    assert r.public_key.hex() == "a7a90c382278cf441d29db4abcbbe87e55e626f8ff826c36ea2cf1e089869d8b"
    assert r.address == "0:960ab627408d5472d9d125b667cbe00ce17eeaa44e9dc6a86e93cdfef2c480d5"
    assert r.payload == "1747303885:"
    assert ton.proof_verify(_proof_reply(timestamp='"1747303893"'), "ton-connect.github.io", 1747303900, 1800) == r
    with pytest.raises(wetee.VerifyError, match="signature"):
        ton.proof_verify(_proof_reply(timestamp="1747303894"), "ton-connect.github.io", 1747303900, 1800)
    with pytest.raises(wetee.VerifyError):
        ton.proof_verify(_proof_reply(payload="1747303885;"), "ton-connect.github.io", 1747303900, 1800)
    with pytest.raises(wetee.VerifyError, match="expected"):
        ton.proof_verify(_proof_reply(), "example.com", 1747303900, 1800)
    with pytest.raises(wetee.VerifyError, match="from now"):
        ton.proof_verify(_proof_reply(), "ton-connect.github.io", 1747303893 + 1801, 1800)
    with pytest.raises(wetee.DecodeError):
        ton.proof_verify("{", "ton-connect.github.io", 1747303900, 1800)


def test_ton_proof_own_wallet():
    secret, pub = wetee.ed25519_keypair_from_seed(bytes(range(32)))
    w = ton.Wallet(pub, ton.WalletVersion.V4R2)
    digest = ton.proof_hash(w.address, "app.example", 1700000000, "nonce")
    sig = wetee.ed25519_sign(secret, digest)
    reply = ('{"address":"%s","proof":{"timestamp":1700000000,"domain":{"lengthBytes":11,"value":"app.example"},'
             '"payload":"nonce","signature":"%s","state_init":"%s"}}'
             % (w.address, wetee.base64_encode(sig), wetee.base64_encode(w.state_init().to_boc())))
    assert ton.proof_verify(reply, "app.example", 1700000030, 60).public_key == pub
    other, _ = wetee.ed25519_keypair_from_seed(bytes(32))
    bad = reply.replace(wetee.base64_encode(sig), wetee.base64_encode(wetee.ed25519_sign(other, digest)))
    with pytest.raises(wetee.VerifyError):
        ton.proof_verify(bad, "app.example", 1700000030, 60)
