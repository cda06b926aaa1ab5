#!/usr/bin/env bash
# The SQL each workout route sends, as PostgreSQL receives it: runs the packaged jar against a
# throw-away PostgreSQL 15 with log_statement=all, calls each route once (after one call to warm
# it up), and prints, per route, the statements and transaction commands logged for that call.
# Round trips to the database are most of a route's cost; this is how to count them.
#
#   ./mvnw package -DskipTests && bench/statements.sh
#
# Needs: PostgreSQL 15 server binaries (apt-get install -y postgresql-15), curl, openssl.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PGBIN=/usr/lib/postgresql/15/bin
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL 15 server binaries missing: apt-get install -y postgresql-15" >&2; exit 2; }
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "run ./mvnw package -DskipTests first" >&2; exit 2; }
work=$(mktemp -d /tmp/statements.XXXXXX)
chmod 755 "$work"; chown postgres: "$work" 2>/dev/null || true
app_pid=
cleanup() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null || true; fi
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pg_port=$(free_port); app_port=$(free_port)
runuser -u postgres -- "$PGBIN/initdb" -D "$work/data" -A trust -U postgres -E UTF8 >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/data" -l "$work/pg.log" -w start \
    -o "-p $pg_port -k $work -c log_statement=all -c log_line_prefix='%p|'" >/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private.pem" 2>/dev/null
openssl pkey -in "$work/private.pem" -pubout -out "$work/public.pem"

env -i PATH="$PATH" HOME="$HOME" \
    QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$pg_port/postgres" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=unused \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$work/public.pem" SMALLRYE_JWT_SIGN_KEY_LOCATION="$work/private.pem" \
    QUARKUS_HTTP_PORT="$app_port" java -jar target/quarkus-app/quarkus-run.jar >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 300); do
    curl -sf -o /dev/null "http://127.0.0.1:$app_port/q/health/ready" && break
    sleep 0.1
done

api="http://127.0.0.1:$app_port/api/v1"
json=(-H 'Content-Type: application/json')
curl -sf -o /dev/null "${json[@]}" -d '{"email":"counter@example.com","password":"correct horse battery staple"}' "$api/auth/register"
token=$(curl -sf "${json[@]}" -d '{"email":"counter@example.com","password":"correct horse battery staple"}' "$api/auth/login" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
auth=(-H "Authorization: Bearer $token")
create() { curl -sf "${auth[@]}" "${json[@]}" -d '{"name":"Run","workout_date":"2026-11-21T07:30:00Z"}' "$api/workouts" | sed 's/{"id":\([0-9]*\).*/\1/'; }
id=$(create); warm_up_delete=$(create); delete=$(create)

# one call per route between two markers in the log; route() calls it once before, to warm it up
measure() {  # label, then curl arguments
    local label=$1; shift
    "$PGBIN/psql" -h "$work" -p "$pg_port" -U postgres -qAt -c "SELECT 'begin: $label'" >/dev/null
    curl -s -o /dev/null -w "$label: HTTP %{http_code}\n" "$@"
    "$PGBIN/psql" -h "$work" -p "$pg_port" -U postgres -qAt -c "SELECT 'end: $label'" >/dev/null
}
route() {  # label, then curl arguments
    curl -s -o /dev/null "${@:2}"
    measure "$@"
}
route "GET /workouts/{id}" "${auth[@]}" "$api/workouts/$id"
route "GET /workouts?limit=20" "${auth[@]}" "$api/workouts?limit=20"
route "POST /workouts" "${auth[@]}" "${json[@]}" -d '{"name":"Swim","workout_date":"2026-11-22T07:30:00Z"}' "$api/workouts"
route "PUT /workouts/{id}" "${auth[@]}" "${json[@]}" -X PUT -d '{"duration_minutes":45}' "$api/workouts/$id"
curl -s -o /dev/null "${auth[@]}" -X DELETE "$api/workouts/$warm_up_delete"
measure "DELETE /workouts/{id}" "${auth[@]}" -X DELETE "$api/workouts/$delete"
sleep 0.5

# statements logged between the markers by the application's connections (not psql's)
awk -F'|' '
    /statement: SELECT .begin: / { sub(/.*begin: /, ""); sub(/.$/, ""); label = $0; marker = $1; n = 0; next }
    /statement: SELECT .end: /   { printf "\n%s: %d statement(s)\n%s", label, n, text; label = ""; text = ""; next }
    label != "" && /(statement|execute [^:]*): / {
        line = $0; sub(/^[0-9]+\|LOG: +/, "", line); n++; text = text "  " line "\n"
    }' "$work/pg.log"
