package com.chosen.api.catalog;

import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.chosen.api.kernel.request.NotCleared;
import com.chosen.api.kernel.request.Patch;
import com.chosen.api.kernel.request.TextLength;

/**
 * Body of {@code PUT /categories/{id}}, a partial update: absent fields stay as they are,
 * {@code null} clears the description, and {@code null} for the name is a 422.
 */
@Schema(name = "CategoryChanges")
public record CategoryChanges(
        @NotCleared @Schema(nullable = false) Optional<@TextLength(min = 1, max = 100) String> name,
        Optional<@TextLength(max = 500) String> description) {

    void applyTo(Category category) {
        Patch.apply(name, value -> category.name = value);
        Patch.apply(description, value -> category.description = value);
    }
}
