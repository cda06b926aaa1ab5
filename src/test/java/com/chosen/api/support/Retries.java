package com.chosen.api.support;

import java.time.Duration;
import java.util.function.Supplier;

import io.restassured.response.Response;

/** A client that retries a request sent with an Idempotency-Key, as the API tells it to. */
public final class Retries {

    private Retries() {
    }

    /** The answer once the request in flight under the same key has ended: 409 until then (at most 30 s). */
    public static Response untilNotInFlight(Supplier<Response> request) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Response answer = request.get();
        while (answer.statusCode() == 409 && System.nanoTime() < deadline) {
            Thread.sleep(Duration.ofSeconds(Long.parseLong(answer.header("Retry-After"))).toMillis());
            answer = request.get();
        }
        return answer;
    }
}
