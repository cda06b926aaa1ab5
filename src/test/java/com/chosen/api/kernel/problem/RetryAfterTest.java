package com.chosen.api.kernel.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/** Every 503 says when to retry; a cause that can compute a better wait says that one instead. */
class RetryAfterTest {

    @Test
    void every503CarriesRetryAfterAndOtherStatusesNone() {
        assertEquals(Map.of("Retry-After", "2"), Problem.headersFor(503));
        assertEquals(Map.of(), Problem.headersFor(500));
        assertEquals(Map.of(), Problem.headersFor(504));
        assertEquals(List.of("2"), Problem.of(503, "The database is unavailable; retry shortly").toResponse()
                .getStringHeaders().get("Retry-After"));
    }

    @Test
    void aWaitTheCauseComputedReplacesTheDefault() {
        Response answer = new ProblemMappers().problem(ProblemException.serviceUnavailable("Too many password checks", 7));
        assertEquals(List.of("7"), answer.getStringHeaders().get("Retry-After"));
    }
}
