package com.chosen.api.catalog;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.chosen.api.kernel.idempotency.Idempotency;
import com.chosen.api.kernel.problem.DatabaseFailures;
import com.chosen.api.kernel.rows.Page;
import com.chosen.api.kernel.rows.PageRequest;
import com.chosen.api.kernel.problem.ProblemException;
import com.chosen.api.kernel.rows.Responses;
import com.chosen.api.kernel.security.Roles;
import com.chosen.api.kernel.rows.Rows;
import com.chosen.api.kernel.problem.UniqueValues;

import io.smallrye.mutiny.Uni;

/** The catalog's categories: anyone may read them, an admin may change them. */
@Path("/api/v1/categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Categories", description = "The catalog's categories: anyone reads them, admins write them")
public class CategoryResource {

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createCategory", summary = "Create a category",
            description = "Admins only. The name is unique regardless of case (else 409).")
    @APIResponse(responseCode = "201", description = "The new category, with Location and ETag",
            content = @Content(schema = @Schema(implementation = CategoryResponse.class)))
    public Uni<Response> create(@Valid @NotNull NewCategory body, @Context UriInfo uri,
                                @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.create(idempotencyKey, body, () -> UniqueValues
                .conflictAs(Rows.create(body.toEntity()), nameTaken(body.name()))
                .map(category -> Responses.created(uri, CategoryResponse.of(category), category)));
    }

    @GET
    @PermitAll
    @Operation(operationId = "listCategories", summary = "List categories",
            description = "Open to anyone. Ordered by name regardless of case, then id. X-Total-Count counts all.")
    @APIResponse(responseCode = "200", description = "One page of categories",
            content = @Content(schema = @Schema(implementation = CategoryResponse[].class)))
    public Uni<Response> list(@BeanParam @Valid PageRequest page) {
        return Page.of(Category.class).window("lower(name), id", page)
                .map(found -> Responses.list(found, CategoryResponse::of));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getCategory", summary = "One category", description = "Open to anyone.")
    @APIResponse(responseCode = "200", description = "The category, with its ETag",
            content = @Content(schema = @Schema(implementation = CategoryResponse.class)))
    public Uni<Response> get(@PathParam("id") long id) {
        return Rows.find(Category.class, id).map(category -> Responses.ok(CategoryResponse.of(category), category));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateCategory", summary = "Change a category",
            description = "Admins only. Partial update: only the fields present change; `description: null` clears it. "
                    + "The name stays unique regardless of case (else 409).")
    @APIResponse(responseCode = "200", description = "The updated category, with its new ETag",
            content = @Content(schema = @Schema(implementation = CategoryResponse.class)))
    public Uni<Response> update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull CategoryChanges changes) {
        String newName = changes.name() == null ? null : changes.name().orElse(null);
        return UniqueValues.conflictAs(Rows.update(Category.class, id, ifMatch, changes::applyTo), nameTaken(newName))
                .map(category -> Responses.ok(CategoryResponse.of(category), category));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteCategory", summary = "Delete a category",
            description = "Admins only. A category that still has cars is not deleted (409): move or delete its cars "
                    + "first.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Void> delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        // the foreign key from cars decides, so that a car added meanwhile cannot be orphaned
        return DatabaseFailures.refusalAs(Rows.delete(Category.class, id, ifMatch),
                DatabaseFailures.FOREIGN_KEY_VIOLATION,
                () -> ProblemException.conflict("Category " + id + " still has cars; move or delete them first"));
    }

    private static String nameTaken(String name) {
        return "A category named \"" + name + "\" already exists (names are unique regardless of case)";
    }
}
