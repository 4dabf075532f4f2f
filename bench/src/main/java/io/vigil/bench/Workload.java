package io.vigil.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.audit.domain.AuditRecord;
import io.vigil.events.DutyRole;
import io.vigil.events.EventCodec;
import io.vigil.events.EventPayload;
import io.vigil.events.Severity;
import io.vigil.events.VigilEvent;
import io.vigil.events.alerts.AlertRaised;
import io.vigil.events.alerts.Signals;
import io.vigil.events.deploys.DeployCompleted;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.events.incidents.IncidentAcknowledged;
import io.vigil.events.incidents.IncidentOpened;
import io.vigil.events.notifications.Channel;
import io.vigil.events.notifications.NotificationSent;
import io.vigil.events.ownership.CheckRecorded;
import io.vigil.events.ownership.OwnershipAssigned;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Event number {@code i} of a run, the same every time it is asked for: the producer sends it, the raw insert
 * and the chain filler store it. Events come in stories of six that share a subject and an actor, as the
 * services emit them: a deploy (started, owner assigned, completed, two checks, the owner notified) or an
 * alert that became an incident (raised, opened, on-call notified, acknowledged, raised again, lead notified).
 * Eight event types on four topics; about 200 actors; one event every 2.5 s of event time, ending now.
 */
final class Workload {
    static final int STORY = 6;
    private static final long STEP_MILLIS = 2_500;
    private static final String SERVICE_ACCOUNT = "service-account-ci-publisher";
    private static final URI OWNERSHIP = URI.create("urn:vigil:ownership-service");
    private static final URI ESCALATION = URI.create("urn:vigil:escalation-service");
    private static final URI NOTIFICATION = URI.create("urn:vigil:notification-service");
    private static final URI CI = URI.create("urn:vigil:ci-publisher");
    private static final String[] SERVICES = {"checkout", "payments", "search", "catalog", "ingestion", "billing",
            "auth", "inventory", "reporting", "gateway", "orders", "shipping", "pricing", "recommendations", "media",
            "accounts", "ledger", "fraud", "exports", "webhooks"};
    private static final String[] PEOPLE = people();

    private final long seed;
    private final Instant start;
    private final ObjectMapper json = EventCodec.objectMapper();

