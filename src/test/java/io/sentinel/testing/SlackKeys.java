package io.sentinel.testing;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The notification keys a Slack message carries: one for a message about one alert, one per alert for a
 * message that carries several sent together.
 */
public final class SlackKeys {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:@-]+/(?:FIRING|RESOLVED|REMINDER)[A-Z0-9-]*/ops-slack");

    private SlackKeys() {
    }

    /** Every key in the message body, in the order the message lists them. */
    public static List<String> in(String body) {
        return KEY.matcher(body).results().map(match -> match.group()).distinct().toList();
    }
}
