package io.sentinel.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurableH2SettingsTest {

    @Test
    void anH2FileDatabaseCommitsAtOnceAndIsClosedBySentinelNotByH2sShutdownHook() {
        assertThat(Database.durable("jdbc:h2:file:./data/sentinel;AUTO_SERVER=FALSE"))
                .isEqualTo("jdbc:h2:file:./data/sentinel;AUTO_SERVER=FALSE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void settingsTheOperatorChoseStayAsTheyAre() {
        assertThat(Database.durable("jdbc:h2:file:/srv/db;write_delay=100;DB_CLOSE_ON_EXIT=TRUE"))
                .isEqualTo("jdbc:h2:file:/srv/db;write_delay=100;DB_CLOSE_ON_EXIT=TRUE");
    }

    @Test
    void postgresqlUrlsAreNotTouched() {
        assertThat(Database.durable("jdbc:postgresql://db:5432/sentinel")).isEqualTo("jdbc:postgresql://db:5432/sentinel");
    }
}
