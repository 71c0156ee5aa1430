#!/usr/bin/env python3
"""A minimal stand-in for TMDB's v3 API for the benchmark: replays shared/fixtures/recorded/tmdb
(naming in fixtures/README.md) and answers anything else as TMDB does (404, status_code 34).
The tests use the Java FakeTmdb (src/test/java/app/marquee/support); this one only needs the standard library."""
import json
import os
import sys
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
from urllib.parse import urlsplit, parse_qsl

ROOT = sys.argv[1]
PORT = int(sys.argv[2])
NOT_FOUND = b'{"success":false,"status_code":34,"status_message":"The resource you requested could not be found."}'


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urlsplit(self.path)
        params = sorted((k, "YYYY-MM-DD" if url.path.endswith("/changes") and k.endswith("_date") else v)
                        for k, v in parse_qsl(url.query) if k != "api_key")
        name = url.path.lstrip("/") + "".join(f"-{k}-{v}" for k, v in params) + ".json"
        path = os.path.join(ROOT, name)
        status, body = 404, NOT_FOUND
        if ".." not in name and os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                recorded = json.load(f)
            status, body = recorded.get("status", 200), json.dumps(recorded["data"]).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
