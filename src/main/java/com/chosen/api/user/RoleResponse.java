package com.chosen.api.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Role")
public record RoleResponse(long id, @Schema(example = "admin") String name,
                           @Schema(nullable = true) String description) {

    static RoleResponse of(Role role) {
        return new RoleResponse(role.id, role.name, role.description);
    }
}
