package com.chosen.api.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the changesets recorded in a database stand against those of this build: the ones it still
 * lacks, and the ones that ran with another content (a changeset edited after it shipped). Rows the
 * build does not know, recorded by a later release, are left alone, as Liquibase leaves them: that is
 * what lets the release before it start again on the same database (a rollback).
 */
record SchemaState(List<Changeset> pending, List<Changeset> changed) {

    private static final int NAMED = 3;

    static SchemaState of(List<Changeset> build, List<Changeset> recorded) {
        Map<String, Changeset> recordedByKey = recorded.stream()
                .collect(Collectors.toMap(Changeset::key, Function.identity(), (first, second) -> first));
        List<Changeset> pending = new ArrayList<>();
        List<Changeset> changed = new ArrayList<>();
        for (Changeset changeset : build) {
            Changeset ran = recordedByKey.get(changeset.key());
            if (ran == null) {
                pending.add(changeset);
            } else if (!changeset.checksum().equals(ran.checksum())) {
                changed.add(changeset);
            }
        }
        return new SchemaState(pending, changed);
    }

    /** The database holds every changeset of this build, each as it is now: there is nothing to migrate. */
    boolean current() {
        return pending.isEmpty() && changed.isEmpty();
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (!pending.isEmpty()) {
            parts.add(pending.size() + " changeset(s) not applied: " + keys(pending));
        }
        if (!changed.isEmpty()) {
            parts.add(changed.size() + " changeset(s) recorded with another checksum (edited after they ran?): "
                    + keys(changed));
        }
        return parts.isEmpty() ? "current" : String.join("; ", parts);
    }

    // the first few name the problem; an empty database would otherwise list the whole history
    private static String keys(List<Changeset> changesets) {
        String named = changesets.stream().limit(NAMED).map(Changeset::key).collect(Collectors.joining(", "));
        return changesets.size() > NAMED ? named + " and " + (changesets.size() - NAMED) + " more" : named;
    }
}
