package com.chosen.api.kernel.security;

/** Role names as they appear in the {@code roles} table and in the token's {@code groups} claim. */
public final class Roles {

    public static final String USER = "user";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
