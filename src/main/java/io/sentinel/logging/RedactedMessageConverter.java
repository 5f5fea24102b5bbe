package io.sentinel.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.sentinel.secret.Redactor;

/**
 * {@code %redactedMessage}: the log message with every secret masked. Secrets can reach log lines through
 * third-party code (an HTTP client echoing a URL, a JDBC driver quoting a connection string), so masking
 * happens here, at the last step, for every logger.
 */
public final class RedactedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Redactor.global().redact(super.convert(event));
    }
}
