package io.vigil.escalation.domain;

import io.vigil.events.EventPayload;
import io.vigil.events.Severity;
import io.vigil.events.killswitch.KillSwitchAction;
import io.vigil.events.killswitch.KillSwitchScenario;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.domain.TimerChange;
import io.vigil.policy.Policy;
import io.vigil.policy.PolicyLoader;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The write pipeline in memory for one kill switch: applies decisions, keeps its timers, fires them as the clock moves. */
final class KillSwitchHarness {
    static final Policy POLICY = new PolicyLoader().loadDefault().policy();
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private record Pending(long seq, String kind, Instant dueAt, String payload) {
    }

    KillSwitch killSwitch = KillSwitch.KIND.initial("ks-1");
    final List<EventPayload> events = new ArrayList<>();
    private final List<Pending> timers = new ArrayList<>();
    private long seq;
    Instant now = T0;
    String primary = "oncall-1";
    String secondary = "oncall-2";

    /** Who holds each duty: the on-call slots as set, every realm role by the user of that name. */
    Duty duty() {
        return role -> switch (role) {
            case ON_CALL_PRIMARY -> List.of(primary);
            case ON_CALL_SECONDARY -> List.of(secondary);
            default -> List.of(role.id());
        };
    }

    /** A person with the realm roles of their name (engineers hold only {@code engineer}). */
    KillSwitchAuthority as(String username) {
        Set<String> roles = Map.of("ingestion-owner", Set.of("ingestion-owner"), "sre-lead", Set.of("sre-lead"),
                "product-manager", Set.of("product-manager"), "support-lead", Set.of("support-lead"))
                .getOrDefault(username, Set.of("engineer"));
        return new KillSwitchAuthority(username, roles, duty());
    }

    static KillSwitchRequest request(KillSwitchAction action, KillSwitchScenario scenario, Integer minutes, Instant startsAt) {
        return new KillSwitchRequest(action, "workspace:acme", scenario, "uploads failing", Severity.P1, minutes, startsAt);
    }

    void decide(Function<KillSwitch, Decision> decide) {
        Decision d = decide.apply(killSwitch);
        for (EventPayload e : d.events()) {
            killSwitch = KillSwitch.KIND.apply(killSwitch, e);
            events.add(e);
        }
        for (TimerChange change : d.timers()) {
            switch (change) {
                case TimerChange.Schedule s -> timers.add(new Pending(seq++, s.kind(), s.dueAt(), s.payload()));
                case TimerChange.Cancel c -> timers.removeIf(t -> t.kind().equals(c.kind()));
            }
        }
    }

    /** Moves the clock to {@code since} after T0 and fires what is due, in due order. */
    void at(Duration since) {
        now = T0.plus(since);
        while (true) {
            Pending next = timers.stream().filter(t -> !t.dueAt().isAfter(now))
                    .min(Comparator.comparing(Pending::dueAt).thenComparing(Pending::seq)).orElse(null);
            if (next == null) {
                return;
            }
            timers.remove(next);
            decide(s -> switch (next.kind()) {
                case KillSwitch.APPROVAL_DUE_TIMER -> s.approvalDue(Instant.parse(next.payload()), POLICY, duty(), now);
                case KillSwitch.START_TIMER -> s.startDue(POLICY, duty(), now);
                case KillSwitch.EXPIRY_TIMER -> s.expiryDue(POLICY, now);
                default -> throw new IllegalStateException(next.kind());
            });
        }
    }

    <T> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T> T last(Class<T> type) {
        List<T> all = events(type);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    List<String> types() {
        return events.stream().map(e -> e.eventType().typeName().replace("vigil.killswitch.", "").replace(".v1", "")).toList();
    }
}
