#!/usr/bin/env bash
# Cold-start benchmark: time from process start to the first 200 of GET /api/v1/workouts (bearer
# token verified, PostgreSQL queried) and RSS after 1,000 requests, for the JVM jar (JDK 17 and
# JDK 25), the JVM jar with the JDK 25 AOT cache, and the native executable (with the arguments the
# generated manifests give it, native.run-args in pom.xml) on a current schema and on an empty
# database; medians of --runs runs (default 5), printed as a Markdown table. PostgreSQL is the tests'
# embedded one; no install.
#
#   bench/cold-start.sh [--runs N] [--skip-build]
#
# Builds the artifacts first: the native executable and the jar are copied to target/bench/, the
# AOT jar stays in target/quarkus-app (its cache is trained by running the integration tests against
# the jar, as Quarkus does). The native build takes 10-20 min on 2 cores; --skip-build reuses them.
# Environment: JDK17_HOME, JDK25_HOME, GRAALVM_HOME (default: the home that
# ../shared/native-toolchain/setup.sh builds), NATIVE_IMAGE_XMX (default 6g).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=5
build=true
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --skip-build) build=false; shift ;;
        *) echo "usage: $0 [--runs N] [--skip-build]" >&2; exit 2 ;;
    esac
done
jdk17="${JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
jdk25="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
graalvm="${GRAALVM_HOME:-$HOME/.cache/chosen-native/graalvm}"
out=target/bench

if $build; then
    echo "== native executable"
    ./mvnw -B -q package -Dnative -DskipTests -Dquarkus.native.graalvm-home="$graalvm" \
        -Dquarkus.native.native-image-xmx="${NATIVE_IMAGE_XMX:-6g}"
    rm -rf "$out/native" && mkdir -p "$out/native" && cp -a target/*-runner "$out/native/application"

    echo "== JVM jar"
    ./mvnw -B -q package -DskipTests
    rm -rf "$out/jvm" && cp -a target/quarkus-app "$out/jvm"

    # Last, and used where it was built: the AOT cache keeps the code locations of the training run
    # (a copy elsewhere would still read target/quarkus-app/quarkus/quarkus-application.dat)
    echo "== JVM jar with the AOT cache (JDK 25; trained by the integration tests)"
    JAVA_HOME="$jdk25" ./mvnw -B -q verify -DskipUTs -Dquarkus.package.jar.aot.enabled=true
fi
test -f target/quarkus-app/app.aot || { echo "no AOT cache in target/quarkus-app; run without --skip-build" >&2; exit 1; }

# the native executable runs with the arguments of the generated manifests (comma-separated in the pom)
native_args=$(sed -n 's:.*<native.run-args>\(-.*\)</native.run-args>.*:\1:p' pom.xml | tr ',' ' ')

./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"
"$jdk25/bin/java" -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "target/test-classes:$(cat "$out/classpath.txt")" com.chosen.api.packaged.ColdStartBench "$runs" \
    "JVM jar (JDK 17)" "$jdk17/bin/java -jar $out/jvm/quarkus-run.jar" \
    "JVM jar (JDK 25)" "$jdk25/bin/java -jar $out/jvm/quarkus-run.jar" \
    "JVM jar + AOT cache (JDK 25)" "$jdk25/bin/java -XX:AOTMode=on -XX:AOTCache=target/quarkus-app/app.aot -jar target/quarkus-app/quarkus-run.jar" \
    "native executable" "$out/native/application $native_args" \
    "native executable, empty database" "--fresh-database $out/native/application $native_args"
