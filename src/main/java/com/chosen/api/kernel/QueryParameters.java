package com.chosen.api.kernel;

/**
 * Marks a {@code @BeanParam} class of query parameters, so that its constraint violations answer
 * 400 (a malformed request line) rather than 422 (a body that breaks a field rule).
 */
public interface QueryParameters {
}
