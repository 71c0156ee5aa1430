#!/usr/bin/env bash
# Benchmark of playback (issue #11): for direct play, remux (MKV H.264/AAC -> fMP4 HLS), audio transcode
# (AC3 5.1 -> AAC, video copied) and full transcode (HEVC -> H.264 veryfast), the time from the play request to
# the first playable piece, and the CPU seconds ffmpeg and the server spend per minute of video, on this machine.
#
#   bench/playback.sh                 builds the jar, makes the test videos, starts everything, measures, stops it all
#   SKIP_BUILD=1 bench/playback.sh    reuses target/marquee-*.jar
#   KEEP=1 bench/playback.sh          keeps the work directory (server log, torrents)
#
# Needs: a JDK 25 under /usr/lib/jvm, python3, aria2, opentracker, mktorrent, ffmpeg.
set -euo pipefail

cd "$(dirname "$0")/.."
FIXTURES=${FIXTURES:-$(pwd)/../shared/fixtures/recorded/tmdb}
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
[ -x "$JAVA" ] || { echo "no JDK 25 found under /usr/lib/jvm (set JAVA=...)" >&2; exit 1; }
[ -d "$FIXTURES" ] || { echo "TMDB recordings not found at $FIXTURES" >&2; exit 1; }
for tool in aria2c opentracker mktorrent ffmpeg; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install aria2 opentracker mktorrent ffmpeg" >&2; exit 1; }
done
WORK=$(mktemp -d /tmp/marquee-playback-bench.XXXXXX)
trap '[ -n "${KEEP:-}" ] && echo "kept $WORK" || rm -rf "$WORK"' EXIT
if [ -z "${SKIP_BUILD:-}" ]; then
    echo "== building the jar"
    ./mvnw -B -q package -DskipTests
fi
JAR=$(ls target/marquee-*.jar | grep -v '\.original$' | head -1)
python3 bench/playback_tools.py "$JAVA" "$JAR" "$FIXTURES" "$WORK"
