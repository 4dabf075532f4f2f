package io.vigil.notification.application;

import io.vigil.events.EventPayload;
import io.vigil.events.Target;
import io.vigil.events.VigilEvent;
import io.vigil.events.killswitch.KillSwitchActivated;
import io.vigil.events.killswitch.KillSwitchApprovalOverdue;
import io.vigil.events.killswitch.KillSwitchEvent;
import io.vigil.notification.config.NotificationConfig;
import io.vigil.notification.domain.Addressee;
import io.vigil.notification.domain.MessageTemplate;
import io.vigil.notification.domain.ReceivedLog;
import io.vigil.notification.domain.RoleNames;
import io.vigil.notification.templates.KillSwitchValues;
import io.vigil.notification.templates.MessageTemplates;
import io.vigil.notification.templates.MessageValues;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.eventstore.EventSourcedRepository;
import io.vigil.platform.inbox.RejectedEvent;
import io.vigil.policy.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A kill-switch event: recorded; an activation notifies every target of its {@code notify} list (seed 001 §2.2,
 * §5.1, resolved by escalation-service from the policy) with the activation log's fields; an approval not given in
 * time notifies everyone it was escalated to (the approvers still missing and whom they escalate to). The audit's activation
 * log reads the resulting {@code notification.sent} events as "notification sent to". A target named with a deadline
 * ("within 5 min", "immediately") gets a tracked {@link NotificationDeadlines deadline}.
 */
@ApplicationScoped
public class KillSwitchIntake {
    private final MessageTemplates templates = new MessageTemplates();
    private final EventSourcedRepository repository;
    private final Directory directory;
    private final DeliveryPlan plan;
    private final NotificationDeadlines deadlines;
    private final Duration maxAge;
    private final Duration updateInterval = Duration.ZERO;
    private final Clock clock;

    public KillSwitchIntake(EventSourcedRepository repository, Directory directory, DeliveryPlan plan,
                            NotificationDeadlines deadlines, NotificationConfig config, Clock clock) {
        this.deadlines = deadlines;
        this.repository = repository;
        this.directory = directory;
        this.plan = plan;
        this.maxAge = config.maxEventAge();
        this.clock = clock;
    }

    public void received(VigilEvent<EventPayload> event) {
        if (!(event.payload() instanceof KillSwitchEvent)) {
            throw new RejectedEvent(event.type().typeName() + " is not a kill-switch event");
        }
        Decision deadlinesToCheck = Decision.nothing();
        DeliveryPlan.Cause cause = new DeliveryPlan.Cause(event.id(), event.type().typeName(), event.subject());
        if (event.payload() instanceof KillSwitchApprovalOverdue overdue && !event.time().isBefore(clock.instant().minus(maxAge))) {
            for (Addressee a : addressees(overdue.escalateTo(), overdue.approvalDueAt()).keySet()) {
                MessageValues reader = new MessageValues(a.contact().zone(), null, updateInterval);
                plan.record(cause, a, templates.render(MessageTemplate.KILLSWITCH_APPROVAL_OVERDUE,
                        KillSwitchValues.approvalOverdue(reader, overdue, event.time(), a.role())));
            }
        }
        if (event.payload() instanceof KillSwitchActivated activated && !activated.activatedAt().isBefore(clock.instant().minus(maxAge))) {
            for (Map.Entry<Addressee, Instant> to : addressees(activated.notifyTargets(), activated.activatedAt()).entrySet()) {
                Addressee a = to.getKey();
                MessageValues reader = new MessageValues(a.contact().zone(), null, updateInterval);
                plan.record(cause, a, templates.render(MessageTemplate.KILLSWITCH_ACTIVATED,
                        KillSwitchValues.activated(reader, activated, a.role(), to.getValue())));
                if (to.getValue() != null) {
                    deadlinesToCheck = deadlines.track(deadlinesToCheck, cause, a, to.getValue());
                }
            }
        }
        Decision timers = deadlinesToCheck;
        repository.recordReceived(ReceivedLog.KILLSWITCH, event.subject(), event, n -> timers);
    }

    /** Each person once, with the earliest deadline they were named with; a role without a person is who holds it at {@code at}. */
    private Map<Addressee, Instant> addressees(java.util.List<Target> targets, Instant at) {
        Map<String, Addressee> people = new LinkedHashMap<>();
        Map<String, Instant> deadlines = new LinkedHashMap<>();
        for (Target t : targets) {
            String role = t.role() == null ? "unknown" : RoleNames.of(t.role());
            var found = t.person() != null
                    ? directory.person(t.person()).map(c -> java.util.List.of(new Addressee(c, role))).orElse(java.util.List.of())
                    : t.role() == null ? java.util.List.<Addressee>of() : directory.resolve(Role.valueOf(t.role().name()), at, null);
            for (Addressee ad : found) {
                people.putIfAbsent(ad.username(), ad);
                Instant due = t.dueAt();
                deadlines.merge(ad.username(), due == null ? Instant.MAX : due, (x, y) -> x.isBefore(y) ? x : y);
            }
        }
        Map<Addressee, Instant> out = new LinkedHashMap<>();
        people.forEach((u, ad) -> out.put(ad, Instant.MAX.equals(deadlines.get(u)) ? null : deadlines.get(u)));
        return out;
    }
}
