package io.vigil.audit.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.vigil.audit.application.AuditIntake;
import io.vigil.audit.domain.AuditRecord;
import io.vigil.audit.persistence.AuditLog;
import io.vigil.platform.resilience.OutageRetry;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every record of every Vigil topic, in batches. The method returns only after the batch is committed
 * to the database; only then is the batch acknowledged and its offsets committed, so a crash at any
 * point re-delivers records, which the log recognises by event id and does not add twice. A database that
 * is down is waited for, batch by batch, however long it takes: the log must hold every event, in order,
 * so nothing here is ever skipped or dead-lettered.
 */
@ApplicationScoped
public class AuditConsumer {
    private final AuditIntake intake;
    private final AuditLog log;
    private final Clock clock;
    private final OutageRetry retry;

    public AuditConsumer(AuditIntake intake, AuditLog log, Clock clock, OutageRetry retry) {
        this.intake = intake;
        this.log = log;
        this.clock = clock;
        this.retry = retry;
    }

    @Incoming("everything")
    @Blocking
    void consume(ConsumerRecords<String, byte[]> batch) {
        Instant now = clock.instant();
        List<ConsumerRecord<String, byte[]>> polled = new ArrayList<>(batch.count());
        batch.forEach(polled::add);
        // Reading the CloudEvents is most of the appender's CPU: spread it over the cores, keeping the order.
        List<AuditRecord> records = polled.parallelStream().map(record -> intake.toRecord(record, now)).toList();
        retry.untilDone("audit-log", () -> {
            log.append(records);
            return null;
        }, failure -> true);
    }
}
