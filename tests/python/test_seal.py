"""Attested sealing through the binding (wetee.seal): the shared samples
seal under a matching policy and are refused for a wrong measurement or a
debug guest, with the failing check named; sealed boxes open with the right
Ed25519/X25519 key only, and libsodium (loaded with ctypes, independently of
the binding) opens them too."""

import ctypes
import ctypes.util

import pytest

import wetee
from wetee import seal

MRTD = "91eb2b44d141d4ece09f0c75c2c53d247a3c68edd7fafe8a3520c942a604a407de03ae6dc5f87f27428b2538873118b7"
SNP_MEASUREMENT = ("b07af9620f3b839b47996422ddec6058338951d984e312115131ea82705eaf5b"
                   "6bdf8a9ece31a5a608eb0cf2e4872b01")
SECRET = b"DATABASE_URL=postgres://app:s3cr3t@db/app"


@pytest.fixture
def tdx(vectors_dir):
    d = vectors_dir / "attestation" / "tdx"
    if not d.exists():
        pytest.skip("attestation/tdx not found")
    return (d / "quote.bin").read_bytes(), (d / "collateral.json").read_text()


@pytest.fixture
def snp(vectors_dir):
    d = vectors_dir / "attestation" / "snp"
    if not d.exists():
        pytest.skip("attestation/snp not found")
    coll = {"vcek": (d / "vcek.der").read_bytes().hex(), "cert_chain": (d / "ask_ark_milan.pem").read_text()}
    return (d / "report.bin").read_bytes(), coll


def test_tdx_sample_seals(tdx):
    quote, coll = tdx
    rec = seal.verify(quote, policy={"mrtd": MRTD}, collateral=coll, time=1751000000,
                      key_source=seal.SOURCE_REPORT_DATA_X25519)
    assert rec.accepted, rec.reason
    assert rec.reason == "" and rec.failed_check == "none"
    assert rec.result["verdict"] == "accept" and rec.result["mrtd"] == MRTD
    key, kind = rec.bound_key
    assert kind == seal.KEY_X25519 and key == bytes.fromhex(rec.result["report_data"])[:32]
    assert rec.public_key == key
    box = rec.seal(SECRET)
    assert len(box) == len(SECRET) + seal.OVERHEAD
    # nobody here holds that key: another one does not open it
    with pytest.raises(wetee.VerifyError):
        seal.open(box, b"\x11" * 32, seal.KEY_X25519)


def test_tdx_sample_refused(tdx):
    quote, coll = tdx
    rec = seal.verify(quote, policy={"mrtd": MRTD, "rtmr0": MRTD}, collateral=coll, time=1751000000,
                      key_source=seal.SOURCE_REPORT_DATA_X25519)
    assert not rec.accepted
    assert rec.failed_check == "measurement"
    assert rec.reason.startswith("measurement: ")
    assert rec.bound_key is None
    with pytest.raises(wetee.VerifyError, match="seal: refused: measurement"):
        rec.seal(SECRET)
    with pytest.raises(wetee.VerifyError):
        rec.public_key
    # the policy binds no key, and the default source wants one
    rec = seal.verify(quote, policy={"mrtd": MRTD}, collateral=coll, time=1751000000)
    assert not rec.accepted and rec.failed_check == "report_data" and "binds no key" in rec.reason
    # expired collateral under the strict default
    rec = seal.verify(quote, policy={"mrtd": MRTD}, collateral=coll, time=1900000000,
                      key_source=seal.SOURCE_REPORT_DATA_X25519)
    assert rec.failed_check == "collateral_expired"
    # malformed policy JSON is an error, not a refusal
    with pytest.raises(wetee.DecodeError):
        seal.verify(quote, policy="{", collateral=coll, time=1751000000)


def test_snp_debug_refused(snp):
    report, coll = snp
    pol = {"accept_status": ["OutOfDate"], "measurement": SNP_MEASUREMENT}
    rec = seal.verify(report, policy=pol, collateral=coll, time=1700000000, key_source=seal.SOURCE_REPORT_DATA_X25519)
    assert not rec.accepted and rec.failed_check == "debug"
    with pytest.raises(wetee.VerifyError, match="refused: debug"):
        rec.seal(b"x")
    rec = seal.verify(report, policy=dict(pol, allow_debug=True), collateral=coll, time=1700000000,
                      key_source=seal.SOURCE_REPORT_DATA_X25519)
    assert rec.accepted, rec.reason
    assert len(rec.seal(b"x")) == 1 + seal.OVERHEAD


def _libsodium():
    name = ctypes.util.find_library("sodium") or "libsodium.so.23"
    lib = ctypes.CDLL(name)
    assert lib.sodium_init() >= 0
    return lib


def test_open_side_ed25519_and_x25519():
    seed = bytes(range(32))
    secret, public = wetee.ed25519_keypair_from_seed(seed)
    for size in (0, 1, 245, 246, 70000):
        msg = bytes((i * 7) & 0xFF for i in range(size))
        box = seal.seal_to_key(public, msg, seal.KEY_ED25519)
        assert len(box) == size + seal.OVERHEAD
        assert seal.open(box, seed, seal.KEY_ED25519) == msg
        assert seal.open(box, secret, seal.KEY_ED25519) == msg
        with pytest.raises(wetee.VerifyError):
            seal.open(box, bytes(32), seal.KEY_ED25519)
    # X25519: libsodium (ctypes) opens what the binding sealed
    lib = _libsodium()
    xsk = bytes([0x31] * 32)
    xpk = seal.x25519_public(xsk, seal.KEY_X25519)
    check = ctypes.create_string_buffer(32)
    assert lib.crypto_scalarmult_base(check, xsk) == 0 and check.raw == xpk
    box = seal.seal_to_key(xpk, SECRET, seal.KEY_X25519)
    out = ctypes.create_string_buffer(len(SECRET))
    assert lib.crypto_box_seal_open(out, box, ctypes.c_ulonglong(len(box)), xpk, xsk) == 0
    assert out.raw == SECRET
    assert seal.open(box, xsk, seal.KEY_X25519) == SECRET
    # and the binding opens what libsodium sealed
    sealed = ctypes.create_string_buffer(len(SECRET) + 48)
    assert lib.crypto_box_seal(sealed, SECRET, ctypes.c_ulonglong(len(SECRET)), xpk) == 0
    assert seal.open(sealed.raw, xsk, seal.KEY_X25519) == SECRET
    # altered, truncated, wrong kinds
    bad = bytearray(box)
    bad[-1] ^= 1
    with pytest.raises(wetee.VerifyError):
        seal.open(bytes(bad), xsk, seal.KEY_X25519)
    with pytest.raises(wetee.Error):
        seal.open(box[:47], xsk, seal.KEY_X25519)
    with pytest.raises(wetee.Error):
        seal.seal_to_key(bytes(32), b"x", seal.KEY_X25519)  # small order
    # the Ed25519 key converts as libsodium converts it
    cpk = ctypes.create_string_buffer(32)
    assert lib.crypto_sign_ed25519_pk_to_curve25519(cpk, public) == 0
    assert seal.x25519_public(public, seal.KEY_ED25519) == cpk.raw
