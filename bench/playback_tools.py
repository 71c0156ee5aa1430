#!/usr/bin/env python3
"""Measures bench/playback.sh, standard library only (plus the swarm helpers of stream_tools.py):

  playback_tools.py JAVA JAR FIXTURES WORK

Makes four 60 s 720p videos (cached in target/bench-cache), seeds each on a loopback swarm (opentracker, aria2c),
lists them on a fake YTS under recorded TMDB movies, starts Marquee, and for each way of playing
(direct play, remux, audio transcode, full transcode) measures the time from the play request to the first
playable piece (direct: the first MiB of the file; HLS: playlist, init and first segment), then reads the
whole video and reports the CPU seconds it cost per minute of video: ffmpeg's (the server's reaped children)
and the server's own (streaming, torrent).
"""
import http.client
import json
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stream_tools import Client, fake_yts, info_hash, wait_for_data_files  # noqa: E402

SECONDS = 60
CHROMIUM = "h264,aac,mp3,opus,mp4,webm"
SOURCE = ["-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
          "-t", str(SECONDS), "-vf", "noise=alls=20:allf=t", "-pix_fmt", "yuv420p"]
# mode -> (movie tmdb id, imdb id, file name, ffmpeg encoding arguments)
VIDEOS = {
    "direct": (105, "tt0088763", "direct.mp4",
               ["-c:v", "libx264", "-preset", "ultrafast", "-b:v", "3M", "-g", "50", "-c:a", "aac",
                "-movflags", "+faststart"]),
    "remux": (120, "tt0120737", "remux.mkv",
              ["-c:v", "libx264", "-preset", "ultrafast", "-b:v", "3M", "-g", "50", "-c:a", "aac"]),
    "audio-transcode": (121, "tt0167261", "ac3.mkv",
                        ["-c:v", "libx264", "-preset", "ultrafast", "-b:v", "3M", "-g", "50", "-c:a", "ac3",
                         "-ac", "6", "-b:a", "448k"]),
    "transcode": (122, "tt0167260", "hevc.mkv",
                  ["-c:v", "libx265", "-preset", "ultrafast", "-b:v", "3M", "-x265-params", "log-level=error:keyint=50",
                   "-c:a", "aac"]),
}


