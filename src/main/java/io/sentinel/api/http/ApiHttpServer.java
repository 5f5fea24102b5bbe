package io.sentinel.api.http;

import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.spi.CamelContextCustomizer;

/**
 * Shapes the HTTP server camel-platform-http-main starts for the API and /observe: size limits, and a JSON
 * answer for every request, including the ones Vert.x refuses before Camel sees them. Camel main applies
 * this customizer before it creates the server, which then picks up the Vert.x instance bound here.
 *
 * <p>Limits: the request line (method, URL, version) up to {@value #MAX_REQUEST_LINE_BYTES} bytes (414
 * beyond), all headers together up to {@value #MAX_HEADER_BYTES} bytes (431), a body up to
 * {@value #MAX_BODY_BYTES} bytes (413): the API's bodies are a reason or a silence, a few hundred bytes.
 */
public final class ApiHttpServer implements CamelContextCustomizer {

    public static final int MAX_REQUEST_LINE_BYTES = 4096;
    public static final int MAX_HEADER_BYTES = 8192;
    public static final long MAX_BODY_BYTES = 64 * 1024;

    static final String VERTX_BEAN = "sentinelVertx";

    @Override
    public void configure(CamelContext camelContext) {
        AllowedMethods allowedMethods = new AllowedMethods(
                () -> camelContext.getRegistry().findByType(VertxPlatformHttpRouter.class));
        RouterErrors routerErrors = new RouterErrors(allowedMethods, MAX_BODY_BYTES);
        // closed when the registry stops, which Camel does last, after the HTTP server
        camelContext.getRegistry().bind(VERTX_BEAN, Vertx.class,
                new GuardedVertx((VertxInternal) Vertx.vertx(), routerErrors, MAX_BODY_BYTES), null, "close");
    }
}
