package io.sentinel.alert.slack;

import io.sentinel.alert.DeliveryOutcome;
import io.sentinel.alert.DeliveryOutcome.Delivered;
import io.sentinel.alert.DeliveryOutcome.Rejected;
import io.sentinel.alert.DeliveryOutcome.RetryLater;
import io.sentinel.alert.dispatch.RetryAfter;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.secret.Redactor;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** What a webhook's answer means for the notification: delivered, worth another try, or refused for good. */
final class SlackReplies {

    /**
     * Every code Slack documents on these statuses names the webhook, its token or its channel, so an unknown
     * body on them most likely does too (or a proxy forbids the call), and it will fail again for every message.
     */
    private static final Set<Integer> CHANNEL_STATUSES = Set.of(401, 403, 404, 410);
    private static final int MAX_BODY_EXCERPT = 200;

    private SlackReplies() {
    }

    static DeliveryOutcome outcome(HttpResponseSnapshot response) {
        int status = response.status();
        String body = response.body().strip();
        if (status == 200 && body.equals("ok")) {
            return new Delivered();
        }
        if (status == 429) {
            Duration wait = RetryAfter.of(response.headers().first("Retry-After"));
            return new RetryLater(said(status, body) + ": rate limited, retry in " + wait.toSeconds() + "s", Optional.of(wait));
        }
        Optional<SlackError> known = SlackError.of(body);
        if (known.isPresent()) {
            return new Rejected(said(status, body) + ": " + known.get().meaning(), known.get().channelBroken());
        }
        if (status >= 500 || body.equals("rollup_error")) {
            return new RetryLater(said(status, body) + ": a Slack-side failure", Optional.empty());
        }
        if (status >= 300 && status < 400) {
            // The location is not shown: it may be another webhook URL.
            return new Rejected(said(status, body) + ": the webhook URL redirects; configure the URL Slack gave", true);
        }
        if (CHANNEL_STATUSES.contains(status)) {
            return new Rejected(said(status, body) + ": the webhook or its channel refused it", true);
        }
        if (status >= 400) {
            return new Rejected(said(status, body) + ": the message was refused", false);
        }
        // 200 without "ok": something in between (a proxy, a captive portal) or a Slack oddity answered. Nothing
        // blames the message, and a duplicate alert is far cheaper than a lost one, so try again.
        return new RetryLater(said(status, body) + " instead of ok", Optional.empty());
    }

    /**
     * What Slack answered, redacted before it is cut: an error page or proxy may quote the webhook URL, whose
     * path is the secret, and a cut made first would leave the start of it behind.
     */
    private static String said(int status, String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        String excerpt = oneLine.isEmpty() ? "(empty body)" : Redactor.global().shorten(oneLine, MAX_BODY_EXCERPT);
        return "Slack answered " + status + " " + excerpt;
    }
}
