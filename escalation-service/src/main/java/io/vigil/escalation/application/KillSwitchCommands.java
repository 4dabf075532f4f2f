package io.vigil.escalation.application;

import io.vigil.escalation.domain.KillSwitch;
import io.vigil.escalation.domain.KillSwitchAuthority;
import io.vigil.escalation.domain.KillSwitchRequest;
import io.vigil.escalation.domain.KillSwitchTerms;
import io.vigil.events.killswitch.Verification;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.domain.Versioned;
import io.vigil.platform.eventstore.Cause;
import io.vigil.platform.eventstore.EventSourcedRepository;
import io.vigil.platform.problem.Problem;
import io.vigil.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

/**
 * Kill-switch requests, approvals and resumes. A refused request is recorded ({@code killswitch.requested} then
 * {@code killswitch.rejected}) and committed: the caller turns the returned state into the 403.
 */
@ApplicationScoped
public class KillSwitchCommands {
    /** Who asks: the token's subject and realm roles; never a field of the body. */
    public record Requester(String username, Set<String> roles) {
    }

    @FunctionalInterface
    private interface Command {
        Decision on(KillSwitch killSwitch, KillSwitchAuthority who, Instant now);
    }

    private final EventSourcedRepository repository;
    private final DutyLookup duty;
    private final Policy policy;
    private final Clock clock;

    public KillSwitchCommands(EventSourcedRepository repository, DutyLookup duty, Policy policy, Clock clock) {
        this.repository = repository;
        this.duty = duty;
        this.policy = policy;
        this.clock = clock;
    }

    @Transactional
    public Versioned<KillSwitch> request(KillSwitchRequest request, Requester who) {
        request.invalidField(KillSwitchTerms.of(policy, request)).ifPresent(f -> {
            throw Problem.badRequest(f.field(), f.message());
        });
        String id = "ks-" + UUID.randomUUID();
        return run(id, who, (s, authority, now) -> s.request(request, authority, policy, now), false);
    }

    @Transactional
    public Versioned<KillSwitch> approve(String id, Requester who, String comment) {
        return run(id, who, (s, authority, now) -> s.approve(authority, comment, policy, now), true);
    }

    @Transactional
    public Versioned<KillSwitch> resume(String id, Requester who, Verification verification) {
        return run(id, who, (s, authority, now) -> s.resume(authority, verification, policy, now), true);
    }

    private Versioned<KillSwitch> run(String id, Requester who, Command command,
                                      boolean mustExist) {
        if (mustExist && !repository.load(KillSwitch.KIND, id).state().exists()) {
            throw Problem.notFound("kill switch", id);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        KillSwitchAuthority authority = new KillSwitchAuthority(who.username(), who.roles(), duty.at(now, null));
        return repository.decide(KillSwitch.KIND, id, Cause.actor(who.username()), s -> command.on(s, authority, now));
    }
}
