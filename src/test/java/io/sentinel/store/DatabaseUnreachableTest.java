package io.sentinel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.sentinel.rules.CheckState;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class DatabaseUnreachableTest {

    private static final String PASSWORD = "hunter2-but-longer";

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger storeLogger = (Logger) LoggerFactory.getLogger("io.sentinel.store");

    @BeforeEach
    void captureLogs() {
        logs.start();
        storeLogger.addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        storeLogger.detachAppender(logs);
    }

    @Test
    void openingAnUnreachableDatabaseReturnsADatabaseThatIsNotReady(@TempDir Path spool) {
        try (Database database = Database.open(DatabaseFixture.unreachablePostgres(PASSWORD));
             ResultStore results = new ResultStore(database, spool, 100, Clock.systemUTC());
             CheckStateStore states = new CheckStateStore(database, Clock.systemUTC())) {

            assertThat(database.isReady()).isFalse();
            assertThat(database.isPostgres()).isTrue();

            results.append(TestResults.numbered("hunter-account", 1));
            states.saveLater(CheckState.unknown("hunter-account"));
            states.saveLater(CheckState.unknown("neverbounce-account"));

            assertThat(results.pending()).isEqualTo(1);
            assertThat(states.pending()).isEqualTo(2);
            assertThatThrownBy(() -> results.history("hunter-account", 10)).isInstanceOf(StoreException.class);
            assertThatThrownBy(states::loadAll).isInstanceOf(StoreException.class);
        }
    }

    @Test
    void theOutageIsReportedOnceAndNeverWithThePassword() {
        try (Database database = Database.open(DatabaseFixture.unreachablePostgres(PASSWORD))) {
            assertThat(database.isReady()).isFalse();
        }

        assertThat(logs.list)
                .filteredOn(event -> event.getLoggerName().equals(Database.class.getName()))
                .filteredOn(event -> event.getLevel() == Level.WARN)
                .singleElement()
                .satisfies(warning -> assertThat(warning.getFormattedMessage()).contains("not available"));
        assertThat(logs.list).allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).doesNotContain(PASSWORD);
            assertThat(event.getThrowableProxy()).isNull();
        });
    }
}
