package io.vigil.platform.eventstore;

import io.vigil.events.EventCodec;
import io.vigil.events.EventPayload;
import io.vigil.events.VigilEvent;
import io.vigil.platform.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's append-only event store. {@link #append} writes the events and their outbox rows
 * in the caller's transaction, so state and publication commit or fail together.
 */
@ApplicationScoped
public class EventStore {
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final EventCodec codec;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public EventStore(DataSource dataSource, EventCodec codec, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.dataSource = dataSource;
        this.codec = codec;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** The aggregate's events in version order; empty when it does not exist. */
    @Transactional
    public List<VigilEvent<EventPayload>> load(String aggregateId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT event FROM event_store WHERE aggregate_id = ? ORDER BY version")) {
            ps.setString(1, aggregateId);
            List<VigilEvent<EventPayload>> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(codec.typed(codec.decode(rs.getBytes(1))));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load aggregate " + aggregateId, e);
        }
    }

    /**
     * Appends events after {@code expectedVersion} (0 for a new aggregate).
     * @throws ConcurrencyConflict when another writer got there first
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String aggregateType, String aggregateId, int expectedVersion, List<? extends VigilEvent<?>> events) {
        write(aggregateType, aggregateId, expectedVersion, events, null);
    }

    /**
     * Records an event another system published (it is already on Kafka, so it is not published again)
     * followed by the events it caused, which are.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendReceived(String aggregateType, String aggregateId, int expectedVersion,
                               VigilEvent<?> received, List<? extends VigilEvent<?>> caused) {
        List<VigilEvent<?>> all = new ArrayList<>();
        all.add(received);
        all.addAll(caused);
        write(aggregateType, aggregateId, expectedVersion, all, received.id());
    }

    private void write(String aggregateType, String aggregateId, int expectedVersion,
                       List<? extends VigilEvent<?>> events, String unpublishedId) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement store = c.prepareStatement("""
                     INSERT INTO event_store (aggregate_type, aggregate_id, version, event_id, event_type, occurred_at, event)
                     VALUES (?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement outbox = c.prepareStatement(
                     "INSERT INTO outbox (event_id, topic, record_key, event) VALUES (?, ?, ?, ?)")) {
            int version = expectedVersion;
            for (VigilEvent<?> event : events) {
                byte[] bytes = codec.encode(event);
                store.setString(1, aggregateType);
                store.setString(2, aggregateId);
                store.setInt(3, ++version);
                store.setString(4, event.id());
                store.setString(5, event.type().typeName());
                store.setTimestamp(6, Timestamp.from(event.time()));
                store.setBytes(7, bytes);
                store.addBatch();
                if (!event.id().equals(unpublishedId)) {
                    outbox.setString(1, event.id());
                    outbox.setString(2, event.topic());
                    outbox.setString(3, event.subject());
                    outbox.setBytes(4, bytes);
                    outbox.addBatch();
                }
            }
            store.executeBatch();
            outbox.executeBatch();
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new ConcurrencyConflict(aggregateId, expectedVersion);
            }
            throw new IllegalStateException("cannot append to aggregate " + aggregateId, e);
        }
        wakeRelayAfterCommit();
    }

    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private void wakeRelayAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
