package io.sentinel.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.config.ConfigLoader;
import io.sentinel.config.StorageConfig;
import io.sentinel.secret.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --data} (or SENTINEL_DATA) decides where the embedded database lives, not the working directory. */
class DataDirectoryTest {

    @TempDir
    Path directory;

    @Test
    void theDefaultEmbeddedDatabaseIsCreatedInTheDataDirectory() {
        Path dataDirectory = directory.resolve("state");

        try (Storage storage = new Storage(storage(StorageConfig.DEFAULT_URL), "local", dataDirectory, Clock.systemUTC())) {
            assertThat(storage.awaitOpen()).isTrue();
        }

        assertThat(dataDirectory.resolve("sentinel.mv.db")).exists();
    }

    @Test
    void theDefaultUrlBecomesAnAbsoluteFileInTheDataDirectory() {
        StorageConfig located = storage(StorageConfig.DEFAULT_URL).locatedIn(Path.of("/var/lib/sentinel"));

        assertThat(located.url()).isEqualTo("jdbc:h2:file:/var/lib/sentinel/sentinel;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(located.reportsDirectory()).isEqualTo(Path.of("reports"));
    }

    @Test
    void aUrlThatWasWrittenOutIsKeptAsWritten() {
        StorageConfig postgres = storage("jdbc:postgresql://db:5432/sentinel");
        StorageConfig relativeH2 = storage("jdbc:h2:file:./elsewhere/monitor");

        assertThat(postgres.locatedIn(Path.of("/var/lib/sentinel"))).isSameAs(postgres);
        assertThat(relativeH2.locatedIn(Path.of("/var/lib/sentinel"))).isSameAs(relativeH2);
    }

    @Test
    void anEmptyUrlFromAnUnsetVariableMeansTheEmbeddedDatabase() throws Exception {
        String yaml = """
                storage:
                  url: ${SENTINEL_DB_URL:}
                dependencies: [{id: site}]
                checks: [{id: home, dependency: site, kind: http, url: "http://127.0.0.1:9/"}]
                """;

        var config = new ConfigLoader(BuiltInKinds.index(), Map.<String, String>of()::get)
                .parse(Path.of("sentinel.yaml"), yaml);

        assertThat(config.storage().url()).isEqualTo(StorageConfig.DEFAULT_URL);
        assertThat(config.storage().username()).isEqualTo("sa");
    }

    private static StorageConfig storage(String url) {
        return new StorageConfig(url, "sa", Secret.none(), Path.of("reports"), Duration.ofDays(30));
    }
}