def video(cache, name, encoding):
    path = os.path.join(cache, name)
    if not os.path.exists(path):
        print(f"== making {name}", file=sys.stderr)
        subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *SOURCE, *encoding, path + ".part." + name[-3:]],
                       check=True)
        os.rename(path + ".part." + name[-3:], path)
    return path


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu(pid):
    """(own, reaped children) CPU seconds of a process, from /proc/PID/stat."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / tick, (int(fields[13]) + int(fields[14])) / tick


def children_alive(pid):
    try:
        return open(f"/proc/{pid}/task/{pid}/children").read().split()
    except OSError:
        return []


def get(c, path):
    conn = http.client.HTTPConnection(c.host, c.port, timeout=300)
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    if response.status not in (200, 206):
        raise SystemExit(f"GET {path}: {response.status} {body[:300]}")
    return body


def measure(c, server_pid, mode, tmdb_id):
    t0 = time.perf_counter()
    key, size = c.play(tmdb_id)
    plan = json.loads(get(c, f"/api/stream/{key}/playback?hevc=false&caps={CHROMIUM}"))
    if plan["mode"] != mode:
        raise SystemExit(f"{mode}: the server chose {plan['mode']} ({plan['reason']})")
    own0, children0 = cpu(server_pid)
    if mode == "direct":
        conn = http.client.HTTPConnection(c.host, c.port, timeout=300)
        conn.request("GET", plan["url"])
        response = conn.getresponse()
        response.read(1 << 20)
        first_ms = (time.perf_counter() - t0) * 1000
        while response.read(1 << 20):
            pass
        conn.close()
    else:
        playlist = get(c, plan["url"]).decode()
        base = plan["url"].rsplit("/", 1)[0]
        segments = [line for line in playlist.splitlines() if line.endswith(".m4s")]
        get(c, base + "/init.mp4")
        get(c, base + "/" + segments[0])
        first_ms = (time.perf_counter() - t0) * 1000
        for segment in segments[1:]:
            get(c, base + "/" + segment)
    for _ in range(100):  # the last ffmpeg exits (and is reaped) just after its last segment
        if not any("ffmpeg" in open(f"/proc/{child}/comm").read() for child in children_alive(server_pid)
                   if os.path.exists(f"/proc/{child}/comm")):
            break
        time.sleep(0.1)
    own1, children1 = cpu(server_pid)
    minutes = SECONDS / 60
    return first_ms, (children1 - children0) / minutes, (own1 - own0) / minutes


def main(java, jar, fixtures, work):
    cache = os.path.join("target", "bench-cache")
    os.makedirs(cache, exist_ok=True)
    processes = []
    try:
        tracker_port = free_port()
        announce = f"http://127.0.0.1:{tracker_port}/announce"
        os.makedirs(f"{work}/tracker", exist_ok=True)
        mapping, hashes = {}, []
        for mode, (tmdb_id, imdb, name, encoding) in VIDEOS.items():
            seed_dir = f"{work}/seed-{mode}"
            os.makedirs(seed_dir, exist_ok=True)
            target = f"{seed_dir}/{name}"
            subprocess.run(["cp", video(cache, name, encoding), target], check=True)
            torrent = f"{work}/{mode}.torrent"
            subprocess.run(["mktorrent", "--no-date", "-l", "18", "-a", announce, "-o", torrent, target],
                           check=True, stdout=subprocess.DEVNULL)
            digest = info_hash(torrent)
            hashes.append(digest)
            mapping[imdb] = {"title": mode, "year": 2000,
                             "torrents": [{"hash": digest, "quality": "720p", "size": os.path.getsize(target)}]}
        open(f"{work}/tracker/whitelist", "w").write("\n".join(hashes) + "\n")
        processes.append(subprocess.Popen(["opentracker", "-i", "127.0.0.1", "-p", str(tracker_port), "-P",
                                           str(tracker_port), "-d", f"{work}/tracker", "-w", "whitelist"],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        time.sleep(0.5)
        for mode in VIDEOS:
            processes.append(subprocess.Popen(
                ["aria2c", "--no-conf", "--quiet=true", f"--dir={work}/seed-{mode}", "--check-integrity=true",
                 "--seed-ratio=0.0", f"--listen-port={free_port()}", "--enable-dht=false", "--enable-dht6=false",
                 "--enable-peer-exchange=false", "--bt-enable-lpd=false", "--disable-ipv6=true",
                 "--file-allocation=none", "--bt-external-ip=127.0.0.1", f"{work}/{mode}.torrent"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        json.dump(mapping, open(f"{work}/yts.json", "w"))
        yts_port, tmdb_port, port = free_port(), free_port(), free_port()
        threading.Thread(target=fake_yts, args=(yts_port, f"{work}/yts.json"), daemon=True).start()
        processes.append(subprocess.Popen([sys.executable, "bench/fake_tmdb.py", fixtures, str(tmdb_port)]))
        server = subprocess.Popen([java, "-jar", jar, f"--server.port={port}", f"--marquee.data-dir={work}/data",
                                   f"--marquee.tmdb.base-url=http://127.0.0.1:{tmdb_port}/3",
                                   f"--marquee.yts.mirrors=http://127.0.0.1:{yts_port}/api/v2",
                                   f"--marquee.torrent.trackers={announce}", "--marquee.torrent.dht=false",
                                   "--marquee.torrent.lsd=false", "--marquee.admin.email=bench@marquee.test",
                                   "--marquee.admin.password=bench-password",
                                   "--marquee.accounts.rate-limits.test-mode=true", "--logging.level.root=WARN"],
                                  stdout=open(f"{work}/server.log", "w"), stderr=subprocess.STDOUT)
        processes.append(server)
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                get(type("C", (), {"host": "127.0.0.1", "port": port})(), "/api/health")
                break
            except (OSError, SystemExit):
                time.sleep(1)
        time.sleep(1)  # the admin is created just after the server answers
        c = Client(base, "bench@marquee.test", "bench-password")
        wait_for_data_files(c, [tmdb_id for tmdb_id, *_ in VIDEOS.values()])
        results = {mode: measure(c, server.pid, mode, tmdb_id) for mode, (tmdb_id, *_) in VIDEOS.items()}
        load = open("/proc/loadavg").read().split()[:3]
        print(f"\n== playback of a {SECONDS} s 1280x720 video at 3 Mbit/s from a loopback swarm "
              f"({os.cpu_count()} cores, load average {' '.join(load)})")
        print(f"{'mode':<18} {'play -> first playable':>24} {'ffmpeg CPU s/min':>18} {'server CPU s/min':>18}")
        for mode, (first_ms, ffmpeg_cpu, server_cpu) in results.items():
            print(f"{mode:<18} {first_ms:>21.0f} ms {ffmpeg_cpu:>18.1f} {server_cpu:>18.1f}")
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


if __name__ == "__main__":
    if len(sys.argv) != 5:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
