package io.vigil.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.platform.clock.ControllableClock;
import io.vigil.platform.config.VigilConfig;
import io.vigil.platform.testing.FireLogTimerHandler;
import io.vigil.platform.timer.TimerFiring;
import io.vigil.platform.timer.Timers;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two firing instances against one database, as two service instances would run: every timer fires once. */
@QuarkusTest
class TimerInstancesIT {
    private static final int TIMERS = 1_000;
    private static final int CANCELLED = 100;

    @Inject
    Timers timers;
    @Inject
    ControllableClock clock;
    @Inject
    DataSource dataSource;

    record Settings(Duration pollInterval, int batchSize, int maxAttempts, Duration retryBackoff) implements VigilConfig.Timers {
    }

    @Test
    void shouldFireEachOfAThousandTimersExactlyOnceWithTwoInstancesRunning() throws Exception {
        FireLogTimerHandler.createLog(dataSource);
        String run = "inst-" + UUID.randomUUID();
        // Due far beyond this test's clock, so the service's own poller leaves them to the two instances below.
        Instant due = clock.instant().plus(Duration.ofDays(30));
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < TIMERS; i++) {
                timers.schedule(FireLogTimerHandler.KIND, run + "-" + i, due.plusMillis(i % 7), null);
            }
            for (int i = 0; i < CANCELLED; i++) {
                timers.schedule(FireLogTimerHandler.KIND, run + "-cancelled-" + i, due, null);
                timers.cancel(FireLogTimerHandler.KIND, run + "-cancelled-" + i);
            }
        });
        Clock afterDue = Clock.fixed(due.plusSeconds(1), ZoneOffset.UTC);
        Settings settings = new Settings(Duration.ofSeconds(1), 25, 5, Duration.ofSeconds(30));
        List<TimerFiring> instances = List.of("a", "b").stream()
                .map(name -> new TimerFiring(dataSource, afterDue, Map.of(FireLogTimerHandler.KIND, new FireLogTimerHandler(dataSource, name)),
                        settings, () -> { }))
                .toList();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> fired = instances.stream().map(i -> threads.submit(() -> {
                start.await();
                return i.fireDue();
            })).toList();
            start.countDown();
            int total = 0;
            for (Future<Integer> f : fired) {
                total += f.get(2, TimeUnit.MINUTES);
            }
            assertThat(total).isEqualTo(TIMERS);
        } finally {
            threads.shutdownNow();
        }

        assertThat(query("""
                SELECT count(*), count(DISTINCT l.timer_id) FROM timer_fire_log l JOIN timer t ON t.id = l.timer_id
                WHERE t.aggregate_id LIKE ? || '-%'""", run)).containsExactly(TIMERS, TIMERS);
        assertThat(query("""
                SELECT count(*) FILTER (WHERE fired_at IS NOT NULL), count(*) FILTER (WHERE cancelled_at IS NOT NULL) FROM timer
                WHERE aggregate_id LIKE ? || '-%'""", run)).containsExactly(TIMERS, CANCELLED);
        assertThat(query("""
                SELECT count(*), 0 FROM timer_fire_log l JOIN timer t ON t.id = l.timer_id
                WHERE t.aggregate_id LIKE ? || '-cancelled-%'""", run)).containsExactly(0, 0);
    }

    private List<Integer> query(String sql, String run) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return List.of(rs.getInt(1), rs.getInt(2));
            }
        }
    }
}
