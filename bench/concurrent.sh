#!/usr/bin/env bash
# Benchmark of concurrent streams (target: 20 concurrent 8 Mbit/s streams of different torrents with no stall,
# <= 30 MB of resident memory per extra stream): on the loopback swarm of bench/swarm.sh, 20 torrents of 72 s
# 8 Mbit/s MP4s, each with its own aria2c seeder, listed on the fake YTS under 20 recorded TMDB movies. A client
# (concurrent_tools.py) plays one stream alone for 12 s, then the other 19 at once for 60 s, each read like a
# player at the video's bitrate, at most 4 s ahead of its real-time schedule. Per stream: play request -> first
# byte, stalls (no byte for over 1 s while behind the schedule), bytes read against the schedule's; and the
# server's VmRSS idle, with one stream, and with all 20. The reference, in the same run: one stream alone,
# read as fast as it comes (its first byte and throughput).
#
#   bench/concurrent.sh                 builds the jar, makes the videos, starts everything, measures, stops it all
#   SKIP_BUILD=1 bench/concurrent.sh    reuses target/marquee-*.jar
#   KEEP=1 bench/concurrent.sh          keeps the work directory (server log, torrents)
#   MARQUEE_ARGS="--marquee.torrent.max-connections=400" bench/concurrent.sh    experiments
#
# The 22 videos (warm-up, reference, 20 streams) are one cached ffmpeg test video, remuxed with a different
# metadata tag each, so each file has other bytes and its torrent another info-hash.
# Needs what bench/stream.sh needs (a JDK 25, python3, curl, aria2, opentracker, mktorrent, ffmpeg); about
# 3.2 GB in /tmp.
set -euo pipefail

# shellcheck source=swarm.sh
. "$(dirname "$0")/swarm.sh"
swarm_init concurrent

SECONDS_OF_VIDEO=72
# recorded TMDB movies (tmdb id:imdb id): the warm-up, the reference, then the 20 streams
MOVIES=(13:tt0109830 73:tt0120586 105:tt0088763 120:tt0120737 121:tt0167261 122:tt0167260 128:tt0119698
    129:tt0245429 155:tt0468569 238:tt0068646 240:tt0071562 274:tt0102926 278:tt0111161 311:tt0087843
    346:tt0047478 389:tt0050083 423:tt0253474 424:tt0108052 429:tt0060196 497:tt0120689 510:tt0073486
    539:tt0054215)

echo "== making ${#MOVIES[@]} torrents"
HASHES=()
IDS=()
echo "{" > "$WORK/yts.json"
for i in "${!MOVIES[@]}"; do
    tmdb=${MOVIES[$i]%%:*} imdb=${MOVIES[$i]##*:}
    if [ "$i" = 0 ]; then length=16; else length=$SECONDS_OF_VIDEO; fi
    seed "movie-$tmdb" "$length" "concurrent stream $tmdb"
    HASHES+=("$HASH")
    IDS+=("$tmdb")
    [ "$i" = 0 ] || echo "," >> "$WORK/yts.json"
    echo "\"$imdb\": {\"title\": \"Movie $tmdb\", \"year\": 2000, \"torrents\": [{\"hash\": \"$HASH\", \"quality\": \"720p\", \"size\": $SIZE}]}" \
        >> "$WORK/yts.json"
done
echo "}" >> "$WORK/yts.json"
start_tracker
for tmdb in "${IDS[@]}"; do seeder "movie-$tmdb"; done
await_seeders "${HASHES[@]}"
start_fakes "$WORK/yts.json"
start_marquee

echo "== measuring: a warm-up play, the reference, 1 stream for 12 s, then 20 for 60 s"
RESULT=$(python3 bench/concurrent_tools.py "$BASE" bench@marquee.test bench-password "$SERVER_PID" \
    "$SECONDS_OF_VIDEO" "${IDS[@]}") || { echo "measuring failed"; tail -50 "$WORK/server.log"; exit 1; }
echo "$RESULT" > "$WORK/result.json"

echo
echo "== 20 concurrent streams from a loopback swarm ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
python3 - "$RESULT" <<'PY'
import json, os, statistics, sys
r = json.loads(sys.argv[1])
streams, ref = r["streams"], r["reference"]
failed = [s for s in streams if "error" in s]
ok = [s for s in streams if "error" not in s]
alone = streams[0]
others = sorted(s["first_byte_ms"] for s in streams[1:] if "error" not in s)
stalled = [s for s in ok if s["stalls"]]
short = min((s["bytes"] / s["expected"] for s in ok), default=0)
per_stream = (r["rss_all"] - r["rss_one"]) / 19
row = lambda measure, value, target: print(f"{measure:<48} {value:>16}   {target}")
print(f"{'measure':<48} {'Marquee':>16}   target / reference")
row("reference: one stream alone, play -> first byte", f"{ref['first_byte_ms']} ms", "<= 500 ms")
row("reference: one stream alone, read at full speed", f"{ref['mbit_s']} Mbit/s",
    f"20 x {ok[0]['mbit_s'] if ok else '?'} Mbit/s needed = {20 * ok[0]['mbit_s'] if ok else 0:.0f} Mbit/s")
row("stream 1 (alone): play -> first byte", f"{alone.get('first_byte_ms', '-')} ms", f"reference {ref['first_byte_ms']} ms")
if others:
    row("19 started at once: first byte median / max",
        f"{statistics.median(others):.0f} / {others[-1]} ms", f"reference {ref['first_byte_ms']} ms; the play"
        f" requests took {statistics.median(s['post_ms'] for s in ok if s is not alone):.0f} / "
        f"{max(s['post_ms'] for s in ok if s is not alone)} ms")
row("streams that failed", f"{len(failed)}", "0" + "".join(f"; {s['id']}: {s['error']}" for s in failed))
row(f"streams with a stall (> 1 s behind schedule)", f"{len(stalled)} of {len(ok)}", "0 (stalls: "
    + (", ".join(f"movie {s['id']} {s['stalls']}x {s['stalled_s']} s" for s in stalled) or "none") + ")")
row("longest gap between two reads, worst stream", f"{max((s['longest_gap_s'] for s in ok), default=0)} s",
    f"a gap is a stall only while behind schedule; {r['buffer_s']} s read ahead allowed")
row("bytes read vs the schedule's, worst stream", f"{short:.1%}", ">= 100 %")
row("server RSS idle / 1 stream / 20 streams", f"{r['rss_idle']} / {r['rss_one']} / {r['rss_all']} MB",
    "peak VmRSS of each phase")
row("RSS per extra stream (RSS20 - RSS1) / 19", f"{per_stream:.1f} MB", "<= 30 MB")
row("server CPU while 20 streams run", f"{r['server_cpu']:.2f} cores", f"of {os.cpu_count()}; busiest threads (cores used"
    " / waiting for a CPU): " + ", ".join(f"{name} {c:.2f}/{w:.2f}" for name, c, w in r["busiest_threads"]))
row("server threads runnable but waiting for a CPU", f"{r['server_queued']:.2f} cores",
    "0 on an idle machine: more is CPU contention (see the load average in the title)")
PY
