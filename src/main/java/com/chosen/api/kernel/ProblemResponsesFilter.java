package com.chosen.api.kernel;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error answers and the security of every operation, from one rule instead of
 * annotations on each method: 400 and 503 everywhere, 401/403 where a token is needed, 404 on routes with an id,
 * 413/415/422 where a JSON body is read, 412 where If-Match is honoured. Each refers to a shared
 * response of {@link ApiDefinition} whose body is the {@link Problem} schema.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
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
