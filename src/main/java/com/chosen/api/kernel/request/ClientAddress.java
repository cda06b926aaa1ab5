package com.chosen.api.kernel.request;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The network address of the client of the current request: the socket's peer, unless the operator
 * names trusted proxies ({@code quarkus.http.proxy.*}), whose Forwarded / X-Forwarded-For header
 * Quarkus then reads in its place. Never parsed here: a header from anyone else must not count.
 */
@RequestScoped
public class ClientAddress {

    @Inject
    HttpServerRequest request;

    public String value() {
        SocketAddress peer = request.remoteAddress();
        return peer == null ? "unknown" : peer.hostAddress();
    }
}
