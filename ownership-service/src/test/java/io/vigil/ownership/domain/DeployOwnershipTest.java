package io.vigil.ownership.domain;

import io.vigil.events.EventPayload;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.events.ownership.OwnershipAssigned;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.domain.RuleViolation;
import io.vigil.policy.Policy;
import io.vigil.policy.PolicyLoader;
import io.vigil.policy.PolicyRule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeployOwnershipTest {
    static final Instant T0 = Instant.parse("2026-11-22T14:00:00Z");
    static final Policy RULES = new PolicyLoader().loadDefault().policy();
    static final PolicyRule DEFAULT_OWNER = new PolicyRule("ownership.default-owner", RULES.version());

    static StartDeploy command(String namedOwner) {
        return new StartDeploy("dep-1", "checkout", "1.42.0", "production", "engineer", namedOwner,
                "https://git.example.com/pr/142", true, "https://git.example.com/rollback", T0, DeployFlagsTest.ALL_CONFIRMED, null, true);
    }

    static DeployOwnership fresh() {
        return DeployOwnership.KIND.initial("dep-1");
    }

    static DeployOwnership replay(List<EventPayload> events) {
        DeployOwnership state = fresh();
        for (EventPayload e : events) {
            state = DeployOwnership.KIND.apply(state, e);
        }
        return state;
    }

    @Test
    void shouldMakeWhoMergedThePrTheOwnerByDefault() {
        Decision decision = fresh().start(command(null), RULES);

        assertThat(decision.events()).hasSize(2).first().isInstanceOf(DeployStarted.class);
        OwnershipAssigned assigned = (OwnershipAssigned) decision.events().get(1);
        assertThat(assigned.owner()).isEqualTo("engineer");
        assertThat(assigned.assignedBecause()).isEqualTo(OwnerSelection.MERGED_THE_PR);
        assertThat(decision.rule()).isEqualTo(DEFAULT_OWNER);
        assertThat(assigned.policyRule()).isEqualTo(DEFAULT_OWNER.ruleId());
        assertThat(assigned.policyVersion()).isEqualTo(RULES.version());
    }

    @Test
    void shouldMakeANamedOwnerTheOwner() {
        Decision decision = fresh().start(command("oncall-2"), RULES);
        OwnershipAssigned assigned = (OwnershipAssigned) decision.events().get(1);

        assertThat(assigned.owner()).isEqualTo("oncall-2");
        assertThat(assigned.assignedBecause()).isEqualTo(OwnerSelection.NAMED_OWNER);
        assertThat(decision.rule()).isEqualTo(DEFAULT_OWNER);
    }

    @Test
    void shouldTreatABlankNamedOwnerAsNone() {
        OwnershipAssigned assigned = (OwnershipAssigned) fresh().start(command("  "), RULES).events().get(1);

        assertThat(assigned.owner()).isEqualTo("engineer");
    }

    @Test
    void shouldOpenAWindowOfThePolicysLengthFromTheStart() {
        OwnershipAssigned assigned = (OwnershipAssigned) fresh().start(command(null), RULES).events().get(1);
        assertThat(assigned.windowStartsAt()).isEqualTo(T0);
        assertThat(assigned.windowEndsAt()).isEqualTo(Instant.parse("2026-11-24T14:00:00Z"));
        assertThat(Duration.between(assigned.windowStartsAt(), assigned.windowEndsAt())).isEqualTo(RULES.ownership().window().length());
    }

    @Test
    void shouldRefuseToStartTheSameDeployTwice() {
        DeployOwnership deploy = replay(fresh().start(command(null), RULES).events());

        assertThat(deploy.exists()).isTrue();
        assertThat(deploy.owner()).isEqualTo("engineer");
        assertThatThrownBy(() -> deploy.start(command(null), RULES))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).rule()).isEqualTo("deploy-id-unique");
    }

    @Test
    void shouldAssignTheOwnerOfADeployAnnouncedElsewhere() {
        DeployStarted started = (DeployStarted) fresh().start(command(null), RULES).events().get(0);

        Decision decision = replay(List.of(started)).assignOwner(RULES);

        assertThat(decision.events()).first().isInstanceOfSatisfying(OwnershipAssigned.class,
                a -> assertThat(a.owner()).isEqualTo("engineer"));
        // a CI/CD system confirms no seed 002 item, and this Sunday deploy is outside the schedule: flagged
        assertThat(decision.events()).hasSize(2).last().isInstanceOfSatisfying(io.vigil.events.ownership.DeployFlagged.class,
                f -> assertThat(f.violations()).contains("predeploy.tests-passing", "schedule.weekend"));
    }

    @Test
    void shouldAssignAnOwnerOnlyOnce() {
        DeployOwnership owned = replay(fresh().start(command(null), RULES).events());

        assertThat(owned.assignOwner(RULES).isEmpty()).isTrue();
    }
}
