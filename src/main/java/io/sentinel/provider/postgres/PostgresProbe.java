package io.sentinel.provider.postgres;

import io.sentinel.probe.Latencies;
import io.sentinel.probe.ProbeResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/** Connects, runs the check's query and reads its rows: UP when all of that worked. */
final class PostgresProbe extends QueryProbe<PostgresOptions, Integer> {

    /** A health query returns a row or two; reading more would measure the network, not the database. */
    private static final int MAX_ROWS = 100;

    PostgresProbe(QueryRunner runner, Clock clock) {
        super(runner, clock, PostgresOptions.class);
    }

    @Override
    protected int maxRows() {
        return MAX_ROWS;
    }

    @Override
    protected Integer read(ResultSet rows) throws SQLException {
        int count = 0;
        while (rows.next()) {
            count++;
        }
        return count;
    }

    @Override
    protected ProbeResult interpret(QueryRun<Integer> run, ProbeResult.Builder result, PostgresOptions options) {
        int rows = run.value();
        return result.up("connected to " + options.connection().target() + " in " + Latencies.format(run.connect())
                + ", '" + options.query().summary() + "' answered in " + Latencies.format(run.query())
                + " (" + rows + (rows == 1 ? " row)" : " rows)"));
    }
}
