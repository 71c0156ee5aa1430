#!/usr/bin/env bash
# Benchmark of the catalog's database hit path: GET /api/movies/:id and GET /api/list/:slug served from
# the database (no outside call), measured with wrk -t2 -c16 -d10s and printed beside the targets.
#
#   bench/catalog.sh            builds the jar, starts everything on a fresh data dir, measures, stops it all
#   SKIP_BUILD=1 bench/catalog.sh   reuses target/marquee-*.jar
#
# Needs: a JDK 25 under /usr/lib/jvm, python3 (the fake TMDB), wrk (Debian package; installed if missing
# when run as root), curl. The fake TMDB replays ../shared/fixtures/recorded/tmdb; the list refresh task
# fills the lists from it at start-up, then every request measured is a database hit.
set -euo pipefail

cd "$(dirname "$0")/.."
PROJECT=$(pwd)
FIXTURES=${FIXTURES:-$PROJECT/../shared/fixtures/recorded/tmdb}
MOVIE_ID=${MOVIE_ID:-105}
LIST_SLUG=${LIST_SLUG:-popular-movies}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-30s}   # C2 keeps compiling the hot path for a while; shorter warm-ups measure the JIT

JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
[ -x "$JAVA" ] || { echo "no JDK 25 found under /usr/lib/jvm (set JAVA=...)" >&2; exit 1; }
[ -d "$FIXTURES" ] || { echo "TMDB recordings not found at $FIXTURES" >&2; exit 1; }
if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && apt-get install -y -qq wrk
    else
        echo "wrk is missing: apt-get install wrk" >&2; exit 1
    fi
fi

# shellcheck source=marquee.sh
. bench/marquee.sh

WORK=$(mktemp -d /tmp/marquee-bench.XXXXXX)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

if [ -z "${SKIP_BUILD:-}" ]; then
    echo "== building the jar"
    ./mvnw -B -q package -DskipTests
fi
JAR=$(ls target/marquee-*.jar | grep -v '\.original$' | head -1)

TMDB_PORT=$(free_port)
python3 bench/fake_tmdb.py "$FIXTURES" "$TMDB_PORT" &
PIDS+=($!)

start_marquee_jar \
    --marquee.tmdb.base-url="http://127.0.0.1:$TMDB_PORT/3" \
    --marquee.sync.enabled=true \
    --marquee.sync.movie-sync.enabled=false \
    --marquee.sync.season-sync.enabled=false

# Every catalog route needs a user: log in as the admin created at start-up and send the session's header
# and access-token cookie with each request. Rate limits are in test mode (as the benchmark rules say), so
# they apply only to requests that ask for them.
LOGIN=$(curl -fs -D "$WORK/login.headers" -H 'Content-Type: application/json' \
    -d '{"email":"bench@marquee.test","password":"bench-password"}' "$BASE/api/auth/login") || LOGIN=
[ -n "$LOGIN" ] || { echo "cannot log in as the benchmark admin"; tail -50 "$WORK/server.log"; exit 1; }
SESSION=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["session"])' "$LOGIN")
ACCESS=$(grep -i "^set-cookie: __at_$SESSION=" "$WORK/login.headers" | sed -E "s/^[^=]*=([^;]*);.*/\1/")
AUTH_HEADERS=("X-Session-Id: $SESSION" "Cookie: __at_$SESSION=$ACCESS")
CURL_AUTH=(-H "${AUTH_HEADERS[0]}" -H "${AUTH_HEADERS[1]}")

echo "== waiting for the list refresh to fill '$LIST_SLUG' from the fake TMDB"
for _ in $(seq 1 120); do
    total=$(curl -fs "${CURL_AUTH[@]}" "$BASE/api/list/$LIST_SLUG" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' 2>/dev/null || echo 0)
    [ "$total" -gt 0 ] && break
    sleep 1
done
echo "   $LIST_SLUG holds $total titles"
curl -fs "${CURL_AUTH[@]}" "$BASE/api/movies/$MOVIE_ID" >/dev/null   # stored by now; this read is a database hit

cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }

measure() {  # name url
    local name=$1 url=$2
    wrk -t2 -c16 -d"$WARMUP" "${AUTH_HEADERS[@]/#/-H}" "$url" >/dev/null   # warm-up (JIT, pools)
    local out before after
    before=$(cpu_ticks)
    out=$(wrk -t2 -c16 -d"$DURATION" --latency "${AUTH_HEADERS[@]/#/-H}" "$url")
    after=$(cpu_ticks)
    local rps p50 p99 errors requests cpu
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
    # server CPU per request: what the throughput would be on two cores nobody else uses
    cpu=$(python3 -c "print('%.3f' % (($after - $before) * 1000 / $(getconf CLK_TCK) / $requests))")
    printf '%-28s %10s req/s   p50 %-9s p99 %-9s server CPU %s ms/req   %s\n' \
        "$name" "$rps" "$p50" "$p99" "$cpu" "${errors:-no errors}"
}

echo
echo "== wrk -t2 -c16 -d$DURATION --latency (after a $WARMUP warm-up), served from the database"
echo "   machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on it skews latency)"
printf '%-28s %12s\n' "target" ">= 3000 req/s, p99 < 20 ms"
printf '%-28s %12s\n' "Miauflix reference" "327 req/s, p99 154 ms"
measure "GET /api/movies/$MOVIE_ID" "$BASE/api/movies/$MOVIE_ID"
measure "GET /api/list/$LIST_SLUG" "$BASE/api/list/$LIST_SLUG"
