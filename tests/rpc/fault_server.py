#!/usr/bin/env python3
"""Fault-injecting JSON-RPC 2.0 server for the rpc tests (loopback only).

Serves WebSocket (the pinned PyPI `websockets`, see tests/rpc/requirements.txt)
and HTTP/1.1 (asyncio) on ephemeral ports and prints one line
    READY ws=<port> http=<port>
then serves until stdin closes (the test process owns it). With --certfile
and --keyfile both are served over TLS (wss://, https://).

Methods (each request may ask for a fault):
    echo [x...]                  result = params
    add [a, b]                   result = a + b
    sleep [ms, value]            answers value after ms (so answers come out
                                 of order when several are in flight)
    fail [code, message]         error object {code, message}
    fail_nocode                  error object without a code (as Chopsticks
                                 sends over HTTP)
    drop                         closes the connection without answering
    drop_after [ms]              answers true, closes the connection after ms
    malformed                    sends text that is not JSON
    oversize [n]                 answers a string result of n bytes
    wrong_id                     answers with an id that was never sent
    noresult                     answers with neither result nor error
    chain_getBlockHash [0]       the genesis hash given by --genesis
    subscribe_ticks [ms, n]      subscription "t<k>": n notifications
                                 `tick` with results 0..n-1 every ms (n=0:
                                 until unsubscribed); the first is sent
                                 BEFORE the subscription response when
                                 params[2] is true
    unsubscribe_ticks [id]       true
    server_stats                 {"connections", "active_subs", "unsubscribed"}
    refuse_next [n]              the next n WebSocket connections are closed
                                 right after the handshake

A simulated chain for the chain client's block subscriptions (legacy
methods; headers are real Substrate headers, hashed with BLAKE2b-256 over
their SCALE encoding, so the client's own hash check holds; the metadata is
the file given by --metadata, hex):
    state_getRuntimeVersion, state_getMetadata, system_properties,
    rpc_methods, state_call (Metadata_metadata_versions fails: the client
    falls back to state_getMetadata)
    chain_getHeader [hash]       a header made by chain_extend, or null
    chain_subscribeNewHeads      subscription "nh<k>": `chain_newHead` with
                                 the best header, sent at once (as a node
                                 does) and on every new best block
    chain_subscribeFinalizedHeads  "fh<k>": `chain_finalizedHead`
    chain_unsubscribe{New,Finalized}Heads [id]   true
    chainHead_v1_follow          subscription "f<k>": `initialized` with the
                                 last finalized block, `newBlock` for every
                                 block above it on the best chain, then
                                 `bestBlockChanged`; later every new block
                                 (all branches) and `finalized` events
    chainHead_v1_header [f, hash]   the SCALE-encoded header
    chainHead_v1_unpin, chainHead_v1_unfollow   null
Test controls (sent by the test on its own connection):
    chain_extend [parent, n, fork, announce]
                                 n blocks on top of `parent` (a hash, or
                                 null for the best block); `fork` varies
                                 their stateRoot so that a branch differs;
                                 the last becomes the best block and, with
                                 announce, is sent to the head subscribers;
                                 result: the new hashes, oldest first
    chain_finalize [hash, pruned]  makes it the finalized block: sends it to
                                 the finalized-head subscribers, and to
                                 followers a `finalized` event with the
                                 blocks from the last finalized one (oldest
                                 first) and `pruned` as prunedBlockHashes
    chain_drop_others [n, fork]  closes every other connection abruptly,
                                 then adds n blocks on the best block
                                 (nobody sees them: they are missed)
"""
import hashlib
import argparse
import asyncio
import json
import sys

import websockets
from websockets.asyncio.server import serve

STATE = {"connections": 0, "active_subs": 0, "unsubscribed": 0, "refuse": 0, "next_sub": 0}
# the simulated chain: hash -> header (JSON object); the best block
CHAIN = {"headers": {}, "scale": {}, "best": None, "finalized": None}
# open WebSocket connections: conn -> {"close": fn, "send": fn, "heads": set(), "fins": set(), "follows": set()}
CONNS = {}


