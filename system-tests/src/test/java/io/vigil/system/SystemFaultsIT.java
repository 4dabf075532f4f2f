package io.vigil.system;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.vigil.events.Topics;
import io.vigil.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static io.vigil.system.FaultsDatabases.column;
import static io.vigil.system.FaultsDatabases.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.lessThan;

/**
 * The four packaged services on a broker of their own and databases of their own, while a steady, bounded stream of
 * deploys and alerts flows: each service in turn is killed with SIGKILL and started again, the broker is restarted,
 * and (with {@code vigil.faults.postgres=true}: the server is shared) PostgreSQL is stopped for 20 s. Clocks are
 * moved forward between faults, so timers fall due across them. Afterwards the run's counts are printed and checked:
 * nothing lost, no effect doubled, every timer fired once, every notification delivered once per destination, the
 * audit chain verifies.
 */
class SystemFaultsIT {
    static final int COUNT = Integer.getInteger("vigil.faults.count", 100);
    static final Duration BEAT = Duration.ofMillis(Long.getLong("vigil.faults.beat-ms", 900));
    static final Duration STEP = Duration.ofMinutes(4);
    static final Duration FINAL_STEP = Duration.ofMinutes(16);
    static final Duration OUTAGE = Duration.ofSeconds(20);
    static final List<String> PEOPLE = List.of("faults-primary", "faults-secondary", "faults-owner-1", "faults-owner-2", "faults-owner-3");

    final boolean stopPostgres = Boolean.parseBoolean(System.getProperty("vigil.faults.postgres",
            System.getenv().getOrDefault("VIGIL_FAULTS_POSTGRES", "false")));
    final Map<String, ServiceProcess> services = new ConcurrentHashMap<>();
    final FaultsDatabases databases = new FaultsDatabases();
    static final Path STATE = Path.of(System.getProperty("vigil.logs.dir", "target/service-logs")).resolveSibling("faults-state");
    final FaultsKafka kafka = new FaultsKafka(STATE);
    final List<String> timeline = new ArrayList<>();
    Instant began;
    final Map<String, Integer> webhookCalls = new ConcurrentHashMap<>();
    Duration clockTarget = Duration.ZERO;

    @Test
    void shouldLoseNothingAndDoubleNothingAcrossKillsAndRestarts() throws Exception {
        began = Instant.now();
        String sharedLogs = System.getProperty("vigil.logs.dir");
        // the run's own service logs: other system tests write theirs to service-logs at the same time
        System.setProperty("vigil.logs.dir", STATE.resolveSibling("faults-logs").toString());
        HttpServer receiver = webhookReceiver();
        try (kafka) {
            phase("own Kafka broker started (fresh)", kafka::startFresh);
            phase("databases " + FaultsLedger.SERVICES + " + " + FaultsDatabases.SUFFIX + " ready, services started", () -> {
                databases.ensure(FaultsLedger.SERVICES);
                startAll();
            });
            phase("people and rotation seeded, roster everywhere",
                    () -> seedPeopleAndRotation("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook/"));

            FaultsTraffic traffic = new FaultsTraffic(COUNT, BEAT, UUID.randomUUID().toString().substring(0, 8),
                    PEOPLE.subList(2, 5), kafka.bootstrap(), () -> url("ownership"), () -> url("escalation"));
            CompletableFuture<Void> flowing = CompletableFuture.runAsync(traffic);
            for (String svc : FaultsLedger.SERVICES) {
                pause(Duration.ofSeconds(4));
                phase("SIGKILL " + svc + ", restart, clocks +" + STEP, () -> {
                    services.get(svc).kill();
                    pause(Duration.ofSeconds(2));
                    services.put(svc, start(svc, false));
                    advanceClocks();
                });
            }
            pause(Duration.ofSeconds(3));
            phase("Kafka broker restart, every service ready, clocks +" + STEP, () -> {
                kafka.restart();
                awaitReady();
                advanceClocks();
            });
            if (stopPostgres) {
                pause(Duration.ofSeconds(3));
                phase("PostgreSQL stopped " + OUTAGE.toSeconds() + " s, every service ready, clocks +" + STEP, () -> {
                    Instant stopped = Instant.now();
                    databases.postgres("stop");
                    try {
                        pause(OUTAGE.minus(Duration.between(stopped, Instant.now())));
                    } finally {
                        databases.postgres("start");
                    }
                    awaitReady();
                    advanceClocks();
                });
            } else {
                timeline.add("PostgreSQL outage skipped (vigil.faults.postgres=false)");
            }
            phase("the stream finished", flowing::get);
            phase("clocks +" + FINAL_STEP + ", everything caught up", () -> {
                clockTarget = clockTarget.plus(FINAL_STEP);
                syncClocks();
                awaitQuiet(traffic);
            });
            FaultsLedger ledger = tally(traffic);
            ledger.line("the stream: %d deploys + %d alerts (half on Kafka, half over HTTP), %d HTTP requests sent again; clocks moved %s",
                    traffic.deploys.size(), traffic.alerts.size(), traffic.retries.get(), clockTarget);
            ledger.line("timeline:");
            timeline.forEach(t -> ledger.line("  %s", t));
            ledger.line("run time: %d s", Duration.between(began, Instant.now()).toSeconds());
            System.out.println("==== SystemFaultsIT counts ====\n" + ledger.report);
            assertThat(ledger.failures).as("checks that failed (counts above)").isEmpty();
        } finally {
            services.values().forEach(ServiceProcess::close);
            receiver.stop(0);
            if (sharedLogs != null) {
                System.setProperty("vigil.logs.dir", sharedLogs);
            } else {
                System.clearProperty("vigil.logs.dir");
            }
        }
    }

