"""Chain client bindings (wetee.Chain). The node tests run when
WETEE_DEVNODE_URL names a running devnode (tests/devnode/run.sh sets it);
without it they are skipped and say so."""

import asyncio
import os
import threading
import time

import pytest

import wetee

URL = os.environ.get("WETEE_DEVNODE_URL")
node = pytest.mark.skipif(not URL, reason="WETEE_DEVNODE_URL not set (tests/devnode/run.sh runs these)")
BOB = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"


def test_constants():
    assert wetee.chain.FINALIZED == 5 and wetee.chain.IN_BLOCK == 3
    assert wetee.chain.RPC_LEGACY == 1 and wetee.chain.RPC_NEW == 2


def test_bad_url():
    with pytest.raises(wetee.InvalidArgumentError):
        wetee.Chain("not a url")


@node
@pytest.mark.parametrize("spec", [wetee.chain.RPC_LEGACY, wetee.chain.RPC_NEW])
def test_read_and_transfer(spec):
    with wetee.Chain(URL, rpc_spec=spec) as chain, wetee.Keypair.from_suri("sr25519", "//Alice") as alice:
        assert chain.uses_new_rpc == (spec == wetee.chain.RPC_NEW)
        assert (chain.ss58_prefix, chain.token_decimals, chain.token_symbol) == (42, 12, "UNIT")
        assert chain.spec_version == 1 and len(chain.genesis_hash) == 32
        assert chain.constant("Balances", "ExistentialDeposit") == 1000000000
        me = alice.address(42)
        acct = chain.storage("System", "Account", [me])
        assert acct["nonce"] == chain.account_nonce(me) == chain.runtime_call("AccountNonceApi", "account_nonce", [me])
        before = chain.balance(BOB)
        out = chain.transfer(alice, BOB, 10**12 + spec)
        assert out["status"] == "finalized" and out["success"] is True, out
        assert chain.balance(BOB) == before + 10**12 + spec
        names = [(e["pallet"], e["event"]) for e in out["events"]]
        assert ("Balances", "Transfer") in names and ("System", "ExtrinsicSuccess") in names
        with pytest.raises(wetee.NotFoundError, match="System.Acount"):
            chain.storage("System", "Acount")


@node
def test_fee_and_invalid():
    with wetee.Chain(URL) as chain, wetee.Keypair.from_suri("sr25519", "//Alice") as alice:
        xt = chain.sign(alice, "Balances", "transfer_keep_alive", {"dest": {"Id": BOB}, "value": 5})
        info = chain.fee_info(xt)
        assert info["partial_fee"] > 0 and info["class"] == "Normal"
        bad = bytearray(xt)
        bad[2 + 1 + 33 + 1 + 10] ^= 1
        with pytest.raises(wetee.RpcError, match="(?i)badproof"):
            chain.submit_and_watch(bytes(bad))


@node
def test_asyncio_and_gil():
    """submit-and-watch awaited under asyncio: the loop keeps running (a
    ticker task advances) and a Python thread keeps counting while C waits."""
    ticks = 0
    counted = [0]
    stop = threading.Event()

    def spin():
        while not stop.is_set():
            counted[0] += 1
            time.sleep(0.001)

    async def ticker():
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    async def main():
        with wetee.Chain(URL) as chain, wetee.Keypair.from_suri("sr25519", "//Alice") as alice:
            xt = chain.sign(alice, "Balances", "transfer_keep_alive", {"dest": {"Id": BOB}, "value": 77})
            t = asyncio.create_task(ticker())
            n0 = counted[0]
            out = await chain.submit_and_watch_async(xt)
            t.cancel()
            return out, counted[0] - n0

    th = threading.Thread(target=spin)
    th.start()
    try:
        out, spun = asyncio.run(main())
    finally:
        stop.set()
        th.join()
    assert out["status"] == "finalized" and out["success"] is True
    assert ticks >= 2, "the event loop did not run while waiting"
    assert spun >= 2, "another Python thread did not run while waiting (GIL held?)"
