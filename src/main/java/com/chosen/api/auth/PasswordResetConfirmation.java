package com.chosen.api.auth;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.chosen.api.kernel.request.TextLength;
import com.chosen.api.user.NewUser;
import com.chosen.api.user.NotBreached;

/** Body of {@code POST /auth/password-reset/confirm}: the code from the mail, and the new password (the rules of registration). */
@Schema(name = "PasswordResetConfirmation")
public record PasswordResetConfirmation(
        @NotNull @TextLength(max = 254) @Schema(example = "ada@example.com") String email,
        @NotNull @TextLength(max = 64) @Schema(description = "As in the mail; letter case, dashes and spaces do not matter",
                example = "7QKM-2X9D-HC4R-N8TB") String code,
        @NotNull @TextLength(min = 8, max = 128) @NotBreached @Schema(description = NewUser.PASSWORD_RULES,
                example = "a new horse battery staple") String password) {
}
