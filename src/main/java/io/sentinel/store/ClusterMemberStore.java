package io.sentinel.store;

import io.sentinel.cluster.ClusterMember;
import io.sentinel.cluster.MemberRepository;
import io.sentinel.writer.Outage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The {@code cluster_member} table: one row per instance, rewritten every few seconds while it runs. */
public final class ClusterMemberStore implements MemberRepository {

    /** Rows of instances gone longer than this are deleted when another instance announces itself. */
    static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);
    private static final String UPDATE = "UPDATE cluster_member SET location = ?, api_url = ?, leader = ?, started_at = ?,"
            + " seen_at = ? WHERE member_id = ?";
    private static final String INSERT = "INSERT INTO cluster_member (location, api_url, leader, started_at, seen_at,"
            + " member_id) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String FORGET = "DELETE FROM cluster_member WHERE seen_at < ?";
    private static final String SEEN_SINCE = "SELECT member_id, location, api_url, leader, started_at, seen_at"
            + " FROM cluster_member WHERE seen_at >= ? ORDER BY location, member_id";

    private final Database database;

    public ClusterMemberStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void announce(ClusterMember member) {
        requireReady();
        try {
            Transactions.inTransaction(database.dataSource(), connection -> {
                try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                    bind(update, member);
                    if (update.executeUpdate() == 0) {
                        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                            bind(insert, member);
                            insert.executeUpdate();
                        }
                    }
                }
                try (PreparedStatement forget = connection.prepareStatement(FORGET)) {
                    SqlValues.setInstant(forget, 1, member.seenAt().minus(FORGOTTEN_AFTER));
                    forget.executeUpdate();
                }
                return 1;
            });
        } catch (SQLException error) {
            throw new StoreException("Cannot announce this instance: " + Outage.reason(error), error);
        }
    }

    @Override
    public List<ClusterMember> seenSince(Instant cutoff) {
        requireReady();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(SEEN_SINCE)) {
            SqlValues.setInstant(query, 1, cutoff);
            try (ResultSet rows = query.executeQuery()) {
                List<ClusterMember> members = new ArrayList<>();
                while (rows.next()) {
                    members.add(new ClusterMember(rows.getString("member_id"), rows.getString("location"),
                            rows.getString("api_url"), rows.getBoolean("leader"),
                            SqlValues.getInstant(rows, "started_at"), SqlValues.getInstant(rows, "seen_at")));
                }
                return members;
            }
        } catch (SQLException error) {
            throw new StoreException("Cannot read the cluster's members: " + Outage.reason(error), error);
        }
    }

    /** Both statements take the same parameters in the same order, the key last. */
    private static void bind(PreparedStatement statement, ClusterMember member) throws SQLException {
        statement.setString(1, member.location());
        statement.setString(2, member.apiUrl());
        statement.setBoolean(3, member.leader());
        SqlValues.setInstant(statement, 4, member.startedAt());
        SqlValues.setInstant(statement, 5, member.seenAt());
        statement.setString(6, member.memberId());
    }

    private void requireReady() {
        if (!database.isReady()) {
            throw new StoreException("The database is not available yet");
        }
    }
}
