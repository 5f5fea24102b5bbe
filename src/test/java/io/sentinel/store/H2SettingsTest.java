package io.sentinel.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2SettingsTest {

    @Test
    void anH2FileDatabaseCommitsAtOnceIsClosedBySentinelNotByH2sShutdownHookAndKeepsASmallPageCache() {
        assertThat(Database.withSentinelSettings("jdbc:h2:file:./data/sentinel;AUTO_SERVER=FALSE"))
                .isEqualTo("jdbc:h2:file:./data/sentinel;AUTO_SERVER=FALSE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"
                        + ";CACHE_SIZE=1024");
    }

    @Test
    void anInMemoryDatabaseHasNoFileToCloseButTheSameCache() {
        assertThat(Database.withSentinelSettings("jdbc:h2:mem:test"))
                .isEqualTo("jdbc:h2:mem:test;WRITE_DELAY=0;CACHE_SIZE=1024");
    }

    @Test
    void settingsTheOperatorChoseStayAsTheyAre() {
        String chosen = "jdbc:h2:file:/srv/db;write_delay=100;DB_CLOSE_ON_EXIT=TRUE;cache_size=65536";
        assertThat(Database.withSentinelSettings(chosen)).isEqualTo(chosen);
    }

    @Test
    void postgresqlUrlsAreNotTouched() {
        assertThat(Database.withSentinelSettings("jdbc:postgresql://db:5432/sentinel"))
                .isEqualTo("jdbc:postgresql://db:5432/sentinel");
    }
}