    interface Step {
        void run() throws Exception;
    }

    private void phase(String name, Step step) throws Exception {
        Instant start = Instant.now();
        step.run();
        timeline.add(String.format("%4d s  %-70s (%d s)", Duration.between(began, Instant.now()).toSeconds(), name,
                Duration.between(start, Instant.now()).toSeconds()));
    }

    private FaultsLedger tally(FaultsTraffic traffic) {
        FaultsLedger ledger = new FaultsLedger();
        ledger.eventStores();
        ledger.deploys(traffic.deploys);
        ledger.alerts(traffic.alerts);
        Map<String, Instant> now = new HashMap<>();
        FaultsLedger.SERVICES.forEach(svc -> now.put(svc, clockNow(svc)));
        ledger.timers(now);
        ledger.timerEffects();
        ledger.notifications(notifiedCauses(), webhookCalls);
        Map<String, Map<String, Integer>> wire = new LinkedHashMap<>();
        for (String topic : Topics.ALL) {
            wire.put(topic, kafka.idsOn(topic));
        }
        ledger.wire(wire);
        ledger.audit(published(traffic), () -> given().baseUri(url("audit")).auth().oauth2(Tokens.of("auditor")).get("/audit/verify")
                .then().statusCode(200).extract().jsonPath().getMap(""));
        return ledger;
    }

    /** The events that name people to tell: each must have become deliveries. */
    private static Set<String> notifiedCauses() {
        Set<String> causes = new HashSet<>(column("escalation", "SELECT event_id FROM event_store WHERE event_type IN "
                + "('vigil.incident.opened.v1', 'vigil.incident.update-due.v1') OR (event_type = 'vigil.incident.escalated.v1' AND "
                + FaultsLedger.data("step") + " = '0')"));
        causes.addAll(column("ownership", "SELECT event_id FROM event_store WHERE event_type IN ('vigil.check.missed.v1', 'vigil.checkpoint.missed.v1')"));
        return causes;
    }

    /** What the audit log must hold: every event a service published, and every event the stream put on the broker. */
    private static Set<String> published(FaultsTraffic traffic) {
        Set<String> ids = new HashSet<>(traffic.publishedIds);
        FaultsLedger.PUBLISHERS.forEach(svc -> ids.addAll(column(svc, "SELECT event_id FROM outbox")));
        return ids;
    }

