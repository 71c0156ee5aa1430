#!/usr/bin/env bash
# Benchmark of streaming from a loopback swarm (seed flow 3): time from the play request to the first video
# byte, time to the first byte of a seek to 80 % of the file, and the throughput of a full-file stream read,
# printed beside aria2c downloading the same torrent from the same seeder in the same run.
#
#   bench/stream.sh                 builds the jar, makes test videos, starts everything, measures, stops it all
#   SKIP_BUILD=1 bench/stream.sh    reuses target/marquee-*.jar
#   MARQUEE_ARGS="--marquee.torrent.utp=false" bench/stream.sh    adds arguments to Marquee's (experiments)
#   KEEP=1 bench/stream.sh          keeps the work directory (server log, torrents) for a look afterwards
#
# The swarm: opentracker on 127.0.0.1 and one aria2c seeder per torrent (aria2c speaks only TCP; Marquee keeps
# uTP on, its default). Videos are ffmpeg test sources at 8 Mbit/s, MP4 not fast-start (moov at the end),
# cached in target/bench-cache. A fake TMDB and a fake YTS (python3) list them under three recorded movies.
# Marquee runs with its default settings (rate limits in test mode); before measuring, the client waits until
# the background tasks have each source's torrent metadata, as on a server that has been running.
# Needs: a JDK 25 under /usr/lib/jvm, python3, curl, aria2, opentracker, mktorrent, ffmpeg (installed when
# missing if run as root).
set -euo pipefail

cd "$(dirname "$0")/.."
PROJECT=$(pwd)
FIXTURES=${FIXTURES:-$PROJECT/../shared/fixtures/recorded/tmdb}
PIECE_LENGTH_LOG2=${PIECE_LENGTH_LOG2:-18}   # 256 KiB pieces

JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
[ -x "$JAVA" ] || { echo "no JDK 25 found under /usr/lib/jvm (set JAVA=...)" >&2; exit 1; }
[ -d "$FIXTURES" ] || { echo "TMDB recordings not found at $FIXTURES" >&2; exit 1; }
for tool in aria2c opentracker mktorrent ffmpeg; do
    if ! command -v "$tool" >/dev/null; then
        if [ "$(id -u)" = 0 ]; then
            apt-get update -qq && apt-get install -y -qq aria2 opentracker mktorrent ffmpeg
            break
        fi
        echo "$tool is missing: apt-get install aria2 opentracker mktorrent ffmpeg" >&2; exit 1
    fi
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }

