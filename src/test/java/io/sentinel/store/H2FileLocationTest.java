package io.sentinel.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class H2FileLocationTest {

    @Test
    void theDefaultUrlKeepsItsFilesInTheDataDirectory() {
        assertThat(H2FileLocation.directoryOf("jdbc:h2:file:./data/sentinel;AUTO_SERVER=FALSE"))
                .contains(Path.of("data").toAbsolutePath());
    }

    @Test
    void aUrlWithoutTheFilePrefixIsStillAFileDatabase() {
        assertThat(H2FileLocation.directoryOf("jdbc:h2:/var/lib/sentinel/db;MODE=PostgreSQL"))
                .contains(Path.of("/var/lib/sentinel"));
    }

    @Test
    void theHomeDirectoryShortcutIsExpanded() {
        assertThat(H2FileLocation.directoryOf("jdbc:h2:~/sentinel/db"))
                .contains(Path.of(System.getProperty("user.home"), "sentinel"));
    }

    @Test
    void memoryServerAndPostgresUrlsHaveNoLocalDirectory() {
        assertThat(H2FileLocation.directoryOf("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(H2FileLocation.directoryOf("jdbc:h2:tcp://localhost:9092/sentinel")).isEmpty();
        assertThat(H2FileLocation.directoryOf("jdbc:postgresql://db:5432/sentinel")).isEmpty();
    }
}
