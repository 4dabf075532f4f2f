package io.vigil.audit.messaging;

import io.quarkus.runtime.StartupEvent;
import io.vigil.audit.application.AuditIntake;
import io.vigil.audit.config.AuditConfig;
import io.vigil.audit.domain.AuditRecord;
import io.vigil.audit.persistence.AuditLog;
import io.vigil.platform.config.VigilConfig;
import io.vigil.platform.resilience.OutageRetry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every record of every Vigil topic, in batches, appended by one appender thread in the order they came, read by
 * a Kafka consumer of its own. One thread owns the consumer: it polls, decodes a batch (its CloudEvents, on all
 * cores, order kept), hands it to the appender, and commits a batch's offsets only after the batch's transaction
 * has committed, batch after batch in order. While the appender writes batch N, the consumer thread polls and
 * decodes batch N+1: reading is most of the service's CPU, writing mostly waits on PostgreSQL. Should the group
 * take partitions away, the batch being written is waited for and its offsets committed before they go, and a
 * decoded batch not yet written gives up the records of those partitions, which their next owner reads from the
 * committed offsets. A crash at any point re-delivers records, which the log recognises by event id and does not
 * add twice. A database that is down is waited for however long it takes (the consumer keeps polling, its
 * partitions paused, so the group keeps it): the log must hold every event, in order, so nothing here is ever
 * skipped or dead-lettered. A broker that is down is waited for by the client.
 */
