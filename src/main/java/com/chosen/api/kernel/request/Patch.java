package com.chosen.api.kernel.request;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/**
 * One field of a partial update. Request records of a PUT declare each field as {@code Optional<T>}:
 * a field absent from the body arrives as {@code null} (leave it unchanged), a JSON {@code null} as
 * {@link Optional#empty()} (clear it), a value as {@code Optional.of(value)} (set it). {@link #of}
 * decides which, once; {@link #resolve} turns the value into what the entity holds (an id into its
 * row, say) and keeps the decision.
 */
public final class Patch<T> {

    // null: leave the field; empty: clear it; a value: set it
    private final Optional<T> change;

    private Patch(Optional<T> change) {
        this.change = change;
    }

    public static <T> Patch<T> of(Optional<T> field) {
        return new Patch<>(field);
    }

    /** Applies one field of a partial update: absent leaves it, null clears it, a value sets it. */
    public static <T> void apply(Optional<T> field, Consumer<T> setter) {
        of(field).applyTo(setter);
    }

    public void applyTo(Consumer<T> setter) {
        if (change != null) {
            setter.accept(change.orElse(null));
        }
    }

    /** The same change with the value {@code resolve}d; leaving and clearing resolve nothing. */
    public <R> Uni<Patch<R>> resolve(Function<T, Uni<R>> resolve) {
        if (change == null || change.isEmpty()) {
            @SuppressWarnings("unchecked") // it holds no value of T: it leaves or clears, whatever the type
            Patch<R> unchanged = (Patch<R>) this;
            return Uni.createFrom().item(unchanged);
        }
        return resolve.apply(change.get()).map(value -> new Patch<>(Optional.of(value)));
    }
}
