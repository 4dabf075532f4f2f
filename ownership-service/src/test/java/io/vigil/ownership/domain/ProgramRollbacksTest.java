package io.vigil.ownership.domain;

import io.vigil.events.DutyRole;
import io.vigil.events.EventPayload;
import io.vigil.events.ownership.ClientCommunication;
import io.vigil.events.ownership.PhaseApproval;
import io.vigil.events.ownership.PhaseRollbackApproved;
import io.vigil.events.ownership.PhaseRollbackRequested;
import io.vigil.events.ownership.PhaseRolledBack;
import io.vigil.platform.domain.RuleViolation;
import io.vigil.policy.Role;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.vigil.ownership.domain.ProgramFixture.ENGINEER;
import static io.vigil.ownership.domain.ProgramFixture.NOW;
import static io.vigil.ownership.domain.ProgramFixture.OWNER;
import static io.vigil.ownership.domain.ProgramFixture.PM;
import static io.vigil.ownership.domain.ProgramFixture.POLICY;
import static io.vigil.ownership.domain.ProgramFixture.SRE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramRollbacksTest {
    static final ProgramActor PRIMARY = ProgramFixture.onCall("oncall-1", Role.ON_CALL_PRIMARY, Role.ENGINEER);
    static final ProgramActor SECONDARY = ProgramFixture.onCall("oncall-2", Role.ON_CALL_SECONDARY, Role.ENGINEER);
    static final ProgramActor OFF_DUTY = ProgramFixture.person("oncall-3", Role.ENGINEER);

    static PhaseRollbackForm form(String type, String to) {
        return new PhaseRollbackForm(to, type, "data-integrity-concern", "duplicate rows in the ingestion store",
                "oncall-3", LocalDate.of(2026, 11, 30), ClientCommunication.REQUIRED);
    }

    @Test
    void shouldLetTheOnCallRollBackAnEmergencyAtOnceAndNotifyEveryoneAfter() {
        ProgramFixture f = ProgramFixture.inPhase("P3");
        List<EventPayload> events = f.run(p -> p.requestRollback(form("emergency", "P1"), SECONDARY, POLICY, NOW));

        assertThat(events).singleElement().isInstanceOfSatisfying(PhaseRolledBack.class, r -> {
            assertThat(r.rollbackId()).isEqualTo("rb-1");
            assertThat(r.from()).isEqualTo("P3");
            assertThat(r.to()).isEqualTo("P1");
            assertThat(r.authorizedBy()).isEqualTo("oncall-2");
            assertThat(r.authorizedByRole()).isEqualTo(DutyRole.ON_CALL_SECONDARY);
            assertThat(r.approvedBy()).isEmpty();
            assertThat(r.notifyAfter()).contains(DutyRole.INGESTION_OWNER, DutyRole.PRODUCT_MANAGER, DutyRole.SRE_LEAD,
                    DutyRole.SUPPORT_LEAD, DutyRole.ON_CALL_PRIMARY, DutyRole.ON_CALL_SECONDARY);
            assertThat(r.policyRule()).isEqualTo("phase.rollback.emergency");
            assertThat(r.policyVersion()).isEqualTo(POLICY.version());
            assertThat(r.reasonCategory()).isEqualTo("data-integrity-concern");
            assertThat(r.investigationAssignee()).isEqualTo("oncall-3");
            assertThat(r.reRampTarget()).isEqualTo(LocalDate.of(2026, 11, 30));
            assertThat(r.clientCommunication()).isEqualTo(ClientCommunication.REQUIRED);
        });
        assertThat(f.program.phase()).isEqualTo("P1");
        assertThat(f.program.approvals()).isEmpty();
    }

    @Test
    void shouldRefuseAnEmergencyRollbackByAnyoneNotOnCallThatInstant() {
        ProgramFixture f = ProgramFixture.inPhase("P2");
        for (ProgramActor asker : List.of(OFF_DUTY, OWNER, PM, SRE, ENGINEER)) {
            assertThatThrownBy(() -> f.run(p -> p.requestRollback(form("emergency", "P1"), asker, POLICY, NOW)))
                    .as(asker.username())
                    .isInstanceOfSatisfying(RuleViolation.class, v -> {
                        assertThat(v.forbidden()).isTrue();
                        assertThat(v.rule()).isEqualTo("phase.rollback.emergency");
                        assertThat(v.getMessage()).contains("on-call");
                    });
        }
        assertThat(f.program.phase()).isEqualTo("P2");
    }

    @Test
    void shouldRollBackAP1IncidentWhenTheOnCallDecidesAndTheOwnerApproves() {
        ProgramFixture f = ProgramFixture.inPhase("P2");
        List<EventPayload> requested = f.run(p -> p.requestRollback(form("p1-incident", "P1"), PRIMARY, POLICY, NOW));
        assertThat(requested).singleElement().isInstanceOfSatisfying(PhaseRollbackRequested.class, r -> {
            assertThat(r.authorizedByRole()).isEqualTo(DutyRole.ON_CALL_PRIMARY);
            assertThat(r.approvalsRequired()).containsExactly(DutyRole.INGESTION_OWNER);
            assertThat(r.inform()).containsExactly(DutyRole.PRODUCT_MANAGER);
        });
        assertThat(f.program.phase()).as("waits for the owner").isEqualTo("P2");

        assertThatThrownBy(() -> f.run(p -> p.approveRollback("rb-1", PM, POLICY, NOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.forbidden()).isTrue();
                    assertThat(v.rule()).isEqualTo("phase.rollback.p1-incident");
                });
        List<EventPayload> approved = f.run(p -> p.approveRollback("rb-1", OWNER, POLICY, NOW.plusSeconds(60)));
        assertThat(approved).hasSize(2);
        assertThat(approved.get(0)).isInstanceOf(PhaseRollbackApproved.class);
        assertThat(approved.get(1)).isInstanceOfSatisfying(PhaseRolledBack.class, r -> {
            assertThat(r.approvedBy()).extracting(PhaseApproval::by, PhaseApproval::role)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("ingestion-owner", DutyRole.INGESTION_OWNER));
            assertThat(r.authorizedBy()).isEqualTo("oncall-1");
            assertThat(r.inform()).containsExactly(DutyRole.PRODUCT_MANAGER);
        });
        assertThat(f.program.phase()).isEqualTo("P1");
        assertThatThrownBy(() -> f.run(p -> p.approveRollback("rb-1", OWNER, POLICY, NOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.getMessage()).contains("took effect already"));
    }

    @Test
    void shouldRefuseAP1IncidentRollbackByTheOwnerWhoIsNotOnCall() {
        ProgramFixture f = ProgramFixture.inPhase("P2");
        assertThatThrownBy(() -> f.run(p -> p.requestRollback(form("p1-incident", "P1"), OWNER, POLICY, NOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("phase.rollback.p1-incident"));
    }

    @Test
    void shouldLetTheOwnerPlanARollbackThatThePmApproves() {
        ProgramFixture f = ProgramFixture.inPhase("P3");
        assertThatThrownBy(() -> f.run(p -> p.requestRollback(form("planned", "P2"), PRIMARY, POLICY, NOW)))
                .as("on-call cannot plan a rollback").isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.forbidden()).isTrue());
        assertThatThrownBy(() -> f.run(p -> p.requestRollback(form("planned", "P2"), PM, POLICY, NOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo("phase.rollback.planned"));

        f.run(p -> p.requestRollback(form("planned", "P2"), OWNER, POLICY, NOW));
        assertThatThrownBy(() -> f.run(p -> p.requestRollback(form("planned", "P1"), OWNER, POLICY, NOW)))
                .as("one pending rollback at a time").isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.forbidden()).isFalse());
        assertThatThrownBy(() -> f.run(p -> p.approveGate("P4", OWNER, null, POLICY, NOW)))
                .as("gates stay closed while a rollback waits").isInstanceOf(RuleViolation.class);

        f.run(p -> p.approveRollback("rb-1", PM, POLICY, NOW));
        assertThat(f.program.phase()).isEqualTo("P2");
        assertThat(f.events).last().isInstanceOfSatisfying(PhaseRolledBack.class, r -> {
            assertThat(r.type()).isEqualTo("planned");
            assertThat(r.approvedBy()).extracting(PhaseApproval::role).containsExactly(DutyRole.PRODUCT_MANAGER);
        });
    }

    @Test
    void shouldNeverLetTheAuthorizerApproveTheirOwnRollback() {
        ProgramFixture f = ProgramFixture.inPhase("P2");
        ProgramActor ownerAndPm = ProgramFixture.person("owner-pm", Role.INGESTION_OWNER, Role.PRODUCT_MANAGER);
        f.run(p -> p.requestRollback(form("client-request", "P1"), ownerAndPm, POLICY, NOW));
        assertThat(f.events).singleElement().isInstanceOfSatisfying(PhaseRollbackRequested.class,
                r -> assertThat(r.inform()).containsExactly(DutyRole.SUPPORT_LEAD));
        assertThatThrownBy(() -> f.run(p -> p.approveRollback("rb-1", ownerAndPm, POLICY, NOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.forbidden()).isTrue();
                    assertThat(v.rule()).isEqualTo("phase.rollback.client-request");
                    assertThat(v.getMessage()).contains("cannot approve it too");
                });
        f.run(p -> p.approveRollback("rb-1", PM, POLICY, NOW));
        assertThat(f.program.phase()).isEqualTo("P1");
        f.run(p -> p.approveGate("P2", OWNER, null, POLICY, NOW));
        assertThat(f.program.approvals()).hasSize(1);
    }

    @Test
    void shouldOnlyRollBackToAnEarlierPhase() {
        ProgramFixture f = ProgramFixture.inPhase("P2");
        for (String to : List.of("P2", "P3")) {
            assertThatThrownBy(() -> f.run(p -> p.requestRollback(form("planned", to), OWNER, POLICY, NOW)))
                    .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.getMessage()).contains("earlier phase"));
        }
        assertThatThrownBy(() -> ProgramFixture.created().run(p -> p.requestRollback(form("emergency", "P0"), PRIMARY, POLICY, NOW)))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void shouldRequireTheSignOffFormsFields() {
        ProgramFixture f = ProgramFixture.inPhase("P2");
        PhaseRollbackForm incomplete = new PhaseRollbackForm("P1", "planned", "bad-luck", " ", null,
                LocalDate.of(2026, 11, 22), null);
        assertThatThrownBy(() -> f.run(p -> p.requestRollback(incomplete, OWNER, POLICY, NOW)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.forbidden()).isFalse();
                    assertThat(v.rule()).isEqualTo("phase.rollback-form");
                    assertThat(v.getMessage()).contains("reasonCategory must be one of error-rate-exceeded")
                            .contains("reason is required").contains("clientCommunication").contains("in the past");
                });
        PhaseRollbackForm minimal = new PhaseRollbackForm("P1", "planned", "other", "a typo in the mapping", null, null,
                ClientCommunication.NOT_REQUIRED);
        f.run(p -> p.requestRollback(minimal, OWNER, POLICY, NOW));
        assertThat(f.events).singleElement().isInstanceOfSatisfying(PhaseRollbackRequested.class, r -> {
            assertThat(r.investigationAssignee()).isNull();
            assertThat(r.reRampTarget()).isNull();
            assertThat(r.clientCommunication()).isEqualTo(ClientCommunication.NOT_REQUIRED);
        });
    }

    @Test
    void shouldNumberRollbacksWithinTheProgramme() {
        ProgramFixture f = ProgramFixture.inPhase("P3");
        f.run(p -> p.requestRollback(form("emergency", "P2"), PRIMARY, POLICY, NOW));
        f.run(p -> p.requestRollback(form("planned", "P1"), OWNER, POLICY, NOW));
        assertThat(f.program.pending().request().rollbackId()).isEqualTo("rb-2");
        assertThat(f.program.rollbacks()).containsKeys("rb-1", "rb-2");
    }
}
