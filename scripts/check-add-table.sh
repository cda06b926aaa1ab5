#!/usr/bin/env bash
# Proves the table generator end to end: in a scratch copy of the repository it adds an owned and a
# catalog table with every field type, builds them and runs their generated tests, OwnershipTest (which
# the owned table joins), OpenApiDocumentTest and SchemaHistoryTest; it also checks that the generator
# refuses to overwrite and explains bad input. The scratch copy is thrown away. (AddTableTest, in ./mvnw verify,
# proves that the templates write the hand-written tables.)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/add-table-check.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# the committed tree plus uncommitted edits of tracked files, without build output
git -C "$repo" ls-files -z | (cd "$repo" && xargs -0 cp --parents -t "$scratch")
cd "$scratch"

java scripts/AddTable.java runs owned name:string:1..100 'notes:text?' 'distance_km:decimal:>=0' done_at:datetime \
    'effort:enum?:easy,steady,hard'
java scripts/AddTable.java gyms catalog name:string:1..100 'capacity:int?:1..5000' opens_early:bool \
    'rating:decimal?:0.5..5' 'opened_at:datetime?' kind:enum:indoor,outdoor

expect_refusal() {
    local expected=$1; shift
    local output
    if output=$(java scripts/AddTable.java "$@" 2>&1); then
        echo "generator accepted: $*" >&2; exit 1
    fi
    grep -q "$expected" <<<"$output" || { echo "generator said, for $*: $output" >&2; exit 1; }
}
expect_refusal "already exists" runs owned name:string:1..100
expect_refusal "unknown type 'float'" bikes owned speed:float
expect_refusal "give its maximum length" bikes owned name:string
expect_refusal "set by the server" bikes owned user_id:int
expect_refusal "list its values" bikes owned kind:enum

# OwnershipTest: who may act on whose rows, for the new owned table too; OpenApiDocumentTest: the
# generated resources keep the published document valid and complete; SchemaHistoryTest: the new
# changesets roll back and apply again
./mvnw -B test -Dtest='RunApiTest,GymApiTest,OwnershipTest,OpenApiDocumentTest,SchemaHistoryTest' \
    -Dsurefire.failIfNoSpecifiedTests=false
