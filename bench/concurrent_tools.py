#!/usr/bin/env python3
"""Client of bench/concurrent.sh, standard library only (plus stream_tools.py's Client):

  concurrent_tools.py BASE EMAIL PASSWORD SERVER_PID VIDEO_SECONDS WARM_ID REFERENCE_ID ID...

Logs in, waits until every movie's torrent metadata is known, reads the server's resident memory idle, plays
WARM_ID (JIT and pools warm), then, as the reference, plays REFERENCE_ID alone and reads it as fast as it comes.
Then it plays the first ID like a player: from the first byte on it reads at the video's bitrate (file size /
VIDEO_SECONDS), at most BUFFER_SECONDS of video ahead of its real-time schedule; ALONE_SECONDS later it starts
the other IDs the same way, all at once, each for STREAM_SECONDS. It samples the server's VmRSS twice a second
and prints one JSON line: the reference's figures, each stream's first byte, stalls (no byte for more than
STALL_SECONDS while behind the schedule) and bytes read against the schedule's, and the peak RSS of each phase.
"""
import http.client
import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stream_tools import Client, wait_for_data_files  # noqa: E402

ALONE_SECONDS = 12
STREAM_SECONDS = 60
BUFFER_SECONDS = 4
STALL_SECONDS = 1.0
CHUNK = 64 * 1024


def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise SystemExit(f"no VmRSS for {pid}")


def threads(pid):
    """{thread id: (name, CPU seconds, seconds runnable but waiting for a CPU)} of a process (schedstat)."""
    found = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            running, waiting = open(f"/proc/{pid}/task/{tid}/schedstat").read().split()[:2]
            found[tid] = (open(f"/proc/{pid}/task/{tid}/comm").read().strip(), int(running) / 1e9, int(waiting) / 1e9)
        except OSError:
            pass  # ended meanwhile
    return found


class Sampler(threading.Thread):
    """The server's VmRSS every half second, tagged with the phase it was taken in."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.phase, self.samples, self.running = pid, "idle", [], True

    def run(self):
        while self.running:
            self.samples.append((self.phase, rss_mb(self.pid)))
            time.sleep(0.5)

    def peak(self, phase):
        return max(mb for p, mb in self.samples if p == phase)


def open_stream(c, tmdb_id):
    """Play request, then GET of the whole video as a player asks for it; returns (response, size, t0)."""
    t0 = time.perf_counter()
    key, size = c.play(tmdb_id)
    posted = time.perf_counter()
    conn = http.client.HTTPConnection(c.host, c.port, timeout=60)
    conn.request("GET", f"/api/stream/{key}", headers={"Range": "bytes=0-"})
    response = conn.getresponse()
    if response.status != 206:
        raise SystemExit(f"stream of {tmdb_id} answered {response.status}: {response.read(300)}")
    return response, size, t0, posted


def reference(c, tmdb_id):
    response, size, t0, _ = open_stream(c, tmdb_id)
    got = len(response.read(1))
    first = time.perf_counter()
    while chunk := response.read(1 << 20):
        got += len(chunk)
    took = time.perf_counter() - t0
    if got != size:
        raise SystemExit(f"reference read got {got} of {size} bytes")
    return {"first_byte_ms": round((first - t0) * 1000), "seconds": round(took, 2),
            "mbit_s": round(got * 8 / took / 1e6, 1)}


def play_like_a_player(c, tmdb_id, seconds, video_seconds, result):
    """Reads at the video's bitrate for `seconds` from the first byte, never more than BUFFER_SECONDS ahead."""
    try:
        response, size, t0, posted = open_stream(c, tmdb_id)
        rate = size / video_seconds
        got = len(response.read(1))
        start = last = time.perf_counter()
        result.update(first_byte_ms=round((start - t0) * 1000), post_ms=round((posted - t0) * 1000))
        stalls, stalled, longest_gap = 0, 0.0, 0.0
        while got < size:
            now = time.perf_counter()
            if now - start >= seconds:
                break
            ahead = got - rate * (now - start)
            if ahead > rate * BUFFER_SECONDS:
                time.sleep(min((ahead - rate * BUFFER_SECONDS) / rate, start + seconds - now))
                continue
            chunk = response.read1(CHUNK)
            now = time.perf_counter()
            if not chunk:
                break
            # behind the schedule from the moment the bytes had were due; a stall is such a wait of over a second
            behind = now - max(last, start + got / rate)
            if behind > STALL_SECONDS:
                stalls += 1
                stalled += behind
            longest_gap = max(longest_gap, now - last)
            got += len(chunk)
            last = now
        response.close()
        elapsed = min(seconds, time.perf_counter() - start)
        expected = min(size, rate * elapsed)
        result.update(bytes=got, expected=round(expected), stalls=stalls, stalled_s=round(stalled, 1),
                      longest_gap_s=round(longest_gap, 2), mbit_s=round(rate * 8 / 1e6, 2))
    except (Exception, SystemExit) as e:  # noqa: BLE001 - one failed stream is a result, not the end of the run
        result["error"] = str(e)[:200]


