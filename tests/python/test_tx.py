"""Extrinsics through the Python binding (wetee.Tx, Metadata.decode_extrinsic,
the RFC-0078 proofs).

Known answers: sp-runtime's own era test values; the signed extrinsics,
signing payloads and proofs of the shared metadata-hash/proofs.json (made
by another SDK on the Polkadot V15 fixture beside it, decimals 42, token
UNIT); a Polkadot transfer whose payload and extrinsic are assembled here
byte by byte from the SCALE rules of substrate.md (compact integers,
era, MultiAddress / MultiSignature tags) and the deterministic ed25519
signature of the keys binding.
"""

import json

import pytest

import wetee
from wetee import Metadata, Tx

BOB = "14E5nqKAp3oAJcmzgZhUD2RcptBeUBScxKHgJKU4HPNcKVf3"  # //Bob, Polkadot prefix
GENESIS = bytes.fromhex("91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3")  # Polkadot's


def _hex(s):
    return bytes.fromhex(s[2:] if s.startswith("0x") else s)


@pytest.fixture(scope="module")
def polkadot(vectors_dir):
    p = vectors_dir / "metadata-hash" / "polkadot_metadata_v15.hex"
    if not p.is_file():
        pytest.skip(f"{p} absent")
    md = Metadata.from_hex(p.read_text().strip())
    yield md
    md.close()


@pytest.fixture(scope="module")
def proofs(vectors_dir):
    p = vectors_dir / "metadata-hash" / "proofs.json"
    if not p.is_file():
        pytest.skip(f"{p} absent")
    d = json.loads(p.read_text())
    assert "decimals 42, token_symbol UNIT" in d["_comment"]
    return d


def test_eras():
    # sp-runtime generic::era tests: (period, current) -> bytes, (period, phase)
    cases = [
        (64, 42, "a502", 64, 42),
        (200, 513, "1700", 256, 1),
        (2, 1, "1100", 4, 1),
        (0x11111111, 0x11111111, "1f11", 65536, 0x1110),
        (64, 27, "b501", 64, 27),
    ]
    for period, current, enc, want_period, want_phase in cases:
        era, birth = wetee.era_mortal(period, current)
        assert era.hex() == enc
        (got, used) = wetee.era_decode(era)
        assert got == wetee.Era(want_period, want_phase) and used == 2
        assert birth == wetee.era_birth(want_period, want_phase, current)
    assert wetee.era_birth(4, 1, 6) == 5
    assert wetee.era_decode(b"\x00\xff") == (wetee.Era(0, 0), 1)
    with pytest.raises(wetee.DecodeError):
        wetee.era_decode(bytes.fromhex("1000"))  # period 2
    with pytest.raises(wetee.TruncatedError):
        wetee.era_decode(b"\x11")
    with pytest.raises(wetee.InvalidArgumentError):
        wetee.era_mortal(0, 1)


def test_foreign_transactions_rebuild(polkadot, proofs):
    """Signed extrinsics made by another SDK decode, and rebuilding them
    here from their decoded parts gives the same bytes."""
    fixtures = proofs["tx_proof_fixtures"]
    assert len(fixtures) >= 2
    for fx in fixtures:
        xt, add = _hex(fx["tx"]), _hex(fx["additionalSigned"])
        d = polkadot.decode_extrinsic(xt)
        assert d["version"] == 4 and d["type"] == "signed"
        assert d["hash"] == "0x" + wetee.extrinsic_hash(xt).hex() == "0x" + wetee.blake2b_256(xt).hex()
        ext = d["extensions"]
        mortal = ext["CheckMortality"]["mortal"]
        assert mortal["period"] == 64
        spec, txv = int.from_bytes(add[:4], "little"), int.from_bytes(add[4:8], "little")
        tx = Tx(polkadot, call=(d["call"]["pallet"], d["call"]["call"], d["call"]["args"]),
                runtime_version=(spec, txv), genesis_hash=add[8:40], nonce=ext["CheckNonce"],
                tip=ext["ChargeTransactionPayment"], mortal=(64, mortal["phase"], add[40:72]))
        raw = tx.signing_payload(raw=True)
        assert raw.endswith(add)
        payload = tx.signing_payload()
        assert payload == (raw if len(raw) <= 256 else wetee.blake2b_256(raw))
        # sr25519 key and signature from the extrinsic: prefix, 0x84, 0x00 <32> 0x01 <64>
        off = 2 if xt[0] & 3 else 1
        assert xt[off] == 0x84 and xt[off + 1] == 0 and xt[off + 34] == 1
        pub, sig = xt[off + 2:off + 34], xt[off + 35:off + 99]
        assert wetee.sr25519_verify(sig, payload, pub)
        assert tx.attach_signature("sr25519", pub, sig) == xt
        assert tx.attach_signature(wetee.Scheme.SR25519, pub, sig) == xt
        bad = bytearray(sig)
        bad[10] ^= 1
        with pytest.raises(wetee.VerifyError):
            tx.attach_signature("sr25519", pub, bytes(bad))
        with pytest.raises(wetee.Error):
            tx.attach_signature("sr25519", pub, sig[:63])
        with pytest.raises(wetee.Error):
            polkadot.decode_extrinsic(xt[:-1])
        with pytest.raises(wetee.Error):
            polkadot.decode_extrinsic(xt + b"\x00")


