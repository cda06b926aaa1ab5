package com.chosen.api.kernel;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlow;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlows;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/**
 * The OpenAPI document's shared parts: the error responses (all application/problem+json, attached
 * to operations by {@link ProblemResponsesFilter}) and the security schemes: a bearer JWT for API clients, and the OAuth2 password flow against
 * our login route so that Swagger UI's Authorize button logs in with email and password.
 */
@OpenAPIDefinition(info = @Info(title = "Chosen API", version = "1.0.0"),
        components = @Components(responses = {
                @APIResponse(name = "BadRequest", responseCode = "400",
                        description = "Malformed JSON, a value of the wrong JSON type, or a bad query or path parameter",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "Unauthorized", responseCode = "401",
                        description = "No token, or an invalid, expired or foreign one (WWW-Authenticate: Bearer)",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "Forbidden", responseCode = "403",
                        description = "Not the owner of the row, or lacking the role",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "NotFound", responseCode = "404", description = "No such resource",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "Conflict", responseCode = "409",
                        description = "A unique value is taken, or the delete would orphan rows",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "PreconditionFailed", responseCode = "412",
                        description = "If-Match does not match the current ETag; nothing was changed",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "ContentTooLarge", responseCode = "413",
                        description = "Body larger than the configured limit (64 KiB by default)",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "UnsupportedMediaType", responseCode = "415",
                        description = "Body that is not application/json",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "UnprocessableContent", responseCode = "422",
                        description = "Well-formed JSON that breaks a field rule; `errors` lists each field",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "TooManyRequests", responseCode = "429",
                        description = "Too many failed logins for this email; retry after Retry-After seconds",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "ServiceUnavailable", responseCode = "503",
                        description = "The database is unreachable; retry shortly",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
        }))
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = ApiDefinition.BEARER, type = SecuritySchemeType.HTTP,
                scheme = "bearer", bearerFormat = "JWT",
                description = "Token from POST /api/v1/auth/login"),
        @SecurityScheme(securitySchemeName = ApiDefinition.PASSWORD, type = SecuritySchemeType.OAUTH2,
                description = "Email as username, and password",
                flows = @OAuthFlows(password = @OAuthFlow(tokenUrl = "/api/v1/auth/login")))
})
public class ApiDefinition extends Application {

    public static final String BEARER = "bearer";
    public static final String PASSWORD = "password";
}
