package com.chosen.api.kernel.rows;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.chosen.api.kernel.problem.ProblemException;
import com.chosen.api.kernel.security.Caller;

import io.smallrye.mutiny.Uni;

/**
 * The one place that enforces "always check ownership": every owned table ({@link OwnedEntity})
 * reads, updates, deletes and lists through here. The owner and admins may act on a row; anyone
 * else gets 403. Lists are the caller's own unless an admin names another {@code user_id}.
 */
@ApplicationScoped
public class Ownership {

    @Inject
    Caller caller;

    public long callerId() {
        return caller.id();
    }

    public <E extends OwnedEntity> Uni<E> read(Class<E> type, long id) {
        return Rows.find(type, id).invoke(this::requireAccess);
    }

    public <E extends OwnedEntity> Uni<E> update(Class<E> type, long id, String ifMatch, Consumer<E> changes) {
        return Rows.update(type, id, ifMatch, this::requireAccess, changes);
    }

    public <E extends OwnedEntity> Uni<Void> delete(Class<E> type, long id, String ifMatch) {
        return Rows.delete(type, id, ifMatch, this::requireAccess);
    }

    /** Whose rows a list shows: the caller's, or, for an admin, those of the requested user. */
    public long listOwner(Long requestedUserId) {
        long me = caller.id();
        if (requestedUserId == null || requestedUserId == me) {
            return me;
        }
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Only an admin may list another user's rows");
        }
        return requestedUserId;
    }

    private void requireAccess(OwnedEntity row) {
        if (!row.userId.equals(caller.id()) && !caller.isAdmin()) {
            throw ProblemException.forbidden("This " + row.getClass().getSimpleName().toLowerCase()
                    + " belongs to another user");
        }
    }
}