def test_payloads_decode(polkadot, proofs):
    for fx in proofs["tx_payload_proof_fixtures"]:
        p = _hex(fx["txPayload"])
        d = polkadot.decode_signing_payload(p)
        assert isinstance(d["call"]["pallet"], str) and isinstance(d["call"]["call"], str)
        assert d["implicit"]["CheckSpecVersion"] == polkadot.spec_version
        assert d["implicit"]["CheckMetadataHash"] is None
        with pytest.raises(wetee.Error):
            polkadot.decode_signing_payload(p[:-1])


def test_published_proofs(polkadot, proofs):
    for fx in proofs["tx_proof_fixtures"]:
        xt, add = _hex(fx["tx"]), _hex(fx["additionalSigned"])
        assert polkadot.proof_for_extrinsic(xt, 42, "UNIT") == _hex(fx["expectedProof"])
        assert polkadot.proof_for_extrinsic(xt, 42, "UNIT", implicit=add) == \
            _hex(fx["expectedProofWithAdditionalSigned"])
        # the chain information is part of the proof
        assert polkadot.proof_for_extrinsic(xt, 10, "DOT") != _hex(fx["expectedProof"])
        with pytest.raises(wetee.Error):
            polkadot.proof_for_extrinsic(xt, 42, "UNIT", implicit=add[:-1])
        with pytest.raises(wetee.TrailingDataError):
            polkadot.proof_for_extrinsic(xt + b"\x00", 42, "UNIT")
    for fx in proofs["tx_payload_proof_fixtures"]:
        assert polkadot.proof_for_payload(_hex(fx["txPayload"]), 42, "UNIT") == _hex(fx["expectedProof"])
    with pytest.raises(wetee.InvalidArgumentError):
        polkadot.proof_for_payload(_hex(proofs["tx_payload_proof_fixtures"][0]["txPayload"]), 256, "UNIT")


def _compact(n):
    return wetee.scale_encode_compact(n)


