package io.vigil.notification.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.platform.testing.KafkaTestTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the real broker (in the application's class loader, as the connector runs it): where a group without commits starts, and that a group with commits is left alone. */
@QuarkusTest
class RecentEventsStartIT {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    final RecentEventsStart start = new RecentEventsStart(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(24));

    @Test
    void shouldStartANewGroupAtTheFirstRecordYoungerThanTheMaxEventAge() {
        TopicPartition p = topicWith(NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofHours(25)), NOW.minus(Duration.ofHours(23)), NOW);
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.assign(List.of(p));
            start.onPartitionsAssigned(consumer, List.of(p));
            assertThat(consumer.position(p)).isEqualTo(2);
        }
    }

    @Test
    void shouldStartANewGroupAtTheEndWhenEveryRecordIsTooOld() {
        TopicPartition p = topicWith(NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofHours(25)));
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.assign(List.of(p));
            start.onPartitionsAssigned(consumer, List.of(p));
            assertThat(consumer.position(p)).isEqualTo(2);
        }
    }

    @Test
    void shouldResumeAGroupFromItsCommittedOffsetEvenIfOlder() {
        TopicPartition p = topicWith(NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofHours(25)), NOW);
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.assign(List.of(p));
            consumer.commitSync(Map.of(p, new OffsetAndMetadata(1)));
            start.onPartitionsAssigned(consumer, List.of(p));
            assertThat(consumer.position(p)).isEqualTo(1);
        }
    }

    private static TopicPartition topicWith(Instant... timestamps) {
        String topic = "recent-start-" + UUID.randomUUID();
        KafkaTestTopics.create(topic, 1);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestTopics.BOOTSTRAP);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (Instant at : timestamps) {
                producer.send(new ProducerRecord<>(topic, 0, at.toEpochMilli(), "k", at.toString())).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new TopicPartition(topic, 0);
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestTopics.BOOTSTRAP);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "recent-start-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }
}
