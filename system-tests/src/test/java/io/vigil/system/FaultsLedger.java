package io.vigil.system;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.vigil.system.FaultsDatabases.column;
import static io.vigil.system.FaultsDatabases.count;
import static io.vigil.system.FaultsDatabases.rows;

/**
 * The counts of a fault run, read from the services' own databases and the run's broker: what arrived, what it
 * caused and how often. Every check that fails is collected with its evidence, so one run names every problem.
 */
final class FaultsLedger {
    static final List<String> PUBLISHERS = List.of("ownership", "escalation", "notification");
    static final List<String> SERVICES = List.of("ownership", "escalation", "notification", "audit");
    static final java.time.Duration DUE_MARGIN = java.time.Duration.ofSeconds(15);
    private static final String DATA = "convert_from(event, 'UTF8')::jsonb->'data'";

    final StringBuilder report = new StringBuilder();
    final List<String> failures = new ArrayList<>();

    void line(String format, Object... args) {
        report.append(String.format(format, args)).append('\n');
    }

    void expect(boolean ok, String what) {
        line("  %-4s %s", ok ? "ok" : "FAIL", what);
        if (!ok) {
            failures.add(what);
        }
    }

    /** Groups that occur more than once: {@code select key..., count(*) ... group by ... having count(*) > 1}. */
    void onceEach(String service, String what, String keys, String from) {
        List<List<String>> doubled = rows(service, "SELECT " + keys + ", count(*) FROM " + from
                + " GROUP BY " + keys + " HAVING count(*) > 1 LIMIT 20");
        long groups = count(service, "SELECT count(*) FROM (SELECT " + keys + " FROM " + from + " GROUP BY " + keys + ") g");
        expect(doubled.isEmpty(), String.format("%s: %d %s, none twice%s", service, groups, what,
                doubled.isEmpty() ? "" : " — doubled: " + doubled));
    }

    static String events(String type) {
        return "event_store WHERE event_type = '" + type + "'";
    }

    static String data(String field) {
        return "(" + DATA + "->>'" + field + "')";
    }

    void eventStores() {
        line("event_store (events by type):");
        for (String svc : SERVICES) {
            List<List<String>> byType = rows(svc, "SELECT event_type, count(*), count(DISTINCT event_id) FROM event_store GROUP BY 1 ORDER BY 1");
            for (List<String> r : byType) {
                line("  %-13s %-40s %6s  (distinct ids %s)", svc, r.get(0), r.get(1), r.get(2));
            }
            long total = count(svc, "SELECT count(*) FROM event_store");
            long distinct = count(svc, "SELECT count(DISTINCT event_id) FROM event_store");
            expect(total == distinct, svc + ": " + total + " stored events, " + distinct + " distinct ids");
        }
    }

    void deploys(Set<String> sent) {
        line("deploys (%d sent):", sent.size());
        Set<String> started = new HashSet<>(column("ownership", "SELECT DISTINCT " + data("deployId") + " FROM " + events("vigil.deploy.started.v1")));
        Set<String> assigned = new HashSet<>(column("ownership", "SELECT DISTINCT " + data("deployId") + " FROM " + events("vigil.ownership.assigned.v1")));
        expect(started.containsAll(sent), "ownership: deploy.started for " + started.size() + " deploys, missing " + missing(sent, started));
        expect(assigned.containsAll(sent) && assigned.size() == sent.size(),
                "ownership: ownership.assigned for " + assigned.size() + " deploys, missing " + missing(sent, assigned));
        onceEach("ownership", "deploys with ownership.assigned", data("deployId"), events("vigil.ownership.assigned.v1"));
        onceEach("ownership", "deploys with deploy.started", data("deployId"), events("vigil.deploy.started.v1"));
        onceEach("ownership", "missed checks (deploy, due)", data("deployId") + ", " + data("dueAt"), events("vigil.check.missed.v1"));
        onceEach("ownership", "missed checkpoints (deploy, checkpoint)", data("deployId") + ", " + data("checkpoint"), events("vigil.checkpoint.missed.v1"));
        Set<String> copied = new HashSet<>(column("escalation", "SELECT DISTINCT " + data("deployId") + " FROM " + events("vigil.ownership.assigned.v1")));
        expect(copied.containsAll(sent), "escalation: its copy of ownership.assigned has " + copied.size() + " deploys, missing " + missing(sent, copied));
        onceEach("escalation", "copied ownership.assigned", data("deployId"), events("vigil.ownership.assigned.v1"));
    }

