package com.chosen.api.kernel.api;

import java.util.Locale;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.chosen.api.kernel.problem.Problem;

/**
 * A client generated from the document sends as {@code Accept} the media types the document lists
 * for the operation: {@code application/json} and {@code application/problem+json}, or only the
 * latter where success has no body (a 204). Every route answers such a request instead of a 406:
 * a client that accepts problem details accepts JSON, which they are.
 */
public class ProblemJsonAccept {

    @ServerRequestFilter(preMatching = true)
    public void acceptJsonWithProblemJson(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && accept.toLowerCase(Locale.ROOT).contains(Problem.MEDIA_TYPE)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept + ", " + MediaType.APPLICATION_JSON);
        }
    }
}
