package io.sentinel.alert.webhook;

import io.sentinel.alert.route.ChannelBrokenException;
import io.sentinel.config.Durations;
import io.sentinel.http.HttpCallFailure;
import io.sentinel.http.HttpCaller;
import io.sentinel.http.HttpMethod;
import io.sentinel.http.HttpRequestSpec;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.secret.Redactor;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;

/**
 * What the {@code sentinel-webhook-channel-sink} Kamelet runs: posts a notification as JSON to a webhook (Teams,
 * PagerDuty Events v2, Discord, anything that takes JSON) through Sentinel's one HTTP client (hard deadline,
 * redirects not followed, failures classified without the URL), and leaves the answer as camel-http would: the
 * status in {@code CamelHttpResponseCode}, {@code Retry-After}, the body. The route channel reads that answer as it
 * reads Slack's.
 *
 * <p>{@code ${env:NAME}} in the URL, the auth value and the body template is read from the environment here, and
 * registered as a secret before it is used anywhere, so the webhook URL and keys never pass through Camel's
 * endpoint URIs, logs or this process's messages.
 */
public final class WebhookPoster {

    /** Exchange properties the Kamelet fills from its parameters. */
    public static final String URL = "sentinel.webhook.url";
    public static final String AUTH_HEADER = "sentinel.webhook.authHeader";
    public static final String AUTH_VALUE = "sentinel.webhook.authValue";
    public static final String BODY_TEMPLATE = "sentinel.webhook.bodyTemplate";
    public static final String TIMEOUT = "sentinel.webhook.timeout";

    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]{0,127})(?::([^}]{0,1024}))?}");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(1);

    private final HttpCaller http;
    private final BodyTemplate.EnvValues environment;

    /** @param environment looks environment variables up ({@code System::getenv} in the daemon) */
    public WebhookPoster(HttpCaller http, Function<String, String> environment) {
        this.http = Objects.requireNonNull(http, "http");
        Objects.requireNonNull(environment, "environment");
        this.environment = name -> {
            String value = environment.apply(name);
            Redactor.global().register(value);
            return value;
        };
    }

    public void post(Exchange exchange) throws HttpCallFailure {
        URI url = url(resolve(text(exchange, URL)));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        String authHeader = text(exchange, AUTH_HEADER).strip();
        String authValue = resolve(text(exchange, AUTH_VALUE));
        Redactor.global().register(authValue);
        if (!authHeader.isEmpty()) {
            if (!HEADER_NAME.matcher(authHeader).matches()) {
                throw new ChannelBrokenException("authHeader '" + authHeader + "' is not a header name");
            }
            headers.put(authHeader, authValue);
        }
        String body = BodyTemplate.render(text(exchange, BODY_TEMPLATE), notification(exchange), environment);
        HttpResponseSnapshot response = http.call(new HttpRequestSpec(HttpMethod.POST, url, headers, Optional.of(body), false),
                CONNECT_TIMEOUT, timeout(text(exchange, TIMEOUT)));
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        response.headers().first("Retry-After").ifPresent(wait -> exchange.getMessage().setHeader("Retry-After", wait));
        exchange.getMessage().setBody(response.body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> notification(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("sentinel-webhook-channel-sink takes the notification map a route channel"
                + " receives, got " + (body == null ? "nothing" : body.getClass().getName()));
    }

    /** Every {@code ${env:NAME}} ({@code ${env:NAME:default}}) replaced by its variable, registered as a secret first. */
    private String resolve(String text) {
        Matcher reference = ENV.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            reference.appendReplacement(resolved,
                    Matcher.quoteReplacement(environment.require(reference.group(1), reference.group(2))));
        }
        return reference.appendTail(resolved).toString();
    }

    private static URI url(String text) {
        if (text.isBlank()) {
            throw new ChannelBrokenException("no webhook URL: set the url parameter, e.g. ${env:TEAMS_WEBHOOK_URL}");
        }
        Redactor.global().register(text.strip());
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException malformed) {
            // the parse error quotes the URL, which is the secret
        }
        throw new ChannelBrokenException("the webhook URL is not an absolute http(s) URL");
    }

    private static Duration timeout(String text) {
        if (text.isBlank()) {
            return Duration.ofSeconds(10);
        }
        return Durations.parse(text).filter(value -> !value.isZero() && value.compareTo(LONGEST_TIMEOUT) <= 0)
                .orElseThrow(() -> new ChannelBrokenException("timeout '" + text + "' is not a duration from 1ms to "
                        + Durations.format(LONGEST_TIMEOUT)));
    }

    private static String text(Exchange exchange, String property) {
        String value = exchange.getProperty(property, String.class);
        return value == null ? "" : value;
    }
}
