package io.vigil.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The ceiling Kafka sets: a plain consumer in a fresh group reads all n records of the topic and does nothing
 * with them (it only adds up their sizes). Same max.poll.records as audit-service. Timed from the first record
 * received, so the group join is left out (it is reported apart).
 */
final class RawConsumer {
    record Result(long records, long bytes, double seconds, double joinSeconds) {
        double perSecond() {
            return records / seconds;
        }
    }

    static Result consumeAll(String bootstrap, String topic, String group, long n, Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, "vigil-bench-raw-consumer",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long start = System.nanoTime();
            long deadline = start + timeout.toNanos();
            long first = 0;
            long count = 0;
            long bytes = 0;
            while (count < n) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("raw consumer read " + count + " of " + n + " records within " + timeout);
                }
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
                if (!batch.isEmpty() && first == 0) {
                    first = System.nanoTime();
                }
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    bytes += r.serializedValueSize() + Math.max(0, r.serializedKeySize());
                    count++;
                }
            }
            long end = System.nanoTime();
            // the first fetch counts as part of the join: rate = records / (last record - first record received)
            return new Result(count, bytes, (end - first) / 1e9, (first - start) / 1e9);
        }
    }

    private RawConsumer() {
    }
}
