#!/usr/bin/env bash
# Trains a JDK 25 AOT cache (JEP 483/514/515: classes loaded and linked, and method profiles) for the
# packaged jar under the load of the shared bench's harness, so that a new instance starts with what
# the JIT learnt from real traffic: the packaged jar runs on JDK 25 with -XX:AOTCacheOutput against a
# throw-away PostgreSQL, the harness drives every workout scenario for DURATION (default 20s) each, and
# the JVM writes the cache when it stops. Then, for the first minute of such an instance:
#
#   bench/aot-train.sh target/app.aot
#   WARMUP=5s APP="$JDK25/bin/java -XX:AOTMode=on -XX:AOTCache=target/app.aot -jar target/quarkus-app/quarkus-run.jar" \
#       bench/throughput.sh
#
# The cache is valid only for this jar at this path, run by the JDK that wrote it (the JVM refuses it
# otherwise, with a warning, and starts without it). Needs: JDK 25 (JDK25=..., default Temurin's
# Debian path), wrk, PostgreSQL 15 server binaries, python3, openssl; the shared bench beside the
# repository (CHOSEN_BENCH=DIR elsewhere).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="${1:?usage: bench/aot-train.sh OUTPUT.aot}"
jdk25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
harness="${CHOSEN_BENCH:-../shared/bench}/harness/bench.sh"
[ -x "$harness" ] || { echo "no shared bench harness at $harness (set CHOSEN_BENCH)" >&2; exit 2; }
[ -x "$jdk25/bin/java" ] || { echo "no JDK 25 at $jdk25 (set JDK25)" >&2; exit 2; }
./mvnw -B -q package -DskipTests
source bench/packaged-service.sh
start_postgres
start_service "$jdk25/bin/java" -XX:AOTCacheOutput="$out"
STATE_DIR="$work/state" RESULTS_DIR="$work/results" PG_PORT="$pg_port" WARMUP=5s DURATION="${DURATION:-20s}" \
    WAIT_QUIET=0 "$harness" "$api"
# the JVM writes the cache as it exits
kill -TERM "$app_pid"; wait "$app_pid" || true; app_pid=
grep -E "AOTCache creation" "$work/app.log" || { tail -20 "$work/app.log"; exit 1; }
