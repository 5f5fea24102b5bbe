package io.sentinel.store;

import io.sentinel.alert.outbox.DeliveryState;
import io.sentinel.alert.outbox.NotificationJson;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.alert.outbox.OutboxRepository;
import io.sentinel.writer.Outage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The {@code notification} table: the durable outbox. Every call is synchronous and throws when it fails. */
public final class OutboxStore implements OutboxRepository {

    private static final String COLUMNS = "id, channel_id, kind, incident_id, check_id, dependency, severity, status,"
            + " payload, state, attempts, next_attempt_at, last_error, created_at, delivered_at";
    private static final String INSERT = "INSERT INTO notification (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // A finished notification (delivered, failed, suppressed) stays finished: an instance that led a moment ago
    // and still holds an old copy cannot turn it back into one to send. Recording an outcome ends any claim.
    private static final String UPDATE = "UPDATE notification SET payload = ?, state = ?, attempts = ?,"
            + " next_attempt_at = ?, last_error = ?, delivered_at = ?, claimed_by = NULL, claimed_until = NULL"
            + " WHERE id = ? AND state NOT IN ('DELIVERED', 'FAILED', 'SUPPRESSED')";
    private static final String CLAIM = "UPDATE notification SET claimed_by = ?, claimed_until = ? WHERE id = ?"
            + " AND state = 'PENDING' AND attempts = ? AND (claimed_until IS NULL OR claimed_until < ? OR claimed_by = ?)";
    private static final String CURRENT = "SELECT payload, state, attempts, next_attempt_at, last_error, delivered_at,"
            + " claimed_by, claimed_until FROM notification WHERE id = ?";
    private static final String UNFINISHED = "SELECT payload, state, attempts, next_attempt_at, last_error, delivered_at"
            + " FROM notification WHERE state IN ('PENDING', 'HELD') ORDER BY created_at";
    private static final String FOR_INCIDENT = "SELECT payload, state, attempts, next_attempt_at, last_error, delivered_at"
            + " FROM notification WHERE incident_id = ? ORDER BY created_at, id";
    private static final String EXISTS = "SELECT 1 FROM notification WHERE id = ?";
    private static final int MAX_ERROR = 1000;

    private final Database database;

