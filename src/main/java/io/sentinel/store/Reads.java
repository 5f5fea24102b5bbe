package io.sentinel.store;

import io.sentinel.writer.Outage;
import java.sql.Connection;
import java.sql.SQLException;

/** Runs a read on one pooled connection, turning a database failure into a {@link StoreException} that says what. */
final class Reads {

    private Reads() {
    }

    static <T> T run(Database database, String what, Transactions.Work<T> work) {
        if (!database.isReady()) {
            throw new StoreException("The database is not available yet");
        }
        try (Connection connection = database.dataSource().getConnection()) {
            return work.run(connection);
        } catch (SQLException error) {
            throw new StoreException("Cannot read " + what + ": " + Outage.reason(error), error);
        }
    }
}
