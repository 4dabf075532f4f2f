package io.vigil.platform.bench;

import io.vigil.platform.timer.DueTimer;
import io.vigil.platform.timer.TimerHandler;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark's handler: one row per fire in timer_bench_fire (an effect in the firing transaction, as an
 * event append is), and the time its transaction committed, which is when the fire took effect.
 */
final class FireTimes implements TimerHandler {
    static final String KIND = "bench";
    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;
    private final Object key = new Object();
    final Map<Long, Instant> committedAt = new ConcurrentHashMap<>();

    FireTimes(DataSource dataSource, TransactionSynchronizationRegistry transactions, Clock clock) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void fire(DueTimer timer) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO timer_bench_fire (timer_id) VALUES (?)")) {
            ps.setLong(1, timer.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        firedInThisTransaction().add(timer.id());
    }

    @SuppressWarnings("unchecked")
    private List<Long> firedInThisTransaction() {
        List<Long> ids = (List<Long>) transactions.getResource(key);
        if (ids == null) {
            List<Long> fresh = new ArrayList<>();
            transactions.putResource(key, fresh);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        Instant now = clock.instant();
                        fresh.forEach(id -> committedAt.put(id, now));
                    }
                }
            });
            ids = fresh;
        }
        return ids;
    }
}
