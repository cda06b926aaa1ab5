package com.chosen.api.user;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.chosen.api.kernel.rows.Page;
import com.chosen.api.kernel.rows.Responses;
import com.chosen.api.kernel.security.Roles;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/roles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class RoleResource {

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listRoles", summary = "List roles (admin)",
            description = "Every role a user can hold, ordered by id; PUT /api/v1/users/{id}/roles takes their names. "
                    + "Setting a user's roles ends their sessions; the next login carries the new ones. X-Total-Count counts them all.")
    @APIResponse(responseCode = "200", description = "All roles",
            content = @Content(schema = @Schema(implementation = RoleResponse[].class)))
    public Uni<Response> list() {
        return Role.<Role>listAll(Sort.by("id"))
                .map(roles -> Responses.list(new Page<>(roles, roles.size()), RoleResponse::of));
    }
}
