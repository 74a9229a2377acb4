"""The JSON-RPC client through the Python binding, against the fault-injecting
server of the C tests (tests/rpc/fault_server.py) on loopback."""
import asyncio
import pathlib
import subprocess
import sys
import threading
import time

import pytest

import wetee
from wetee.rpc import Event, Rpc, transports, TRANSPORT_WS, TRANSPORT_HTTP

SERVER = pathlib.Path(__file__).resolve().parents[1] / "rpc" / "fault_server.py"


@pytest.fixture(scope="module")
def server():
    p = subprocess.Popen([sys.executable, str(SERVER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    line = p.stdout.readline()
    assert line.startswith("READY"), line
    ports = dict(kv.split("=") for kv in line.split()[1:])
    yield {"ws": "ws://127.0.0.1:%s" % ports["ws"], "http": "http://127.0.0.1:%s" % ports["http"]}
    p.stdin.close()
    p.wait(10)


def test_calls_and_errors(server):
    assert transports() & TRANSPORT_WS and transports() & TRANSPORT_HTTP
    with Rpc(server["ws"], request_timeout_ms=5000) as rpc:
        assert rpc.call("add", [40, 2]) == 42
        assert rpc.call("echo", {"a": [1, None, "é"]}) == {"a": [1, None, "é"]}
        assert rpc.call_raw("echo", "[1,2]") == "[1, 2]"  # as the server writes it
        with pytest.raises(wetee.RpcError, match="1010"):
            rpc.call("fail", [1010, "Invalid Transaction"])
        with pytest.raises(wetee.TimedOutError):
            rpc.call("sleep", [2000, 1], timeout_ms=100)
        with pytest.raises(wetee.NetworkError, match="connection lost"):
            rpc.call("drop")
        assert rpc.call("add", [1, 1]) == 2  # reconnected by itself
        with pytest.raises(wetee.DecodeError):
            rpc.call_raw("echo", "[1,")
        s = rpc.stats()
        assert s["connected"] and s["disconnects"] == 1 and s["timeouts"] == 1
        assert rpc.url == server["ws"]
    with pytest.raises(wetee.StateError):
        rpc.call("add", [1, 1])


def test_unreachable_and_bad_url():
    with pytest.raises(wetee.InvalidArgumentError):
        Rpc("ftp://x")
    with pytest.raises(wetee.NetworkError):
        Rpc("ws://127.0.0.1:1", connect_timeout_ms=1000)


def test_gil_released_while_waiting(server):
    """Another Python thread runs while a call waits in C."""
    with Rpc(server["ws"]) as rpc:
        ticks = []
        stop = threading.Event()

        def spin():
            while not stop.is_set():
                ticks.append(1)
                time.sleep(0.001)
        t = threading.Thread(target=spin)
        t.start()
        n0 = len(ticks)
        assert rpc.call("sleep", [300, 7]) == 7
        n1 = len(ticks)
        stop.set()
        t.join()
        assert n1 - n0 > 50


def test_threads_share_a_client(server):
    with Rpc(server["ws"]) as rpc:
        bad = []

        def work(base):
            for i in range(100):
                if rpc.call("add", [base, i]) != base + i:
                    bad.append((base, i))
        ts = [threading.Thread(target=work, args=(k * 1000,)) for k in range(4)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        assert bad == []


def test_subscription_resumes(server):
    with Rpc(server["ws"], reconnect_initial_ms=20) as rpc:
        with rpc.subscribe("subscribe_ticks", [5, 0], "unsubscribe_ticks") as sub:
            got = []
            for v in sub:
                got.append(v)
                if len(got) == 3:
                    break
            assert got == [0, 1, 2]
            old = sub.id
            rpc.call("drop_after", [5])
            kinds = []
            while Event.RESUBSCRIBED not in kinds:
                kind, value = sub.next_event(5000)
                kinds.append(kind)
            assert Event.LOST in kinds
            assert sub.id != old
            kind, value = sub.next_event(5000)
            assert kind == Event.NOTIFICATION
        assert rpc.call("server_stats")["active_subs"] == 0


def test_asyncio(server):
    async def main():
        with Rpc(server["ws"]) as rpc:
            # answers come out of order; gather keeps them straight
            res = await asyncio.gather(*(rpc.acall("sleep", [(7 * i) % 30, i]) for i in range(20)))
            assert res == list(range(20))
            sub = rpc.subscribe("subscribe_ticks", [5, 3], "unsubscribe_ticks")
            got = [v async for v in sub] if False else []
            async for v in sub:
                got.append(v)
                if len(got) == 3:
                    break
            sub.close()
            return got
    assert asyncio.run(main()) == [0, 1, 2]


def test_http(server):
    with Rpc(server["http"]) as rpc:
        assert rpc.call("add", [2, 3]) == 5
        with pytest.raises(wetee.RpcError):
            rpc.call("fail", [-32000, "bad"])
        with pytest.raises(wetee.UnsupportedError):
            rpc.subscribe("subscribe_ticks", [5, 0])
