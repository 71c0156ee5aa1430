# The loopback swarm of the streaming benchmarks, sourced by bench/stream.sh and bench/concurrent.sh (bash, with
# set -euo pipefail): opentracker on 127.0.0.1, one aria2c seeder per torrent (aria2c speaks only TCP), a fake
# TMDB replaying the recorded fixtures, a fake YTS listing the torrents, and Marquee with its default settings
# (rate limits in test mode). Every process started here is stopped, and the work directory removed, on exit.
#
#   swarm_init NAME          checks the tools, makes $WORK (/tmp/marquee-NAME-bench.*), builds the jar ($JAR)
#   video SECONDS            path of a cached 8 Mbit/s MP4 (not fast-start) of that length
#   seed NAME SECONDS [TAG]  makes NAME.torrent of such a video, whitelists it; sets HASH and SIZE. A TAG is
#                            written into the file's metadata, so each tag gives other bytes and another info-hash
#   start_tracker            starts opentracker with the torrents seeded so far (its whitelist is read once)
#   seeder NAME              starts the seeder of NAME.torrent
#   await_seeders HASH...    waits until the tracker lists a seeder of each torrent
#   start_fakes YTS.json     starts the fake YTS (stream_tools.py fake-yts) and the fake TMDB
#   start_marquee            starts Marquee (marquee.sh), waits until it is ready; sets PORT, BASE and SERVER_PID
#
# Settings from the environment: SKIP_BUILD=1 reuses target/marquee-*.jar, KEEP=1 keeps $WORK (server log,
# torrents), MARQUEE_ARGS adds arguments to Marquee's, FIXTURES and JAVA point elsewhere.

PROJECT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FIXTURES=${FIXTURES:-$PROJECT/../shared/fixtures/recorded/tmdb}
PIECE_LENGTH_LOG2=${PIECE_LENGTH_LOG2:-18}   # 256 KiB pieces
CACHE=$PROJECT/target/bench-cache
PIDS=()

# shellcheck source=marquee.sh
. "$PROJECT/bench/marquee.sh"
now() { date +%s.%N; }

swarm_cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    [ -n "${KEEP:-}" ] && echo "kept $WORK" || rm -rf "$WORK"
}

swarm_init() {
    cd "$PROJECT"
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
    WORK=$(mktemp -d "/tmp/marquee-$1-bench.XXXXXX")
    chmod 755 "$WORK"
    trap swarm_cleanup EXIT INT TERM
    if [ -z "${SKIP_BUILD:-}" ]; then
        echo "== building the jar"
        ./mvnw -B -q package -DskipTests
    fi
    JAR=$(ls target/marquee-*.jar | grep -v '\.original$' | head -1)
    mkdir -p "$CACHE" "$WORK/tracker"
    : > "$WORK/tracker/whitelist"
    TRACKER_PORT=$(free_port)
    # Marquee announces over UDP like to YTS's trackers; aria2c over HTTP (it speaks UDP to trackers only with DHT on)
    ANNOUNCE="udp://127.0.0.1:$TRACKER_PORT/announce"
    HTTP_ANNOUNCE="http://127.0.0.1:$TRACKER_PORT/announce"
}

video() {
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

seed() {
    local name=$1 dir="$WORK/seed-$1"
    mkdir -p "$dir"
    if [ -n "${3:-}" ]; then
        ffmpeg -hide_banner -loglevel error -y -i "$(video "$2")" -c copy -metadata comment="$3" "$dir/$name.mp4"
    else
        cp "$(video "$2")" "$dir/$name.mp4"
    fi
    mktorrent --no-date -l "$PIECE_LENGTH_LOG2" -a "$HTTP_ANNOUNCE" -o "$WORK/$name.torrent" "$dir/$name.mp4" >/dev/null
    HASH=$(python3 bench/stream_tools.py infohash "$WORK/$name.torrent")
    SIZE=$(stat -c %s "$dir/$name.mp4")
    echo "$HASH" >> "$WORK/tracker/whitelist"
}

start_tracker() {
    opentracker -i 127.0.0.1 -p "$TRACKER_PORT" -P "$TRACKER_PORT" -d "$WORK/tracker" -w whitelist \
        > "$WORK/tracker.log" 2>&1 &
    PIDS+=($!)
    sleep 0.5
}

seeder() {
    local port; port=$(free_port)
    aria2c --no-conf --quiet=true --dir="$WORK/seed-$1" --check-integrity=true --seed-ratio=0.0 \
        --bt-seed-unverified=false --listen-port="$port" --enable-dht=false --enable-dht6=false \
        --enable-peer-exchange=false --bt-enable-lpd=false --disable-ipv6=true --bt-max-peers=0 \
        --file-allocation=none --auto-file-renaming=false --allow-overwrite=false \
        --bt-external-ip=127.0.0.1 "$WORK/$1.torrent" > "$WORK/seeder-$1.log" 2>&1 &
    PIDS+=($!)
}

scraped() {  # hash -> seeders the tracker lists
    python3 -c "
import binascii, re, sys, urllib.parse, urllib.request
body = urllib.request.urlopen('$HTTP_ANNOUNCE'.replace('announce', 'scrape') + '?info_hash='
    + urllib.parse.quote(binascii.unhexlify(sys.argv[1])), timeout=2).read()
m = re.search(rb'8:completei(\d+)e', body); print(m.group(1).decode() if m else 0)" "$1"
}

await_seeders() {
    local hash
    for hash in "$@"; do
        for _ in $(seq 1 150); do [ "$(scraped "$hash")" -gt 0 ] && break; sleep 0.2; done
        [ "$(scraped "$hash")" -gt 0 ] || { echo "no seeder announced $hash"; cat "$WORK"/seeder-*.log; exit 1; }
    done
}

start_fakes() {
    YTS_PORT=$(free_port)
    python3 bench/stream_tools.py fake-yts "$YTS_PORT" "$1" &
    PIDS+=($!)
    TMDB_PORT=$(free_port)
    python3 bench/fake_tmdb.py "$FIXTURES" "$TMDB_PORT" &
    PIDS+=($!)
}

start_marquee() {
    # shellcheck disable=SC2086 # MARQUEE_ARGS is a list of arguments
    start_marquee_jar \
        --marquee.tmdb.base-url="http://127.0.0.1:$TMDB_PORT/3" \
        --marquee.yts.mirrors="http://127.0.0.1:$YTS_PORT/api/v2" \
        --marquee.torrent.trackers="$ANNOUNCE" \
        --marquee.torrent.dht=false --marquee.torrent.lsd=false \
        ${MARQUEE_ARGS:-}
}
