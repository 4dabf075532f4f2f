package io.vigil.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigil.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import io.vigil.platform.config.VigilConfig;
import io.vigil.platform.worker.WakeableLoop;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka in id order and stamps them published. Woken right after a commit
 * that wrote rows, and on a slow poll for rows left by a crash. One instance relays at a time
 * (a transaction-scoped advisory lock), so per-key order holds with several instances running.
 * The wait for the broker's acks of a batch is bounded well below the transaction timeout: a broker that
 * does not answer rolls the batch back, to be sent again (consumers recognise a repeat by its event id).
 * Published rows are pruned once they are older than the retention.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final long RELAY_LOCK = 0x76_69_67_69_6cL; // "vigil"
    private static final int BATCH = 500;
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private final DataSource dataSource;
    private final Producer<String, byte[]> producer;
    private final Duration pollInterval;
    private final Duration ackTimeout;
    private final Duration retention;
    private final boolean enabled;
    private final WakeableLoop loop;
    private long lastPrune = System.nanoTime();

    public OutboxRelay(DataSource dataSource, Producer<String, byte[]> producer, VigilConfig config) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.pollInterval = config.outbox().pollInterval();
        this.ackTimeout = config.outbox().ackTimeout();
        this.retention = config.outbox().retention();
        this.enabled = config.outbox().enabled();
        this.loop = new WakeableLoop("outbox-relay", pollInterval, this::relay);
    }

    void start(@Observes StartupEvent ignored) {
        if (enabled) {
            loop.start();
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        loop.stop();
    }

    /** Called after a commit that wrote outbox rows. */
    public void wake() {
        loop.wake();
    }

    private void relay() {
        while (loop.running() && publishPending() == BATCH) {
            // a full batch: more may be waiting
        }
        if (System.nanoTime() - lastPrune > PRUNE_EVERY.toNanos()) {
            prunePublished();
            lastPrune = System.nanoTime();
        }
    }

    /** Publishes one batch of pending rows; returns how many were published. */
    public int publishPending() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (!tryLock(c)) {
                    return 0;
                }
                List<Long> ids = new ArrayList<>();
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id, topic, record_key, event FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT " + BATCH);
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        sends.add(producer.send(EventCodec.structuredRecord(rs.getString(2), rs.getString(3), rs.getBytes(4))));
                    }
                }
                long deadline = System.nanoTime() + ackTimeout.toNanos();
                for (Future<RecordMetadata> send : sends) {
                    send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
                markPublished(c, ids);
                return ids.size();
            }
        });
    }

    /** Deletes published rows older than the retention, a bounded slice per pass. */
    public int prunePublished() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("""
                         DELETE FROM outbox WHERE id IN (
                             SELECT id FROM outbox WHERE published_at < now() - make_interval(secs => ?) ORDER BY id LIMIT 5000)""")) {
                ps.setDouble(1, retention.toMillis() / 1000.0);
                return ps.executeUpdate();
            }
        });
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, RELAY_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void markPublished(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET published_at = now() WHERE id = ANY (?)")) {
            Array array = c.createArrayOf("bigint", ids.toArray());
            ps.setArray(1, array);
            ps.executeUpdate();
        }
    }
}
