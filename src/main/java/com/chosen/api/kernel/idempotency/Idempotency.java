package com.chosen.api.kernel.idempotency;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

import com.chosen.api.kernel.problem.Deadline;
import com.chosen.api.kernel.problem.Problem;
import com.chosen.api.kernel.problem.ProblemException;
import com.chosen.api.kernel.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The one way a POST that creates a row honours {@value #HEADER} (IETF
 * draft-ietf-httpapi-idempotency-key-header): the first answer is kept for
 * {@code chosen.idempotency.retention} under the caller and the key, and a retry of the same request
 * gets that answer again instead of writing again. In one transaction, on one connection:
 * <ol>
 * <li>a transaction-scoped advisory lock on the key, taken without waiting: a request whose key is
 * still held by a request in flight is a 409 with Retry-After at once;</li>
 * <li>the answer kept under the key, if there is one: the same request gets it again, another request
 * (another body or route) is a 422;</li>
 * <li>otherwise the write, then its answer kept, committed together: a crash cannot leave a row
 * without its answer or an answer without its row, and an error answer (nothing committed) is not
 * kept, so a retry runs again.</li>
 * </ol>
 * The transaction commits only while the request is still waiting for its answer ({@link Deadline}),
 * so a retry after a 503 finds nothing written. A request without the header runs {@code write} as
 * before, with nothing added.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    // the retry comes after the request in flight ends, which is within the request timeout
    private static final long RETRY_AFTER_SECONDS = 1;
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    @ConfigProperty(name = "chosen.idempotency.retention")
    Duration retention;

    @Inject
    Caller caller;

    @Inject
    RoutingContext routing;

    @Inject
    ObjectMapper json;

    /** The answer of {@code write} (a 201), once per key of the caller. */
    public Uni<Response> create(String key, Object body, Supplier<Uni<Response>> write) {
        return key == null ? write.get() : once(key, "user " + caller.id(), body, write);
    }

    /**
     * The same for a caller without an account yet, whose {@code scope} (the email a registration
     * claims) keeps one client's keys apart from another's; only a retry of the same body (its
     * password included) gets the answer kept.
     */
    public Uni<Response> createAnonymously(String key, String scope, Object body, Supplier<Uni<Response>> write) {
        return key == null ? write.get() : once(key, "anonymous " + scope, body, write);
    }

    private Uni<Response> once(String key, String scope, Object body, Supplier<Uni<Response>> write) {
        Deadline deadline = Deadline.of(routing);
        String method = routing.request().method().name();
        String path = routing.request().path();
        return Uni.createFrom().item(() -> IdempotentRequest.of(key, scope, method, path, toJson(body)))
                .chain(request -> deadline.transaction(() -> Panache.getSession().chain(session -> lock(session, request)
                        .chain(() -> kept(session, request))
                        .chain(kept -> kept != null ? Uni.createFrom().item(kept)
                                : write.get().map(this::storable).call(answer -> keep(session, request, answer))))))
                .map(StoredAnswer::toResponse);
    }

    private static Uni<Void> lock(Mutiny.Session session, IdempotentRequest request) {
        return session.createNativeQuery("select pg_try_advisory_xact_lock(:lock)", Boolean.class)
                .setParameter("lock", request.lockId())
                .getSingleResult()
                .invoke(locked -> {
                    if (!locked) {
                        throw ProblemException.conflict("A request with this Idempotency-Key is still in progress; "
                                + "retry it after Retry-After seconds", RETRY_AFTER_SECONDS);
                    }
                })
                .replaceWithVoid();
    }

    /** The answer kept under the key for this very request, null when there is none (or it expired). */
    private Uni<StoredAnswer> kept(Mutiny.Session session, IdempotentRequest request) {
        return session.createNativeQuery("select fingerprint = :fingerprint, status, headers, body "
                        + "from idempotency_keys where key_digest = :key and expires_at > now()", Object[].class)
                .setParameter("fingerprint", request.fingerprint())
                .setParameter("key", request.keyDigest())
                .getSingleResultOrNull()
                .map(row -> {
                    if (row == null) {
                        return null;
                    }
                    if (!(Boolean) row[0]) {
                        throw new ProblemException(Problem.of(422, "Idempotency-Key was used for another request",
                                List.of(new Problem.FieldError(HEADER, "was sent before with another body or to another "
                                        + "route; send a new key for a new request"))), Map.of());
                    }
                    return new StoredAnswer(((Number) row[1]).intValue(), fromJson((String) row[2]), (String) row[3]);
                });
    }

    // an expired answer not yet removed (see ExpiredRows) gives way to the new one
    private Uni<Void> keep(Mutiny.Session session, IdempotentRequest request, StoredAnswer answer) {
        return session.createNativeQuery("insert into idempotency_keys (key_digest, fingerprint, status, headers, body, expires_at) "
                        + "values (:key, :fingerprint, :status, :headers, :body, now() + make_interval(secs => :retention)) "
                        + "on conflict (key_digest) do update set fingerprint = excluded.fingerprint, status = excluded.status, "
                        + "headers = excluded.headers, body = excluded.body, expires_at = excluded.expires_at")
                .setParameter("key", request.keyDigest())
                .setParameter("fingerprint", request.fingerprint())
                .setParameter("status", (short) answer.status())
                .setParameter("headers", toJson(answer.headers()))
                .setParameter("body", answer.body())
                .setParameter("retention", (double) retention.toSeconds())
                .executeUpdate()
                .replaceWithVoid();
    }

    /** The resource's answer as it is kept, and sent: its body written as JSON once, here. */
    private StoredAnswer storable(Response response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                headers.put(name, String.join(", ", values));
            }
        });
        return new StoredAnswer(response.getStatus(), headers, toJson(response.getEntity()));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Every request and answer body is a JSON record", e);
        }
    }

    private Map<String, String> fromJson(String headers) {
        try {
            return json.readValue(headers, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("idempotency_keys.headers holds what toJson wrote", e);
        }
    }
}
