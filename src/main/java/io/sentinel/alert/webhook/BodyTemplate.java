package io.sentinel.alert.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.sentinel.alert.route.ChannelBrokenException;
import io.sentinel.json.Json;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook's JSON body written by the operator: {@code ${field}} takes a field of the notification
 * ({@code ${summary}}, {@code ${severity}}, {@code ${incidentId}} …) and {@code ${env:NAME}} an environment
 * variable (a PagerDuty routing key). Both are JSON-escaped and go inside the template's quotes:
 * {@code {"text": "${summary}"}}. An empty template sends the whole notification as JSON.
 */
final class BodyTemplate {

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\$\\{(env:)?([A-Za-z_][A-Za-z0-9_]{0,127})(?::([^}]{0,1024}))?}");
    private static final JsonStringEncoder ESCAPE = JsonStringEncoder.getInstance();

    private BodyTemplate() {
    }

    /**
     * @param environment looks a variable up; each value used is registered as a secret by {@link EnvValues}
     * @throws ChannelBrokenException when the template names a field that does not exist, a variable that is not
     *                                set, or is not JSON once filled in: every notification would fail alike
     */
    static String render(String template, Map<String, Object> notification, EnvValues environment) {
        if (template == null || template.isBlank()) {
            return Json.write(notification);
        }
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder json = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(2);
            if (placeholder.group(1) == null && placeholder.group(3) != null) {
                throw new ChannelBrokenException("the body template has ${" + name + ":…}: only ${env:NAME:default} takes"
                        + " a default");
            }
            String value = placeholder.group(1) != null ? environment.require(name, placeholder.group(3))
                    : field(notification, name);
            placeholder.appendReplacement(json, Matcher.quoteReplacement(new String(ESCAPE.quoteAsString(value))));
        }
        placeholder.appendTail(json);
        String body = json.toString();
        try {
            Json.mapper().readTree(body);
        } catch (JsonProcessingException notJson) {
            throw new ChannelBrokenException("the body template is not JSON once filled in (" + notJson.getOriginalMessage()
                    + "): put each ${…} inside quotes and check the braces");
        }
        return body;
    }

    private static String field(Map<String, Object> notification, String name) {
        if (!notification.containsKey(name)) {
            throw new ChannelBrokenException("the body template names ${" + name + "}, which is not a field of the"
                    + " notification; the fields are " + String.join(", ", notification.keySet()));
        }
        Object value = notification.get(name);
        return value == null ? "" : value instanceof String text ? text : Json.write(value);
    }

    /** Environment variables named by a template or a parameter, registered as secrets the moment they are read. */
    interface EnvValues extends Function<String, String> {

        /** The variable, else the default written after it; neither is a channel that cannot work. */
        default String require(String name, String fallback) {
            String value = apply(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
            if (fallback != null) {
                return fallback;
            }
            throw new ChannelBrokenException("set the environment variable " + name);
        }
    }
}
