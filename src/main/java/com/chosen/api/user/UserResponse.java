package com.chosen.api.user;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user as clients see it: never the password or its hash. */
@Schema(name = "User")
public record UserResponse(long id, String email, @Schema(nullable = true) String fullName,
                           @Schema(example = "[\"user\"]") List<String> roles,
                           Instant createdAt, Instant updatedAt) {

    public static UserResponse of(User user) {
        return new UserResponse(user.id, user.email, user.fullName, user.roleNames().stream().sorted().toList(),
                user.createdAt, user.updatedAt);
    }
}