def main(base, email, password, server_pid, video_seconds, warm_id, reference_id, ids):
    c = Client(base, email, password)
    wait_for_data_files(c, [warm_id, reference_id, *ids], timeout=300)
    sampler = Sampler(server_pid)
    time.sleep(5)
    sampler.start()
    time.sleep(5)
    idle = sampler.peak("idle")

    sampler.phase = "warm-up"
    key, size = c.play(warm_id)
    conn = http.client.HTTPConnection(c.host, c.port, timeout=60)
    conn.request("GET", f"/api/stream/{key}")
    conn.getresponse().read()
    ref = reference(c, reference_id)

    streams = [{"id": tmdb_id} for tmdb_id in ids]
    sampler.phase = "one stream"
    first = threading.Thread(target=play_like_a_player,
                             args=(c, ids[0], ALONE_SECONDS + STREAM_SECONDS, video_seconds, streams[0]))
    first.start()
    time.sleep(ALONE_SECONDS)
    sampler.phase = "all streams"
    threads0, t0 = threads(server_pid), time.perf_counter()
    others = [threading.Thread(target=play_like_a_player, args=(c, s["id"], STREAM_SECONDS, video_seconds, s))
              for s in streams[1:]]
    for thread in others:
        thread.start()
    for thread in others:
        thread.join()
    took = time.perf_counter() - t0
    used = [(name, cpu - threads0.get(tid, (name, 0, 0))[1], wait - threads0.get(tid, (name, 0, 0))[2])
            for tid, (name, cpu, wait) in threads(server_pid).items()]
    cpu = sum(u[1] for u in used) / took
    queued = sum(u[2] for u in used) / took
    busiest = sorted(used, key=lambda u: u[1])[-3:]
    sampler.phase = "after"
    first.join()
    sampler.running = False
    print(json.dumps({"reference": ref, "streams": streams, "rss_idle": round(idle),
                      "rss_one": round(sampler.peak("one stream")), "rss_all": round(sampler.peak("all streams")),
                      "server_cpu": round(cpu, 2), "server_queued": round(queued, 2),
                      "busiest_threads": [[name, round(run / took, 2), round(wait / took, 2)]
                                          for name, run, wait in reversed(busiest)],
                      "buffer_s": BUFFER_SECONDS, "alone_s": ALONE_SECONDS, "stream_s": STREAM_SECONDS}))


if __name__ == "__main__":
    if len(sys.argv) < 10:
        raise SystemExit(__doc__)
    main(*sys.argv[1:4], int(sys.argv[4]), float(sys.argv[5]), *[int(x) for x in sys.argv[6:]][:2],
         [int(x) for x in sys.argv[8:]])
