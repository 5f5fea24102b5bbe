package io.sentinel.probe.http;

import io.sentinel.http.HttpMethod;
import io.sentinel.config.CheckOptions;
import io.sentinel.config.ConfigSection;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.ProbeToolkit;
import io.sentinel.probe.condition.Condition;
import io.sentinel.probe.condition.ConditionSyntaxException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The {@code http} check kind: any URL, judged by its status or by Gatus-style conditions.
 *
 * <pre>
 * - id: api-health
 *   dependency: frontend
 *   kind: http
 *   method: GET
 *   url: https://app.example.com/api/health
 *   headers: {apikey: "${SUPABASE_ANON_KEY}"}
 *   conditions:
 *     - "[STATUS] == 200"
 *     - "[BODY].status == \"ok\""
 *   connectTimeout: 3s
 *   followRedirects: false
 * </pre>
 */
public final class HttpCheckKind implements ProbeKind {

    public static final String NAME = "http";
    private static final String URL_EXAMPLE = "https://api.example.com/health";
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Derived from the body by the client; a configured value would contradict it and fail every call. */
    private static final Set<String> COMPUTED_HEADERS = Set.of("content-length", "transfer-encoding");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckOptions readOptions(ConfigSection check) {
        HttpMethod method = check.choice("method", HttpMethod.class).orElse(HttpMethod.GET);
        Optional<URI> url = check.requiredText("url", URL_EXAMPLE).flatMap(text -> check.httpUrl("url"));
        Map<String, String> headers = check.textMap("headers");
        boolean headersValid = headersValid(check, headers);
        Optional<String> body = check.text("body");
        Optional<List<Condition>> conditions = conditions(check);
        Duration connectTimeout = check.durationAtLeast("connectTimeout", Duration.ofMillis(1),
                HttpCheckOptions.DEFAULT_CONNECT_TIMEOUT);
        boolean followRedirects = check.bool("followRedirects", true);
        if (url.isEmpty() || !headersValid || conditions.isEmpty()) {
            return null;
        }
        return new HttpCheckOptions(method, url.get(), headers, body, conditions.get(), connectTimeout, followRedirects);
    }

    private static boolean headersValid(ConfigSection check, Map<String, String> headers) {
        boolean valid = true;
        for (String name : headers.keySet()) {
            if (!HEADER_NAME.matcher(name).matches()) {
                check.problem("headers", "'" + name + "' is not a valid header name",
                        "use letters, digits and dashes, e.g. X-Api-Key");
                valid = false;
            } else if (COMPUTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                check.problem("headers", "header '" + name + "' cannot be configured", "Sentinel sets it from the body; remove it");
                valid = false;
            }
        }
        return valid;
    }

    /** Every condition is parsed, and each bad one reported at its own line; empty if any was bad. */
    private static Optional<List<Condition>> conditions(ConfigSection check) {
        List<Condition> conditions = new ArrayList<>();
        boolean valid = true;
        for (ScalarNode item : check.scalarList("conditions")) {
            try {
                conditions.add(Condition.parse(check.textOf(item)));
            } catch (ConditionSyntaxException bad) {
                // the text as written, not interpolated: what the operator sees in the file, and no secret in it
                check.problemAt(item, "condition '" + item.getValue() + "': " + bad.getMessage(), bad.hint());
                valid = false;
            }
        }
        return valid ? Optional.of(conditions) : Optional.empty();
    }

    @Override
    public Probe newProbe(ProbeToolkit toolkit) {
        return new HttpProbe(toolkit.http(), toolkit.clock());
    }
}
