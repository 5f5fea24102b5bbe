package io.sentinel.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.alert.silence.Muting;
import io.sentinel.alert.silence.Silence;
import io.sentinel.alert.silence.SilenceRepository;
import io.sentinel.config.CheckIndex;
import io.sentinel.config.ConfigLoader;
import io.sentinel.daemon.BuiltInKinds;
import io.sentinel.secret.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SilenceApiTest {

    private static final String TOKEN = "Bearer silence-admin-token";
    private static final String CONFIG = """
            dependencies:
              - id: hunter
            checks:
              - id: hunter-account
                dependency: hunter
                kind: http
                url: http://127.0.0.1:9/v2/account
            """;

    private final SilenceApi api = new SilenceApi(new Muting(List.of(), new InMemorySilences()), checks(),
            new AdminAuth(Secret.fromVariable("silence-admin-token", "SENTINEL_ADMIN_TOKEN")),
            Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void aSilenceOfAtMostThirtyDaysIsCreated() {
        ApiReply created = api.create(TOKEN, "{\"dependency\": \"hunter\", \"duration\": \"30d\", \"reason\": \"migration\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().toString()).contains("endsAt=2026-12-26T10:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"31d", "99999999999d", "999999999999999999d", "9999999999999999999d",
            "99999999999999999999999999h", "0s", "2 hours", "-1h"})
    void aDurationOverThirtyDaysTooLargeToCountOrMalformedIsTheClientsMistake(String duration) {
        ApiReply refused = api.create(TOKEN, "{\"dependency\": \"hunter\", \"duration\": \"" + duration + "\", \"reason\": \"x\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("at most 30d");
    }

    @Test
    void endingNeedsTheTokenThenAWellFormedIdThenAKnownOne() {
        assertThat(api.end("null", null).status()).isEqualTo(401);
        assertThat(api.end("null", TOKEN).status()).isEqualTo(400);
        assertThat(api.end("'6f0c2a9e-1c4b-4d3a-9f1e-2b7c8d9e0a1b'", TOKEN).status()).isEqualTo(400);
        assertThat(api.end("6f0c2a9e-1c4b-4d3a-9f1e-2b7c8d9e0a1b", TOKEN).status()).isEqualTo(404);
    }

    private static CheckIndex checks() {
        try {
            return new CheckIndex(new ConfigLoader(BuiltInKinds.index(), Map.<String, String>of()::get)
                    .parse(Path.of("sentinel.yaml"), CONFIG));
        } catch (Exception invalid) {
            throw new IllegalStateException(invalid);
        }
    }

    private static final class InMemorySilences implements SilenceRepository {

        private final List<Silence> saved = new ArrayList<>();

        @Override
        public void save(Silence silence) {
            saved.add(silence);
        }

        @Override
        public List<Silence> all() {
            return List.copyOf(saved);
        }
    }
}
