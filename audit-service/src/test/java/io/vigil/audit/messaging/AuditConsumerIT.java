package io.vigil.audit.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventCodec;
import io.vigil.events.VigilEvent;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.platform.testing.KafkaTestTopics;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The log's own Kafka consumer: ready once it has joined its group, and offsets committed only for records logged. */
@QuarkusTest
class AuditConsumerIT {
    static final int EVENTS = 300;

    @Inject
    Producer<String, byte[]> producer;
    @Inject
    EventCodec codec;
    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "vigil.audit.intake.group-id")
    String group;

    @Test
    void shouldBeReadyOnceItHasJoinedItsGroup() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'audit-intake' }.status", equalTo("UP")));
    }

    @Test
    void shouldCommitOffsetsOnlyOfRecordsAlreadyLogged() throws Exception {
        String run = UUID.randomUUID().toString();
        Map<TopicPartition, Map<Long, String>> sent = new HashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestTopics.BOOTSTRAP))) {
            List<Future<RecordMetadata>> acks = new java.util.ArrayList<>();
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                VigilEvent<DeployStarted> e = deployStarted("dep-" + run + "-" + i);
                ids.add(e.id());
                acks.add(producer.send(codec.toRecord(e)));
            }
            for (int i = 0; i < EVENTS; i++) {
                RecordMetadata m = acks.get(i).get();
                sent.computeIfAbsent(new TopicPartition(m.topic(), m.partition()), tp -> new HashMap<>()).put(m.offset(), ids.get(i));
            }
            // while the records are being logged and afterwards: every record below a committed offset is in the log
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Set<String> covered = new HashSet<>();
                boolean all = true;
                for (var e : sent.entrySet()) {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    for (var record : e.getValue().entrySet()) {
                        if (c != null && record.getKey() < c.offset()) {
                            covered.add(record.getValue());
                        } else {
                            all = false;
                        }
                    }
                }
                assertThat(logged(covered)).as("records whose offsets are committed").containsExactlyInAnyOrderElementsOf(covered);
                return all;
            });
        }
    }

    private Set<String> logged(Set<String> ids) throws Exception {
        Set<String> found = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT event_id FROM audit_entry WHERE event_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    private static VigilEvent<DeployStarted> deployStarted(String id) {
        Instant at = Instant.parse("2026-11-22T14:00:00Z");
        return VigilEvent.of(URI.create("https://ci.example.com"), id, at, "ci-publisher", null, null,
                new DeployStarted(id, "checkout", "1.0.0", "production", "engineer", "https://git.example.com/pr/1", true,
                        "https://git.example.com/rollback", at));
    }
}
