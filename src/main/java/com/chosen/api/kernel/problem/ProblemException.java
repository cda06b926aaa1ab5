package com.chosen.api.kernel.problem;

import java.util.List;
import java.util.Map;

import com.chosen.api.kernel.problem.Problem.FieldError;

/**
 * An error the application raises on purpose; {@link ProblemMappers} turns it into a problem+json
 * answer with the given status, detail, field errors and headers.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Problem problem, Map<String, String> headers) {
        // no stack trace: these are expected outcomes, not bugs
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = headers;
    }

    public ProblemException(int status, String detail) {
        this(Problem.of(status, detail), Map.of());
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, detail), Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, detail);
    }

    /** 409 for a moment: the same request may succeed after {@code retryAfterSeconds}. */
    public static ProblemException conflict(String detail, long retryAfterSeconds) {
        return retryLater(409, detail, retryAfterSeconds);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, detail);
    }

    /** 422 for one field: the same shape Bean Validation failures produce. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(Problem.invalidBody(List.of(new FieldError(field, message))), Map.of());
    }

    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return retryLater(429, detail, retryAfterSeconds);
    }

    /** 503 for a moment of overload: the client may retry after {@code retryAfterSeconds}. */
    public static ProblemException serviceUnavailable(String detail, long retryAfterSeconds) {
        return retryLater(503, detail, retryAfterSeconds);
    }

    private static ProblemException retryLater(int status, String detail, long retryAfterSeconds) {
        return new ProblemException(Problem.of(status, detail),
                Map.of(Problem.RETRY_AFTER, Long.toString(Math.max(1, retryAfterSeconds))));
    }
}
