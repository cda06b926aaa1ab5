package com.chosen.api.kernel.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import com.chosen.api.kernel.idempotency.Idempotency;
import com.chosen.api.kernel.problem.Deadline;
import com.chosen.api.kernel.problem.Problem;

/**
 * Documents what every operation shares, from rules instead of annotations on each method:
 * <ul>
 * <li>the error answers, each a shared response with the {@link Problem} body and an example of its
 * own: 400 and 503 everywhere, 504 on every write, 401/403 where a token is needed, 404 on routes with
 * an id, 413/415 where a body is read and 422 where it is JSON, 412 where If-Match is honoured, 409
 * and 422 for a key in use or reused where Idempotency-Key is honoured;</li>
 * <li>If-Match and Idempotency-Key, each described once, on every operation that takes it;</li>
 * <li>the headers of the answers: Location on a 201, X-Total-Count on a list, ETag on every answer
 * of a single row whose updates honour If-Match, WWW-Authenticate on a 401, Retry-After on a 429
 * and a 503 (and on the 409 of a key in use);</li>
 * <li>security: secured operations accept the bearer token or the OAuth2 password flow (the same
 * token, Swagger UI's Authorize), public ones say {@code security: []};</li>
 * <li>answers' schemas list every property as required: the service writes each field, {@code null}
 * included, of every answer (fields that may be null say so on their record).</li>
 * </ul>
 */
public class SharedAnswersFilter implements OASFilter {

    private static final String JSON = "application/json";
    static final String IF_MATCH = "If-Match";
    static final String IDEMPOTENCY_KEY = Idempotency.HEADER;
    static final String ETAG = "ETag";
    static final String LOCATION = "Location";
    static final String TOTAL_COUNT = "X-Total-Count";
    static final String RETRY_AFTER = Problem.RETRY_AFTER;
    static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    private record Shared(int status, String description, Problem example, String... headers) {
    }

    /** The shared error responses, by name. */
    private static final Map<String, Shared> SHARED = new LinkedHashMap<>();

    static {
        shared("BadRequest", 400, "Malformed JSON, a value of the wrong JSON type, or a bad query, path or header "
                + "parameter (an Idempotency-Key that is not 1 to 255 visible ASCII characters)",
                Problem.of(400, "Request body has a value of the wrong type",
                        List.of(new Problem.FieldError("duration_minutes", "must be an integer"))));
        shared("Unauthorized", 401, "No token, or an invalid, expired or foreign one",
                Problem.of(401, "A valid bearer token is required"), WWW_AUTHENTICATE);
        shared("WrongCredentials", 401, "Wrong email or password (the same answer for both)",
                Problem.of(401, "Email or password is wrong"), WWW_AUTHENTICATE);
        shared("Forbidden", 403, "Not the owner of the row, or lacking the role",
                Problem.of(403, "This workout belongs to another user"));
        shared("NotFound", 404, "No such resource", Problem.of(404, "Workout 7 does not exist"));
        shared("Conflict", 409, "A unique value is taken, or the delete would orphan rows",
                Problem.of(409, "Email ada@example.com is already registered"));
        shared("IdempotencyKeyInUse", 409, "The first request with this Idempotency-Key is still running; retry "
                + "after Retry-After seconds, with the same key, to get its answer",
                Problem.of(409, "A request with this Idempotency-Key is still in progress; retry it after Retry-After seconds"),
                RETRY_AFTER);
        shared("ConflictOrIdempotencyKeyInUse", 409, "A unique value is taken; or the first request with this "
                + "Idempotency-Key is still running (then with Retry-After: retry then, with the same key, to get its answer)",
                Problem.of(409, "A request with this Idempotency-Key is still in progress; retry it after Retry-After seconds"),
                RETRY_AFTER);
        shared("PreconditionFailed", 412, "If-Match does not match the current ETag; nothing was changed",
                Problem.of(412, "If-Match does not match the current version \"3\"; fetch the row again and retry"));
        shared("ContentTooLarge", 413, "Body larger than the configured limit (64 KiB by default)",
                Problem.of(413, "Request body is larger than the configured limit"));
        shared("UnsupportedMediaType", 415, "A body of another media type than the operation reads",
                Problem.of(415, "Content-Type must be application/json"));
        shared("UnprocessableContent", 422, "Well-formed JSON that breaks a field rule; `errors` lists each field",
                Problem.invalidBody(List.of(new Problem.FieldError("duration_minutes", "must be less than or equal to 1440"))));
        shared("UnprocessableContentOrIdempotencyKeyReused", 422, "Well-formed JSON that breaks a field rule; or an "
                + "Idempotency-Key sent before with another body or to another route. `errors` lists each field (the "
                + "header by its name)", Problem.of(422, "Idempotency-Key was used for another request", List.of(
                        new Problem.FieldError(IDEMPOTENCY_KEY, "was sent before with another body or to another route; "
                                + "send a new key for a new request"))));
        shared("TooManyRequests", 429, "Too many failed logins for this email; retry after Retry-After seconds",
                Problem.of(429, "Too many failed logins for this email; retry in 42 seconds"), RETRY_AFTER);
        shared("ServiceUnavailable", 503, "The database is unreachable or too slow, or too many passwords are being "
                + "checked at once; nothing was applied: retry after Retry-After seconds",
                Problem.of(503, "The database is unavailable; retry shortly"), RETRY_AFTER);
        shared("OutcomeUnknown", 504, "The database did not confirm the write in time: it may or may not have been "
                + "applied (a 503 means it was not). Retry with the same Idempotency-Key where the operation takes one; "
                + "otherwise read before writing again", Deadline.outcomeUnknown());
    }

