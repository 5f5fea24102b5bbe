package io.sentinel.store;

import io.sentinel.cost.SpendRepository;
import io.sentinel.writer.Outage;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The {@code probe_spend} table: dollars spent on probes per dependency and UTC day. */
public final class SpendStore implements SpendRepository {

    private static final String ADD = "UPDATE probe_spend SET usd = usd + ? WHERE dependency = ? AND spent_on = ?";
    private static final String INSERT = "INSERT INTO probe_spend (usd, dependency, spent_on) VALUES (?, ?, ?)";
    private static final String ON_DAY = "SELECT dependency, usd FROM probe_spend WHERE spent_on = ?";
    private static final String TOTAL = "SELECT usd FROM probe_spend WHERE dependency = ? AND spent_on = ?";

    private final Database database;

    public SpendStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Map<String, Double> spentOn(LocalDate day) {
        requireReady();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(ON_DAY)) {
            query.setDate(1, Date.valueOf(day));
            Map<String, Double> spent = new LinkedHashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    spent.put(rows.getString("dependency"), rows.getBigDecimal("usd").doubleValue());
                }
            }
            return spent;
        } catch (SQLException error) {
            throw new StoreException("Cannot read probe spending: " + Outage.reason(error), error);
        }
    }

    /** The total is read in the transaction that added to it: later additions by other instances are not in it yet. */
    @Override
    public double add(String dependency, LocalDate day, double usd) {
        requireReady();
        try {
            return Transactions.inTransaction(database.dataSource(), connection -> {
                try (PreparedStatement add = connection.prepareStatement(ADD)) {
                    bind(add, dependency, day, usd);
                    if (add.executeUpdate() == 0) {
                        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                            bind(insert, dependency, day, usd);
                            insert.executeUpdate();
                        }
                    }
                }
                try (PreparedStatement total = connection.prepareStatement(TOTAL)) {
                    total.setString(1, dependency);
                    total.setDate(2, Date.valueOf(day));
                    try (ResultSet rows = total.executeQuery()) {
                        return rows.next() ? rows.getBigDecimal("usd").doubleValue() : usd;
                    }
                }
            });
        } catch (SQLException error) {
            throw new StoreException("Cannot record probe spending: " + Outage.reason(error), error);
        }
    }

    private static void bind(PreparedStatement statement, String dependency, LocalDate day, double usd) throws SQLException {
        statement.setBigDecimal(1, java.math.BigDecimal.valueOf(usd));
        statement.setString(2, dependency);
        statement.setDate(3, Date.valueOf(day));
    }

    private void requireReady() {
        if (!database.isReady()) {
            throw new StoreException("The database is not available yet");
        }
    }
}
