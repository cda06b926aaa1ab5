package com.chosen.api.kernel.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document: the body of every error answer. {@code members} are extension
 * members written beside the standard ones (RFC 9457, section 3.2), e.g. OAuth2's {@code error}.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details; `errors` lists each offending field. "
        + "A route may add extension members, which clients that do not know them ignore.")
public record Problem(
        @Schema(required = true, example = "about:blank") String type,
        @Schema(required = true, example = "Unprocessable Content") String title,
        @Schema(required = true, example = "422") int status,
        @Schema(required = true, example = "Request body is invalid") String detail,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors,
        @JsonIgnore @Schema(hidden = true) Map<String, Object> members) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String RETRY_AFTER = "Retry-After";
    // a 503 whose cause knows no better wait (the database away, or too slow to answer in time) still
    // says when to retry: soon; a client whose retry fails too backs off further on its own
    static final String SECONDS_BEFORE_RETRYING_A_503 = "2";

    /** One field that broke a rule; `field` is the JSON name (snake_case) or the parameter name. */
    @Schema(name = "FieldError")
    public record FieldError(@Schema(required = true, example = "duration_minutes") String field,
                             @Schema(required = true, example = "must be less than or equal to 1440") String message) {
    }

    // RFC 9110 titles, including the ones jakarta.ws.rs.core.Response.Status lacks
    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
            Map.entry(409, "Conflict"), Map.entry(412, "Precondition Failed"), Map.entry(413, "Content Too Large"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(422, "Unprocessable Content"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
            Map.entry(503, "Service Unavailable"));

    public static Problem of(int status, String detail, List<FieldError> errors) {
        return new Problem("about:blank", titleOf(status), status, detail, errors == null ? List.of() : errors, Map.of());
    }

    /** This problem with extension members added. */
    public Problem with(Map<String, Object> extensionMembers) {
        Map<String, Object> all = new LinkedHashMap<>(members);
        all.putAll(extensionMembers);
        return new Problem(type, title, status, detail, errors, all);
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return members;
    }

    /** The RFC 9110 reason phrase of a status, e.g. "Unprocessable Content". */
    public static String titleOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return TITLES.getOrDefault(status, known == null ? "Error" : known.getReasonPhrase());
    }

    public static Problem of(int status, String detail) {
        return of(status, detail, List.of());
    }

    /** 422: well-formed JSON that breaks the rules of the listed fields. */
    public static Problem invalidBody(List<FieldError> errors) {
        return of(422, "Request body is invalid", errors);
    }

    /** The headers an answer with this status carries besides its Content-Type: Retry-After on every 503. */
    public static Map<String, String> headersFor(int status) {
        return status == 503 ? Map.of(RETRY_AFTER, SECONDS_BEFORE_RETRYING_A_503) : Map.of();
    }

    public Response.ResponseBuilder toResponseBuilder() {
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(this);
        headersFor(status).forEach(response::header);
        return response;
    }

    public Response toResponse() {
        return toResponseBuilder().build();
    }
}
