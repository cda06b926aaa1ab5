package com.chosen.api.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An access token as OAuth2 clients (and Swagger UI) expect it. */
@Schema(name = "TokenResponse")
public record TokenResponse(String accessToken, @Schema(example = "bearer") String tokenType,
                            @Schema(description = "Lifetime in seconds", example = "3600") long expiresIn) {
}
