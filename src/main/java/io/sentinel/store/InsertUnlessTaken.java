package io.sentinel.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * The INSERT half of an upsert (UPDATE, and INSERT when nothing matched), safe when another writer inserts the
 * same key in between: that INSERT then meets the other's key, and the caller updates the row it now finds. A
 * savepoint keeps the caller's transaction usable after the refused INSERT, which PostgreSQL would otherwise
 * abort; H2 and PostgreSQL run it unchanged, unlike either's own upsert syntax.
 */
final class InsertUnlessTaken {

    /** Binds the INSERT's parameters. */
    interface Binding {
        void bind(PreparedStatement insert) throws SQLException;
    }

    private InsertUnlessTaken() {
    }

    /** @return true when the row was inserted, false when another writer's row holds the key now */
    static boolean insert(Connection connection, String sql, Binding binding) throws SQLException {
        Savepoint beforeInsert = connection.getAutoCommit() ? null : connection.setSavepoint();
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            binding.bind(insert);
            insert.executeUpdate();
        } catch (SQLException refused) {
            if (!SqlValues.isDuplicateKey(refused)) {
                throw refused;
            }
            if (beforeInsert != null) {
                connection.rollback(beforeInsert);
            }
            return false;
        }
        if (beforeInsert != null) {
            connection.releaseSavepoint(beforeInsert);
        }
        return true;
    }
}
