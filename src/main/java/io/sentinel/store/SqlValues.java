package io.sentinel.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/** Moves instants and enums in and out of JDBC the same way on H2 and PostgreSQL. */
final class SqlValues {

    private SqlValues() {
    }

    /**
     * Both databases keep microseconds; truncating here (rather than letting each driver round its own way)
     * makes what is read back identical on both.
     */
    static Instant storable(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Free text as both databases accept it: PostgreSQL refuses the NUL character in text, and one probe that
     * quoted a binary body must not make a whole batch unwritable.
     */
    static String storableText(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(storable(instant), ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static void setName(PreparedStatement statement, int index, Enum<?> value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value.name());
        }
    }

    static <E extends Enum<E>> E getEnum(ResultSet row, String column, Function<String, E> byName)
            throws SQLException {
        String name = row.getString(column);
        return name == null ? null : byName.apply(name);
    }

    /**
     * True when the database rejected the data itself (too long, bad value, constraint), as opposed to
     * being unreachable: retrying the same rows will never work.
     */
    static boolean isDataError(SQLException error) {
        for (Throwable current = error; current != null; current = next(current)) {
            if (current instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    static boolean isDuplicateKey(SQLException error) {
        for (Throwable current = error; current != null; current = next(current)) {
            if (current instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable current) {
        Throwable following = current instanceof SQLException sql && sql.getNextException() != null
                ? sql.getNextException() : current.getCause();
        return following == current ? null : following;
    }
}
