package io.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import java.util.Map;

/**
 * Parts 3 and 4, on a log of N_QUERY entries: the chain is topped up directly in the database (ChainFiller),
 * then filtered queries, verify, export and the offline verifier go through the running service.
 */
final class LargeLogPhase {
    private final BenchConfig config;
    private final Report report;
    private final Db db;
    private final Workload workload;

    LargeLogPhase(BenchConfig config, Report report, Db db, Workload workload) {
        this.config = config;
        this.report = report;
        this.db = db;
        this.workload = workload;
    }

    void run(ServiceUnderTest service, String topic, Cleanup cleanup) throws Exception {
        long size = fill();
        AuditClient client = new AuditClient(service.url(), config.keycloakRealmUrl());
        size = queries(client, size, topic);
        whole(client, size, cleanup);
    }

    private long fill() throws Exception {
        long target = config.nQuery();
        report.section(String.format(Locale.ROOT, "Queries on a log of %,d entries (part 3)", Math.max(target, config.nAppend())));
        if (target < 1_000_000) {
            report.note("SMALL RUN: the targets are meant for a log of 1,000,000+ entries (N_QUERY)");
        }
        Progress.say("filling the log to %,d entries (chain + Merkle nodes, COPY)", target);
        ChainFiller.Result filled = ChainFiller.fill(db, workload, config.nAppend(), target);
        try (Connection c = db.connect()) {
            long t0 = System.nanoTime();
            Progress.say("VACUUM (ANALYZE) audit_entry, merkle_node");
            Db.execute(c, "VACUUM (ANALYZE) audit_entry");
            Db.execute(c, "VACUUM (ANALYZE) merkle_node");
            double vacuum = (System.nanoTime() - t0) / 1e9;
            long size = Db.maxSeq(c);
            report.figure("fill (setup, info)", filled.added() == 0 ? "nothing to add"
                    : Report.rate(filled.perSecond(), "entries/s"));
            report.note(String.format(Locale.ROOT, "log: %,d entries, audit_entry %s, merkle_node %s; VACUUM ANALYZE %.1f s", size,
                    Db.size(c, "audit_entry"), Db.size(c, "merkle_node"), vacuum));
            return size;
        }
    }

    /** @return the log's size after the events that arrived meanwhile are appended */
    private long queries(AuditClient client, long size, String topic) throws Exception {
        int arrivingPerSecond = config.arrivingPerSecond();
        Progress.say("%d filtered queries of each kind (+%d warm-up rounds) while %,d events/s arrive", config.queriesPerKind(),
                config.warmupQueries(), arrivingPerSecond);
        Map<String, Latencies> kinds;
        long arrived = 0;
        double seconds = 0;
        try (Connection c = db.connect()) {
            ArrivingEvents arriving = arrivingPerSecond > 0 ? ArrivingEvents.start(config.kafkaBootstrap(), topic, workload,
                    Math.max(config.nAppend(), config.nQuery()), arrivingPerSecond) : null;
            try {
                kinds = QueryBench.run(c, client, config.queriesPerKind(), config.warmupQueries(), 42);
            } finally {
                if (arriving != null) {
                    arrived = arriving.stop();
                    seconds = arriving.seconds();
                }
            }
            long appendedMeanwhile = Db.maxSeq(c) - size;
            report.note(String.format(Locale.ROOT, "queried while events arrived: %,d produced in %.1f s (%,.0f/s), %,d appended "
                    + "by the service before the last query answered", arrived, seconds, arrived / Math.max(seconds, 1e-9),
                    appendedMeanwhile));
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (Db.maxSeq(c) < size + arrived && System.nanoTime() < deadline) {
                ServiceUnderTest.sleep(100);
            }
            if (Db.maxSeq(c) < size + arrived) {
                throw new IllegalStateException("the service did not append the " + arrived + " events that arrived within 120 s");
            }
            size = Db.maxSeq(c);
        }
        kinds.forEach((kind, l) -> {
            double p99 = l.percentile(99);
            report.figure(kind + String.format(Locale.ROOT, " (n=%d, %.0f rows)", l.count(), l.meanRows()),
                    Report.num(l.percentile(50), "p50 %.1f") + Report.num(p99, " p99 %.1f") + Report.num(l.max(), " max %.0f ms"),
                    "p99 <= 50 ms", p99 <= 50);
        });
        return size;
    }

    private void whole(AuditClient client, long size, Cleanup cleanup) throws Exception {
        report.section(String.format(Locale.ROOT, "Verify and export %,d entries (part 4)", size));
        Progress.say("GET /audit/verify");
        VerifyBench.Timed verify = VerifyBench.verify(client, size);
        report.figure("GET /audit/verify" + (verify.valid() ? "" : " INVALID"), Report.rate(verify.perSecond(), "entries/s"),
                ">= 200,000 entries/s", verify.perSecond() >= 200_000);
        if (!verify.valid() || verify.entries() != size) {
            report.note("verify answered " + verify.detail());
        }
        JsonNode head = VerifyBench.treeHead(client);
        Path file = config.workDir().resolve("export.ndjson");
        if (!config.keepExport()) {
            cleanup.add(() -> Files.deleteIfExists(file));
        }
        Progress.say("GET /audit/export?format=ndjson -> %s", file);
        VerifyBench.Timed export = VerifyBench.export(client, size, file);
        report.figure("GET /audit/export?format=ndjson" + (export.valid() ? "" : " INCOMPLETE"),
                Report.rate(export.perSecond(), "entries/s") + Report.num(export.megabytesPerSecond(), ", %.1f MB/s"));
        if (!export.valid()) {
            report.note("export: " + export.detail());
        }
        Progress.say("offline verifier on the export, tree head of size %,d", head.path("treeSize").asLong());
        VerifyBench.Timed offline = VerifyBench.offline(file, head);
        report.figure("OfflineVerifier.verify (export + signed head)" + (offline.valid() ? "" : " INVALID"),
                Report.rate(offline.perSecond(), "entries/s"));
        report.note(String.format(Locale.ROOT, "export %.1f MB; offline verifier: %s", export.bytes() / 1e6, offline.detail()));
    }
}
