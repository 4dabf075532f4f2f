package io.vigil.escalation.domain;

import io.vigil.events.EventPayload;
import io.vigil.events.alerts.Signals;
import io.vigil.events.incidents.IncidentEscalated;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.domain.TimerChange;
import io.vigil.policy.Policy;
import io.vigil.policy.PolicyLoader;
import io.vigil.policy.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The write pipeline in memory for one incident: applies decisions, keeps its timers, fires them as the clock moves. */
final class LadderHarness {
    static final Policy POLICY = new PolicyLoader().loadDefault().policy();
    static final Instant OPENED = Instant.parse("2026-11-23T10:00:00Z");
    static final Duty DUTY = role -> switch (role) {
        case ON_CALL_PRIMARY -> List.of("oncall-1");
        case ON_CALL_SECONDARY -> List.of("oncall-2");
        case INGESTION_OWNER -> List.of("ingestion-owner");
        case SRE_LEAD -> List.of("sre-lead", "sre-lead-2");
        case PRODUCT_MANAGER -> List.of("product-manager");
        default -> List.of();
    };

    private record Pending(long seq, String kind, Instant dueAt, String payload) {
    }

    Incident incident = Incident.KIND.initial("inc-1");
    final List<EventPayload> events = new ArrayList<>();
    private final List<Pending> timers = new ArrayList<>();
    private long seq;
    Instant now = OPENED;

    static LadderHarness opened(Signals signals) {
        LadderHarness h = new LadderHarness();
        SeverityClassification severity = SeverityClassification.of(POLICY.severity(), signals, null);
        h.decide(i -> i.open(new OpenIncident("inc-1", "ingest", "uploads failing", List.of("a"), null, null, null),
                severity, POLICY, DUTY, h.now));
        return h;
    }

    void decide(Function<Incident, Decision> decide) {
        Decision d = decide.apply(incident);
        for (EventPayload e : d.events()) {
            incident = Incident.KIND.apply(incident, e);
            events.add(e);
        }
        for (TimerChange change : d.timers()) {
            switch (change) {
                case TimerChange.Schedule s -> timers.add(new Pending(seq++, s.kind(), s.dueAt(), s.payload()));
                case TimerChange.Cancel c -> timers.removeIf(t -> t.kind().equals(c.kind()));
            }
        }
    }

    /** Moves the clock to {@code sinceOpened} after opening and fires what is due, in due order. */
    void at(Duration sinceOpened) {
        now = OPENED.plus(sinceOpened);
        while (true) {
            Pending next = timers.stream().filter(t -> !t.dueAt().isAfter(now))
                    .min(Comparator.comparing(Pending::dueAt).thenComparing(Pending::seq)).orElse(null);
            if (next == null) {
                return;
            }
            timers.remove(next);
            decide(i -> next.kind().equals(Incident.UPDATE_TIMER)
                    ? i.updateDue(Integer.parseInt(next.payload()), POLICY, DUTY, now)
                    : i.stepDue(next.payload(), POLICY, DUTY, now));
        }
    }

    List<IncidentEscalated> escalations() {
        return events.stream().filter(IncidentEscalated.class::isInstance).map(IncidentEscalated.class::cast).toList();
    }

    /** Each escalation as "rule → role=person, …". */
    List<String> paged() {
        return escalations().stream().map(e -> e.policyRule() + " -> " + String.join(",", e.targets().stream()
                .map(t -> t.role().name() + "=" + t.person()).toList())).toList();
    }

    int pendingTimers() {
        return timers.size();
    }

    static Role role(String r) {
        return Role.valueOf(r);
    }
}
