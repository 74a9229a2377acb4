"""The toncenter client through the Python binding, against
tests/toncenter/replay_server.py replaying tests/toncenter/responses.json
(the C test covers the same answers in more detail)."""
import os
import subprocess
import sys

import pytest

import wetee
from wetee.toncenter import Toncenter

HERE = os.path.dirname(os.path.abspath(__file__))
TC = os.path.join(HERE, "..", "toncenter")
W5 = "0:d22ce1556a6359cddcb82ee95c95c08110591145e67b5ac70108b030dcf839de"
W5_FRIENDLY = "UQDSLOFVamNZzdy4LulclcCBEFkRReZ7WscBCLAw3Pg53h3h"
MSG = bytes(255 - 3 * i for i in range(32))
TX = bytes(7 * i + 1 for i in range(32))


@pytest.fixture(scope="module")
def base():
    p = subprocess.Popen([sys.executable, os.path.join(TC, "replay_server.py"), os.path.join(TC, "responses.json")],
                         stdout=subprocess.PIPE, text=True)
    port = p.stdout.readline().strip()
    yield f"http://127.0.0.1:{port}"
    p.kill()
    p.wait()


@pytest.fixture
def tc(base):
    return Toncenter(f"{base}/api/v2", f"{base}/api/v3", max_retries=2, backoff_ms=10, max_backoff_ms=20)


def test_send_boc(tc):
    assert tc.send_boc(wetee.base64_decode("te6cckEBAQEAAgAAAEysuc0=")) == MSG
    with pytest.raises(wetee.NetworkError, match="LITE_SERVER_UNKNOWN"):
        tc.send_boc(wetee.base64_decode("te6ccgEBAQEAAgAAAA=="))


def test_get_methods(tc):
    assert tc.seqno(W5_FRIENDLY) == 27
    assert tc.seqno("0:" + "0" * 63 + "1") == 0
    with pytest.raises(wetee.NetworkError, match="exit code 11"):
        tc.seqno("0:" + "0" * 63 + "2")
    r = tc.run_get_method(W5_FRIENDLY, "seqno")
    assert r["exit_code"] == 0 and r["stack"] == [["num", "0x1b"]]
    assert tc.jetton_wallet_address("0:" + "0" * 62 + "10", W5_FRIENDLY) == \
        "0:71461a638ce1450e3fcf36f0fd9d71711eadaf5d15b007ec13ed80f0d295f847"
    with pytest.raises(wetee.DecodeError):
        tc.seqno("not an address")


def test_account_and_rate_limit(tc):
    a = tc.account(W5)
    assert (a.balance, a.state, a.last_lt, a.last_hash) == (898000000123, "active", 47000000000003, TX)
    assert tc.account("0:" + "0" * 63 + "3").state == "frozen"  # after two 429 answers
    with pytest.raises(wetee.NetworkError, match=r"after 2 retries: Ratelimit exceed \(request 3\)"):
        tc.account("0:" + "0" * 63 + "4")
    with pytest.raises(wetee.DecodeError, match="not JSON"):
        tc.account("0:" + "0" * 63 + "5")


def test_api_key(base):
    assert Toncenter(f"{base}/keyed/api/v2", api_key="test-key-123").account(W5).balance == 7
    with pytest.raises(wetee.NetworkError, match="HTTP 401"):
        Toncenter(f"{base}/keyed/api/v2", api_key="other").account(W5)
    with pytest.raises(wetee.InvalidArgumentError):
        Toncenter("ftp://x")


def test_v3(tc):
    t = tc.find_transaction(MSG)
    assert t.account == W5 and t.hash == TX and t.lt == 47000000000003 and t.success and t.exit_code == 0
    tr = tc.find_trace(MSG)
    assert tr.trace_id == TX and tr.complete and (tr.transactions, tr.failed, tr.pending_messages) == (2, 0, 0)
    pending = bytes(31) + b"\x01"
    assert not tc.find_transaction(pending).success
    tr = tc.find_trace(pending)
    assert not tr.complete and (tr.transactions, tr.failed, tr.pending_messages) == (1, 1, 1)
    with pytest.raises(wetee.NotFoundError):
        tc.find_transaction(bytes(32))
    with pytest.raises(wetee.NotFoundError):
        tc.find_trace(bytes(32))
