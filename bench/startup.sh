#!/usr/bin/env bash
# Start-up time and idle memory: the plain jar (the reference) beside bin/marquee (extracted jar + JDK 25 AOT
# cache), three starts each on fresh data directories, measured in the same invocation.
#
#   bench/startup.sh            builds the jar first
#   SKIP_BUILD=1 bench/startup.sh
#
# Figures: "context" is Spring's own "Started ... in"; "ready" is from process launch to the first 200 of
# /actuator/health/readiness (start-up work done: migrations, Hibernate, the first admin); RSS is read 10 s
# after that, with the server idle. Targets: start-up <= 3 s, idle
# memory <= 300 MB.
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
[ -x "${JAVA:-}" ] || { echo "no JDK 25 found under /usr/lib/jvm (set JAVA=...)" >&2; exit 1; }
RUNS=${RUNS:-3}

if [ -z "${SKIP_BUILD:-}" ]; then
    echo "== building the jar"
    ./mvnw -B -q package -DskipTests
fi
JAR=$(ls target/marquee-*.jar | grep -v original | head -1)

# shellcheck source=marquee.sh
. bench/marquee.sh
WORK=$(mktemp -d /tmp/marquee-startup.XXXXXX)
PID=
cleanup() {
    [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# one start: prints "context_seconds ready_seconds rss_mb"
measure() {
    local port data log start now
    port=$(free_port); data="$WORK/data-$RANDOM"; log="$WORK/server.log"
    start=$(date +%s.%N)
    "$@" --server.port="$port" --marquee.data-dir="$data" --marquee.sync.enabled=false > "$log" 2>&1 &
    PID=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
        kill -0 "$PID" 2>/dev/null || { echo "server died:"; tail -20 "$log"; exit 1; }
        sleep 0.02
    done
    now=$(date +%s.%N)
    sleep 10
    local rss context
    rss=$(($(awk '/VmRSS/ {print $2}' "/proc/$PID/status") / 1024))
    context=$(grep -oE 'Started MarqueeApplication in [0-9.]+' "$log" | grep -oE '[0-9.]+$' || echo "?")
    kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
    printf '%s %.2f %s\n' "$context" "$(awk -v a="$now" -v b="$start" 'BEGIN{print a-b}')" "$rss"
}

report() {
    local name=$1; shift
    for i in $(seq 1 "$RUNS"); do
        read -r context answer rss < <(measure "$@")
        printf '%-34s run %d   context %6ss   ready %6ss   idle RSS %4s MB\n' "$name" "$i" "$context" "$answer" "$rss"
    done
}

echo "== preparing bin/marquee's AOT cache (once per build)"
bin/marquee --prepare
echo "== $RUNS starts each; machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "target                             start-up <= 3 s, idle RSS <= 300 MB"
report "reference: java -jar (plain)" "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$JAR"
report "bin/marquee (AOT cache)" bin/marquee
