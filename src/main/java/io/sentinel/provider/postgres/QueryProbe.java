package io.sentinel.provider.postgres;

import io.sentinel.config.CheckConfig;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * The shape of a probe that runs one query: connect, query, read the rows, then let the subclass judge what
 * was read. Connection and SQL failures are classified by {@link SqlFailures} and need no code in the subclass.
 * Every result that got as far as a connection carries the readings {@code connect.ms} (and, when the query
 * answered, {@code query.ms}); its latency is the whole probe.
 *
 * @param <O> the kind's options
 * @param <T> what the rows are read into
 */
abstract class QueryProbe<O extends QueryOptions, T> implements Probe {

    static final String CONNECT_READING = "connect.ms";
    static final String QUERY_READING = "query.ms";

    private final QueryRunner runner;
    private final Clock clock;
    private final Class<O> optionsType;

    QueryProbe(QueryRunner runner, Clock clock, Class<O> optionsType) {
        this.runner = runner;
        this.clock = clock;
        this.optionsType = optionsType;
    }

    @Override
    public final ProbeResult probe(CheckConfig check) {
        O options = check.options(optionsType);
        ProbeResult.Builder result = ProbeResult.of(check.id(), check.dependency(), clock.instant());
        try {
            QueryRun<T> run = runner.run(options.connection(), options.query(), check.timeout(), maxRows(), this::read);
            result.latency(run.total())
                    .reading(CONNECT_READING, millis(run.connect()))
                    .reading(QUERY_READING, millis(run.query()));
            return interpret(run, result, options);
        } catch (QueryFailure failure) {
            failure.connect().ifPresent(connect -> result.reading(CONNECT_READING, millis(connect)));
            return result.latency(failure.elapsed()).down(failure.failureClass(), failure.getMessage());
        }
    }

    /** How many rows the driver may return: enough to judge the answer, never a whole table. */
    protected abstract int maxRows();

    /** Reads what this kind needs from the rows, while they are open; the time it takes counts as query time. */
    protected abstract T read(ResultSet rows) throws SQLException;

    /** What the answer means; latency and readings are already on {@code result}. */
    protected abstract ProbeResult interpret(QueryRun<T> run, ProbeResult.Builder result, O options);

    static double millis(Duration duration) {
        return duration.toNanos() / 1_000_000.0;
    }
}
