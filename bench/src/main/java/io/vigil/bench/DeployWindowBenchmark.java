package io.vigil.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The deploy window under load (ownership-service, packaged, database ownership_bench cleaned at its start, clock
 * control on): N_WINDOWS deploys registered with POST /deploys by real tokens from CONCURRENCY clients at once — each
 * one deploy.started + ownership.assigned + its five timers in one transaction — then the service's clock moved 20
 * minutes (POST /admin/clock/advance), past every window's first check deadline (T+15 min + 3 min 45 s grace) and
 * T0 checkpoint deadline: all of them fall due at once. Printed: registrations per second and their latency
 * p50/p99, timers fired per second (all of them, and the check-missed ones alone), and the checks' lateness
 * (fired_at − the moment the clock passed their due time) p50/p99/max. Not a test: nothing is asserted.
 */
public final class DeployWindowBenchmark {
    static final String CHECK_TIMER = "deploy.check-missed";

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.load();
        int n = Integer.getInteger("bench.n-windows", 10_000);
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String url = "jdbc:postgresql://" + config.pgHost() + ":" + config.pgPort() + "/ownership_bench";
        Cleanup cleanup = new Cleanup();
        Runtime.getRuntime().addShutdownHook(new Thread(cleanup::runAll));
        try {
            BenchTopic topic = BenchTopic.create(config.kafkaBootstrap(), "vigil-bench-windows-" + run,
                    config.workDir().resolve("windows-topic"));
            cleanup.add(topic::close);
            ServiceUnderTest service = ServiceUnderTest.launch(config, "ownership-service",
                    Path.of("ownership-service/target/quarkus-app/quarkus-run.jar"), url, Map.of(
                            "vigil.clock.control-enabled", "true",
                            "mp.messaging.incoming.deploys.topic", topic.name,
                            "mp.messaging.incoming.deploys.group.id", "vigil-bench-windows-" + run,
                            "mp.messaging.incoming.incidents.topic", topic.name,
                            "mp.messaging.incoming.incidents.group.id", "vigil-bench-windows-i-" + run,
                            "mp.messaging.incoming.killswitch.topic", topic.name,
                            "mp.messaging.incoming.killswitch.group.id", "vigil-bench-windows-k-" + run,
                            "quarkus.datasource.username", "ownership",
                            "quarkus.flyway.username", "ownership", "quarkus.flyway.password", "vigil-dev"));
            cleanup.add(service::close);
            service.awaitReady(config.startupTimeout());
            OwnershipClient client = new OwnershipClient(service.url(), config.keycloakRealmUrl());
            client.registerOwners();
            client.token("engineer");
            client.token("admin");

            Progress.say("windows: registering " + n + " deploys from " + concurrency + " clients");
            long[] latencies = new long[n];
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
                List<Future<?>> clients = new ArrayList<>();
                for (int c = 0; c < concurrency; c++) {
                    clients.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                            long t0 = System.nanoTime();
                            HttpResponse<String> r = client.send("engineer", "POST", "/deploys", deploy(run, i));
                            latencies[i] = System.nanoTime() - t0;
                            if (r.statusCode() != 201 && failed.getAndIncrement() < 3) {
                                System.err.println("POST /deploys answered " + r.statusCode() + ": " + r.body());
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : clients) {
                    f.get();
                }
            }
            double registerSeconds = (System.nanoTime() - start) / 1e9;

            Progress.say("windows: moving the clock 20 minutes");
            String before = client.send("admin", "GET", "/admin/clock", null).body();
            Instant clockBefore = Instant.parse(OwnershipClient.JSON.readTree(before).path("now").asText());
            long sentAt = System.nanoTime();
            HttpResponse<String> advanced = client.send("admin", "POST", "/admin/clock/advance", "{\"by\":\"PT20M\"}");
            double advanceCall = (System.nanoTime() - sentAt) / 1e9;
            if (advanced.statusCode() != 200) {
                throw new IllegalStateException("clock advance answered " + advanced.statusCode() + ": " + advanced.body());
            }
            // the clock passed every due time when the advance was applied: before + 20 min, plus the call's way there
            Instant passedAt = clockBefore.plus(Duration.ofMinutes(20));
            double[] lateness = awaitFired(url, n, passedAt, Duration.ofMinutes(30));

            Arrays.sort(latencies);
            System.out.println();
            System.out.println("Vigil deploy-window benchmark, run " + run + ": " + n + " open windows, " + concurrency + " clients");
            System.out.printf(Locale.ROOT, "  POST /deploys (real tokens)        %,10.0f deploys/s   (%.1f s; %d failed)%n",
                    n / registerSeconds, registerSeconds, failed.get());
            System.out.printf(Locale.ROOT, "    latency p50 / p99                 %8.1f / %.1f ms%n",
                    latencies[(int) Math.ceil(0.50 * n) - 1] / 1e6, latencies[(int) Math.ceil(0.99 * n) - 1] / 1e6);
            System.out.printf(Locale.ROOT, "  clock +20 min: every due timer     %,10.0f timers/s   (%d due: the T0 checkpoint deadlines first, then the checks; %.2f s, the advance call %.2f s)%n",
                    lateness[5] / lateness[1], (long) lateness[5], lateness[1], advanceCall);
            System.out.printf(Locale.ROOT, "    check-missed timers alone         %,10.0f timers/s   (%d from the first to the last check fired, %.2f s)%n",
                    lateness[0] / lateness[6], (long) lateness[0], lateness[6]);
            System.out.printf(Locale.ROOT, "    check lateness p50 / p99 / max    %8.0f / %.0f / %.0f ms after the clock passed their due time%n",
                    lateness[2], lateness[3], lateness[4]);
        } finally {
            cleanup.runAll();
        }
    }

    static String deploy(String run, int i) {
        return "{\"deployId\":\"dep-bench-" + run + "-" + i + "\",\"service\":\"svc-" + (i % 50) + "\",\"version\":\"1.0." + i
                + "\",\"environment\":\"production\",\"mergedBy\":\"" + OwnershipClient.OWNERS.get(i % 4)
                + "\",\"prUrl\":\"https://git.example.com/pr/" + i + "\",\"stagingReportPassed\":true,"
                + "\"rollbackPlanUrl\":\"https://git.example.com/rollback/" + i + "\",\"emergency\":true}";
    }

    /**
     * Waits for n fired check timers; returns {checks fired, seconds from passedAt to the last, check lateness p50, p99,
     * max in ms, every timer fired that was due, seconds from the first check fired to the last}.
     */
    private static double[] awaitFired(String url, int n, Instant passedAt, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        try (Connection c = DriverManager.getConnection(url, "ownership", "vigil-dev"); Statement s = c.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM timer WHERE kind = '" + CHECK_TIMER
                        + "' AND fired_at IS NOT NULL AND due_at <= '" + passedAt + "'")) {
                    rs.next();
                    if (rs.getLong(1) >= n) {
                        break;
                    }
                }
                Thread.sleep(200);
            }
            List<Double> late = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT extract(epoch FROM fired_at - '" + passedAt + "'::timestamptz) * 1000 FROM timer"
                    + " WHERE kind = '" + CHECK_TIMER + "' AND fired_at IS NOT NULL AND due_at <= '" + passedAt + "' ORDER BY 1")) {
                while (rs.next()) {
                    late.add(rs.getDouble(1));
                }
            }
            int count = late.size();
            if (count == 0) {
                throw new IllegalStateException("no check timer fired");
            }
            double last = late.get(count - 1) / 1000;
            double checkSpan = (late.get(count - 1) - late.getFirst()) / 1000;
            long all;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM timer WHERE fired_at IS NOT NULL AND due_at <= '" + passedAt + "'")) {
                rs.next();
                all = rs.getLong(1);
            }
            return new double[]{count, last, late.get((int) Math.ceil(0.50 * count) - 1), late.get((int) Math.ceil(0.99 * count) - 1),
                    late.get(count - 1), all, checkSpan};
        }
    }

    private DeployWindowBenchmark() {
    }
}
