package io.sentinel.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * What every store contract shares: one migrated database per test class, emptied before each test. The
 * subclasses for H2 and PostgreSQL only say which database; the contract is the same on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContract {

    protected DatabaseFixture fixture;
    protected Database database;

    protected abstract DatabaseFixture createFixture() throws Exception;

    @BeforeAll
    void openDatabase() throws Exception {
        fixture = createFixture();
        database = Database.open(fixture.storage());
        if (!database.isReady()) {
            throw new IllegalStateException("the test database did not open: " + fixture.storage().url());
        }
    }

    @BeforeEach
    void emptyTables() throws Exception {
        DatabaseFixture.deleteAllRows(database.dataSource());
    }

    @AfterAll
    void closeDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }
}
