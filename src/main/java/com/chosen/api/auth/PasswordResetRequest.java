package com.chosen.api.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.chosen.api.kernel.request.TextLength;

/** Body of {@code POST /auth/password-reset}. */
@Schema(name = "PasswordResetRequest")
public record PasswordResetRequest(
        @NotNull @Email @TextLength(max = 254) @Schema(example = "ada@example.com") String email) {
}
