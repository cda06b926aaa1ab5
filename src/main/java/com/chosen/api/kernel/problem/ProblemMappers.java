package com.chosen.api.kernel.problem;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.chosen.api.kernel.problem.Problem.FieldError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every exception that reaches the REST layer, ours or the framework's, into an
 * application/problem+json answer. Nothing internal (stack trace, SQL, class name) is ever sent:
 * unexpected failures are logged with a reference the client can quote.
 */
public class ProblemMappers {


    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = e.problem().toResponseBuilder();
        // a header the cause names (a Retry-After it can compute) replaces the problem's default
        e.headers().forEach((name, value) -> response.header(name, null).header(name, value));
        return response.build();
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        List<FieldError> bodyErrors = new ArrayList<>();
        List<FieldError> parameterErrors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            if (RequestParts.hasKind(violation.getPropertyPath(), ElementKind.RETURN_VALUE)) {
                return unexpected(e);
            }
            if (RequestParts.isBodyField(violation)) {
                bodyErrors.add(new FieldError(RequestParts.bodyField(violation), violation.getMessage()));
            } else if (RequestParts.isBody(violation)) {
                return Problem.of(400, "A JSON request body is required").toResponse();
            } else {
                parameterErrors.add(new FieldError(RequestParts.parameterName(violation), violation.getMessage()));
            }
        }
        // a malformed query or path parameter is the client's request line, not its body: 400
        if (!parameterErrors.isEmpty()) {
            return Problem.of(400, "Query or path parameter is invalid", parameterErrors).toResponse();
        }
        return Problem.invalidBody(bodyErrors).toResponse();
    }

    // declared for the subclass too, so that it wins over Quarkus' built-in mapper of the same type
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof UnstorableTextException unstorable) {
            return Problem.invalidBody(List.of(new FieldError(jsonPath(unstorable.getPath()), unstorable.getOriginalMessage())))
                    .toResponse();
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = jsonPath(mismatch.getPath());
            String expected = mismatch.getTargetType() == null ? "another type"
                    : JsonTypes.describe(mismatch.getTargetType());
            return Problem.of(400, "Request body has a value of the wrong type",
                    List.of(new FieldError(field, "must be " + expected))).toResponse();
        }
        return Problem.of(400, "Request body is not valid JSON").toResponse();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response authenticationIncomplete(AuthenticationCompletionException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, "You do not have the role this operation needs").toResponse();
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        // JAX-RS answers 404 when a query or path parameter cannot be converted; the contract says 400
        if (e instanceof NotFoundException && e.getCause() != null) {
            return Problem.of(400, "Query or path parameter is malformed").toResponse();
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        if (status >= 500) {
            return unexpected(e);
        }
        Response.ResponseBuilder response = Problem.of(status, frameworkDetail(status)).toResponseBuilder();
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response anythingElse(Throwable e) {
        return DatabaseFailures.problemFor(e).map(Problem::toResponse).orElseGet(() -> unexpected(e));
    }

    private static Response unauthorized() {
        return Problem.of(401, "A valid bearer token is required").toResponseBuilder()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response unexpected(Throwable e) {
        return UnexpectedFailures.report(e).toResponse();
    }

    private static String frameworkDetail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed";
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "This resource answers application/json only";
            case 413 -> "Request body is larger than the configured limit";
            case 415 -> "Content-Type must be application/json";
            default -> Problem.titleOf(status);
        };
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
