package io.vigil.bench;

import io.vigil.events.EventCodec;
import io.vigil.events.EventPayload;
import io.vigil.events.VigilEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes events 0 .. n-1 of the workload to the topic as structured-mode CloudEvents (EventCodec, key = subject),
 * with the producer settings of the services' outbox relay (idempotent, acks=all), and remembers where each landed.
 */
final class EventProducer {
    /** Where event i landed: partitions[i], offsets[i]. */
    record Placement(int[] partitions, long[] offsets, long bytes, double seconds) {
    }

    static Placement produce(String bootstrap, String topic, Workload workload, int n, EventCodec codec) {
        int[] partitions = new int[n];
        long[] offsets = new long[n];
        AtomicReference<Exception> failure = new AtomicReference<>();
        long bytes = 0;
        long t0 = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, "vigil-bench-producer",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < n && failure.get() == null; i++) {
                VigilEvent<EventPayload> event = workload.event(i);
                byte[] value = codec.encode(event);
                if (i < 2 * Workload.STORY * 5) {
                    codec.typed(codec.decode(value)); // every type the workload makes satisfies its JSON Schema
                }
                bytes += value.length;
                ProducerRecord<String, byte[]> record = EventCodec.structuredRecord(topic, event.subject(), value);
                int index = i;
                producer.send(record, (meta, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        partitions[index] = meta.partition();
                        offsets[index] = meta.offset();
                    }
                });
            }
            producer.flush();
        } // close() joins the sender thread: the callbacks' writes are visible after this
        if (failure.get() != null) {
            throw new IllegalStateException("producing to " + topic + " failed", failure.get());
        }
        return new Placement(partitions, offsets, bytes, (System.nanoTime() - t0) / 1e9);
    }

    private EventProducer() {
    }
}
