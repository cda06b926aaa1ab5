package com.chosen.api.kernel.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string that cannot be stored exactly as sent: a NUL character (PostgreSQL's text types
 * refuse it) or an unpaired UTF-16 surrogate such as {@code "\ud800"} (no Unicode character, so
 * UTF-8 cannot carry it). Raised while the body is read, with the field's path; answered as a 422
 * on that field.
 */
public class UnstorableTextException extends MismatchedInputException {

    public UnstorableTextException(JsonParser parser, String message) {
        super(parser, message, String.class);
    }
}
