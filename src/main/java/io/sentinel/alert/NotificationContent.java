package io.sentinel.alert;

import io.sentinel.model.AlertStatus;
import io.sentinel.model.AlertEvent;
import io.sentinel.config.Durations;
import io.sentinel.config.Severity;
import io.sentinel.probe.Latencies;
import io.sentinel.secret.Redactor;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a notification says, before any channel formats it. Slack and email both render this, so a person
 * learns the same facts in the same order whichever channel reached them. Every text is redacted here.
 *
 * @param kind     alert, reminder or broken-channel warning
 * @param status   FIRING or RESOLVED
 * @param severity the filtering tag; {@link Severity#HIGH} for a broken channel, whatever alert it refused
 * @param mark     {@code RESOLVED} or {@code REMINDER} before the title, empty for a firing alert
 * @param title    {@code supabase-db DOWN}, or {@code Slack channel ops-slack broken}
 * @param headline one sentence saying what happened
 * @param reason   the detail: the event's reason, or for a broken channel the alert it could not deliver
 * @param facts    labelled values (check, dependency, state, failure, latency, since, incident …), in order
 * @param runbook  the runbook link, when the check has one
 * @param note     the notification's extra line, or empty
 * @param key      the idempotency key, shown so people can quote it and duplicates can be counted
 * @param summary  one line for previews and text-only clients
 */
public record NotificationContent(NotificationKind kind, AlertStatus status, Severity severity, Optional<String> mark,
                                  String title, String headline, String reason, List<Fact> facts,
                                  Optional<String> runbook, String note, String key, String summary) {

    /** One labelled value: {@code Latency: 10s}. */
    public record Fact(String label, String value) {
        public Fact {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    public NotificationContent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(mark, "mark");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(reason, "reason");
        facts = List.copyOf(facts);
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(summary, "summary");
    }

    /**
     * @param notification what to say
     * @param now          the moment of rendering, for "12m ago" and "for 2h so far"
     */
    public static NotificationContent of(Notification notification, Instant now) {
        Objects.requireNonNull(now, "now");
        AlertEvent event = notification.event();
        boolean broken = notification.kind() == NotificationKind.CHANNEL_BROKEN;
        return new NotificationContent(
                notification.kind(),
                event.status(),
                broken ? Severity.HIGH : event.severity(),
                mark(notification).map(NotificationContent::clean),
                clean(broken ? ChannelBrokenNote.title(notification.note()) : notification.title()),
                clean(headline(notification, now)),
                clean(broken ? "The alert it refused: " + event.summary() : event.reason()),
                facts(event, now),
                notification.runbook().filter(link -> !link.isBlank()).map(link -> clean(link.strip())),
                clean(broken ? "" : notification.note().strip()),
                clean(notification.key()),
                clean(oneLine(summary(notification))));
    }

    /** {@code [CRITICAL] REMINDER supabase-db DOWN}: the tags and title every channel leads with. */
    public String taggedTitle() {
        return "[" + severity.name() + "] " + mark.map(text -> text + " ").orElse("") + title;
    }

    /** The value of the fact with this label, when there is one. */
    public Optional<String> fact(String label) {
        return facts.stream().filter(fact -> fact.label().equals(label)).map(Fact::value).findFirst();
    }

    /**
     * What a message of several notifications holds, for its title: {@code 12 alerts firing}, or
     * {@code 4 alerts: 3 firing, 1 resolved}.
     */
    public static String count(List<NotificationContent> contents) {
        java.util.Map<String, Integer> kinds = new java.util.LinkedHashMap<>();
        for (NotificationContent content : contents) {
            String kind = switch (content.kind()) {
                case ALERT -> content.status() == AlertStatus.RESOLVED ? "resolved" : "firing";
                case REMINDER -> "reminders";
                case CHANNEL_BROKEN -> "channel warnings";
            };
            kinds.merge(kind, 1, Integer::sum);
        }
        if (kinds.size() == 1) {
            String kind = kinds.keySet().iterator().next();
            return contents.size() + (kind.equals("firing") || kind.equals("resolved") ? " alerts " + kind : " " + kind);
        }
        List<String> parts = new ArrayList<>();
        kinds.forEach((kind, number) -> parts.add(number + " " + kind));
        return contents.size() + " alerts: " + String.join(", ", parts);
    }

    /** The colour every channel that has one shows: green for a recovery, else by severity. */
    public String colour() {
        if (kind == NotificationKind.ALERT && status == AlertStatus.RESOLVED) {
            return "#2e7d32";
        }
        return switch (severity) {
            case CRITICAL -> "#b00020";
            case HIGH -> "#e65100";
            case MEDIUM -> "#b58900";
        };
    }

    private static Optional<String> mark(Notification notification) {
        return switch (notification.kind()) {
            case REMINDER -> Optional.of("REMINDER");
            case ALERT -> notification.event().status() == AlertStatus.RESOLVED ? Optional.of("RESOLVED") : Optional.empty();
            case CHANNEL_BROKEN -> Optional.empty();
        };
    }

    private static String headline(Notification notification, Instant now) {
        AlertEvent event = notification.event();
        String subject = event.subject();
        return switch (notification.kind()) {
            case CHANNEL_BROKEN -> notification.note().isBlank()
                    ? "An alert channel refused a message for good." : notification.note().strip();
            case REMINDER -> "Reminder: " + subject + " is still " + event.state()
                    + " (for " + elapsed(event.since(), now) + " so far).";
            case ALERT -> event.status() == AlertStatus.RESOLVED
                    ? subject + " is " + event.state() + " again: it was " + event.previousState()
                            + " for " + elapsed(event.since(), event.at()) + "."
                    : subject + " went " + event.state() + " (was " + event.previousState() + ").";
        };
    }

    private static List<Fact> facts(AlertEvent event, Instant now) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Severity", event.severity().label()));
        facts.add(new Fact("Check", event.isAboutConnectivity() ? "none: Sentinel's own network"
                : event.isAboutDependency() ? "none: the dependency's circuit breaker" : clean(event.checkId())));
        facts.add(new Fact("Dependency", clean(event.dependency())));
        facts.add(new Fact("State", event.state() + " (was " + event.previousState() + ")"));
        if (event.failureClass() != null) {
            facts.add(new Fact("Failure", event.failureClass().name()));
        }
        if (event.latency() != null) {
            facts.add(new Fact("Latency", Latencies.format(event.latency())));
        }
        if (event.status() == AlertStatus.RESOLVED) {
            facts.add(new Fact("Since", iso(event.since()) + " until " + iso(event.at())));
            facts.add(new Fact(event.previousState() + " for", elapsed(event.since(), event.at())));
        } else {
            facts.add(new Fact("Since", iso(event.since()) + " (" + elapsed(event.since(), now) + " ago)"));
        }
        facts.add(new Fact("Incident", clean(event.incidentId())));
        return facts;
    }

    private static String summary(Notification notification) {
        return switch (notification.kind()) {
            case ALERT -> notification.event().summary();
            case REMINDER -> "REMINDER " + notification.event().summary();
            case CHANNEL_BROKEN -> "[" + Severity.HIGH.label() + "] " + (notification.note().isBlank()
                    ? ChannelBrokenNote.title(notification.note()) : notification.note().strip());
        };
    }

    /** Whole seconds, and whole minutes past the first hour: nobody needs "2h13m7s" in an alert. */
    static String elapsed(Instant from, Instant to) {
        Duration duration = Duration.between(from, to);
        if (duration.isNegative()) {
            return Durations.format(Duration.ZERO);
        }
        Duration rounded = duration.truncatedTo(ChronoUnit.SECONDS);
        return Durations.format(rounded.toHours() >= 1 ? rounded.truncatedTo(ChronoUnit.MINUTES) : rounded);
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String clean(String text) {
        return Redactor.global().redact(text);
    }
}
