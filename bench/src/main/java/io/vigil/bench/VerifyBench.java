package io.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.audit.verifier.OfflineVerifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Whole-log operations: {@code GET /audit/verify} (the server re-hashes every entry), {@code GET /audit/export}
 * as NDJSON streamed to a file and counted, and the offline verifier on that file against the signed tree head
 * fetched just before the export.
 */
final class VerifyBench {
    record Timed(long entries, long bytes, double seconds, boolean valid, String detail) {
        double perSecond() {
            return entries / seconds;
        }

        double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    static Timed verify(AuditClient client, long size) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        JsonNode result = client.getJson("/audit/verify", timeoutFor(size));
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Timed(result.path("checked").asLong(), 0, seconds, result.path("valid").asBoolean(), result.toString());
    }

    static JsonNode treeHead(AuditClient client) throws IOException, InterruptedException {
        return client.getJson("/audit/tree-head", Duration.ofSeconds(60));
    }

    static Timed export(AuditClient client, long size, Path file) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        long lines = 0;
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = client.stream("/audit/export?format=ndjson", timeoutFor(size));
             OutputStream out = Files.newOutputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                out.write(buffer, 0, read);
                bytes += read;
                for (int k = 0; k < read; k++) {
                    if (buffer[k] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Timed(lines, bytes, seconds, lines == size, lines + " lines of " + size + " entries");
    }

    static Timed offline(Path export, JsonNode treeHead) throws IOException {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        long t0 = System.nanoTime();
        OfflineVerifier.Report report = OfflineVerifier.verify(export, treeHead, null, quiet);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Timed(report.checked(), Files.size(export), seconds, report.valid(),
                report.valid() ? "valid" : "INVALID at seq " + report.firstBad() + ": " + report.problem());
    }

    /** Generous: at least 2 minutes, or 5,000 entries a second. */
    private static Duration timeoutFor(long entries) {
        return Duration.ofSeconds(Math.max(120, entries / 5_000));
    }

    private VerifyBench() {
    }
}
