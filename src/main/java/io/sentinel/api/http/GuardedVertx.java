package io.sentinel.api.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.impl.VertxWrapper;
import io.vertx.ext.web.Router;

/**
 * The Vert.x instance camel-platform-http builds its HTTP server with (it takes the one bean of type Vertx in
 * the registry). Camel creates that server with default options, gives it its router and offers no hook
 * around either. The servers created here:
 * <ul>
 *   <li>answer requests the parser rejects (too long, not HTTP) in JSON ({@link InvalidRequests});</li>
 *   <li>pass every request through the {@link RequestGate} before the router;</li>
 *   <li>give the router JSON error handlers ({@link RouterErrors}).</li>
 * </ul>
 * {@link VertxWrapper} is the way Vert.x 4 documents for adapting an instance; the server subclass only
 * wraps the request handler Camel installs.
 */
final class GuardedVertx extends VertxWrapper {

    private final RouterErrors routerErrors;
    private final long maxBodyBytes;

    GuardedVertx(VertxInternal delegate, RouterErrors routerErrors, long maxBodyBytes) {
        super(delegate);
        this.routerErrors = routerErrors;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public HttpServer createHttpServer() {
        return createHttpServer(new HttpServerOptions());
    }

    @Override
    public HttpServer createHttpServer(HttpServerOptions options) {
        HttpServerOptions limited = new HttpServerOptions(options)
                .setMaxInitialLineLength(ApiHttpServer.MAX_REQUEST_LINE_BYTES)
                .setMaxHeaderSize(ApiHttpServer.MAX_HEADER_BYTES);
        HttpServer server = new HttpServerImpl(delegate, limited) {
            @Override
            public synchronized HttpServer requestHandler(Handler<HttpServerRequest> handler) {
                if (handler instanceof Router router) {
                    routerErrors.installOn(router);
                }
                return super.requestHandler(handler == null ? null : new RequestGate(handler, maxBodyBytes));
            }
        };
        return server.invalidRequestHandler(new InvalidRequests());
    }
}
