#!/usr/bin/env python3
"""Helpers of bench/stream.sh, standard library only:

  stream_tools.py infohash FILE.torrent             prints the torrent's v1 info-hash
  stream_tools.py fake-yts PORT MAPPING.json         a minimal YTS list_movies.json serving MAPPING
                                                     ({imdb: {title, year, torrents: [{hash, quality, size}]}})
  stream_tools.py client BASE EMAIL PASSWORD WARM_ID PLAY_ID FULL_ID
                                                     logs in and measures play -> first byte, a seek to 80 %,
                                                     and a full-file stream read; prints one JSON line
"""
import hashlib
import http.client
import json
import sys
import time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
from urllib.parse import urlsplit, parse_qs


def info_hash(path):
    data = open(path, "rb").read()

    def skip(at):
        c = data[at:at + 1]
        if c == b"i":
            return data.index(b"e", at) + 1
        if c in (b"l", b"d"):
            at += 1
            while data[at:at + 1] != b"e":
                at = skip(at)
            return at + 1
        colon = data.index(b":", at)
        return colon + 1 + int(data[at:colon])

    start = data.index(b"4:info") + len(b"4:info")
    return hashlib.sha1(data[start:skip(start)]).hexdigest()


def fake_yts(port, mapping_file):
    mapping = json.load(open(mapping_file))

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlsplit(self.path)
            term = parse_qs(url.query).get("query_term", [""])[0]
            movie = mapping.get(term)
            data = {"movie_count": 0, "limit": 20, "page_number": 1}
            if movie:
                data = {"movie_count": 1, "limit": 20, "page_number": 1, "movies": [{
                    "id": 1, "imdb_code": term, "title": movie["title"], "year": movie["year"],
                    "torrents": [{"hash": t["hash"], "quality": t["quality"], "type": "web",
                                  "video_codec": "x264", "bit_depth": "8", "audio_channels": "2.0",
                                  "seeds": 1, "peers": 0, "size_bytes": t["size"],
                                  "date_uploaded_unix": 1748945676, "url": ""} for t in movie["torrents"]]}]}
            body = json.dumps({"status": "ok", "status_message": "Query was successful", "data": data}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


class Client:
    def __init__(self, base, email, password):
        self.host, self.port = urlsplit(base).hostname, urlsplit(base).port
        status, headers, body = self.request("POST", "/api/auth/login",
                                             json.dumps({"email": email, "password": password}),
                                             {"Content-Type": "application/json"})
        if status != 200:
            raise SystemExit(f"login failed: {status} {body[:200]}")
        self.session = json.loads(body)["session"]
        cookie = [v for k, v in headers if k.lower() == "set-cookie" and v.startswith(f"__at_{self.session}=")][0]
        self.auth = {"X-Session-Id": self.session, "Cookie": cookie.split(";")[0]}

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
        conn.close()
        return response.status, response.getheaders(), data

    def play(self, tmdb_id):
        status, _, body = self.request("POST", f"/api/movies/{tmdb_id}/auto", "", self.auth)
        if status != 200:
            raise SystemExit(f"play {tmdb_id} failed: {status} {body[:300]}")
        answer = json.loads(body)
        return answer["streamingKey"], answer["size"]

    def first_byte(self, key, start, read=1 << 20):
        """Sends a Range request from `start`; returns the seconds to its first body byte."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
        t0 = time.perf_counter()
        conn.request("GET", f"/api/stream/{key}", headers={"Range": f"bytes={start}-"})
        response = conn.getresponse()
        if response.status != 206:
            raise SystemExit(f"stream answered {response.status}: {response.read(300)}")
        response.read(1)
        took = time.perf_counter() - t0
        response.read(read)
        conn.close()
        return took


def wait_for_data_files(c, ids, timeout=120):
    """Asks for the movies' sources (a first search) and waits until the torrent-files task has each one's
    metadata, as on a server that has been running: a play then starts from the torrent file, not a magnet."""
    deadline = time.time() + timeout
    for tmdb_id in ids:
        while True:
            status, _, body = c.request("GET", f"/api/movies/{tmdb_id}?includeSources=true", None, c.auth)
            sources = json.loads(body).get("sources", []) if status == 200 else []
            if sources and sources[0].get("hasDataFile"):
                break
            if time.time() > deadline:
                raise SystemExit(f"movie {tmdb_id}: no validated source after {timeout} s: {body[:300]}")
            time.sleep(0.5)


def client(base, email, password, warm_id, play_id, full_id):
    c = Client(base, email, password)
    wait_for_data_files(c, [warm_id, play_id, full_id])
    # warm-up: one play and a seek on another torrent, so the JIT and pools are warm (the targets say "server warm")
    key, size = c.play(warm_id)
    c.first_byte(key, 0)
    c.first_byte(key, size * 8 // 10)

    t0 = time.perf_counter()
    key, size = c.play(play_id)
    post_ms = (time.perf_counter() - t0) * 1000
    play_ms = post_ms + c.first_byte(key, 0) * 1000
    seek_ms = c.first_byte(key, size * 8 // 10) * 1000

    t0 = time.perf_counter()
    key, size = c.play(full_id)
    conn = http.client.HTTPConnection(c.host, c.port, timeout=300)
    conn.request("GET", f"/api/stream/{key}")
    response = conn.getresponse()
    got = 0
    while True:
        chunk = response.read(1 << 20)
        if not chunk:
            break
        got += len(chunk)
    full_s = time.perf_counter() - t0
    if got != size:
        raise SystemExit(f"full read got {got} of {size} bytes")
    print(json.dumps({"play_first_byte_ms": round(play_ms, 1), "post_ms": round(post_ms, 1), "seek_first_byte_ms": round(seek_ms, 1),
                      "full_bytes": got, "full_seconds": round(full_s, 3),
                      "full_mbit_s": round(got * 8 / full_s / 1e6, 1)}))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "infohash":
        print(info_hash(sys.argv[2]))
    elif command == "fake-yts":
        fake_yts(int(sys.argv[2]), sys.argv[3])
    elif command == "client":
        client(*sys.argv[2:5], *[int(x) for x in sys.argv[5:8]])
    else:
        raise SystemExit(__doc__)