WORK=$(mktemp -d /tmp/marquee-stream-bench.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    [ -n "${KEEP:-}" ] && echo "kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

if [ -z "${SKIP_BUILD:-}" ]; then
    echo "== building the jar"
    ./mvnw -B -q package -DskipTests
fi
JAR=$(ls target/marquee-*.jar | grep -v '\.original$' | head -1)

CACHE=target/bench-cache
mkdir -p "$CACHE"
video() {  # seconds -> path of a cached 8 Mbit/s MP4 of that length
    local out="$CACHE/video-$1s.mp4"
    if [ ! -f "$out" ]; then
        echo "== making a $1 s test video" >&2
        ffmpeg -hide_banner -loglevel error -y -f lavfi -i testsrc2=size=640x360:rate=25 -t "$1" \
            -vf noise=alls=60:allf=t -c:v libx264 -preset ultrafast -b:v 8000000 -minrate 8000000 \
            -maxrate 8000000 -bufsize 2M -pix_fmt yuv420p -an -f mp4 "$out.part.mp4"
        mv "$out.part.mp4" "$out"
    fi
    echo "$out"
}

TRACKER_PORT=$(free_port)
# Marquee announces over UDP like to YTS's trackers; aria2c over HTTP (it speaks UDP to trackers only with DHT on)
ANNOUNCE="udp://127.0.0.1:$TRACKER_PORT/announce"
HTTP_ANNOUNCE="http://127.0.0.1:$TRACKER_PORT/announce"
mkdir -p "$WORK/tracker"
: > "$WORK/tracker/whitelist"

# name seconds -> makes the torrent, whitelists it, starts its seeder; sets HASH and SIZE
seed() {
    local name=$1 dir="$WORK/seed-$1"
    mkdir -p "$dir"
    cp "$(video "$2")" "$dir/$name.mp4"
    mktorrent --no-date -l "$PIECE_LENGTH_LOG2" -a "$HTTP_ANNOUNCE" -o "$WORK/$name.torrent" "$dir/$name.mp4" >/dev/null
    HASH=$(python3 bench/stream_tools.py infohash "$WORK/$name.torrent")
    SIZE=$(stat -c %s "$dir/$name.mp4")
    echo "$HASH" >> "$WORK/tracker/whitelist"
}
seeder() {  # name
    local port; port=$(free_port)
    aria2c --no-conf --quiet=true --dir="$WORK/seed-$1" --check-integrity=true --seed-ratio=0.0 \
        --bt-seed-unverified=false --listen-port="$port" --enable-dht=false --enable-dht6=false \
        --enable-peer-exchange=false --bt-enable-lpd=false --disable-ipv6=true --bt-max-peers=0 \
        --file-allocation=none --auto-file-renaming=false --allow-overwrite=false \
        --bt-external-ip=127.0.0.1 "$WORK/$1.torrent" > "$WORK/seeder-$1.log" 2>&1 &
    PIDS+=($!)
}

seed warm 16;  WARM_HASH=$HASH; WARM_SIZE=$SIZE
seed play 64;  PLAY_HASH=$HASH; PLAY_SIZE=$SIZE
seed full 72;  FULL_HASH=$HASH; FULL_SIZE=$SIZE
opentracker -i 127.0.0.1 -p "$TRACKER_PORT" -P "$TRACKER_PORT" -d "$WORK/tracker" -w whitelist \
    > "$WORK/tracker.log" 2>&1 &
PIDS+=($!)
sleep 0.5
for name in warm play full; do seeder "$name"; done
scraped() {  # hash -> seeders the tracker lists
    python3 -c "
import binascii, re, sys, urllib.parse, urllib.request
body = urllib.request.urlopen('$HTTP_ANNOUNCE'.replace('announce', 'scrape') + '?info_hash='
    + urllib.parse.quote(binascii.unhexlify(sys.argv[1])), timeout=2).read()
m = re.search(rb'8:completei(\d+)e', body); print(m.group(1).decode() if m else 0)" "$1"
}
for hash in "$WARM_HASH" "$PLAY_HASH" "$FULL_HASH"; do
    for _ in $(seq 1 100); do [ "$(scraped "$hash")" -gt 0 ] && break; sleep 0.2; done
    [ "$(scraped "$hash")" -gt 0 ] || { echo "no seeder announced $hash"; cat "$WORK"/seeder-*.log; exit 1; }
done

cat > "$WORK/yts.json" <<JSON
{"tt0120737": {"title": "Warm", "year": 1999, "torrents": [{"hash": "$WARM_HASH", "quality": "720p", "size": $WARM_SIZE}]},
 "tt0088763": {"title": "Play", "year": 1985, "torrents": [{"hash": "$PLAY_HASH", "quality": "720p", "size": $PLAY_SIZE}]},
 "tt0167261": {"title": "Full", "year": 2003, "torrents": [{"hash": "$FULL_HASH", "quality": "720p", "size": $FULL_SIZE}]}}
JSON
YTS_PORT=$(free_port)
python3 bench/stream_tools.py fake-yts "$YTS_PORT" "$WORK/yts.json" &
PIDS+=($!)
TMDB_PORT=$(free_port)
python3 bench/fake_tmdb.py "$FIXTURES" "$TMDB_PORT" &
PIDS+=($!)

echo "== reference: aria2c downloads the full-read torrent ($FULL_SIZE bytes) from the same seeder"
mkdir -p "$WORK/reference"
start=$(now)
aria2c --no-conf --quiet=true --dir="$WORK/reference" --seed-time=0 --listen-port="$(free_port)" \
    --enable-dht=false --enable-dht6=false --enable-peer-exchange=false --bt-enable-lpd=false \
    --disable-ipv6=true --file-allocation=none --bt-external-ip=127.0.0.1 "$WORK/full.torrent"
ARIA2_S=$(python3 -c "print('%.3f' % ($(now) - $start))")

PORT=$(free_port)
echo "== starting Marquee on port $PORT, data in $WORK/data"
"$JAVA" -jar "$JAR" \
    --server.port="$PORT" \
    --marquee.data-dir="$WORK/data" \
    --marquee.tmdb.base-url="http://127.0.0.1:$TMDB_PORT/3" \
    --marquee.yts.mirrors="http://127.0.0.1:$YTS_PORT/api/v2" \
    --marquee.torrent.trackers="$ANNOUNCE" \
    --marquee.torrent.dht=false --marquee.torrent.lsd=false \
    --marquee.admin.email=bench@marquee.test --marquee.admin.password=bench-password \
    --marquee.accounts.rate-limits.test-mode=true \
    --logging.level.root=WARN \
    ${MARQUEE_ARGS:-} \
    > "$WORK/server.log" 2>&1 &
PIDS+=($!)
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 120); do
    curl -fs "$BASE/api/health" >/dev/null 2>&1 && break
    sleep 1
done
curl -fs "$BASE/api/health" >/dev/null || { echo "server did not start"; tail -50 "$WORK/server.log"; exit 1; }
sleep 1   # the admin is created just after the server answers

RESULT=$(python3 bench/stream_tools.py client "$BASE" bench@marquee.test bench-password 120 105 121) || {
    echo "measuring failed"; tail -50 "$WORK/server.log"; exit 1; }
read -r PLAY_MS POST_MS SEEK_MS FULL_S FULL_MBIT < <(python3 -c "
import json,sys; r=json.loads(sys.argv[1]); print(r['play_first_byte_ms'], r['post_ms'], r['seek_first_byte_ms'], r['full_seconds'], r['full_mbit_s'])" "$RESULT")
ARIA2_MBIT=$(python3 -c "print('%.1f' % ($FULL_SIZE * 8 / $ARIA2_S / 1e6))")
RATIO=$(python3 -c "print('%.2f' % ($FULL_MBIT / $ARIA2_MBIT))")

echo
echo "== streaming from a loopback swarm ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-44s %14s   %s\n' "measure" "Marquee" "target / reference"
printf '%-44s %11s ms   %s\n' "play request -> first video byte" "$PLAY_MS" "<= 500 ms (peerflix 700 ms from launch); the POST took $POST_MS ms"
printf '%-44s %11s ms   %s\n' "seek to 80 % -> first byte" "$SEEK_MS" "<= 50 ms (peerflix 20 ms)"
printf '%-44s %9s Mbit/s   %s\n' "full-file stream read ($FULL_SIZE bytes)" "$FULL_MBIT" \
    "aria2c, same torrent and seeder, this run: $ARIA2_MBIT Mbit/s (${ARIA2_S} s); ratio $RATIO"
