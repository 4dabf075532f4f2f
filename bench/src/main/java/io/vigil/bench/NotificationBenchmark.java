package io.vigil.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.vigil.events.DutyRole;
import io.vigil.events.EventCodec;
import io.vigil.events.EventPayload;
import io.vigil.events.Severity;
import io.vigil.events.Target;
import io.vigil.events.VigilEvent;
import io.vigil.events.incidents.EscalationAction;
import io.vigil.events.incidents.IncidentEscalated;
import io.vigil.events.roster.PersonRegistered;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Notification delivery under load (notification-service, packaged, database notification_bench cleaned at its start,
 * topics of the run's own): PEOPLE people registered on the roster topic, each with a webhook on a local receiver
 * (127.0.0.1, one URL per person, 204 at once) and an e-mail address (mock mailer); then incident.escalated events produced to the incidents topic, each
 * paging one person, so each makes one signed webhook delivery (and one e-mail, not timed). Phase 1 paces N_PACED events at RATE a second (the
 * pipeline idle: event-to-delivery time); phase 2 produces N_BURST at once (deliveries per second, and the time from
 * each event to its delivery under that backlog). Time from event to delivery = arrival at the receiver − the moment
 * the event was handed to the producer (same machine, same clock). Not a test: nothing is asserted but completeness.
 */
public final class NotificationBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI ESCALATION = URI.create("urn:vigil:escalation-service");

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.load();
        int people = Integer.getInteger("bench.people", 1000);
        int paced = Integer.getInteger("bench.n-paced", 200);
        int rate = Integer.getInteger("bench.rate", 20);
        int burst = Integer.getInteger("bench.n-burst", 5000);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String url = "jdbc:postgresql://" + config.pgHost() + ":" + config.pgPort() + "/notification_bench";
        Cleanup cleanup = new Cleanup();
        Runtime.getRuntime().addShutdownHook(new Thread(cleanup::runAll));
        Map<String, Long> producedAt = new ConcurrentHashMap<>();
        Map<String, Long> deliveredAt = new ConcurrentHashMap<>();
        AtomicInteger calls = new AtomicInteger();
        try {
            HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
            receiver.setExecutor(Executors.newFixedThreadPool(8));
            receiver.createContext("/hook", exchange -> {
                long now = System.nanoTime();
                byte[] body = exchange.getRequestBody().readAllBytes();
                calls.incrementAndGet();
                String cause = JSON.readTree(body).path("data").path("causationEventId").asText();
                deliveredAt.putIfAbsent(cause, now);
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            receiver.start();
            cleanup.add(() -> receiver.stop(0));
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook/";

            BenchTopic roster = BenchTopic.create(config.kafkaBootstrap(), "vigil-bench-notif-roster-" + run, config.workDir().resolve("notif-roster-topic"));
            cleanup.add(roster::close);
            BenchTopic incidents = BenchTopic.create(config.kafkaBootstrap(), "vigil-bench-notif-incidents-" + run, config.workDir().resolve("notif-incidents-topic"));
            cleanup.add(incidents::close);
            BenchTopic quiet = BenchTopic.create(config.kafkaBootstrap(), "vigil-bench-notif-quiet-" + run, config.workDir().resolve("notif-quiet-topic"));
            cleanup.add(quiet::close);
            ServiceUnderTest service = ServiceUnderTest.launch(config, "notification-service",
                    Path.of("notification-service/target/quarkus-app/quarkus-run.jar"), url, Map.ofEntries(
                            Map.entry("mp.messaging.incoming.roster.topic", roster.name),
                            Map.entry("mp.messaging.incoming.roster.group.id", "vigil-bench-notif-r-" + run),
                            Map.entry("mp.messaging.incoming.incidents.topic", incidents.name),
                            Map.entry("mp.messaging.incoming.incidents.group.id", "vigil-bench-notif-i-" + run),
                            Map.entry("mp.messaging.incoming.killswitch.topic", quiet.name),
                            Map.entry("mp.messaging.incoming.killswitch.group.id", "vigil-bench-notif-k-" + run),
                            Map.entry("mp.messaging.incoming.ownership.topic", quiet.name),
                            Map.entry("mp.messaging.incoming.ownership.group.id", "vigil-bench-notif-o-" + run),
                            Map.entry("quarkus.flyway.username", "notification"),
                            Map.entry("quarkus.flyway.password", "vigil-dev"),
                            // every person has an e-mail address (the contract asks for one); the mock mailer takes the
                            // e-mails at once, so the shared local SMTP server is not flooded and only the webhook is timed
                            Map.entry("quarkus.mailer.mock", "true")));
            cleanup.add(service::close);
            service.awaitReady(config.startupTimeout());

            EventCodec codec = new EventCodec();
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
            p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
                Progress.say("notifications: registering %d people with a webhook each", people);
                Instant registered = Instant.parse("2026-01-01T00:00:00Z");
                for (int i = 0; i < people; i++) {
                    String who = person(run, i);
                    send(producer, codec, roster.name, VigilEvent.of(URI.create("urn:vigil:ownership-service"), who, Instant.now(), "admin",
                            null, null, new PersonRegistered(who, "Bench " + i, who + "@vigil.local", null, hook + i, "UTC", registered)));
                }
                producer.flush();
                awaitContacts(url, run, people, Duration.ofMinutes(5));

                Progress.say("notifications: phase 1, %d pages paced at %d/s", paced, rate);
                List<String> pacedIds = new ArrayList<>();
                long start = System.nanoTime();
                for (int i = 0; i < paced; i++) {
                    long due = start + (long) (i * 1e9 / rate);
                    while (System.nanoTime() < due) {
                        Thread.sleep(1);
                    }
                    pacedIds.add(page(producer, codec, incidents.name, run, i % people, producedAt));
                }
                awaitDelivered(deliveredAt, pacedIds, Duration.ofMinutes(5));

                Progress.say("notifications: phase 2, %d pages at once", burst);
                List<String> burstIds = new ArrayList<>();
                long burstStart = System.nanoTime();
                for (int i = 0; i < burst; i++) {
                    burstIds.add(page(producer, codec, incidents.name, run, (paced + i) % people, producedAt));
                }
                producer.flush();
                double produceSeconds = (System.nanoTime() - burstStart) / 1e9;
                awaitDelivered(deliveredAt, burstIds, Duration.ofMinutes(20));
                long lastDelivery = burstIds.stream().mapToLong(deliveredAt::get).max().orElseThrow();
                double burstSeconds = (lastDelivery - burstStart) / 1e9;

                Latencies pacedLatency = latencies(pacedIds, producedAt, deliveredAt);
                Latencies burstLatency = latencies(burstIds, producedAt, deliveredAt);
                System.out.println();
                System.out.println("Vigil notification benchmark, run " + run + ": " + people + " people, one webhook each on 127.0.0.1, "
                        + "an incident.escalated page per event, one signed webhook delivery per page");
                System.out.printf(Locale.ROOT, "  paced %d/s (%d pages)        event to delivery p50 / p99   %8.1f / %.1f ms%n",
                        rate, paced, pacedLatency.percentile(50), pacedLatency.percentile(99));
                System.out.printf(Locale.ROOT, "  burst (%d pages, produced in %.1f s)  delivered   %,10.0f messages/s   (%.1f s from the first page produced to the last delivery)%n",
                        burst, produceSeconds, burst / burstSeconds, burstSeconds);
                System.out.printf(Locale.ROOT, "    event to delivery p50 / p99 under that backlog       %8.0f / %.0f ms%n",
                        burstLatency.percentile(50), burstLatency.percentile(99));
                System.out.printf(Locale.ROOT, "  webhook calls received %d for %d pages (a retry or a resend after a crash would show here)%n",
                        calls.get(), paced + burst);
                double[] stages = stages(url);
                System.out.printf(Locale.ROOT, "  stages, all pages: event to its delivery row (the inbox) p50 / p99   %8.0f / %.0f ms;"
                        + " delivery row to webhook sent p50 / p99   %.0f / %.0f ms%n", stages[0], stages[1], stages[2], stages[3]);
            }
        } finally {
            cleanup.runAll();
        }
    }

    static String person(String run, int i) {
        return "bench-" + run + "-" + i;
    }

    private static String page(KafkaProducer<String, byte[]> producer, EventCodec codec, String topic, String run, int who,
                               Map<String, Long> producedAt) {
        String incident = "inc-bench-" + UUID.randomUUID();
        Instant now = Instant.now();
        VigilEvent<IncidentEscalated> e = VigilEvent.of(ESCALATION, incident, now, "escalation-service", null, null,
                new IncidentEscalated(incident, Severity.P2, 1, 0, EscalationAction.PAGE,
                        List.of(new Target(DutyRole.ON_CALL_PRIMARY, person(run, who), null)), null, null, now,
                        "ladder.P2.step1", "bench"));
        producedAt.put(e.id(), System.nanoTime());
        send(producer, codec, topic, e);
        return e.id();
    }

    private static void send(KafkaProducer<String, byte[]> producer, EventCodec codec, String topic, VigilEvent<? extends EventPayload> e) {
        ProducerRecord<String, byte[]> r = codec.toRecord(e);
        producer.send(new ProducerRecord<>(topic, null, r.key(), r.value(), r.headers()));
    }

    private static void awaitContacts(String url, String run, int people, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        try (Connection c = DriverManager.getConnection(url, "notification", "vigil-dev"); Statement s = c.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM contact WHERE username LIKE 'bench-" + run + "-%'")) {
                    rs.next();
                    if (rs.getLong(1) >= people) {
                        return;
                    }
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the contact directory did not reach " + people + " people within " + within);
    }

    /** From the service's tables: event time to delivery row, and delivery row to sent (webhook), p50 and p99 in ms. */
    private static double[] stages(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "notification", "vigil-dev"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.created_at - e.occurred_at)) * 1000,
                            percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM d.created_at - e.occurred_at)) * 1000,
                            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.sent_at - d.created_at)) * 1000,
                            percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM d.sent_at - d.created_at)) * 1000
                     FROM delivery d JOIN event_store e ON e.event_id = d.causation_event_id WHERE d.channel = 'webhook'""")) {
            rs.next();
            return new double[]{rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
        }
    }

    private static void awaitDelivered(Map<String, Long> deliveredAt, List<String> ids, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        Set<String> wanted = Set.copyOf(ids);
        while (Instant.now().isBefore(deadline)) {
            if (deliveredAt.keySet().containsAll(wanted)) {
                return;
            }
            Thread.sleep(50);
        }
        long missing = wanted.stream().filter(id -> !deliveredAt.containsKey(id)).count();
        throw new IllegalStateException(missing + " of " + ids.size() + " pages were not delivered within " + within);
    }

    private static Latencies latencies(List<String> ids, Map<String, Long> producedAt, Map<String, Long> deliveredAt) {
        Latencies l = new Latencies();
        ids.forEach(id -> l.add(deliveredAt.get(id) - producedAt.get(id), 1));
        return l;
    }

    private NotificationBenchmark() {
    }
}
