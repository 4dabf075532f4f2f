package io.vigil.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged service (quarkus-run.jar; audit-service unless named) as its own JVM, the way system-tests' ServiceProcess and
 * `make up` start it, pointed at the benchmark database (cleaned and migrated at start) and the run's topic
 * with a consumer group of its own, on a free port of 127.0.0.1. Its pid is written to the work directory
 * so that bench/run.sh can stop it should this JVM be killed outright.
 */
final class ServiceUnderTest implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path pidFile;
    final int port;
    final long launchedAt;
    final Path log;

    private ServiceUnderTest(String name, Process process, int port, long launchedAt, Path log, Path pidFile) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.launchedAt = launchedAt;
        this.log = log;
        this.pidFile = pidFile;
    }

    static ServiceUnderTest launch(BenchConfig config, String topic, String group) throws IOException {
        return launch(config, "audit-service", Path.of(config.serviceJar()), config.jdbcUrl(""), Map.of(
                "vigil.audit.intake.topics", topic,
                "vigil.audit.intake.group-id", group));
    }

    /** Any packaged service, on the given database (cleaned and migrated at start), with extra properties. */
    static ServiceUnderTest launch(BenchConfig config, String name, Path jar, String url, Map<String, String> properties)
            throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: package " + name + " first (bench/run.sh does)");
        }
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + config.serviceHeap()));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // Kafka's client; as infra/services.sh does
        }
        command.addAll(List.of(
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + url,
                "-Dquarkus.flyway.jdbc-url=" + url,
                "-Dquarkus.flyway.clean-at-start=true",
                "-Dquarkus.flyway.clean-disabled=false",
                "-Dbench.service-marker=" + name));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        if (!config.serviceJavaOpts().isBlank()) {
            command.addAll(Arrays.asList(config.serviceJavaOpts().strip().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        Files.createDirectories(config.workDir());
        Path log = config.workDir().resolve(name + ".log");
        long launchedAt = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path pidFile = config.workDir().resolve(name + ".pid");
        Files.writeString(pidFile, process.pid() + "\n");
        return new ServiceUnderTest(name, process, port, launchedAt, log, pidFile);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Polls /q/health/ready every 100 ms; returns System.nanoTime() of the first 200. */
    long awaitReady(Duration within) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start-up; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return System.nanoTime();
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            sleep(100);
        }
        throw new IllegalStateException(name + " was not ready within " + within + "; see " + log);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
            System.out.println("[bench] stopped " + name + " (pid " + process.pid() + ")");
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // run.sh checks the pid's command line before it acts on a stale file
        }
    }
}
