package io.vigil.scenarios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * bench/run.sh alerts: alerts posted to Alertmanager's own API, one group each, at a steady rate; the time until the
 * on-call primary's page reaches a webhook receiver, through Alertmanager, escalation-service and
 * notification-service of the running system (make up). Prints p50/p99/max and the rates. Moves no clock.
 * Usage: java -cp … io.vigil.scenarios.AlertToPageBenchmark [ALERTS [PER_SECOND]]   (defaults 1000, 20)
 */
public final class AlertToPageBenchmark {
    private AlertToPageBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int perSecond = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String run = "bench" + Stage.run();
        try (Stage stage = new Stage(VigilSystem.local(), Narrator.silent())) {
            String primary = stage.call(stage.system.ownership(), "engineer", "GET", "/oncall/now", null).expect(200)
                    .path("primary").asText();
            stage.reachByWebhook(primary);
            Map<String, Long> sent = new ConcurrentHashMap<>();
            Map<String, Long> paged = new ConcurrentHashMap<>();
            CountDownLatch all = new CountDownLatch(alerts);
            stage.webhooks.onDelivery(d -> {
                String service = serviceOf(d);
                if (d.template().equals("escalation-page") && service != null && sent.containsKey(service)
                        && paged.putIfAbsent(service, d.receivedNanos()) == null) {
                    all.countDown();
                }
            });
            Alertmanager alertmanager = new Alertmanager(stage.system.alertmanager());
            System.out.printf("alert → page: %d alerts to Alertmanager %s at %d/s, pages to %s by webhook%n",
                    alerts, stage.system.alertmanager(), perSecond, primary);
            long start = System.nanoTime();
            long interval = 1_000_000_000L / perSecond;
            for (int i = 0; i < alerts; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String service = run + "-" + i;
                sent.put(service, System.nanoTime());
                alertmanager.fire(labels(service), Map.of("summary", "benchmark alert " + i), Instant.now());
            }
            double postedSeconds = (System.nanoTime() - start) / 1e9;
            boolean complete = all.await(Math.max(120, alerts / 5), TimeUnit.SECONDS);
            double totalSeconds = (System.nanoTime() - start) / 1e9;
            report(sent, paged, alerts, postedSeconds, totalSeconds, complete);
            List<Map<String, String>> ends = new ArrayList<>();
            sent.keySet().forEach(s -> ends.add(labels(s)));
            for (Map<String, String> labels : ends) {
                alertmanager.end(labels, Map.of(), Instant.now().minusSeconds(1), Instant.now());
            }
        }
    }

    private static void report(Map<String, Long> sent, Map<String, Long> paged, int alerts, double postedSeconds,
                               double totalSeconds, boolean complete) {
        long[] ms = paged.entrySet().stream().mapToLong(e -> (e.getValue() - sent.get(e.getKey())) / 1_000_000L).sorted().toArray();
        System.out.printf("posted %d alerts in %.1f s (%.1f/s); pages received %d of %d in %.1f s%s%n", alerts, postedSeconds,
                alerts / postedSeconds, ms.length, alerts, totalSeconds, complete ? "" : " (timed out waiting for the rest)");
        if (ms.length > 0) {
            System.out.printf("alert posted → page delivered: p50 %d ms, p99 %d ms, max %d ms (min %d ms)%n",
                    pct(ms, 50), pct(ms, 99), ms[ms.length - 1], ms[0]);
        }
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static Map<String, String> labels(String service) {
        return Map.of("alertname", "BenchAlert", "service", service);
    }

    /** The page's first line is "🚨 PAGE: <service> <severity>". */
    private static String serviceOf(WebhookInbox.Delivery d) {
        String first = d.text().lines().findFirst().orElse("");
        String[] words = first.split(" ");
        return words.length >= 4 ? words[2] : null;
    }
}
