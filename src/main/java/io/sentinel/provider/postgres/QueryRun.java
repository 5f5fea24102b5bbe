package io.sentinel.provider.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * A query that answered, with how long each step took.
 *
 * @param value   what was read from the rows
 * @param connect opening the connection, authentication included
 * @param query   running the query and reading its rows
 * @param <T>     what the rows were read into
 */
record QueryRun<T>(T value, Duration connect, Duration query) {

    QueryRun {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(query, "query");
    }

    Duration total() {
        return connect.plus(query);
    }
}
