#!/usr/bin/env bash
# Garbage collection of the native executable under load, one heap setting after another: for each
# setting, a fresh throw-away PostgreSQL, the executable pinned to one core (as a one-CPU pod runs
# it) with -XX:+PrintGC -XX:+PrintGCSummary, the shared bench's setup (one user, 1000 workouts),
# then wrk on one scenario; prints requests/s, p99, the number and time of young and full
# collections, the share of the run spent collecting, and the bytes allocated per request.
#
#   bench/native-gc.sh [RUNNER] ["SETTING" ...]
#
# RUNNER defaults to target/chosen-api-1.0.0-SNAPSHOT-runner; each SETTING is a list of run-time
# options (default: the manifests' native.run-args from pom.xml). SCENARIO (get_workout),
# DURATION (15s), WARMUP (5s), CPU (1: the core the executable is pinned to). Allocation per request
# counts every request the process served (setup and warm-up included, a few percent of the total).
# Needs wrk, PostgreSQL 15 server binaries, python3, openssl (as bench/throughput.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
harness="${CHOSEN_BENCH:-../shared/bench}/harness"
[ -x "$harness/bench.sh" ] || { echo "no shared bench harness at $harness (set CHOSEN_BENCH)" >&2; exit 2; }
runner="${1:-target/chosen-api-1.0.0-SNAPSHOT-runner}"
[ $# -gt 0 ] && shift
[ -x "$runner" ] || { echo "no native executable at $runner (./mvnw package -Dnative ...)" >&2; exit 2; }
settings=("$@")
if [ ${#settings[@]} -eq 0 ]; then
    settings=("$(sed -n 's:.*<native.run-args>\(-.*\)</native.run-args>.*:\1:p' pom.xml | tr ',' ' ')")
fi
scenario="${SCENARIO:-get_workout}"
runner="$(realpath "$runner")"

printf '%-52s %8s %8s %6s %9s %6s %9s %6s %9s\n' setting "req/s" "p99 ms" young "young ms" full "full ms" "GC %" "KB/req"
for setting in "${settings[@]}"; do
    (
        source bench/packaged-service.sh
        start_postgres
        openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private.pem" 2>/dev/null
        openssl pkey -in "$work/private.pem" -pubout -out "$work/public.pem"
        app_port=$(free_port)
        read -r -a options <<<"$setting"
        env -i PATH="$PATH" HOME="$HOME" LANG=C.UTF-8 \
            QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$pg_port/postgres" \
            QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres" \
            QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=unused \
            MP_JWT_VERIFY_PUBLICKEY_LOCATION="$work/public.pem" SMALLRYE_JWT_SIGN_KEY_LOCATION="$work/private.pem" \
            QUARKUS_HTTP_PORT="$app_port" taskset -c "${CPU:-1}" "$runner" "${options[@]}" -XX:+PrintGC -XX:+PrintGCSummary \
            >"$work/app.log" 2>&1 </dev/null &
        app_pid=$!
        for _ in $(seq 1 600); do
            curl -sf -o /dev/null "http://127.0.0.1:$app_port/q/health/ready" && break
            sleep 0.1
        done
        api="http://127.0.0.1:$app_port/api/v1"
        python3 "$harness/setup.py" "$api" --state "$work/state" --count 1000 >/dev/null
        cd "$harness"
        wrk -t2 -c32 -d"${WARMUP:-5s}" -s "lua/$scenario.lua" "$api" -- "$work/state" >"$work/warmup.txt" 2>&1
        wrk -t2 -c32 -d"${DURATION:-15s}" --latency -s "lua/$scenario.lua" "$api" -- "$work/state" >"$work/run.txt" 2>&1
        cd - >/dev/null
        kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
        app_pid=
        python3 - "$setting" "$work" <<'PY'
import re, sys
setting, work = sys.argv[1], sys.argv[2]
def result(name):
    m = re.search(r"RESULT .*requests=(\d+) .*rps=([\d.]+) .*p99_ms=([\d.]+)", open(f"{work}/{name}").read())
    return int(m[1]), float(m[2]), float(m[3])
warm, _, _ = result("warmup.txt")
measured, rps, p99 = result("run.txt")
log = open(f"{work}/app.log").read()
pauses = re.findall(r"Pause (Incremental|Full) GC .* ([\d.]+)ms", log)
young = [float(ms) for kind, ms in pauses if kind == "Incremental"]
full = [float(ms) for kind, ms in pauses if kind == "Full"]
allocated = float(re.search(r"Allocated object bytes: ([\d.]+)M", log)[1]) * 1024 * 1024
run = float(re.search(r"Run time: ([\d.]+)s", log)[1])
gc = float(re.search(r"GC time: ([\d.]+)s", log)[1])
requests = measured + warm + 1000 + 3   # + the setup's workouts, registration, login
print(f"{setting:52} {rps:8.0f} {p99:8.1f} {len(young):6} {sum(young):9.0f} {len(full):6} {sum(full):9.0f} "
      f"{100 * gc / run:6.1f} {allocated / requests / 1024:9.1f}")
PY
    )
done
