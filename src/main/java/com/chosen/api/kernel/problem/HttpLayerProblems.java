package com.chosen.api.kernel.problem;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Problems answered by the HTTP layer itself, before a request reaches a resource, and failures
 * that escape the REST layer (problem+json instead of Quarkus' default error page):
 * <ul>
 * <li>413, a body over {@code quarkus.http.limits.max-body-size}: a declared Content-Length is
 * judged before the body is read; a body of unknown length (chunked) is read here with the same
 * limit, which fails the route with 413 (the REST layer would answer an empty 413, or a 500 for a
 * form);</li>
 * <li>400, a query string that parameter parsing would read past silently ({@link QueryStrings});</li>
 * <li>415, a body without a Content-Type, which the REST layer would take for whatever the method
 * consumes;</li>
 * <li>503, a request not answered within {@code chosen.http.request-timeout} when nothing it did can be
 * applied any more; 504 when that is not certain (see {@link Deadline}).</li>
 * </ul>
 */
@Singleton
public class HttpLayerProblems {

    private static final Logger LOG = Logger.getLogger(HttpLayerProblems.class);
    private static final String API = "/api/*";
    private static final String READING_BODY_OF_UNKNOWN_LENGTH = HttpLayerProblems.class.getName() + ".reading";
    private static final List<HttpMethod> WITH_BODY = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @ConfigProperty(name = "chosen.http.request-timeout")
    Duration requestTimeout;

    void install(@Observes Router router, ObjectMapper json) {
        Problem tooLarge = Problem.of(413, "Request body is larger than the limit of " + maxBodySize.asLongValue() + " bytes");
        Problem timedOut = Problem.of(503, "The request did not complete within " + requestTimeout.toSeconds()
                + " seconds (the database is slow or unreachable); retry shortly");
        BodyHandler bodyOfUnknownLength = BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue());
        int order = Integer.MIN_VALUE;
        router.route().order(order++).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOverLimit(length)) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                send(context, json, tooLarge);
            } else {
                context.next();
            }
        });
        // whatever a request waits for, its client is answered in time: the database's own timeouts
        // cover what it can answer or refuse, this covers a server that stops answering altogether
        router.route(API).order(order++).handler(context -> {
            Deadline deadline = Deadline.start(context);
            long timer = context.vertx().setTimer(requestTimeout.toMillis(),
                    passed -> context.fail(deadline.passWithNothingApplied() ? 503 : 504));
            context.addBodyEndHandler(ended -> context.vertx().cancelTimer(timer));
            context.next();
        });
        router.route(API).order(order++).handler(context -> QueryStrings.flawOf(context.request().query()).ifPresentOrElse(
                flaw -> send(context, json, Problem.of(400, "Query parameter is malformed", List.of(flaw))),
                context::next));
        router.route(API).order(order++).handler(context -> {
            HttpServerRequest request = context.request();
            if (request.getHeader(HttpHeaders.CONTENT_LENGTH) != null || !WITH_BODY.contains(request.method())) {
                context.next();
            } else {
                context.put(READING_BODY_OF_UNKNOWN_LENGTH, true);
                bodyOfUnknownLength.handle(context);
            }
        });
        router.route(API).order(order++).handler(context -> {
            if (hasBody(context) && context.request().getHeader(HttpHeaders.CONTENT_TYPE) == null) {
                send(context, json, Problem.of(415, "A request body needs a Content-Type; this API reads application/json"));
            } else {
                context.next();
            }
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.response().headWritten()) {
                // answered already (chosen.http.request-timeout): what the request did after that is no news
                LOG.debugf(context.failure(), "Failure after the request was answered");
                return;
            }
            int status = isTooLarge(context) ? 413 : context.statusCode() >= 400 ? context.statusCode() : 500;
            send(context, json, status == 503 && context.failure() == null ? timedOut
                    : status == 504 && context.failure() == null ? Deadline.outcomeUnknown()
                    : status >= 500 ? UnexpectedFailures.report(context.failure())
                    : status == 413 ? tooLarge : Problem.of(status, Problem.titleOf(status)));
        });
    }

    /**
     * A body read past the limit, whichever layer noticed it and however it said so; the form decoder
     * that reads a body of unknown length reports a form field over its limit as an I/O failure.
     */
    private boolean isTooLarge(RoutingContext context) {
        return context.request().bytesRead() > maxBodySize.asLongValue()
                || context.get(READING_BODY_OF_UNKNOWN_LENGTH) != null && context.failure() instanceof IOException;
    }

    /**
     * The last step before a resource method: a request the timeout answered while it was still on its
     * way (authenticated against a database that does not answer, say) goes no further, so that
     * nothing it would write happens after its 503.
     */
    @ServerRequestFilter(priority = Integer.MAX_VALUE)
    Response startResource(RoutingContext context) {
        return Deadline.of(context).startResource() ? null : Response.status(503).build();
    }

    private static boolean hasBody(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null ? !length.trim().equals("0") : context.body().length() > 0;
    }

    private static void send(RoutingContext context, ObjectMapper json, Problem problem) {
        if (context.response().headWritten()) {
            return;
        }
        try {
            Problem.headersFor(problem.status()).forEach(context.response()::putHeader);
            context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(500).end();
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
