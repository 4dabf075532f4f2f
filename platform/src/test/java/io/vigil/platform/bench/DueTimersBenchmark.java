package io.vigil.platform.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vigil.platform.config.VigilConfig;
import io.vigil.platform.timer.TimerFiring;
import io.vigil.platform.timer.TimerLoop;
import io.vigil.platform.timer.TimerSignal;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A benchmark, not a test (its name matches no test pattern; bench/run.sh timers runs it): {@code bench.timers}
 * timers due at the same instant, fired by one instance, then by two side by side, against the real PostgreSQL in
 * the database platform_bench. Each instance is a {@link TimerFiring} driven by its {@link TimerLoop}, as in a
 * service; the handler writes one row per fire in the firing transaction.
 * Lateness = the commit of a timer's fire − its due time.
 */
@QuarkusTest
@TestProfile(DueTimersBenchmark.BenchDatabase.class)
class DueTimersBenchmark {
    public static class BenchDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://${vigil.db.host:127.0.0.1}:${vigil.db.port:55432}/platform_bench",
                    "quarkus.log.level", "WARN");
        }
    }

    private static final int TIMERS = Integer.getInteger("bench.timers", 10_000);
    private static final int WARM_UP = Math.min(TIMERS, 2_000);
    // The instances measured read a clock this far ahead: the service's own poller in this JVM reads the real one
    // and so never competes for the benchmark's timers.
    private static final Duration AHEAD = Duration.ofDays(1000);
    private static final Duration LEAD = Duration.ofSeconds(3);
    private static final Duration LIMIT = Duration.ofMinutes(5);

    @Inject
    DataSource dataSource;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    VigilConfig config;

    @Test
    void measure() throws Exception {
        execute("CREATE TABLE IF NOT EXISTS timer_bench_fire (timer_id BIGINT NOT NULL)");
        round(1, WARM_UP);
        List<FiringRound> rounds = List.of(round(1, TIMERS), round(2, TIMERS));

        StringBuilder report = new StringBuilder()
                .append(String.format("Timer firing: %,d timers due at the same instant; batch %d; poll interval %s; PostgreSQL database platform_bench%n",
                        TIMERS, config.timers().batchSize(), config.timers().pollInterval()))
                .append(String.format("fired/s = timers / (last fire - due time); lateness = commit of the fire - due time (p50, p99, max, first)%n"))
                .append(FiringRound.header()).append('\n');
        rounds.forEach(r -> report.append(r.line()).append('\n'));
        System.out.print(report);
        String file = System.getProperty("bench.report");
        if (file != null) {
            Files.writeString(Path.of(file), report);
        }
        assertThat(rounds).allMatch(FiringRound::firedEachOnce);
    }

    private FiringRound round(int instances, int timers) throws Exception {
        execute("TRUNCATE timer, timer_bench_fire");
        Clock clock = Clock.offset(Clock.systemUTC(), AHEAD);
        FireTimes handler = new FireTimes(dataSource, transactions, clock);
        List<TimerSignal> signals = new ArrayList<>();
        List<TimerLoop> loops = new ArrayList<>();
        for (int i = 1; i <= instances; i++) {
            TimerSignal signal = new TimerSignal();
            TimerFiring firing = new TimerFiring(dataSource, clock, Map.of(FireTimes.KIND, handler), config.timers(), () -> { });
            signals.add(signal);
            loops.add(new TimerLoop(firing, signal, clock, config.timers().pollInterval(), "bench-timers-" + i));
        }
        loops.forEach(TimerLoop::start);
        try {
            Instant due = clock.instant().plus(LEAD);
            schedule(timers, due);
            assertThat(clock.instant()).as("scheduling took longer than the lead before the due time").isBefore(due);
            signals.forEach(TimerSignal::wake); // look now, then sleep until the due time
            Instant deadline = Instant.now().plus(LIMIT);
            while (handler.committedAt.size() < timers && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            long[] counts = counts();
            return FiringRound.of(instances, timers, counts[0], counts[1], due, handler.committedAt.values());
        } finally {
            loops.forEach(TimerLoop::stop);
        }
    }

    private void schedule(int timers, Instant due) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO timer (kind, aggregate_id, due_at, payload) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < timers; i++) {
                    ps.setString(1, FireTimes.KIND);
                    ps.setString(2, "bench-" + i);
                    ps.setTimestamp(3, Timestamp.from(due));
                    ps.setString(4, "{\"step\":1}");
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private long[] counts() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT timer_id) FROM timer_bench_fire")) {
            rs.next();
            return new long[]{rs.getLong(1), rs.getLong(2)};
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
