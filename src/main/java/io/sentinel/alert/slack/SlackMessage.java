package io.sentinel.alert.slack;

import static io.sentinel.alert.slack.SlackText.escape;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentinel.model.AlertStatus;
import io.sentinel.alert.Notification;
import io.sentinel.alert.NotificationContent;
import io.sentinel.alert.NotificationKind;
import io.sentinel.config.Severity;
import io.sentinel.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * <p>Several notifications in one message ({@link #render(List, Instant)}) get a header counting them and one
 * entry each: its emoji and tagged title, its dependency and failure, the reason, note and runbook, and its key.
 *
 * @param text the fallback line
 * @param json the whole payload, ready to POST
 */
public record SlackMessage(String text, String json) {

    /** Only plain http(s) URLs become links: anything else could break out of Slack's {@code <…>} syntax. */
    private static final Pattern LINKABLE = Pattern.compile("https?://[^\\s<>|]+");
    /** An entry of a grouped message; three fit in one section, so fifty entries take at most 17 blocks. */
    private static final int ENTRY_LIMIT = 950;
    private static final int ENTRY_REASON_LIMIT = 400;
    private static final String ENTRY_SEPARATOR = "\n\n";

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

    /**
     * One message carrying every notification given, in the order given; a single notification renders exactly
     * as {@link #render(Notification, Instant)} does.
     */
    public static SlackMessage render(List<Notification> notifications, Instant now) {
        if (notifications.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one notification");
        }
        if (notifications.size() == 1) {
            return render(notifications.get(0), now);
        }
        List<NotificationContent> contents = notifications.stream().map(n -> NotificationContent.of(n, now)).toList();
        NotificationContent worst = contents.stream()
                .min(Comparator.comparing((NotificationContent content) -> isRecovery(content))
                        .thenComparing(NotificationContent::severity))
                .orElseThrow();
        Severity severity = contents.stream().map(NotificationContent::severity).min(Comparator.naturalOrder()).orElseThrow();
        String title = "[" + severity.name() + "] " + NotificationContent.count(contents);
        String text = SlackText.truncate(escape(title + ": " + String.join(", ",
                contents.stream().map(NotificationContent::taggedTitle).toList())), SlackText.FALLBACK_LIMIT);
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.put("text", text);
        ArrayNode blocks = payload.putArray("blocks");
        blocks.add(SlackBlocks.header(emoji(worst) + " " + title));
        for (String section : sections(contents.stream().map(SlackMessage::entry).toList())) {
            blocks.add(SlackBlocks.section(section));
        }
        blocks.add(SlackBlocks.context("Decided together, sent as one message. Each alert's Sentinel notification key"
                + " is under it."));
        if (blocks.size() > SlackText.MAX_BLOCKS) {
            throw new IllegalStateException("a Slack message holds at most " + SlackText.MAX_BLOCKS + " blocks");
        }
        return new SlackMessage(text, Json.write(payload));
    }

    /** One notification of a grouped message, within {@link #ENTRY_LIMIT} characters. */
    private static String entry(NotificationContent content) {
        StringBuilder entry = new StringBuilder(emoji(content)).append(" *").append(escape(content.taggedTitle())).append('*');
        List<String> context = new ArrayList<>();
        content.fact("Dependency").ifPresent(context::add);
        content.fact("Failure").ifPresent(context::add);
        if (!context.isEmpty()) {
            entry.append(" · ").append(escape(String.join(" · ", context)));
        }
        if (!content.reason().isBlank()) {
            entry.append('\n').append(SlackText.truncate(escape(content.reason()), ENTRY_REASON_LIMIT));
        }
        if (!content.note().isEmpty()) {
            entry.append("\n:memo: ").append(SlackText.truncate(escape(content.note()), ENTRY_REASON_LIMIT));
        }
        content.runbook().filter(link -> link.length() <= ENTRY_REASON_LIMIT)
                .ifPresent(link -> entry.append("\n:book: ").append(link(link)));
        String key = "\n`" + escape(content.key()) + "`";
        return SlackText.truncate(entry.toString(), ENTRY_LIMIT - key.length()) + key;
    }

    /** Entries packed into as few section texts as fit. */
    private static List<String> sections(List<String> entries) {
        List<String> sections = new ArrayList<>();
        StringBuilder section = new StringBuilder();
        for (String entry : entries) {
            if (section.length() > 0 && section.length() + ENTRY_SEPARATOR.length() + entry.length() > SlackText.SECTION_LIMIT) {
                sections.add(section.toString());
                section.setLength(0);
            }
            section.append(section.length() > 0 ? ENTRY_SEPARATOR : "").append(entry);
        }
        sections.add(section.toString());
        return sections;
    }

    private static boolean isRecovery(NotificationContent content) {
        return content.kind() == NotificationKind.ALERT && content.status() == AlertStatus.RESOLVED;
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