    private static void shared(String name, int status, String description, Problem example, String... headers) {
        SHARED.put(name, new Shared(status, description, example, headers));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        declareHeaders(components);
        components.addParameter(IF_MATCH, OASFactory.createParameter()
                .name(IF_MATCH).in(Parameter.In.HEADER)
                .description("The ETag of the row as you read it: the change applies only if nobody changed the row "
                        + "since (else 412, and nothing changes). Without it, the change applies to whatever the row "
                        + "is now.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .example("\"3\""));
        components.addParameter(IDEMPOTENCY_KEY, OASFactory.createParameter()
                .name(IDEMPOTENCY_KEY).in(Parameter.In.HEADER)
                .description("A key of your choosing (a new UUID) for this one request, sent again with each retry of "
                        + "it: the first answer is kept for 24 hours (`chosen.idempotency.retention`) under your account "
                        + "(or, to register, the email) and the key, and a retry gets it again, the same status, headers "
                        + "and body, without a second row. The same key with another body is a 422; a retry while the "
                        + "first request still runs is a 409 with Retry-After. Only a 201 is kept: after an error answer, "
                        + "a retry runs again. Without it, each request creates a row.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(255))
                .example("5f0c6a52-8a3e-4a53-9d44-2b2f3c1e7a10"));
        SHARED.forEach((name, shared) -> components.addResponse(name, problemResponse(shared)));
        passwordFlowHasNoScopes(components);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, PathItem> paths = openAPI.getPaths().getPathItems();
        Set<String> versionedRows = new HashSet<>();
        paths.forEach((path, item) -> {
            if (item.getPUT() != null && takes(item.getPUT(), IF_MATCH)) {
                versionedRows.add(path);
            }
        });
        Set<String> answerSchemas = new HashSet<>();
        paths.forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            boolean versioned = versionedRows.contains(path.endsWith("}") ? path : path + "/{id}");
            item.getOperations().forEach((method, operation) -> {
                document(path, method, operation, versioned);
                collectAnswerSchemas(operation, answerSchemas);
            });
        });
        requireEveryProperty(components, answerSchemas);
    }

    private static void declareHeaders(Components components) {
        components.addHeader(ETAG, header("The row's version (a strong entity tag); send it as If-Match to change the row",
                Schema.SchemaType.STRING).example("\"3\""));
        components.addHeader(LOCATION, header("The URL of the new resource", Schema.SchemaType.STRING)
                .example("/api/v1/workouts/7"));
        components.addHeader(TOTAL_COUNT, header("How many rows match, ignoring `skip` and `limit`",
                Schema.SchemaType.INTEGER).example(42));
        components.addHeader(RETRY_AFTER, header("Seconds to wait before trying again (always on a 429 and a 503, and on "
                + "the 409 of an Idempotency-Key in use)", Schema.SchemaType.INTEGER).required(false).example(42));
        components.addHeader(WWW_AUTHENTICATE, header("The scheme to authenticate with", Schema.SchemaType.STRING)
                .example("Bearer"));
    }

    private static Header header(String description, Schema.SchemaType type) {
        return OASFactory.createHeader().description(description).required(true)
                .schema(OASFactory.createSchema().addType(type));
    }

    private static APIResponse problemResponse(Shared shared) {
        APIResponse response = OASFactory.createAPIResponse()
                .description(shared.description())
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))
                        .example(exampleOf(shared.example()))));
        for (String name : shared.headers()) {
            response.addHeader(name, OASFactory.createHeader().ref(name));
        }
        return response;
    }

    /** The example as the JSON the service writes (no {@code errors} when there are none). */
    private static Map<String, Object> exampleOf(Problem problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", problem.type());
        json.put("title", problem.title());
        json.put("status", problem.status());
        json.put("detail", problem.detail());
        if (!problem.errors().isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            problem.errors().forEach(error -> errors.add(Map.of("field", error.field(), "message", error.message())));
            json.put("errors", errors);
        }
        return json;
    }

    /** OpenAPI requires the map, empty or not: the token grants no scopes. */
    private static void passwordFlowHasNoScopes(Components components) {
        SecurityScheme password = components.getSecuritySchemes() == null ? null
                : components.getSecuritySchemes().get(ApiDefinition.PASSWORD);
        if (password != null && password.getFlows() != null && password.getFlows().getPassword() != null) {
            OAuthFlow flow = password.getFlows().getPassword();
            if (flow.getScopes() == null) {
                flow.setScopes(new LinkedHashMap<>());
            }
        }
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation, boolean versioned) {
        APIResponses responses = operation.getResponses();
        add(responses, "400", "BadRequest");
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            // Quarkus requires the bearer scheme on secured operations; the password flow gives the same token
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(ApiDefinition.PASSWORD));
            replace(responses, "401", "Unauthorized");
            replace(responses, "403", "Forbidden");
        } else {
            operation.setSecurity(new ArrayList<>());
        }
        if (path.contains("{")) {
            add(responses, "404", "NotFound");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413", "ContentTooLarge");
            add(responses, "415", "UnsupportedMediaType");
            if (operation.getRequestBody().getContent().hasMediaType(JSON)) {
                add(responses, "422", "UnprocessableContent");
            }
        }
        if (takes(operation, IF_MATCH)) {
            useSharedParameter(operation, IF_MATCH);
            add(responses, "412", "PreconditionFailed");
        }
        if (takes(operation, IDEMPOTENCY_KEY)) {
            useSharedParameter(operation, IDEMPOTENCY_KEY);
            replace(responses, "409", responses.hasAPIResponse("409") ? "ConflictOrIdempotencyKeyInUse" : "IdempotencyKeyInUse");
            replace(responses, "422", "UnprocessableContentOrIdempotencyKeyReused");
        }
        add(responses, "503", "ServiceUnavailable");
        if (method != PathItem.HttpMethod.GET) {
            add(responses, "504", "OutcomeUnknown");
        }
        documentHeaders(method, responses, versioned);
    }

    private static void documentHeaders(PathItem.HttpMethod method, APIResponses responses, boolean versioned) {
        responses.getAPIResponses().forEach((status, response) -> {
            if (response.getRef() != null) {
                return;
            }
            if (status.equals("401")) {
                response.addHeader(WWW_AUTHENTICATE, OASFactory.createHeader().ref(WWW_AUTHENTICATE));
            } else if (status.equals("429") || status.equals("503")) {
                response.addHeader(RETRY_AFTER, OASFactory.createHeader().ref(RETRY_AFTER));
            }
            if (!status.startsWith("2")) {
                return;
            }
            if (status.equals("201")) {
                response.addHeader(LOCATION, OASFactory.createHeader().ref(LOCATION));
            }
            if (method == PathItem.HttpMethod.GET && isList(response)) {
                response.addHeader(TOTAL_COUNT, OASFactory.createHeader().ref(TOTAL_COUNT));
            } else if (versioned && !status.equals("204") && method != PathItem.HttpMethod.DELETE) {
                response.addHeader(ETAG, OASFactory.createHeader().ref(ETAG));
            }
        });
    }

    private static boolean isList(APIResponse response) {
        return response.getContent() != null && response.getContent().getMediaTypes().values().stream()
                .map(MediaType::getSchema)
                .anyMatch(schema -> schema != null && schema.getType() != null
                        && schema.getType().contains(Schema.SchemaType.ARRAY));
    }

    private static boolean takes(Operation operation, String header) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> isHeader(parameter, header));
    }

    private static boolean isHeader(Parameter parameter, String header) {
        return header.equalsIgnoreCase(parameter.getName()) && parameter.getIn() == Parameter.In.HEADER;
    }

    /** The header parameter as the shared component describes it, once for every operation. */
    private static void useSharedParameter(Operation operation, String header) {
        List<Parameter> parameters = new ArrayList<>(operation.getParameters());
        parameters.replaceAll(parameter -> isHeader(parameter, header) ? OASFactory.createParameter().ref(header) : parameter);
        operation.setParameters(parameters);
    }

    /** The names of the component schemas a successful answer of {@code operation} uses. */
    private static void collectAnswerSchemas(Operation operation, Set<String> names) {
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2") && response.getContent() != null) {
                response.getContent().getMediaTypes().values().forEach(media -> collectRefs(media.getSchema(), names));
            }
        });
    }

    private static void collectRefs(Schema schema, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            names.add(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
        }
        if (schema.getItems() != null) {
            collectRefs(schema.getItems(), names);
        }
        if (schema.getAnyOf() != null) {
            schema.getAnyOf().forEach(option -> collectRefs(option, names));
        }
    }

    /** Every property of an answer's schema (and of the schemas inside it) is required. */
    private static void requireEveryProperty(Components components, Set<String> answerSchemas) {
        List<String> pending = new ArrayList<>(answerSchemas);
        Set<String> done = new HashSet<>();
        while (!pending.isEmpty()) {
            String name = pending.remove(pending.size() - 1);
            Schema schema = components.getSchemas() == null ? null : components.getSchemas().get(name);
            if (!done.add(name) || schema == null || schema.getProperties() == null) {
                continue;
            }
            schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            Set<String> inner = new HashSet<>();
            schema.getProperties().values().forEach(property -> collectRefs(property, inner));
            pending.addAll(inner);
        }
    }

    private static void replace(APIResponses responses, String status, String sharedResponse) {
        responses.removeAPIResponse(status);
        add(responses, status, sharedResponse);
    }

    private static void add(APIResponses responses, String status, String sharedResponse) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(sharedResponse));
        }
    }
}
