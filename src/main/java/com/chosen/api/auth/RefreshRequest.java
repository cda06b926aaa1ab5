package com.chosen.api.auth;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.chosen.api.kernel.request.TextLength;

/** Body of {@code POST /auth/refresh} and {@code POST /auth/logout}. */
@Schema(name = "RefreshRequest")
public record RefreshRequest(
        @NotNull @TextLength(max = 128) @Schema(example = "Jq3dN0b2mVd7sYH1pXl4uQk9rZ8wT6eA5cF0gB2hI3j") String refreshToken) {
}
