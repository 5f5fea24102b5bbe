package io.sentinel.store;

import io.sentinel.alert.silence.Silence;
import io.sentinel.alert.silence.SilenceRepository;
import io.sentinel.config.Severity;
import io.sentinel.writer.Outage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@code silence} table. */
public final class SilenceStore implements SilenceRepository {

    private static final String UPDATE = "UPDATE silence SET check_id = ?, dependency = ?, severity = ?, starts_at = ?,"
            + " ends_at = ?, reason = ?, created_at = ? WHERE id = ?";
    private static final String INSERT = "INSERT INTO silence (check_id, dependency, severity, starts_at, ends_at, reason,"
            + " created_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_ALL = "SELECT id, check_id, dependency, severity, starts_at, ends_at, reason,"
            + " created_at FROM silence ORDER BY created_at";

    private final Database database;

    public SilenceStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void save(Silence silence) {
        if (!database.isReady()) {
            throw new StoreException("The database is not available yet");
        }
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement(UPDATE)) {
            bind(update, silence);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    bind(insert, silence);
                    insert.executeUpdate();
                }
            }
        } catch (SQLException error) {
            throw new StoreException("Cannot save silence " + silence.id() + ": " + Outage.reason(error), error);
        }
    }

    @Override
    public List<Silence> all() {
        if (!database.isReady()) {
            throw new StoreException("The database is not available yet");
        }
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(SELECT_ALL);
             ResultSet rows = query.executeQuery()) {
            List<Silence> silences = new ArrayList<>();
            while (rows.next()) {
                silences.add(new Silence(rows.getString("id"), Optional.ofNullable(rows.getString("check_id")),
                        Optional.ofNullable(rows.getString("dependency")),
                        Optional.ofNullable(SqlValues.getEnum(rows, "severity", Severity::valueOf)),
                        SqlValues.getInstant(rows, "starts_at"), SqlValues.getInstant(rows, "ends_at"),
                        rows.getString("reason"), SqlValues.getInstant(rows, "created_at")));
            }
            return silences;
        } catch (SQLException error) {
            throw new StoreException("Cannot read silences: " + Outage.reason(error), error);
        }
    }

    private static void bind(PreparedStatement statement, Silence silence) throws SQLException {
        statement.setString(1, silence.checkId().orElse(null));
        statement.setString(2, silence.dependency().orElse(null));
        SqlValues.setName(statement, 3, silence.severity().orElse(null));
        SqlValues.setInstant(statement, 4, silence.startsAt());
        SqlValues.setInstant(statement, 5, silence.endsAt());
        statement.setString(6, SqlValues.storableText(silence.reason()));
        SqlValues.setInstant(statement, 7, silence.createdAt());
        statement.setString(8, silence.id());
    }
}
