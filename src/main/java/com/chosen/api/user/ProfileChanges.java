package com.chosen.api.user;

import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.chosen.api.kernel.request.NotCleared;
import com.chosen.api.kernel.request.TextLength;

/** Body of {@code PUT /users/me}: absent fields stay, {@code full_name: null} clears the name. */
@Schema(name = "ProfileChanges")
public record ProfileChanges(
        Optional<@TextLength(max = 200) String> fullName,
        @NotCleared @Schema(nullable = false) Optional<@TextLength(min = 8, max = 128) String> password) {
}
