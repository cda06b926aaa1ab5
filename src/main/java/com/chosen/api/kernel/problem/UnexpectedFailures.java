package com.chosen.api.kernel.problem;

import java.util.UUID;

import org.jboss.logging.Logger;

/** A failure nobody planned for: logged in full, answered as a 500 that says nothing internal. */
final class UnexpectedFailures {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailures.class);

    private UnexpectedFailures() {
    }

    /** Logs {@code failure} under a reference the client can quote, and answers the problem that names it. */
    static Problem report(Throwable failure) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected failure, reference %s", reference);
        return Problem.of(500, "Unexpected error; quote reference " + reference + " when reporting it");
    }
}
