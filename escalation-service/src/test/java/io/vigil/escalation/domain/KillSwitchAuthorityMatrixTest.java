package io.vigil.escalation.domain;

import io.vigil.events.DutyRole;
import io.vigil.events.Target;
import io.vigil.events.killswitch.KillSwitchAction;
import io.vigil.events.killswitch.KillSwitchActivated;
import io.vigil.events.killswitch.KillSwitchRejected;
import io.vigil.events.killswitch.KillSwitchScenario;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.vigil.events.DutyRole.INGESTION_OWNER;
import static io.vigil.events.DutyRole.ON_CALL_PRIMARY;
import static io.vigil.events.DutyRole.ON_CALL_SECONDARY;
import static io.vigil.events.DutyRole.PRODUCT_MANAGER;
import static io.vigil.events.DutyRole.SRE_LEAD;
import static io.vigil.events.DutyRole.SUPPORT_LEAD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action × scenario × person (each realm role, off call, on call as primary, on call as secondary) against the
 * policy document, with the expectations written out from seed 001 §2.2 and §5.1 rather than derived from the policy.
 */
class KillSwitchAuthorityMatrixTest {
    /** The actions of seed 001 §2.2: a pause under an hour, over an hour, open-ended; rollback; global disable. */
    enum Act {
        PAUSE_30_MIN(KillSwitchAction.PAUSE, 30, Set.of(), Set.of(INGESTION_OWNER)),
        PAUSE_90_MIN(KillSwitchAction.PAUSE, 90, Set.of(INGESTION_OWNER), Set.of(PRODUCT_MANAGER)),
        PAUSE_OPEN_ENDED(KillSwitchAction.PAUSE, null, Set.of(INGESTION_OWNER), Set.of(PRODUCT_MANAGER)),
        ROLLBACK(KillSwitchAction.ROLLBACK, null, Set.of(INGESTION_OWNER), Set.of(PRODUCT_MANAGER, SRE_LEAD)),
        GLOBAL_DISABLE(KillSwitchAction.GLOBAL_DISABLE, null, Set.of(INGESTION_OWNER, SRE_LEAD), Set.of(DutyRole.values()));

        final KillSwitchAction action;
        final Integer minutes;
        final Set<DutyRole> approve;
        final Set<DutyRole> notify;

        Act(KillSwitchAction action, Integer minutes, Set<DutyRole> approve, Set<DutyRole> notify) {
            this.action = action;
            this.minutes = minutes;
            this.approve = approve;
            this.notify = notify;
        }
    }

    static final Set<DutyRole> ALL = EnumSet.of(INGESTION_OWNER, ON_CALL_PRIMARY, ON_CALL_SECONDARY, SRE_LEAD, PRODUCT_MANAGER, SUPPORT_LEAD);

    /** Seed 001 §5.1: who may activate (null: anyone), approvals it adds, whether it waits for them, who it notifies. */
    record Scenario(String activator, Set<DutyRole> approve, boolean approvalBefore, Set<DutyRole> notifies) {
    }

    static final Map<KillSwitchScenario, Scenario> SCENARIOS = Map.of(
            KillSwitchScenario.DATA_CORRUPTION, new Scenario(null, Set.of(), false, ALL),
            KillSwitchScenario.ERROR_RATE_ABOVE_20, new Scenario("on-call", Set.of(), false, Set.of(INGESTION_OWNER)),
            KillSwitchScenario.ERROR_RATE_ABOVE_10, new Scenario("on-call", Set.of(INGESTION_OWNER), false, Set.of(PRODUCT_MANAGER)),
            KillSwitchScenario.PLANNED_MAINTENANCE, new Scenario("ingestion-owner", Set.of(PRODUCT_MANAGER), true, ALL),
            KillSwitchScenario.CLIENT_REQUEST, new Scenario("ingestion-owner", Set.of(PRODUCT_MANAGER), true, Set.of(SUPPORT_LEAD)));

