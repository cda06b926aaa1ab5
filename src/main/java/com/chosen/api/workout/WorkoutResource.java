package com.chosen.api.workout;

import java.time.OffsetDateTime;

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
import com.chosen.api.kernel.rows.Ownership;
import com.chosen.api.kernel.rows.Page;
import com.chosen.api.kernel.rows.PageRequest;
import com.chosen.api.kernel.rows.Responses;
import com.chosen.api.kernel.rows.Rows;
import com.chosen.api.kernel.rows.Timestamps;

import io.quarkus.panache.common.Parameters;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/workouts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Workouts", description = "The caller's logged workouts; an admin may act on anyone's")
public class WorkoutResource {

    @Inject
    Ownership ownership;

    @Inject
    Idempotency idempotency;

    @POST
    @Operation(operationId = "createWorkout", summary = "Log a workout", description = "The caller owns it; `user_id` in the body is ignored.")
    @APIResponse(responseCode = "201", description = "The new workout, with Location and ETag",
            content = @Content(schema = @Schema(implementation = WorkoutResponse.class)))
    public Uni<Response> create(@Valid @NotNull NewWorkout body, @Context UriInfo uri,
                                @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.create(idempotencyKey, body, () -> Rows.create(body.toEntity(ownership.callerId()))
                .map(workout -> Responses.created(uri, WorkoutResponse.of(workout), workout)));
    }

    @GET
    @Operation(operationId = "listWorkouts", summary = "List workouts",
            description = "The caller's own (an admin may pass `user_id`), newest `workout_date` first, then "
                    + "highest id. `from`/`to` bound `workout_date`, both inclusive. X-Total-Count counts all matches.")
    @APIResponse(responseCode = "200", description = "One page of workouts",
            content = @Content(schema = @Schema(implementation = WorkoutResponse[].class)))
    public Uni<Response> list(@BeanParam @Valid PageRequest page,
                              @QueryParam("from") @Parameter(description = "ISO-8601 date-time with offset") OffsetDateTime from,
                              @QueryParam("to") @Parameter(description = "ISO-8601 date-time with offset") OffsetDateTime to,
                              @QueryParam("user_id") @Positive @Parameter(description = "Admins only: whose workouts") Long userId) {
        StringBuilder condition = new StringBuilder("userId = :owner");
        Parameters parameters = Parameters.with("owner", ownership.listOwner(userId));
        if (from != null) {
            condition.append(" and workoutDate >= :from");
            parameters.and("from", Timestamps.of(from));
        }
        if (to != null) {
            condition.append(" and workoutDate <= :to");
            parameters.and("to", Timestamps.of(to));
        }
        return Page.of(Workout.class).where(condition.toString(), parameters.map())
                .window("workoutDate desc, id desc", page)
                .map(found -> Responses.list(found, WorkoutResponse::of));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWorkout", summary = "One workout", description = "The owner's or, for an admin, anyone's; another user's is a 403.")
    @APIResponse(responseCode = "200", description = "The workout, with its ETag",
            content = @Content(schema = @Schema(implementation = WorkoutResponse.class)))
    public Uni<Response> get(@PathParam("id") long id) {
        return ownership.read(Workout.class, id).map(workout -> Responses.ok(WorkoutResponse.of(workout), workout));
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateWorkout", summary = "Change a workout",
            description = "Partial update: only the fields present change; `null` clears an optional field.")
    @APIResponse(responseCode = "200", description = "The updated workout, with its new ETag",
            content = @Content(schema = @Schema(implementation = WorkoutResponse.class)))
    public Uni<Response> update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull WorkoutChanges changes) {
        return ownership.update(Workout.class, id, ifMatch, changes::applyTo)
                .map(workout -> Responses.ok(WorkoutResponse.of(workout), workout));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWorkout", summary = "Delete a workout", description = "The owner's or, for an admin, anyone's; another user's is a 403.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Void> delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ownership.delete(Workout.class, id, ifMatch);
    }
}
