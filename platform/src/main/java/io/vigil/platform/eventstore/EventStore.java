package io.vigil.platform.eventstore;

import io.vigil.events.Envelope;
import io.vigil.events.EventCodec;
import io.vigil.events.VigilEvent;
import io.vigil.platform.outbox.OutboxRelay;
import io.vigil.policy.PolicyRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
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
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The service's append-only event store. Appending writes the events and their outbox rows in the
 * caller's transaction, so state and publication commit or fail together. Services write through
 * {@link EventSourcedRepository}, never here directly. Reading maps stored events without re-checking
 * today's schemas, through the service's {@link Upcaster}s.
 */
@ApplicationScoped
public class EventStore {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "position, aggregate_type, aggregate_id, version, event";

    private final DataSource dataSource;
    private final EventCodec codec;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final Map<String, Upcaster> upcasters;

    public EventStore(DataSource dataSource, EventCodec codec, TransactionSynchronizationRegistry transactions,
                      OutboxRelay relay, Instance<Upcaster> upcasters) {
        this.dataSource = dataSource;
        this.codec = codec;
        this.transactions = transactions;
        this.relay = relay;
        this.upcasters = upcasters.stream().collect(Collectors.toMap(Upcaster::fromType, Function.identity()));
    }

    /** The aggregate's events in version order; empty when it does not exist. */
    @Transactional
    public List<StoredEvent> load(String aggregateId) {
        List<StoredEvent> events = new ArrayList<>();
        query("SELECT " + COLUMNS + " FROM event_store WHERE aggregate_id = ? ORDER BY version",
                ps -> ps.setString(1, aggregateId), events::add);
        return events;
    }

    /** Every event of these aggregate types in store order, handed to {@code sink} one by one (projection rebuilds). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replay(List<String> aggregateTypes, Consumer<StoredEvent> sink) {
        query("SELECT " + COLUMNS + " FROM event_store WHERE aggregate_type = ANY (?) ORDER BY position",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", aggregateTypes.toArray())), sink);
    }

    /**
     * Appends events after {@code expectedVersion} (0 for a new aggregate); returns them as stored.
     * @param unpublishedId an event another system already published (it is recorded, not published again), or null
     * @throws ConcurrencyConflict when another writer got there first
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<StoredEvent> append(String aggregateType, String aggregateId, int expectedVersion,
                                    List<? extends VigilEvent<?>> events, PolicyRule rule, String unpublishedId) {
        List<StoredEvent> stored = new ArrayList<>();
        if (events.isEmpty()) {
            return stored;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement store = c.prepareStatement("""
                     INSERT INTO event_store (aggregate_type, aggregate_id, version, event_id, event_type, occurred_at, event,
                                              policy_rule, policy_version)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement outbox = c.prepareStatement(
                     "INSERT INTO outbox (event_id, topic, record_key, event) VALUES (?, ?, ?, ?)")) {
            int version = expectedVersion;
            for (VigilEvent<?> event : events) {
                byte[] bytes = codec.encode(event);
                boolean received = event.id().equals(unpublishedId);
                if (!received) {
                    codec.typed(codec.decode(bytes)); // what we publish meets the contract, or nothing is written
                }
                store.setString(1, aggregateType);
                store.setString(2, aggregateId);
                store.setInt(3, ++version);
                store.setString(4, event.id());
                store.setString(5, event.type().typeName());
                store.setTimestamp(6, Timestamp.from(event.time()));
                store.setBytes(7, bytes);
                store.setString(8, rule == null || received ? null : rule.ruleId());
                store.setString(9, rule == null || received ? null : rule.policyVersion());
                store.addBatch();
                if (!received) {
                    outbox.setString(1, event.id());
                    outbox.setString(2, event.topic());
                    outbox.setString(3, event.subject());
                    outbox.setBytes(4, bytes);
                    outbox.addBatch();
                }
                @SuppressWarnings("unchecked")
                VigilEvent<io.vigil.events.EventPayload> typed = (VigilEvent<io.vigil.events.EventPayload>) event;
                stored.add(new StoredEvent(0, aggregateType, aggregateId, version, typed));
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
        return stored;
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void query(String sql, Binder binder, Consumer<StoredEvent> sink) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), read(rs.getBytes(5))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store", e);
        }
    }

    private VigilEvent<io.vigil.events.EventPayload> read(byte[] bytes) {
        Envelope envelope = codec.decode(bytes);
        for (Upcaster u = upcasters.get(envelope.type()); u != null; u = upcasters.get(envelope.type())) {
            String from = envelope.type();
            envelope = u.upcast(envelope);
            if (from.equals(envelope.type())) {
                throw new IllegalStateException("upcaster of " + from + " must return another type");
            }
        }
        return codec.stored(envelope);
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
