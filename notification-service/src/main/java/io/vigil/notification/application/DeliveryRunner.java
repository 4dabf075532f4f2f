package io.vigil.notification.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vigil.events.notifications.Channel;
import io.vigil.notification.channel.ChannelSender;
import io.vigil.notification.channel.OutgoingMessage;
import io.vigil.notification.config.NotificationConfig;
import io.vigil.notification.domain.DeliveryBackoff;
import io.vigil.notification.domain.DestinationGate;
import io.vigil.notification.persistence.Deliveries;
import io.vigil.notification.persistence.DeliveryRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends due deliveries of one channel, one transaction per delivery: the row is claimed with SKIP LOCKED (so
 * several workers and instances never send one twice), sent, and its attempt recorded with the outcome in that
 * transaction. A failure waits for its next attempt (exponential backoff, capped); after the last one the delivery
 * has failed. The {@link DestinationGate} keeps to one message at a time and the rate limit per destination, and
 * rests a destination that just failed, so a destination that is down delays only its own messages.
 * Counter {@code vigil.notification.deliveries} (tags {@code channel}, {@code outcome} = sent|retry|failed).
 */
@ApplicationScoped
public class DeliveryRunner {
    private static final Logger LOG = Logger.getLogger(DeliveryRunner.class);
    private static final int MAX_ERROR = 2000;
    /** Attempts per run at most, so a run ends even when the clock stands still. */
    private static final int BATCH = 500;

    private enum Pass { NONE_DUE, ATTEMPTED, BUSY }

    private final Deliveries deliveries;
    private final DeliveryOutcomes outcomes;
    private final Map<Channel, ChannelSender> senders;
    private final DeliveryBackoff backoff;
    private final DestinationGate gate;
    private final Duration pollInterval;
    private final MeterRegistry meters;
    private final Clock clock;

    public DeliveryRunner(Deliveries deliveries, DeliveryOutcomes outcomes, Instance<ChannelSender> senders,
                          NotificationConfig config, MeterRegistry meters, Clock clock) {
        this.deliveries = deliveries;
        this.outcomes = outcomes;
        this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
        NotificationConfig.Delivery d = config.delivery();
        this.backoff = new DeliveryBackoff(d.initialBackoff(), d.maxBackoff(), d.maxAttempts());
        this.gate = new DestinationGate(d.perDestinationPerMinute().byChannel(), d.initialBackoff());
        this.pollInterval = d.pollInterval();
        this.meters = meters;
        this.clock = clock;
    }

    /** Sends deliveries of the channel that are due now and whose destination is open; returns how many were attempted. */
    public int runDue(Channel channel) {
        ChannelSender sender = senders.get(channel);
        if (sender == null) {
            return 0;
        }
        int attempted = 0;
        int busy = 0;
        long waitedNanos = 0;
        while (attempted < BATCH && busy < BATCH) {
            Pass pass = QuarkusTransaction.requiringNew().call(() -> attemptOne(channel, sender));
            if (pass == Pass.NONE_DUE) {
                // A destination that only waits out its spacing opens again within the poll interval: wait for it
                // here rather than for the next poll, or one busy destination would get a message a poll at most.
                // Waiting ends with the run once it adds up to a poll interval.
                long waited = awaitOpening(channel, pollInterval.toNanos() - waitedNanos);
                if (waited == 0) {
                    break;
                }
                waitedNanos += waited;
                continue;
            }
            if (pass == Pass.ATTEMPTED) {
                attempted++;
            } else {
                busy++;
            }
        }
        return attempted;
    }

    /** Sleeps until the channel's next destination opens, if that is within {@code budgetNanos}; returns the nanoseconds slept. */
    private long awaitOpening(Channel channel, long budgetNanos) {
        Instant now = clock.instant();
        Optional<Duration> wait = gate.nextOpening(channel.name().toLowerCase(Locale.ROOT), now)
                .map(at -> Duration.between(now, at).plusMillis(1)).filter(d -> d.toNanos() <= budgetNanos);
        if (wait.isEmpty()) {
            return 0;
        }
        try {
            Thread.sleep(wait.get());
            return wait.get().toNanos();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private Pass attemptOne(Channel channel, ChannelSender sender) {
        String name = channel.name().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Optional<DeliveryRow> due = deliveries.claimDue(name, now, gate.closed(name, now));
        if (due.isEmpty()) {
            return Pass.NONE_DUE;
        }
        DeliveryRow d = due.get();
        if (!gate.take(name, d.address(), now)) {
            return Pass.BUSY; // another worker took this destination between the two reads; the row stays due
        }
        int attempt = d.attempts() + 1;
        boolean failed = false;
        try {
            sender.send(new OutgoingMessage(d.notificationId(), channel, d.address(), d.recipient(), d.template(), d.subject(),
                    d.body(), d.causationEventId(), d.causationType(), d.causationSubject()));
        } catch (RuntimeException e) {
            failed = true;
            String error = describe(e);
            Instant at = clock.instant();
            Optional<Instant> next = backoff.nextAttempt(at, attempt);
            if (next.isPresent()) {
                LOG.warnf("delivery %s (%s to %s) attempt %d failed, next at %s: %s", d.notificationId(), channel, d.address(), attempt, next.get(), error);
                deliveries.recordRetry(d.notificationId(), attempt, at, error, next.get());
                count(name, "retry");
            } else {
                LOG.errorf("delivery %s (%s to %s) failed for good after %d attempts: %s", d.notificationId(), channel, d.address(), attempt, error);
                deliveries.recordFailed(d.notificationId(), attempt, at, error);
                outcomes.failed(d, attempt, error, at);
                count(name, "failed");
            }
            return Pass.ATTEMPTED;
        } finally {
            gate.release(name, d.address(), failed, clock.instant());
        }
        Instant at = clock.instant();
        deliveries.recordSent(d.notificationId(), attempt, at);
        outcomes.sent(d, attempt, at);
        count(name, "sent");
        return Pass.ATTEMPTED;
    }

    private void count(String channel, String outcome) {
        meters.counter("vigil.notification.deliveries", "channel", channel, "outcome", outcome).increment();
    }

    private static String describe(Throwable e) {
        String text = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}
