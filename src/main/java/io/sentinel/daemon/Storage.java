package io.sentinel.daemon;

import io.sentinel.config.StorageConfig;
import io.sentinel.store.AlertEventStore;
import io.sentinel.store.BreakerStore;
import io.sentinel.store.CheckStateStore;
import io.sentinel.store.ClusterMemberStore;
import io.sentinel.store.LocationViewStore;
import io.sentinel.store.Database;
import io.sentinel.store.DecisionLog;
import io.sentinel.store.IncidentStore;
import io.sentinel.store.IncidentReportStore;
import io.sentinel.store.ObservationStore;
import io.sentinel.store.OutboxStore;
import io.sentinel.store.ResultStore;
import io.sentinel.store.Retention;
import io.sentinel.store.SilenceStore;
import io.sentinel.store.SpendStore;
import java.nio.file.Path;
import java.time.Clock;

/** The database and every store on it, opened together and closed in the right order. */
final class Storage implements AutoCloseable {

    final Database database;
    final ResultStore results;
    final CheckStateStore checkStates;
    final AlertEventStore alertEvents;
    final BreakerStore breakers;
    final OutboxStore outbox;
    final SilenceStore silences;
    final SpendStore spending;
    final DecisionLog decisions;
    final IncidentStore incidents;
    final Retention retention;
    final IncidentReportStore incidentReports;
    final ObservationStore observations;
    final LocationViewStore locationViews;
    final ClusterMemberStore members;

    Storage(StorageConfig config, String location, Path dataDirectory, Clock clock) {
        // migrated on its own thread while the daemon builds Camel; SentinelDaemon waits for it before the first read
        this.database = Database.openInBackground(config.locatedIn(dataDirectory), clock);
        this.results = new ResultStore(database, dataDirectory.resolve("spool"), ResultStore.DEFAULT_QUEUE_CAPACITY,
                clock, location);
        this.checkStates = new CheckStateStore(database, clock);
        this.alertEvents = new AlertEventStore(database);
        this.breakers = new BreakerStore(database, clock);
        this.outbox = new OutboxStore(database);
        this.silences = new SilenceStore(database);
        this.spending = new SpendStore(database);
        this.decisions = new DecisionLog(database, dataDirectory.resolve("spool"), clock);
        this.incidents = new IncidentStore(database);
        this.retention = new Retention(results, config.retention(), clock);
        this.incidentReports = new IncidentReportStore(database);
        this.observations = new ObservationStore(database);
        this.locationViews = new LocationViewStore(database, clock);
        this.members = new ClusterMemberStore(database);
    }

    /**
     * Waits for the database's first opening attempt, made on its own thread since construction: before the first
     * read of the previous run's state. At most the connection timeout when the database is down.
     *
     * @return whether the database is ready
     */
    boolean awaitOpen() {
        database.awaitFirstAttempt();
        return database.isReady();
    }

    /**
     * The writers first: each writes what it holds, or spools it for the next start, while the pool is still
     * open. The pool last.
     */
    @Override
    public void close() {
        // a close soon after the start (a start that failed) still writes what the writers hold to the database
        awaitOpen();
        results.close();
        checkStates.close();
        decisions.close();
        locationViews.close();
        database.close();
    }
}
