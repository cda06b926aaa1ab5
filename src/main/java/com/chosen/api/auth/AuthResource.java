package com.chosen.api.auth;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
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
import org.jboss.resteasy.reactive.ResponseStatus;

import com.chosen.api.kernel.idempotency.Idempotency;
import com.chosen.api.kernel.problem.Problem;
import com.chosen.api.kernel.problem.ProblemException;
import com.chosen.api.kernel.request.TextLength;
import com.chosen.api.user.Accounts;
import com.chosen.api.user.NewUser;
import com.chosen.api.user.PasswordCheck;
import com.chosen.api.user.User;
import com.chosen.api.user.UserResponse;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Auth", description = "Accounts and sessions: register; log in for an access token and a refresh "
        + "token; refresh; log out; reset a forgotten password by mail")
public class AuthResource {

    private static final String THROTTLING = "After 5 failed logins for one email (known or not) from one client address "
            + "in a 60-second window (the defaults of `chosen.login-throttle.*`), every login for that email from that "
            + "address answers 429 with Retry-After until the window ends, even with the right password; the same email "
            + "from another address is not affected. After 20 failed logins from one address, whatever the emails, "
            + "every login from that address answers 429 until its window ends. A successful login clears the count of "
            + "its email and address. The counts are shared by every replica of the service. The client address is the "
            + "connection's peer, or what the proxies the operator trusts forward.";

    @Inject
    Accounts accounts;

    @Inject
    PasswordCheck passwordCheck;

    @Inject
    TokenIssuer tokenIssuer;

    @Inject
    Sessions sessions;

    @Inject
    PasswordResets passwordResets;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "register", summary = "Create an account",
            description = "The email is stored lower-case and must be unique regardless of case. "
                    + "Every new account gets the role `user`; roles in the body are ignored.")
    @APIResponse(responseCode = "201", description = "The new account; Location is /api/v1/users/me",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Response> register(@Valid @NotNull NewUser body, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return accounts.passwordHash(body).chain(hash -> idempotency.createAnonymously(idempotencyKey,
                User.normalisedEmail(body.email()), body, () -> accounts.register(body, hash)
                        .map(user -> Response.created(URI.create("/api/v1/users/me")).entity(UserResponse.of(user)).build())));
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    // RFC 6749 section 5.1: a token must not sit in any cache
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @ResponseHeader(name = "Pragma", value = "no-cache")
    @Operation(operationId = "login", summary = "Log in with email and password",
            description = "A wrong email and a wrong password answer the same 401. Opens a session: an access token "
                    + "(15 minutes) whose `groups` are the roles held now, and a refresh token for POST "
                    + "/api/v1/auth/refresh. A new password or new roles end the session. " + THROTTLING
                    + " For clients written before POST /api/v1/auth/token existed, this route also takes that "
                    + "route's form (`username`, `password`) and answers it the same way.")
    @APIResponse(responseCode = "200", description = "An access token, and the refresh token of the new session",
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
    @APIResponse(responseCode = "200", description = "An access token, and the refresh token of the new session",
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

    @POST
    @Path("/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    // RFC 6749 section 5.1: a token must not sit in any cache
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @ResponseHeader(name = "Pragma", value = "no-cache")
    @Operation(operationId = "refreshToken", summary = "Trade a refresh token for new tokens",
            description = "Uses the refresh token up and answers a new access token and a new refresh token of the "
                    + "same session, which then lives 30 days more (`chosen.refresh-token.lifespan`), but never more "
                    + "than 30 days after its login (`chosen.refresh-token.absolute-lifespan`): then the refresh is a 401 "
                    + "and the client logs in again. The access token carries the roles held now. For 10 seconds after "
                    + "its use (`chosen.refresh-token.grace-period`), the same refresh token answers the same new refresh "
                    + "token again (and a new access token of the session): two tabs refreshing at once, or a request "
                    + "retried after its answer was lost, keep the session. After that, send each refresh token once: a "
                    + "used one presented again means a copy is in other hands, so the whole session ends (its access "
                    + "tokens too), for the thief and for you alike.")
    @APIResponse(responseCode = "200", description = "A new access token and a new refresh token",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "The refresh token is unknown or used, or its session ended "
            + "(logout, expiry, its absolute lifetime, a new password, new roles): log in again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Uni<TokenResponse> refresh(@Valid @NotNull RefreshRequest body) {
        return sessions.refresh(body.refreshToken())
                .chain(session -> Panache.withSession(() -> User.findWithRoles(session.userId()))
                        .map(user -> tokenIssuer.issue(user, session)));
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "logout", summary = "End the session of a refresh token",
            description = "Ends the session the refresh token belongs to: the refresh token and every access token "
                    + "of the session are refused from then on. Other sessions of the account (other devices) "
                    + "go on. The answer is the same whether the session was live, had ended, or the token is unknown.")
    @APIResponse(responseCode = "204", description = "The session has ended")
    public Uni<Void> logout(@Valid @NotNull RefreshRequest body) {
        return sessions.end(body.refreshToken());
    }

    @POST
    @Path("/password-reset")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestPasswordReset", summary = "Ask for a password reset code by mail",
            description = "If the email belongs to an account, a mail with a single-use code is sent to it; it works for "
                    + "15 minutes (`chosen.password-reset.code-lifespan`). The answer is the same 202, in about the same "
                    + "time, whether or not the email has an account; at most 3 mails per email leave in 15 minutes "
                    + "(`chosen.password-reset.max-mails`, `mail-window`), the answer still 202.")
    @APIResponse(responseCode = "202", description = "If the email has an account, a code is on its way")
    @ResponseStatus(202)
    public Uni<Void> requestPasswordReset(@Valid @NotNull PasswordResetRequest body) {
        return passwordResets.request(User.normalisedEmail(body.email()));
    }

    @POST
    @Path("/password-reset/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "confirmPasswordReset", summary = "Set a new password with a code from the mail",
            description = "The password follows the rules of registration. It ends every session of the account: every "
                    + "access and refresh token issued before is refused, and so is every other code; then log in "
                    + "with the new password. A wrong, expired or used code is a 422 on `code`, the same whether or "
                    + "not the email has an account. After 5 wrong codes for one email from one client address in 60 seconds "
                    + "(the defaults of `chosen.login-throttle.*`), every attempt for that email from that address answers "
                    + "429 until the window ends; after 20 from one address, whatever the emails, every attempt from it.")
    @APIResponse(responseCode = "204", description = "The new password is set; every earlier session has ended")
    @APIResponse(responseCode = "429", description = "Too many wrong codes for this email from this address, or from this "
            + "address; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Uni<Void> confirmPasswordReset(@Valid @NotNull PasswordResetConfirmation body) {
        return passwordResets.confirm(User.normalisedEmail(body.email()), body.code(), body.password());
    }

    private Uni<TokenResponse> authenticate(String email, String password) {
        return passwordCheck.userWithPassword(User.normalisedEmail(email), password)
                .onItem().ifNull().failWith(() -> ProblemException.unauthorized("Email or password is wrong"))
                // opened under the generation read with the hash: if the password or the roles changed
                // since, the session is born ended
                .chain(user -> sessions.open(user).map(session -> tokenIssuer.issue(user, session)));
    }
}
