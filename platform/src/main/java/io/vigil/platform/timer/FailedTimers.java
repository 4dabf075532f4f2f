package io.vigil.platform.timer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigil.platform.config.VigilConfig;
import io.vigil.platform.deadletter.DeadLetters;
import io.vigil.platform.worker.WakeableLoop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes timers that used up their attempts to vigil.dead-letter (so the audit log records them), then stamps
 * them. A timer is marked failed in the transaction of its last attempt and stamped only after the broker's ack:
 * a crash in between publishes it again at the next start. A dead letter may repeat; it is never lost.
 */
@ApplicationScoped
public class FailedTimers {
    /** The {@value DeadLetters#TOPIC} header of a failed timer's dead letter. */
    public static final String ORIGIN = "timer";
    private static final int BATCH = 20;
    private static final int POLLS_PER_RETRY = 10;

    /** What the dead letter carries: the timer as scheduled and why it gave up. */
    public record FailedTimer(long id, String kind, String aggregateId, Instant dueAt, String payload,
                              int attempts, String lastError, Instant failedAt) {
    }

    private final DataSource dataSource;
    private final DeadLetters deadLetters;
    private final ObjectMapper json;
    private final Clock clock;
    private final String service;
    private final WakeableLoop loop;

    public FailedTimers(DataSource dataSource, DeadLetters deadLetters, ObjectMapper json, Clock clock, VigilConfig config) {
        this.dataSource = dataSource;
        this.deadLetters = deadLetters;
        this.json = json;
        this.clock = clock;
        this.service = config.service();
        this.loop = new WakeableLoop("timer-dead-letters", config.timers().pollInterval().multipliedBy(POLLS_PER_RETRY),
                this::publishAll);
    }

    void start(@Observes StartupEvent ignored) {
        loop.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        loop.stop();
    }

    /** A timer was just marked failed. */
    public void wake() {
        loop.wake();
    }

    /** At start (what a crash left unpublished), when woken, and now and then for what the broker refused. */
    private void publishAll() {
        while (loop.running() && publishPending() == BATCH) {
            // a full batch: more may be waiting
        }
    }

    /** Publishes one batch of failed timers not yet dead-lettered; returns how many. */
    public int publishPending() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                List<FailedTimer> failed = claimUnpublished(c);
                for (FailedTimer timer : failed) {
                    deadLetters.sendOwn(ORIGIN, timer.aggregateId(), describe(timer), consumer(timer.kind()),
                            "timer failed after " + timer.attempts() + " attempts: " + timer.lastError());
                    stamp(c, timer.id());
                }
                return failed.size();
            }
        });
    }

    /** The {@value DeadLetters#CONSUMER} header: who gave up. */
    public String consumer(String kind) {
        return service + ".timer." + kind;
    }

    private byte[] describe(FailedTimer timer) throws JsonProcessingException {
        return json.writeValueAsBytes(timer);
    }

    private static List<FailedTimer> claimUnpublished(Connection c) throws SQLException {
        List<FailedTimer> failed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, kind, aggregate_id, due_at, payload, attempts, last_error, failed_at FROM timer
                WHERE failed_at IS NOT NULL AND dead_lettered_at IS NULL
                ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            ps.setInt(1, BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    failed.add(new FailedTimer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                            rs.getString(5), rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant()));
                }
            }
        }
        return failed;
    }

    private void stamp(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE timer SET dead_lettered_at = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }
}
