#!/usr/bin/env python3
"""Writes responses.json, the answers replay_server.py gives the toncenter
client tests. Run it after editing; the output is committed.

The answers have the shapes toncenter documents: v2 (toncenter/ton-http-api,
https://toncenter.com/api/v2/, whose codecs ton-org/ton src/client/api/HttpApi.ts
mirrors): {"ok": true, "result": ...} or {"ok": false, "error": ..., "code": ...};
sendBocReturnHash -> raw.extMessageInfo; runGetMethod -> {gas_used, stack
[["num", "0x.."]] / [["cell", {"bytes", "object"}]], exit_code}; getAddressState
-> "active" / "uninitialized"; getAddressInformation -> raw.fullAccountState;
HTTP 429 {"ok": false, "error": "Ratelimit exceed", "code": 429} (toncenter's
rate-limit answer). v3 (https://toncenter.com/api/v3/ OpenAPI):
transactionsByMessage -> {"transactions": [Transaction], "address_book"},
traces -> {"traces": [Trace]} with trace_info and a transactions map. The
values (hashes, times, balances) are made up; the addresses are those of the
ton-crypto test key (W5 wallet) and an arbitrary jetton wallet.
"""
import json

W5 = "0:d22ce1556a6359cddcb82ee95c95c08110591145e67b5ac70108b030dcf839de"
W5_FRIENDLY = "UQDSLOFVamNZzdy4LulclcCBEFkRReZ7WscBCLAw3Pg53h3h"
DEST = "0:2cf55953e92efbeadab7ba725c3f93a0b23f842cbba72d7b8e6f510a70e422e3"
UNINIT = "0:0000000000000000000000000000000000000000000000000000000000000001"
BROKEN = "0:0000000000000000000000000000000000000000000000000000000000000002"
RETRY = "0:0000000000000000000000000000000000000000000000000000000000000003"
LIMITED = "0:0000000000000000000000000000000000000000000000000000000000000004"
GARBAGE = "0:0000000000000000000000000000000000000000000000000000000000000005"
MASTER = "0:0000000000000000000000000000000000000000000000000000000000000010"
TX_HASH = "AQgPFh0kKzI5QEdOVVxjanF4f4aNlJuiqbC3vsXM09o="  # 01080f16...
TX2_HASH = "BRAbJjE8R1JdaHN+iZSfqrXAy9bh7PcCDRgjLjlET1o="
MSG_HASH = "//z59vPw7ern5OHe29jV0s/MycbDwL26t7SxrquopaI="  # fffcf9f6...
MSG_HEX = "fffcf9f6f3f0edeae7e4e1dedbd8d5d2cfccc9c6c3c0bdbab7b4b1aeaba8a5a2"
PENDING_HEX = "00" * 31 + "01"
UNKNOWN_HEX = "00" * 32
OWNER_SLICE = "te6ccgEBAQEAJAAAQ4AaRZwqrUxrObuXBd0rkrgQIgsiKLzPa1jgIRYGG58HO9A="  # W5 address as a slice
JW_CELL = "te6ccgEBAQEAJAAAQ4AOKMNMcZwoocf55t4fs64uI9W166K2AP2CfbAeGlK/CPA="  # 0:71461a63...


def ok(result):
    return {"status": 200, "body": {"ok": True, "result": result}}


def v2(path, responses, query=None, body=None, api_key=...):
    r = {"method": "POST" if body is not None else "GET", "path": "/api/v2/" + path, "responses": responses}
    if query is not None:
        r["query"] = query
    if body is not None:
        r["body"] = body
    if api_key is not ...:
        r["api_key"] = api_key
    return r


