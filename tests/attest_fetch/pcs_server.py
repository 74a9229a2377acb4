#!/usr/bin/env python3
"""A local Intel PCS v4 / PCCS and AMD KDS stand-in for the collateral
fetcher's tests (C, Python, Go). It serves the shared attestation samples
(../shared/vectors/attestation) the way the real services do: DER CRLs, the
PCS JSON bodies {"tcbInfo": <raw>, "signature": <hex>} built from the
samples' raw bytes, and the issuer chains URL-encoded in the response
headers. No network is touched.

    pcs_server.py VECTORS_DIR [--certfile CERT --keyfile KEY]

Prints the port on the first line of stdout, then serves until its parent
process ends (checked every 0.2 s) or GET /__shutdown.

Routes (SAMPLE is "sgx" or "tdx": one PCS base URL per sample, since their
CRLs differ):
  /SAMPLE/sgx/certification/v4/pckcrl?ca=processor|platform&encoding=der
  /SAMPLE/{sgx|tdx}/certification/v4/tcb?fmspc=<FMSPC of the sample>
  /SAMPLE/{sgx|tdx}/certification/v4/qe/identity
  /SAMPLE/sgx/certification/v4/rootcacrl           (hex text, as a PCCS)
  /kds/vcek/v1/Milan/<CHIP_ID hex>?blSPL=2&teeSPL=0&snpSPL=5&ucodeSPL=68
  /kds/vcek/v1/Milan/cert_chain
  /kds/vcek/v1/Milan/crl                           (404: no ARK-signed CRL in the samples)
A request for anything else (wrong CA type, FMSPC, TEE, SPLs) gets 404.

GET /__mode?m=MODE changes how every later answer is made:
  ok (default) | error500 | garbage (200, a body that parses as nothing) |
  huge (200, 2 MiB) | wrongchain (the issuer-chain headers carry Intel's
  synthetic test chain) | noheader (no issuer-chain header) | slow (answers
  after 3 s)
GET /__count gives the number of collateral requests answered so far.
"""
import argparse
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, urlsplit

STATE = {"mode": "ok", "count": 0}
LOCK = threading.Lock()


def load(vectors):
    a = os.path.join(vectors, "attestation")
    samples = {}
    for name, tee, ca in (("sgx", "sgx", "processor"), ("tdx", "tdx", "platform")):
        c = json.load(open(os.path.join(a, name, "collateral.json")))
        fmspc = json.loads(c["tcb_info"])["fmspc"].upper()
        samples[name] = {
            "tee": tee,
            "ca": ca,
            "fmspc": fmspc,
            "pckcrl": bytes.fromhex(c["pck_crl"]),
            "rootcacrl": c["root_ca_crl"].encode(),
            "pck_chain": c["pck_crl_issuer_chain"],
            "tcb": ('{"tcbInfo":' + c["tcb_info"] + ',"signature":"' + c["tcb_info_signature"] + '"}').encode(),
            "tcb_chain": c["tcb_info_issuer_chain"],
            "qe": ('{"enclaveIdentity":' + c["qe_identity"] + ',"signature":"' + c["qe_identity_signature"] + '"}').encode(),
            "qe_chain": c["qe_identity_issuer_chain"],
        }
    report = open(os.path.join(a, "snp", "report.bin"), "rb").read()
    kds = {
        "chip_id": report[0x1A0:0x1E0].hex(),
        "vcek": open(os.path.join(a, "snp", "vcek.der"), "rb").read(),
        "chain": open(os.path.join(a, "snp", "ask_ark_milan.pem"), "rb").read(),
    }
    wrong = open(os.path.join(a, "intel-synthetic-sgx", "tcbSignChain.pem")).read()
    return samples, kds, wrong


class Handler(BaseHTTPRequestHandler):
    samples = {}
    kds = {}
    wrong_chain = ""

    def log_message(self, *args):  # quiet
        pass

    def send(self, status, body, ctype="application/octet-stream", headers=None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def collateral(self, body, ctype, chain_name=None, chain=None):
        mode = STATE["mode"]
        with LOCK:
            STATE["count"] += 1
        if mode == "slow":
            time.sleep(3)
        if mode == "error500":
            return self.send(500, b'{"error":"internal"}', "application/json")
        if mode == "garbage":
            return self.send(200, b"\x01\x02 this is not collateral", ctype, {chain_name: "garbage"} if chain_name else None)
        if mode == "huge":
            return self.send(200, b"0" * (2 << 20), ctype)
        headers = {}
        if chain_name and mode != "noheader":
            headers[chain_name] = quote(self.wrong_chain if mode == "wrongchain" else chain, safe="")
        return self.send(200, body, ctype, headers)

    def do_GET(self):
        url = urlsplit(self.path)
        q = {k: v[-1] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        parts = url.path.strip("/").split("/")
        if url.path == "/__shutdown":
            self.send(200, b"ok")
            threading.Thread(target=self.server.shutdown, daemon=True).start()
            return
        if url.path == "/__mode":
            STATE["mode"] = q.get("m", "ok")
            return self.send(200, b"ok")
        if url.path == "/__count":
            return self.send(200, str(STATE["count"]).encode())
        if parts and parts[0] in self.samples:
            s = self.samples[parts[0]]
            rest = "/".join(parts[1:])
            if rest == "sgx/certification/v4/pckcrl" and q == {"ca": s["ca"], "encoding": "der"}:
                return self.collateral(s["pckcrl"], "application/pkix-crl", "SGX-PCK-CRL-Issuer-Chain", s["pck_chain"])
            if rest == s["tee"] + "/certification/v4/tcb" and q.get("fmspc", "").upper() == s["fmspc"] and \
                    set(q) <= {"fmspc", "update"}:
                return self.collateral(s["tcb"], "application/json", "TCB-Info-Issuer-Chain", s["tcb_chain"])
            if rest == s["tee"] + "/certification/v4/qe/identity" and set(q) <= {"update"}:
                return self.collateral(s["qe"], "application/json", "SGX-Enclave-Identity-Issuer-Chain", s["qe_chain"])
            if rest == "sgx/certification/v4/rootcacrl" and not q:
                return self.collateral(s["rootcacrl"], "application/x-pem-file")
        if parts[:4] == ["kds", "vcek", "v1", "Milan"] and len(parts) == 5:
            if parts[4] == "cert_chain" and not q:
                return self.collateral(self.kds["chain"], "application/x-pem-file")
            if parts[4] == self.kds["chip_id"] and q == {"blSPL": "2", "teeSPL": "0", "snpSPL": "5", "ucodeSPL": "68"}:
                return self.collateral(self.kds["vcek"], "application/x-x509-ca-cert")
        self.send(404, ("no route for " + self.path).encode(), "text/plain")


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # a client that stops reading (a size limit, a timeout) is expected
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("vectors")
    ap.add_argument("--certfile")
    ap.add_argument("--keyfile")
    args = ap.parse_args()
    Handler.samples, Handler.kds, Handler.wrong_chain = load(args.vectors)
    server = Server(("127.0.0.1", 0), Handler)
    if args.certfile:
        import ssl
        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls.load_cert_chain(args.certfile, args.keyfile)
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)

    parent = os.getppid()

    def watch_parent():
        while os.getppid() == parent:
            time.sleep(0.2)
        server.shutdown()

    threading.Thread(target=watch_parent, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
