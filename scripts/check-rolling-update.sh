#!/usr/bin/env bash
# The two halves of a rolling update, on a scratch PostgreSQL migrated by THIS tree's init Job:
#   1. the previous release's integration tests against its packaged jar, started as a Deployment's pod
#      (QUARKUS_LIQUIBASE_ENABLED=false): the old pods that serve while the rollout (or a rollback) lasts;
#   2. this release's integration tests the same way: the new pods on the same schema.
# Fails, naming the failing tests and what PostgreSQL refused, when the new schema breaks either.
# docs/developing.md ("Rolling updates") says what it checks and how to read a failure.
#
#   scripts/check-rolling-update.sh [--previous REF]   (default: the newest release of releases.txt in HEAD's history)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

previous=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --previous) previous="${2:?--previous needs a git reference}"; shift 2 ;;
        *) echo "usage: $0 [--previous REF]" >&2; exit 2 ;;
    esac
done
# newest_release: "TAG COMMIT" of the newest line of releases.txt whose commit is in HEAD's history
newest_release() {
    local tag commit
    grep -v -e '^#' -e '^[[:space:]]*$' releases.txt | tac | while read -r tag commit _; do
        if git merge-base --is-ancestor "$commit" HEAD 2>/dev/null; then
            echo "$tag $commit"
            return
        fi
    done
}

if [[ -z "$previous" ]]; then
    release="$(newest_release)"
    # a shallow clone lacks the release's commit: deepen it from where it was cloned
    if [[ -z "$release" && "$(git rev-parse --is-shallow-repository)" == true && -n "$(git remote)" ]]; then
        git fetch --quiet --unshallow "$(git remote | head -n 1)" || true
        release="$(newest_release)"
    fi
    if [[ -z "$release" ]]; then
        echo "No release of releases.txt is in HEAD's history (shallow: $(git rev-parse --is-shallow-repository)," \
            "remotes: $(git remote | tr '\n' ' ')); pass --previous REF" >&2
        exit 2
    fi
    previous="${release%% *}"
    previous_commit="${release#* }"
else
    previous_commit="$(git rev-parse --verify --quiet "$previous^{commit}")" || { echo "Unknown reference: $previous" >&2; exit 2; }
    [[ "$previous" == "$previous_commit" ]] && previous="$(git rev-parse --short "$previous_commit")"
fi

scratch="$(mktemp -d "${TMPDIR:-/tmp}/chosen-rolling-update.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

# the Maven output of a half, with the failing tests and the SQL errors it caused pulled out
report_failure() {
    local who="$1" tree="$2" output="$3"
    echo
    echo "ROLLING UPDATE BROKEN: $who fails on the schema of this tree ($(git rev-parse --short HEAD))."
    echo "Failing tests:"
    sed -n '/^\[ERROR\] Failures:\|^\[ERROR\] Errors:/,/^\[ERROR\] Tests run:/p' "$output" | grep -E '^\[ERROR\] +[A-Za-z]' \
        | sed 's/^\[ERROR\]/ /' | head -40 || true
    echo "What PostgreSQL refused (from its log and the application's):"
    cat "$output" "$tree"/target/*.log 2>/dev/null \
        | grep -o -E '(column|relation) [^ ]+( of relation [^ ]+)? does not exist|null value in column [^ ]+( of relation [^ ]+)? violates not-null constraint|value too long for type [^)]*\)|cached plan must not change result type|invalid input syntax for type [a-z ]+' \
        | tr -d '\\' | grep -v databasechangelog | sort | uniq -c | sort -rn | head -20 || true
    echo "Split the change into expand and contract releases (docs/developing.md, \"Changing a column across releases\")."
}

# run_integration_tests WHO TREE: TREE's packaged jar and integration tests on a database migrated by this tree
run_integration_tests() {
    local who="$1" tree="$2" output="$scratch/$1.out"
    echo "== $who: its integration tests on this tree's schema"
    if ! (cd "$tree" && ./mvnw -B verify -DskipUTs -Dchosen.schema.migrated-by="$scratch/init-job/quarkus-run.jar") \
            > "$output" 2>&1; then
        tail -n 40 "$output"
        report_failure "$who" "$tree" "$output"
        return 1
    fi
    grep -E '^\[INFO\] Tests run: [0-9]+, Failures: 0, Errors: 0' "$output" | tail -n 1
}

echo "== this tree ($(git rev-parse --short HEAD)): the jar whose init Job migrates"
./mvnw -B -q package -DskipTests
cp -r target/quarkus-app "$scratch/init-job"

echo "== previous release: $previous ($(git rev-parse --short "$previous_commit"))"
mkdir "$scratch/previous"
git archive "$previous_commit" | tar -x -C "$scratch/previous"
run_integration_tests "the previous release $previous" "$scratch/previous"
run_integration_tests "this release" "$repo"
echo "Rolling update from $previous to this tree: both releases pass their integration tests on the new schema."