def tx(account, hash_, lt, now, compute, action, aborted=False):
    return {
        "account": account.upper().replace("0:", "0:"), "hash": hash_, "lt": str(lt), "now": now,
        "mc_block_seqno": 45000000, "trace_id": hash_, "prev_trans_hash": TX2_HASH, "prev_trans_lt": str(lt - 7),
        "orig_status": "active", "end_status": "active", "total_fees": "2366011",
        "description": {"type": "ord", "aborted": aborted, "destroyed": False, "credit_first": True,
                        "storage_ph": {"storage_fees_collected": "88", "status_change": "unchanged"},
                        "compute_ph": compute, "action": action},
        "block_ref": {"workchain": 0, "shard": "8000000000000000", "seqno": 50000000},
        "in_msg": {"hash": MSG_HASH, "source": None, "destination": account, "value": None,
                   "opcode": "0x7369676e", "created_lt": None, "created_at": None},
        "out_msgs": [], "account_state_before": {"hash": TX2_HASH, "balance": "1000000000"},
        "account_state_after": {"hash": TX_HASH, "balance": "898000000"},
    }


COMPUTE_OK = {"skipped": False, "success": True, "msg_state_used": False, "account_activated": False,
              "gas_fees": "1239600", "gas_used": "3099", "gas_limit": "0", "gas_credit": "10000", "mode": 0,
              "exit_code": 0, "vm_steps": 68, "vm_init_state_hash": "AAAA", "vm_final_state_hash": "AAAA"}
COMPUTE_SKIPPED = {"skipped": True, "reason": "no_state"}
COMPUTE_FAIL = dict(COMPUTE_OK, success=False, exit_code=33)
ACTION_OK = {"success": True, "valid": True, "no_funds": False, "status_change": "unchanged",
             "total_fwd_fees": "266669", "total_action_fees": "88889", "result_code": 0, "tot_actions": 1,
             "spec_actions": 0, "skipped_actions": 0, "msgs_created": 1, "action_list_hash": "AAAA",
             "tot_msg_size": {"cells": "1", "bits": "705"}}

