package io.vigil.bench;

import io.vigil.events.EventCodec;
import io.vigil.events.Topics;
import io.vigil.events.incidents.IncidentEscalated;
import io.vigil.events.incidents.IncidentOpened;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads {@code vigil.incidents} from its end, as a consumer of the incidents would, and notes when each alert of the
 * run (by key prefix) is seen in an {@code incident.opened} and when its incident's first page ({@code incident.escalated}
 * step 0) is seen. Times are {@link System#nanoTime()} of the moment the record was polled.
 */
final class IncidentWatch implements AutoCloseable {
    private final EventCodec codec = new EventCodec();
    private final KafkaConsumer<String, byte[]> consumer;
    private final String keyPrefix;
    private final Map<String, String> alertOfIncident = new ConcurrentHashMap<>();
    final Map<String, Long> openedSeen = new ConcurrentHashMap<>();
    final Map<String, Long> pagedSeen = new ConcurrentHashMap<>();
    private final Map<String, Long> pagedBeforeOpened = new ConcurrentHashMap<>();

    IncidentWatch(String bootstrap, String keyPrefix) {
        this.keyPrefix = keyPrefix;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "vigil-bench-incidents-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.INCIDENTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start before any alert is sent
    }

    /** Polls for up to {@code within}. */
    void poll(Duration within) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(within)) {
            long at = System.nanoTime();
            var envelope = codec.decode(r.headers(), r.value());
            switch (envelope.type()) {
                case "vigil.incident.opened.v1" -> {
                    IncidentOpened opened = (IncidentOpened) codec.typed(envelope).payload();
                    String alert = opened.alertKeys().getFirst();
                    if (alert.startsWith(keyPrefix)) {
                        alertOfIncident.put(opened.incidentId(), alert);
                        openedSeen.putIfAbsent(alert, at);
                        Long paged = pagedBeforeOpened.remove(opened.incidentId());
                        if (paged != null) {
                            pagedSeen.putIfAbsent(alert, paged);
                        }
                    }
                }
                case "vigil.incident.escalated.v1" -> {
                    IncidentEscalated escalated = (IncidentEscalated) codec.typed(envelope).payload();
                    if (escalated.step() == 0) {
                        String alert = alertOfIncident.get(escalated.incidentId());
                        if (alert != null) {
                            pagedSeen.putIfAbsent(alert, at);
                        } else {
                            pagedBeforeOpened.putIfAbsent(escalated.incidentId(), at);
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
