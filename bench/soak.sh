#!/usr/bin/env bash
# Soak test: the packaged jar under mixed load (register, login, create, update with If-Match, delete,
# list) for MINUTES (default 10) with USERS concurrent users (default 16), PostgreSQL stopped for
# OUTAGE seconds (default 30) at a third and at two thirds of the run. Registrations and creates carry
# an Idempotency-Key and are sent again with it after a 503, a 504, a 409 in flight or no answer. Then
# it checks that every acknowledged write is in the database as acknowledged (lost writes: 0), that no
# row or account exists that no answer acknowledged (duplicates: 0), that no answer was a 5xx other
# than 503 and 504, and that the service is ready; exit status 0 only if all hold. PostgreSQL is the
# tests' embedded one.
#
#   bench/soak.sh [MINUTES [USERS [OUTAGE]]]
#
# Not part of ./mvnw verify (it takes MINUTES); see docs/performance.md, Soak, for its figures.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
minutes="${1:-10}"; users="${2:-16}"; outage="${3:-30}"
out=target/bench
mkdir -p "$out"
./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "target/test-classes:$(cat "$out/classpath.txt")" \
    com.chosen.api.packaged.Soak "$minutes" "$users" "$outage"
