package com.chosen.api.kernel.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** One field of a partial update: absent leaves it, null clears it, a value sets it. */
class PatchTest {

    private static final String UNCHANGED = "unchanged";

    private String field = UNCHANGED;

    private final List<Long> lookedUp = new ArrayList<>();

    private Uni<String> row(Long id) {
        lookedUp.add(id);
        return Uni.createFrom().item("row " + id);
    }

    @Test
    void anAbsentFieldIsLeftAsItIs() {
        Patch.apply(null, (String value) -> field = value);
        assertEquals(UNCHANGED, field);
    }

    @Test
    void aNullFieldIsCleared() {
        Patch.apply(Optional.empty(), (String value) -> field = value);
        assertNull(field);
    }

    @Test
    void aValueIsSet() {
        Patch.apply(Optional.of("new"), value -> field = value);
        assertEquals("new", field);
    }

    @Test
    void resolvingAValueSetsWhatItResolvesTo() {
        Patch.of(Optional.of(5L)).resolve(this::row).await().indefinitely().applyTo(value -> field = value);
        assertEquals("row 5", field);
        assertEquals(List.of(5L), lookedUp);
    }

    @Test
    void resolvingKeepsAnAbsentFieldAbsentAndLooksNothingUp() {
        Patch.of((Optional<Long>) null).resolve(this::row).await().indefinitely().applyTo(value -> field = value);
        assertEquals(UNCHANGED, field);
        assertEquals(List.of(), lookedUp);
    }

    @Test
    void resolvingKeepsANullFieldClearingAndLooksNothingUp() {
        Patch.of(Optional.<Long>empty()).resolve(this::row).await().indefinitely().applyTo(value -> field = value);
        assertNull(field);
        assertEquals(List.of(), lookedUp);
    }
}
