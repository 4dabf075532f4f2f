package io.vigil.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vigil.platform.resilience.OutageRetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What waits, sampled from the database every 5 s (not on each scrape, so a slow or absent database never
 * holds up /q/metrics): the outbox rows not yet published and the age of the oldest, the pending timers, those
 * due now by the service's clock and how late the most overdue one is, failed timers; and the consumers waiting
 * out an outage (readiness). While the database does not answer, the sampled gauges read NaN.
 */
@ApplicationScoped
public class BacklogGauges {
    private static final Logger LOG = Logger.getLogger(BacklogGauges.class);
    private static final String PENDING = "fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL";

    /** One sample of the tables. */
    public record Sample(long outboxUnpublished, double outboxOldestAgeSeconds, long timersPending, long timersDue,
                         double timersDueLatenessSeconds, long timersFailed) {
        static final Sample UNKNOWN = new Sample(-1, Double.NaN, -1, -1, Double.NaN, -1);
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final OutageRetry outages;
    private final MeterRegistry registry;
    private final AtomicReference<Sample> last = new AtomicReference<>(Sample.UNKNOWN);
    private MultiGauge waiting;

    public BacklogGauges(DataSource dataSource, Clock clock, OutageRetry outages, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.outages = outages;
        this.registry = registry;
    }

    void register(@Observes StartupEvent ignored) {
        gauge("vigil.outbox.unpublished", "Outbox rows not yet published to Kafka", null, s -> count(s.outboxUnpublished()));
        gauge("vigil.outbox.oldest.age", "Age of the oldest unpublished outbox row (0 when none)", "seconds",
                Sample::outboxOldestAgeSeconds);
        gauge("vigil.timers.pending", "Timers scheduled and not yet fired, cancelled or failed", null, s -> count(s.timersPending()));
        gauge("vigil.timers.due", "Pending timers due now by the service's clock (fired within a poll interval when all is well)",
                null, s -> count(s.timersDue()));
        gauge("vigil.timers.due.lateness", "How long the most overdue pending timer is past its due time (0 when none is due)",
                "seconds", Sample::timersDueLatenessSeconds);
        gauge("vigil.timers.failed", "Timers failed after their last attempt (dead-lettered)", null, s -> count(s.timersFailed()));
        Gauge.builder("vigil.consumers.ready", outages, o -> o.outages().isEmpty() ? 1 : 0)
                .description("1 when no consumer or worker waits out a database or broker outage (readiness check vigil-consumers), else 0")
                .register(registry);
        Gauge.builder("vigil.consumers.waiting", outages, o -> o.outages().size())
                .description("Consumers and workers waiting out a database or broker outage").register(registry);
        waiting = MultiGauge.builder("vigil.consumer.outage").baseUnit("seconds")
                .description("How long each waiting consumer or worker has waited for the infrastructure").register(registry);
    }

    private void gauge(String name, String description, String unit, java.util.function.ToDoubleFunction<Sample> value) {
        Gauge.builder(name, last, ref -> value.applyAsDouble(ref.get())).description(description).baseUnit(unit).register(registry);
    }

    private static double count(long n) {
        return n < 0 ? Double.NaN : n;
    }

    @Scheduled(every = "5s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sampleOnSchedule() {
        sample(clock.instant());
    }

    /** Samples the tables as of {@code now} (the service's clock) and publishes the sample to the gauges. */
    public Sample sample(Instant now) {
        Sample sample;
        try (Connection c = dataSource.getConnection()) {
            sample = read(c, now);
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("metrics: could not sample the outbox and timer tables: %s", e);
            sample = Sample.UNKNOWN;
        }
        last.set(sample);
        Instant wall = Instant.now();
        if (waiting != null) {
            waiting.register(outages.outages().entrySet().stream()
                    .map(e -> MultiGauge.Row.of(Tags.of("worker", e.getKey()),
                            Duration.between(e.getValue().since(), wall).toMillis() / 1000.0))
                    .toList(), true);
        }
        return sample;
    }

    private static Sample read(Connection c, Instant now) throws SQLException {
        long unpublished;
        double oldestAge;
        // created_at is the database's time of the commit: the relay's lag is wall-clock time, whatever the service clock says
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0) "
                + "FROM outbox WHERE published_at IS NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            unpublished = rs.getLong(1);
            oldestAge = Math.max(0, rs.getDouble(2));
        }
        long pending;
        long due;
        double lateness;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), "
                + "count(*) FILTER (WHERE coalesce(next_attempt_at, due_at) <= ?), "
                + "min(due_at) FILTER (WHERE coalesce(next_attempt_at, due_at) <= ?) FROM timer WHERE " + PENDING)) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                pending = rs.getLong(1);
                due = rs.getLong(2);
                Timestamp oldestDue = rs.getTimestamp(3);
                lateness = oldestDue == null ? 0 : Math.max(0, Duration.between(oldestDue.toInstant(), now).toMillis() / 1000.0);
            }
        }
        long failed;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM timer WHERE failed_at IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            failed = rs.getLong(1);
        }
        return new Sample(unpublished, oldestAge, pending, due, lateness, failed);
    }
}
