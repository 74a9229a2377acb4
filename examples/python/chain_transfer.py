"""Connect to a chain, show a balance, transfer and watch to finalization.

    python3 examples/python/chain_transfer.py [URL] [legacy|new]

Sends 1.5 tokens from //Alice to //Bob (a dev chain such as the devnode of
tests/devnode), awaiting the transaction under asyncio.
"""
import asyncio
import sys

import wetee


async def main(url, spec):
    with wetee.Chain(url, rpc_spec=spec) as chain, \
            wetee.Keypair.from_suri("sr25519", "//Alice") as alice, \
            wetee.Keypair.from_suri("sr25519", "//Bob") as bob:
        dec, sym = chain.token_decimals, chain.token_symbol
        print(f"connected to {url}: spec {chain.spec_version}, "
              f"{'new' if chain.uses_new_rpc else 'legacy'} JSON-RPC, token {sym} ({dec} decimals)")
        a, b = alice.address(chain.ss58_prefix), bob.address(chain.ss58_prefix)
        show = lambda who, addr: print(f"{who} ({addr}): {wetee.u128_to_decimal(chain.balance(addr), dec)} {sym}")
        show("Alice", a)
        show("Bob", b)
        amount = wetee.u128_from_decimal("1.5", dec)
        xt = chain.sign(alice, "Balances", "transfer_keep_alive", {"dest": {"Id": b}, "value": amount}, mortal_period=64)
        print(f"transfer of 1.5 {sym} from Alice to Bob, estimated fee {chain.fee_info(xt)['partial_fee']}")
        out = await chain.submit_and_watch_async(xt)
        print(f"status: {out['status']} in block {out['blockNumber']}, success: {out['success']}")
        show("Alice", a)
        show("Bob", b)
        return 0 if out["success"] else 1


if __name__ == "__main__":
    url = sys.argv[1] if len(sys.argv) > 1 else "ws://127.0.0.1:9944"
    spec = wetee.chain.RPC_NEW if len(sys.argv) > 2 and sys.argv[2] == "new" else wetee.chain.RPC_LEGACY if len(sys.argv) > 2 else wetee.chain.RPC_AUTO
    sys.exit(asyncio.run(main(url, spec)))
