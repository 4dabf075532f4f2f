package io.vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU time spent by the service JVM, PostgreSQL and the Kafka broker over a measured interval, from /proc
 * (Linux; elsewhere it reports nothing). On a machine of few cores it tells which process a rate is bound by.
 * PostgreSQL counts the server's own processes (postmaster, checkpointer, WAL writer, autovacuum…) and the
 * backends connected to the benchmark's database, not those of other databases on the same server; a backend that
 * ends during the interval takes its CPU time with it, so the service's pooled connections are what is counted.
 */
final class CpuMeter {
    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every common Linux build

    record Snapshot(double service, double postgres, double kafka, long nanos) {
    }

    private final long servicePid;
    private final String database;

    CpuMeter(long servicePid, String database) {
        this.servicePid = servicePid;
        this.database = database;
    }

    Snapshot snapshot() {
        double service = 0;
        double postgres = 0;
        double kafka = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                double cpu = cpuSeconds(p);
                if (Long.parseLong(name) == servicePid) {
                    service += cpu;
                } else if (comm(p).equals("postgres") && ours(cmdline(p))) {
                    postgres += cpu;
                } else if (comm(p).equals("java") && cmdline(p).contains("kafka.Kafka")) {
                    kafka += cpu;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Snapshot(Double.NaN, Double.NaN, Double.NaN, System.nanoTime());
        }
        return new Snapshot(service, postgres, kafka, System.nanoTime());
    }

    /** "CPU over 6.9 s: audit-service 9.1 s, PostgreSQL 4.2 s, Kafka 0.5 s (of 13.8 core-seconds)" */
    static String between(Snapshot a, Snapshot b) {
        if (Double.isNaN(a.service()) || Double.isNaN(b.service())) {
            return "CPU use: not available (no /proc)";
        }
        double wall = (b.nanos() - a.nanos()) / 1e9;
        return String.format(Locale.ROOT, "CPU over those %.1f s: audit-service %.1f s, PostgreSQL %.1f s, Kafka %.1f s "
                        + "(the machine has %.1f core-seconds)", wall, b.service() - a.service(), b.postgres() - a.postgres(),
                b.kafka() - a.kafka(), wall * Runtime.getRuntime().availableProcessors());
    }

    /**
     * A server process, or a backend of the benchmark's database: its title is "postgres: user database host(port)
     * activity" for a client backend, "postgres: checkpointer" and the like for the server's own processes, and the
     * postmaster's command line is the binary's path.
     */
    private boolean ours(String cmdline) {
        String title = cmdline.strip();
        if (!title.startsWith("postgres: ")) {
            return true; // the postmaster
        }
        String[] words = title.substring("postgres: ".length()).split(" ");
        boolean clientBackend = words.length >= 3 && words[2].matches(".*\\(\\d+\\)|\\[local\\]|.*\\d+\\.\\d+.*");
        return !clientBackend || words[1].equals(database);
    }

    private static double cpuSeconds(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND; // utime, stime
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static String comm(Path proc) {
        try {
            return Files.readString(proc.resolve("comm")).strip();
        } catch (IOException gone) {
            return "";
        }
    }

    private static String cmdline(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }
}
