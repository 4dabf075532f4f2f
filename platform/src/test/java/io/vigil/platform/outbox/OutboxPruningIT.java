package io.vigil.platform.outbox;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Published outbox rows are pruned after the retention (7 days); recent and unpublished rows stay. */
@QuarkusTest
class OutboxPruningIT {
    @Inject
    OutboxRelay relay;
    @Inject
    DataSource dataSource;

    @Test
    void shouldPruneOnlyRowsPublishedLongerAgoThanTheRetention() throws Exception {
        String key = "prune-" + UUID.randomUUID();
        insert(key, "now() - interval '7 days 1 minute'");
        insert(key, "now() - interval '6 days 23 hours'");
        insert(key, null);

        relay.prunePublished();

        assertThat(count(key, "published_at IS NULL")).isEqualTo(1);
        assertThat(count(key, "published_at IS NOT NULL")).as("published within the retention").isEqualTo(1);
        assertThat(count(key, "published_at < now() - interval '7 days'")).isZero();
    }

    private void insert(String key, String publishedAt) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (event_id, topic, record_key, event, published_at) VALUES (?, 'vigil.deploys', ?, '\\x7b7d'::bytea, "
                        + (publishedAt == null ? "NULL" : publishedAt) + ")")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, key);
            ps.executeUpdate();
        }
    }

    private int count(String key, String condition) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM outbox WHERE record_key = ? AND " + condition)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
