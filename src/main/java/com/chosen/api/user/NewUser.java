package com.chosen.api.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.chosen.api.kernel.request.TextLength;

/** Body of {@code POST /auth/register}, and the rules every new account follows; roles are never taken from it. */
@Schema(name = "RegisterRequest")
public record NewUser(
        @NotNull @Email @TextLength(max = 254) @Schema(example = "ada@example.com") String email,
        @NotNull @TextLength(min = 8, max = 128) @NotBreached @Schema(description = PASSWORD_RULES,
                example = "correct horse battery staple") String password,
        @TextLength(max = 200) @Schema(nullable = true, example = "Ada Lovelace") String fullName) {

    /** What every new password must be, as the published document says it. */
    public static final String PASSWORD_RULES = "8 to 128 characters, each of which counts; not one of the most common "
            + "passwords known from data breaches (422 on `password` saying so)";
}
