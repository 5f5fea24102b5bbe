package io.sentinel.alert.route;

import io.sentinel.alert.DeliveryOutcome;
import io.sentinel.alert.DeliveryOutcome.Delivered;
import io.sentinel.alert.DeliveryOutcome.Rejected;
import io.sentinel.alert.DeliveryOutcome.RetryLater;
import io.sentinel.alert.dispatch.RetryAfter;
import io.sentinel.http.HttpCallFailure;
import io.sentinel.secret.Redactor;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * What a channel route's answer means for the notification, as Slack's answers do for Slack: an HTTP status the
 * route leaves in {@code CamelHttpResponseCode} (or that camel-http threw) is read like a webhook's; a route that
 * ends without an exception and without a status took the notification; a failure to reach the service is
 * passing; any other exception is this message's refusal (it would fail the same way on every retry and hold the
 * channel's whole queue), so its content goes out over the other channels at once.
 */
final class RouteReplies {

    /** The service says the webhook, its key or its target is gone or forbidden: every message would fail. */
    private static final Set<Integer> CHANNEL_STATUSES = Set.of(401, 403, 404, 410);
    private static final Set<Integer> PASSING_STATUSES = Set.of(408, 425, 429);
    private static final int MAX_BODY_EXCERPT = 200;

    private RouteReplies() {
    }

    static DeliveryOutcome outcome(String endpoint, Exchange exchange) {
        Exception failure = exchange.getException();
        if (failure != null) {
            return failed(endpoint, failure);
        }
        Object status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE);
        if (status == null) {
            return new Delivered();
        }
        Integer code = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (code == null) {
            return new Rejected(endpoint + " left " + Exchange.HTTP_RESPONSE_CODE + " '" + status
                    + "', which is not an HTTP status", false);
        }
        Optional<String> retryAfter = Optional.ofNullable(exchange.getMessage().getHeader("Retry-After", String.class));
        return byStatus(endpoint, code, exchange.getMessage().getBody(String.class), retryAfter);
    }

    private static DeliveryOutcome failed(String endpoint, Exception failure) {
        Optional<ChannelBrokenException> broken = cause(failure, ChannelBrokenException.class);
        if (broken.isPresent()) {
            return new Rejected(endpoint + ": " + broken.get().getMessage(), true);
        }
        if (failure instanceof DirectConsumerNotAvailableException) {
            return new Rejected("no route reads " + endpoint + ": add one with from: " + endpoint + " in routes/", true);
        }
        if (failure instanceof HttpOperationFailedException refused) {
            Map<String, String> headers = refused.getResponseHeaders() == null ? Map.of() : refused.getResponseHeaders();
            Optional<String> retryAfter = headers.entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase("Retry-After")).map(Map.Entry::getValue).findFirst();
            return byStatus(endpoint, refused.getStatusCode(), refused.getResponseBody(), retryAfter);
        }
        Optional<HttpCallFailure> call = cause(failure, HttpCallFailure.class);
        if (call.isPresent()) {
            return new RetryLater(endpoint + " did not reach its service (" + call.get().failureClass() + "): "
                    + call.get().getMessage(), Optional.empty());
        }
        String reason = Redactor.global().describe(failure);
        if (isPassing(failure)) {
            return new RetryLater(endpoint + " did not reach its service: " + reason, Optional.empty());
        }
        return new Rejected(endpoint + " failed on this notification: " + reason, false);
    }

    static DeliveryOutcome byStatus(String endpoint, int status, String body, Optional<String> retryAfter) {
        String said = said(endpoint, status, body);
        if (status >= 200 && status < 300) {
            return new Delivered();
        }
        if (status == 429) {
            Duration wait = RetryAfter.of(retryAfter);
            return new RetryLater(said + ": rate limited, retry in " + wait.toSeconds() + "s", Optional.of(wait));
        }
        if (status >= 500 || PASSING_STATUSES.contains(status)) {
            return new RetryLater(said + ": a passing failure of the service", Optional.empty());
        }
        if (status >= 300 && status < 400) {
            return new Rejected(said + ": the webhook URL redirects; configure the URL the service gave", true);
        }
        if (CHANNEL_STATUSES.contains(status)) {
            return new Rejected(said + ": the webhook, its key or its target refused it", true);
        }
        if (status >= 400) {
            return new Rejected(said + ": the message was refused", false);
        }
        return new RetryLater(said + ": not a final answer", Optional.empty());
    }

    private static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    /** Not reaching the service says nothing about the message: a connection or a timeout somewhere in the cause. */
    private static boolean isPassing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException || cause instanceof TimeoutException || cause instanceof ExchangeTimedOutException) {
                return true;
            }
        }
        return false;
    }

    /** What the service answered, redacted before it is cut: an error page may quote the webhook URL. */
    private static String said(String endpoint, int status, String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        String excerpt = oneLine.isEmpty() ? "(empty body)" : Redactor.global().shorten(oneLine, MAX_BODY_EXCERPT);
        return endpoint + " answered " + status + " " + excerpt;
    }
}