    public OutboxStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public boolean insertIfAbsent(OutboxEntry entry) {
        requireReady();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bindInsert(insert, entry);
            insert.executeUpdate();
            return true;
        } catch (SQLException error) {
            if (SqlValues.isDuplicateKey(error)) {
                return false;
            }
            throw new StoreException("Cannot store notification: " + Outage.reason(error), error);
        }
    }

    /**
     * Stores a new entry within the caller's transaction unless its key is stored already.
     *
     * @return true when it was stored
     */
    static boolean insertIfAbsent(Connection connection, OutboxEntry entry) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(EXISTS)) {
            exists.setString(1, entry.key());
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return false;
                }
            }
        }
        // the decision that made the entry and the outbox's own changes are copied back from their spools at once
        // after an outage: the other may insert the row between this check and this INSERT
        return InsertUnlessTaken.insert(connection, INSERT, insert -> bindInsert(insert, entry));
    }

    @Override
    public void upsert(OutboxEntry entry) {
        requireReady();
        try (Connection connection = database.dataSource().getConnection()) {
            upsert(connection, entry);
        } catch (SQLException error) {
            throw new StoreException("Cannot update notification: " + Outage.reason(error), error);
        }
    }

    @Override
    public void upsertAll(List<OutboxEntry> entries) {
        requireReady();
        try {
            Transactions.inTransaction(database.dataSource(), connection -> {
                for (OutboxEntry entry : entries) {
                    upsert(connection, entry);
                }
                return entries.size();
            });
        } catch (SQLException error) {
            throw new StoreException("Cannot update notifications: " + Outage.reason(error), error);
        }
    }

    private static void upsert(Connection connection, OutboxEntry entry) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setString(1, NotificationJson.write(entry.notification()));
            SqlValues.setName(update, 2, entry.state());
            update.setInt(3, entry.attempts());
            SqlValues.setInstant(update, 4, entry.nextAttemptAt());
            update.setString(5, shorten(entry.lastError()));
            SqlValues.setInstant(update, 6, entry.deliveredAt());
            update.setString(7, entry.key());
            if (update.executeUpdate() == 0 && !insertIfAbsent(connection, entry)) {
                // its decision inserted the row meanwhile: this change goes over it
                update.executeUpdate();
            }
        }
    }

    @Override
    public List<OutboxEntry> claim(List<OutboxEntry> entries, String claimant, Instant now, Instant until) {
        requireReady();
        try {
            return Transactions.inTransaction(database.dataSource(), connection -> {
                List<OutboxEntry> refused = new ArrayList<>();
                try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                    for (OutboxEntry entry : entries) {
                        claim.setString(1, claimant);
                        SqlValues.setInstant(claim, 2, until);
                        claim.setString(3, entry.key());
                        claim.setInt(4, entry.attempts());
                        SqlValues.setInstant(claim, 5, now);
                        claim.setString(6, claimant);
                        if (claim.executeUpdate() == 0) {
                            refused.add(entry);
                        }
                    }
                }
                if (refused.isEmpty()) {
                    return List.<OutboxEntry>of();
                }
                connection.rollback();
                List<OutboxEntry> current = new ArrayList<>();
                for (OutboxEntry entry : refused) {
                    current.add(current(connection, entry, claimant, now));
                }
                return current;
            });
        } catch (SQLException error) {
            throw new StoreException("Cannot claim notifications: " + Outage.reason(error), error);
        }
    }

    /** The entry as the table has it, waiting at least until another claimant's claim ends; as given when absent. */
    private static OutboxEntry current(Connection connection, OutboxEntry known, String claimant, Instant now)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(CURRENT)) {
            query.setString(1, known.key());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return known;
                }
                OutboxEntry stored = read(row);
                Instant claimedUntil = SqlValues.getInstant(row, "claimed_until");
                boolean heldByAnother = claimedUntil != null && claimedUntil.isAfter(now)
                        && !claimant.equals(row.getString("claimed_by"));
                if (heldByAnother && claimedUntil.isAfter(stored.nextAttemptAt())) {
                    return new OutboxEntry(stored.notification(), stored.state(), stored.attempts(), claimedUntil,
                            stored.lastError(), stored.deliveredAt());
                }
                return stored;
            }
        }
    }

    @Override
    public List<OutboxEntry> unfinished() {
        return query(UNFINISHED, null);
    }

    @Override
    public List<OutboxEntry> forIncident(String incidentId) {
        return query(FOR_INCIDENT, incidentId);
    }

    private List<OutboxEntry> query(String sql, String incidentId) {
        requireReady();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            if (incidentId != null) {
                query.setString(1, incidentId);
            }
            List<OutboxEntry> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(read(rows));
                }
            }
            return entries;
        } catch (SQLException error) {
            throw new StoreException("Cannot read notifications: " + Outage.reason(error), error);
        }
    }

    private static OutboxEntry read(ResultSet row) throws SQLException {
        return new OutboxEntry(NotificationJson.readNotification(row.getString("payload")),
                SqlValues.getEnum(row, "state", DeliveryState::valueOf), row.getInt("attempts"),
                SqlValues.getInstant(row, "next_attempt_at"), row.getString("last_error"),
                SqlValues.getInstant(row, "delivered_at"));
    }

    private static void bindInsert(PreparedStatement insert, OutboxEntry entry) throws SQLException {
        var notification = entry.notification();
        var event = notification.event();
        insert.setString(1, entry.key());
        insert.setString(2, notification.channelId());
        SqlValues.setName(insert, 3, notification.kind());
        insert.setString(4, event.incidentId());
        insert.setString(5, event.checkId());
        insert.setString(6, event.dependency());
        SqlValues.setName(insert, 7, event.severity());
        SqlValues.setName(insert, 8, event.status());
        insert.setString(9, NotificationJson.write(notification));
        SqlValues.setName(insert, 10, entry.state());
        insert.setInt(11, entry.attempts());
        SqlValues.setInstant(insert, 12, entry.nextAttemptAt());
        insert.setString(13, shorten(entry.lastError()));
        SqlValues.setInstant(insert, 14, notification.createdAt());
        SqlValues.setInstant(insert, 15, entry.deliveredAt());
    }

    private static String shorten(String text) {
        String storable = SqlValues.storableText(text == null ? "" : text);
        return storable.length() <= MAX_ERROR ? storable : storable.substring(0, MAX_ERROR - 1) + "…";
    }

    private void requireReady() {
        if (!database.isReady()) {
            throw new StoreException("The database is not available yet");
        }
    }
}
