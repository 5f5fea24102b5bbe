package io.sentinel.alert.slack;

import io.sentinel.alert.ChannelSender;
import io.sentinel.alert.DeliveryOutcome;
import io.sentinel.alert.DeliveryOutcome.Rejected;
import io.sentinel.alert.DeliveryOutcome.RetryLater;
import io.sentinel.alert.Notification;
import io.sentinel.config.SlackChannelConfig;
import io.sentinel.http.HttpCallFailure;
import io.sentinel.http.HttpCaller;
import io.sentinel.http.HttpMethod;
import io.sentinel.http.HttpRequestSpec;
import io.sentinel.secret.Redactor;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Posts notifications to a Slack incoming webhook.
 *
 * <p>The POST goes through the probes' {@link HttpCaller}: its deadline covers the whole exchange, body
 * included (the JDK client's request timeout stops counting once headers arrive), and its failures are
 * already classified and worded without the URL, which here is the secret.
 */
public final class SlackSender implements ChannelSender {

    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final String FIELD = "webhookUrl";

    private final SlackChannelConfig config;
    private final HttpCaller http;
    private final Clock clock;
    private final Duration deadline;

    public SlackSender(SlackChannelConfig config, HttpCaller http, Clock clock) {
        this(config, http, clock, DEFAULT_DEADLINE);
    }

    /**
     * @param http     the process's shared caller; this sender does not close it
     * @param deadline how long one POST may take, connecting included
     */
    public SlackSender(SlackChannelConfig config, HttpCaller http, Clock clock, Duration deadline) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, was " + deadline);
        }
    }

    @Override
    public String channelId() {
        return config.id();
    }

    /** One webhook post for every notification given. */
    @Override
    public DeliveryOutcome deliver(List<Notification> notifications) {
        if (!config.webhookUrl().isPresent()) {
            return new Rejected("no webhook URL: " + config.webhookUrl().howToSet(FIELD), true);
        }
        Optional<URI> webhook = webhook();
        if (webhook.isEmpty()) {
            return new Rejected("the webhook URL is not an http(s) URL: " + config.webhookUrl().howToSet(FIELD), true);
        }
        try {
            SlackMessage message = SlackMessage.render(notifications, clock.instant());
            HttpRequestSpec request = new HttpRequestSpec(HttpMethod.POST, webhook.get(),
                    Map.of("Content-Type", "application/json; charset=utf-8"), Optional.of(message.json()), false);
            return SlackReplies.outcome(http.call(request, CONNECT_TIMEOUT, deadline));
        } catch (HttpCallFailure failure) {
            return new RetryLater("Slack webhook not reached (" + failure.failureClass() + "): " + failure.getMessage(),
                    Optional.empty());
        } catch (RuntimeException unexpected) {
            // The contract is never to throw. A failure that is not the channel's (a rendering bug) would fail the
            // same way on every retry and, with channel-wide backoff, hold every later message behind it: this one
            // message is refused, and its content goes out over the other channels.
            return new Rejected("Slack could not send this alert: " + Redactor.global().describe(unexpected), false);
        }
    }

    /** The configured URL when it is an absolute http(s) URL; the parse error is dropped, as it quotes the URL. */
    private Optional<URI> webhook() {
        try {
            URI uri = new URI(config.webhookUrl().value().strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean usable = (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
            return usable ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }
}
