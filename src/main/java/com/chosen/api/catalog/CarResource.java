package com.chosen.api.catalog;

import java.util.function.Supplier;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * The catalog's cars: anyone may read them, an admin may change them. Every answer embeds the car's
 * category, fetched in the same query as the car.
 */
@Path("/api/v1/cars")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cars", description = "The catalog's cars, each with its category: anyone reads them, admins write them")
public class CarResource {

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createCar", summary = "Create a car",
            description = "Admins only. `category_id`, when given, must name a category (else 422).")
    @APIResponse(responseCode = "201", description = "The new car, with Location and ETag",
            content = @Content(schema = @Schema(implementation = CarResponse.class)))
    public Uni<Response> create(@Valid @NotNull NewCar body, @Context UriInfo uri,
                                @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.create(idempotencyKey, body, () -> {
            Uni<Car> created = body.category().chain(category -> Rows.create(body.toEntity(category)));
            return withCategory(knownCategory(created, body::categoryId))
                    .map(car -> Responses.created(uri, CarResponse.of(car), car));
        });
    }

    @GET
    @PermitAll
    @Operation(operationId = "listCars", summary = "List cars",
            description = "Open to anyone. Ordered by id; `category_id` keeps the cars of one category. "
                    + "X-Total-Count counts all matches.")
    @APIResponse(responseCode = "200", description = "One page of cars",
            content = @Content(schema = @Schema(implementation = CarResponse[].class)))
    public Uni<Response> list(@BeanParam @Valid PageRequest page,
                              @QueryParam("category_id") @Positive
                              @Parameter(description = "Only the cars of this category") Long categoryId) {
        return Car.pageWithCategory(categoryId, page)
                .map(found -> Responses.list(found, CarResponse::of));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getCar", summary = "One car", description = "Open to anyone.")
    @APIResponse(responseCode = "200", description = "The car, with its ETag",
            content = @Content(schema = @Schema(implementation = CarResponse.class)))
    public Uni<Response> get(@PathParam("id") long id) {
        return Rows.find(Car.class, id, Car::findWithCategory)
                .map(car -> Responses.ok(CarResponse.of(car), car));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateCar", summary = "Change a car",
            description = "Admins only. Partial update: only the fields present change; `category_id: null` takes the "
                    + "car out of its category, and a `category_id` must name a category (else 422).")
    @APIResponse(responseCode = "200", description = "The updated car, with its new ETag",
            content = @Content(schema = @Schema(implementation = CarResponse.class)))
    public Uni<Response> update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull CarChanges changes) {
        Uni<Car> updated = changes.category()
                .chain(category -> Rows.update(Car.class, id, ifMatch, car -> changes.applyTo(car, category)));
        // only a body that names a category can be refused for it
        return withCategory(knownCategory(updated, () -> changes.categoryId().orElseThrow()))
                .map(car -> Responses.ok(CarResponse.of(car), car));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteCar", summary = "Delete a car", description = "Admins only.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Void> delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Rows.delete(Car.class, id, ifMatch);
    }

    /**
     * The foreign key checks that the category exists when the car is written, also when it is deleted
     * at the same moment; its refusal is the client's mistake in {@code category_id}.
     */
    private static Uni<Car> knownCategory(Uni<Car> write, Supplier<Long> categoryId) {
        return DatabaseFailures.refusalAs(write, DatabaseFailures.FOREIGN_KEY_VIOLATION,
                () -> ProblemException.invalidField("category_id", "category " + categoryId.get() + " does not exist"));
    }

    /** The written car with its category loaded (it may be a bare reference), so that a write answers what a GET would. */
    private static Uni<Car> withCategory(Uni<Car> write) {
        return write.call(car -> Mutiny.fetch(car.category));
    }
}
