package io.vigil.escalation.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vigil.escalation.application.AlertIntake;
import io.vigil.events.alerts.AlertEvent;
import io.vigil.events.alerts.AlertRaised;
import io.vigil.events.alerts.AlertResolved;
import io.vigil.events.alerts.Signals;
import io.vigil.platform.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** {@code POST /alerts}: an alert from a system that does not write Kafka; published as an alert event and followed up. */
@Path("/alerts")
@Authenticated
public class AlertResource {
    private final AlertIntake intake;
    private final SecurityIdentity identity;
    private final Clock clock;

    public AlertResource(AlertIntake intake, SecurityIdentity identity, Clock clock) {
        this.intake = intake;
        this.identity = identity;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({"event-publisher", "engineer"})
    public Response report(@Valid @NotNull AlertRequest request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AlertEvent alert = switch (request.status()) {
            case "firing" -> {
                if (request.title() == null || request.title().isBlank()) {
                    throw Problem.badRequest("title", "must not be blank for a firing alert");
                }
                var s = request.signals();
                Signals signals = s == null ? Signals.none() : new Signals(s.errorRatePct(), s.circuitBreakerOpenSeconds(),
                        s.dataCorruptionSuspected(), s.affectedClients(), s.allClientsAffected(), s.scope());
                yield new AlertRaised(request.alertKey(), request.source(), request.service(), request.title(),
                        request.description(), request.severity(), signals, request.url(), now);
            }
            default -> new AlertResolved(request.alertKey(), request.source(), request.service(), now);
        };
        intake.report(java.util.List.of(alert), identity.getPrincipal().getName());
        return Response.accepted(Map.of("alertKey", request.alertKey(), "status", request.status())).build();
    }
}
