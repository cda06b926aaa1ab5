package com.chosen.api.auth;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.chosen.api.kernel.request.TextLength;

/** JSON body of {@code POST /auth/login}. */
@Schema(name = "LoginRequest")
public record LoginRequest(
        @NotNull @TextLength(max = 254) @Schema(example = "ada@example.com") String email,
        @NotNull @TextLength(max = 128) @Schema(example = "correct horse battery staple") String password) {
}
