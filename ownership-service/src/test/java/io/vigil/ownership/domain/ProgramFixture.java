package io.vigil.ownership.domain;

import io.vigil.events.EventPayload;
import io.vigil.platform.domain.Decision;
import io.vigil.policy.PhasePolicy.Gate;
import io.vigil.policy.Policy;
import io.vigil.policy.PolicyLoader;
import io.vigil.policy.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** A programme driven in memory, as the write pipeline would: decide, then apply the decided events. */
final class ProgramFixture {
    static final Policy POLICY = new PolicyLoader().loadDefault().policy();
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static final ProgramActor OWNER = person("ingestion-owner", Role.INGESTION_OWNER);
    static final ProgramActor PM = person("product-manager", Role.PRODUCT_MANAGER);
    static final ProgramActor SRE = person("sre-lead", Role.SRE_LEAD);
    static final ProgramActor ENGINEER = person("engineer", Role.ENGINEER);
    static final ProgramActor ADMIN = person("admin", Role.ADMIN);
    static final ProgramActor SUPPORT = person("support-lead", Role.SUPPORT_LEAD);

    Program program = Program.KIND.initial("prog-ingestion");
    final List<EventPayload> events = new ArrayList<>();
    Decision last;

    static ProgramActor person(String username, Role... roles) {
        return new ProgramActor(username, Set.of(roles), null);
    }

    static ProgramActor onCall(String username, Role duty, Role... roles) {
        return new ProgramActor(username, Set.of(roles), duty);
    }

    static ProgramFixture created() {
        ProgramFixture f = new ProgramFixture();
        f.run(p -> p.create("Ingestion rollout", "ingestion-owner", POLICY, NOW));
        return f;
    }

    /** A programme brought to {@code phase} through its gates. */
    static ProgramFixture inPhase(String phase) {
        ProgramFixture f = created();
        while (!f.program.phase().equals(phase)) {
            Gate gate = POLICY.phases().gates().stream().filter(g -> g.from().equals(f.program.phase())).findFirst().orElseThrow();
            for (ProgramActor approver : List.of(OWNER, PM, SRE)) {
                if (!approver.held(gate.approvers()).isEmpty()) {
                    f.run(p -> p.approveGate(gate.to(), approver, null, POLICY, NOW));
                }
            }
        }
        f.events.clear();
        return f;
    }

    List<EventPayload> run(Function<Program, Decision> command) {
        last = command.apply(program);
        for (EventPayload e : last.events()) {
            program = Program.KIND.apply(program, e);
            events.add(e);
        }
        return last.events();
    }
}
