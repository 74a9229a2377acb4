"""AMD SEV-SNP reports through the Python bindings: the go-sev-guest sample
of attestation.md §7 (Milan, VERSION 2, DEBUG set, VCEK valid
1663980928..1884905728) and negative cases."""

import pytest

import wetee
from wetee import snp

T = 1700000000
VCEK_FROM, VCEK_UNTIL = 1663980928, 1884905728
MEASUREMENT = "b07af9620f3b839b47996422ddec6058338951d984e312115131ea82705eaf5b6bdf8a9ece31a5a608eb0cf2e4872b01"


@pytest.fixture(scope="module")
def sample(vectors_dir):
    d = vectors_dir / "attestation" / "snp"
    if not (d / "report.bin").is_file():
        pytest.skip("attestation/snp vectors absent")
    return {n: (d / n).read_bytes() for n in ("report.bin", "vcek.der", "ask_ark_milan.pem", "ask_ark_genoa.pem")}


def test_parse(sample):
    r = snp.report_parse(sample["report.bin"])
    assert r["version"] == 2
    assert r["measurement"] == MEASUREMENT
    assert r["report_data"] == "0102030405" + "00" * 59
    assert r["policy"] == 0xB0000 and r["debug"] == 1
    assert r["reported_tcb"] == {"raw": "4405000000000002", "fmc": 0, "bootloader": 2, "tee": 0, "snp": 5,
                                 "microcode": 68}
    assert r["product"] == "unknown"  # VERSION 2 has no CPUID bytes
    assert snp.REPORT_BYTES == len(sample["report.bin"]) == 1184


def test_verify(sample):
    r = snp.verify(sample["report.bin"], sample["vcek.der"], sample["ask_ark_milan.pem"], T)
    assert r["product"] == "Milan"
    assert r["signing_key"] == 0 and r["chip_id"].startswith("3ac3fe21e13fb099")
    assert snp.verify(sample["report.bin"], sample["vcek.der"], sample["ask_ark_milan.pem"], VCEK_FROM,
                      product="milan")["version"] == 2
    snp.verify(sample["report.bin"], sample["vcek.der"], sample["ask_ark_milan.pem"], VCEK_UNTIL)
    for t in (VCEK_FROM - 1, VCEK_UNTIL + 1):
        with pytest.raises(wetee.VerifyError, match="VCEK certificate"):
            snp.verify(sample["report.bin"], sample["vcek.der"], sample["ask_ark_milan.pem"], t)


@pytest.mark.parametrize("offset", [0x000, 0x008, 0x050, 0x090, 0x180, 0x1A0, 0x29F, 0x2A0, 0x2E8])
def test_flipped_signed_byte(sample, offset):
    rep = bytearray(sample["report.bin"])
    rep[offset] ^= 0x01
    with pytest.raises(wetee.VerifyError, match="signature does not verify"):
        snp.verify(bytes(rep), sample["vcek.der"], sample["ask_ark_milan.pem"], T)


def test_wrong_chain_and_bad_input(sample):
    with pytest.raises(wetee.VerifyError, match="untrusted root"):
        snp.verify(sample["report.bin"], sample["vcek.der"], sample["ask_ark_genoa.pem"], T)
    with pytest.raises(wetee.TruncatedError):
        snp.report_parse(sample["report.bin"][:-1])
    with pytest.raises(wetee.TrailingDataError):
        snp.report_parse(sample["report.bin"] + b"\0")
    with pytest.raises(wetee.UnsupportedError, match="VERSION 4"):
        snp.report_parse(b"\x04" + sample["report.bin"][1:])
    with pytest.raises(wetee.DepthError):
        deep = b"".join(bytes([0x30, 2 * (40 - i) - 2]) for i in range(40))
        snp.verify(sample["report.bin"], deep, sample["ask_ark_milan.pem"], T)
    with pytest.raises(wetee.InvalidArgumentError, match="verification time"):
        snp.verify(sample["report.bin"], sample["vcek.der"], sample["ask_ark_milan.pem"], 0)
    assert snp.product_name(snp.PRODUCT_TURIN) == "Turin"
