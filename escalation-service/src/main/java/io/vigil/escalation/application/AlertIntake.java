package io.vigil.escalation.application;

import io.vigil.escalation.domain.Alert;
import io.vigil.escalation.domain.Incident;
import io.vigil.escalation.domain.OpenIncident;
import io.vigil.escalation.domain.SeverityClassification;
import io.vigil.escalation.persistence.IncidentReadModel;
import io.vigil.escalation.persistence.RosterReadModel;
import io.vigil.events.EventPayload;
import io.vigil.events.VigilEvent;
import io.vigil.events.alerts.AlertEvent;
import io.vigil.events.alerts.AlertRaised;
import io.vigil.events.alerts.AlertResolved;
import io.vigil.platform.config.VigilConfig;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.eventstore.Cause;
import io.vigil.platform.eventstore.EventSourcedRepository;
import io.vigil.platform.inbox.RejectedEvent;
import io.vigil.platform.problem.Problem;
import io.vigil.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Alerts into incidents. Every alert event is stored on its alert key's stream (received from Kafka, or decided
 * and published by our HTTP adapters); then, in the same transaction, a new alert opens an incident, a repeat of an
 * alert of an open incident joins it (and may raise its severity), and the incident resolves by itself when the
 * last of its alerts resolves.
 */
@ApplicationScoped
public class AlertIntake {
    private final EventSourcedRepository repository;
    private final IncidentReadModel incidents;
    private final RosterReadModel roster;
    private final DutyLookup duty;
    private final Policy policy;
    private final Clock clock;
    private final URI ourSource;

    public AlertIntake(EventSourcedRepository repository, IncidentReadModel incidents, RosterReadModel roster,
                       DutyLookup duty, Policy policy, Clock clock, VigilConfig config) {
        this.repository = repository;
        this.incidents = incidents;
        this.roster = roster;
        this.duty = duty;
        this.policy = policy;
        this.clock = clock;
        this.ourSource = config.source();
    }

    /**
     * Alerts reported over HTTP, one or a group (an Alertmanager notification): each published on {@code vigil.alerts}
     * with its alert key as subject, then followed up at once; new firing alerts of one group open one incident.
     */
    @Transactional
    public void report(List<AlertEvent> alerts, String actor) {
        for (AlertEvent alert : alerts) {
            if (!Alert.isUsableKey(alert.alertKey())) {
                throw Problem.badRequest("alertKey", "'" + alert.alertKey() + "' must not start with inc-, roster/ or deploy-window/");
            }
            repository.decide(Alert.KIND, alert.alertKey(), Cause.actor(actor), a -> a.report(alert));
        }
        follow(alerts, Cause.actor(actor));
    }

    /**
     * The monitoring system says someone took the alert (a PagerDuty {@code acknowledge}): the incident the alert
     * belongs to is acknowledged by {@code actor}, unless it is acknowledged already; an alert of no open incident
     * changes nothing.
     */
    @Transactional
    public void acknowledgedAtSource(String alertKey, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        incidents.openIncidentOf(alertKey).ifPresent(id ->
                repository.decide(Incident.KIND, id, Cause.actor(actor), i -> i.acknowledgedAtSource(actor, now)));
    }

    /** An alert event from {@code vigil.alerts}. Our own come back on the topic; they were followed up when published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void received(VigilEvent<EventPayload> event) {
        if (!(event.payload() instanceof AlertEvent alert) || ourSource.equals(event.source())) {
            return;
        }
        if (!Alert.isUsableKey(alert.alertKey())) {
            throw new RejectedEvent("alertKey '" + alert.alertKey() + "' starts like an incident id or a copied stream; use another key");
        }
        if (!event.subject().equals(alert.alertKey())) {
            throw new RejectedEvent("subject '" + event.subject() + "' is not the alertKey '" + alert.alertKey() + "'");
        }
        repository.recordReceived(Alert.KIND, alert.alertKey(), event, a -> Decision.nothing());
        follow(List.of(alert), Cause.event(event));
    }

    private void follow(List<AlertEvent> alerts, Cause cause) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<AlertRaised> fresh = new ArrayList<>();
        List<SeverityClassification> freshSeverities = new ArrayList<>();
        Set<String> resolvedIn = new LinkedHashSet<>();
        for (AlertEvent alert : alerts) {
            switch (alert) {
                case AlertRaised raised -> {
                    SeverityClassification severity = SeverityClassification.of(policy.severity(), raised.signals(), raised.severity());
                    incidents.openIncidentOf(raised.alertKey()).ifPresentOrElse(
                            id -> repository.decide(Incident.KIND, id, cause, i -> i.alertRepeated(severity, policy, duty.at(now, i.service()), now)),
                            () -> {
                                fresh.add(raised);
                                freshSeverities.add(severity);
                            });
                }
                case AlertResolved resolved -> incidents.openIncidentOf(resolved.alertKey()).ifPresent(resolvedIn::add);
            }
        }
        if (!fresh.isEmpty()) {
            open(fresh, SeverityClassification.mostSevere(freshSeverities), cause, now);
        }
        for (String id : resolvedIn) {
            Set<String> firing = incidents.firingAlerts(id);
            repository.decide(Incident.KIND, id, cause, i -> i.alertResolved(firing, now));
        }
    }

    private void open(List<AlertRaised> alerts, SeverityClassification severity, Cause cause, Instant now) {
        AlertRaised raised = alerts.get(0);
        var window = roster.openWindow(raised.service(), now);
        String scope = raised.signals() == null ? null : raised.signals().scope();
        OpenIncident command = new OpenIncident("inc-" + UUID.randomUUID(), raised.service(), raised.title(),
                alerts.stream().map(AlertRaised::alertKey).distinct().toList(), scope, window.map(RosterReadModel.OpenWindow::deployId).orElse(null),
                window.map(RosterReadModel.OpenWindow::owner).orElse(null));
        repository.decide(Incident.KIND, command.incidentId(), cause,
                i -> i.open(command, severity, policy, duty.at(now, raised.service()), now));
    }
}
