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
[ -f target/quarkus-app/quarkus-run.jar ] || { echo "run ./mvnw package -DskipTests first" >&2; exit 2; }
source bench/packaged-service.sh
start_postgres -c log_statement=all -c "log_line_prefix='%p|'"
start_service java
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
    "$pgbin/psql" -h "$work/pg" -p "$pg_port" -U postgres -qAt -c "SELECT 'begin: $label'" >/dev/null
    curl -s -o /dev/null -w "$label: HTTP %{http_code}\n" "$@"
    "$pgbin/psql" -h "$work/pg" -p "$pg_port" -U postgres -qAt -c "SELECT 'end: $label'" >/dev/null
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
    }' "$work/pg/pg.log"
