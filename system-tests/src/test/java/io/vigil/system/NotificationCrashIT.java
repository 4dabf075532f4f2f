package io.vigil.system;

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
import io.vigil.platform.testing.KafkaTestTopics;
import io.vigil.platform.testing.Tokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * notification-service is killed with SIGKILL while it delivers pages to webhooks (200 pages to 100 people), then started again on the same
 * database and consumer groups: every page reaches its person, each (page, person, channel) is recorded sent once,
 * and a message on the wire twice can only be one that was in flight at the kill, with the same webhook-id both
 * times (Standard Webhooks: the receiver's deduplication key), so no destination processes a message twice.
 */
class NotificationCrashIT {
    static final int PEOPLE = 100;
    static final int PAGES = 200; // with their e-mails 400 deliveries: GET /notifications answers at most 500
    static final int WORKERS = 3;
    final EventCodec codec = new EventCodec();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldDeliverEveryPageOnceAcrossAKill9() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String roster = "crash-notif-roster-" + run;
        String incidents = "crash-notif-incidents-" + run;
        String quiet = "crash-notif-quiet-" + run;
        KafkaTestTopics.create(roster, 3);
        KafkaTestTopics.create(incidents, 3);
        KafkaTestTopics.create(quiet, 1);
        Map<String, String> config = new HashMap<>(Map.of(
                "mp.messaging.incoming.roster.topic", roster,
                "mp.messaging.incoming.roster.group.id", ServiceProcess.group("notif-crash-r"),
                "mp.messaging.incoming.incidents.topic", incidents,
                "mp.messaging.incoming.incidents.group.id", ServiceProcess.group("notif-crash-i"),
                "mp.messaging.incoming.killswitch.topic", quiet,
                "mp.messaging.incoming.killswitch.group.id", ServiceProcess.group("notif-crash-k"),
                "mp.messaging.incoming.ownership.topic", quiet,
                "mp.messaging.incoming.ownership.group.id", ServiceProcess.group("notif-crash-o")));
        config.put("vigil.notification.delivery.workers-per-channel", Integer.toString(WORKERS));
        config.put("quarkus.mailer.mock", "true"); // every person has an address (the contract asks for one); the webhook is what is timed

        Map<String, AtomicInteger> callsById = new ConcurrentHashMap<>();
        Map<String, String> idByPage = new ConcurrentHashMap<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            try {
                Thread.sleep(25); // a receiver that takes its time: the kill lands while calls are in flight
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            callsById.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            idByPage.merge(json.readTree(body).path("data").path("causationEventId").asText(), id, (a, b) -> a.equals(b) ? a : a + "," + b);
            calls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook/";
        Set<String> pages = ConcurrentHashMap.newKeySet();

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestTopics.BOOTSTRAP, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            ServiceProcess notification = ServiceProcess.start("notification", config, true);
            try {
                for (int i = 0; i < PEOPLE; i++) {
                    String who = "crash-" + run + "-" + i;
                    send(producer, roster, VigilEvent.of(URI.create("urn:vigil:ownership-service"), who, Instant.now(), "admin", null, null,
                            new PersonRegistered(who, "Crash " + i, who + "@vigil.local", null, hook + i, "UTC", Instant.parse("2026-01-01T00:00:00Z"))));
                }
                String rosterGroup = config.get("mp.messaging.incoming.roster.group.id");
                await().atMost(Duration.ofSeconds(60)).until(() -> consumedAll(rosterGroup, roster)); // everyone is in the directory
                for (int i = 0; i < PAGES; i++) {
                    String incident = "inc-crash-" + run + "-" + i;
                    Instant now = Instant.now();
                    VigilEvent<IncidentEscalated> page = VigilEvent.of(URI.create("urn:vigil:escalation-service"), incident, now,
                            "escalation-service", null, null, new IncidentEscalated(incident, Severity.P2, 1, 0, EscalationAction.PAGE,
                                    List.of(new Target(DutyRole.ON_CALL_PRIMARY, "crash-" + run + "-" + (i % PEOPLE), null)),
                                    null, null, now, "ladder.P2.step1", "2026.11.0"));
                    send(producer, incidents, page);
                    pages.add(page.id());
                }
                await().atMost(Duration.ofSeconds(90)).until(() -> calls.get() >= PAGES / 4);
            } finally {
                notification.kill();
            }
            int beforeRestart = calls.get();
            assertThat(beforeRestart).as("the kill came before every page was out").isLessThan(PAGES);

            try (ServiceProcess restarted = ServiceProcess.start("notification", config, false)) {
                await().atMost(Duration.ofSeconds(120)).until(() -> idByPage.keySet().containsAll(pages));

                assertThat(idByPage).as("one webhook-id per page, whatever was resent").hasSize(PAGES);
                assertThat(idByPage.values()).allMatch(id -> !id.contains(","));
                Set<String> resent = new HashSet<>();
                callsById.forEach((id, n) -> {
                    if (n.get() > 1) {
                        resent.add(id);
                    }
                });
                assertThat(resent).as("only messages in flight at the kill are on the wire twice").hasSizeLessThanOrEqualTo(WORKERS);
                callsById.values().forEach(n -> assertThat(n.get()).isLessThanOrEqualTo(2));

                await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(restarted.url()).auth().oauth2(Tokens.of("admin"))
                        .queryParam("status", "pending").get("/notifications").then().statusCode(200).extract().jsonPath().getList("").isEmpty());
                List<Map<String, Object>> sent = given().baseUri(restarted.url()).auth().oauth2(Tokens.of("admin"))
                        .queryParam("status", "sent").get("/notifications").then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("")
                        .stream().filter(n -> "webhook".equals(n.get("channel"))).toList();
                assertThat(sent).hasSize(PAGES);
                assertThat(sent).extracting(n -> (String) n.get("causationId")).containsExactlyInAnyOrderElementsOf(pages);
                assertThat(sent).extracting(n -> (String) n.get("id")).containsExactlyInAnyOrderElementsOf(idByPage.values());
            }
        } finally {
            receiver.stop(0);
        }
    }

    /** The group has committed the end of every partition of the topic: it has handled every record there. */
    private static boolean consumedAll(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestTopics.BOOTSTRAP))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < 3; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                    || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset()));
        }
    }

    private void send(KafkaProducer<String, byte[]> producer, String topic, VigilEvent<? extends EventPayload> event) throws Exception {
        ProducerRecord<String, byte[]> r = codec.toRecord(event);
        producer.send(new ProducerRecord<>(topic, null, r.key(), r.value(), r.headers())).get();
    }
}
