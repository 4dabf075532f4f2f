package io.vigil.ownership.domain;

import io.vigil.events.EventPayload;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.events.ownership.OwnershipAssigned;
import io.vigil.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeployOwnershipTest {
    static final Instant T0 = Instant.parse("2026-11-22T14:00:00Z");

    static StartDeploy command(String namedOwner) {
        return new StartDeploy("dep-1", "checkout", "1.42.0", "production", "engineer", namedOwner,
                "https://git.example.com/pr/142", true, "https://git.example.com/rollback", T0);
    }

    @Test
    void shouldMakeWhoMergedThePrTheOwnerByDefault() {
        List<EventPayload> events = new DeployOwnership().start(command(null));

        assertThat(events).hasSize(2).first().isInstanceOf(DeployStarted.class);
        OwnershipAssigned assigned = (OwnershipAssigned) events.get(1);
        assertThat(assigned.owner()).isEqualTo("engineer");
        assertThat(assigned.assignedBecause()).isEqualTo(OwnerSelection.MERGED_THE_PR);
    }

    @Test
    void shouldMakeANamedOwnerTheOwner() {
        OwnershipAssigned assigned = (OwnershipAssigned) new DeployOwnership().start(command("oncall-2")).get(1);

        assertThat(assigned.owner()).isEqualTo("oncall-2");
        assertThat(assigned.assignedBecause()).isEqualTo(OwnerSelection.NAMED_OWNER);
    }

    @Test
    void shouldTreatABlankNamedOwnerAsNone() {
        OwnershipAssigned assigned = (OwnershipAssigned) new DeployOwnership().start(command("  ")).get(1);

        assertThat(assigned.owner()).isEqualTo("engineer");
    }

    @Test
    void shouldOpenA48HourWindowFromTheStart() {
        OwnershipAssigned assigned = (OwnershipAssigned) new DeployOwnership().start(command(null)).get(1);

        assertThat(assigned.windowStartsAt()).isEqualTo(T0);
        assertThat(assigned.windowEndsAt()).isEqualTo(Instant.parse("2026-11-24T14:00:00Z"));
    }

    @Test
    void shouldRefuseToStartTheSameDeployTwice() {
        DeployOwnership deploy = DeployOwnership.replay(new DeployOwnership().start(command(null)));

        assertThat(deploy.exists()).isTrue();
        assertThat(deploy.version()).isEqualTo(2);
        assertThat(deploy.owner()).isEqualTo("engineer");
        assertThatThrownBy(() -> deploy.start(command(null)))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).rule()).isEqualTo("deploy-id-unique");
    }

    @Test
    void shouldAssignTheOwnerOfADeployAnnouncedElsewhere() {
        DeployStarted started = (DeployStarted) new DeployOwnership().start(command(null)).get(0);

        List<EventPayload> events = new DeployOwnership().assignOwnerOf(started);

        assertThat(events).singleElement().isInstanceOfSatisfying(OwnershipAssigned.class,
                a -> assertThat(a.owner()).isEqualTo("engineer"));
    }
}
