package io.sentinel.provider.postgres;

import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/** Runs the metric query and records its number as the check's reading. */
final class SqlMetricProbe extends QueryProbe<SqlMetricOptions, MetricValue> {

    SqlMetricProbe(QueryRunner runner, Clock clock) {
        super(runner, clock, SqlMetricOptions.class);
    }

    @Override
    protected int maxRows() {
        return MetricValue.ROWS_NEEDED;
    }

    @Override
    protected MetricValue read(ResultSet rows) throws SQLException {
        return MetricValue.read(rows);
    }

    @Override
    protected ProbeResult interpret(QueryRun<MetricValue> run, ProbeResult.Builder result, SqlMetricOptions options) {
        if (run.value() instanceof MetricValue.Number number) {
            return result.reading(options.reading(), number.value()).up(options.reading() + " = " + number.formatted());
        }
        MetricValue.Missing missing = (MetricValue.Missing) run.value();
        return result.down(FailureClass.SCHEMA,
                missing.reason() + " for " + options.reading() + " ('" + options.query().summary() + "')");
    }
}
