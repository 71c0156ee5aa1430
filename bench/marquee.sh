# How the benchmarks start Marquee, sourced by bench/swarm.sh, bench/catalog.sh and bench/startup.sh (bash,
# with set -euo pipefail).
#
#   free_port                 a free TCP port on 127.0.0.1
#   start_marquee_jar ARG...  starts $JAR with $JAVA on a free port, its data in $WORK/data, the benchmark admin
#                             (bench@marquee.test / bench-password), rate limits in test mode and WARN logs, plus
#                             ARG...; its output goes to $WORK/server.log. Waits until it is ready (start-up
#                             work done, the admin created); sets PORT, BASE and SERVER_PID and adds it to PIDS.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_marquee_jar() {
    PORT=$(free_port)
    echo "== starting Marquee on port $PORT, data in $WORK/data"
    "$JAVA" -jar "$JAR" \
        --server.port="$PORT" \
        --marquee.data-dir="$WORK/data" \
        --marquee.admin.email=bench@marquee.test --marquee.admin.password=bench-password \
        --marquee.accounts.rate-limits.test-mode=true \
        --logging.level.root=WARN \
        "$@" \
        > "$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    PIDS+=($SERVER_PID)
    BASE="http://127.0.0.1:$PORT"
    for _ in $(seq 1 120); do
        curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1 && break
        sleep 1
    done
    curl -fs "$BASE/actuator/health/readiness" >/dev/null || { echo "server did not start"; tail -50 "$WORK/server.log"; exit 1; }
}
