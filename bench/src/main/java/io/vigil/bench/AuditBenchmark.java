package io.vigil.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The audit-service benchmark: one run, one report, every figure measured in the same conditions.
 * <ol>
 *   <li>the sustained append rate, Kafka to committed entries, through the packaged service;</li>
 *   <li>beside it the raw Kafka consumer rate of the same topic and the raw PostgreSQL insert rate of the same rows;</li>
 *   <li>filtered query latency on a log of N_QUERY entries;</li>
 *   <li>verify, export and offline-verify rates.</li>
 * </ol>
 * Not a test: nothing is asserted; targets are printed beside the figures. See bench/README.md; run bench/run.sh.
 * Exit code 0 when every part ran, 1 when one failed (the figures measured so far are still printed).
 */
public final class AuditBenchmark {

    public static void main(String[] args) {
        BenchConfig config = BenchConfig.load();
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        Report report = new Report();
        report.header("Vigil audit-service benchmark, run " + runId);
        report.header(String.format(Locale.ROOT, "N_APPEND=%,d  N_QUERY=%,d  queries=%d per kind  |  %d cores, %s MB max heap here, "
                        + "service heap %s, JDK %s", config.nAppend(), config.nQuery(), config.queriesPerKind(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, config.serviceHeap(),
                Runtime.version()));
        report.header("PostgreSQL " + config.jdbcUrl("") + "  Kafka " + config.kafkaBootstrap()
                + "  topic vigil-bench-" + runId + " (3 partitions)");
        Cleanup cleanup = new Cleanup();
        AtomicBoolean reported = new AtomicBoolean();
        Thread hook = new Thread(() -> { // SIGTERM/SIGINT: undo what the run set up, then print what it measured
            Progress.say("interrupted: cleaning up");
            report.section("INTERRUPTED: the figures measured until then are above");
            cleanup.runAll();
            finish(config, runId, report, reported);
        });
        Runtime.getRuntime().addShutdownHook(hook);
        int exit = 0;
        try {
            run(config, runId, report, cleanup);
        } catch (Throwable e) {
            exit = 1;
            report.section("FAILED: " + e);
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                report.note("caused by " + cause);
            }
            e.printStackTrace();
        } finally {
            cleanup.runAll();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return; // the hook reports
        }
        finish(config, runId, report, reported);
        System.exit(exit);
    }

    private static void finish(BenchConfig config, String runId, Report report, AtomicBoolean reported) {
        if (reported.compareAndSet(false, true)) {
            report.print(System.out);
            save(config, runId, report);
        }
    }

    private static void run(BenchConfig config, String runId, Report report, Cleanup cleanup) throws Exception {
        Db db = new Db(config);
        Workload workload = new Workload(runId.hashCode(), Math.max(config.nAppend(), config.nQuery()));
        String rawGroup = "vigil-bench-raw-" + runId;
        String serviceGroup = "audit-service-bench-" + runId;
        Progress.say("creating topic vigil-bench-%s", runId);
        BenchTopic topic = BenchTopic.create(config.kafkaBootstrap(), "vigil-bench-" + runId,
                config.workDir().resolve("topic"));
        cleanup.add(topic::close);
        cleanup.add(() -> topic.deleteGroups(List.of(rawGroup, serviceGroup)));
        ServiceUnderTest service = new ThroughputPhase(config, report, db, workload)
                .run(topic.name, rawGroup, serviceGroup, cleanup);
        new LargeLogPhase(config, report, db, workload).run(service, topic.name, cleanup);
    }

    private static void save(BenchConfig config, String runId, Report report) {
        try {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            report.print(new PrintStream(text, true, StandardCharsets.UTF_8));
            Files.createDirectories(config.workDir());
            Files.write(config.workDir().resolve("report-" + runId + ".txt"), text.toByteArray());
            Progress.say("report saved to %s", config.workDir().resolve("report-" + runId + ".txt"));
        } catch (Exception e) {
            System.err.println("[bench] could not save the report: " + e);
        }
    }

    private AuditBenchmark() {
    }
}
