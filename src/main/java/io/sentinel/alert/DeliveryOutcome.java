package io.sentinel.alert;

import io.sentinel.secret.Redactor;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What happened when a channel tried to deliver a notification. */
public sealed interface DeliveryOutcome {

    /** The channel took it (Slack answered {@code ok}, the SMTP server accepted it). */
    record Delivered() implements DeliveryOutcome {
    }

    /**
     * A passing failure (timeout, 5xx from Slack, SMTP 4xx, 429): try again later.
     *
     * @param reason    what went wrong, for the log and the outbox; redacted here, as it often quotes the server
     * @param notBefore the earliest retry the channel asked for (Slack's {@code Retry-After}), if any
     */
    record RetryLater(String reason, Optional<Duration> notBefore) implements DeliveryOutcome {
        public RetryLater {
            reason = Redactor.global().redact(Objects.requireNonNull(reason, "reason"));
            Objects.requireNonNull(notBefore, "notBefore");
        }
    }

    /**
     * The channel refused it for good: retrying cannot help.
     *
     * @param reason        what the channel said ({@code no_service}, {@code 550 5.1.1 user unknown}); redacted here
     * @param channelBroken true when the channel itself is unusable (deleted webhook, bad SMTP credentials),
     *                      not just this message
     */
    record Rejected(String reason, boolean channelBroken) implements DeliveryOutcome {
        public Rejected {
            reason = Redactor.global().redact(Objects.requireNonNull(reason, "reason"));
        }
    }
}
