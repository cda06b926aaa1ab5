package com.chosen.api.user;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.chosen.api.kernel.problem.ProblemException;
import com.chosen.api.kernel.security.Caller;
import com.chosen.api.kernel.rows.Page;
import com.chosen.api.kernel.rows.PageRequest;
import com.chosen.api.kernel.request.Patch;
import com.chosen.api.kernel.rows.Responses;
import com.chosen.api.kernel.security.Roles;
import com.chosen.api.kernel.security.SessionCheck;
import com.chosen.api.kernel.rows.Rows;
import com.chosen.api.user.AccountMails.PasswordChange;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "The caller's account; user and role administration for admins")
public class UserResource {

    private static final String CURRENT_PASSWORD = "current_password";

    @Inject
    Caller caller;

    @Inject
    PasswordHasher passwordHasher;

    @Inject
    SessionCheck sessionCheck;

    @Inject
    PasswordCheck passwordCheck;

    @Inject
    AccountMails mails;

    @GET
    @Path("/me")
    @Authenticated
    @Operation(operationId = "getCurrentUser", summary = "The caller's account",
            description = "The account the token names, with the roles it holds now.")
    @APIResponse(responseCode = "200", description = "The caller's account")
    public Uni<UserResponse> me() {
        return Rows.find(User.class, caller.id(), User::findWithRoles).map(UserResponse::of);
    }

    @PUT
    @Path("/me")
    @Authenticated
    @Operation(operationId = "updateCurrentUser", summary = "Change the caller's name or password",
            description = "Partial update: absent fields stay unchanged; `full_name: null` clears the name. "
                    + "A new `password` needs `current_password`, the account's password now: without it, or with a "
                    + "wrong one, the answer is a 422 on `current_password` and nothing changes. A wrong one counts "
                    + "as a failed login of the account (429 with Retry-After past the limit, as for logins). "
                    + "A new password ends every session of the account, this one included: every token issued "
                    + "before is refused from then on (access and refresh tokens alike), so log in again; and a "
                    + "mail tells the owner that the password was changed.")
    @APIResponse(responseCode = "200", description = "The updated account")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Uni<UserResponse> updateMe(@Valid @NotNull ProfileChanges changes) {
        boolean newPassword = changes.password() != null;
        // hash first: the transaction, and its connection, last only while the row is written
        Uni<String> newHash = newPassword
                ? provenByCurrentPassword(changes.currentPassword())
                        .chain(() -> passwordHasher.hash(changes.password().orElseThrow()))
                : Uni.createFrom().nullItem();
        return newHash.chain(hash -> Panache.withTransaction(() -> Rows.update(User.class, caller.id(), null, user -> {
                    Patch.apply(changes.fullName(), name -> user.fullName = name);
                    if (newPassword) {
                        user.changePassword(hash);
                    }
                }).call(user -> Mutiny.fetch(user.roles))))
                .invoke(user -> {
                    if (newPassword) {
                        sessionCheck.sessionsEnded(user.id);
                        mails.passwordChanged(user, PasswordChange.BY_THE_OWNER);
                    }
                })
                .map(UserResponse::of);
    }

    /** The caller knows the password of the account the token names: a token alone is not the account. */
    private Uni<Void> provenByCurrentPassword(String currentPassword) {
        if (currentPassword == null) {
            return Uni.createFrom().failure(ProblemException.invalidField(CURRENT_PASSWORD,
                    "is required to set a new password"));
        }
        return Rows.find(User.class, caller.id())
                .chain(user -> passwordCheck.userWithPassword(user.email, currentPassword))
                .onItem().ifNull().failWith(() -> ProblemException.invalidField(CURRENT_PASSWORD,
                        "is not the account's password"))
                .replaceWithVoid();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listUsers", summary = "List users (admin)",
            description = "Ordered by id, with their roles. X-Total-Count counts all users.")
    @APIResponse(responseCode = "200", description = "One page of users",
            content = @Content(schema = @Schema(implementation = UserResponse[].class)))
    public Uni<Response> list(@BeanParam @Valid PageRequest page) {
        return Page.idsOf(User.class).window("id", page)
                .chain(ids -> ids.load(User::listWithRoles))
                .map(users -> Responses.list(users, UserResponse::of));
    }

    @PUT
    @Path("/{id}/roles")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "setUserRoles", summary = "Set a user's roles (admin)",
            description = "Replaces the user's roles with the ones named (at least one; see GET /api/v1/roles); an "
                    + "unknown name is a 422 on `roles`. Roles travel in the token, so this ends every session of "
                    + "the user: every token issued before is refused from then on, and the next login carries "
                    + "the new roles.")
    @APIResponse(responseCode = "200", description = "The user with the new roles",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    public Uni<UserResponse> replaceRoles(@PathParam("id") long id, @Valid @NotNull RoleAssignment assignment) {
        return Panache.withTransaction(() -> Role.<Role>listAll(Sort.by("id"))
                        .map(assignment::resolve)
                        .chain(roles -> Rows.update(User.class, id, null, user -> user.replaceRoles(roles))))
                // once committed, so that no request of this replica reads the sessions as they were
                .invoke(user -> sessionCheck.sessionsEnded(user.id))
                .map(UserResponse::of);
    }
}
