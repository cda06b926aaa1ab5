package com.chosen.api.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.chosen.api.kernel.problem.Problem;
import com.chosen.api.kernel.problem.ProblemException;

/**
 * The members OAuth2 (RFC 6749, section 5.2) gives a refused token request, added to its problem
 * details as extension members: OAuth2 clients, Swagger UI among them, show {@code error} and
 * {@code error_description}.
 */
@Schema(name = "OAuthProblem", allOf = Problem.class,
        description = "Problem details with OAuth2's error members (RFC 6749, section 5.2)")
record OAuthError(
        @Schema(required = true, enumeration = { "invalid_request", "invalid_grant", "unsupported_grant_type",
                "temporarily_unavailable" })
        String error,
        @Schema(required = true, example = "Email or password is wrong") String errorDescription) {

    static final String PASSWORD_GRANT = "password";

    static ProblemException unsupportedGrantType() {
        return new ProblemException(withMembers(Problem.of(400, "grant_type must be " + PASSWORD_GRANT),
                "unsupported_grant_type"), Map.of());
    }

    /** A refusal with OAuth2's members, unless it has them already; its status and headers stay. */
    static ProblemException added(Throwable refusal) {
        ProblemException problem = (ProblemException) refusal;
        if (problem.problem().members().containsKey("error")) {
            return problem;
        }
        int status = problem.problem().status();
        String error = status == 401 || status == 429 ? "invalid_grant"
                : status == 503 ? "temporarily_unavailable" : "invalid_request";
        return new ProblemException(withMembers(problem.problem(), error), problem.headers());
    }

    private static Problem withMembers(Problem problem, String error) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("error", error);
        members.put("error_description", problem.detail());
        return problem.with(members);
    }
}
