package io.vigil.platform.eventstore;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventCodec;
import io.vigil.events.Topics;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.platform.testing.LegacyDeployStartedUpcaster;
import io.vigil.platform.outbox.OutboxRelay;
import io.vigil.platform.testing.FreshTestTopic;
import io.vigil.platform.testing.KafkaTestTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.vigil.platform.testing.Fixtures.deployStarted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
@QuarkusTestResource(FreshTestTopic.class)
class EventStoreIT {
    @jakarta.inject.Inject
    EventStore store;
    @jakarta.inject.Inject
    OutboxRelay relay;
    @jakarta.inject.Inject
    EventCodec codec;
    @jakarta.inject.Inject
    DataSource dataSource;

    @Test
    void shouldLoadAppendedEventsInVersionOrder() {
        String id = "dep-" + UUID.randomUUID();
        var first = deployStarted(id);
        var second = deployStarted(id);
        QuarkusTransaction.requiringNew().run(() -> store.append("deploy", id, 0, List.of(first), null, null));
        QuarkusTransaction.requiringNew().run(() -> store.append("deploy", id, 1, List.of(second), null, null));

        assertThat(store.load(id)).extracting(e -> e.event().id()).containsExactly(first.id(), second.id());
    }

    @Test
    void shouldRefuseASecondWriterAtTheSameVersion() {
        String id = "dep-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> store.append("deploy", id, 0, List.of(deployStarted(id)), null, null));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> store.append("deploy", id, 0, List.of(deployStarted(id)), null, null)))
                .isInstanceOf(ConcurrencyConflict.class);
        assertThat(store.load(id)).hasSize(1);
    }

    @Test
    void shouldPublishAfterACrashBetweenCommitAndPublish() throws Exception {
        String id = "dep-" + UUID.randomUUID();
        var events = List.of(deployStarted(id), deployStarted(id), deployStarted(id));
        // The relay is off in this profile: the commit happens and nothing is published, as if the process died here.
        QuarkusTransaction.requiringNew().run(() -> store.append("deploy", id, 0, events, null, null));
        assertThat(pending(id)).isEqualTo(3);

        // The restarted service's relay finds the rows and publishes them.
        while (relay.publishPending() > 0) {
            // drain
        }

        List<ConsumerRecord<String, byte[]>> published = KafkaTestTopics.read(Topics.DEPLOYS, r -> id.equals(r.key()), 3, Duration.ofSeconds(20));
        assertThat(published).extracting(r -> codec.decode(r.headers(), r.value()).id())
                .containsExactly(events.get(0).id(), events.get(1).id(), events.get(2).id());
        assertThat(published).extracting(ConsumerRecord::partition).containsOnly(published.get(0).partition());
        assertThat(pending(id)).isZero();
    }

    @Test
    void shouldReadAStoredEventThatTodaysSchemaWouldRefuse() throws Exception {
        String id = "dep-" + UUID.randomUUID();
        // written when prUrl was free text; the schema now asks for a URI
        insertRaw(id, 1, "vigil.deploy.started.v1", deployData(id, "prUrl", "PR 17"));

        assertThat(store.load(id)).singleElement()
                .satisfies(e -> assertThat(((DeployStarted) e.payload()).prUrl()).isEqualTo("PR 17"));
    }

    @Test
    void shouldUpcastAnOlderTypeWhenItIsRead() throws Exception {
        String id = "dep-" + UUID.randomUUID();
        insertRaw(id, 1, LegacyDeployStartedUpcaster.LEGACY_TYPE, deployData(id, "pullRequest", "https://git.example.com/pr/9"));

        assertThat(store.load(id)).singleElement().satisfies(e -> {
            assertThat(e.event().type().typeName()).isEqualTo("vigil.deploy.started.v1");
            assertThat(((DeployStarted) e.payload()).prUrl()).isEqualTo("https://git.example.com/pr/9");
            assertThat(e.version()).isEqualTo(1);
        });
    }

    private static String deployData(String id, String prField, String prValue) {
        return """
                {"deployId":"%s","service":"checkout","version":"1.0.0","environment":"production","mergedBy":"engineer",
                 "%s":"%s","stagingReportPassed":true,"rollbackPlanUrl":"https://git.example.com/rollback",
                 "startedAt":"2026-11-22T14:00:00Z"}""".formatted(id, prField, prValue);
    }

    private void insertRaw(String id, int version, String type, String data) throws Exception {
        String event = """
                {"specversion":"1.0","id":"%s","source":"urn:vigil:platform-test","type":"%s","subject":"%s",
                 "time":"2026-11-22T14:00:00Z","datacontenttype":"application/json","data":%s}"""
                .formatted(UUID.randomUUID(), type, id, data);
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement("""
                INSERT INTO event_store (aggregate_type, aggregate_id, version, event_id, event_type, occurred_at, event)
                VALUES ('deploy', ?, ?, ?, ?, now(), ?)""")) {
            ps.setString(1, id);
            ps.setInt(2, version);
            ps.setString(3, UUID.randomUUID().toString());
            ps.setString(4, type);
            ps.setBytes(5, event.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            ps.executeUpdate();
        }
    }

    private int pending(String key) throws Exception {
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement(
                "SELECT count(*) FROM outbox WHERE record_key = ? AND published_at IS NULL")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