    static final List<String> PEOPLE = List.of("engineer", "ingestion-owner", "sre-lead", "product-manager", "support-lead");

    @TestFactory
    Stream<DynamicTest> everyActionScenarioAndRoleOnCallAndNot() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Act act : Act.values()) {
            for (KillSwitchScenario scenario : KillSwitchScenario.values()) {
                for (String person : PEOPLE) {
                    for (String slot : List.of("off call", "primary", "secondary")) {
                        tests.add(DynamicTest.dynamicTest(act + " " + scenario + " by " + person + " " + slot,
                                () -> check(act, scenario, person, slot)));
                    }
                }
            }
        }
        return tests.stream();
    }

    private void check(Act act, KillSwitchScenario scenario, String person, String slot) {
        KillSwitchHarness h = new KillSwitchHarness();
        if (slot.equals("primary")) {
            h.primary = person;
        } else if (slot.equals("secondary")) {
            h.secondary = person;
        }
        Scenario expected = SCENARIOS.get(scenario);
        Instant startsAt = scenario == KillSwitchScenario.PLANNED_MAINTENANCE ? h.now.plus(Duration.ofHours(48)) : null;
        h.decide(s -> s.request(KillSwitchHarness.request(act.action, scenario, act.minutes, startsAt), h.as(person),
                KillSwitchHarness.POLICY, h.now));

        boolean mayActivate = expected.activator() == null
                || expected.activator().equals("on-call") && !slot.equals("off call")
                || expected.activator().equals(person);
        String scenarioRule = "killswitch.scenario." + h.killSwitch.request().scenarioId();
        if (!mayActivate) {
            assertThat(h.types()).containsExactly("requested", "rejected");
            assertThat(h.last(KillSwitchRejected.class).policyRule()).isEqualTo(scenarioRule);
            assertThat(h.killSwitch.status()).isEqualTo(KillSwitch.Status.REJECTED);
            return;
        }
        Set<DutyRole> approvals = EnumSet.noneOf(DutyRole.class);
        approvals.addAll(act.approve);
        approvals.addAll(expected.approve());
        boolean activateFirst = scenario == KillSwitchScenario.DATA_CORRUPTION || scenario == KillSwitchScenario.ERROR_RATE_ABOVE_20;
        boolean waits = !activateFirst && (expected.approvalBefore() || !act.approve.isEmpty());
        if (waits) {
            assertThat(h.types()).containsExactly("requested");
            assertThat(h.killSwitch.status()).isEqualTo(KillSwitch.Status.PENDING_APPROVAL);
            assertThat(h.killSwitch.outstanding(h.killSwitch.terms(KillSwitchHarness.POLICY))).containsExactlyInAnyOrderElementsOf(approvals);
            return;
        }
        assertThat(h.types()).containsExactly("requested", "activated");
        KillSwitchActivated activated = h.last(KillSwitchActivated.class);
        assertThat(activated.policyRule()).isEqualTo(scenarioRule);
        assertThat(activated.activatedBy()).isEqualTo(person);
        assertThat(activated.approvalsRequired()).containsExactlyInAnyOrderElementsOf(approvals);
        Set<DutyRole> notify = EnumSet.noneOf(DutyRole.class);
        (act.notify.size() == DutyRole.values().length ? ALL : act.notify).forEach(notify::add);
        notify.addAll(expected.notifies());
        assertThat(activated.notifyTargets()).extracting(Target::role).containsExactlyInAnyOrderElementsOf(notify);
        assertThat(activated.notifyTargets()).allSatisfy(t -> assertThat(t.person()).isNotNull());
        Instant due = scenario == KillSwitchScenario.ERROR_RATE_ABOVE_10 ? h.now.plus(Duration.ofMinutes(15))
                : approvals.contains(INGESTION_OWNER) ? h.now.plus(Duration.ofHours(1)) : null;
        assertThat(activated.approvalDueAt()).isEqualTo(due);
    }
}
