package com.chosen.api.auth;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;

import com.chosen.api.kernel.problem.Problem;
import com.chosen.api.kernel.problem.ProblemException;
import com.chosen.api.kernel.request.TextLength;
import com.chosen.api.user.Accounts;
import com.chosen.api.user.NewUser;
import com.chosen.api.user.PasswordHasher;
import com.chosen.api.user.User;
import com.chosen.api.user.UserResponse;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Auth", description = "Accounts and tokens: register, then log in for a bearer token")
public class AuthResource {

    private static final String THROTTLING = "After 5 failed logins for one email (known or not) in a 60-second "
            + "window (the defaults of `chosen.login-throttle.*`), every login for that email answers 429 with "
            + "Retry-After until the window ends, even with the right password. A successful login clears the count. "
            + "The counts are shared by every replica of the service.";

    @Inject
    Accounts accounts;

    @Inject
    PasswordHasher passwordHasher;

    @Inject
    TokenIssuer tokenIssuer;

    @Inject
    LoginThrottle loginThrottle;

    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "register", summary = "Create an account",
            description = "The email is stored lower-case and must be unique regardless of case. "
                    + "Every new account gets the role `user`; roles in the body are ignored.")
    @APIResponse(responseCode = "201", description = "The new account; Location is /api/v1/users/me",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Response> register(@Valid @NotNull NewUser body) {
        return accounts.register(body)
                .map(user -> Response.created(URI.create("/api/v1/users/me")).entity(UserResponse.of(user)).build());
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    // RFC 6749 section 5.1: a token must not sit in any cache
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @ResponseHeader(name = "Pragma", value = "no-cache")
    @Operation(operationId = "login", summary = "Log in with email and password",
            description = "A wrong email and a wrong password answer the same 401. The token's `groups` "
                    + "are the roles held now: a role change takes effect at the next login. " + THROTTLING
                    + " For clients written before POST /api/v1/auth/token existed, this route also takes that "
                    + "route's form (`username`, `password`) and answers it the same way.")
    @APIResponse(responseCode = "200", description = "A bearer token",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", ref = "WrongCredentials")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Uni<TokenResponse> login(@Valid @NotNull LoginRequest body) {
        return authenticate(body.email(), body.password());
    }

    /** The form login of earlier releases, kept for the clients that use it; documented as {@link #token}. */
    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    // RFC 6749 section 5.1: a token must not sit in any cache
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @ResponseHeader(name = "Pragma", value = "no-cache")
    @Operation(hidden = true)
    public Uni<TokenResponse> loginForm(@FormParam("username") @NotNull @TextLength(max = 254) String username,
                                        @FormParam("password") @NotNull @TextLength(max = 128) String password) {
        return authenticate(username, password);
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    // RFC 6749 section 5.1: a token must not sit in any cache
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @ResponseHeader(name = "Pragma", value = "no-cache")
    @Operation(operationId = "issueToken", summary = "Log in with the OAuth2 password grant",
            description = "RFC 6749, section 4.3: `grant_type=password`, `username` (the email) and `password`; "
                    + "other fields (`scope`, `client_id`, ...) are ignored. This is the flow Swagger UI's Authorize "
                    + "button uses. A refusal adds OAuth2's `error` and `error_description` to the problem details. "
                    + THROTTLING)
    @APIResponse(responseCode = "200", description = "A bearer token",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "A missing or too long field; or a `grant_type` other than "
            + "`password`, then with OAuth2's members (`error: unsupported_grant_type`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "Wrong email or password (the same answer for both)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OAuthError.class)))
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Uni<TokenResponse> token(
            @FormParam("grant_type") @NotNull @Schema(enumeration = "password") String grantType,
            @FormParam("username") @NotNull @TextLength(max = 254) @Schema(example = "ada@example.com") String username,
            @FormParam("password") @NotNull @TextLength(max = 128) String password) {
        Uni<TokenResponse> token = OAuthError.PASSWORD_GRANT.equals(grantType)
                ? authenticate(username, password)
                : Uni.createFrom().failure(OAuthError.unsupportedGrantType());
        return token.onFailure(ProblemException.class).transform(OAuthError::added);
    }

    private Uni<TokenResponse> authenticate(String email, String password) {
        String address = User.normalisedEmail(email);
        return loginThrottle.admit(address)
                // the session closes before the slow hash check, so a burst of logins does not hold
                // every pooled connection while it hashes
                .chain(() -> Panache.withSession(() -> User.findByEmailWithRoles(address)))
                .chain(user -> passwordHasher.verify(password, user == null ? null : user.passwordHash)
                        .chain(matches -> {
                            if (!matches) {
                                throw ProblemException.unauthorized("Email or password is wrong");
                            }
                            return loginThrottle.succeeded(address).map(cleared -> tokenIssuer.issue(user));
                        }));
    }
}
