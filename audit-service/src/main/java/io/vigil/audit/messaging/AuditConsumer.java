package io.vigil.audit.messaging;

import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.vigil.audit.application.AuditIntake;
import io.vigil.audit.domain.AuditRecord;
import io.vigil.audit.persistence.AuditLog;
import io.vigil.platform.resilience.OutageRetry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Every record of every Vigil topic, in batches, appended by one appender thread in the order they came. A batch
 * is acknowledged (its offsets may then be committed) only after its transaction has committed, and batches are
 * acknowledged in order, so a crash at any point re-delivers records, which the log recognises by event id and
 * does not add twice. While one batch is being written, the next is read (its CloudEvents decoded): reading is
 * most of the service's CPU, writing mostly waits on PostgreSQL. A database that is down is waited for, batch by
 * batch, however long it takes: the log must hold every event, in order, so nothing here is ever skipped or
 * dead-lettered.
 */
@ApplicationScoped
public class AuditConsumer {
    private final AuditIntake intake;
    private final AuditLog log;
    private final Clock clock;
    private final OutageRetry retry;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(named("audit-reader"));
    private final ExecutorService appender = Executors.newSingleThreadExecutor(named("audit-appender"));
    /** The last batch handed to the appender: committed and acknowledged when it completes. */
    private CompletableFuture<Void> lastWritten = CompletableFuture.completedFuture(null);

    public AuditConsumer(AuditIntake intake, AuditLog log, Clock clock, OutageRetry retry) {
        this.intake = intake;
        this.log = log;
        this.clock = clock;
        this.retry = retry;
    }

    /**
     * Called for one batch at a time: the next call comes when the returned stage completes, that is once this batch
     * is read and the previous one is written. So at most one batch is being written while the next is read.
     */
    @Incoming("everything")
    CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        CompletableFuture<List<AuditRecord>> read = CompletableFuture.supplyAsync(() -> read(batch), reader);
        CompletableFuture<Void> previous = lastWritten;
        CompletableFuture<Void> written = read.thenCombine(previous, (records, done) -> records)
                .thenApplyAsync(records -> retry.untilDone("audit-log", () -> log.append(records), failure -> true), appender)
                .thenCompose(appended -> batch.ack());
        written.exceptionally(failure -> {
            batch.nack(failure);
            return null;
        });
        lastWritten = written;
        return read.thenCombine(previous, (records, done) -> null);
    }

    private List<AuditRecord> read(KafkaRecordBatch<String, byte[]> batch) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordBatchMetadata<String, byte[]> metadata = batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .orElseThrow(() -> new IllegalStateException("a batch without its Kafka records"));
        List<ConsumerRecord<String, byte[]>> polled = new ArrayList<>(metadata.count());
        metadata.getRecords().forEach(polled::add);
        // Reading the CloudEvents is most of the appender's CPU: spread it over the cores, keeping the order.
        return polled.parallelStream().map(record -> intake.toRecord(record, now)).toList();
    }

    @PreDestroy
    void stop() {
        reader.shutdownNow();
        appender.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }
}