    /** @param total how many events the run may ask for: the last one is about now */
    Workload(long seed, long total) {
        this.seed = seed;
        this.start = Instant.now().minusMillis(total * STEP_MILLIS).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    VigilEvent<EventPayload> event(long i) {
        long story = i / STORY;
        int step = (int) (i % STORY);
        SplittableRandom s = new SplittableRandom(mix(seed, story));
        SplittableRandom e = new SplittableRandom(mix(seed ^ 0x5DEECE66DL, i));
        Instant t = start.plusMillis(i * STEP_MILLIS + e.nextInt(2_000));
        String service = SERVICES[s.nextInt(SERVICES.length)];
        String person = PEOPLE[s.nextInt(PEOPLE.length)];
        String onCall = PEOPLE[s.nextInt(8)];
        long number = 1_000 + s.nextInt(900_000);
        return s.nextInt(10) < 6
                ? deployStory(i, step, t, service, person, number)
                : incidentStory(i, step, t, service, onCall, number);
    }

    private VigilEvent<EventPayload> deployStory(long i, int step, Instant t, String service, String person, long n) {
        String deployId = "dep-" + service + "-" + n;
        String version = "1." + (n % 60) + "." + (n % 17);
        EventPayload p = switch (step) {
            case 0 -> new DeployStarted(deployId, service, version, "production", person,
                    "https://git.example.com/" + service + "/pull/" + n, true,
                    "https://git.example.com/" + service + "/rollback/" + n, t);
            case 1 -> new OwnershipAssigned(deployId, service, person, "merged-the-pr", t, t.plus(Duration.ofHours(48)),
                    "ownership.default-owner", "2026.11.0");
            case 2 -> new DeployCompleted(deployId, service, version, true, t);
            case 3, 4 -> new CheckRecorded(deployId, service, person, t.minusSeconds(60), t.plusSeconds(900),
                    "error rate flat, no new dead letters", 0, true, t);
            default -> new NotificationSent("ntf-" + id(i), id(i - 4), "vigil.ownership.assigned.v1", deployId,
                    Channel.SLACK, person, DutyRole.DEPLOY_OWNER, "@" + person, "ownership-assigned", 1, t);
        };
        URI source = step == 5 ? NOTIFICATION : OWNERSHIP;
        String subject = step == 5 ? "ntf-" + id(i) : deployId;
        return new VigilEvent<>(id(i), source, subject, t, person, id(i - step), step == 0 ? null : id(i - 1), null, p);
    }

    private VigilEvent<EventPayload> incidentStory(long i, int step, Instant t, String service, String onCall, long n) {
        String alertKey = service + "/HighErrorRate/" + n;
        String incidentId = "inc-" + service + "-" + n;
        String title = "Error rate above 5% on " + service;
        EventPayload p = switch (step) {
            case 0, 4 -> new AlertRaised(alertKey, "alertmanager", service, title, "5xx ratio over 5 minutes",
                    Severity.P2, new Signals(7.5, null, null, 3, false, "global"),
                    "https://alerts.example.com/" + alertKey, t);
            case 1 -> new IncidentOpened(incidentId, service, title, Severity.P2, List.of("error rate 7.5% > 5%"),
                    List.of(alertKey), "global", null, null, t, "severity.p2.error-rate", "2026-01");
            case 3 -> new IncidentAcknowledged(incidentId, onCall, t);
            default -> new NotificationSent("ntf-" + id(i), id(i - step + 1), "vigil.incident.opened.v1", incidentId,
                    Channel.EMAIL, step == 2 ? onCall : "sre-lead", step == 2 ? DutyRole.ON_CALL_PRIMARY : DutyRole.SRE_LEAD,
                    (step == 2 ? onCall : "sre-lead") + "@vigil.local", "incident-opened", 1, t);
        };
        URI source = switch (step) {
            case 0, 4 -> CI;
            case 2, 5 -> NOTIFICATION;
            default -> ESCALATION;
        };
        String subject = switch (step) {
            case 0, 4 -> alertKey;
            case 2, 5 -> "ntf-" + id(i);
            default -> incidentId;
        };
        String actor = step == 3 ? onCall : SERVICE_ACCOUNT;
        return new VigilEvent<>(id(i), source, subject, t, actor, id(i - step), step == 0 ? null : id(i - 1), null, p);
    }

    /** What audit-service keeps of event {@code i} when it came from {@code topic/partition/offset}. */
    AuditRecord record(long i, String topic, int partition, long offset, Instant recordedAt) {
        return record(event(i), topic, partition, offset, recordedAt);
    }

    AuditRecord record(VigilEvent<EventPayload> e, String topic, int partition, long offset, Instant recordedAt) {
        return new AuditRecord(e.id(), topic, partition, offset, e.type().typeName(), e.source().toString(), e.subject(),
                e.actor(), e.time(), recordedAt, payloadText(e.payload()));
    }

    /** The data as the service stores it: parsed and written back as compact JSON (AuditIntake.dataText). */
    private String payloadText(EventPayload payload) {
        try {
            return json.readTree(json.writeValueAsBytes(payload)).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String id(long i) {
        SplittableRandom r = new SplittableRandom(mix(seed ^ 0x2545F4914F6CDD1DL, i));
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    private static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String[] people() {
        String[] named = {"oncall-1", "oncall-2", "oncall-3", "oncall-4", "engineer", "sre-lead", "database-owner",
                "ingestion-owner"};
        String[] all = new String[200];
        System.arraycopy(named, 0, all, 0, named.length);
        for (int k = named.length; k < all.length; k++) {
            all[k] = "dev-" + String.format("%03d", k);
        }
        return all;
    }
}
