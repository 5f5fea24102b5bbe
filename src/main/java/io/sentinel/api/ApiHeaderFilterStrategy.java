package io.sentinel.api;

import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * Camel's HTTP header filter, except that {@code Cache-Control} may leave: the breaker API tells apps how long
 * they may cache its answer, and Camel's default drops that header from every response.
 */
public final class ApiHeaderFilterStrategy extends HttpHeaderFilterStrategy {

    @Override
    protected void initialize() {
        super.initialize();
        getOutFilter().remove("cache-control");
    }
}
