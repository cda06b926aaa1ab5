package com.chosen.api.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An access token as OAuth2 clients (and Swagger UI) expect it, with the refresh token of its session. */
@Schema(name = "TokenResponse")
public record TokenResponse(String accessToken, @Schema(example = "bearer") String tokenType,
                            @Schema(description = "Lifetime of the access token in seconds", example = "900") long expiresIn,
                            @Schema(description = "Trade it at POST /api/v1/auth/refresh for new tokens, once; it keeps "
                                    + "the session alive for 30 days after its last refresh (`chosen.refresh-token.lifespan`), and at "
                                    + "most 30 days after the login (`chosen.refresh-token.absolute-lifespan`): then log in again",
                                    example = "Jq3dN0b2mVd7sYH1pXl4uQk9rZ8wT6eA5cF0gB2hI3j") String refreshToken) {
}
