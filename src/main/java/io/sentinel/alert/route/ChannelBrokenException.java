package io.sentinel.alert.route;

import io.sentinel.secret.Redactor;

/**
 * Thrown by a channel route that cannot deliver anything at all (no webhook URL set, a body template that names no
 * field): the notification is refused and its content sent over the other channels as "channel broken", instead
 * of retrying for a day. A YAML route throws it with {@code throwException: {exceptionType:
 * io.sentinel.alert.route.ChannelBrokenException, message: …}}.
 */
public final class ChannelBrokenException extends RuntimeException {

    public ChannelBrokenException(String message) {
        super(Redactor.global().redact(message));
    }
}
