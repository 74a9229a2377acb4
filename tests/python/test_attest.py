"""TEE attestation through the binding: the shared DCAP samples under JSON
policies (verdicts of attestation.md section 7), rejections as results,
malformed policies as errors."""

import pytest

import wetee


@pytest.fixture
def tdx(vectors_dir):
    d = vectors_dir / "attestation" / "tdx"
    if not d.exists():
        pytest.skip("attestation/tdx not found")
    return (d / "quote.bin").read_bytes(), (d / "collateral.json").read_text()


@pytest.fixture
def sgx(vectors_dir):
    d = vectors_dir / "attestation" / "sgx"
    if not d.exists():
        pytest.skip("attestation/sgx not found")
    return (d / "quote.bin").read_bytes(), (d / "collateral.json").read_text()


MRTD = "91eb2b44d141d4ece09f0c75c2c53d247a3c68edd7fafe8a3520c942a604a407de03ae6dc5f87f27428b2538873118b7"


def test_tdx_accepted(tdx):
    quote, coll = tdx
    r = wetee.attest.verify_evidence(quote, policy={"mrtd": MRTD}, collateral=coll, time=1751000000)
    assert wetee.attest.accepted(r), r["reason"]
    assert (r["tee"], r["tcb_status"], r["status_code"]) == ("tdx", "UpToDate", "0x0000")
    assert r["mrtd"] == MRTD
    assert r["tee_tcb_svn"] == "06010300000000000000000000000000"
    assert r["collateral_earliest_expiry"] == 1752919235


def test_tdx_rejections(tdx):
    quote, coll = tdx
    r = wetee.attest.verify_evidence(quote, policy={"mrtd": "00" * 48}, collateral=coll, time=1751000000)
    assert (r["verdict"], r["failed_check"]) == ("reject", "measurement")
    r = wetee.attest.verify_evidence(quote, collateral=coll, time=1752919236)
    assert (r["verdict"], r["failed_check"], r["collateral_expired"]) == ("reject", "collateral_expired", True)
    bad = bytearray(quote)
    bad[700] ^= 1  # attestation key
    r = wetee.attest.verify_evidence(bytes(bad), collateral=coll, time=1751000000)
    assert (r["verdict"], r["failed_check"]) == ("reject", "attestation_key")
    r = wetee.attest.verify_evidence(quote[:100], collateral=coll, time=1751000000)
    assert (r["verdict"], r["failed_check"]) == ("reject", "parse")


def test_sgx_status_policy(sgx):
    quote, coll = sgx
    r = wetee.attest.verify_evidence(quote, collateral=coll, time=1751000000)
    assert (r["verdict"], r["failed_check"], r["status_code"]) == ("reject", "status_policy", "0xA008")
    assert r["advisory_ids"] == ["INTEL-SA-00289", "INTEL-SA-00615"]
    policy = {"accept_status": ["ConfigurationAndSWHardeningNeeded"],
              "accept_advisories": ["INTEL-SA-00289", "INTEL-SA-00615"]}
    r = wetee.attest.verify_evidence(quote, policy=policy, collateral=coll, time=1751000000)
    assert wetee.attest.accepted(r), r["reason"]
    assert r["mrenclave"] == "33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb"


def test_errors(tdx):
    quote, coll = tdx
    with pytest.raises(wetee.DecodeError, match="unknown key"):
        wetee.attest.verify_evidence(quote, policy='{"mrenclav": "00"}', collateral=coll, time=1)
    with pytest.raises(wetee.DecodeError):
        wetee.attest.verify_evidence(quote, collateral="{", time=1)
    r = wetee.attest.verify_evidence(quote, time=1751000000)
    assert (r["verdict"], r["failed_check"]) == ("reject", "collateral")