    void alerts(Set<String> sent) {
        line("alerts (%d sent, one alert group each):", sent.size());
        Set<String> raised = new HashSet<>(column("escalation", "SELECT DISTINCT " + data("alertKey") + " FROM " + events("vigil.alert.raised.v1")));
        expect(raised.containsAll(sent), "escalation: alert.raised for " + raised.size() + " keys, missing " + missing(sent, raised));
        String opened = "event_store, jsonb_array_elements_text(" + DATA + "->'alertKeys') AS k WHERE event_type = 'vigil.incident.opened.v1'";
        Set<String> inIncidents = new HashSet<>(column("escalation", "SELECT DISTINCT k FROM " + opened));
        expect(inIncidents.containsAll(sent), "escalation: incident.opened for " + inIncidents.size() + " alert keys, missing " + missing(sent, inIncidents));
        onceEach("escalation", "alert keys in an incident.opened", "k", opened);
        long incidents = count("escalation", "SELECT count(*) FROM " + events("vigil.incident.opened.v1"));
        expect(incidents == sent.size(), "escalation: " + incidents + " incident.opened for " + sent.size() + " alert groups");
        long step0 = count("escalation", "SELECT count(DISTINCT " + data("incidentId") + ") FROM " + events("vigil.incident.escalated.v1") + " AND " + data("step") + " = '0'");
        expect(step0 == incidents, "escalation: step-0 escalation for " + step0 + " of " + incidents + " incidents");
        onceEach("escalation", "escalations (incident, step, rule)", data("incidentId") + ", " + data("step") + ", " + data("policyRule"),
                events("vigil.incident.escalated.v1"));
        onceEach("escalation", "update-due (incident, number)", data("incidentId") + ", " + data("updateNumber"), events("vigil.incident.update-due.v1"));
    }

