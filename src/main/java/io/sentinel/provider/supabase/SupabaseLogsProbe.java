package io.sentinel.provider.supabase;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.config.CheckConfig;
import io.sentinel.http.HttpCallFailure;
import io.sentinel.http.HttpCaller;
import io.sentinel.http.HttpMethod;
import io.sentinel.http.HttpRequestSpec;
import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeResult;
import io.sentinel.probe.http.EdgeBlock;
import io.sentinel.provider.ProviderAnswers;
import io.sentinel.provider.supabase.LogsAnswers.FunctionTraffic;
import io.sentinel.writer.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One analytics query per probe, over the window since the previous successful one, so that consecutive
 * windows neither overlap nor leave a gap: a failed or throttled query leaves its window to the next (at most
 * the 24 hours the endpoint allows). The window ends {@link #INGESTION_DELAY} before now, for log lines still
 * on their way.
 *
 * <p>A 429 is our own token's budget, not the project's health: the result is SKIPPED, saying RATE_LIMITED and
 * until when, and no query is made before then. The wait is the longer of the {@code Retry-After} the API gave
 * and a backoff that starts at a minute and doubles, to half an hour, while 429s continue.
 */
final class SupabaseLogsProbe implements Probe {

    static final Duration INGESTION_DELAY = Duration.ofSeconds(30);
    /** The endpoint queries at most a day. */
    static final Duration LONGEST_WINDOW = Duration.ofHours(24);
    /** A Retry-After longer than this is not honoured as such: the next probe asks again after the backoff. */
    static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(java.time.ZoneOffset.UTC);

    private final HttpCaller http;
    private final Clock clock;
    /** Per check: where the last successful window ended. */
    private final Map<String, Instant> windowEnds = new ConcurrentHashMap<>();
    private final Map<String, Throttle> throttles = new ConcurrentHashMap<>();

    /** No query before {@code until}; {@code backoff} is the wait after the next 429. */
    private record Throttle(Instant until, Backoff backoff, String why) {
    }

    SupabaseLogsProbe(HttpCaller http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public ProbeResult probe(CheckConfig check) {
        SupabaseLogsOptions options = check.options(SupabaseLogsOptions.class);
        Instant now = clock.instant();
        ProbeResult.Builder result = ProbeResult.of(check.id(), check.dependency(), now);
        Optional<String> missing = options.access().missingCredential();
        if (missing.isPresent()) {
            return result.skipped(missing.get());
        }
        Throttle throttle = throttles.get(check.id());
        if (throttle != null && now.isBefore(throttle.until())) {
            return result.skipped("RATE_LIMITED: " + throttle.why() + "; no query before " + CLOCK_TIME.format(throttle.until())
                    + ", and the next one covers the time missed");
        }
        Instant end = now.minus(INGESTION_DELAY).truncatedTo(ChronoUnit.SECONDS);
        Instant start = windowStart(check, end);
        long started = System.nanoTime();
        try {
            HttpRequestSpec request = new HttpRequestSpec(HttpMethod.GET, options.logsUri(start, end), options.access().headers(),
                    Optional.empty(), false);
            Duration connectTimeout = check.timeout().compareTo(MAX_CONNECT_TIMEOUT) < 0 ? check.timeout() : MAX_CONNECT_TIMEOUT;
            HttpResponseSnapshot response = http.call(request, connectTimeout, check.timeout());
            result.latency(response.latency()).httpStatus(response.status());
            if (response.status() == 429 && EdgeBlock.in(response).isEmpty()) {
                return throttled(check, response, now, result);
            }
            if (!PlatformStatuses.isSuccess(response.status()) || EdgeBlock.in(response).isPresent()) {
                return ManagementAnswers.failure(response, result, "logs");
            }
            ProbeResult read = read(options, response, result, start, end);
            if (read.outcome() == io.sentinel.probe.Outcome.UP) {
                windowEnds.put(check.id(), end);
                throttles.remove(check.id());
            }
            return read;
        } catch (HttpCallFailure failure) {
            return result.latency(Duration.ofNanos(System.nanoTime() - started)).down(failure.failureClass(), failure.getMessage());
        }
    }

    /** Where the previous window ended; one interval back for a check's first query; never more than a day back. */
    private Instant windowStart(CheckConfig check, Instant end) {
        Instant previous = windowEnds.get(check.id());
        Instant start = previous == null || !previous.isBefore(end) ? end.minus(check.interval()) : previous;
        Instant earliest = end.minus(LONGEST_WINDOW);
        return start.isBefore(earliest) ? earliest : start;
    }

    private ProbeResult throttled(CheckConfig check, HttpResponseSnapshot response, Instant now, ProbeResult.Builder result) {
        Throttle previous = throttles.get(check.id());
        Backoff backoff = previous == null ? Backoff.between(SupabaseManagementCheckKind.MIN_INTERVAL, Duration.ofMinutes(30))
                : previous.backoff();
        Optional<Duration> retryAfter = retryAfter(response, now);
        Duration wait = retryAfter.filter(asked -> asked.compareTo(backoff.current()) > 0).orElse(backoff.current());
        String why = "the Management API answered HTTP 429 at " + CLOCK_TIME.format(now)
                + retryAfter.map(asked -> " with Retry-After " + asked.toSeconds() + " s").orElse("")
                + " (about 60 requests a minute per user, shared by all of the user's tokens)";
        Throttle throttle = new Throttle(now.plus(wait), backoff.next(), why);
        throttles.put(check.id(), throttle);
        return result.skipped("RATE_LIMITED: " + why + "; no query before " + CLOCK_TIME.format(throttle.until())
                + ", and the next one covers the time missed");
    }

    /** {@code Retry-After} in seconds or as an HTTP date, up to {@link #LONGEST_RETRY_AFTER}. */
    private static Optional<Duration> retryAfter(HttpResponseSnapshot response, Instant now) {
        return response.headers().first("Retry-After").map(String::strip).flatMap(value -> {
            try {
                if (value.chars().allMatch(Character::isDigit) && value.length() <= 6) {
                    return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
                }
                return Optional.of(Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
            } catch (DateTimeParseException | NumberFormatException notAWait) {
                return Optional.empty();
            }
        }).filter(wait -> !wait.isNegative() && wait.compareTo(LONGEST_RETRY_AFTER) <= 0);
    }

    private static ProbeResult read(SupabaseLogsOptions options, HttpResponseSnapshot response, ProbeResult.Builder result,
                                    Instant start, Instant end) {
        Optional<JsonNode> root = ProviderAnswers.json(response.body()).filter(JsonNode::isObject);
        if (root.isEmpty()) {
            return ManagementAnswers.schemaChanged(result, response, "logs", "an object {result: [...], error}");
        }
        Optional<String> error = LogsAnswers.error(root.get());
        if (error.isPresent()) {
            return result.down(FailureClass.BODY_ERROR, "logs: HTTP " + response.status() + " with a failed query: " + error.get());
        }
        Optional<List<FunctionTraffic>> rows = LogsAnswers.rows(root.get());
        if (rows.isEmpty()) {
            return ManagementAnswers.schemaChanged(result, response, "logs",
                    "result rows of {slug, invocations, server_errors, p95_ms}");
        }
        Map<String, FunctionTraffic> byFunction = new LinkedHashMap<>();
        options.functions().forEach(slug -> byFunction.put(slug, new FunctionTraffic(slug, 0, 0, java.util.OptionalDouble.empty())));
        rows.get().forEach(row -> byFunction.put(row.slug(), row));
        long invocations = 0;
        long serverErrors = 0;
        for (FunctionTraffic traffic : byFunction.values()) {
            String prefix = "function." + traffic.readingWord();
            result.reading(prefix + ".invocations", traffic.invocations()).reading(prefix + ".server_errors", traffic.serverErrors());
            traffic.p95Millis().ifPresent(p95 -> result.reading(prefix + ".p95_ms", p95));
            invocations += traffic.invocations();
            serverErrors += traffic.serverErrors();
        }
        result.reading("functions.invocations", invocations).reading("functions.server_errors", serverErrors);
        return result.up("edge function logs " + CLOCK_TIME.format(start) + " to " + CLOCK_TIME.format(end) + ": " + invocations
                + " invocations of " + byFunction.size() + (byFunction.size() == 1 ? " function, " : " functions, ")
                + serverErrors + " answered 5xx");
    }
}
