package io.sentinel.provider;

import io.sentinel.config.CheckOptions;
import io.sentinel.probe.ProbeResult;
import io.sentinel.probe.ProbeToolkit;
import io.sentinel.probe.http.HttpRequestSpec;
import io.sentinel.probe.http.HttpResponseSnapshot;
import java.time.Clock;
import java.util.Optional;

/** Runs any {@link SingleCallKind}: the kind says what to send and how to read it, the base class does the rest. */
final class SingleCallProbe<O extends CheckOptions> extends HttpProviderProbe<O> {

    private final SingleCallKind<O> kind;
    private final Clock clock;

    SingleCallProbe(SingleCallKind<O> kind, ProbeToolkit toolkit) {
        super(toolkit.http(), toolkit.clock(), kind.optionsType());
        this.kind = kind;
        this.clock = toolkit.clock();
    }

    @Override
    protected Optional<String> missingCredential(O options) {
        return kind.missingCredential().apply(options);
    }

    @Override
    protected HttpRequestSpec request(O options) {
        return kind.request().apply(options);
    }

    @Override
    protected ProbeResult interpret(HttpResponseSnapshot response, ProbeResult.Builder result, O options) {
        return kind.reader().read(response, result, options, clock.instant());
    }
}
