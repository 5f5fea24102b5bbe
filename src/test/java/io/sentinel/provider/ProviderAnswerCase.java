package io.sentinel.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the provider answer table: what a provider sent, and what the probe must make of it.
 *
 * @param provider     which kind probes it
 * @param description  what the answer is, as the table in docs/providers.md says
 * @param stubs        what the server answers, by path (the first matching pattern wins)
 * @param outcome      the outcome the probe must report
 * @param failureClass the failure class, for DOWN
 * @param mustSay      a part of the message that tells the operator why
 */
record ProviderAnswerCase(ProviderUnderTest provider, String description, List<Stub> stubs, Outcome outcome,
                          FailureClass failureClass, String mustSay) {

    ProviderAnswerCase {
        Objects.requireNonNull(provider, "provider");
        stubs = List.copyOf(stubs);
        if ((outcome == Outcome.DOWN) != (failureClass != null)) {
            throw new IllegalArgumentException(description + ": a failure class goes with DOWN and only with DOWN");
        }
    }

    @Override
    public String toString() {
        return provider.kindName() + ": " + description;
    }

    /** What the server answers for paths matching {@code pathPattern}. */
    record Stub(String pathPattern, Reply reply) {
    }

    /** A response: status, headers and body. */
    record Reply(int status, Map<String, String> headers, String body) {

        Reply {
            headers = Map.copyOf(headers);
        }

        static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body);
        }

        static Reply fixture(int status, String path) {
            return json(status, ProviderFixtures.body(path));
        }

        static Reply html(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "text/html; charset=UTF-8"), body);
        }

        static Reply text(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "text/plain; charset=utf-8"), body);
        }

        Reply with(String header, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new Reply(status, more, body);
        }

        ResponseDefinitionBuilder response() {
            ResponseDefinitionBuilder response = aResponse().withStatus(status).withBody(body);
            headers.forEach(response::withHeader);
            return response;
        }
    }
}
