package com.chosen.api.kernel.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import com.chosen.api.kernel.problem.Problem;

/**
 * Documents the error answers and the security of every operation, from one rule instead of
 * annotations on each method: 400 and 503 everywhere, 401/403 where a token is needed, 404 on routes with an id,
 * 413/415/422 where a JSON body is read, 412 where If-Match is honoured. Each refers to one of the
 * shared responses this filter declares, whose body is the {@link Problem} schema.
 */
public class ProblemResponsesFilter implements OASFilter {

    /** The shared error responses: name, then status and description. */
    private static final Map<String, String[]> SHARED = new LinkedHashMap<>();

    static {
        SHARED.put("BadRequest", new String[] { "400",
                "Malformed JSON, a value of the wrong JSON type, or a bad query or path parameter" });
        SHARED.put("Unauthorized", new String[] { "401",
                "No token, or an invalid, expired or foreign one (WWW-Authenticate: Bearer)" });
        SHARED.put("WrongCredentials", new String[] { "401",
                "Wrong email or password (the same answer for both)" });
        SHARED.put("Forbidden", new String[] { "403", "Not the owner of the row, or lacking the role" });
        SHARED.put("NotFound", new String[] { "404", "No such resource" });
        SHARED.put("Conflict", new String[] { "409", "A unique value is taken, or the delete would orphan rows" });
        SHARED.put("PreconditionFailed", new String[] { "412",
                "If-Match does not match the current ETag; nothing was changed" });
        SHARED.put("ContentTooLarge", new String[] { "413", "Body larger than the configured limit (64 KiB by default)" });
        SHARED.put("UnsupportedMediaType", new String[] { "415", "Body that is not application/json" });
        SHARED.put("UnprocessableContent", new String[] { "422",
                "Well-formed JSON that breaks a field rule; `errors` lists each field" });
        SHARED.put("TooManyRequests", new String[] { "429",
                "Too many failed logins for this email; retry after Retry-After seconds" });
        SHARED.put("ServiceUnavailable", new String[] { "503", "The database is unreachable; retry shortly" });
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        SHARED.forEach((name, response) -> openAPI.getComponents().addResponse(name, OASFactory.createAPIResponse()
                .description(response[1])
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))))));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                document(path, entry.getKey(), entry.getValue());
            }
        });
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        add(responses, "400", "BadRequest");
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            // Quarkus requires the bearer scheme on secured operations; the password flow gives the same token
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(ApiDefinition.PASSWORD));
            replace(responses, "401", "Unauthorized");
            replace(responses, "403", "Forbidden");
        }
        if (path.contains("{")) {
            add(responses, "404", "NotFound");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413", "ContentTooLarge");
            add(responses, "415", "UnsupportedMediaType");
            add(responses, "422", "UnprocessableContent");
        }
        if ((method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.DELETE) && path.contains("{")) {
            add(responses, "412", "PreconditionFailed");
        }
        add(responses, "503", "ServiceUnavailable");
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
