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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The {@code notification} table: the durable outbox. Every call is synchronous and throws when it fails. */
public final class OutboxStore implements OutboxRepository {

    private static final String COLUMNS = "id, channel_id, kind, incident_id, check_id, dependency, severity, status,"
            + " payload, state, attempts, next_attempt_at, last_error, created_at, delivered_at";
    private static final String INSERT = "INSERT INTO notification (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE notification SET payload = ?, state = ?, attempts = ?,"
            + " next_attempt_at = ?, last_error = ?, delivered_at = ? WHERE id = ?";
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
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bindInsert(insert, entry);
            insert.executeUpdate();
            return true;
        }
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
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    bindInsert(insert, entry);
                    insert.executeUpdate();
                }
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
                    entries.add(new OutboxEntry(NotificationJson.readNotification(rows.getString("payload")),
                            SqlValues.getEnum(rows, "state", DeliveryState::valueOf), rows.getInt("attempts"),
                            SqlValues.getInstant(rows, "next_attempt_at"), rows.getString("last_error"),
                            SqlValues.getInstant(rows, "delivered_at")));
                }
            }
            return entries;
        } catch (SQLException error) {
            throw new StoreException("Cannot read notifications: " + Outage.reason(error), error);
        }
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