def compact(n):
    if n < 1 << 6:
        return bytes([n << 2])
    if n < 1 << 14:
        return ((n << 2) | 1).to_bytes(2, "little")
    if n < 1 << 30:
        return ((n << 2) | 2).to_bytes(4, "little")
    b = n.to_bytes((n.bit_length() + 7) // 8, "little")
    return bytes([((len(b) - 4) << 2) | 3]) + b


def make_header(parent_hex, number, fork):
    """A header with an empty digest; returns (hash hex, header JSON)."""
    state_root = hashlib.blake2b(b"state %d %d" % (number, fork), digest_size=32).digest()
    ext_root = bytes(32)
    enc = bytes.fromhex(parent_hex[2:]) + compact(number) + state_root + ext_root + compact(0)
    h = "0x" + hashlib.blake2b(enc, digest_size=32).hexdigest()
    CHAIN["scale"][h] = "0x" + enc.hex()
    return h, {"parentHash": parent_hex, "number": hex(number), "stateRoot": "0x" + state_root.hex(),
               "extrinsicsRoot": "0x" + ext_root.hex(), "digest": {"logs": []}}


def chain_note(method, sid, header):
    return json.dumps({"jsonrpc": "2.0", "method": method, "params": {"subscription": sid, "result": header}})


async def announce(kind, header):
    for c in list(CONNS.values()):
        for sid in list(c[kind]):
            await c["send"](chain_note("chain_newHead" if kind == "heads" else "chain_finalizedHead", sid, header))


def follow_note(sid, event):
    return json.dumps({"jsonrpc": "2.0", "method": "chainHead_v1_followEvent",
                       "params": {"subscription": sid, "result": event}})


async def announce_follow(event):
    for c in list(CONNS.values()):
        for sid in list(c["follows"]):
            await c["send"](follow_note(sid, event))


def best_path_above_finalized():
    """hashes from just above the finalized block to the best block, oldest first"""
    out = []
    h = CHAIN["best"]
    while h and h != CHAIN["finalized"] and h in CHAIN["headers"]:
        out.append(h)
        h = CHAIN["headers"][h]["parentHash"]
    return out[::-1]


def extend(parent, n, fork):
    if parent is None:
        parent = CHAIN["best"] or ARGS.genesis
    number = 0 if parent == ARGS.genesis else int(CHAIN["headers"][parent]["number"], 16)
    out = []
    for _ in range(n):
        number += 1
        h, hdr = make_header(parent, number, fork)
        CHAIN["headers"][h] = hdr
        out.append(h)
        parent = h
    if out:
        CHAIN["best"] = out[-1]
    return out


async def handle(msg, send, close, subs):
    """Handle one request; `send` takes text; returns nothing."""
    try:
        req = json.loads(msg)
    except ValueError:
        await send(json.dumps({"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "parse error"}}))
        return
    rid = req.get("id")
    method = req.get("method")
    params = req.get("params", [])

    def ok(result):
        return json.dumps({"jsonrpc": "2.0", "id": rid, "result": result})

    if method == "echo":
        await send(ok(params))
    elif method == "add":
        await send(ok(params[0] + params[1]))
    elif method == "sleep":
        async def later():
            await asyncio.sleep(params[0] / 1000.0)
            await send(ok(params[1] if len(params) > 1 else None))
        asyncio.ensure_future(later())
    elif method == "fail":
        await send(json.dumps({"jsonrpc": "2.0", "id": rid, "error": {"code": params[0], "message": params[1]}}))
    elif method == "fail_nocode":
        await send(json.dumps({"jsonrpc": "2.0", "id": rid, "error": {"message": "no code here"}}))
    elif method == "drop":
        await close()
    elif method == "drop_after":
        await send(ok(True))

        async def later():
            await asyncio.sleep(params[0] / 1000.0)
            await close()
        asyncio.ensure_future(later())
    elif method == "malformed":
        await send('{"jsonrpc":"2.0","id":' + str(rid) + ',"result": [1, 2')
    elif method == "oversize":
        await send(ok("x" * params[0]))
    elif method == "wrong_id":
        await send(json.dumps({"jsonrpc": "2.0", "id": 987654321987, "result": 1}))
    elif method == "noresult":
        await send(json.dumps({"jsonrpc": "2.0", "id": rid}))
    elif method == "chain_getBlockHash":
        await send(ok(ARGS.genesis))
    elif method == "state_getRuntimeVersion":
        await send(ok({"specName": "polkadot", "specVersion": 1004001, "transactionVersion": 26, "apis": []}))
    elif method == "state_getMetadata" and ARGS.metadata:
        with open(ARGS.metadata) as f:
            await send(ok("0x" + f.read().strip().removeprefix("0x")))
    elif method == "system_properties":
        await send(ok({"ss58Format": 0, "tokenDecimals": 10, "tokenSymbol": "DOT"}))
    elif method == "rpc_methods":
        await send(ok({"methods": ["chain_subscribeNewHeads", "chain_getHeader", "author_submitAndWatchExtrinsic",
                                   "chainHead_v1_follow", "chainHead_v1_header", "transaction_v1_broadcast"]}))
    elif method == "chain_getHeader":
        h = params[0] if params else CHAIN["best"]
        await send(ok(CHAIN["headers"].get(h)))
    elif method in ("chain_subscribeNewHeads", "chain_subscribeFinalizedHeads"):
        kind = "heads" if method == "chain_subscribeNewHeads" else "fins"
        STATE["next_sub"] += 1
        sid = ("nh%d" if kind == "heads" else "fh%d") % STATE["next_sub"]
        await send(ok(sid))
        me = CONNS.get(subs.get("__conn__"))
        if me is not None:
            me[kind].add(sid)
        if kind == "heads" and CHAIN["best"]:
            await send(chain_note("chain_newHead", sid, CHAIN["headers"][CHAIN["best"]]))
    elif method in ("chain_unsubscribeNewHeads", "chain_unsubscribeFinalizedHeads"):
        me = CONNS.get(subs.get("__conn__"))
        found = False
        if me is not None:
            for kind in ("heads", "fins"):
                if params and params[0] in me[kind]:
                    me[kind].discard(params[0])
                    found = True
        await send(ok(found))
    elif method == "chain_extend":
        parent, n, fork, ann = params
        out = extend(parent, n, fork)
        if ann and out:
            await announce("heads", CHAIN["headers"][out[-1]])
            for h in out:
                await announce_follow({"event": "newBlock", "blockHash": h,
                                       "parentBlockHash": CHAIN["headers"][h]["parentHash"], "newRuntime": None})
            await announce_follow({"event": "bestBlockChanged", "bestBlockHash": out[-1]})
        await send(ok(out))
    elif method == "chain_finalize":
        h = params[0]
        pruned = params[1] if len(params) > 1 else []
        path = []
        k = h
        while k and k != CHAIN["finalized"] and k in CHAIN["headers"]:
            path.append(k)
            k = CHAIN["headers"][k]["parentHash"]
        CHAIN["finalized"] = h
        await announce("fins", CHAIN["headers"][h])
        await announce_follow({"event": "finalized", "finalizedBlockHashes": path[::-1], "prunedBlockHashes": pruned})
        await send(ok(True))
    elif method == "chainHead_v1_follow":
        STATE["next_sub"] += 1
        sid = "f%d" % STATE["next_sub"]
        await send(ok(sid))
        me = CONNS.get(subs.get("__conn__"))
        if me is not None:
            me["follows"].add(sid)
        fin = CHAIN["finalized"]
        if fin:
            await send(follow_note(sid, {"event": "initialized", "finalizedBlockHashes": [fin]}))
            for h in best_path_above_finalized():
                await send(follow_note(sid, {"event": "newBlock", "blockHash": h,
                                             "parentBlockHash": CHAIN["headers"][h]["parentHash"], "newRuntime": None}))
            if CHAIN["best"]:
                await send(follow_note(sid, {"event": "bestBlockChanged", "bestBlockHash": CHAIN["best"]}))
    elif method == "chainHead_v1_header":
        await send(ok(CHAIN["scale"].get(params[1])))
    elif method in ("chainHead_v1_unpin", "chainHead_v1_unfollow"):
        me = CONNS.get(subs.get("__conn__"))
        if method == "chainHead_v1_unfollow" and me is not None and params:
            me["follows"].discard(params[0])
        await send(ok(None))
    elif method == "chain_drop_others":
        mine = subs.get("__conn__")
        for c, entry in list(CONNS.items()):
            if c is not mine:
                CONNS.pop(c, None)
                entry["close"]()
        await send(ok(extend(None, params[0], params[1])))
    elif method == "server_stats":
        await send(ok({k: STATE[k] for k in ("connections", "active_subs", "unsubscribed")}))
    elif method == "refuse_next":
        STATE["refuse"] = params[0]
        await send(ok(True))
    elif method == "state_call":
        await send(json.dumps({"jsonrpc": "2.0", "id": rid,
                               "error": {"code": -32000, "message": "Client error: Execution failed"}}))
    elif method == "subscribe_ticks":
        ms, n = params[0], params[1]
        early = len(params) > 2 and params[2]
        STATE["next_sub"] += 1
        sid = "t%d" % STATE["next_sub"]

        def note(k):
            return json.dumps({"jsonrpc": "2.0", "method": "tick", "params": {"subscription": sid, "result": k}})

        start = 0
        if early:
            await send(note(0))
            start = 1
        await send(ok(sid))
        STATE["active_subs"] += 1

        async def ticker():
            k = start
            try:
                while n == 0 or k < n:
                    await asyncio.sleep(ms / 1000.0)
                    if sid not in subs:
                        return
                    await send(note(k))
                    k += 1
            except Exception:
                pass
            finally:
                if subs.pop(sid, None) is not None:
                    STATE["active_subs"] -= 1
        subs[sid] = asyncio.ensure_future(ticker())
    elif method == "unsubscribe_ticks":
        t = subs.pop(params[0], None)
        if t is not None:
            t.cancel()
            STATE["active_subs"] -= 1
            STATE["unsubscribed"] += 1
        await send(ok(t is not None))
    else:
        await send(json.dumps({"jsonrpc": "2.0", "id": rid,
                               "error": {"code": -32601, "message": "Method not found: %s" % method}}))


async def ws_handler(conn):
    STATE["connections"] += 1
    if STATE["refuse"] > 0:
        STATE["refuse"] -= 1
        await conn.close()
        return
    subs = {}

    async def send(text):
        try:
            await conn.send(text)
        except websockets.ConnectionClosed:
            pass

    async def close():
        # an abrupt close: no close frame, the TCP connection just ends
        conn.transport.abort()

    CONNS[conn] = {"close": conn.transport.abort, "send": send, "heads": set(), "fins": set(), "follows": set()}
    try:
        async for msg in conn:
            subs["__conn__"] = conn
            await handle(msg, send, close, subs)
            subs.pop("__conn__", None)
    except websockets.ConnectionClosed:
        pass
    finally:
        CONNS.pop(conn, None)
        subs.pop("__conn__", None)
        for t in subs.values():
            t.cancel()
        STATE["active_subs"] -= len(subs)
        subs.clear()


async def http_conn(reader, writer):
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n")[1:]:
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = await reader.readexactly(length)
            out = []
            closed = []

            async def send(text):
                out.append(text)

            async def close():
                closed.append(1)
            req = json.loads(body)
            done = asyncio.Event()
            if req.get("method") == "sleep":
                await asyncio.sleep(req["params"][0] / 1000.0)
                req["method"] = "echo"
                req["params"] = req["params"][1]
                body = json.dumps(req)
            await handle(body.decode() if isinstance(body, bytes) else body, send, close, {})
            del done
            if closed or not out:
                writer.close()
                return
            data = out[0].encode()
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
                         % len(data) + data)
            await writer.drain()
    except (asyncio.IncompleteReadError, asyncio.CancelledError, ConnectionError, ValueError):
        pass
    finally:
        writer.close()


async def main():
    tls = None
    if ARGS.certfile:
        import ssl
        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls.load_cert_chain(ARGS.certfile, ARGS.keyfile)
    async with serve(ws_handler, "127.0.0.1", ARGS.ws_port, max_size=None, compression=None,
                     ping_interval=None, ssl=tls) as server:
        http = await asyncio.start_server(http_conn, "127.0.0.1", ARGS.http_port, ssl=tls)
        ws_port = server.sockets[0].getsockname()[1]
        http_port = http.sockets[0].getsockname()[1]
        print("READY ws=%d http=%d" % (ws_port, http_port), flush=True)
        loop = asyncio.get_running_loop()
        stop = loop.create_future()
        loop.add_reader(sys.stdin.fileno(), lambda: stop.done() or (sys.stdin.read(1) == "" and stop.set_result(1)))
        await stop


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--genesis", default="0x" + "45" * 32)
    ap.add_argument("--ws-port", type=int, default=0)
    ap.add_argument("--http-port", type=int, default=0)
    ap.add_argument("--certfile", help="serve wss:// and https:// with this certificate (PEM)")
    ap.add_argument("--keyfile", help="its private key (PEM)")
    ap.add_argument("--metadata", help="metadata (hex file) served by state_getMetadata")
    ARGS = ap.parse_args()
    asyncio.run(main())
