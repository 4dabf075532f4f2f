package io.vigil.ownership.domain;

import io.vigil.events.DutyRole;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.events.ownership.DeployFlagged;
import io.vigil.platform.domain.Decision;
import io.vigil.policy.OwnershipPolicy;
import io.vigil.policy.Policy;
import io.vigil.policy.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeds 000/002 pre-deploy gate and deployment schedule (Europe/Berlin, UTC+1 in November): flagged, never refused. */
class DeployFlagsTest {
    static final Policy POLICY = new PolicyLoader().loadDefault().policy();
    static final Map<String, Boolean> ALL_CONFIRMED = POLICY.ownership().preDeploy().stream()
            .collect(Collectors.toMap(OwnershipPolicy.PreDeployItem::item, i -> true));
    static final Instant TUESDAY_0900_BERLIN = Instant.parse("2026-11-24T08:00:00Z");

    static DeployStarted started(Instant at, String environment, boolean stagingPassed) {
        return new DeployStarted("dep-1", "checkout", "1.42.0", environment, "engineer", "https://x/pr", stagingPassed, "https://x/rb", at);
    }

    static Optional<DeployFlagged> flags(Instant at, Map<String, Boolean> answers, String releaseType, boolean emergency) {
        return DeployFlags.at(started(at, "production", true), "engineer", answers, releaseType, emergency, POLICY);
    }

    @Test
    void shouldFlagNothingForAConfirmedDeployInsideTheSchedule() {
        assertThat(flags(TUESDAY_0900_BERLIN, ALL_CONFIRMED, "minor", false)).isEmpty();
        assertThat(flags(Instant.parse("2026-11-24T09:59:59Z"), ALL_CONFIRMED, "minor", false)).isEmpty();
    }

    @Test
    void shouldFlagPeakHoursFrom1100LocalNotASecondBefore() {
        DeployFlagged flagged = flags(Instant.parse("2026-11-24T10:00:00Z"), ALL_CONFIRMED, "minor", false).orElseThrow();
        assertThat(flagged.violations()).containsExactly("schedule.peak-hours");
        assertThat(flagged.policyRule()).isEqualTo("schedule.peak-hours");
        assertThat(flagged.notifyTargets()).extracting(t -> t.role()).containsExactly(DutyRole.DEPLOY_OWNER, DutyRole.INGESTION_OWNER);
        assertThat(flags(Instant.parse("2026-11-24T14:00:00Z"), ALL_CONFIRMED, "minor", false)).isEmpty();
    }

    @Test
    void shouldFlagFridayAfternoonAndWeekendsUnlessEmergencyOrHotfix() {
        assertThat(flags(Instant.parse("2026-11-27T09:59:59Z"), ALL_CONFIRMED, "minor", false)).isEmpty();
        assertThat(flags(Instant.parse("2026-11-27T14:00:00Z"), ALL_CONFIRMED, "minor", false).orElseThrow().violations())
                .containsExactly("schedule.friday-afternoon");
        Instant saturday = Instant.parse("2026-11-28T09:00:00Z");
        assertThat(flags(saturday, ALL_CONFIRMED, null, false).orElseThrow().violations()).containsExactly("schedule.weekend");
        assertThat(flags(saturday, ALL_CONFIRMED, null, true)).isEmpty();
        assertThat(flags(saturday, ALL_CONFIRMED, "patch", false)).isEmpty();
    }

    @Test
    void shouldFlagEveryGapOfThePreDeployChecklistWithItsRule() {
        Map<String, Boolean> answers = new HashMap<>(ALL_CONFIRMED);
        answers.put("owner-available-48h", false);
        answers.remove("code-review-approved");
        DeployFlagged flagged = DeployFlags.at(started(TUESDAY_0900_BERLIN, "production", false), "engineer", answers,
                "minor", false, POLICY).orElseThrow();

        assertThat(flagged.violations()).containsExactly("predeploy.staging-report", "predeploy.owner-available", "predeploy.code-review");
        assertThat(flagged.preDeploy()).hasSize(POLICY.ownership().preDeploy().size())
                .anySatisfy(i -> {
                    assertThat(i.name()).isEqualTo("staging-report-passed");
                    assertThat(i.fromEvents()).isTrue();
                    assertThat(i.checked()).isFalse();
                });
        assertThat(flagged.reasons()).anySatisfy(r -> assertThat(r).contains("Owner confirmed available for 48h"));
    }

    @Test
    void shouldLeaveOtherEnvironmentsAlone() {
        assertThat(DeployFlags.at(started(Instant.parse("2026-11-28T09:00:00Z"), "staging", false), "engineer", Map.of(),
                null, false, POLICY)).isEmpty();
    }

    @Test
    void shouldRecordTheFlagWithTheDeploysStart() {
        Decision start = DeployOwnership.KIND.initial("dep-1").start(new StartDeploy("dep-1", "checkout", "1", "production",
                "engineer", null, "https://x/pr", true, "https://x/rb", Instant.parse("2026-11-28T09:00:00Z")), POLICY);
        assertThat(start.events()).hasSize(3).last().isInstanceOf(DeployFlagged.class);
    }
}
