"""Collateral fetching through the Python binding (wetee.attest.Fetcher),
against tests/attest_fetch/pcs_server.py, a local PCS/KDS stand-in serving
the shared samples (the C test covers caching, expiry and failures in more
detail)."""
import os
import subprocess
import sys
import urllib.request

import pytest

import wetee
from wetee.attest import Fetcher

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "..", "attest_fetch", "pcs_server.py")
T = 1751000000
LENIENT = {"accept_status": ["ConfigurationAndSWHardeningNeeded"], "accept_advisories": "*"}


@pytest.fixture(scope="module")
def base(vectors_dir):
    p = subprocess.Popen([sys.executable, SERVER, str(vectors_dir)], stdout=subprocess.PIPE, text=True)
    port = p.stdout.readline().strip()
    yield f"http://127.0.0.1:{port}"
    p.kill()
    p.wait()


def sample(vectors_dir, name):
    return (vectors_dir / "attestation" / name / "quote.bin").read_bytes()


def test_sgx_and_tdx_with_fetched_collateral(base, vectors_dir, tmp_path):
    f = Fetcher(f"{base}/sgx", cache_dir=str(tmp_path))
    r = f.verify_evidence(sample(vectors_dir, "sgx"), time=T, policy=LENIENT)
    assert r["verdict"] == "accept" and r["status_code"] == "0xA008"
    assert sorted(r["advisory_ids"]) == ["INTEL-SA-00289", "INTEL-SA-00615"]
    assert f.requests == 4
    # memory cache, then the disk cache of a second fetcher
    assert f.verify_evidence(sample(vectors_dir, "sgx"), time=T, policy=LENIENT)["verdict"] == "accept"
    assert f.requests == 4
    g = Fetcher(f"{base}/sgx", cache_dir=str(tmp_path))
    assert g.verify_evidence(sample(vectors_dir, "sgx"), time=T, policy=LENIENT)["verdict"] == "accept"
    assert g.requests == 0
    # the strict default policy rejects the sample's status
    assert g.verify_evidence(sample(vectors_dir, "sgx"), time=T)["failed_check"] == "status_policy"
    t = Fetcher(f"{base}/tdx")
    r = t.verify_evidence(sample(vectors_dir, "tdx"), time=T)
    assert r["verdict"] == "accept" and r["tee"] == "tdx" and r["status_code"] == "0x0000"


def test_fetch_failure_is_a_rejection(base, vectors_dir):
    f = Fetcher(f"{base}/tdx")  # the sgx quote's FMSPC is not on the tdx server
    r = f.verify_evidence(sample(vectors_dir, "sgx"), time=T, policy=LENIENT)
    assert r["verdict"] == "reject" and r["failed_check"] == "collateral"
    assert "HTTP 404" in r["reason"]
    urllib.request.urlopen(f"{base}/__mode?m=wrongchain").read()
    try:
        r = Fetcher(f"{base}/sgx").verify_evidence(sample(vectors_dir, "sgx"), time=T, policy=LENIENT)
    finally:
        urllib.request.urlopen(f"{base}/__mode?m=ok").read()
    assert r["failed_check"] == "collateral" and "pinned Intel root" in r["reason"]


def test_snp_from_kds(base, vectors_dir):
    f = Fetcher(kds_url=f"{base}/kds", snp_product=1, snp_no_crl=True)
    rep = (vectors_dir / "attestation" / "snp" / "report.bin").read_bytes()
    r = f.verify_evidence(rep, time=1700000000, policy={"allow_debug": True, "accept_status": ["OutOfDate"]})
    assert r["verdict"] == "accept" and r["tee"] == "sev-snp"
    assert f.requests == 2


def test_bad_options():
    with pytest.raises(wetee.InvalidArgumentError):
        Fetcher("ftp://example.invalid")
    with pytest.raises(wetee.FileError, match="cache_dir"):
        Fetcher(cache_dir="/nonexistent/wetee-cache")
