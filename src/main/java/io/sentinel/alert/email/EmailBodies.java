package io.sentinel.alert.email;

import io.sentinel.alert.NotificationContent;
import io.sentinel.alert.NotificationContent.Fact;
import java.util.List;
import java.util.regex.Pattern;

/** The text/plain and text/html bodies of an alert email: the same facts, in the same order, as Slack shows. */
final class EmailBodies {

    /** Only plain http(s) URLs become links; anything else is shown as text. */
    private static final Pattern LINKABLE = Pattern.compile("https?://[^\\s\"'<>]+");
    private static final String KEY_LABEL = "Sentinel notification key: ";

    private EmailBodies() {
    }

    static String plainText(NotificationContent content) {
        StringBuilder text = new StringBuilder();
        text.append(content.headline()).append('\n');
        if (!content.reason().isBlank()) {
            text.append(content.reason()).append('\n');
        }
        text.append('\n');
        int width = content.facts().stream().mapToInt(fact -> fact.label().length()).max().orElse(0) + 2;
        for (Fact fact : content.facts()) {
            text.append(pad(fact.label() + ":", width)).append(fact.value()).append('\n');
        }
        content.runbook().ifPresent(link -> text.append('\n').append("Runbook: ").append(link).append('\n'));
        if (!content.note().isEmpty()) {
            text.append('\n').append("Note: ").append(content.note()).append('\n');
        }
        // "-- " on its own line is the signature separator: mail clients fold away what follows.
        return text.append("\n-- \n").append(KEY_LABEL).append(content.key()).append('\n').toString();
    }

    /** Several notifications sent as one email: a line counting them, then each as its own email would say it. */
    static String plainText(List<NotificationContent> contents) {
        StringBuilder text = new StringBuilder(NotificationContent.count(contents)).append(", decided together:\n");
        for (int i = 0; i < contents.size(); i++) {
            text.append("\n=== ").append(i + 1).append(" of ").append(contents.size()).append(": ")
                    .append(contents.get(i).taggedTitle()).append(" ===\n\n").append(plainText(contents.get(i)));
        }
        return text.toString();
    }

    static String html(List<NotificationContent> contents) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><body style=\"font-family:sans-serif\">\n");
        html.append("<p>").append(escape(NotificationContent.count(contents))).append(", decided together:</p>\n");
        for (NotificationContent content : contents) {
            html.append("<hr>\n").append(fragment(content));
        }
        return html.append("</body></html>\n").toString();
    }

    static String html(NotificationContent content) {
        return "<!DOCTYPE html>\n<html><body style=\"font-family:sans-serif\">\n" + fragment(content)
                + "</body></html>\n";
    }

    private static String fragment(NotificationContent content) {
        StringBuilder html = new StringBuilder();
        html.append("<h2 style=\"color:").append(content.colour()).append("\">").append(escape(content.taggedTitle())).append("</h2>\n");
        html.append("<p><strong>").append(escape(content.headline())).append("</strong></p>\n");
        if (!content.reason().isBlank()) {
            html.append("<p>").append(lines(content.reason())).append("</p>\n");
        }
        html.append("<table cellpadding=\"4\">\n");
        for (Fact fact : content.facts()) {
            html.append("<tr><th align=\"left\">").append(escape(fact.label())).append("</th><td>")
                    .append(escape(fact.value())).append("</td></tr>\n");
        }
        html.append("</table>\n");
        content.runbook().ifPresent(link -> html.append("<p>Runbook: ").append(link(link)).append("</p>\n"));
        if (!content.note().isEmpty()) {
            html.append("<p>Note: ").append(lines(content.note())).append("</p>\n");
        }
        html.append("<p style=\"color:#777;font-size:small\">").append(KEY_LABEL)
                .append("<code>").append(escape(content.key())).append("</code></p>\n");
        return html.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String lines(String text) {
        return escape(text).replaceAll("\\R", "<br>\n");
    }

    private static String link(String url) {
        return LINKABLE.matcher(url).matches() ? "<a href=\"" + escape(url) + "\">" + escape(url) + "</a>" : escape(url);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
