package io.vigil.scenarios;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Watches vigil.dead-letter from the moment it is made: what arrives afterwards, with its reason headers. */
public final class DeadLetterWatch implements AutoCloseable {
    public static final String TOPIC = "vigil.dead-letter";

    /** One dead letter: the original key and the platform's headers (dead-letter-reason, -consumer, -topic, …). */
    public record DeadLetter(String key, Map<String, String> headers) {
        public String reason() {
            return headers.getOrDefault("dead-letter-reason", "");
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;

    public DeadLetterWatch(String bootstrap) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(15)).stream()
                .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fixes "the end" now, before anything is sent
    }

    /** The first dead letter with this key to arrive. */
    public DeadLetter awaitKey(String key) {
        return Await.until("a dead letter with key " + key, Duration.ofSeconds(45), () -> {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                if (key.equals(r.key())) {
                    Map<String, String> headers = new HashMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                    }
                    return Optional.of(new DeadLetter(r.key(), headers));
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public void close() {
        consumer.close();
    }
}
