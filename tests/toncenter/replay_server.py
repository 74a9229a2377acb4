#!/usr/bin/env python3
"""A local HTTP server that replays recorded toncenter answers, for the
toncenter client tests (C, Python, Go).

    replay_server.py FIXTURES.json

Listens on 127.0.0.1 on a free port and prints the port on the first line
of stdout. Exits when its parent process ends (checked every 0.2 s) or on
GET /__shutdown.

FIXTURES.json: {"routes": [route, ...]}; a route is
    {"method": "GET" | "POST", "path": "/api/v2/...",
     "query": {name: value, ...},      # GET: these query parameters, exactly
     "body": {key: value, ...},        # POST: these top-level JSON keys, exactly
     "api_key": "..." | null,          # if present: the X-API-Key header must equal it
                                       # (null: must be absent)
     "responses": [{"status": 200, "headers": {...}, "body": <JSON> | "raw": "text"}, ...]}
The first route that matches answers; its n-th request gets responses[n]
(the last one again once they run out). In an answer, the text
"{count}" in "raw" or in a string of "body" is replaced by the number of
requests the route has had, so a test can see how many retries were made.
A request no route matches gets 404 {"ok": false, "error": "no route ..."}
with what was asked, so a wrong request fails the test that made it.
"""
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


def substitute(v, count):
    if isinstance(v, str):
        return v.replace("{count}", str(count))
    if isinstance(v, list):
        return [substitute(x, count) for x in v]
    if isinstance(v, dict):
        return {k: substitute(x, count) for k, x in v.items()}
    return v


class Handler(BaseHTTPRequestHandler):
    routes = []
    counts = {}
    lock = threading.Lock()

    def log_message(self, *args):  # quiet
        pass

    def answer(self, status, body, headers=None, raw=None):
        data = raw.encode() if raw is not None else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self, method):
        url = urlsplit(self.path)
        if url.path == "/__shutdown":
            self.answer(200, {"ok": True})
            threading.Thread(target=self.server.shutdown, daemon=True).start()
            return
        query = {k: v[-1] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        body = None
        if method == "POST":
            n = int(self.headers.get("Content-Length") or 0)
            try:
                body = json.loads(self.rfile.read(n) or b"null")
            except ValueError:
                body = "(not JSON)"
        key = self.headers.get("X-API-Key")
        for i, r in enumerate(self.routes):
            if r["method"] != method or r["path"] != url.path:
                continue
            if method == "GET" and r.get("query", {}) != query:
                continue
            if method == "POST" and not (isinstance(body, dict) and
                                         all(body.get(k) == v for k, v in r.get("body", {}).items())):
                continue
            if "api_key" in r and r["api_key"] != key:
                continue
            with self.lock:
                n = self.counts[i] = self.counts.get(i, 0) + 1
            resp = r["responses"][min(n, len(r["responses"])) - 1]
            self.answer(resp.get("status", 200), substitute(resp.get("body"), n), resp.get("headers"),
                        substitute(resp["raw"], n) if "raw" in resp else None)
            return
        self.answer(404, {"ok": False, "error": f"no route for {method} {url.path} query={query} body={body}",
                          "code": 404})

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")


def main():
    with open(sys.argv[1]) as f:
        Handler.routes = json.load(f)["routes"]
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    parent = os.getppid()

    def watchdog():
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(0)

    threading.Thread(target=watchdog, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
