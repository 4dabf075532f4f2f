package io.vigil.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What one run measures and where the servers are. Every value is a system property {@code bench.<name>},
 * else an environment variable {@code BENCH_<NAME>} (N_APPEND, N_QUERY and N_QUERIES also without the prefix),
 * else the default; bench/run.sh sets them.
 */
record BenchConfig(
        int nAppend,
        long nQuery,
        int queriesPerKind,
        int warmupQueries,
        int arrivingPerSecond,
        String pgHost,
        int pgPort,
        String database,
        String ownerUser,
        String password,
        String kafkaBootstrap,
        String keycloakRealmUrl,
        String serviceJar,
        String serviceHeap,
        String serviceJavaOpts,
        Path workDir,
        boolean keepExport,
        Duration startupTimeout) {

    static BenchConfig load() {
        int nAppend = (int) number("n-append", "N_APPEND", 200_000);
        long nQuery = number("n-query", "N_QUERY", 1_000_000);
        if (nAppend < 1 || nQuery < 1) {
            throw new IllegalArgumentException("N_APPEND and N_QUERY must be at least 1");
        }
        return new BenchConfig(
                nAppend,
                nQuery,
                (int) number("queries", "N_QUERIES", 500),
                (int) number("warmup-queries", "BENCH_WARMUP_QUERIES", 30),
                (int) number("arriving", "BENCH_ARRIVING", 2_000),
                text("pg-host", "127.0.0.1"),
                (int) number("pg-port", "VIGIL_PG_PORT", 55432),
                text("database", "audit_bench"),
                text("owner-user", "audit"),
                text("password", "vigil-dev"),
                text("kafka", "127.0.0.1:" + number("kafka-port", "VIGIL_KAFKA_PORT", 9092)),
                text("keycloak", "http://127.0.0.1:" + number("keycloak-port", "VIGIL_KEYCLOAK_PORT", 8180) + "/realms/vigil"),
                text("service-jar", "audit-service/target/quarkus-app/quarkus-run.jar"),
                text("service-heap", "512m"),
                text("service-java-opts", ""),
                Path.of(text("work-dir", ".vigil/bench")),
                Boolean.parseBoolean(text("keep-export", "false")),
                Duration.ofSeconds(number("startup-timeout-seconds", "BENCH_STARTUP_TIMEOUT_SECONDS", 180)));
    }

    String jdbcUrl(String extraParameters) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database
                + (extraParameters.isEmpty() ? "" : "?" + extraParameters);
    }

    private static String text(String name, String fallback) {
        String v = System.getProperty("bench." + name);
        if (v == null || v.isBlank()) {
            v = System.getenv("BENCH_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static long number(String name, String env, long fallback) {
        String v = System.getProperty("bench." + name);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.strip().replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + v + "'");
        }
    }
}
