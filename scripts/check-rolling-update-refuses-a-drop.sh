#!/usr/bin/env bash
# Proves that scripts/check-rolling-update.sh fails when it should: in a scratch clone, a commit on top
# of HEAD drops workouts.description in one step (the contract step taken without its release of
# expand), and the check, with HEAD as the previous release, must fail naming the column. The clone is
# thrown away.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/rolling-update-refusal.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

previous=$(git -C "$repo" rev-parse HEAD)
git clone -q "$repo" "$scratch/clone"
cd "$scratch/clone"
cat > src/main/resources/db/changes/900-workouts-drop-description.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                   http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
    <changeSet id="900-workouts-drop-description" author="chosen">
        <dropColumn tableName="workouts" columnName="description"/>
    </changeSet>
</databaseChangeLog>
XML
sed -i 's|</databaseChangeLog>|    <include file="db/changes/900-workouts-drop-description.xml"/>\n</databaseChangeLog>|' \
    src/main/resources/db/changelog.xml
git add src/main/resources/db
git -c user.name="rolling update check" -c user.email="check@localhost" commit -q -m "Drop workouts.description in one step"

if output=$(scripts/check-rolling-update.sh --previous "$previous" 2>&1); then
    echo "$output"
    echo "check-rolling-update.sh passed a changeset that drops a column the previous release reads" >&2
    exit 1
fi
echo "$output" | sed -n '/^ROLLING UPDATE BROKEN/,$p'
if ! grep -q 'ROLLING UPDATE BROKEN: the previous release' <<<"$output" || ! grep -q 'description' <<<"$output"; then
    echo "check-rolling-update.sh failed, but not by naming the previous release and the dropped column:" >&2
    echo "$output" | tail -n 60 >&2
    exit 1
fi
echo "check-rolling-update.sh refuses a one-step drop of workouts.description, naming it."
