package io.vigil.notification.application;

import io.vigil.events.DutyRole;
import io.vigil.events.EventPayload;
import io.vigil.events.VigilEvent;
import io.vigil.events.notifications.Channel;
import io.vigil.events.notifications.NotificationFailed;
import io.vigil.events.notifications.NotificationSent;
import io.vigil.notification.domain.Notification;
import io.vigil.notification.persistence.DeliveryRow;
import io.vigil.platform.eventstore.Cause;
import io.vigil.platform.eventstore.EventSourcedRepository;
import io.vigil.platform.eventstore.EventStore;
import io.vigil.platform.eventstore.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * The end of a delivery as an event on {@code vigil.notifications}: {@code notification.sent} or, after the last
 * attempt, {@code notification.failed}; caused by the event that made the message necessary (its correlation
 * carries on), or by the person who asked for a test message.
 */
@ApplicationScoped
public class DeliveryOutcomes {
    private final EventSourcedRepository repository;
    private final EventStore store;

    public DeliveryOutcomes(EventSourcedRepository repository, EventStore store) {
        this.repository = repository;
        this.store = store;
    }

    public void sent(DeliveryRow d, int attempts, Instant at) {
        end(d, new NotificationSent(d.notificationId(), d.causationEventId(), d.causationType(), d.causationSubject(),
                channel(d), d.recipient(), role(d), d.address(), d.template(), attempts, at));
    }

    public void failed(DeliveryRow d, int attempts, String error, Instant at) {
        end(d, new NotificationFailed(d.notificationId(), d.causationEventId(), d.causationType(), d.causationSubject(),
                channel(d), d.recipient(), role(d), d.address(), d.template(), attempts, error, at));
    }

    private void end(DeliveryRow d, EventPayload outcome) {
        repository.decide(Notification.KIND, d.notificationId(), causeOf(d), state -> Notification.end(state, outcome));
    }

    private Cause causeOf(DeliveryRow d) {
        if (d.causationSubject() == null) {
            return Cause.actor(d.recipient());
        }
        return store.load(d.causationSubject()).stream()
                .map(StoredEvent::event)
                .filter(e -> e.id().equals(d.causationEventId()))
                .findFirst()
                .<Cause>map(e -> Cause.event((VigilEvent<?>) e))
                .orElseGet(() -> Cause.actor(d.recipient()));
    }

    private static Channel channel(DeliveryRow d) {
        return Channel.valueOf(d.channel().toUpperCase(Locale.ROOT));
    }

    private static DutyRole role(DeliveryRow d) {
        return Arrays.stream(DutyRole.values())
                .filter(r -> r.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(d.role()))
                .findFirst().orElse(null);
    }
}
