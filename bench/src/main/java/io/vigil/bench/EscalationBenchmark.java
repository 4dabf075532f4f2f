package io.vigil.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Alert intake of escalation-service (packaged, database escalation_bench cleaned at its start, its inputs on the run's
 * own topics): every alert has a key of its own, so each one is stored, classified and opens an incident with its
 * first page and its timers, in one transaction.
 * <ol>
 *   <li>HTTP: N_HTTP Alertmanager webhook notifications (one firing alert each, basic auth with the integration's
 *   secret) from CONCURRENCY clients — alerts per second and the call's latency p50/p99.</li>
 *   <li>Kafka: N_KAFKA alert.raised CloudEvents produced at once — alerts per second from the first sent to the last
 *   one's incident stored.</li>
 *   <li>Sustained: RATE alerts per second on Kafka for SECONDS — time from the alert.raised being sent to its
 *   incident.opened, and to the first page (incident.escalated step 0), as a consumer of vigil.incidents sees them
 *   (so the outbox relay's delay is included), p50/p99/max.</li>
 * </ol>
 * The sustained part starts when the outbox has published every event of the parts before it. Not a test: nothing is asserted.
 */
public final class EscalationBenchmark {
    static final String SECRET = "bench-only-alertmanager-secret";

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.load();
        int nHttp = Integer.getInteger("bench.n-http", 5_000);
        int nKafka = Integer.getInteger("bench.n-kafka", 10_000);
        int rate = Integer.getInteger("bench.rate", 200);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String url = "jdbc:postgresql://" + config.pgHost() + ":" + config.pgPort() + "/escalation_bench";
        Cleanup cleanup = new Cleanup();
        Runtime.getRuntime().addShutdownHook(new Thread(cleanup::runAll));
        try {
            BenchTopic alerts = BenchTopic.create(config.kafkaBootstrap(), "vigil-bench-alerts-" + run, config.workDir().resolve("escalation-topic"));
            cleanup.add(alerts::close);
            BenchTopic quiet = BenchTopic.create(config.kafkaBootstrap(), "vigil-bench-quiet-" + run, config.workDir().resolve("escalation-quiet-topic"));
            cleanup.add(quiet::close);
            ServiceUnderTest service = ServiceUnderTest.launch(config, "escalation-service",
                    Path.of("escalation-service/target/quarkus-app/quarkus-run.jar"), url, Map.of(
                            "vigil.escalation.alertmanager.secret", SECRET,
                            "mp.messaging.incoming.alerts.topic", alerts.name,
                            "mp.messaging.incoming.alerts.group.id", "vigil-bench-escalation-" + run,
                            "mp.messaging.incoming.roster.topic", quiet.name,
                            "mp.messaging.incoming.roster.group.id", "vigil-bench-escalation-r-" + run,
                            "mp.messaging.incoming.ownership.topic", quiet.name,
                            "mp.messaging.incoming.ownership.group.id", "vigil-bench-escalation-o-" + run,
                            "quarkus.datasource.username", "escalation",
                            "quarkus.flyway.username", "escalation", "quarkus.flyway.password", "vigil-dev"));
            cleanup.add(service::close);
            service.awaitReady(config.startupTimeout());
            String prefix = "bench-" + run + "-";
            try (AlertLoad load = new AlertLoad(service.url(), "alertmanager", SECRET, config.kafkaBootstrap(), alerts.name);
                 Connection db = DriverManager.getConnection(url, "escalation", "vigil-dev")) {
                Progress.say("escalation: warming up (200 alerts over HTTP and Kafka, not counted)");
                for (int i = 0; i < 200; i++) {
                    load.postAlertmanager(prefix + "w-" + i, "svc-" + (i % 50));
                    load.produce(prefix + "wk-" + i, "svc-" + (i % 50));
                }
                load.flush();
                awaitStored(db, prefix + "wk-", 200, Duration.ofMinutes(2));

                Progress.say("escalation: " + nHttp + " Alertmanager notifications over HTTP from " + concurrency + " clients");
                long[] latencies = new long[nHttp];
                AtomicInteger next = new AtomicInteger();
                Map<Integer, Integer> refused = new ConcurrentHashMap<>();
                long httpStart = System.nanoTime();
                try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
                    List<Future<?>> clients = new ArrayList<>();
                    for (int c = 0; c < concurrency; c++) {
                        clients.add(pool.submit(() -> {
                            for (int i = next.getAndIncrement(); i < nHttp; i = next.getAndIncrement()) {
                                long t0 = System.nanoTime();
                                int status = load.postAlertmanager(prefix + "h-" + i, "svc-" + (i % 50));
                                latencies[i] = System.nanoTime() - t0;
                                if (status != 202) {
                                    refused.merge(status, 1, Integer::sum);
                                }
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : clients) {
                        f.get();
                    }
                }
                double httpSeconds = (System.nanoTime() - httpStart) / 1e9;

                Progress.say("escalation: " + nKafka + " alert.raised events on Kafka at once");
                long kafkaStart = System.nanoTime();
                for (int i = 0; i < nKafka; i++) {
                    load.produce(prefix + "k-" + i, "svc-" + (i % 50));
                }
                load.flush();
                double produceSeconds = (System.nanoTime() - kafkaStart) / 1e9;
                long stored = awaitStored(db, prefix + "k-", nKafka, Duration.ofMinutes(10));
                double kafkaSeconds = (System.nanoTime() - kafkaStart) / 1e9;

                double drainSeconds = awaitOutboxDrained(db, Duration.ofMinutes(10));
                Progress.say("escalation: " + rate + " alerts/s on Kafka for " + seconds + " s");
                double[][] sustained = sustained(load, config.kafkaBootstrap(), prefix + "s-", rate, seconds);

                java.util.Arrays.sort(latencies);
                System.out.println();
                System.out.println("Vigil escalation benchmark, run " + run + " (escalation-service, packaged; every alert opens an incident)");
                System.out.printf(Locale.ROOT, "  HTTP  POST /integrations/alertmanager (basic auth) %,8.0f alerts/s   (%d in %.1f s, %d clients; refused: %s)%n",
                        nHttp / httpSeconds, nHttp, httpSeconds, concurrency, refused.isEmpty() ? "none" : refused);
                System.out.printf(Locale.ROOT, "        latency p50 / p99                          %8.1f / %.1f ms%n",
                        latencies[(int) Math.ceil(0.50 * nHttp) - 1] / 1e6, latencies[(int) Math.ceil(0.99 * nHttp) - 1] / 1e6);
                System.out.printf(Locale.ROOT, "  Kafka alert.raised on vigil.alerts (structured)  %,8.0f alerts/s   (%d stored of %d in %.1f s; producing took %.1f s)%n",
                        stored / kafkaSeconds, stored, nKafka, kafkaSeconds, produceSeconds);
                System.out.printf(Locale.ROOT, "  (then %.1f s until the outbox had published every event of the two parts above)%n", drainSeconds);
                System.out.printf(Locale.ROOT, "  sustained %d alerts/s for %d s on Kafka: %d sent (%.1f/s achieved), %d opened, %d paged%n",
                        rate, seconds, (long) sustained[2][0], sustained[2][3], (long) sustained[2][1], (long) sustained[2][2]);
                System.out.printf(Locale.ROOT, "    alert.raised -> incident.opened  p50 / p99 / max  %8.1f / %.1f / %.1f ms%n",
                        sustained[0][0], sustained[0][1], sustained[0][2]);
                System.out.printf(Locale.ROOT, "    alert.raised -> first page       p50 / p99 / max  %8.1f / %.1f / %.1f ms%n",
                        sustained[1][0], sustained[1][1], sustained[1][2]);
            }
        } finally {
            cleanup.runAll();
        }
    }

    /** Paced at {@code rate}/s; returns {opened p50,p99,max}, {paged p50,p99,max} in ms, {sent, opened, paged, sent per second}. */
    private static double[][] sustained(AlertLoad load, String bootstrap, String prefix, int rate, int seconds) {
        int n = rate * seconds;
        long[] sentAt = new long[n];
        try (IncidentWatch watch = new IncidentWatch(bootstrap, prefix)) {
            long start = System.nanoTime();
            long periodNanos = 1_000_000_000L / rate;
            for (int i = 0; i < n; i++) {
                long due = start + i * periodNanos;
                while (System.nanoTime() < due) {
                    watch.poll(Duration.ofMillis(Math.max(1, (due - System.nanoTime()) / 1_000_000)));
                }
                sentAt[i] = System.nanoTime();
                load.produce(prefix + i, "svc-" + (i % 50));
            }
            load.flush();
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (watch.pagedSeen.size() < n && System.nanoTime() < deadline) {
                watch.poll(Duration.ofMillis(200));
            }
            Latencies opened = new Latencies();
            Latencies paged = new Latencies();
            for (int i = 0; i < n; i++) {
                Long o = watch.openedSeen.get(prefix + i);
                Long p = watch.pagedSeen.get(prefix + i);
                if (o != null) {
                    opened.add(o - sentAt[i], 1);
                }
                if (p != null) {
                    paged.add(p - sentAt[i], 1);
                }
            }
            return new double[][]{{opened.percentile(50), opened.percentile(99), opened.max()},
                    {paged.percentile(50), paged.percentile(99), paged.max()}, {n, opened.count(), paged.count(), n / sendSeconds}};
        }
    }

    /** Waits until {@code n} alerts with the key prefix belong to an incident; returns how many do. */
    private static long awaitStored(Connection db, String keyPrefix, int n, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        long count = 0;
        try (PreparedStatement ps = db.prepareStatement("SELECT count(*) FROM incident_alert WHERE alert_key LIKE ?")) {
            ps.setString(1, keyPrefix + "%");
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
                if (count >= n) {
                    break;
                }
                Thread.sleep(50);
            }
        }
        return count;
    }

    /** Waits until every outbox row is published, so that the sustained part starts with nothing queued; returns seconds. */
    private static double awaitOutboxDrained(Connection db, Duration within) throws Exception {
        long start = System.nanoTime();
        long deadline = start + within.toNanos();
        try (PreparedStatement ps = db.prepareStatement("SELECT count(*) FROM outbox WHERE published_at IS NULL")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(100);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private EscalationBenchmark() {
    }
}
