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
pgbin=/usr/lib/postgresql/15/bin
[ -x "$harness" ] || { echo "no shared bench harness at $harness (set CHOSEN_BENCH)" >&2; exit 2; }
[ -x "$jdk25/bin/java" ] || { echo "no JDK 25 at $jdk25 (set JDK25)" >&2; exit 2; }
[ -x "$pgbin/initdb" ] || { echo "PostgreSQL 15 server binaries missing: apt-get install -y postgresql-15" >&2; exit 2; }
./mvnw -B -q package -DskipTests
work=$(mktemp -d /tmp/aot-train.XXXXXX)
chmod 755 "$work"; mkdir "$work/pg"; chown postgres: "$work/pg"
app_pid=
cleanup() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null || true; fi
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pg_port=$(free_port); app_port=$(free_port)
runuser -u postgres -- "$pgbin/initdb" -D "$work/pg/data" -A trust -U postgres -E UTF8 >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg.log" -w start \
    -o "-p $pg_port -k $work/pg -c max_connections=200" >/dev/null
"$pgbin/psql" -h "$work/pg" -p "$pg_port" -U postgres -qAt -c "CREATE DATABASE chosen"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private.pem" 2>/dev/null
openssl pkey -in "$work/private.pem" -pubout -out "$work/public.pem"
env -i PATH="$PATH" HOME="$HOME" LANG=C.UTF-8 \
    QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$pg_port/chosen" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/chosen" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=unused \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$work/public.pem" SMALLRYE_JWT_SIGN_KEY_LOCATION="$work/private.pem" \
    QUARKUS_HTTP_PORT="$app_port" "$jdk25/bin/java" -XX:AOTCacheOutput="$out" -jar target/quarkus-app/quarkus-run.jar \
    >"$work/app.log" 2>&1 </dev/null &
app_pid=$!
for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$app_port/q/health/ready")" = 200 ] && break
    sleep 0.1
done
STATE_DIR="$work/state" RESULTS_DIR="$work/results" PG_PORT="$pg_port" WARMUP=5s DURATION="${DURATION:-20s}" \
    WAIT_QUIET=0 "$harness" "http://127.0.0.1:$app_port/api/v1"
# the JVM writes the cache as it exits
kill -TERM "$app_pid"; wait "$app_pid" || true; app_pid=
grep -E "AOTCache creation|AOT cache" "$work/app.log" || { tail -20 "$work/app.log"; exit 1; }
