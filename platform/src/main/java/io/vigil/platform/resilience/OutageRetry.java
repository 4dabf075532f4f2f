package io.vigil.platform.resilience;

import io.vigil.platform.config.VigilConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Runs a piece of work again, with growing pauses, for as long as our own infrastructure is down, and
 * tells the readiness check who is waiting. The offset of the record being worked on is not committed
 * meanwhile, so nothing is lost and nothing is skipped; the work must be idempotent (it is: every
 * consumer records what it applied in the transaction of the effect).
 */
@ApplicationScoped
public class OutageRetry {
    private static final Logger LOG = Logger.getLogger(OutageRetry.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(30);

    /** A worker waiting for the infrastructure to come back. */
    public record Outage(Instant since, int attempts, String lastError) {
    }

    private final DataSource dataSource;
    private final Duration firstPause;
    private final Duration maxPause;
    private final Map<String, Outage> outages = new ConcurrentHashMap<>();

    public OutageRetry(DataSource dataSource, VigilConfig config) {
        this.dataSource = dataSource;
        this.firstPause = config.inbox().backoff();
        this.maxPause = config.inbox().maxBackoff();
    }

    /** Runs {@code work} until it succeeds or fails for a reason that is not an outage, which is thrown. */
    public <T> T untilDone(String worker, Callable<T> work) {
        return untilDone(worker, work, this::isOutage);
    }

    /** As {@link #untilDone(String, Callable)}, retrying every failure {@code retry} accepts. */
    public <T> T untilDone(String worker, Callable<T> work, Predicate<Throwable> retry) {
        Duration pause = firstPause;
        Instant lastLog = Instant.MIN;
        for (int attempt = 1; ; attempt++) {
            try {
                T result = work.call();
                recovered(worker, attempt);
                return result;
            } catch (Exception e) {
                if (!retry.test(e)) {
                    recovered(worker, attempt);
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
                Instant now = Instant.now();
                Outage before = outages.get(worker);
                outages.put(worker, new Outage(before == null ? now : before.since(), attempt, describe(e)));
                if (Duration.between(lastLog, now).compareTo(LOG_EVERY) >= 0) {
                    LOG.warnf("%s waits for the infrastructure (attempt %d, next in %s): %s", worker, attempt, pause, describe(e));
                    lastLog = now;
                }
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
            }
        }
    }

    /** A transient failure, or any failure while the database does not answer. */
    public boolean isOutage(Throwable failure) {
        return Failures.isTransient(failure) || !databaseAnswers();
    }

    public Map<String, Outage> outages() {
        return Map.copyOf(outages);
    }

    private boolean databaseAnswers() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    private void recovered(String worker, int attempt) {
        if (outages.remove(worker) != null) {
            LOG.infof("%s goes on after %d attempts", worker, attempt);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e + " (cause: " + root + ")";
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the infrastructure", e);
        }
    }
}
