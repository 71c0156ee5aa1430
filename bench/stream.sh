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

# shellcheck source=swarm.sh
. "$(dirname "$0")/swarm.sh"
swarm_init stream

seed warm 16;  WARM_HASH=$HASH; WARM_SIZE=$SIZE
seed play 64;  PLAY_HASH=$HASH; PLAY_SIZE=$SIZE
seed full 72;  FULL_HASH=$HASH; FULL_SIZE=$SIZE
start_tracker
for name in warm play full; do seeder "$name"; done
await_seeders "$WARM_HASH" "$PLAY_HASH" "$FULL_HASH"

cat > "$WORK/yts.json" <<JSON
{"tt0120737": {"title": "Warm", "year": 1999, "torrents": [{"hash": "$WARM_HASH", "quality": "720p", "size": $WARM_SIZE}]},
 "tt0088763": {"title": "Play", "year": 1985, "torrents": [{"hash": "$PLAY_HASH", "quality": "720p", "size": $PLAY_SIZE}]},
 "tt0167261": {"title": "Full", "year": 2003, "torrents": [{"hash": "$FULL_HASH", "quality": "720p", "size": $FULL_SIZE}]}}
JSON
start_fakes "$WORK/yts.json"

echo "== reference: aria2c downloads the full-read torrent ($FULL_SIZE bytes) from the same seeder"
mkdir -p "$WORK/reference"
start=$(now)
aria2c --no-conf --quiet=true --dir="$WORK/reference" --seed-time=0 --listen-port="$(free_port)" \
    --enable-dht=false --enable-dht6=false --enable-peer-exchange=false --bt-enable-lpd=false \
    --disable-ipv6=true --file-allocation=none --bt-external-ip=127.0.0.1 "$WORK/full.torrent"
ARIA2_S=$(python3 -c "print('%.3f' % ($(now) - $start))")

start_marquee

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
