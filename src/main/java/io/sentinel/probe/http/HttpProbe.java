package io.sentinel.probe.http;

import io.sentinel.http.HttpResponseSnapshot;
import io.sentinel.http.HttpCallFailure;
import io.sentinel.http.HttpCaller;
import io.sentinel.config.CheckConfig;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeResult;
import io.sentinel.secret.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Runs an {@code http} check: one request, judged by its status or by the check's conditions. */
public final class HttpProbe implements Probe {

    private final HttpCaller caller;
    private final Clock clock;

    public HttpProbe(HttpCaller caller, Clock clock) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ProbeResult probe(CheckConfig check) {
        ProbeResult.Builder result = ProbeResult.of(check.id(), check.dependency(), clock.instant());
        long started = System.nanoTime();
        try {
            HttpCheckOptions options = check.options(HttpCheckOptions.class);
            HttpResponseSnapshot response = caller.call(options.request(), options.connectTimeout(), check.timeout());
            return ResponseJudge.judge(result, response, options.conditions());
        } catch (HttpCallFailure failure) {
            return result.latency(since(started)).down(failure.failureClass(), failure.getMessage());
        } catch (RuntimeException bug) {
            // a probe reports, it never throws: a bug here must not stop the check's route
            return result.latency(since(started)).down(FailureClass.INTERNAL,
                    bug.getClass().getSimpleName() + ": " + Redactor.global().describe(bug));
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
