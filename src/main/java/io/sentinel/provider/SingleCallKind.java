package io.sentinel.provider;

import io.sentinel.config.CheckOptions;
import io.sentinel.config.ConfigSection;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.ProbeResult;
import io.sentinel.probe.ProbeToolkit;
import io.sentinel.http.HttpRequestSpec;
import io.sentinel.http.HttpResponseSnapshot;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A provider check kind that makes one HTTP call and reads the answer, described rather than written as a
 * class family: how its options are read, what credential it needs, the request, the reader, and the price.
 * {@link SingleCallProbe} runs every such kind the same way (skip without credentials, call, the checks every
 * provider answer gets, then the kind's reader).
 *
 * @param name              the word used in {@code kind:}
 * @param optionsType       the options record the reader produces
 * @param options           reads and validates the options, reporting problems through the section
 * @param missingCredential what an operator must do before a check can run ("set HUNTER_API_KEY"), or empty
 * @param request           the one request a probe sends
 * @param reader            what an answer means
 * @param costPerCall       dollars per probe unless the check says otherwise ({@code costPerCall:})
 * @param <O>               the options
 */
public record SingleCallKind<O extends CheckOptions>(
        String name,
        Class<O> optionsType,
        OptionsReader<O> options,
        Function<O, Optional<String>> missingCredential,
        Function<O, HttpRequestSpec> request,
        AnswerReader<O> reader,
        ToDoubleFunction<O> costPerCall) implements ProbeKind {

    /** Reads a check's options; null when they are unusable (the problems reported say why). */
    @FunctionalInterface
    public interface OptionsReader<O> {
        O read(ConfigSection check);
    }

    /** What an answer means; latency and status are already on {@code result}. */
    @FunctionalInterface
    public interface AnswerReader<O> {
        ProbeResult read(HttpResponseSnapshot response, ProbeResult.Builder result, O options, Instant now);
    }

    public SingleCallKind {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(optionsType, "optionsType");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(missingCredential, "missingCredential");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(costPerCall, "costPerCall");
    }

    /** A kind whose probe costs nothing (account endpoints, IDs-only searches, cached misses). */
    public static <O extends CheckOptions> SingleCallKind<O> free(String name, Class<O> optionsType, OptionsReader<O> options,
                                                                  Function<O, Optional<String>> missingCredential,
                                                                  Function<O, HttpRequestSpec> request, AnswerReader<O> reader) {
        return new SingleCallKind<>(name, optionsType, options, missingCredential, request, reader, ignored -> 0.0);
    }

    @Override
    public CheckOptions readOptions(ConfigSection check) {
        return options.read(check);
    }

    @Override
    public Probe newProbe(ProbeToolkit toolkit) {
        return new SingleCallProbe<>(this, toolkit);
    }

    @Override
    public double defaultCostPerCall(CheckOptions checkOptions) {
        return costPerCall.applyAsDouble(optionsType.cast(checkOptions));
    }

    @Override
    public String toString() {
        return "SingleCallKind[" + name + "]";
    }
}
