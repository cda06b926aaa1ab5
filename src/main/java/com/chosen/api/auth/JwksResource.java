package com.chosen.api.auth;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * The public keys of this service's access tokens, at the well-known address other services look
 * for a JWK Set. Cacheable for five minutes: the key rotation of docs/operating.md waits longer than
 * that between publishing a key and signing with it.
 */
@Path("/.well-known/jwks.json")
@Tag(name = "Keys", description = "The public keys that verify this service's access tokens")
public class JwksResource {

    static final String CACHE_CONTROL = "public, max-age=300";

    @Inject
    VerificationKeys keys;

    @GET
    @Produces({ MediaType.APPLICATION_JSON, "application/jwk-set+json" })
    @ResponseHeader(name = "Cache-Control", value = CACHE_CONTROL)
    @SecurityRequirementsSet
    @Operation(operationId = "getJwks", summary = "The public keys that verify access tokens (JWK Set)",
            description = "An RFC 7517 JWK Set of the RSA public keys this service accepts access tokens from: the "
                    + "key that signs new tokens and the keys still honoured during a rotation. A token's `kid` "
                    + "header names its key. No private member is ever published.")
    @APIResponse(responseCode = "200", description = "The JWK Set",
            headers = @Header(name = "Cache-Control", description = "How long the set may be cached",
                    schema = @Schema(type = SchemaType.STRING, example = CACHE_CONTROL)),
            content = @Content(schema = @Schema(type = SchemaType.OBJECT,
                    example = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"2026-12\",\"alg\":\"RS256\",\"use\":\"sig\","
                            + "\"n\":\"0vx7ago...\",\"e\":\"AQAB\"}]}")))
    public String jwks() {
        return keys.jwkSet();
    }
}
