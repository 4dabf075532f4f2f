package io.vigil.bench;

import io.vigil.audit.domain.AuditEntry;
import io.vigil.audit.domain.EntryHash;
import io.vigil.events.EventCodec;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parts 1 and 2: N events pre-produced to the run's topic; the raw Kafka consumer and the raw PostgreSQL insert
 * of the same rows; then audit-service started on that topic and timed until it has committed all N.
 */
final class ThroughputPhase {
    private final BenchConfig config;
    private final Report report;
    private final Db db;
    private final Workload workload;

    ThroughputPhase(BenchConfig config, Report report, Db db, Workload workload) {
        this.config = config;
        this.report = report;
        this.db = db;
        this.workload = workload;
    }

    /** @return the running service, left running for the later parts */
    ServiceUnderTest run(String topic, String rawGroup, String serviceGroup, Cleanup cleanup) throws Exception {
        int n = config.nAppend();
        report.section("Append rate vs. the ceilings, same " + String.format(Locale.ROOT, "%,d", n) + " events (parts 1-2)");

        Progress.say("producing %,d CloudEvents to %s", n, topic);
        EventProducer.Placement placed = EventProducer.produce(config.kafkaBootstrap(), topic, workload, n, new EventCodec());
        report.figure("pre-produce (info, not a ceiling)", Report.rate(n / placed.seconds(), "events/s"));
        report.note(String.format(Locale.ROOT, "events average %,d bytes (structured CloudEvents JSON)", placed.bytes() / n));

        Progress.say("raw Kafka consumer, fresh group");
        RawConsumer.Result raw = RawConsumer.consumeAll(config.kafkaBootstrap(), topic, rawGroup, n,
                Duration.ofSeconds(60 + n / 5_000));
        report.figure("raw Kafka consumer (ByteArrayDeserializer)", Report.rate(raw.perSecond(), "records/s")
                + Report.num(raw.bytes() / 1e6 / raw.seconds(), ", %.0f MB/s"));

        Progress.say("the service's per-event Java work, one thread, no I/O");
        double intake = IntakeCpu.eventsPerSecond(workload, new EventCodec(), n, topic);

        List<RawInsert.Result> inserts = rawInserts(placed, topic);
        RawInsert.Result plain = inserts.get(0);

        Progress.say("starting audit-service on %s", topic);
        ServiceUnderTest service = ServiceUnderTest.launch(config, topic, serviceGroup);
        cleanup.add(service::close);
        CpuMeter cpu = new CpuMeter(service.pid(), config.database());
        long readyAt = service.awaitReady(config.startupTimeout());
        CpuMeter.Snapshot cpuAtReady = cpu.snapshot();
        Progress.say("audit-service ready after %.1f s (port %d); waiting for seq %,d", (readyAt - service.launchedAt) / 1e9,
                service.port, n);
        AppendMeter.Result append;
        try (Connection c = db.connect()) {
            append = AppendMeter.measure(c, service, readyAt, n, Duration.ofSeconds(120 + n / 1_000), Duration.ofSeconds(60));
        }
        CpuMeter.Snapshot cpuAtEnd = cpu.snapshot();
        try (Connection c = db.connect()) {
            check(c, n);
        }
        double ratio = append.perSecond() / plain.perSecond();
        report.figure("APPEND: Kafka -> committed audit entries", Report.rate(append.perSecond(), "events/s"),
                ">= 25,000 events/s", append.perSecond() >= 25_000);
        report.figure("  steady part (10% -> 90% of N)", Report.rate(append.steadyPerSecond(), "events/s"));
        report.note(String.format(Locale.ROOT, "readiness to seq %,d: %.2f s; %,d entries were committed before readiness and are "
                        + "left out; %.1f s from JVM launch", n, append.seconds(), append.seqAtReady(), append.sinceLaunchSeconds()));
        report.note(CpuMeter.between(cpuAtReady, cpuAtEnd));
        report.figure("raw PostgreSQL insert (plain table)", Report.rate(plain.perSecond(), "rows/s"));
        report.figure("  diagnostic: + audit_entry's indexes", Report.rate(inserts.get(1).perSecond(), "rows/s"));
        report.figure("  diagnostic: + indexes, no reWriteBatchedInserts", Report.rate(inserts.get(2).perSecond(), "rows/s"));
        report.figure("  diagnostic: service's Java work, 1 thread", Report.rate(intake, "events/s"));
        report.note("  (SDK decode + hash + Merkle edge, warmed up, no Kafka/JDBC; the service reads structured events in one pass instead)");
        report.figure("APPEND / raw insert", Report.num(100 * ratio, "%.1f %%"), ">= 50 %", ratio >= 0.5);
        report.figure("APPEND / raw Kafka consumer (info)", Report.num(100 * append.perSecond() / raw.perSecond(), "%.1f %%"));
        return service;
    }

    private List<RawInsert.Result> rawInserts(EventProducer.Placement placed, String topic) throws Exception {
        int n = config.nAppend();
        Progress.say("building the %,d rows for the raw insert (hashes computed, not timed)", n);
        List<AuditEntry> rows = new ArrayList<>(n);
        byte[] prev = EntryHash.GENESIS;
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            AuditEntry e = AuditEntry.chain(i + 1, workload.record(i, topic, placed.partitions()[i], placed.offsets()[i], now), prev);
            rows.add(e);
            prev = e.entryHash();
        }
        Progress.say("raw insert warm-up (not timed)");
        RawInsert.run(db, RawInsert.Variant.PLAIN, rows.subList(0, Math.min(rows.size(), 10_000)));
        List<RawInsert.Result> results = new ArrayList<>();
        for (RawInsert.Variant v : RawInsert.Variant.values()) {
            Progress.say("raw PostgreSQL insert into %s", v.table);
            results.add(RawInsert.run(db, v, rows));
        }
        return results;
    }

    /** Every record became an entry, none as unreadable: the events were valid. */
    private static void check(Connection c, long n) throws Exception {
        long entries = Db.single(c, "SELECT count(*) FROM audit_entry");
        long unreadable = Db.single(c, "SELECT count(*) FROM audit_entry WHERE type = 'vigil.unreadable-record'");
        if (entries != n || unreadable != 0) {
            throw new IllegalStateException("audit_entry holds " + entries + " entries (" + unreadable
                    + " unreadable), expected " + n + " events");
        }
    }
}
