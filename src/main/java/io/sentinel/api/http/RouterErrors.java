package io.sentinel.api.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.sentinel.secret.Redactor;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;

/**
 * JSON for every error the router answers itself: no route (404), a route for another method (405 with
 * {@code Allow}), an Accept header a route cannot satisfy (406), a body over the limit (413), a request
 * Vert.x could not decode (400), a failure while handling (500). Without these, Vert.x answers HTML or an empty body, and logs a stack trace for the
 * client's mistake.
 */
final class RouterErrors {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RouterErrors.class);

    private final AllowedMethods allowedMethods;
    private final long maxBodyBytes;

    RouterErrors(AllowedMethods allowedMethods, long maxBodyBytes) {
        this.allowedMethods = allowedMethods;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Vert.x looks error handlers up by status code and has no catch-all, and some failures reach the handler
     * without their status in the context; so there is one handler per status.
     */
    void installOn(Router router) {
        for (int status = 400; status < 600; status++) {
            int code = status;
            router.errorHandler(code, context -> answer(context, code));
        }
    }

    private void answer(RoutingContext context, int status) {
        HttpServerRequest request = context.request();
        if (status >= 500) {
            Throwable failure = context.failure();
            LOG.warn("API request {} {} failed: {}", request.method(), request.path(),
                    failure == null ? "status " + status : Redactor.global().describe(failure));
        } else {
            LOG.debug("Answered {} {} with {}", request.method(), request.path(), status);
        }
        if (status == 405) {
            // the path as routing saw it: /api/../api/status and //api//status are /api/status there
            Set<String> allowed = allowedMethods.of(context.normalizedPath());
            ErrorAnswers.send(request.response(), status, request.method().name() + " is not allowed here; "
                    + (allowed.isEmpty() ? "see GET / for the API" : "use " + String.join(", ", allowed)), allowed);
            return;
        }
        ErrorAnswers.send(request.response(), status, message(status), List.of());
    }

    private String message(int status) {
        return switch (status) {
            case 400 -> "the request is malformed: check the URL's %-escapes, the query string and the body";
            case 404 -> "nothing here; GET / lists the API";
            case 406 -> "this endpoint answers application/json only: accept it, or leave Accept out";
            case 413 -> "the body is larger than " + maxBodyBytes + " bytes";
            case 500 -> "the request failed; the daemon's log has the details";
            default -> HttpResponseStatus.valueOf(status).reasonPhrase();
        };
    }
}