    /** Every timer row: fired, cancelled, failed, still pending; none pending while due; none scheduled twice. */
    void timers(Map<String, Instant> serviceNow) {
        line("timers (by service and kind: total, fired, cancelled, failed, pending, pending and due for over %ds):", DUE_MARGIN.toSeconds());
        for (String svc : SERVICES) {
            // the services' clocks keep running: a timer that fell due a moment ago is being fired, not left behind
            String now = "'" + serviceNow.get(svc).minus(DUE_MARGIN) + "'::timestamptz";
            String pending = "fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL";
            for (List<String> r : rows(svc, "SELECT kind, count(*), count(fired_at), count(cancelled_at), count(failed_at), "
                    + "count(*) FILTER (WHERE " + pending + "), count(*) FILTER (WHERE " + pending + " AND due_at <= " + now + ") "
                    + "FROM timer GROUP BY kind ORDER BY kind")) {
                line("  %-13s %-28s %5s %5s %5s %5s %5s %5s", svc, r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6));
            }
            long due = count(svc, "SELECT count(*) FROM timer WHERE " + pending + " AND due_at <= " + now);
            long failed = count(svc, "SELECT count(*) FROM timer WHERE failed_at IS NOT NULL");
            long retried = count(svc, "SELECT count(*) FROM timer WHERE attempts > 1");
            expect(due == 0 && failed == 0, svc + ": no timer left due (" + due + ") or failed (" + failed + "); timers retried: " + retried);
            onceEach(svc, "live timers (kind, aggregate, due, payload)", "kind, aggregate_id, due_at, payload",
                    "timer WHERE cancelled_at IS NULL");
        }
    }

    /** Effects of the timers that fired: one per fired timer of the kind. */
    void timerEffects() {
        // one statement, one snapshot: a timer is marked fired in the transaction of its effect
        List<String> r = rows("escalation", "SELECT (SELECT count(*) FROM timer WHERE kind = 'incident-unacknowledged' AND fired_at IS NOT NULL), "
                + "(SELECT count(*) FROM " + events("vigil.incident.escalated.v1") + " AND policy_rule = 'ladder.P1.unacknowledged'), "
                + "(SELECT count(*) FROM timer WHERE kind = 'incident-update' AND fired_at IS NOT NULL), "
                + "(SELECT count(*) FROM " + events("vigil.incident.update-due.v1") + ")").get(0);
        expect(r.get(0).equals(r.get(1)), "escalation: " + r.get(0) + " fired incident-unacknowledged timers, " + r.get(1) + " unacknowledged pages");
        expect(r.get(2).equals(r.get(3)), "escalation: " + r.get(2) + " fired incident-update timers, " + r.get(3) + " update-due events");
        List<String> o = rows("ownership", "SELECT (SELECT count(*) FROM timer WHERE kind = 'deploy.check-missed' AND fired_at IS NOT NULL), "
                + "(SELECT count(*) FROM " + events("vigil.check.missed.v1") + "), "
                + "(SELECT count(*) FROM timer WHERE kind = 'deploy.checkpoint-missed' AND fired_at IS NOT NULL), "
                + "(SELECT count(*) FROM " + events("vigil.checkpoint.missed.v1") + ")").get(0);
        expect(o.get(0).equals(o.get(1)), "ownership: " + o.get(0) + " fired deploy.check-missed timers, " + o.get(1) + " check.missed events");
        expect(o.get(2).equals(o.get(3)), "ownership: " + o.get(2) + " fired deploy.checkpoint-missed timers, " + o.get(3) + " checkpoint.missed events");
    }

    void notifications(Set<String> causes, Map<String, Integer> webhookCalls) {
        line("notifications:");
        for (List<String> r : rows("notification", "SELECT causation_type, channel, status, count(*) FROM delivery GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")) {
            line("  delivery  %-36s %-8s %-8s %6s", r.get(0), r.get(1), r.get(2), r.get(3));
        }
        onceEach("notification", "deliveries (cause, recipient, channel)", "causation_event_id, recipient, channel", "delivery");
        onceEach("notification", "notification.sent (cause, recipient, channel)",
                data("causationEventId") + ", " + data("recipient") + ", " + data("channel"), events("vigil.notification.sent.v1"));
        List<String> n = rows("notification", "SELECT (SELECT count(*) FROM delivery WHERE status = 'sent'), "
                + "(SELECT count(*) FROM " + events("vigil.notification.sent.v1") + "), "
                + "(SELECT count(*) FROM delivery WHERE status = 'failed'), (SELECT count(*) FROM delivery WHERE status = 'pending')").get(0);
        expect(n.get(0).equals(n.get(1)) && n.get(2).equals("0"), "notification: " + n.get(0) + " deliveries sent, " + n.get(1)
                + " notification.sent, " + n.get(2) + " failed (" + n.get(3) + " pending: timers firing as the clocks run on)");
        Set<String> delivered = eventually(causes, () -> column("notification", "SELECT DISTINCT causation_event_id FROM delivery"));
        expect(delivered.containsAll(causes), "notification: deliveries for " + causes.size() + " events that name people, missing "
                + missing(causes, delivered));
        Set<String> webhookIds = new HashSet<>(column("notification", "SELECT notification_id FROM delivery WHERE channel = 'webhook' AND status = 'sent'"));
        long twice = webhookCalls.values().stream().filter(calls -> calls > 1).count();
        expect(webhookCalls.keySet().containsAll(webhookIds), "webhook receiver: " + webhookCalls.size() + " notification ids received for "
                + webhookIds.size() + " sent; on the wire more than once (same webhook-id, in flight at a kill): " + twice
                + ", missing " + missing(webhookIds, webhookCalls.keySet()));
    }

    void wire(Map<String, Map<String, Integer>> byTopic) {
        line("broker (records, distinct event ids, ids on the wire more than once):");
        byTopic.forEach((topic, ids) -> line("  %-22s %6d %6d %6d", topic, ids.values().stream().mapToInt(Integer::intValue).sum(),
                ids.size(), ids.values().stream().filter(n -> n > 1).count()));
        expect(byTopic.get("vigil.dead-letter").isEmpty(), "no dead letters: " + byTopic.get("vigil.dead-letter").size());
    }

    /** {@code verify}: GET /audit/verify, called after this reads the log (so it checks at least these entries). */
    void audit(Set<String> expected, java.util.function.Supplier<Map<String, Object>> verify) {
        Set<String> logged = eventually(expected, () -> column("audit", "SELECT event_id FROM audit_entry"));
        List<String> counts = rows("audit", "SELECT count(*), count(DISTINCT event_id) FROM audit_entry").get(0);
        long entries = Long.parseLong(counts.get(0));
        Map<String, Object> verified = verify.get();
        line("audit: %d entries, %s distinct event ids; verify %s", entries, counts.get(1), verified);
        expect(counts.get(0).equals(counts.get(1)), "audit: no event logged twice");
        expect(logged.containsAll(expected), "audit: every published event logged (" + expected.size() + "), missing " + missing(expected, logged));
        expect(Boolean.TRUE.equals(verified.get("valid")) && ((Number) verified.get("checked")).longValue() >= entries,
                "audit: the chain verifies over every entry (" + verified.get("checked") + " checked)");
    }

    /** What a service holds of {@code wanted}, once it has caught up (at most 30 s): a late arrival is not a loss. */
    private static Set<String> eventually(Set<String> wanted, java.util.function.Supplier<List<String>> have) {
        Set<String> got = new HashSet<>(have.get());
        for (int i = 0; i < 30 && !got.containsAll(wanted); i++) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            got = new HashSet<>(have.get());
        }
        return got;
    }

    private static String missing(Set<String> wanted, Set<String> have) {
        List<String> gone = wanted.stream().filter(w -> !have.contains(w)).sorted().toList();
        return gone.size() + (gone.isEmpty() ? "" : " " + gone.subList(0, Math.min(10, gone.size())));
    }
}
