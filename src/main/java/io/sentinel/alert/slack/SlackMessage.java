package io.sentinel.alert.slack;

import static io.sentinel.alert.slack.SlackText.escape;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentinel.model.AlertStatus;
import io.sentinel.alert.Notification;
import io.sentinel.alert.NotificationContent;
import io.sentinel.alert.NotificationKind;
import io.sentinel.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The webhook payload for one notification: Block Kit {@code blocks} for people, and a one-line {@code text}
 * that Slack shows in notifications and on clients that cannot render blocks.
 *
 * <p>Blocks, in order: a header with the severity emoji and tagged title; the headline and reason; the facts
 * as fields; the runbook link and the note when there are any; the idempotency key in small print.
 *
 * @param text the fallback line
 * @param json the whole payload, ready to POST
 */
public record SlackMessage(String text, String json) {

    /** Only plain http(s) URLs become links: anything else could break out of Slack's {@code <…>} syntax. */
    private static final Pattern LINKABLE = Pattern.compile("https?://[^\\s<>|]+");

    public SlackMessage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(json, "json");
    }

    /**
     * @param notification what to say
     * @param now          the moment of rendering, for relative times ("12m ago")
     */
    public static SlackMessage render(Notification notification, Instant now) {
        NotificationContent content = NotificationContent.of(notification, now);
        String text = SlackText.truncate(escape(content.summary()), SlackText.FALLBACK_LIMIT);
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.put("text", text);
        ArrayNode blocks = payload.putArray("blocks");
        blocks.add(SlackBlocks.header(emoji(content) + " " + content.taggedTitle()));
        blocks.add(SlackBlocks.section(headlineAndReason(content)));
        blocks.add(SlackBlocks.fields(fields(content.facts())));
        content.runbook().ifPresent(link -> blocks.add(SlackBlocks.section(":book: *Runbook:* " + link(link))));
        if (!content.note().isEmpty()) {
            blocks.add(SlackBlocks.section(":memo: " + escape(content.note())));
        }
        blocks.add(SlackBlocks.context("Sentinel notification key: `" + escape(content.key()) + "`"));
        if (blocks.size() > SlackText.MAX_BLOCKS) {
            throw new IllegalStateException("a Slack message holds at most " + SlackText.MAX_BLOCKS + " blocks");
        }
        return new SlackMessage(text, Json.write(payload));
    }

    /** Colour by severity while something is wrong; green once it is over; a warning sign for a broken channel. */
    static String emoji(NotificationContent content) {
        if (content.kind() == NotificationKind.CHANNEL_BROKEN) {
            return ":warning:";
        }
        if (content.kind() == NotificationKind.ALERT && content.status() == AlertStatus.RESOLVED) {
            return ":large_green_circle:";
        }
        return switch (content.severity()) {
            case CRITICAL -> ":red_circle:";
            case HIGH -> ":large_orange_circle:";
            case MEDIUM -> ":large_yellow_circle:";
        };
    }

    private static String headlineAndReason(NotificationContent content) {
        String headline = "*" + escape(content.headline()) + "*";
        return content.reason().isBlank() ? headline : headline + "\n" + escape(content.reason());
    }

    private static List<String> fields(List<NotificationContent.Fact> facts) {
        return facts.stream().map(fact -> "*" + escape(fact.label()) + "*\n" + escape(fact.value())).toList();
    }

    private static String link(String url) {
        if (LINKABLE.matcher(url).matches() && url.length() <= SlackText.FIELD_LIMIT) {
            return "<" + escape(url) + ">";
        }
        return escape(url);
    }
}
