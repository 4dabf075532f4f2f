package io.vigil.system;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A packaged service started as its own JVM, as {@code make up} runs it, on a free port, against the
 * {@code <service>_test} database and with consumer groups of its own, so a running local system is not disturbed.
 */
final class ServiceProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    final int port;

    private ServiceProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    static ServiceProcess start(String service, Map<String, String> extraConfig) throws IOException {
        return start(service, extraConfig, true);
    }

    /** {@code freshDatabase}: wipe {@code <service>_test} first; false to restart on what an earlier run left. */
    static ServiceProcess start(String service, Map<String, String> extraConfig, boolean freshDatabase) throws IOException {
        Path apps = Path.of(System.getProperty("vigil.apps.dir", ".."));
        Path jar = apps.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn verify builds them)");
        }
        Path logs = Path.of(System.getProperty("vigil.logs.dir", "target/service-logs"));
        Files.createDirectories(logs);
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:55432/" + service + "_test",
                "-Dquarkus.flyway.clean-disabled=false", "-Dquarkus.flyway.clean-at-start=" + freshDatabase,
                "-Dvigil.clock.control-enabled=true"));
        extraConfig.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(service + ".log").toFile()))
                .start();
        ServiceProcess started = new ServiceProcess(service, process, port);
        // a test that fails before it closes the service must not leave it running
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        started.awaitReady(Duration.ofSeconds(90));
        return started;
    }

    static String group(String prefix) {
        return prefix + "-system-test-" + UUID.randomUUID();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see its log in target/service-logs");
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL().openConnection();
                c.setConnectTimeout(500);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            sleep(300);
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + within);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no offset commit — a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(15), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
