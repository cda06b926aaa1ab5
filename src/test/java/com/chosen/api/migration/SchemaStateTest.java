package com.chosen.api.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SchemaStateTest {

    private static final Changeset USERS = new Changeset("001-users", "chosen", "db/changes/001-users.xml", "9:aa");
    private static final Changeset ROLES = new Changeset("002-roles", "chosen", "db/changes/002-roles.xml", "9:bb");
    private static final List<Changeset> BUILD = List.of(USERS, ROLES);

    @Test
    void everyChangesetRecordedWithItsChecksumIsCurrent() {
        SchemaState state = SchemaState.of(BUILD, List.of(ROLES, USERS));
        assertTrue(state.current());
        assertEquals("current", state.toString());
    }

    @Test
    void anEmptyHistoryLacksEveryChangeset() {
        SchemaState state = SchemaState.of(BUILD, List.of());
        assertFalse(state.current());
        assertEquals(BUILD, state.pending());
    }

    @Test
    void aLongListNamesTheFirstThreeAndCountsTheRest() {
        List<Changeset> history = IntStream.rangeClosed(1, 5)
                .mapToObj(n -> new Changeset("00" + n, "chosen", "db/changes/00" + n + ".xml", "9:0" + n)).toList();
        assertEquals("5 changeset(s) not applied: db/changes/001.xml::001::chosen, db/changes/002.xml::002::chosen, "
                + "db/changes/003.xml::003::chosen and 2 more", SchemaState.of(history, List.of()).toString());
    }

    @Test
    void aMissingChangesetIsPendingAndNamed() {
        SchemaState state = SchemaState.of(BUILD, List.of(USERS));
        assertFalse(state.current());
        assertEquals(List.of(ROLES), state.pending());
        assertEquals("1 changeset(s) not applied: db/changes/002-roles.xml::002-roles::chosen", state.toString());
    }

    @Test
    void aChangesetThatRanWithAnotherChecksumWasChanged() {
        Changeset editedAfterItRan = new Changeset("001-users", "chosen", "db/changes/001-users.xml", "9:00");
        SchemaState state = SchemaState.of(BUILD, List.of(editedAfterItRan, ROLES));
        assertFalse(state.current());
        assertEquals(List.of(USERS), state.changed());
        assertTrue(state.toString().contains("recorded with another checksum"), state.toString());
    }

    @Test
    void theSameIdInAnotherFileOrByAnotherAuthorIsAnotherChangeset() {
        Changeset otherFile = new Changeset("002-roles", "chosen", "db/changes/other.xml", "9:bb");
        Changeset otherAuthor = new Changeset("002-roles", "someone", "db/changes/002-roles.xml", "9:bb");
        SchemaState state = SchemaState.of(BUILD, List.of(USERS, otherFile, otherAuthor));
        assertEquals(List.of(ROLES), state.pending());
    }

    @Test
    void aChangesetOfALaterReleaseIsLeftAloneSoThatTheReleaseBeforeStillStarts() {
        Changeset later = new Changeset("011-gyms", "chosen", "db/changes/011-gyms.xml", "9:cc");
        assertTrue(SchemaState.of(BUILD, List.of(USERS, ROLES, later)).current());
    }

    @Test
    void aChecksumLiquibaseClearedCountsAsChanged() {
        Changeset cleared = new Changeset("002-roles", "chosen", "db/changes/002-roles.xml", null);
        assertEquals(List.of(ROLES), SchemaState.of(BUILD, List.of(USERS, cleared)).changed());
    }
}
