# Sourced by the bench scripts: a throw-away PostgreSQL 15 and the packaged service on it, as
# production runs it (the prod profile, only the contract's environment variables), both stopped and
# their files removed when the script exits.
#
#   start_postgres [-c name=value ...]      initdb and start; sets $work, $pg_port
#   start_service JAVA [JVM options ...]    the packaged jar on that database; sets $app_port,
#                                           $app_pid, $api (base URL of the API); waits until ready
pgbin=/usr/lib/postgresql/15/bin
[ -x "$pgbin/initdb" ] || { echo "PostgreSQL 15 server binaries missing: apt-get install -y postgresql-15" >&2; exit 2; }
work=$(mktemp -d /tmp/chosen-bench.XXXXXX)
chmod 755 "$work"; mkdir "$work/pg"; chown postgres: "$work/pg" 2>/dev/null || true
app_pid=
stop_all() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null || true; fi
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap stop_all EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_postgres() {
    pg_port=$(free_port)
    runuser -u postgres -- "$pgbin/initdb" -D "$work/pg/data" -A trust -U postgres -E UTF8 >/dev/null
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/pg.log" -w start \
        -o "-p $pg_port -k $work/pg -c max_connections=200 $*" >/dev/null
}

start_service() {
    app_port=$(free_port)
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private.pem" 2>/dev/null
    openssl pkey -in "$work/private.pem" -pubout -out "$work/public.pem"
    env -i PATH="$PATH" HOME="$HOME" LANG=C.UTF-8 \
        QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$pg_port/postgres" \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres" \
        QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=unused \
        MP_JWT_VERIFY_PUBLICKEY_LOCATION="$work/public.pem" SMALLRYE_JWT_SIGN_KEY_LOCATION="$work/private.pem" \
        QUARKUS_HTTP_PORT="$app_port" "$@" -jar target/quarkus-app/quarkus-run.jar >"$work/app.log" 2>&1 </dev/null &
    app_pid=$!
    for _ in $(seq 1 600); do
        curl -sf -o /dev/null "http://127.0.0.1:$app_port/q/health/ready" && break
        kill -0 "$app_pid" 2>/dev/null || { tail -20 "$work/app.log" >&2; exit 1; }
        sleep 0.1
    done
    api="http://127.0.0.1:$app_port/api/v1"
}
