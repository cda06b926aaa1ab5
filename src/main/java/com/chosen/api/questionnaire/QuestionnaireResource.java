package com.chosen.api.questionnaire;

import java.util.Map;

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

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/questionnaires")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Questionnaires", description = "Onboarding answers; a user may answer again, so there can be many")
public class QuestionnaireResource {

    @Inject
    Ownership ownership;

    @Inject
    Idempotency idempotency;

    @POST
    @Operation(operationId = "createQuestionnaire", summary = "Answer the onboarding questionnaire",
            description = "The caller owns it; `user_id` in the body is ignored. `goal` and `experience_level` take "
                    + "one of the listed values; any other value is a 422 that names them.")
    @APIResponse(responseCode = "201", description = "The new questionnaire, with Location and ETag",
            content = @Content(schema = @Schema(implementation = QuestionnaireResponse.class)))
    public Uni<Response> create(@Valid @NotNull NewQuestionnaire body, @Context UriInfo uri,
                                @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.create(idempotencyKey, body, () -> Rows.create(body.toEntity(ownership.callerId()))
                .map(questionnaire -> Responses.created(uri, QuestionnaireResponse.of(questionnaire), questionnaire)));
    }

    @GET
    @Operation(operationId = "listQuestionnaires", summary = "List questionnaires",
            description = "The caller's own (an admin may pass `user_id`), newest first (`created_at`, then highest "
                    + "id). X-Total-Count counts all matches.")
    @APIResponse(responseCode = "200", description = "One page of questionnaires",
            content = @Content(schema = @Schema(implementation = QuestionnaireResponse[].class)))
    public Uni<Response> list(@BeanParam @Valid PageRequest page,
                              @QueryParam("user_id") @Positive
                              @Parameter(description = "Admins only: whose questionnaires") Long userId) {
        return Page.of(Questionnaire.class).where("userId = :owner", Map.of("owner", ownership.listOwner(userId)))
                .window("createdAt desc, id desc", page)
                .map(found -> Responses.list(found, QuestionnaireResponse::of));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getQuestionnaire", summary = "One questionnaire", description = "The owner's or, for an admin, anyone's; another user's is a 403.")
    @APIResponse(responseCode = "200", description = "The questionnaire, with its ETag",
            content = @Content(schema = @Schema(implementation = QuestionnaireResponse.class)))
    public Uni<Response> get(@PathParam("id") long id) {
        return ownership.read(Questionnaire.class, id)
                .map(questionnaire -> Responses.ok(QuestionnaireResponse.of(questionnaire), questionnaire));
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateQuestionnaire", summary = "Change a questionnaire",
            description = "Partial update: only the fields present change; `null` clears an optional field.")
    @APIResponse(responseCode = "200", description = "The updated questionnaire, with its new ETag",
            content = @Content(schema = @Schema(implementation = QuestionnaireResponse.class)))
    public Uni<Response> update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull QuestionnaireChanges changes) {
        return ownership.update(Questionnaire.class, id, ifMatch, changes::applyTo)
                .map(questionnaire -> Responses.ok(QuestionnaireResponse.of(questionnaire), questionnaire));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteQuestionnaire", summary = "Delete a questionnaire", description = "The owner's or, for an admin, anyone's; another user's is a 403.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Void> delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ownership.delete(Questionnaire.class, id, ifMatch);
    }
}
