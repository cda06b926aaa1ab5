package com.chosen.api.kernel.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated user of the current request, as the token describes them. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    public long id() {
        return Long.parseLong(token.getSubject());
    }

    public boolean isAdmin() {
        return token.getGroups().contains(Roles.ADMIN);
    }
}