    private void awaitQuiet(FaultsTraffic traffic) {
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            syncClocks(); // a service whose timers fire late still sees the run's time
            long assigned = count("ownership", "SELECT count(DISTINCT " + FaultsLedger.data("deployId") + ") FROM event_store WHERE event_type = 'vigil.ownership.assigned.v1'");
            long grouped = count("escalation", "SELECT count(DISTINCT alert_key) FROM incident_alert");
            long unpublished = 0;
            for (String svc : FaultsLedger.PUBLISHERS) {
                unpublished += count(svc, "SELECT count(*) FROM outbox WHERE published_at IS NULL");
            }
            long pending = count("notification", "SELECT count(*) FROM delivery WHERE status = 'pending'");
            Set<String> expected = published(traffic);
            long logged = count("audit", "SELECT count(*) FROM audit_entry");
            return assigned >= traffic.deploys.size() && grouped >= traffic.alerts.size() && unpublished == 0 && pending == 0
                    && logged >= expected.size() && timersDue() == 0;
        });
    }

    private long timersDue() {
        long due = 0;
        for (String svc : FaultsLedger.SERVICES) {
            due += count(svc, "SELECT count(*) FROM timer WHERE fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL AND due_at <= '"
                    + clockNow(svc) + "'::timestamptz");
        }
        return due;
    }

    private void startAll() throws Exception {
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (String svc : FaultsLedger.SERVICES) {
            starting.add(CompletableFuture.runAsync(() -> {
                try {
                    services.put(svc, start(svc, true));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).get();
    }

    private ServiceProcess start(String svc, boolean fresh) throws Exception {
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", FaultsDatabases.jdbcUrl(svc),
                "vigil.kafka.bootstrap-servers", kafka.bootstrap()));
        if (svc.equals("notification")) {
            // hundreds of messages go to the on-call primary's few destinations; the per-destination pace is not under test
            config.put("vigil.notification.delivery.per-destination-per-minute.email", "60000");
            config.put("vigil.notification.delivery.per-destination-per-minute.webhook", "60000");
        }
        return ServiceProcess.start(svc, config, fresh);
    }

    private void seedPeopleAndRotation(String hook) {
        for (String who : PEOPLE) {
            given().baseUri(url("ownership")).auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON)
                    .body(Map.of("name", who, "email", who + "@faults.vigil.local", "webhookUrl", hook + who,
                            "timeZone", "Europe/Berlin", "roles", List.of("engineer")))
                    .when().put("/people/" + who).then().statusCode(lessThan(300));
        }
        LocalDate monday = LocalDate.now(ZoneId.of("Europe/Berlin")).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate week : List.of(monday.minusWeeks(1), monday, monday.plusWeeks(1))) {
            int status = given().baseUri(url("ownership")).auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON)
                    .body(Map.of("primary", "faults-primary", "secondary", "faults-secondary"))
                    .when().put("/oncall/rotations/" + week).statusCode();
            assertThat(status).as("rotation of " + week).isIn(200, 201, 409);
        }
        // every consumer has the roster before the first alert: step 0 pages the primary by name
        await().atMost(Duration.ofSeconds(60)).until(() -> count("escalation", "SELECT count(*) FROM roster_rotation") >= 2
                && count("notification", "SELECT count(*) FROM contact") == PEOPLE.size()
                && count("notification", "SELECT count(*) FROM oncall_rotation") >= 2);
    }

    private HttpServer webhookReceiver() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            webhookCalls.merge(exchange.getRequestHeaders().getFirst("webhook-id"), 1, Integer::sum);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        return receiver;
    }

    /** The run's time moves STEP further on every service. */
    private void advanceClocks() {
        clockTarget = clockTarget.plus(STEP);
        syncClocks();
    }

    /** Every service's clock at the run's time; a restarted service (offset 0) is moved all the way. */
    private void syncClocks() {
        for (String svc : FaultsLedger.SERVICES) {
            Duration offset = Duration.parse(given().baseUri(url(svc)).auth().oauth2(Tokens.of("admin")).get("/admin/clock")
                    .then().statusCode(200).extract().path("offset"));
            if (offset.compareTo(clockTarget) < 0) {
                given().baseUri(url(svc)).auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON)
                        .body(Map.of("by", clockTarget.minus(offset).toString())).post("/admin/clock/advance").then().statusCode(200);
            }
        }
    }

    private Instant clockNow(String svc) {
        return Instant.parse(given().baseUri(url(svc)).auth().oauth2(Tokens.of("admin")).get("/admin/clock")
                .then().statusCode(200).extract().path("now"));
    }

    private void awaitReady() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> FaultsLedger.SERVICES.stream().allMatch(svc -> readiness(svc) == 200));
    }

    private int readiness(String svc) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url(svc) + "/q/health/ready").toURL().openConnection();
            c.setConnectTimeout(2_000);
            c.setReadTimeout(10_000);
            return c.getResponseCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private String url(String svc) {
        return services.get(svc).url();
    }

    private static void pause(Duration d) throws InterruptedException {
        if (!d.isNegative()) {
            Thread.sleep(d.toMillis());
        }
    }
}
