package io.vigil.ownership.domain;

import io.vigil.events.DutyRole;
import io.vigil.events.EventPayload;
import io.vigil.events.ownership.PhaseAdvanced;
import io.vigil.events.ownership.PhaseApproval;
import io.vigil.events.ownership.PhaseGateApproved;
import io.vigil.events.ownership.PhaseGateVetoed;
import io.vigil.events.ownership.PhaseVetoWithdrawn;
import io.vigil.events.ownership.ProgramCreated;
import io.vigil.platform.domain.RuleViolation;
import io.vigil.policy.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.vigil.ownership.domain.ProgramFixture.ADMIN;
import static io.vigil.ownership.domain.ProgramFixture.ENGINEER;
import static io.vigil.ownership.domain.ProgramFixture.NOW;
import static io.vigil.ownership.domain.ProgramFixture.OWNER;
import static io.vigil.ownership.domain.ProgramFixture.PM;
import static io.vigil.ownership.domain.ProgramFixture.POLICY;
import static io.vigil.ownership.domain.ProgramFixture.SRE;
import static io.vigil.ownership.domain.ProgramFixture.SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramPhaseGatesTest {

    @Test
    void shouldStartInP0AndRefuseASecondCreateOrAnIdThatIsNoProgrammeId() {
        ProgramFixture f = ProgramFixture.created();
        assertThat(f.events).singleElement().isInstanceOfSatisfying(ProgramCreated.class, c -> assertThat(c.phase()).isEqualTo("P0"));
        assertThat(f.last.rule()).isNull();

        assertThatThrownBy(() -> f.run(p -> p.create("again", "admin", POLICY, NOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("program-id-unique"));
        assertThatThrownBy(() -> Program.KIND.initial("dep-1").create("x", "admin", POLICY, NOW))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("program-id"));
        assertThatThrownBy(() -> Program.KIND.initial("engineer").create("x", "admin", POLICY, NOW))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void shouldAdvanceP0ToP1OnTheIngestionOwnersApprovalAlone() {
        ProgramFixture f = ProgramFixture.created();
        List<EventPayload> events = f.run(p -> p.approveGate("P1", OWNER, "day-0 checklist done", POLICY, NOW));

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(PhaseGateApproved.class, a -> {
            assertThat(a.role()).isEqualTo(DutyRole.INGESTION_OWNER);
            assertThat(a.policyRule()).isEqualTo("phase.gate.P0-P1");
            assertThat(a.policyVersion()).isEqualTo(POLICY.version());
            assertThat(a.comment()).isEqualTo("day-0 checklist done");
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(PhaseAdvanced.class, a -> {
            assertThat(a.from()).isEqualTo("P0");
            assertThat(a.to()).isEqualTo("P1");
            assertThat(a.approvers()).extracting(PhaseApproval::by).containsExactly("ingestion-owner");
            assertThat(a.generallyAvailable()).isFalse();
        });
        assertThat(f.last.rule().ruleId()).isEqualTo("phase.gate.P0-P1");
        assertThat(f.program.phase()).isEqualTo("P1");
    }

    @ParameterizedTest
    @CsvSource({"P1, product-manager", "P1, sre-lead", "P1, engineer", "P1, admin",
            "P2, sre-lead", "P2, engineer", "P3, sre-lead", "P3, support-lead", "P4, engineer", "P4, admin"})
    void shouldRefuseAnApprovalByARoleNotOnTheGate(String toPhase, String role) {
        String from = POLICY.phases().gateTo(toPhase).from();
        ProgramFixture f = ProgramFixture.inPhase(from);
        ProgramActor asker = ProgramFixture.person(role, Role.valueOf(role.toUpperCase().replace('-', '_')));

        assertThatThrownBy(() -> f.run(p -> p.approveGate(toPhase, asker, null, POLICY, NOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.forbidden()).isTrue();
                    assertThat(v.rule()).isEqualTo("phase.gate." + from + "-" + toPhase);
                    assertThat(v.getMessage()).contains(role + " holds none of these roles");
                });
    }

    @ParameterizedTest
    @CsvSource({"P2, 2", "P3, 2", "P4, 3"})
    void shouldAdvanceExactlyWhenTheLastApproverApproves(String toPhase, int approvers) {
        ProgramFixture f = ProgramFixture.inPhase(POLICY.phases().gateTo(toPhase).from());
        List<ProgramActor> gate = approvers == 2 ? List.of(PM, OWNER) : List.of(SRE, PM, OWNER);
        for (int i = 0; i < gate.size(); i++) {
            ProgramActor a = gate.get(i);
            List<EventPayload> events = f.run(p -> p.approveGate(toPhase, a, null, POLICY, NOW));
            if (i < gate.size() - 1) {
                assertThat(events).as("after approval %d of %d", i + 1, gate.size()).singleElement().isInstanceOf(PhaseGateApproved.class);
                assertThat(f.program.phase()).isNotEqualTo(toPhase);
            } else {
                assertThat(events).hasSize(2).last().isInstanceOfSatisfying(PhaseAdvanced.class, adv -> {
                    assertThat(adv.to()).isEqualTo(toPhase);
                    assertThat(adv.approvers()).hasSize(approvers);
                    assertThat(adv.generallyAvailable()).isEqualTo(toPhase.equals("P4"));
                    assertThat(adv.policyRule()).isEqualTo("phase.gate." + POLICY.phases().gateTo(toPhase).from() + "-" + toPhase);
                });
            }
        }
        assertThat(f.program.phase()).isEqualTo(toPhase);
        assertThat(f.program.approvals()).as("the next gate starts empty").isEmpty();
    }

    @Test
    void shouldNotSkipPhasesNorApproveAGateAlreadyPassed() {
        ProgramFixture f = ProgramFixture.inPhase("P1");
        assertThatThrownBy(() -> f.run(p -> p.approveGate("P3", PM, null, POLICY, NOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.forbidden()).isFalse();
                    assertThat(v.rule()).isEqualTo("phase.gate.P2-P3");
                    assertThat(v.getMessage()).contains("one at a time").contains("P1→P2");
                });
        assertThatThrownBy(() -> f.run(p -> p.approveGate("P1", OWNER, null, POLICY, NOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.getMessage()).contains("in P1 already"));
        ProgramFixture ga = ProgramFixture.inPhase("P4");
        assertThat(ga.program.phase()).isEqualTo("P4");
    }

    @Test
    void shouldCountOnePersonOnceAndOneApprovalPerRole() {
        ProgramFixture f = ProgramFixture.inPhase("P1");
        f.run(p -> p.approveGate("P2", PM, null, POLICY, NOW));
        assertThatThrownBy(() -> f.run(p -> p.approveGate("P2", PM, null, POLICY, NOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.getMessage()).contains("already").contains("ingestion-owner"));
        ProgramActor anotherPm = ProgramFixture.person("pm-2", Role.PRODUCT_MANAGER);
        assertThatThrownBy(() -> f.run(p -> p.approveGate("P2", anotherPm, null, POLICY, NOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.getMessage()).contains("has the approval of product-manager"));
        ProgramActor both = ProgramFixture.person("both", Role.PRODUCT_MANAGER, Role.INGESTION_OWNER);
        List<EventPayload> events = f.run(p -> p.approveGate("P2", both, null, POLICY, NOW));
        assertThat(events.getFirst()).isInstanceOfSatisfying(PhaseGateApproved.class, a -> assertThat(a.role()).isEqualTo(DutyRole.INGESTION_OWNER));
        assertThat(f.program.phase()).isEqualTo("P2");
    }

    @Test
    void shouldBlockTheGateWhileAVetoStandsAndAdvanceWhenItIsWithdrawn() {
        ProgramFixture f = ProgramFixture.inPhase("P3");
        f.run(p -> p.approveGate("P4", OWNER, null, POLICY, NOW));
        List<EventPayload> vetoed = f.run(p -> p.vetoGate("P4", SRE, "on-call not trained yet", POLICY, NOW));
        assertThat(vetoed).singleElement().isInstanceOfSatisfying(PhaseGateVetoed.class, v -> {
            assertThat(v.role()).isEqualTo(DutyRole.SRE_LEAD);
            assertThat(v.policyRule()).isEqualTo("phase.veto");
            assertThat(v.fromPhase()).isEqualTo("P3");
        });
        assertThat(f.run(p -> p.approveGate("P4", PM, null, POLICY, NOW)))
                .as("every approver but the vetoer approved: still blocked").singleElement().isInstanceOf(PhaseGateApproved.class);
        assertThatThrownBy(() -> f.run(p -> p.approveGate("P4", SRE, null, POLICY, NOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.getMessage()).contains("withdraw the veto"));
        assertThat(f.program.phase()).isEqualTo("P3");

        assertThat(f.run(p -> p.withdrawVeto("P4", SRE, POLICY, NOW))).singleElement().isInstanceOf(PhaseVetoWithdrawn.class);
        List<EventPayload> approved = f.run(p -> p.approveGate("P4", SRE, null, POLICY, NOW));
        assertThat(approved).last().isInstanceOfSatisfying(PhaseAdvanced.class, a -> assertThat(a.generallyAvailable()).isTrue());
        assertThat(f.program.phase()).isEqualTo("P4");
    }

    @Test
    void shouldAdvanceWithTheWithdrawalThatLiftsTheLastVeto() {
        ProgramFixture f = ProgramFixture.inPhase("P1");
        f.run(p -> p.vetoGate("P2", OWNER, "dead letters", POLICY, NOW));
        f.run(p -> p.vetoGate("P2", PM, "client feedback pending", POLICY, NOW));
        f.run(p -> p.approveGate("P2", ProgramFixture.person("owner-2", Role.INGESTION_OWNER), null, POLICY, NOW));
        f.run(p -> p.approveGate("P2", ProgramFixture.person("pm-2", Role.PRODUCT_MANAGER), null, POLICY, NOW));
        assertThat(f.program.phase()).as("every approval in, two vetoes standing").isEqualTo("P1");

        assertThat(f.run(p -> p.withdrawVeto("P2", OWNER, POLICY, NOW))).singleElement().isInstanceOf(PhaseVetoWithdrawn.class);
        assertThat(f.program.phase()).as("one veto left").isEqualTo("P1");
        assertThat(f.run(p -> p.withdrawVeto("P2", PM, POLICY, NOW))).last().isInstanceOf(PhaseAdvanced.class);
        assertThat(f.program.phase()).isEqualTo("P2");
    }

    @Test
    void shouldAdvanceWithTheWithdrawalWhenEveryApprovalIsIn() {
        ProgramFixture f = ProgramFixture.inPhase("P1");
        f.run(p -> p.approveGate("P2", OWNER, null, POLICY, NOW));
        f.run(p -> p.vetoGate("P2", PM, "client feedback pending", POLICY, NOW));
        ProgramActor otherOwner = ProgramFixture.person("owner-2", Role.INGESTION_OWNER, Role.PRODUCT_MANAGER);
        f.run(p -> p.approveGate("P2", otherOwner, null, POLICY, NOW));
        assertThat(f.program.phase()).isEqualTo("P1");

        List<EventPayload> events = f.run(p -> p.withdrawVeto("P2", PM, POLICY, NOW));
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(PhaseVetoWithdrawn.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(PhaseAdvanced.class, a -> assertThat(a.to()).isEqualTo("P2"));
    }

    @Test
    void shouldLetOnlyTheVetoerWithdrawAndOnlyAnApproverVeto() {
        ProgramFixture f = ProgramFixture.inPhase("P1");
        f.run(p -> p.vetoGate("P2", PM, "client feedback pending", POLICY, NOW));

        assertThatThrownBy(() -> f.run(p -> p.withdrawVeto("P2", OWNER, POLICY, NOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.forbidden()).isTrue();
                    assertThat(v.rule()).isEqualTo("phase.veto");
                    assertThat(v.getMessage()).contains("cast by product-manager");
                });
        assertThatThrownBy(() -> f.run(p -> p.withdrawVeto("P2", ADMIN, POLICY, NOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.forbidden()).isTrue());
        assertThatThrownBy(() -> f.run(p -> p.vetoGate("P2", SUPPORT, "no", POLICY, NOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.forbidden()).isTrue();
                    assertThat(v.rule()).isEqualTo("phase.veto");
                });
        assertThatThrownBy(() -> f.run(p -> p.vetoGate("P2", PM, "again", POLICY, NOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.forbidden()).isFalse());

        f.run(p -> p.withdrawVeto("P2", PM, POLICY, NOW));
        assertThat(f.program.vetoes()).isEmpty();
        assertThatThrownBy(() -> f.run(p -> p.withdrawVeto("P2", PM, POLICY, NOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.getMessage()).contains("no veto to withdraw"));
        assertThat(ENGINEER.held(POLICY.phases().gateTo("P2").approvers())).isEmpty();
    }
}
