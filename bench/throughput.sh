#!/usr/bin/env bash
# Throughput of the workout routes next to their ceiling (a hand-written Vert.x service sending one
# SQL statement per request), measured in one window on one PostgreSQL by the shared bench
# (../shared/bench/side-by-side.sh beside the repository; CHOSEN_BENCH=DIR elsewhere). Packages the jar
# first, then prints the bench's table and the same figures as Markdown rows for the Throughput
# tables of docs/performance.md (date, warm-up and command included).
#
#   bench/throughput.sh [SCENARIO...]          all four scenarios after a 60 s JIT warm-up
#   WARMUP=5s bench/throughput.sh              the first minute of a new instance
#   JAVA_OPTS="-XX:..." bench/throughput.sh    the jar with other JVM options
#   APP="target/chosen-api-1.0.0-SNAPSHOT-runner $(sed -n 's:.*<native.run-args>\(-.*\)</native.run-args>.*:\1:p' pom.xml | tr , ' ')" \
#       SERVER_CPUS=1 WARMUP=20s \
#       bench/throughput.sh                    the native executable as a one-CPU pod runs it, both servers on
#                                              core 1 (APP given: nothing is packaged)
#
# Scenarios: get_workout list_workouts create_workout update_workout. Run it on a quiet machine:
# the bench flags a run during which other processes took more than 0.15 cores (column noise).
# Needs what the shared bench needs: wrk, PostgreSQL 15 server binaries, python3, openssl.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bench="${CHOSEN_BENCH:-../shared/bench}"
[ -x "$bench/side-by-side.sh" ] || { echo "no shared bench at $bench (set CHOSEN_BENCH)" >&2; exit 2; }
[ -n "${APP:-}" ] || ./mvnw -B -q package -DskipTests
if [ -n "${JAVA_OPTS:-}" ] && [ -z "${APP:-}" ]; then
    export APP="java $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar"
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$bench/side-by-side.sh" "$@" | tee "$out"
echo
echo "docs/performance.md rows ($(date -u +%F), WARMUP=${WARMUP:-60s}${APP:+, APP=$APP}${SERVER_CPUS:+, SERVER_CPUS=$SERVER_CPUS}):"
python3 - "$out" <<'PY'
import re, sys
for line in open(sys.argv[1]):
    m = re.match(r"(\w+)\s+(\d+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)ms\s+([\d.]+)ms\s+(\d+)\s+([\d.]+)", line)
    if m:
        s, ceiling, service, ratio, p99c, p99s, bad, noise = m.groups()
        print(f"| {s} | {int(ceiling):,} | {int(service):,} | **{ratio}** | {p99c} / {p99s} ms | {bad} | {noise} |")
PY