@ApplicationScoped
public class AuditConsumer {
    private static final Logger LOG = Logger.getLogger(AuditConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration WHILE_WRITING = Duration.ofMillis(100);

    private final AuditIntake intake;
    private final AuditLog log;
    private final Clock clock;
    private final OutageRetry retry;
    private final AuditConfig.Intake config;
    private final String bootstrapServers;
    private final String clientId;
    private final ExecutorService appender = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "audit-appender");
        t.setDaemon(true);
        return t;
    });

    private volatile boolean running = true;
    private volatile boolean joined;
    private volatile Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;

    // owned by the consumer thread
    private Written writing;
    private Decoded decoded;
    private boolean paused;

    public AuditConsumer(AuditIntake intake, AuditLog log, Clock clock, OutageRetry retry, AuditConfig audit, VigilConfig vigil,
                         @ConfigProperty(name = "quarkus.application.name") String clientId) {
        this.intake = intake;
        this.log = log;
        this.clock = clock;
        this.retry = retry;
        this.config = audit.intake();
        this.bootstrapServers = vigil.kafka().bootstrapServers();
        this.clientId = clientId;
    }

    /** A batch read and decoded, with the offsets to commit once it is written. */
    private record Decoded(List<AuditRecord> records, Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    /** A batch handed to the appender. */
    private record Written(CompletableFuture<?> done, Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    void start(@Observes StartupEvent ignored) {
        Thread t = new Thread(this::run, "audit-consumer");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Whether the consumer thread runs and has joined its group (an assignment, possibly empty). */
    public boolean ready() {
        Thread t = thread;
        return t != null && t.isAlive() && joined;
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(properties(), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = c;
            c.subscribe(config.topics(), new Rebalance());
            try {
                while (running) {
                    ConsumerRecords<String, byte[]> polled = c.poll(POLL);
                    if (polled.isEmpty()) {
                        commitIfWritten();
                        continue;
                    }
                    decoded = decode(polled);
                    awaitWritten(c);
                    Decoded next = decoded;
                    decoded = null;
                    if (!next.records().isEmpty()) {
                        writing = new Written(CompletableFuture.runAsync(() ->
                                retry.untilDone("audit-log", () -> log.append(next.records()), failure -> true), appender), next.offsets());
                    }
                }
            } catch (WakeupException stopping) {
                // stop() woke the poll
            }
            finish(c);
        } catch (RuntimeException e) {
            LOG.error("the audit log's consumer stopped", e);
        } finally {
            joined = false;
        }
    }

    private Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-log");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, config.autoOffsetReset());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        return p;
    }

    private Decoded decode(ConsumerRecords<String, byte[]> polled) {
        Instant now = clock.instant();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
        polled.forEach(records::add);
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : polled.partitions()) {
            List<ConsumerRecord<String, byte[]>> of = polled.records(tp);
            offsets.put(tp, new OffsetAndMetadata(of.getLast().offset() + 1));
        }
        // Reading the CloudEvents is most of the service's CPU: spread it over the cores, keeping the order.
        return new Decoded(records.parallelStream().map(r -> intake.toRecord(r, now)).toList(), offsets);
    }

    /**
     * Waits until the batch being written is committed, then commits its offsets. Should that take a while (the
     * database is away), the consumer polls meanwhile with its partitions paused, so the group does not count it gone.
     */
    private void awaitWritten(KafkaConsumer<String, byte[]> c) {
        try {
            while (writing != null && !writing.done().isDone()) {
                try {
                    writing.done().get(1, TimeUnit.SECONDS);
                } catch (TimeoutException stillWriting) {
                    if (!paused) {
                        c.pause(c.assignment());
                        paused = true;
                    }
                    giveBack(c, c.poll(WHILE_WRITING));
                } catch (ExecutionException failed) {
                    // done: commitIfWritten leaves its offsets uncommitted
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new WakeupException();
                }
            }
        } finally {
            if (paused) {
                paused = false;
                c.resume(c.paused());
            }
        }
        commitIfWritten();
    }

    /** Records a paused consumer returned after all (none expected) are read again later, from where they start. */
    private static void giveBack(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> polled) {
        for (TopicPartition tp : polled.partitions()) {
            c.seek(tp, polled.records(tp).getFirst().offset());
            c.pause(List.of(tp));
        }
    }

    /** Commits the offsets of the batch written, once its transaction has committed. */
    private void commitIfWritten() {
        if (writing == null || !writing.done().isDone()) {
            return;
        }
        Written done = writing;
        writing = null;
        if (done.done().isCompletedExceptionally()) {
            return; // only when stopping: nothing committed, the records are read again
        }
        consumer.commitAsync(done.offsets(), (offsets, failure) -> {
            if (failure != null) {
                LOG.debugf("offsets of the audit log not committed (the records will be read again and recognised): %s", failure);
            }
        });
    }

    /** The batch being written is waited for (bounded when stopping), and its offsets committed before they go. */
    private void commitWrittenNow(KafkaConsumer<String, byte[]> c, Duration within) {
        if (writing == null) {
            return;
        }
        Written w = writing;
        writing = null;
        try {
            w.done().get(within.toMillis(), TimeUnit.MILLISECONDS);
            c.commitSync(w.offsets());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("the audit log's last batch was not committed before stopping; its records will be read again: %s", e);
        } catch (RuntimeException e) {
            LOG.warnf("offsets of the audit log not committed; the records will be read again and recognised: %s", e);
        }
    }

    private void finish(KafkaConsumer<String, byte[]> c) {
        commitWrittenNow(c, Duration.ofSeconds(10));
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            joined = false;
            if (!partitions.isEmpty()) {
                LOG.infof("the audit log gives up %d partitions", partitions.size());
            }
            // the batch being written goes in and its offsets are committed before another consumer reads on
            commitWrittenNow(consumer, Duration.ofDays(365));
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            joined = false;
            // already someone else's: what is being written still goes in (the log recognises a second copy)
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (paused) {
                consumer.pause(partitions);
            }
            joined = true;
            LOG.infof("the audit log reads %d partitions of group %s: %s", partitions.size(), config.groupId(), partitions);
        }

        /** A decoded batch not yet written gives up the records of partitions no longer ours. */
        private void forget(Collection<TopicPartition> partitions) {
            if (decoded == null || partitions.isEmpty()) {
                return;
            }
            Set<TopicPartition> gone = new HashSet<>(partitions);
            List<AuditRecord> kept = decoded.records().stream()
                    .filter(r -> !gone.contains(new TopicPartition(r.topic(), r.partition()))).toList();
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(decoded.offsets());
            offsets.keySet().removeAll(gone);
            decoded = new Decoded(kept, offsets);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        appender.shutdownNow();
    }
}
