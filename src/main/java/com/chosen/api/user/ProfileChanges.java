package com.chosen.api.user;

import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.chosen.api.kernel.request.NotCleared;
import com.chosen.api.kernel.request.TextLength;

/**
 * Body of {@code PUT /users/me}: absent fields stay, {@code full_name: null} clears the name. A new
 * password needs the current one, so that a stolen access token alone cannot take the account over.
 */
@Schema(name = "ProfileChanges")
public record ProfileChanges(
        Optional<@TextLength(max = 200) String> fullName,
        @NotCleared @Schema(nullable = false, description = NewUser.PASSWORD_RULES)
        Optional<@TextLength(min = 8, max = 128) @NotBreached String> password,
        @TextLength(max = 128) @Schema(nullable = false, description = "Required with `password`: the account's "
                + "password now. A wrong one is a 422 on this field and counts as a failed login",
                example = "correct horse battery staple") String currentPassword) {
}