def test_ed25519_transfer_byte_for_byte(polkadot):
    """Payload and extrinsic assembled here from the SCALE rules equal the
    library's; sign() equals attach_signature() of the keys binding's signature."""
    block_hash = bytes(range(32))
    value, nonce, tip = 12_345_678_900, 7, 10**20
    tx = Tx(polkadot, call=("Balances", "transfer_keep_alive", {"dest": {"Id": BOB}, "value": value}),
            genesis_hash=GENESIS, nonce=nonce, tip=tip, mortal=(64, 1000, block_hash))
    call = polkadot.encode_call("Balances", "transfer_keep_alive", {"dest": {"Id": BOB}, "value": value})
    assert call[:2] == bytes([5, 3])  # Balances is pallet 5 on Polkadot, transfer_keep_alive call 3
    era, birth = wetee.era_mortal(64, 1000)
    assert birth == 1000
    explicit = era + _compact(nonce) + _compact(tip) + b"\x00"  # CheckMetadataHash mode 0
    implicit = (polkadot.spec_version.to_bytes(4, "little") + polkadot.transaction_version.to_bytes(4, "little")
                + GENESIS + block_hash + b"\x00")  # the metadata hash: None
    payload = call + explicit + implicit
    assert len(payload) <= wetee.tx.PAYLOAD_HASH_THRESHOLD
    assert tx.signing_payload(raw=True) == payload
    assert tx.signing_payload() == payload

    with wetee.Keypair.from_suri("ed25519", "//Alice") as alice:
        pub = alice.public_key
        sig = alice.sign(payload)  # ed25519: deterministic
        assert wetee.ed25519_verify(sig, payload, pub)
        signed = tx.sign(alice)
        address = alice.address(0)
    body = b"\x84" + b"\x00" + pub + b"\x00" + sig + explicit + call  # MultiAddress::Id, MultiSignature::Ed25519
    assert signed == _compact(len(body)) + body
    assert tx.attach_signature("ed25519", pub, sig) == signed
    # a signature by another key, or over another payload, is refused
    with wetee.Keypair.from_suri("ed25519", "//Bob") as bob:
        with pytest.raises(wetee.VerifyError):
            tx.attach_signature("ed25519", pub, bob.sign(payload))
    with pytest.raises(wetee.VerifyError):
        tx.attach_signature("ed25519", pub, wetee.ed25519_sign(b"\x01" * 32 + pub, payload))
    with pytest.raises(wetee.Error):
        tx.attach_signature("ed25519", pub[:31], sig)

    d = polkadot.decode_extrinsic(signed)
    assert d["version"] == 4 and d["type"] == "signed"
    assert d["address"] == {"Id": address}
    assert d["signature"] == {"Ed25519": "0x" + sig.hex()}
    assert d["extensions"]["CheckNonce"] == nonce
    assert d["extensions"]["ChargeTransactionPayment"] == tip  # > 2^53: an int, not a string
    assert d["extensions"]["CheckMortality"] == {"mortal": {"period": 64, "phase": 1000 % 64}}
    assert d["extensions"]["CheckMetadataHash"] == {"mode": "Disabled"}
    assert d["call"] == {"pallet": "Balances", "call": "transfer_keep_alive",
                         "args": {"dest": {"Id": BOB}, "value": value}}
    assert d["hash"] == "0x" + wetee.blake2b_256(signed).hex()

    p = polkadot.decode_signing_payload(payload)
    assert p["call"] == d["call"] and p["extensions"] == d["extensions"]
    assert p["implicit"]["CheckGenesis"] == "0x" + GENESIS.hex()
    assert p["implicit"]["CheckMortality"] == "0x" + block_hash.hex()

    # the bindings' outputs are bytes
    assert all(isinstance(x, bytes) for x in (signed, payload, tx.bare()))


def test_sr25519_and_long_payload(polkadot):
    remark = bytes(range(256)) + b"wetee"
    tx = Tx(polkadot, call=("System", "remark", {"remark": remark}), genesis_hash=GENESIS, nonce=0)
    raw = tx.signing_payload(raw=True)
    assert len(raw) > 256
    payload = tx.signing_payload()
    assert payload == wetee.blake2b_256(raw)
    with wetee.Keypair.from_suri("sr25519", "//Alice") as alice:
        signed = tx.sign(alice)
        pub = alice.public_key
    d = polkadot.decode_extrinsic(signed)
    assert d["extensions"]["CheckMortality"] == "immortal"
    assert d["call"]["args"]["remark"] == "0x" + remark.hex()
    sig = _hex(d["signature"]["Sr25519"])
    assert wetee.sr25519_verify(sig, payload, pub)
    assert tx.attach_signature("sr25519", pub, sig) == signed


def test_bare_general_and_no_arg_calls(polkadot):
    tx = Tx(polkadot, call=("Timestamp", "set", {"now": 1_700_000_000_000}))
    bare = tx.bare()
    call = polkadot.encode_call("Timestamp", "set", {"now": 1_700_000_000_000})
    assert bare == _compact(1 + len(call)) + b"\x04" + call
    d = polkadot.decode_extrinsic(bare)
    assert d["type"] == "bare" and d["call"]["args"] == {"now": 1_700_000_000_000}
    assert 5 not in polkadot.extrinsic_versions
    with pytest.raises(wetee.UnsupportedError):
        tx.bare(5)
    with pytest.raises(wetee.UnsupportedError):
        tx.general(0)
    tx.set_call("Staking", "chill")
    tx.set_genesis_hash(GENESIS).set_nonce(1)
    p = polkadot.decode_signing_payload(tx.signing_payload(raw=True))
    assert p["call"]["pallet"] == "Staking" and p["call"]["call"] == "chill"


