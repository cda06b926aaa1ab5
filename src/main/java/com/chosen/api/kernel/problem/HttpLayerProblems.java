package com.chosen.api.kernel.problem;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problems answered by the HTTP layer itself, outside the REST exception mappers: a body over
 * {@code quarkus.http.limits.max-body-size} (413, answered before the body is read; Vert.x would
 * send an empty 413), and any failure that escapes the REST layer (problem+json instead of
 * Quarkus' default error page).
 */
@Singleton
public class HttpLayerProblems {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router, ObjectMapper json) throws JsonProcessingException {
        String tooLarge = json.writeValueAsString(Problem.of(413,
                "Request body is larger than the limit of " + maxBodySize.asLongValue() + " bytes"));
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOverLimit(length)) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                send(context, 413, tooLarge);
            } else {
                context.next();
            }
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            int status = context.statusCode() >= 400 ? context.statusCode() : 500;
            Problem problem = status >= 500
                    ? UnexpectedFailures.report(context.failure())
                    : Problem.of(status, Problem.titleOf(status));
            try {
                send(context, status, json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                context.response().setStatusCode(500).end();
            }
        });
    }

    private static void send(RoutingContext context, int status, String problem) {
        if (!context.response().headWritten()) {
            context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(problem);
        }
    }

    private boolean isOverLimit(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodySize.asLongValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
