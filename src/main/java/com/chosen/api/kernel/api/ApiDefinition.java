package com.chosen.api.kernel.api;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlow;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlows;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

import com.chosen.api.kernel.problem.Problem;

/**
 * The OpenAPI document's shared parts: the server, the {@link Problem} schema of every error answer
 * (the responses around it are {@link SharedAnswersFilter}'s) and the security schemes: a bearer JWT
 * for API clients, and the OAuth2 password flow against the token route so that Swagger UI's
 * Authorize button logs in with email and password.
 */
@OpenAPIDefinition(info = @Info(title = "Chosen API", version = "1.0.0"),
        // relative: the API is served by whatever host serves this document
        servers = @Server(url = "/", description = "The host serving this document"),
        // the body of every error answer; SharedAnswersFilter builds the shared responses around it
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = ApiDefinition.BEARER, type = SecuritySchemeType.HTTP,
                scheme = "bearer", bearerFormat = "JWT",
                description = "Token from POST /api/v1/auth/login (or /api/v1/auth/token)"),
        @SecurityScheme(securitySchemeName = ApiDefinition.PASSWORD, type = SecuritySchemeType.OAUTH2,
                description = "Email as username, and password",
                flows = @OAuthFlows(password = @OAuthFlow(tokenUrl = "/api/v1/auth/token")))
})
public class ApiDefinition extends Application {

    public static final String BEARER = "bearer";
    public static final String PASSWORD = "password";
}