routes = [
    # v2 sendBocReturnHash: accepted (the empty cell's BOC with CRC32C) / refused
    v2("sendBocReturnHash", [ok({"@type": "raw.extMessageInfo", "hash": MSG_HASH, "@extra": "1700000000.1:0:0.5"})],
       body={"boc": "te6cckEBAQEAAgAAAEysuc0="}),
    v2("sendBocReturnHash", [{"status": 500, "body": {
        "ok": False, "code": 500,
        "error": "LITE_SERVER_UNKNOWN: cannot apply external message to current state : External message was not "
                 "accepted\nCannot run message on account: inbound external message rejected by transaction"}}],
       body={"boc": "te6ccgEBAQEAAgAAAA=="}),
    # seqno of the W5 wallet (any address form is passed through as given)
    v2("runGetMethod", [ok({"@type": "smc.runResult", "gas_used": 484, "stack": [["num", "0x1b"]], "exit_code": 0,
                            "@extra": "x"})],
       body={"address": W5_FRIENDLY, "method": "seqno", "stack": []}),
    # seqno on an account without code: the get-method fails, getAddressState says uninitialized
    v2("runGetMethod", [ok({"@type": "smc.runResult", "gas_used": 0, "stack": [], "exit_code": -13})],
       body={"address": UNINIT, "method": "seqno"}),
    v2("getAddressState", [ok("uninitialized")], query={"address": UNINIT}),
    # ... and on a deployed account whose get-method throws
    v2("runGetMethod", [ok({"@type": "smc.runResult", "gas_used": 300, "stack": [], "exit_code": 11})],
       body={"address": BROKEN, "method": "seqno"}),
    v2("getAddressState", [ok("active")], query={"address": BROKEN}),
    # get_wallet_address(owner slice) on a jetton master
    v2("runGetMethod", [ok({"@type": "smc.runResult", "gas_used": 4233,
                            "stack": [["cell", {"bytes": JW_CELL, "object": {"data": {"b64": "gA4ow0xxnCihx/nm3h+zri4j1bXrorYA/YJ9sB4aUr8I", "len": 267}, "refs": []}}]],
                            "exit_code": 0})],
       body={"address": MASTER, "method": "get_wallet_address", "stack": [["tvm.Slice", OWNER_SLICE]]}),
    # getAddressInformation
    v2("getAddressInformation", [ok({
        "@type": "raw.fullAccountState", "balance": "898000000123", "extra_currencies": [], "code": "te6cc...",
        "data": "te6cc...", "last_transaction_id": {"@type": "internal.transactionId", "lt": "47000000000003",
                                                    "hash": TX_HASH},
        "frozen_hash": "", "sync_utime": 1700000000, "@extra": "x", "state": "active"})],
       query={"address": W5}),
    v2("getAddressInformation", [ok({
        "@type": "raw.fullAccountState", "balance": "0", "extra_currencies": [], "code": "", "data": "",
        "last_transaction_id": {"@type": "internal.transactionId", "lt": "0", "hash": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="},
        "frozen_hash": "", "sync_utime": 1700000000, "state": "uninitialized"})],
       query={"address": UNINIT}),
    # rate limit: two 429 answers (one with Retry-After: 0, one without), then the answer
    v2("getAddressInformation", [
        {"status": 429, "headers": {"Retry-After": "0"}, "body": {"ok": False, "error": "Ratelimit exceed", "code": 429}},
        {"status": 429, "body": {"ok": False, "error": "Ratelimit exceed", "code": 429}},
        ok({"@type": "raw.fullAccountState", "balance": "5", "last_transaction_id": {"lt": "0", "hash": ""},
            "state": "frozen"})],
       query={"address": RETRY}),
    # rate limit that never lifts: the count shows how many requests were made
    v2("getAddressInformation", [{"status": 429, "body": {"ok": False, "error": "Ratelimit exceed (request {count})",
                                                          "code": 429}}],
       query={"address": LIMITED}),
    # an answer that is not JSON
    v2("getAddressInformation", [{"status": 200, "raw": "<html>502 Bad Gateway</html>"}], query={"address": GARBAGE}),
    # v3 transactionsByMessage: the wallet's transaction for MSG / nothing yet
    {"method": "GET", "path": "/api/v3/transactionsByMessage",
     "query": {"msg_hash": MSG_HEX, "direction": "in", "limit": "1"},
     "responses": [{"status": 200, "body": {"transactions": [tx(W5, TX_HASH, 47000000000003, 1700000005,
                                                                COMPUTE_OK, ACTION_OK)],
                                            "address_book": {W5.upper(): {"user_friendly": W5_FRIENDLY, "domain": None}}}}]},
    {"method": "GET", "path": "/api/v3/transactionsByMessage",
     "query": {"msg_hash": UNKNOWN_HEX, "direction": "in", "limit": "1"},
     "responses": [{"status": 200, "body": {"transactions": [], "address_book": {}}}]},
    {"method": "GET", "path": "/api/v3/transactionsByMessage",
     "query": {"msg_hash": PENDING_HEX, "direction": "in", "limit": "1"},
     "responses": [{"status": 200, "body": {"transactions": [tx(W5, TX2_HASH, 47000000000009, 1700000009,
                                                                COMPUTE_FAIL, None, aborted=True)],
                                            "address_book": {}}}]},
    # v3 traces: complete (wallet + recipient without code) / still pending with a failure / none
    {"method": "GET", "path": "/api/v3/traces", "query": {"msg_hash": MSG_HEX},
     "responses": [{"status": 200, "body": {"traces": [{
         "trace_id": TX_HASH, "external_hash": MSG_HASH, "mc_seqno_start": "45000000", "mc_seqno_end": "45000002",
         "start_lt": "47000000000003", "start_utime": 1700000005, "end_lt": "47000000000011", "end_utime": 1700000007,
         "is_incomplete": False,
         "trace_info": {"trace_state": "complete", "messages": 2, "transactions": 2, "pending_messages": 0,
                        "classification_state": "ok"},
         "transactions_order": [TX_HASH, TX2_HASH],
         "transactions": {TX_HASH: tx(W5, TX_HASH, 47000000000003, 1700000005, COMPUTE_OK, ACTION_OK),
                          TX2_HASH: tx(DEST, TX2_HASH, 47000000000011, 1700000007, COMPUTE_SKIPPED, None)}}],
         "address_book": {}}}]},
    {"method": "GET", "path": "/api/v3/traces", "query": {"msg_hash": PENDING_HEX},
     "responses": [{"status": 200, "body": {"traces": [{
         "trace_id": TX2_HASH, "is_incomplete": True,
         "trace_info": {"trace_state": "pending", "messages": 2, "transactions": 1, "pending_messages": 1},
         "transactions": {TX2_HASH: tx(W5, TX2_HASH, 47000000000009, 1700000009, COMPUTE_FAIL, None, aborted=True)}}]}}]},
    {"method": "GET", "path": "/api/v3/traces", "query": {"msg_hash": UNKNOWN_HEX},
     "responses": [{"status": 200, "body": {"traces": [], "address_book": {}}}]},
    # an API key: /keyed/api/v2 answers only with the right X-API-Key, else 401 as toncenter does
    {"method": "GET", "path": "/keyed/api/v2/getAddressInformation", "query": {"address": W5}, "api_key": "test-key-123",
     "responses": [ok({"@type": "raw.fullAccountState", "balance": "7", "last_transaction_id": {"lt": "0", "hash": ""},
                       "state": "active"})]},
    {"method": "GET", "path": "/keyed/api/v2/getAddressInformation", "query": {"address": W5},
     "responses": [{"status": 401, "body": {"ok": False, "error": "API key does not exist", "code": 401}}]},
]


# ---- payment confirmation (wetee_toncenter_confirm) ----
# Each payment is a chain of transactions found by the hash of their inbound
# message: the wallet's (by the external message's normalised hash), then the
# recipient's (by the internal message's hash), ... Hashes are made up: the
# external ones are 32 repeated bytes, internal messages and transactions
# derive from a label.
import base64
import hashlib


def h64(label):
    return base64.b64encode(hashlib.sha256(label.encode()).digest()).decode()


def hexof(label):
    return hashlib.sha256(label.encode()).hexdigest()


def b64hex(hx):
    return base64.b64encode(bytes.fromhex(hx)).decode()


def msg(hash_, src, dest, value, bounce=True, bounced=False, opcode=None, created_lt="47000000000004"):
    return {"hash": hash_, "source": src.upper() if src else None, "destination": dest.upper() if dest else None,
            "value": value, "value_extra_currencies": {}, "fwd_fee": "266669" if src else None, "ihr_fee": "0" if src else None,
            "created_lt": created_lt if src else None, "created_at": "1700000005" if src else None,
            "opcode": opcode, "ihr_disabled": True if src else None, "bounce": bounce if src else None,
            "bounced": bounced if src else None, "import_fee": None if src else "0",
            "message_content": {"hash": "AAAA", "body": "te6cckEBAQEAAgAAAEysuc0=", "decoded": None},
            "init_state": None}


def ptx(account, label, lt, compute, action, in_msg, outs, aborted=False, bounce=None):
    t = tx(account, h64("tx " + label), lt, 1700000005, compute, action, aborted)
    t["in_msg"] = in_msg
    t["out_msgs"] = outs
    if bounce:
        t["description"]["bounce"] = bounce
    if action is None:
        del t["description"]["action"]
    return t


def by_msg(hash_hex, *txs_answers):
    return {"method": "GET", "path": "/api/v3/transactionsByMessage",
            "query": {"msg_hash": hash_hex, "direction": "in", "limit": "1"},
            "responses": [{"status": 200, "body": {"transactions": t, "address_book": {}}} for t in txs_answers]}


JW_OWN = "0:71461a638ce14508ffcf36f0fd9d7171ea1ad75d15b007ec13ed80f0d295fe11"
JW_SHOP = "0:" + "ab" * 32
SHOP = "0:" + "cd" * 32
EXT = {k: (v * 32) for k, v in {"ok": "11", "failed": "12", "bounced": "13", "pending": "14", "nomsg": "15",
                                  "jetton": "16", "jbounce": "17"}.items()}


def ext_in(hx, dest=W5):
    return msg(b64hex(hx), None, dest, None, opcode="0x7369676e")


def wallet_tx(name, outs, compute=COMPUTE_OK, action=ACTION_OK, aborted=False):
    return ptx(W5, name, 47000000000003, compute, action, ext_in(EXT[name]), outs, aborted)


# ok: found at the second query (the first answer is empty); 2 TON to DEST, credited (no code: compute skipped)
PAY_OK = msg(h64("pay ok"), W5, DEST, "2000000000", opcode="0x00000000")
routes += [
    by_msg(EXT["ok"], [], [wallet_tx("ok", [PAY_OK])]),
    by_msg(hexof("pay ok"), [ptx(DEST, "dest ok", 47000000000011, COMPUTE_SKIPPED, None, PAY_OK, [], aborted=True)]),
]
# failed: the wallet's compute phase failed (exit 33)
routes.append(by_msg(EXT["failed"], [wallet_tx("failed", [], compute=COMPUTE_FAIL, action=None, aborted=True)]))
# bounced: bounceable to an address without an account: bounce phase, the message comes back
PAY_B = msg(h64("pay bounced"), W5, DEST, "500000000", opcode="0x00000000")
BACK = msg(h64("back"), DEST, W5, "499600000", bounce=False, bounced=True, opcode="0xffffffff", created_lt="47000000000012")
routes += [
    by_msg(EXT["bounced"], [wallet_tx("bounced", [PAY_B])]),
    by_msg(hexof("pay bounced"), [ptx(DEST, "dest bounced", 47000000000011, COMPUTE_SKIPPED, None, PAY_B, [BACK],
                                      aborted=True, bounce={"type": "ok", "msg_size": {"cells": "1", "bits": "0"},
                                                            "req_fwd_fees": "0", "msg_fees": "400000", "fwd_fees": "0"})]),
]
# pending: the wallet's transaction is known, the recipient's never shows up
PAY_P = msg(h64("pay pending"), W5, DEST, "1000000000", opcode="0x00000000")
routes += [by_msg(EXT["pending"], [wallet_tx("pending", [PAY_P])]), by_msg(hexof("pay pending"), [])]
# nomsg: the wallet accepted the request but its action (send mode +2) was skipped: no message
routes.append(by_msg(EXT["nomsg"], [wallet_tx("nomsg", [], action=dict(ACTION_OK, skipped_actions=1, msgs_created=0))]))
# jetton: wallet -> own jetton wallet (transfer) -> shop's jetton wallet (internal_transfer) -> notification + excesses
J1 = msg(h64("jetton transfer"), W5, JW_OWN, "50000000", opcode="0x0f8a7ea5")
J2 = msg(h64("internal transfer"), JW_OWN, JW_SHOP, "39000000", opcode="0x178d4519")
NOTE = msg(h64("notification"), JW_SHOP, SHOP, "1", bounce=False, opcode="0x7362d09c")
EXC = msg(h64("excesses"), JW_SHOP, W5, "20000000", bounce=False, opcode="0xd53276db")
routes += [
    by_msg(EXT["jetton"], [wallet_tx("jetton", [J1])]),
    by_msg(hexof("jetton transfer"), [ptx(JW_OWN, "jw own", 47000000000011, COMPUTE_OK, ACTION_OK, J1, [J2])]),
    by_msg(hexof("internal transfer"), [ptx(JW_SHOP, "jw shop", 47000000000019, COMPUTE_OK, ACTION_OK, J2, [NOTE, EXC])]),
]
# jbounce: the own jetton wallet refuses (not enough jettons, exit 47) and bounces
J1B = msg(h64("jetton transfer b"), W5, JW_OWN, "50000000", opcode=260734629)  # opcode as a number
BACKJ = msg(h64("back j"), JW_OWN, W5, "42000000", bounce=False, bounced=True, opcode="0xffffffff")
routes += [
    by_msg(EXT["jbounce"], [wallet_tx("jbounce", [J1B])]),
    by_msg(hexof("jetton transfer b"), [ptx(JW_OWN, "jw own b", 47000000000011, dict(COMPUTE_FAIL, exit_code=47), None,
                                            J1B, [BACKJ], aborted=True,
                                            bounce={"type": "ok", "msg_fees": "400000", "fwd_fees": "0"})]),
]

with open(__file__.replace("make_fixtures.py", "responses.json"), "w") as f:
    json.dump({"routes": routes}, f, indent=1)
    f.write("\n")
