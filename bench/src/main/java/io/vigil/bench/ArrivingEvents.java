package io.vigil.bench;

import io.vigil.events.EventCodec;
import io.vigil.events.EventPayload;
import io.vigil.events.VigilEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Events that keep arriving while the queries are timed: the workload continued from {@code firstIndex}, produced to
 * the run's topic at a steady rate (a tenth of a second's worth at a time), so that the service appends while it
 * answers and the indexes are read while they grow (pages not yet vacuumed, the service competing for the cores).
 */
final class ArrivingEvents implements AutoCloseable {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;
    private final long startedAt = System.nanoTime();
    private long stoppedAt;

    private ArrivingEvents(String bootstrap, String topic, Workload workload, long firstIndex, int perSecond) {
        EventCodec codec = new EventCodec();
        thread = new Thread(() -> {
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.CLIENT_ID_CONFIG, "vigil-bench-arriving",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
                long i = firstIndex;
                long tick = System.nanoTime();
                while (!stop.get()) {
                    for (int k = 0; k < perSecond / 10; k++) {
                        VigilEvent<EventPayload> event = workload.event(i++);
                        producer.send(EventCodec.structuredRecord(topic, event.subject(), codec.encode(event)), (m, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
                        sent.incrementAndGet();
                    }
                    tick += 100_000_000L;
                    long wait = tick - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                producer.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                failure.compareAndSet(null, e);
            }
        }, "bench-arriving-events");
        thread.setDaemon(true);
    }

    static ArrivingEvents start(String bootstrap, String topic, Workload workload, long firstIndex, int perSecond) {
        ArrivingEvents arriving = new ArrivingEvents(bootstrap, topic, workload, firstIndex, perSecond);
        arriving.thread.start();
        return arriving;
    }

    /** Stops producing; @return how many events were sent. */
    long stop() throws InterruptedException {
        if (stop.compareAndSet(false, true)) {
            thread.join(30_000);
            stoppedAt = System.nanoTime();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("producing the arriving events failed", failure.get());
        }
        return sent.get();
    }

    double seconds() {
        return ((stoppedAt == 0 ? System.nanoTime() : stoppedAt) - startedAt) / 1e9;
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        thread.join(30_000);
    }
}
