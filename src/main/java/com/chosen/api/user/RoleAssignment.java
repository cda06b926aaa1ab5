package com.chosen.api.user;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.chosen.api.kernel.problem.ProblemException;

/**
 * Body of {@code PUT /users/{id}/roles}: the complete set of roles the user holds afterwards. An
 * empty set is refused: it would not lock the account (its own routes need a login, not a role),
 * only leave one that is neither a user nor an admin. To take admin away, send {@code ["user"]}.
 */
@Schema(name = "RoleAssignment")
public record RoleAssignment(
        @NotEmpty(message = "must name at least one role")
        @Schema(description = "Role names from GET /api/v1/roles; at least one. Repeated names count once.",
                example = "[\"user\", \"admin\"]")
        List<@NotNull String> roles) {

    /** The named roles among the existing ones; a name that is not a role is a 422 on {@code roles}. */
    Set<Role> resolve(List<Role> existing) {
        Set<Role> chosen = new LinkedHashSet<>();
        for (String name : roles) {
            Role role = existing.stream().filter(candidate -> candidate.name.equals(name)).findFirst()
                    .orElseThrow(() -> ProblemException.invalidField("roles", "unknown role \"" + name
                            + "\"; the roles are: " + String.join(", ", existing.stream().map(r -> r.name).toList())));
            chosen.add(role);
        }
        return chosen;
    }
}
