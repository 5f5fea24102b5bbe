package io.sentinel.store;

import io.sentinel.probe.ProbeResult;
import io.sentinel.writer.WriteTarget;
import java.sql.SQLException;
import java.util.Iterator;

/** The {@code probe_result} table as the result writer's target: each batch, or each copied spool, is one transaction. */
record ProbeResultTarget(Database database, ProbeResultTable table) implements WriteTarget<ProbeResult> {

    @Override
    public void write(Iterator<? extends ProbeResult> results) throws SQLException {
        if (!database.isReady()) {
            throw new StoreException("the database is not ready yet");
        }
        table.insertAll(results);
    }

    @Override
    public boolean refuses(Exception error) {
        return error instanceof SQLException sql && SqlValues.isDataError(sql);
    }

    @Override
    public String describe(ProbeResult result) {
        return "The probe result of check " + result.checkId() + " at " + result.startedAt();
    }
}