def test_extensions_and_metadata_hash(polkadot):
    exts = polkadot.tx_extensions
    assert list(exts) == [0]
    names = [e.identifier for e in exts[0]]
    assert names[:5] == ["CheckNonZeroSender", "CheckSpecVersion", "CheckTxVersion", "CheckGenesis",
                         "CheckMortality"]
    assert "CheckMetadataHash" in names
    h = polkadot.hash(10, "DOT")
    tx = Tx(polkadot, call=("System", "remark", {"remark": "0x00"}), genesis_hash=GENESIS, nonce=3,
            metadata_hash=h)
    raw = tx.signing_payload(raw=True)
    assert raw.endswith(b"\x01" + h)
    p = polkadot.decode_signing_payload(raw)
    assert p["extensions"]["CheckMetadataHash"] == {"mode": "Enabled"}
    assert p["implicit"]["CheckMetadataHash"] == "0x" + h.hex()
    assert tx.set_metadata_hash(None).signing_payload(raw=True).endswith(GENESIS + GENESIS + b"\x00")
    # overrides by name, checked against the types
    tx.set_extension("CheckNonce", 9)
    assert polkadot.decode_signing_payload(tx.signing_payload(raw=True))["extensions"]["CheckNonce"] == 9
    with pytest.raises(wetee.NotFoundError, match="NoSuchExtension"):
        tx.set_extension("NoSuchExtension", 1)
    with pytest.raises(wetee.DecodeError, match="CheckNonce"):
        tx.set_extension("CheckNonce", "not a number")
    # Polkadot pays fees in DOT only
    with pytest.raises(wetee.NotFoundError):
        tx.set_fee_asset(1984)


def test_missing_and_bad_values(polkadot):
    tx = Tx(polkadot)
    with pytest.raises(wetee.StateError):
        tx.signing_payload()  # no call
    tx.set_call("System", "remark", {"remark": "0x"})
    with pytest.raises(wetee.StateError, match="CheckGenesis"):
        tx.signing_payload()
    tx.set_genesis_hash(GENESIS)
    with pytest.raises(wetee.StateError, match="CheckNonce"):
        tx.signing_payload()
    tx.set_nonce(0)
    assert tx.signing_payload()
    with pytest.raises(wetee.InvalidArgumentError):
        tx.set_genesis_hash(GENESIS[:31])
    with pytest.raises(wetee.InvalidArgumentError):
        tx.set_mortal(0, 1, GENESIS)
    with pytest.raises(wetee.InvalidArgumentError):
        tx.set_mortal(8192, 1001, GENESIS)  # the era's birth block is 1000
    with pytest.raises(OverflowError):
        tx.set_tip(-1)
    with pytest.raises(wetee.NotFoundError):
        tx.set_call("Balances", "no_such_call", {})
    with pytest.raises(wetee.OutOfRangeError, match="Compact<u128>"):
        tx.set_call("Balances", "transfer_keep_alive", {"dest": {"Id": BOB}, "value": -1})
    with pytest.raises(wetee.Error):
        tx.set_call_bytes(b"\x05\x03\x00")  # cut short
    with pytest.raises(wetee.InvalidArgumentError):
        Tx(polkadot, call="System.remark")
    with wetee.Keypair.from_suri("ethereum", wetee.DEV_PHRASE + "/m/44'/60'/0'/0/0") as eth:
        with pytest.raises(wetee.Error, match="address"):
            tx.sign(eth)  # a 20-byte account on an AccountId32 chain
    tx.close()
    with pytest.raises(wetee.StateError):
        tx.signing_payload()


def test_tx_keeps_metadata_alive(vectors_dir):
    p = vectors_dir / "metadata-hash" / "polkadot_metadata_v15.hex"
    if not p.is_file():
        pytest.skip(f"{p} absent")
    md = Metadata.from_hex(p.read_text().strip())
    tx = Tx(md, call=("System", "remark", {"remark": "0x01"}), genesis_hash=GENESIS, nonce=1)
    md.close()
    with pytest.raises(wetee.StateError):
        md.decode_extrinsic(b"")
    with pytest.raises(wetee.StateError):
        Tx(md)
    assert tx.metadata is md
    assert len(tx.signing_payload()) > 0  # the C metadata lives as long as the Tx
    with tx:
        pass
    with pytest.raises(wetee.StateError):
        tx.bare()
