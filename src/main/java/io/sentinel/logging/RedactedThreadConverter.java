package io.sentinel.logging;

import ch.qos.logback.classic.pattern.ThreadConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.sentinel.secret.Redactor;

/** {@code %redactedThread}: thread names with secrets masked (Camel names consumer threads after endpoint URIs). */
public final class RedactedThreadConverter extends ThreadConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Redactor.global().redact(super.convert(event));
    }
}
