package io.vigil.notification.application;

import io.vigil.events.DutyRole;
import io.vigil.events.VigilEvent;
import io.vigil.events.notifications.NotificationDeadlineMissed;
import io.vigil.notification.config.NotificationConfig;
import io.vigil.notification.domain.Addressee;
import io.vigil.notification.domain.DeadlineRule;
import io.vigil.notification.domain.NotificationDeadline;
import io.vigil.notification.persistence.DeadlineRow;
import io.vigil.notification.persistence.Deadlines;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.eventstore.Cause;
import io.vigil.platform.eventstore.EventSourcedRepository;
import io.vigil.platform.eventstore.EventStore;
import io.vigil.platform.eventstore.StoredEvent;
import io.vigil.platform.timer.DueTimer;
import io.vigil.platform.timer.TimerHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Notification deadlines (seed 001 §2.2, §5.1: the owner within 5 min, the PM within 15 min, support at once): a
 * row per (causing event, person) and a durable platform timer at the deadline plus the grace, both in the
 * transaction that recorded the event. When the timer fires, a message sent to the person on any channel by then
 * keeps the deadline ({@code met}); otherwise it is {@code missed} and {@code notification.deadline-missed} is
 * published. Timers survive restarts and fire once with several instances.
 */
@ApplicationScoped
public class NotificationDeadlines implements TimerHandler {
    public static final String TIMER = "notification-deadline";
    private static final Logger LOG = Logger.getLogger(NotificationDeadlines.class);

    private final Deadlines deadlines;
    private final EventSourcedRepository repository;
    private final EventStore store;
    private final DeadlineRule rule;
    private final Clock clock;

    public NotificationDeadlines(Deadlines deadlines, EventSourcedRepository repository, EventStore store,
                                 NotificationConfig config, Clock clock) {
        this.deadlines = deadlines;
        this.repository = repository;
        this.store = store;
        this.rule = new DeadlineRule(config.deadlineGrace());
        this.clock = clock;
    }

    public static String deadlineId(String causationEventId, String recipient) {
        return UUID.nameUUIDFromBytes(("deadline|" + causationEventId + "|" + recipient).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Tracks that {@code to} must be told of the cause by {@code dueAt}: the row now, the timer with the decision returned. */
    public Decision track(Decision decision, DeliveryPlan.Cause cause, Addressee to, Instant dueAt) {
        String id = deadlineId(cause.eventId(), to.username());
        boolean added = deadlines.insertOnce(new DeadlineRow(id, cause.eventId(), cause.type(), cause.subject(), to.username(),
                to.role(), dueAt, "pending", null, null, clock.instant()));
        return added ? decision.schedule(TIMER, rule.checkAt(dueAt), id) : decision;
    }

    @Override
    public String kind() {
        return TIMER;
    }

    @Override
    public void fire(DueTimer timer) {
        Optional<DeadlineRow> row = deadlines.lock(timer.payload());
        if (row.isEmpty() || !row.get().state().equals("pending")) {
            return;
        }
        DeadlineRow d = row.get();
        List<Deadlines.Send> sends = deadlines.sends(d.causationEventId(), d.recipient());
        Instant now = clock.instant();
        Optional<Instant> kept = rule.keptBy(d.dueAt(), sends.stream().map(Deadlines.Send::sentAt).filter(t -> t != null).toList());
        if (kept.isPresent()) {
            deadlines.decide(d.deadlineId(), "met", kept.get(), now);
            return;
        }
        deadlines.decide(d.deadlineId(), "missed", null, now);
        String status = DeadlineRule.deliveryStatus(sends.stream().map(Deadlines.Send::status).toList());
        LOG.warnf("notification deadline missed: %s had to be told of %s %s by %s (deliveries: %s)", d.recipient(),
                d.causationType(), d.causationSubject(), d.dueAt(), status);
        NotificationDeadlineMissed missed = new NotificationDeadlineMissed(d.deadlineId(), d.causationEventId(), d.causationType(),
                d.causationSubject(), d.recipient(), role(d.role()), d.dueAt(), now,
                sends.stream().map(Deadlines.Send::notificationId).toList(), status);
        repository.decide(NotificationDeadline.KIND, d.deadlineId(), causeOf(d), s -> NotificationDeadline.missed(s, missed));
    }

    private Cause causeOf(DeadlineRow d) {
        if (d.causationSubject() != null) {
            for (StoredEvent e : store.load(d.causationSubject())) {
                if (e.event().id().equals(d.causationEventId())) {
                    return Cause.event((VigilEvent<?>) e.event());
                }
            }
        }
        return Cause.actor("notification-service");
    }

    private static DutyRole role(String role) {
        return Arrays.stream(DutyRole.values())
                .filter(r -> r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-').equals(role))
                .findFirst().orElse(null);
    }
}
