package com.chosen.api.kernel.rows;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code skip}/{@code limit} window of every list; use as {@code @BeanParam @Valid}. */
public class PageRequest {

    @QueryParam("skip")
    @DefaultValue("0")
    @Min(0)
    @Parameter(description = "Rows to skip (>= 0)")
    public int skip;

    @QueryParam("limit")
    @DefaultValue("100")
    @Min(1)
    @Max(100)
    @Parameter(description = "Rows to answer at most (1..100)")
    public int limit;
}
