package io.sentinel.api.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

/**
 * Answers requests the HTTP parser gave up on (request line or headers over the limits, not HTTP at all) in
 * JSON, instead of Vert.x's empty 414/431/400. The parser cannot continue after such a request, so the
 * connection is closed after the answer, as Vert.x's own handler does.
 */
final class InvalidRequests implements Handler<HttpServerRequest> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InvalidRequests.class);

    @Override
    public void handle(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        int status;
        String message;
        if (cause instanceof TooLongHttpLineException) {
            status = 414;
            message = "the request line is longer than " + ApiHttpServer.MAX_REQUEST_LINE_BYTES + " bytes: shorten the URL";
        } else if (cause instanceof TooLongHttpHeaderException) {
            status = 431;
            message = "the request headers are larger than " + ApiHttpServer.MAX_HEADER_BYTES + " bytes";
        } else {
            status = 400;
            message = "the request is not valid HTTP/1.1";
        }
        LOG.debug("Refused an unparsable request with {}", status);
        ErrorAnswers.send(request.response(), status, message);
        request.response().close();
    }
}
